/**
 * Inputs for the engine fuzzer: a seeded PRNG, a corpus (the seeds, the golden fixtures),
 * a generator of policy drafts in the three scripts, and mutations that break them the way
 * drafters and broken converters do. Everything is a function of the seed, so a failing
 * input is replayed from `--seed N --input I` alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prng } from '../../bench/generate';

export type Random = () => number;

/** mulberry32, shared with the benchmark generator: small, fast and good enough to drive a fuzzer. */
export const mulberry32: (seed: number) => Random = prng;

/** The seed of input `index` of a run: inputs are independent, so any one replays alone. */
export function inputSeed(runSeed: number, index: number): number {
  let h = (Math.imul(runSeed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
export const chance = (random: Random, p: number): boolean => random() < p;

const root = path.resolve(__dirname, '../..');

/** The seed documents and every golden fixture (inputs and fixed outputs). */
export function loadCorpus(): Array<{ name: string; text: string }> {
  const files: string[] = [];
  for (const name of fs.readdirSync(path.join(root, 'seeds')).sort()) files.push(path.join(root, 'seeds', name));
  const rules = path.join(root, 'test/rules');
  for (const dir of fs
    .readdirSync(rules, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()) {
    for (const name of fs.readdirSync(path.join(rules, dir)).sort()) if (name.endsWith('.md')) files.push(path.join(rules, dir, name));
  }
  for (const scenario of ['clean', 'english']) {
    const dir = path.join(root, 'test/cli', scenario);
    if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.md')) files.push(path.join(dir, name));
  }
  return files.map((file) => ({ name: path.relative(root, file).split(path.sep).join('/'), text: fs.readFileSync(file, 'utf8') }));
}

// ---------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------

type Script = 'hans' | 'hant' | 'en';

const NET_NAMES: Record<Script, string[]> = {
  hans: ['城市应急处置网', '公共卫生防护网', '基层社会治理网', '矛盾风险化解网', '城市精细管理网'],
  hant: ['城市應急處置網', '公共衛生防護網', '基層社會治理網', '矛盾風險化解網', '城市精細管理網'],
  en: ['Urban Emergency Response Net', 'Public Health Protection Net', 'Grassroots Governance Net', 'Conflict Resolution Net', 'Urban Fine Management Net', 'İ. Public Health Protection Net'],
};
/** Near misses that `unknown-net` should catch (and rename). */
const NET_MISSPELLED = ['公共卫生防控网', '城市应急处理网', '基层社会管理网', '矛盾纠纷化解网', '城市精细治理网', '城市應急處理網', 'Public Health Protect Net', '安全生产监管网'];

const LABELS: Record<Script, Record<'owner' | 'co' | 'metric' | 'deadline', string[]>> = {
  hans: { owner: ['牵头单位', '责任单位', '责任部门', '主责单位'], co: ['配合单位', '协同单位'], metric: ['指标', '目标', '考核指标'], deadline: ['完成时限', '时限', '完成时间', '时间节点'] },
  hant: { owner: ['牽頭單位', '責任單位', '責任部門'], co: ['配合單位', '協同單位'], metric: ['指標', '目標'], deadline: ['完成時限', '時限', '完成時間'] },
  en: { owner: ['Owner', 'Lead agency', 'Lead unit', 'Responsible'], co: ['Support', 'Partners', 'Co-owners'], metric: ['Metric', 'KPI', 'Target'], deadline: ['Deadline', 'Due', 'Due date', 'By'] },
};

const UNITS: Record<Script, string[]> = {
  hans: ['市卫健委', '市应急管理局', '市民政局', '市城管委', '各区人民政府', '市发改委、市财政局', '有关部门', '相关单位', '【待填写】', ''],
  hant: ['市衛健委', '市應急管理局', '市民政局', '各區人民政府', '有關部門', '【待填寫】', ''],
  en: ['Health Commission', 'Emergency Management Bureau', 'Civil Affairs Bureau', 'relevant departments', 'İzmir Office, relevant units', '[TBD]', ''],
};

const DEADLINES = [
  '2020年12月底前',
  '2021年第三季度',
  '2021年上半年',
  '年底前',
  '2022年底前',
  '二〇二一年十二月',
  '2021-06-30',
  '2021年内',
  '长期坚持',
  '持续推进',
  '常态化推进',
  '尽快',
  '适时',
  '2021年2月30日',
  '下个阶段',
  '2020年11月至2月',
  '2019年6月',
  '12月底',
  'By June 30, 2019',
  'Q3 2021',
  'ongoing',
  'as soon as possible',
  '2021年底前完成',
  '',
];

const METRICS = ['覆盖率达到95%', '新增学位1.2万个', '进一步提升', '力争', '急救圈10分钟', '≥90', '明显改善', '20 ambulance stations', 'further improve', '三支队伍', ''];

const PHRASES: Record<Script, string[]> = {
  hans: [
    '推进院前急救中心建设',
    '新增发热门诊30个',
    '建设负压病房100间',
    '完善机关党员下沉社区常态化机制',
    '编制全市产业地图',
    '建立矛盾纠纷排查机制',
    '打造中心城区10分钟医疗急救圈',
    '进一步提升城市精细化管理水平',
    '尽快完成',
    '2022年10月底前编制并公布',
    '由市政府办公室牵头，市级各有关部门按职责分工负责',
  ],
  hant: ['推進院前急救中心建設', '新增發熱門診30個', '建設負壓病房100間', '完善社區治理機制', '進一步提升管理水平', '儘快完成'],
  en: ['Build 20 ambulance stations', 'Open 30 fever clinics', 'Set up a dispute screening mechanism', 'Further improve urban management', 'Map the city industry by Q3 2021'],
};

const BRACKETS: Array<[string, string]> = [
  ['（', '）'],
  ['(', ')'],
  ['〔', '〕'],
  ['【', '】'],
  ['[', ']'],
];

/** Fragments the mutations insert: syntax, labels, broken characters. */
export const TOKENS: readonly string[] = [
  // brackets of every kind
  '（',
  '）',
  '(',
  ')',
  '〔',
  '〕',
  '【',
  '】',
  '[',
  ']',
  '（）',
  '()',
  // labels and colons
  '牵头单位',
  '责任单位',
  '責任單位',
  '牽頭單位',
  '配合单位',
  '指标',
  '目标',
  '完成时限',
  '完成時限',
  '时限',
  'Owner',
  'Lead agency',
  'Deadline',
  'Due',
  'By',
  'Metric',
  '：',
  ':',
  ' : ',
  '牵头单位：',
  '完成时限：',
  'Owner: ',
  'Deadline:',
  '**牵头单位**：',
  '__Owner__:',
  // separators and punctuation
  '；',
  ';',
  '，',
  ',',
  '、',
  '。',
  '.',
  '！',
  '?',
  '…',
  '——',
  // structure
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\n# ',
  '\n## ',
  '\n### ',
  '#',
  '######',
  '\n===\n',
  '\n---\n',
  '\n- ',
  '\n* ',
  '\n+ ',
  '\n1. ',
  '\n   - ',
  '\n\t- ',
  '\n    ',
  '\n204.',
  '204. ',
  '1、',
  '（一）',
  '(1)',
  '一是',
  '；二是',
  '①',
  '\n> ',
  '>',
  '> > ',
  '- - ',
  '\n```\n',
  '```',
  '\n~~~\n',
  '`',
  '\n    code\n',
  '|',
  ' | ',
  '\n| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 建设急救站 |  | 2020年底前 |\n',
  '\n| --- |',
  '\\|',
  '---\n',
  '\n---\ndate: 2020-07-15\n---\n',
  'date: 2021-13-45',
  'title: [',
  '\n...\n',
  '<!--',
  '-->',
  '<!-- fivenets-disable-next-line missing-owner -->\n',
  '<!-- fivenets-disable vague-owner -->',
  '<!-- fivenets-enable -->',
  '<!-- fivenets-disable-line -->',
  '<div>',
  '</div>',
  '<br>',
  '&amp;',
  '&#x4e00;',
  '\\',
  '*',
  '**',
  '_',
  '~~',
  '![x](y)',
  '[a](b)',
  '<http://x>',
  // content
  '推进',
  '建设',
  '市卫健委',
  '各区人民政府',
  '有关部门',
  '相关单位',
  '尽快',
  '适时',
  '进一步提升',
  '力争',
  '30个',
  '95%',
  '１２３',
  '2020年12月底前',
  '年底前',
  '長期堅持',
  '2021年第三季度',
  '公共卫生防护网',
  '城市應急處置網',
  '公共卫生防控网',
  'Urban Emergency Response Net',
  '织密',
  '二、',
  '【待填写】',
  '[TBD]',
  'TODO',
  'XXX',
  '某某',
  '會(huì)議',
  '日?qǐng)?bào)訊',
  '(huì)',
  '（bǔ）',
  '\uFFFD',
  '\uFFFD\uFFFD',
  // characters that break naive code
  '𠮷',
  '😀',
  '👨‍👩‍👧',
  '\uD842',
  '\uDFB7',
  '\u0000',
  '\uFEFF',
  '\u200B',
  '\u00A0',
  '\u3000',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000B',
  '\u000C',
  '\t',
  'İ',
  'İİ ',
  'ß',
  'ﬁ',
  'Ω',
  'ǅ',
  '\u0301',
  '\u202E',
  'relevant departments',
  'as soon as possible',
  'further improve',
];

// ---------------------------------------------------------------------------------------
// Generated drafts
// ---------------------------------------------------------------------------------------

function fieldsText(random: Random, script: Script, english: boolean): string {
  const labels = LABELS[script];
  const colon = english ? pick(random, [': ', ':', '：']) : pick(random, ['：', ':', '： ', '']);
  const separator = english ? pick(random, ['; ', ', ', ';']) : pick(random, ['；', '，', ';', '、', '']);
  const parts: string[] = [];
  if (chance(random, 0.75)) parts.push(`${pick(random, labels.owner)}${colon}${pick(random, UNITS[script])}`);
  if (chance(random, 0.2)) parts.push(`${pick(random, labels.co)}${colon}${pick(random, UNITS[script])}`);
  if (chance(random, 0.4)) parts.push(`${pick(random, labels.metric)}${colon}${pick(random, METRICS)}`);
  if (chance(random, 0.7)) parts.push(`${pick(random, labels.deadline)}${colon}${pick(random, DEADLINES)}`);
  if (chance(random, 0.1) && parts.length > 0) parts.unshift(`${pick(random, ['市委组织部', '市政府办公室'])}牵头`);
  return parts.join(separator);
}

function measureText(random: Random, script: Script): string {
  let text = pick(random, PHRASES[script]);
  if (chance(random, 0.3)) text += pick(random, METRICS);
  if (chance(random, 0.15)) text += pick(random, ['，2021年底前完成', '，尽快推进', '，逐步推开', ' by 2021']);
  return text;
}

function measureBlock(random: Random, script: Script, eol: string, index: number): string {
  const english = script === 'en';
  const [open, close] = pick(random, BRACKETS);
  const fields = fieldsText(random, script, english);
  const inline = fields ? `${open}${fields}${close}` : '';
  const text = measureText(random, script);
  switch (int(random, 0, 8)) {
    case 0:
      return `${index}. ${text}${inline}${eol}`;
    case 1:
      return `- ${text}${inline}${eol}`;
    case 2:
      return `${index + 200}.${text}${inline}${eol}`;
    case 3:
      return `${pick(random, ['（一）', '（二）', '1、', '(3)', '②'])}${text}${inline}${eol}`;
    case 4:
      return `${pick(random, ['一是', '二是'])}${text}${inline}；${pick(random, ['二是', '三是'])}${measureText(random, script)}${eol}`;
    case 5: {
      // A measure with its fields as nested list items.
      const lines = fields.split(/[；;，,、]/u).filter((part) => part.length > 0);
      return `${index}. ${text}${eol}${lines.map((line) => `${pick(random, ['   - ', '  - ', '    * ', '\t- '])}${line}${eol}`).join('')}`;
    }
    case 6: {
      // A paragraph followed by field lines.
      const lines = fields.split(/[；;，,、]/u).filter((part) => part.length > 0);
      return `${index}. ${text}${eol}${lines.map((line) => `${line}${eol}`).join('')}`;
    }
    case 7: {
      // A sub-heading whose body holds the fields.
      return `${'#'.repeat(int(random, 3, 4))} ${pick(random, ['（一）', '1.', ''])}${text}${eol}${eol}${fields.split(/[；;]/u).join(eol)}${eol}`;
    }
    default: {
      const header = english ? '| No. | Task | Owner | Deadline |' : pick(random, ['| 序号 | 重点任务 | 牵头单位 | 完成时限 |', '| 任务 | 责任单位 | 配合单位 | 指标 | 时限 |', '| 項目 | 責任單位 | 完成時限 |']);
      const columns = header.split('|').length - 2;
      const rows = Array.from(
        { length: int(random, 1, 4) },
        (_, row) =>
          `|${Array.from({ length: int(random, Math.max(1, columns - 1), columns + 1) }, (_, column) => ` ${column === 0 ? row + 1 : column === 1 ? measureText(random, script) : chance(random, 0.3) ? '' : pick(random, [...UNITS[script], ...DEADLINES])} `).join('|')}|`,
      );
      return `${header}${eol}|${' --- |'.repeat(columns)}${eol}${rows.join(eol)}${eol}`;
    }
  }
}

/** A whole draft: front matter, net sections, measures of every shape, some noise. */
export function generateDraft(random: Random): string {
  const script: Script = pick(random, ['hans', 'hans', 'hant', 'en']);
  const eol = pick(random, ['\n', '\n', '\r\n', '\r']);
  const parts: string[] = [];
  if (chance(random, 0.5)) {
    const date = pick(random, ['2020-07-15', '2021-03-01', '2020-02-30', 'yesterday', '2020-07-15T08:00:00Z']);
    parts.push(`---${eol}title: 武汉市织牢织密“五张网”实施方案${eol}date: ${date}${eol}${chance(random, 0.2) ? `schema: five-nets${eol}` : ''}---${eol}`);
  }
  if (chance(random, 0.6)) parts.push(`# ${pick(random, ['武汉市织牢织密“五张网”实施方案', '實施方案', 'Implementation Plan'])}${eol}${eol}`);
  if (chance(random, 0.3)) parts.push(`${pick(random, PHRASES[script])}。${eol}${eol}`);
  const sections = int(random, 0, 6);
  for (let s = 0; s < sections; s++) {
    const depth = int(random, 1, 4);
    const name = chance(random, 0.15) ? pick(random, NET_MISSPELLED) : pick(random, NET_NAMES[chance(random, 0.85) ? script : pick(random, ['hans', 'hant', 'en'] as const)]);
    const numbering = chance(random, 0.5) ? pick(random, ['一、', '二、织密', '（三）', '4. ', '']) : '';
    parts.push(`${'#'.repeat(depth)} ${numbering}${name}${eol}${eol}`);
    const measures = int(random, 0, 5);
    for (let m = 0; m < measures; m++) {
      parts.push(measureBlock(random, script, eol, m + 1));
      if (chance(random, 0.3)) parts.push(eol);
    }
    if (chance(random, 0.1)) parts.push(`\`\`\`${eol}牵头单位：代码里的不算${eol}\`\`\`${eol}`);
    if (chance(random, 0.1)) parts.push(`<!-- fivenets-disable-next-line ${pick(random, ['missing-owner', 'vague-owner', ''])} -->${eol}`);
    if (chance(random, 0.1)) parts.push(`> ${pick(random, PHRASES[script])}${eol}`);
    if (chance(random, 0.2)) parts.push(eol);
  }
  if (chance(random, 0.2)) parts.push(pick(random, ['會(huì)議', '\uFFFD', '【待填写】', 'TODO']));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------

/** Any UTF-16 code unit, lone surrogates and controls included. */
function randomCodeUnit(random: Random): string {
  const ranges: Array<[number, number]> = [
    [0, 0x1f],
    [0x20, 0x7e],
    [0x80, 0x2ff],
    [0x3000, 0x303f],
    [0x4e00, 0x9fff],
    [0xd800, 0xdfff],
    [0xff00, 0xffff],
  ];
  const [low, high] = pick(random, ranges);
  return String.fromCharCode(int(random, low, high));
}

function lineBounds(text: string, at: number): [number, number] {
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = at;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return [start, end];
}

export type Mutation = (text: string, random: Random, corpus: readonly string[]) => string;

export const MUTATIONS: ReadonlyArray<{ name: string; weight: number; apply: Mutation }> = [
  {
    name: 'insert-token',
    weight: 10,
    apply: (text, random) => {
      const at = int(random, 0, text.length);
      return text.slice(0, at) + pick(random, TOKENS) + text.slice(at);
    },
  },
  {
    name: 'insert-code-unit',
    weight: 3,
    apply: (text, random) => {
      const at = int(random, 0, text.length);
      return text.slice(0, at) + randomCodeUnit(random) + text.slice(at);
    },
  },
  {
    name: 'replace-char',
    weight: 3,
    apply: (text, random) => {
      if (text.length === 0) return text;
      const at = int(random, 0, text.length - 1);
      return text.slice(0, at) + pick(random, TOKENS) + text.slice(at + 1);
    },
  },
  {
    name: 'delete-short',
    weight: 6,
    apply: (text, random) => {
      const at = int(random, 0, text.length);
      return text.slice(0, at) + text.slice(Math.min(text.length, at + int(random, 1, 8)));
    },
  },
  {
    name: 'delete-long',
    weight: 2,
    apply: (text, random) => {
      const at = int(random, 0, text.length);
      return text.slice(0, at) + text.slice(Math.min(text.length, at + int(random, 8, 400)));
    },
  },
  { name: 'truncate', weight: 1, apply: (text, random) => text.slice(0, int(random, 0, text.length)) },
  {
    name: 'duplicate-range',
    weight: 3,
    apply: (text, random) => {
      const from = int(random, 0, text.length);
      const piece = text.slice(from, from + int(random, 1, 200));
      const at = int(random, 0, text.length);
      return text.slice(0, at) + piece + text.slice(at);
    },
  },
  {
    name: 'repeat-chunk',
    weight: 1,
    apply: (text, random) => {
      const at = int(random, 0, text.length);
      const chunk = chance(random, 0.5) ? pick(random, TOKENS) : text.slice(at, at + int(random, 1, 6));
      return text.slice(0, at) + chunk.repeat(int(random, 2, 200)) + text.slice(at);
    },
  },
  {
    name: 'splice-corpus',
    weight: 2,
    apply: (text, random, corpus) => {
      const other = pick(random, corpus);
      return text.slice(0, int(random, 0, text.length)) + other.slice(int(random, 0, other.length));
    },
  },
  {
    name: 'line-endings',
    weight: 2,
    apply: (text, random) => {
      const mode = int(random, 0, 3);
      if (mode === 0) return text.replace(/\r\n|\r|\n/gu, '\r\n');
      if (mode === 1) return text.replace(/\r\n|\r|\n/gu, '\r');
      if (mode === 2) return text.replace(/\r\n|\r/gu, '\n');
      return text.replace(/\r\n|\r|\n/gu, () => pick(random, ['\n', '\r\n', '\r']));
    },
  },
  {
    name: 'wrap-line',
    weight: 3,
    apply: (text, random) => {
      const [start, end] = lineBounds(text, int(random, 0, text.length));
      const prefix = pick(random, ['- ', '1. ', '> ', '## ', '   ', '    ', '\t', '| ', '204.', '（一）', '- [ ] ', '> - ', '* * ']);
      const suffix = pick(random, ['', '', ' |', '（牵头单位：市卫健委）', '；', ' #', '  ']);
      return text.slice(0, start) + prefix + text.slice(start, end) + suffix + text.slice(end);
    },
  },
  {
    name: 'swap-lines',
    weight: 1,
    apply: (text, random) => {
      const lines = text.split('\n');
      if (lines.length < 2) return text;
      const a = int(random, 0, lines.length - 1);
      const b = int(random, 0, lines.length - 1);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    },
  },
  { name: 'bom', weight: 1, apply: (text, random) => (chance(random, 0.5) ? `\uFEFF${text}` : text.replace(/^/u, '\uFEFF\uFEFF')) },
  { name: 'frontmatter', weight: 1, apply: (text, random) => `${pick(random, ['---\ndate: 2020-07-15\n---\n', '---\n', '---\r\ntitle: x\r\n---\r\n', '---\ndate: [\n---\n', '---\n---\n'])}${text}` },
];

const TOTAL_WEIGHT = MUTATIONS.reduce((sum, mutation) => sum + mutation.weight, 0);

export function pickMutation(random: Random): (typeof MUTATIONS)[number] {
  let roll = random() * TOTAL_WEIGHT;
  for (const mutation of MUTATIONS) {
    roll -= mutation.weight;
    if (roll < 0) return mutation;
  }
  return MUTATIONS[0];
}

export interface FuzzInput {
  text: string;
  /** How the input was made, for the failure report. */
  origin: string;
}

/** Inputs beyond this size are cut: the fuzzer looks for wrong answers, the hostile tests for slow ones. */
export const MAX_INPUT_LENGTH = 24_000;

/** Input `index` of a run: a corpus file or a generated draft, then 0–12 stacked mutations. */
export function makeInput(random: Random, corpus: ReadonlyArray<{ name: string; text: string }>): FuzzInput {
  const texts = corpus.map((entry) => entry.text);
  let text: string;
  let origin: string;
  const source = random();
  if (source < 0.45) {
    const entry = pick(random, corpus);
    text = entry.text;
    origin = entry.name;
  } else if (source < 0.95) {
    text = generateDraft(random);
    origin = 'generated';
  } else {
    text = Array.from({ length: int(random, 1, 60) }, () => (chance(random, 0.8) ? pick(random, TOKENS) : randomCodeUnit(random))).join('');
    origin = 'tokens';
  }
  const count = chance(random, 0.1) ? 0 : int(random, 1, 12);
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const mutation = pickMutation(random);
    text = mutation.apply(text, random, texts);
    applied.push(mutation.name);
    if (text.length > MAX_INPUT_LENGTH) text = text.slice(0, MAX_INPUT_LENGTH);
  }
  return { text, origin: applied.length > 0 ? `${origin} + ${applied.join(', ')}` : origin };
}
