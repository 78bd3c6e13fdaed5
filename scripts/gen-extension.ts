/**
 * Generate the VS Code extension's data from the engine, so editor and linter agree on
 * labels, net names, placeholders and rule ids:
 *   syntaxes/fivenets.markdown.tmLanguage.json   the TextMate injection grammar
 *   client/src/five-nets.generated.ts            net names and labels for the client's templates
 *   package.nls*.json                           the rule descriptions of the `fivenets.rules` setting
 * and check that package.json lists exactly the engine's rule ids under `fivenets.rules`,
 * that every package.nls*.json has the keys package.json uses, and that the l10n bundles
 * translate every l10n.t('…') message of client/src.
 *
 *   npx tsx scripts/gen-extension.ts          write the files
 *   npx tsx scripts/gen-extension.ts --check  exit 1 when a file is stale (run by `npm run test:grammar`)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allLabels, CANONICAL_LABELS, PLACEHOLDER } from '../server/src/engine/labels';
import { RULES } from '../server/src/engine/rules';
import fiveNets from '../server/src/engine/schema/five-nets.generated';
import { traditionalize } from '../server/src/engine/script';
import { PLACEHOLDER_PATTERN } from '../server/src/engine/vocabulary';

const root = path.resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------
// Regex helpers (the output is Oniguruma, which reads these JavaScript-compatible forms)
// ---------------------------------------------------------------------------------------

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function unique(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

/** Longest first, so 完成时限 wins over 时限 and Lead agency over Lead. */
function alternation(words: Iterable<string>, flexibleSpaces: boolean): string {
  return unique(words)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((word) => (flexibleSpaces ? escapeRegExp(word).replace(/ /g, '\\s+') : escapeRegExp(word)))
    .join('|');
}

const isLatin = (word: string): boolean => /[A-Za-z]/.test(word);

// ---------------------------------------------------------------------------------------
// The grammar
// ---------------------------------------------------------------------------------------

type GrammarRule = Record<string, unknown>;

