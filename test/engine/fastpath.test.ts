/**
 * The fast path (server/src/engine/parse/fastpath.ts) must build exactly the tree remark-parse
 * builds wherever it answers. Random drafts made of the line shapes where the two could
 * disagree (markers, indents, interruptions, lazy lines, tables, comments, front matter, line
 * endings), every real draft and fixture, and the benchmark drafts are parsed both ways.
 */
import { strict as assert } from 'node:assert';
import type { Root } from 'mdast';
import { parseSimple } from '../../server/src/engine/parse/fastpath';
import { hasClosedFrontmatter, parseMarkdown, parserSettings } from '../../server/src/engine/parse/markdown';
import { splitSections } from '../../server/src/engine/parse/sections';
import { lint } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import { generateDraft as benchDraft } from '../../bench/generate';
import { chance, int, loadCorpus, mulberry32, pick, type Random } from '../fuzz/generate';

interface Projected {
  type: string;
  position: unknown;
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  spread?: boolean | null;
  align?: unknown;
  value?: string;
  children?: Projected[];
}

/** Everything the policy model can read of a tree: text and break nodes aside (it reads source slices). */
function project(node: Root | Root['children'][number], isRoot = true): Projected {
  const record = node as unknown as Record<string, unknown> & { position: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } };
  const { start, end } = record.position;
  const out: Projected = {
    type: node.type,
    // The root's end line and column are not read (and not kept by sliced table parsing either).
    position: isRoot ? [start.offset, end.offset] : [start.line, start.column, start.offset, end.line, end.column, end.offset],
  };
  for (const key of ['depth', 'ordered', 'start', 'spread', 'align', 'value'] as const) if (key in record && node.type !== 'text') (out as unknown as Record<string, unknown>)[key] = record[key];
  if ('children' in node) out.children = (node.children as Root['children']).filter((child) => child.type !== 'text' && child.type !== 'break').map((child) => project(child, false));
  return out;
}

function remark(text: string): Root {
  return parseMarkdown(text, undefined, false);
}

/** Compare where the fast path answers; returns whether it did. */
function check(text: string, label: string): boolean {
  const simple = parseSimple(text, hasClosedFrontmatter(text));
  if (!simple) return false;
  assert.deepEqual(project(simple), project(remark(text)), `${label}: ${JSON.stringify(text.slice(0, 400))}`);
  return true;
}

// ---------------------------------------------------------------------------------------
// Random line shapes
// ---------------------------------------------------------------------------------------

const WORDS = [
  '推进智慧治理',
  '建设应急避难场所95所',
  '市应急管理局',
  'Build 12 shelters',
  '2020年底前',
  '（一）加强组织',
  '1、完善机制',
  '1.5万人',
  '进一步提升',
  '覆盖率达到90%',
  '(a) item',
  '!重要',
  '"引号"',
  '：冒号',
  'a*b*c',
  'x_y_',
  '\\转义',
  '&amp;',
  '[链接](x)',
  '【责任单位：市民政局】',
  '一是加强',
  '𠮷野家😀',
];
const BULLETS = ['- ', '* ', '+ ', '-  ', '-    ', '-     ', '-\t', '1. ', '1) ', '2. ', '10. ', '3) ', '1234567890. ', '0. ', '1.  ', '01. '];

function text(random: Random, tame = false): string {
  let out = pick(random, WORDS);
  if (tame && out.startsWith('[')) out = '链接' + out;
  while (chance(random, 0.4)) out += pick(random, ['，', ' ', '', '；', '  ', '\t']) + pick(random, WORDS);
  if (!tame && chance(random, 0.05)) out += pick(random, ['`代码`', '<b>', '<!-- 注 -->', ' |', '|']);
  if (chance(random, 0.1)) out += pick(random, [' ', '  ', '\t', ' #']);
  return out;
}

function tableLine(random: Random, columns: number, tame = false): string {
  const cells = Array.from({ length: columns + (chance(random, 0.15) ? int(random, -1, 1) : 0) }, () =>
    pick(random, tame ? ['', ' ', ' 市民政局 ', '2020年', ' 1 '] : ['', ' ', ' 市民政局 ', '2020年', ' a\\|b ', ' `x|y` ', '<br>', ' 1 ']),
  );
  let line = (tame || chance(random, 0.92) ? '|' : '') + cells.join('|');
  if (chance(random, 0.85)) line += '|';
  if (chance(random, 0.1)) line += pick(random, [' ', '  ', '\t']);
  return line;
}

