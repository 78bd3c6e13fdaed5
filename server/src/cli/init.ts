/**
 * `fivenets init`: a commented .fivenets.yaml and a sample draft (policies/示例.policy.md,
 * 範例 in traditional script, example in English) in the working folder, so the first
 * `fivenets lint .` finds a draft and passes. Never overwrites: each file is created with
 * O_EXCL (an existing file, or a link where it would go, is left alone and named on stderr),
 * and nothing is written through a policies/ folder that leads out of the working folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinSchema } from '../engine/schema';
import { traditionalize } from '../engine/script';
import type { Locale } from '../engine/types';
import { fail, parse, parseLocale } from './args';
import type { CliIO } from './io';

const SAMPLE_NAME: Record<Locale, string> = { 'zh-CN': '示例.policy.md', 'zh-TW': '範例.policy.md', en: 'example.policy.md' };

/** One complete measure per net of the built-in schema, in schema order. */
const MEASURES = {
  hans: [
    '建设市级应急物资储备库3个（牵头单位：市应急管理局；完成时限：2026年12月底前）',
    '打造中心城区10分钟医疗急救圈（牵头单位：市卫健委；完成时限：2027年第三季度）',
    '新增社区工作者2000名（牵头单位：市民政局；完成时限：2026年底前）',
    '矛盾纠纷调解成功率达到95%（牵头单位：市委政法委；完成时限：长期坚持）',
    '建设示范道路50条（牵头单位：市城管委；完成时限：2027年6月底前）',
  ],
  en: [
    'Build 3 emergency supply depots (Owner: Emergency Management Bureau; Deadline: 2026-12-31)',
    'Open 30 fever clinics (Owner: Health Commission; Deadline: Q3 2027)',
    'Hire 2000 community workers (Owner: Civil Affairs Bureau; Deadline: By June 30, 2027)',
    'Resolve 95% of disputes through mediation (Owner: Political and Legal Affairs Commission; Deadline: ongoing)',
    'Rebuild 50 model roads (Owner: Urban Management Commission; Deadline: 2027-06-30)',
  ],
};

function sampleDraft(locale: Locale): string {
  const schema = builtinSchema();
  const script = locale === 'en' ? 'en' : 'hans';
  const title = locale === 'en' ? 'Five Nets Implementation Plan (sample)' : '织牢织密“五张网”实施方案（示例）';
  const lines = ['---', `title: ${title}`, 'date: 2026-01-15', `schema: ${schema.id}`, '---', '', `# ${title}`, ''];
  schema.nets.forEach((net, index) => {
    const name = locale === 'en' ? net.names.en : net.names['zh-Hans'];
    lines.push(`## ${name}`, '', `1. ${MEASURES[script][index] ?? MEASURES[script][0]}`, '');
  });
  const text = `${lines.join('\n').trimEnd()}\n`;
  return locale === 'zh-TW' ? traditionalize(text) : text;
}

function configText(locale: Locale): string {
  return `# Five Nets configuration (https://github.com/fivenets/fivenets#configuration).
# The editor and \`fivenets lint\` read this file for the drafts in this folder and below.

# The policy schema: auto (five-nets when a heading names a net, else tasks), five-nets, tasks,
# or a path to a schema file. A draft's frontmatter \`schema:\` wins over it.
schema: auto

# Language of messages: zh-CN, zh-TW or en.
locale: ${locale}

# Which Markdown files are drafts (relative to this file). README.md and docs/ are left alone.
include:
  - "**/*.policy.md"
  - "policies/**/*.md"

# Never drafts (.gitignore and .fivenetsignore are read too).
ignore:
  - "**/node_modules/**"
  - "**/.git/**"
  - "archive/**"

# Severity per rule: off, info, warning or error (fivenets rules lists them).
# rules:
#   unmeasurable-metric: info

# Build on a shared config instead of repeating it:
# extends: ../.fivenets.yaml

# Default document date for drafts without one in their frontmatter (judges 年底前, past deadlines).
# date: 2026-01-15

# Known units: a hover says whether an owner is on the roster.
# owners:
#   - 市卫健委

# Where rule help links point (an intranet mirror of docs/rules):
# docsUrl: https://intranet.example.gov.cn/fivenets/docs/rules
`;
}

/** Create `file` with `text` unless something is there; true when written. */
function createOnce(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    fail(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export function runInit(io: CliIO, args: string[]): number {
  const { values, positionals } = parse(args, { locale: { type: 'string' } });
  if (positionals.length > 0) fail(`init takes no paths (it writes into the working folder), got "${positionals[0]}"`);
  const locale = parseLocale(values.locale) ?? 'zh-CN';
  const cwd = fs.realpathSync(io.cwd);
  const policies = path.join(cwd, 'policies');
  if (!fs.existsSync(policies)) fs.mkdirSync(policies);
  const real = fs.realpathSync(policies);
  if (!fs.statSync(real).isDirectory() || path.relative(cwd, real).startsWith('..') || path.isAbsolute(path.relative(cwd, real))) {
    fail('policies/ is not a folder inside the working folder; init writes nothing through it');
  }
  const files: Array<[string, string]> = [
    ['.fivenets.yaml', configText(locale)],
    [path.join('policies', SAMPLE_NAME[locale]), sampleDraft(locale)],
  ];
  for (const [name, text] of files) {
    const shown = name.split(path.sep).join('/');
    if (createOnce(path.join(cwd, name), text)) io.stdout(`created ${shown}\n`);
    else io.stderr(`fivenets: ${shown} exists, left as it is\n`);
  }
  io.stdout('next: fivenets lint .\n');
  return 0;
}