export function renderGrammar(): GrammarRule {
  const labels = allLabels();
  const isDeadline = (entry: { kind: string }): boolean => entry.kind === 'deadline';
  for (const a of labels) {
    for (const b of labels) {
      // Deadline labels and the others are matched by two rules; a label inside a label of
      // the other rule could win at an earlier position and mis-scope the value.
      if (isDeadline(a) !== isDeadline(b) && b.label.toLowerCase().includes(a.label.toLowerCase())) {
        throw new Error(`label "${a.label}" (${a.kind}) occurs inside "${b.label}" (${b.kind})`);
      }
    }
  }
  const deadlineLabels = labels.filter(isDeadline).map((entry) => entry.label);
  const otherLabels = labels.filter((entry) => !isDeadline(entry)).map((entry) => entry.label);
  const allLabelWords = labels.map((entry) => entry.label);

  // English labels start a word (the engine's LABEL_PATTERN: "By" is not in "Nearby:").
  const labelGroup = (words: string[]): string => `(?<![A-Za-z])(?i:${alternation(words, true)})`;
  const anyLabelThenColon = `${labelGroup(allLabelWords)}(?:\\*\\*|__)?\\s*[:：]`;

  // A value runs to ；;）)| or the end of the line, and stops before another label, a
  // comment, emphasis or inline code so it never swallows what Markdown needs to close.
  const valueStop = `<!--|\\*\\*|__|${anyLabelThenColon}|\\[(?!\\s*(?:TBD|TODO|to be filled)\\s*\\])`;
  const value = `(?:(?!${valueStop})[^；;）)|\`\\r\\n])*`;
  // Spaces before the end (市卫健委 | …) are not part of the value.
  const noTrailingSpace = '(?<![ \\t\u3000])';

  const fieldRule = (words: string[], valuePatterns: GrammarRule[]): GrammarRule => ({
    match: `(${labelGroup(words)})\\s*([:：])[ \\t]*(${value}${noTrailingSpace})`,
    captures: {
      1: { name: 'keyword.other.field-label.fivenets' },
      2: { name: 'punctuation.separator.key-value.fivenets' },
      3: { name: 'string.unquoted.field-value.fivenets', patterns: valuePatterns },
    },
  });

  // **牵头单位**：市卫健委 and **牵头单位：**市卫健委 — Markdown closes the emphasis between
  // label and value, so the value is matched after it with a look-behind on the label.
  // Look-behind alternatives must each be fixed-length: spell every variant out. The short
  // look-behind first makes most positions fail fast (the long one is slow on long lines).
  const lookBehindLabels = (words: string[], withColon: boolean): string =>
    unique(
      words.flatMap((word) => {
        const forms = isLatin(word) ? unique([word, word.toLowerCase(), word.toUpperCase()]) : [word];
        return forms.flatMap((form) => (withColon ? [':', '：'] : ['']).flatMap((colon) => ['**', '__'].map((emphasis) => escapeRegExp(`${form}${colon}${emphasis}`))));
      }),
    ).join('|');
  const afterEmphasisRule = (words: string[], valuePatterns: GrammarRule[]): GrammarRule[] => [
    {
      match: `(?<=\\*\\*|__)(?<=${lookBehindLabels(words, false)})(\\s*)([:：])[ \\t]*(${value}${noTrailingSpace})`,
      captures: {
        2: { name: 'punctuation.separator.key-value.fivenets' },
        3: { name: 'string.unquoted.field-value.fivenets', patterns: valuePatterns },
      },
    },
    {
      match: `(?<=[:：](?:\\*\\*|__))(?<=${lookBehindLabels(words, true)})[ \\t]*(${value}${noTrailingSpace})`,
      captures: { 1: { name: 'string.unquoted.field-value.fivenets', patterns: valuePatterns } },
    },
  ];

  const hans = fiveNets.nets.flatMap((net) => [net.names['zh-Hans'], ...net.aliases.filter((alias) => !isLatin(alias))]);
  const hant = unique([...fiveNets.nets.map((net) => net.names['zh-Hant']), ...hans.map(traditionalize)]);
  const english = fiveNets.nets.flatMap((net) => [net.names.en, ...net.aliases.filter(isLatin)]);

  // Deadlines (the engine's deadline grammar is richer; these are the common written forms).
  const D = '[0-9０-９]';
  const year = `(?:(?<![0-9０-９])(?:19|20|１９|２０)${D}{2}|(?:一九|二[〇○零])[〇○零一二三四五六七八九]{2})[ \\t]*年度?`;
  const cnSmall = '[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]';
  const month = `(?:${D}{1,2}|${cnSmall})[ \\t]*月份?`;
  const day = `(?:${D}{1,2}|${cnSmall})[ \\t]*[日号號]`;
  const within = '[内內](?![部容外涵在地需存设設])';
  const quarter = '第?[一二三四1-4１-４][ \\t]*季度(?:底|末)?';
  const half = '[上下]半年';
  const afterYear = `(?:底|末|${within}|${half}|${quarter}|${month}(?:[上中下]旬|${day}|底|末)?)`;
  const rangeEnd = `(?:[ \\t]*(?:至|到|——|—|–|-|~|～)[ \\t]*(?:${year})?(?:${quarter}|${month}(?:${day}|底|末)?))`;
  const trailing = `(?:之前|以前|前|为止|為止|之${within}|以${within}|${within})`;
  const cnDate = `${year}${afterYear}?${rangeEnd}?${trailing}?`;
  const relative = `(?:今年|明年|本年|当年|當年)度?(?:底|末|${within}|${half}|${quarter}|${month}(?:底|末|${day})?)${trailing}?`;
  const iso = `(?<![0-9])(?:19|20)\\d{2}([-/.])(?:1[0-2]|0?[1-9])\\1(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])|(?<![0-9])(?:19|20)\\d{2}-(?:1[0-2]|0[1-9])(?![0-9-])`;
  const monthsEn = 'january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec';
  const yearEn = '(?:19|20)\\d{2}(?![0-9])';
  const english_dates = [
    `\\b(?:${monthsEn})\\.?[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+${yearEn}`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?[ \\t]+(?:of[ \\t]+)?(?:${monthsEn})\\.?,?[ \\t]+${yearEn}`,
    `\\b(?:the[ \\t]+)?end[ \\t]+of[ \\t]+(?:(?:the[ \\t]+)?(?:year|(?:${monthsEn}))[ \\t]+)?${yearEn}`,
    `\\b(?:${monthsEn})\\.?,?[ \\t]+(?:of[ \\t]+)?${yearEn}`,
    `\\b[QH][1-4][ \\t]*[-/]?[ \\t]*${yearEn}`,
    `\\b(?:first|second|third|fourth)[ \\t]+(?:quarter|half)[ \\t]+of[ \\t]+${yearEn}`,
  ];
  // Only inside a deadline value: 长期坚持 and "ongoing" are deadlines there, prose elsewhere.
  const ongoing =
    '(?:长期|長期|持续|持續|常态化|常態化|长效|長效|常年)(?:坚持|堅持|推进|推進|开展|開展|实施|實施|执行|執行|进行|進行|落实|落實|抓好|任务|任務|工作)?' +
    '|(?i:\\b(?:on[ \\t]+an[ \\t]+ongoing[ \\t]+basis|ongoing|continuous(?:ly)?|long[- ]?term|annually|quarterly|monthly)\\b)';
  const bareYearEnd = `年度?(?:底|末)${trailing}?|年${within}`;

  const datePatterns: GrammarRule[] = [
    { match: cnDate, name: 'constant.other.date.fivenets' },
    { match: relative, name: 'constant.other.date.fivenets' },
    { match: iso, name: 'constant.other.date.fivenets' },
    { match: `(?i:${english_dates.join('|')})`, name: 'constant.other.date.fivenets' },
  ];

  const placeholderSource = PLACEHOLDER_PATTERN.source;

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: [
      'Generated by scripts/gen-extension.ts from the engine (labels.ts, five-nets.yaml, vocabulary.ts).',
      'Do not edit by hand: change the generator and run `npx tsx scripts/gen-extension.ts`.',
    ],
    name: 'Five Nets (Markdown injection)',
    scopeName: 'fivenets.markdown.injection',
    injectionSelector: 'L:text.html.markdown -comment -markup.fenced_code -markup.raw -markup.inline.raw -meta.embedded.block.frontmatter -string.unquoted.field-value.fivenets',
    patterns: [{ include: '#directive' }, { include: '#field' }, { include: '#net-name' }, { include: '#placeholder' }, { include: '#date' }],
    repository: {
      directive: {
        name: 'comment.block.directive.fivenets',
        begin: '(<!--)\\s*(fivenets-(?:disable-next-line|disable-line|disable-file|disable|enable))\\b',
        beginCaptures: {
          1: { name: 'punctuation.definition.comment.begin.fivenets' },
          2: { name: 'keyword.control.directive.fivenets' },
        },
        end: '-->',
        endCaptures: { 0: { name: 'punctuation.definition.comment.end.fivenets' } },
        patterns: [
          { match: '\\b[a-z0-9]+(?:-[a-z0-9]+)*\\b', name: 'variable.parameter.rule-id.fivenets' },
          { match: ',', name: 'punctuation.separator.comma.fivenets' },
        ],
      },
      field: {
        patterns: [
          fieldRule(deadlineLabels, [{ include: '#placeholder' }, { include: '#date' }, { include: '#deadline-words' }]),
          fieldRule(otherLabels, [{ include: '#placeholder' }, { include: '#date' }]),
          // Inside **…**: the label alone, when emphasis and then a colon follow.
          { match: `${labelGroup(allLabelWords)}(?=(?:\\*\\*|__)\\s*[:：])`, name: 'keyword.other.field-label.fivenets' },
          ...afterEmphasisRule(deadlineLabels, [{ include: '#placeholder' }, { include: '#date' }, { include: '#deadline-words' }]),
          ...afterEmphasisRule(otherLabels, [{ include: '#placeholder' }, { include: '#date' }]),
        ],
      },
      'net-name': {
        match: `${alternation([...hans, ...hant], false)}|(?i:\\b(?:${alternation(english, true)})\\b)`,
        name: 'entity.name.section.net.fivenets',
      },
      placeholder: { match: placeholderSource, name: 'invalid.illegal.placeholder.fivenets' },
      date: { patterns: datePatterns },
      'deadline-words': {
        patterns: [
          { match: ongoing, name: 'constant.other.date.fivenets' },
          { match: bareYearEnd, name: 'constant.other.date.fivenets' },
        ],
      },
    },
  };
}

// ---------------------------------------------------------------------------------------
// Client data
// ---------------------------------------------------------------------------------------

export function renderClientData(): string {
  const nets = fiveNets.nets.map((net) => ({ id: net.id, hans: net.names['zh-Hans'], hant: net.names['zh-Hant'], en: net.names.en }));
  const schemaName = { hans: fiveNets.name['zh-Hans'], hant: fiveNets.name['zh-Hant'], en: fiveNets.name.en };
  return [
    '// Generated by scripts/gen-extension.ts from the engine (five-nets.yaml, labels.ts).',
    '// Do not edit by hand: run `npx tsx scripts/gen-extension.ts`.',
    '',
    "export type Script = 'hans' | 'hant' | 'en';",
    '',
    'export interface NetNames {',
    '  id: string;',
    '  hans: string;',
    '  hant: string;',
    '  en: string;',
    '}',
    '',
    `export const SCHEMA_ID = ${JSON.stringify(fiveNets.id)};`,
    '',
    `export const SCHEMA_NAME: Record<Script, string> = ${JSON.stringify(schemaName)};`,
    '',
    `export const NETS: readonly NetNames[] = ${JSON.stringify(nets, null, 2)};`,
    '',
    'export const CANONICAL_LABELS: Record<Script, { owner: string; coOwners: string; metric: string; deadline: string }> = ' + `${JSON.stringify(CANONICAL_LABELS, null, 2)};`,
    '',
    `export const PLACEHOLDER: Record<Script, string> = ${JSON.stringify(PLACEHOLDER)};`,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------
// package.nls*.json rule descriptions, package.json rule ids
// ---------------------------------------------------------------------------------------

const NLS_FILES: Array<{ file: string; describe: (rule: (typeof RULES)[number]) => string }> = [
  { file: 'package.nls.json', describe: (rule) => rule.meta.description.en },
  { file: 'package.nls.zh-cn.json', describe: (rule) => rule.meta.description['zh-CN'] },
  { file: 'package.nls.zh-tw.json', describe: (rule) => traditionalize(rule.meta.description['zh-CN']) },
];

export const ruleNlsKey = (id: string): string => `config.rules.${id}.description`;

export function renderNls(existingText: string, describe: (rule: (typeof RULES)[number]) => string): string {
  const nls = JSON.parse(existingText) as Record<string, string>;
  for (const key of Object.keys(nls)) if (/^config\.rules\.[a-z0-9-]+\.description$/.test(key)) delete nls[key];
  for (const rule of RULES) nls[ruleNlsKey(rule.meta.id)] = describe(rule);
  return `${JSON.stringify(nls, null, 2)}\n`;
}

interface ConfigurationProperty {
  properties?: Record<string, { description?: string; markdownDescription?: string }>;
}

export function checkPackageJson(pkgText: string): string[] {
  const pkg = JSON.parse(pkgText) as { contributes?: { configuration?: { properties?: Record<string, ConfigurationProperty> } } };
  const rules = pkg.contributes?.configuration?.properties?.['fivenets.rules']?.properties ?? {};
  const listed = Object.keys(rules);
  const known = RULES.map((rule) => rule.meta.id);
  const problems: string[] = [];
  for (const id of known) if (!listed.includes(id)) problems.push(`package.json: fivenets.rules does not list rule ${id}`);
  for (const id of listed) if (!known.includes(id)) problems.push(`package.json: fivenets.rules lists unknown rule ${id}`);
  for (const id of listed) {
    if (rules[id]?.description !== `%${ruleNlsKey(id)}%`) problems.push(`package.json: fivenets.rules.${id} must have description "%${ruleNlsKey(id)}%"`);
  }
  return problems;
}

/** Every %key% of package.json in every package.nls*.json, and the same keys in each. */
export function checkNls(pkgText: string, nlsTexts: Record<string, string>): string[] {
  const problems: string[] = [];
  const used = new Set([...pkgText.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
  const base = Object.keys(JSON.parse(nlsTexts['package.nls.json'] ?? '{}') as Record<string, string>);
  for (const [file, text] of Object.entries(nlsTexts)) {
    const keys = new Set(Object.keys(JSON.parse(text) as Record<string, string>));
    for (const key of used) if (!keys.has(key)) problems.push(`${file}: missing "${key}" (used in package.json)`);
    for (const key of base) if (!keys.has(key)) problems.push(`${file}: missing "${key}" (in package.nls.json)`);
    for (const key of keys) if (!base.includes(key)) problems.push(`${file}: "${key}" is not in package.nls.json`);
  }
  for (const key of base) if (!used.has(key)) problems.push(`package.nls.json: "${key}" is not used in package.json`);
  return problems;
}

const L10N_CALL = /\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;
const L10N_BUNDLES = ['l10n/bundle.l10n.zh-cn.json', 'l10n/bundle.l10n.zh-tw.json'];

/** Every l10n.t('…') message of client/src in each l10n bundle, with the same {n} arguments. */
export function checkL10n(sources: string[], bundles: Record<string, string>): string[] {
  const problems: string[] = [];
  const messages = new Set(sources.flatMap((source) => [...source.matchAll(L10N_CALL)].map((match) => match[1].replace(/\\(.)/g, '$1'))));
  const args = (text: string): string =>
    [...text.matchAll(/\{\d+\}/g)]
      .map((match) => match[0])
      .sort()
      .join();
  for (const [file, text] of Object.entries(bundles)) {
    const bundle = JSON.parse(text) as Record<string, string>;
    for (const message of messages) {
      const translated = bundle[message];
      if (translated === undefined) problems.push(`${file}: no translation of "${message}"`);
      else if (args(translated) !== args(message)) problems.push(`${file}: "${message}" and its translation have different {n} arguments`);
    }
    for (const key of Object.keys(bundle)) if (!messages.has(key)) problems.push(`${file}: "${key}" is not used in client/src`);
  }
  return problems;
}

function readTree(dir: string, ext: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ext))
    .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
}

// ---------------------------------------------------------------------------------------

function main(check: boolean): number {
  const outputs: Array<{ file: string; text: string }> = [
    { file: 'syntaxes/fivenets.markdown.tmLanguage.json', text: `${JSON.stringify(renderGrammar(), null, 2)}\n` },
    { file: 'client/src/five-nets.generated.ts', text: renderClientData() },
    ...NLS_FILES.map(({ file, describe }) => {
      const abs = path.join(root, file);
      return { file, text: renderNls(fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : '{}', describe) };
    }),
  ];
  const pkgText = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
  const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
  const problems = [...checkPackageJson(pkgText), ...checkL10n(readTree(path.join(root, 'client/src'), '.ts'), Object.fromEntries(L10N_BUNDLES.map((file) => [file, read(file)])))];
  for (const { file, text } of outputs) {
    const abs = path.join(root, file);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : null;
    if (current === text) continue;
    if (check) problems.push(`${file} is stale: run \`npx tsx scripts/gen-extension.ts\``);
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, text);
      console.log(`wrote ${file}`);
    }
  }
  // After writing, so the rule descriptions just generated count.
  problems.push(...checkNls(pkgText, Object.fromEntries(outputs.filter((o) => o.file.startsWith('package.nls')).map((o) => [o.file, o.text]))));
  for (const problem of problems) console.error(problem);
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.includes('--check'));