function delimiterLine(random: Random, columns: number, tame = false): string {
  const count = columns + (!tame && chance(random, 0.1) ? int(random, -1, 1) : 0);
  const cells = Array.from({ length: Math.max(count, 0) }, () => pick(random, tame ? [' --- ', ':---', '---:', ' :-: ', '-', ' - '] : [' --- ', ':---', '---:', ' :-: ', '-', ' - ', '--', ' ', 'x']));
  return (tame || chance(random, 0.92) ? '|' : '') + cells.join('|') + (chance(random, 0.85) ? '|' : '');
}

const TAME_BULLETS = ['- ', '* ', '1. ', '1) ', '2. ', '10. ', '+ '];

/** Lines of a plain plan (what the fast path is for), with small deviations. */
function tameLines(random: Random): string[] {
  const lines: string[] = [];
  if (chance(random, 0.2)) lines.push('---', 'title: 方案', ...(chance(random, 0.5) ? ['date: 2020-07-01'] : []), '---');
  let bullet = '';
  for (let i = int(random, 1, 30); i > 0; i--) {
    const shape = int(random, 0, 11);
    if (shape <= 2) lines.push(chance(random, 0.9) ? '' : ' ');
    else if (shape === 3) lines.push('#'.repeat(int(random, 1, 4)) + ' ' + text(random, true));
    else if (shape <= 6) {
      bullet = chance(random, 0.8) && bullet ? bullet : pick(random, TAME_BULLETS);
      lines.push(bullet + text(random, true));
    } else if (shape === 7 && bullet) lines.push(' '.repeat(chance(random, 0.9) ? bullet.length : int(random, 1, 4)) + pick(random, ['- ', '- ', '1. ', '2. ', '* ']) + text(random, true));
    else if (shape <= 9) lines.push(text(random, true));
    else if (shape === 10) {
      const columns = int(random, 1, 4);
      if (lines.length > 0 && chance(random, 0.8)) lines.push('');
      lines.push(tableLine(random, columns, true), delimiterLine(random, columns, true));
      for (let row = int(random, 0, 4); row > 0; row--) lines.push(tableLine(random, columns, true));
      if (chance(random, 0.8)) lines.push('');
    } else lines.push(pick(random, ['<!-- 注释 -->', '<!-- fivenets-disable missing-owner -->', '<!-- 多行', '注释 -->', '<!-- a --> 后文']));
  }
  return lines;
}

/** Lines near and past the edges of what the fast path accepts. */
function wildLines(random: Random): string[] {
  const lines: string[] = [];
  if (chance(random, 0.15))
    lines.push(
      ...pick(random, [
        ['---', 'title: 方案', 'date: 2020-07-01', '---'],
        ['---', '---'],
        ['---', 'a: 1'],
        ['---  ', 'x: 1', '---'],
        ['---', 'a: 1', '...'],
      ]),
    );
  const count = int(random, 1, 24);
  for (let i = 0; i < count; i++) {
    const shape = int(random, 0, 19);
    if (shape <= 2) lines.push('');
    else if (shape === 3) lines.push(pick(random, [' ', '\t', '   ', '  \t']));
    else if (shape === 4) lines.push(pick(random, ['#', '##', '###', '####', '#####', '######', '#######', '#x', '##\t']) + pick(random, [' ', '', '  ', ' ']) + (chance(random, 0.8) ? text(random) : ''));
    else if (shape <= 8) lines.push(pick(random, BULLETS) + (chance(random, 0.9) ? text(random) : ''));
    else if (shape <= 10) lines.push(' '.repeat(int(random, 1, 6)) + pick(random, BULLETS) + text(random));
    else if (shape === 11) lines.push(' '.repeat(int(random, 1, 5)) + text(random));
    else if (shape <= 14) lines.push(text(random));
    else if (shape === 15) {
      const columns = int(random, 1, 4);
      lines.push(tableLine(random, columns), delimiterLine(random, columns));
      for (let row = int(random, 0, 4); row > 0; row--) lines.push(tableLine(random, columns));
    } else if (shape === 16) lines.push(pick(random, ['<!-- 注释 -->', '<!-- fivenets-disable missing-owner -->', '<!--', '-->', '<!-->', '<!--->', '<!-- a --> 后文', '<div>', '<!-- a', 'b -->']));
    else if (shape === 17) lines.push(pick(random, ['---', '***', '___', '===', '- - -', '* * *', '> 引用', '```', '~~~', '    代码', '[a]: http://x', '- [ ] 任务', '-', '1.', '*']));
    else if (shape === 18) lines.push(tableLine(random, int(random, 1, 3)));
    else lines.push(pick(random, ['\uFEFF# 标题', '\u3000全角空格', '段落\u0000', '１. 全角数字', '一、总体要求']));
  }
  return lines;
}

