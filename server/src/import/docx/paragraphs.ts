/**
 * The paragraphs of document.xml in order, each with its text and the number text Word
 * draws in front of it (its automatic numbering: "一、", "（一）", "1.", "（1）").
 *
 * mammoth reads numbering only as "ordered or not, at level n" (no number format, no text,
 * no list instance), so the Chinese labels that mark nets and measures would be lost. This
 * reads numbering.xml, styles.xml and each paragraph's w:numPr with an XML library and runs
 * Word's counters: one set per list instance (w:num), deeper levels restart when a shallower
 * one advances, w:startOverride restarts an instance.
 */
import { formatCounter } from './number-formats';
import { parseXml, type DocxPackage } from './package';
import { wordAttribute, wordChild, wordElements, type XmlElement } from './xml';

export interface WordParagraph {
  /** 1-based position among the document's paragraphs (table cells included): the ¶ number. */
  number: number;
  /** The paragraph's text as Word stores it (w:t runs), without its number. */
  text: string;
  /** The number Word draws before the text, or null (not numbered, or a bullet). */
  label: string | null;
  /** w:jc: centred lines are titles or red-letter headers; right-aligned ones are signatures. */
  alignment: 'center' | 'right' | null;
  /** Every run is bold, or in a title face (黑体, 小标宋, 楷体) or size (18 pt and up): a title line. */
  emphasized: boolean;
  /** Every run is red: the red-letter header (红头) of an official document. */
  red: boolean;
}

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** "tab" (the default), "space" or "nothing": what separates the number from the text. */
  suffix: string;
  isLegal: boolean;
}

interface ListInstance {
  levels: Map<number, Level>;
  counters: number[];
}

export function readParagraphs(pkg: DocxPackage): WordParagraph[] {
  const document = parseXml(pkg.parts.get(pkg.documentPart) as string, pkg.documentPart);
  const numbering = readNumbering(pkg);
  const styleNumbering = readStyleNumbering(pkg);
  const body = wordElements(document, 'body')[0];
  if (!body) return [];
  return wordElements(body, 'p').map((paragraph, index) => {
    const properties = wordChild(paragraph, 'pPr');
    const direct = wordChild(properties, 'numPr');
    const style = wordAttribute(wordChild(properties, 'pStyle'), 'val');
    const fromStyle = style ? styleNumbering.get(style) : undefined;
    const numId = wordAttribute(wordChild(direct, 'numId'), 'val') ?? fromStyle?.numId ?? null;
    const ilvl = Number(wordAttribute(wordChild(direct, 'ilvl'), 'val') ?? fromStyle?.ilvl ?? 0);
    const jc = wordAttribute(wordChild(properties, 'jc'), 'val');
    const runs = wordElements(paragraph, 'r').filter((run) => wordElements(run, 't').some((text) => (text.textContent ?? '').trim().length > 0));
    const runProperties = runs.map((run) => wordChild(run, 'rPr'));
    return {
      number: index + 1,
      text: paragraphText(paragraph),
      label: numId && numId !== '0' ? numbering.next(numId, Number.isInteger(ilvl) ? ilvl : 0) : null,
      alignment: jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : null,
      emphasized: runs.length > 0 && runProperties.every(isTitleFace),
      red: runs.length > 0 && runProperties.every((rPr) => /^(FF0000|C00000|E60012|FF0000)$/iu.test(wordAttribute(wordChild(rPr, 'color'), 'val') ?? '')),
    };
  });
}

const TITLE_FONTS = /黑体|小标宋|楷体|SimHei|KaiTi|STHeiti|Heiti/iu;

function isTitleFace(rPr: XmlElement | null): boolean {
  const bold = wordChild(rPr, 'b');
  if (bold && !/^(0|false|off)$/iu.test(wordAttribute(bold, 'val') ?? '')) return true;
  const fonts = wordChild(rPr, 'rFonts');
  if (TITLE_FONTS.test(`${wordAttribute(fonts, 'eastAsia') ?? ''} ${wordAttribute(fonts, 'ascii') ?? ''}`)) return true;
  return Number(wordAttribute(wordChild(rPr, 'sz'), 'val') ?? 0) >= 36;
}

/** The text of w:t elements, skipping deleted text (w:delText is another element). */
function paragraphText(paragraph: XmlElement): string {
  return wordElements(paragraph, 't')
    .map((text) => text.textContent ?? '')
    .join('');
}

