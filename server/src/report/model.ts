/**
 * The report model: drafts in, the numbers of the policy overview out. Pure (no I/O, no
 * clock, no editor types), so the CLI and a VS Code webview build the same report from the
 * same text; `today` is an input so a report can be reproduced.
 *
 * The task rows are exactly `taskRows()` (what `fivenets export` prints); every count on
 * the page is derived from them, and the problems are exactly `lint`'s diagnostics.
 */
import { RULES, lint, netName, taskRows } from '../engine';
import type { LintOptions, Locale, PolicyModel, Severity, TaskRow } from '../engine';
import type { PolicySchema } from '../engine/schema';
import { simplify } from '../engine/script';
import { isPlaceholder, isVagueOwner } from '../engine/vocabulary';
import { draftHeadings } from '../engine/summary';
import { VERSION } from '../version';
import { translator } from './i18n';

/** One draft to report on. */
export interface ReportSource {
  /** The draft's path as shown, with forward slashes (as `fivenets export` prints it). */
  path: string;
  /** Link target of `file:line` links, relative to where the report is written; defaults to `path`. */
  href?: string;
  text: string;
  /** The draft's lint options (schema, document date, severities), e.g. from `lintOptionsFor`. */
  options: LintOptions;
  /** A Word document's import: the ¶ number of a (1-based) line, shown instead of the line. */
  paragraphOfLine?: (line: number) => number | null;
}

export interface ReportOptions {
  /** "Today" as YYYY-MM-DD: decides what falls due this quarter. */
  today: string;
  /** Language of the report and its messages; default: the script of the first draft. */
  locale?: Locale | null;
  /** Heading of the report; default: the drafts' title. */
  title?: string | null;
}

/**
 * When a measure falls due, in this order of precedence: before its document date
 * (`overdue`, as `past-deadline` sees it), within today's quarter, before today's quarter
 * (`past`), after it (`upcoming`), `ongoing` (长期坚持), or no readable deadline (`undated`).
 */
export type DueStatus = 'overdue' | 'past' | 'this-quarter' | 'upcoming' | 'ongoing' | 'undated';
export const DUE_STATUSES: readonly DueStatus[] = ['overdue', 'past', 'this-quarter', 'upcoming', 'ongoing', 'undated'];

export type StatusCounts = Record<DueStatus, number>;

/** A task row as `fivenets export` has it, with what the report adds. */
export interface ReportTask extends TaskRow {
  /** The net's name in the report locale ('' outside every net). */
  netName: string;
  href: string;
  /** End of the deadline interval (the day it falls due), or null. */
  due: string | null;
  status: DueStatus;
  /** In a Word document: the paragraph (¶) the measure starts in. */
  paragraph?: number;
}

export interface NetSummary {
  /** Schema net id; null for measures outside every net. */
  id: string | null;
  name: string;
  measures: number;
  /** Measures with an owner, a metric and a deadline. */
  complete: number;
  missingOwner: number;
  missingMetric: number;
  missingDeadline: number;
  /** Diagnostics inside the net's section(s). */
  problems: number;
  statuses: StatusCounts;
}

export interface OwnerSummary {
  /** The unit as first written (traditional and simplified spellings are one unit). */
  name: string;
  /** Measures it leads (牵头). */
  leads: number;
  /** Measures it supports (配合). */
  coOwns: number;
  total: number;
  /** 有关部门, 【待填写】 and the like: names nobody. */
  vague: boolean;
}

export interface ReportProblem {
  file: string;
  href: string;
  /** 1-based. */
  line: number;
  /** 1-based UTF-16 column. */
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  net: string | null;
  /** In a Word document: the paragraph (¶) of the line. */
  paragraph?: number;
}

export interface TimelineBucket {
  /** YYYY-MM, YYYY-Qn or YYYY. */
  key: string;
  start: string;
  end: string;
  year: number;
  /** Month 1-12, quarter 1-4, or 0 for a year bucket. */
  part: number;
}

export interface TimelineCell {
  net: string | null;
  bucket: string;
  count: number;
  statuses: Partial<StatusCounts>;
}