function joinLines(random: Random, lines: string[]): string {
  const eol = pick(random, ['\n', '\n', '\n', '\r\n', '\r']);
  let out = '';
  for (let i = 0; i < lines.length; i++) out += lines[i] + (i + 1 < lines.length || chance(random, 0.7) ? (chance(random, 0.05) ? pick(random, ['\n', '\r\n', '\r']) : eol) : '');
  return out;
}

describe('parse fast path', () => {
  it('builds the tree remark-parse builds on random line shapes, and answers often', () => {
    const random = mulberry32(20261128);
    let answered = 0;
    const kinds = new Set<string>();
    const total = 6000;
    for (let i = 0; i < total; i++) {
      const draft = joinLines(random, chance(random, 0.6) ? tameLines(random) : wildLines(random));
      if (check(draft, `random #${i}`)) {
        answered++;
        const stack: Projected[] = [project(remark(draft))];
        while (stack.length > 0) {
          const node = stack.pop() as Projected;
          kinds.add(node.type);
          stack.push(...(node.children ?? []));
        }
      }
    }
    // The generator is tuned to stay near the edges, so the scanner declines often; it must still answer enough to be tested.
    assert.ok(answered > total * 0.15, `answered ${answered} of ${total}`);
    for (const kind of ['yaml', 'heading', 'paragraph', 'list', 'listItem', 'table', 'tableRow', 'tableCell', 'html']) assert.ok(kinds.has(kind), `no ${kind} compared`);
  });

  it('builds the same tree on every seed and fixture, whole and section by section', () => {
    let answered = 0;
    for (const { name, text } of loadCorpus()) {
      if (check(text, name)) answered++;
      const starts = splitSections(text);
      for (let i = 0; i < starts.length; i++) if (check(text.slice(starts[i], starts[i + 1] ?? text.length), `${name} section ${i}`)) answered++;
    }
    assert.ok(answered > 50, `answered ${answered}`);
  });

  it('answers for every section of the benchmark drafts (plain plans: the case it exists for)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const draft = benchDraft(seed, 60, { traditional: seed % 3 === 0 });
      const starts = splitSections(draft);
      for (let i = 0; i < starts.length; i++) {
        const section = draft.slice(starts[i], starts[i + 1] ?? draft.length);
        assert.ok(check(section, `bench draft ${seed} section ${i}`), `declined bench draft ${seed} section ${i}: ${JSON.stringify(section.slice(0, 200))}`);
      }
    }
  });

  it('gives the same diagnostics with and without the fast path', () => {
    const drafts = [...loadCorpus().map((entry) => entry.text), ...Array.from({ length: 6 }, (_unused, seed) => benchDraft(seed + 100, 40, { traditional: seed % 2 === 1 }))];
    const random = mulberry32(7);
    for (let i = 0; i < 300; i++) drafts.push(joinLines(random, chance(random, 0.6) ? tameLines(random) : wildLines(random)));
    const strip = (result: ReturnType<typeof lint>) => JSON.stringify({ diagnostics: result.diagnostics, nets: result.model.nets, orphans: result.model.orphanMeasures });
    try {
      for (const draft of drafts) {
        parserSettings.fastPath = true;
        const fast = strip(lint(draft, { schema: builtinSchema() }));
        parserSettings.fastPath = false;
        const slow = strip(lint(draft, { schema: builtinSchema() }));
        assert.equal(fast, slow, JSON.stringify(draft.slice(0, 300)));
      }
    } finally {
      parserSettings.fastPath = true;
    }
  });
});
