/**
 * The text the commands insert: a new draft, a measure, a net section. Pure functions
 * over strings (no vscode import) so they can be tested without an editor. Net names,
 * labels and placeholders come from the engine through five-nets.generated.ts.
 */
import { CANONICAL_LABELS, NETS, PLACEHOLDER, SCHEMA_ID, SCHEMA_NAME, type NetNames, type Script } from './five-nets.generated';

export type { NetNames, Script };
export { NETS };

/** A piece of a template: literal text, or a placeholder the user tabs to and types over. */
export type Segment = { text: string } | { placeholder: string };

/** The script of a locale: zh-TW, zh-HK, zh-Hant -> traditional; other zh -> simplified. */
export function scriptForLocale(locale: string): Script {
  const tag = locale.toLowerCase();
  if (/^zh-(?:tw|hk|mo|hant)/.test(tag)) return 'hant';
  if (tag.startsWith('zh')) return 'hans';
  return 'en';
}

// Characters common in drafts whose simplified and traditional forms differ (网/網 …).
const HANS_ONLY = '网单责牵时标区会与为实进务护应处卫层范围发设导组织现经划';
const HANT_ONLY = '網單責牽時標區會與為實進務護應處衛層範圍發設導組織現經劃';
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;

/** Guess a draft's script from its text; null when it has too little text to tell. */
export function scriptOfText(text: string): Script | null {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const han = sample.match(HAN) ?? [];
  const latinWords = sample.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (han.length < 4) return latinWords >= 3 ? 'en' : null;
  let hans = 0;
  let hant = 0;
  for (const char of han) {
    if (HANS_ONLY.includes(char)) hans++;
    else if (HANT_ONLY.includes(char)) hant++;
  }
  return hant > hans ? 'hant' : 'hans';
}

export function netName(net: NetNames, script: Script): string {
  return net[script];
}

/** Which nets a draft already names (in any script), for the quick pick. */
export function netsNamedIn(text: string): Set<string> {
  const lower = text.toLowerCase();
  return new Set(NETS.filter((net) => text.includes(net.hans) || text.includes(net.hant) || lower.includes(net.en.toLowerCase())).map((net) => net.id));
}

/** 【待填写】（牵头单位：【待填写】；指标：【待填写】；完成时限：【待填写】） */
export function measureSegments(script: Script): Segment[] {
  const labels = CANONICAL_LABELS[script];
  const blank = { placeholder: PLACEHOLDER[script] };
  if (script === 'en') {
    return [blank, { text: ` (${labels.owner}: ` }, blank, { text: `; ${labels.metric}: ` }, blank, { text: `; ${labels.deadline}: ` }, blank, { text: ')' }];
  }
  return [blank, { text: `（${labels.owner}：` }, blank, { text: `；${labels.metric}：` }, blank, { text: `；${labels.deadline}：` }, blank, { text: '）' }];
}

export function segmentsToText(segments: readonly Segment[]): string {
  return segments.map((segment) => ('text' in segment ? segment.text : segment.placeholder)).join('');
}

const LIST_ITEM = /^\s*(\d{1,4})([.、])/;
const HEADING = /^\s{0,3}#{1,6}\s/;

/**
 * The list marker for a measure inserted on line `line`: one more than the numbered item
 * above it in the same section (1. 2. …, 1、2、…), else "1. ".
 */
export function nextListMarker(lines: readonly string[], line: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i] ?? '';
    if (HEADING.test(text)) break;
    const match = LIST_ITEM.exec(text);
    if (match) return match[2] === '、' ? `${Number(match[1]) + 1}、` : `${Number(match[1]) + 1}. `;
  }
  return '1. ';
}

/**
 * Where "Insert Measure" puts a measure typed at `character` of `line`: at the cursor on an
 * empty line (a list item numbered after the one above), else on a new line after the
 * current one, never glued onto the text already there.
 */
export function measureInsertion(lines: readonly string[], line: number, character: number): { atLineEnd: boolean; lead: string } {
  const before = (lines[line] ?? '').slice(0, character);
  if (before.trim() === '') return { atLineEnd: false, lead: nextListMarker(lines, line) };
  return { atLineEnd: true, lead: `\n${nextListMarker(lines, line + 1)}` };
}

/** The file name "New Policy Draft" proposes: a *.policy.md the default include globs match, not taken yet. */
export function newDraftFileName(taken: (name: string) => boolean): string {
  for (let index = 1; ; index++) {
    const name = index === 1 ? 'new-draft.policy.md' : `new-draft-${index}.policy.md`;
    if (!taken(name)) return name;
  }
}

/** The heading level of net sections: that of the nearest net heading above `line`, else 2. */
export function netHeadingLevel(lines: readonly string[], line: number): number {
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const match = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(lines[i] ?? '');
    if (match && netsNamedIn(match[2]).size > 0) return match[1].length;
  }
  return 2;
}

/** A net section: heading, blank line, one measure. */
export function netSectionSegments(net: NetNames, script: Script, level: number): Segment[] {
  return [{ text: `${'#'.repeat(level)} ${netName(net, script)}\n\n1. ` }, ...measureSegments(script), { text: '\n' }];
}

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Local calendar date as YYYY-MM-DD (the drafter's "today", not UTC's). */
export function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const TITLES: Record<Script, string> = {
  hans: `织牢织密“${SCHEMA_NAME.hans}”实施方案（草稿）`,
  hant: `織牢織密「${SCHEMA_NAME.hant}」實施方案（草稿）`,
  en: `${SCHEMA_NAME.en} Implementation Plan (Draft)`,
};

/** A new draft: frontmatter, a title, and each net with one measure to fill in. */
export function newDraftText(script: Script, today: Date): string {
  const measure = segmentsToText(measureSegments(script));
  const sections = NETS.map((net, index) => {
    const heading = script === 'en' ? netName(net, script) : `${CN_ORDINALS[index] ?? index + 1}、${netName(net, script)}`;
    return `## ${heading}\n\n1. ${measure}\n`;
  });
  return ['---', `title: ${TITLES[script]}`, `date: ${isoDate(today)}`, `schema: ${SCHEMA_ID}`, '---', '', `# ${TITLES[script]}`, '', sections.join('\n')].join('\n');
}

/** Characters picomatch reads as glob syntax in a folder name, escaped with a backslash. */
const GLOB_SYNTAX = /[\\*?[\]{}()!+@]/gu;

/**
 * The `fivenets.include` glob for the Markdown files of a folder ("Treat as Policy Draft"):
 * `notes/**\/*.md` for `notes` (a path relative to the workspace folder, `/`-separated),
 * `*.md` at the top. Glob characters in folder names are escaped.
 */
export function folderIncludeGlob(relativeDir: string): string {
  const segments = relativeDir.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0) return '*.md';
  return `${segments.map((segment) => segment.replace(GLOB_SYNTAX, '\\$&')).join('/')}/**/*.md`;
}