export interface Timeline {
  unit: 'month' | 'quarter' | 'year';
  /** Consecutive buckets from the earliest to the latest due date (empty when nothing is dated). */
  buckets: TimelineBucket[];
  /** Non-empty cells only. */
  cells: TimelineCell[];
}

export interface ReportFile {
  path: string;
  href: string;
  title: string | null;
  /** The document date (frontmatter, then config). */
  date: string | null;
  measures: number;
  problems: number;
}

export interface ReportData {
  version: 1;
  generator: string;
  locale: Locale;
  title: string;
  today: string;
  /** Today's quarter: what "this quarter" means. */
  quarter: { year: number; quarter: number; start: string; end: string };
  /** The distinct document dates of the drafts. */
  documentDates: string[];
  files: ReportFile[];
  totals: {
    measures: number;
    complete: number;
    missingOwner: number;
    missingMetric: number;
    missingDeadline: number;
    owners: number;
    errors: number;
    warnings: number;
    infos: number;
    statuses: StatusCounts;
  };
  /** Every net of the schema (in schema order, even when empty), then nets of other schemas, then measures outside every net. */
  nets: NetSummary[];
  /** Descending by total, then by leads. */
  owners: OwnerSummary[];
  timeline: Timeline;
  problems: ReportProblem[];
  tasks: ReportTask[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const ALL_OFF = Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'off' as const]));

export function buildReport(sources: readonly ReportSource[], options: ReportOptions): ReportData {
  const todayMatch = ISO_DATE.exec(options.today);
  if (!todayMatch) throw new Error(`today must be YYYY-MM-DD, got "${options.today}"`);
  const quarter = quarterOf(Number(todayMatch[1]), Number(todayMatch[2]));

  // Without a locale, the report speaks the first draft's script (simplified, traditional, English).
  const locale: Locale = options.locale ?? localeOfScript(sources[0] ? lint(sources[0].text, { ...sources[0].options, severities: ALL_OFF }).model.script : undefined);
  // lint() exactly as `fivenets lint` and `fivenets export` run it, so the page agrees with both.
  const parsed = sources.map((source) => ({ source, ...lint(source.text, { ...source.options, locale }) }));
  const t = translator(locale);
  const schema: PolicySchema | undefined = sources[0]?.options.schema;
  const nameOf = (netId: string | null): string => {
    if (netId === null) return t('outsideNets');
    const owning = sources.find((source) => source.options.schema.nets.some((net) => net.id === netId))?.options.schema;
    return (owning ? netName(owning, netId, locale) : '') || netId;
  };

  const files: ReportFile[] = [];
  const tasks: ReportTask[] = [];
  const problems: ReportProblem[] = [];
  for (const { source, lines, model, diagnostics, schema: chosen } of parsed) {
    const href = source.href ?? source.path;
    const paragraphOf = (line: number) => {
      const paragraph = source.paragraphOfLine?.(line);
      return paragraph ? { paragraph } : {};
    };
    const documentDate = model.meta.date ?? source.options.documentDate ?? null;
    const rows = taskRows(source.path, model, lines, chosen.schema);
    // A plan without nets (tasks): each measure is shown with the heading of the section it sits in.
    const headings = chosen.schema.nets.length === 0 ? draftHeadings(source.text, model) : [];
    let headingIndex = -1; // rows come in line order: walk the headings alongside them
    for (const row of rows) {
      const due = row.deadlineNormalized && row.deadlineNormalized !== 'ongoing' ? row.deadlineNormalized.end : null;
      const offset = lines.offsetAt({ line: row.line - 1, character: 0 });
      while (headingIndex + 1 < headings.length && headings[headingIndex + 1].span.start < offset) headingIndex++;
      const section = headingIndex >= 0 ? headings[headingIndex].title : '';
      tasks.push({ ...row, netName: row.net === null ? section : nameOf(row.net), href, due, status: dueStatus(row, documentDate, quarter), ...paragraphOf(row.line) });
    }
    for (const diagnostic of diagnostics) {
      problems.push({
        file: source.path,
        href,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        rule: diagnostic.rule,
        severity: diagnostic.severity,
        message: diagnostic.message,
        net: netAt(model, diagnostic.span.start),
        ...paragraphOf(diagnostic.range.start.line + 1),
      });
    }
    files.push({ path: source.path, href, title: model.meta.title ?? firstHeading(source.text.slice(model.meta.frontmatterSpan?.end ?? 0)), date: documentDate, measures: rows.length, problems: diagnostics.length });
  }

  const nets = summarizeNets(tasks, problems, schema, nameOf);
  const owners = summarizeOwners(tasks, locale);
  const titles = [...new Set(files.map((file) => file.title).filter((title): title is string => Boolean(title)))];
  return {
    version: 1,
    generator: `fivenets ${VERSION}`,
    locale,
    title: options.title ?? (titles.length > 1 ? t('andMore', { title: titles[0], count: files.length, more: files.length - 1 }) : (titles[0] ?? t('untitled'))),
    today: options.today,
    quarter,
    documentDates: [...new Set(files.map((file) => file.date).filter((date): date is string => date !== null))].sort(),
    files,
    totals: {
      measures: tasks.length,
      complete: tasks.filter((task) => task.missing.length === 0).length,
      missingOwner: tasks.filter((task) => task.missing.includes('owner')).length,
      missingMetric: tasks.filter((task) => task.missing.includes('metric')).length,
      missingDeadline: tasks.filter((task) => task.missing.includes('deadline')).length,
      owners: owners.length,
      errors: problems.filter((problem) => problem.severity === 'error').length,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      infos: problems.filter((problem) => problem.severity === 'info').length,
      statuses: countStatuses(tasks),
    },
    nets,
    owners,
    timeline: buildTimeline(tasks, nets),
    problems,
    tasks,
  };
}