function readLevel(element: XmlElement): Level {
  return {
    start: Number(wordAttribute(wordChild(element, 'start'), 'val') ?? 1),
    numFmt: wordAttribute(wordChild(element, 'numFmt'), 'val') ?? 'decimal',
    lvlText: wordAttribute(wordChild(element, 'lvlText'), 'val') ?? '',
    suffix: wordAttribute(wordChild(element, 'suff'), 'val') ?? 'tab',
    isLegal: wordChild(element, 'isLgl') !== null,
  };
}

function readNumbering(pkg: DocxPackage): { next(numId: string, ilvl: number): string | null } {
  const text = pkg.parts.get('word/numbering.xml');
  const abstracts = new Map<string, Map<number, Level>>();
  const instances = new Map<string, ListInstance>();
  if (text) {
    const root = parseXml(text, 'word/numbering.xml');
    for (const abstract of wordElements(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const level of wordElements(abstract, 'lvl')) levels.set(Number(wordAttribute(level, 'ilvl') ?? 0), readLevel(level));
      abstracts.set(wordAttribute(abstract, 'abstractNumId') ?? '', levels);
    }
    for (const num of wordElements(root, 'num')) {
      const levels = new Map(abstracts.get(wordAttribute(wordChild(num, 'abstractNumId'), 'val') ?? '') ?? []);
      const counters: number[] = [];
      for (const override of wordElements(num, 'lvlOverride')) {
        const ilvl = Number(wordAttribute(override, 'ilvl') ?? 0);
        const replaced = wordChild(override, 'lvl');
        if (replaced) levels.set(ilvl, readLevel(replaced));
        const start = wordAttribute(wordChild(override, 'startOverride'), 'val');
        const level = levels.get(ilvl);
        if (start !== null && level) levels.set(ilvl, { ...level, start: Number(start) });
      }
      instances.set(wordAttribute(num, 'numId') ?? '', { levels, counters });
    }
  }
  return {
    next(numId, ilvl) {
      const instance = instances.get(numId);
      const level = instance?.levels.get(ilvl);
      if (!instance || !level) return null;
      const { counters } = instance;
      for (let shallower = 0; shallower < ilvl; shallower++) counters[shallower] ??= (instance.levels.get(shallower)?.start ?? 1) - 1;
      counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl] + 1;
      counters.length = ilvl + 1; // deeper levels restart
      if (formatCounter(counters[ilvl], level.numFmt) === null) return null;
      const text = level.lvlText.replace(/%([1-9])/gu, (_match, digit: string) => {
        const at = Number(digit) - 1;
        const format = level.isLegal ? 'decimal' : (instance.levels.get(at)?.numFmt ?? 'decimal');
        return formatCounter(Math.max(counters[at] ?? 0, 0), format) ?? '';
      });
      if (text.length === 0) return null;
      // Word puts a tab after the number; a space reads the same in Markdown, and CJK
      // punctuation (一、 （一）) needs none.
      return level.suffix === 'nothing' || /[、）．。]$/u.test(text) ? text : `${text} `;
    },
  };
}

/** Paragraph styles that carry numbering (w:numPr in the style, or in a style it is based on). */
function readStyleNumbering(pkg: DocxPackage): Map<string, { numId: string; ilvl: number }> {
  const result = new Map<string, { numId: string; ilvl: number }>();
  const text = pkg.parts.get('word/styles.xml');
  if (!text) return result;
  const styles = new Map<string, XmlElement>();
  for (const style of wordElements(parseXml(text, 'word/styles.xml'), 'style')) styles.set(wordAttribute(style, 'styleId') ?? '', style);
  for (const id of styles.keys()) {
    const seen = new Set<string>();
    for (let current = styles.get(id); current && !seen.has(wordAttribute(current, 'styleId') ?? '');) {
      seen.add(wordAttribute(current, 'styleId') ?? '');
      const numPr = wordChild(wordChild(current, 'pPr'), 'numPr');
      const numId = wordAttribute(wordChild(numPr, 'numId'), 'val');
      if (numId) {
        result.set(id, { numId, ilvl: Number(wordAttribute(wordChild(numPr, 'ilvl'), 'val') ?? 0) });
        break;
      }
      const basedOn = wordAttribute(wordChild(current, 'basedOn'), 'val');
      current = basedOn ? styles.get(basedOn) : undefined;
    }
  }
  return result;
}
