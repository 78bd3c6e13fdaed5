/**
 * `fivenets report [paths…]`: the policy overview as one self-contained HTML page (or
 * Markdown, or JSON). Drafts and configs are found exactly as `lint` and `export` find them
 * (same targets, same config discovery and ignore globs); the report itself is the pure
 * `buildReport` + renderers in ../report.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { normalizeLocale } from '../engine';
import type { Locale } from '../engine';
import { buildReport, renderHtml, renderJson, renderMarkdown, type ReportSource } from '../report';
import { UsageError } from './files';
import { describeFsError, type CliIO } from './io';
import { loadAll } from './load';
import { refuseOutputThatIsInput } from './safe-write';
import { paragraphNumberOf } from './docx';

export const REPORT_USAGE = `Usage: fivenets report [paths…] [options]

Writes the policy overview of the drafts: completeness per net, workload per owner,
deadlines over time, the problems and the task table, as one self-contained HTML page.

Options:
  -o, --out <file>        Write the report to a file (default: stdout)
  -f, --format <f>        html | md | json   (default: html, or from the --out extension)
      --locale <l>        zh-CN | zh-TW | en (default: config, else the draft's script)
      --today <date>      YYYY-MM-DD: pin "today" (what falls due this quarter)
      --theme <t>         light | dark | high-contrast (default: follow the system)
  -c, --config <file>     Use this config instead of discovering .fivenets.yaml`;

const FORMATS = ['html', 'md', 'json'] as const;
type Format = (typeof FORMATS)[number];

function fail(message: string): never {
  throw new UsageError(message);
}

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        output: { type: 'string' },
        format: { type: 'string', short: 'f' },
        locale: { type: 'string' },
        today: { type: 'string' },
        theme: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail((error instanceof Error ? error.message : String(error)).split('\n')[0]);
  }
}

function formatOf(value: string | undefined, out: string | undefined): Format {
  if (value !== undefined) {
    const format = value === 'markdown' ? 'md' : value;
    if (!(FORMATS as readonly string[]).includes(format)) fail(`--format must be html, md or json, got "${value}"`);
    return format as Format;
  }
  const extension = out ? path.extname(out).toLowerCase() : '';
  return extension === '.md' || extension === '.markdown' ? 'md' : extension === '.json' ? 'json' : 'html';
}

function localeOf(value: string | undefined): Locale | null {
  if (value === undefined) return null;
  const locale = normalizeLocale(value);
  if (!locale || !['zh-cn', 'zh-tw', 'en'].includes(value.toLowerCase())) fail(`--locale must be zh-CN, zh-TW or en, got "${value}"`);
  return locale;
}

function todayOf(value: string | undefined): string {
  if (value === undefined) {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCMonth() !== Number(match[2]) - 1 || date.getUTCDate() !== Number(match[3])) fail(`--today expects a date as YYYY-MM-DD, got "${value}"`);
  return value;
}

function themeOf(value: string | undefined): 'light' | 'dark' | 'high-contrast' | null {
  if (value === undefined) return null;
  if (value !== 'light' && value !== 'dark' && value !== 'high-contrast') fail(`--theme must be light, dark or high-contrast, got "${value}"`);
  return value;
}

export async function runReport(io: CliIO, args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help) {
    io.stdout(`${REPORT_USAGE}\n`);
    return 0;
  }
  const out = values.out ?? values.output;
  const format = formatOf(values.format, out);
  const flagLocale = localeOf(values.locale);
  const today = todayOf(values.today);
  const theme = themeOf(values.theme);
  const outFile = out ? path.resolve(io.cwd, out) : null;
  // Links to drafts are relative to the report, so the page works wherever the folder is copied.
  if (positionals.includes('-')) fail('report reads files, not standard input');
  if (positionals.length === 0) fail('no paths given (try fivenets report seeds/ --out report.html)');
  const { loaded, errors } = await loadAll(io, positionals, { config: values.config, locale: null, severities: {} }, undefined);
  if (out)
    refuseOutputThatIsInput(
      io.cwd,
      out,
      loaded.map((item) => item.target.absolute),
    );
  // Links to drafts are relative to the report, so the page works wherever the folder is copied.
  const linkBase = outFile ? path.dirname(outFile) : io.cwd;
  for (const error of errors) io.stderr(`fivenets: ${error}\n`);
  if (errors.length > 0) return 2;

  const locale = flagLocale ?? loaded[0]?.resolved.config.locale ?? null;
  const sources: ReportSource[] = loaded.map((item) => ({
    path: item.target.display.split(path.sep).join('/'),
    href: path.relative(linkBase, item.target.absolute).split(path.sep).join('/'),
    text: item.draft.text,
    options: item.options,
    ...(item.docx ? { paragraphOfLine: paragraphNumberOf(item.docx) } : {}),
  }));
  const data = buildReport(sources, { today, locale });
  const text = format === 'json' ? renderJson(data) : format === 'md' ? renderMarkdown(data) : renderHtml(data, { theme });
  if (!outFile) {
    io.stdout(text);
    return 0;
  }
  try {
    fs.writeFileSync(outFile, text);
  } catch (error) {
    fail(`cannot write ${out}: ${describeFsError(error, 'cannot write')}`);
  }
  return 0;
}