/** A draft without a frontmatter title is named by its first level-1 heading. */
function firstHeading(text: string): string | null {
  const match = /^ {0,3}#[ \t]+(.+?)[ \t#]*$/mu.exec(text);
  return match ? match[1].trim() : null;
}

function localeOfScript(script: PolicyModel['script'] | undefined): Locale {
  return script === 'hant' ? 'zh-TW' : script === 'en' ? 'en' : 'zh-CN';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function quarterOf(year: number, month: number): ReportData['quarter'] {
  const quarter = Math.floor((month - 1) / 3) + 1;
  const endMonth = quarter * 3;
  return { year, quarter, start: `${year}-${pad(endMonth - 2)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}` };
}

export function dueStatus(row: Pick<TaskRow, 'deadlineNormalized'>, documentDate: string | null, quarter: { start: string; end: string }): DueStatus {
  const value = row.deadlineNormalized;
  if (value === null) return 'undated';
  if (value === 'ongoing') return 'ongoing';
  if (documentDate && value.end < documentDate) return 'overdue';
  if (value.end >= quarter.start && value.end <= quarter.end) return 'this-quarter';
  return value.end < quarter.start ? 'past' : 'upcoming';
}

function emptyCounts(): StatusCounts {
  return { overdue: 0, past: 0, 'this-quarter': 0, upcoming: 0, ongoing: 0, undated: 0 };
}

function countStatuses(tasks: readonly ReportTask[]): StatusCounts {
  const counts = emptyCounts();
  for (const task of tasks) counts[task.status]++;
  return counts;
}

function netAt(model: PolicyModel, offset: number): string | null {
  return model.nets.find((net) => net.span.start <= offset && offset < net.span.end)?.netId ?? null;
}

function summarizeNets(tasks: readonly ReportTask[], problems: readonly ReportProblem[], schema: PolicySchema | undefined, nameOf: (id: string | null) => string): NetSummary[] {
  const ids: Array<string | null> = [...(schema?.nets.map((net) => net.id) ?? [])];
  for (const task of tasks) if (task.net !== null && !ids.includes(task.net)) ids.push(task.net);
  if (tasks.some((task) => task.net === null)) ids.push(null);
  return ids.map((id) => {
    const mine = tasks.filter((task) => task.net === id);
    return {
      id,
      name: nameOf(id),
      measures: mine.length,
      complete: mine.filter((task) => task.missing.length === 0).length,
      missingOwner: mine.filter((task) => task.missing.includes('owner')).length,
      missingMetric: mine.filter((task) => task.missing.includes('metric')).length,
      missingDeadline: mine.filter((task) => task.missing.includes('deadline')).length,
      problems: id === null ? 0 : problems.filter((problem) => problem.net === id).length,
      statuses: countStatuses(mine),
    };
  });
}

/** One key for a unit however it is spelled: simplified script, single spaces, case-folded. */
export function ownerKey(name: string): string {
  return simplify(name.trim()).replace(/\s+/gu, ' ').toLowerCase();
}

function summarizeOwners(tasks: readonly ReportTask[], locale: Locale): OwnerSummary[] {
  const byKey = new Map<string, OwnerSummary>();
  const entry = (name: string): OwnerSummary => {
    const key = ownerKey(name);
    let found = byKey.get(key);
    if (!found) {
      found = { name: name.trim(), leads: 0, coOwns: 0, total: 0, vague: isVagueOwner(name) };
      byKey.set(key, found);
    }
    return found;
  };
  for (const task of tasks) {
    const seen = new Set<string>();
    // The engine's definitions: a placeholder (【待填写】) is a missing owner, counted in the
    // nets' "missing owner" column, not a unit; "vague" is what the vague-owner rule reports.
    const named = (unit: string): boolean => unit.trim() !== '' && !isPlaceholder(unit);
    if (task.owner && named(task.owner)) {
      entry(task.owner).leads++;
      seen.add(ownerKey(task.owner));
    }
    for (const coOwner of task.coOwners) {
      // A unit listed twice on one measure counts once, as its leading role.
      if (!named(coOwner) || seen.has(ownerKey(coOwner))) continue;
      seen.add(ownerKey(coOwner));
      entry(coOwner).coOwns++;
    }
  }
  const collator = new Intl.Collator(locale === 'en' ? 'en' : locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans');
  return [...byKey.values()].map((owner) => ({ ...owner, total: owner.leads + owner.coOwns })).sort((a, b) => b.total - a.total || b.leads - a.leads || collator.compare(a.name, b.name));
}

function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** Months up to three years fit as months; longer plans are shown by quarter, then by year. */
const MAX_BUCKETS = 36;

function buildTimeline(tasks: readonly ReportTask[], nets: readonly NetSummary[]): Timeline {
  const dated = tasks.filter((task): task is ReportTask & { due: string } => task.due !== null);
  if (dated.length === 0) return { unit: 'month', buckets: [], cells: [] };
  // Not Math.min(...all): a spread of 200,000 tasks overflows the stack.
  const first = dated.reduce((least, task) => Math.min(least, monthIndex(task.due)), Infinity);
  const last = dated.reduce((most, task) => Math.max(most, monthIndex(task.due)), -Infinity);
  const months = last - first + 1;
  const unit: Timeline['unit'] = months <= MAX_BUCKETS ? 'month' : Math.ceil(months / 3) + 1 <= MAX_BUCKETS ? 'quarter' : 'year';
  const size = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const startIndex = first - (unit === 'month' ? 0 : first % size);
  const buckets: TimelineBucket[] = [];
  for (let index = startIndex; index <= last; index += size) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const endMonth = month + size - 1;
    const key = unit === 'month' ? `${year}-${pad(month)}` : unit === 'quarter' ? `${year}-Q${(month + 2) / 3}` : String(year);
    buckets.push({ key, start: `${year}-${pad(month)}-01`, end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`, year, part: unit === 'month' ? month : unit === 'quarter' ? (month + 2) / 3 : 0 });
  }
  const bucketOf = (due: string): string => buckets[Math.floor((monthIndex(due) - startIndex) / size)].key;
  const cells: TimelineCell[] = [];
  for (const net of nets) {
    const byBucket = new Map<string, TimelineCell>();
    for (const task of dated) {
      if (task.net !== net.id) continue;
      const key = bucketOf(task.due);
      let cell = byBucket.get(key);
      if (!cell) {
        cell = { net: net.id, bucket: key, count: 0, statuses: {} };
        byBucket.set(key, cell);
      }
      cell.count++;
      cell.statuses[task.status] = (cell.statuses[task.status] ?? 0) + 1;
    }
    cells.push(...[...byBucket.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1)));
  }
  return { unit, buckets, cells };
}
