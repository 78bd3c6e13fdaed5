/**
 * The report as GitHub-flavoured Markdown: the same sections as the HTML page, with bars
 * drawn in block characters, for pull-request comments and wikis.
 */
import type { DueStatus, ReportData, ReportTask } from './model';
import { DUE_STATUSES } from './model';
import { percent, translator } from './i18n';
import { STATUS_LABEL, bucketLabel } from './charts';
import { fileHref, placeHref, placeLabel } from './escape';

const SEVERITY_LABEL = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;
const MISSING_LABEL = { owner: 'missingOwner', metric: 'missingMetric', deadline: 'missingDeadline' } as const;

/** Text safe inside a table cell: no line breaks, pipes and Markdown marks escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/gu, ' ').replace(/([\\|*_`[\]<>#])/gu, '\\$1');
}

function bar(value: number, max: number, width = 10): string {
  if (max <= 0) return '';
  const filled = value > 0 ? Math.max(1, Math.round((value / max) * width)) : 0;
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

function table(headers: string[], rows: string[][], align: Array<'l' | 'r'> = []): string {
  const rule = headers.map((_, index) => (align[index] === 'r' ? '---:' : '---'));
  return [headers, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

function link(task: { file: string; href: string; line: number; paragraph?: number }): string {
  return `[${cell(`${task.file}:${placeLabel(task)}`)}](${placeHref(task.href, task)})`;
}

/**
 * The report as Markdown, section after section in the order a reader sees them.
 * Long because: it is the document's template, read top to bottom; each section is a few
 * lines pushing to `out`, and cutting it into functions would only scatter the order.
 */
export function renderMarkdown(data: ReportData): string {
  const t = translator(data.locale);
  const out: string[] = [];
  const { totals } = data;
  const quarter = t('quarterLabel', { year: data.quarter.year, quarter: data.quarter.quarter });

  const colon = data.locale === 'en' ? ': ' : '：';
  out.push(`# ${t('reportTitle')}${colon}${cell(data.title)}`, '');
  out.push(`- ${t('documentDate')}${colon}${data.documentDates.join(', ') || t('noDate')}`);
  out.push(`- ${t('asOf')}${colon}${t('quarterOfToday', { today: data.today, quarter })}`);
  out.push(`- ${t('filesLabel')}${colon}${data.files.map((file) => `[${cell(file.path)}](${fileHref(file.href)})`).join(', ')}`, '');

  out.push(`## ${t('summaryLabel')}`, '');
  out.push(
    table(
      [t('kpiMeasures'), t('kpiComplete'), t('kpiMissingOwner'), t('kpiMissingMetric'), t('kpiMissingDeadline'), t('kpiProblems')],
      [
        [
          String(totals.measures),
          `${totals.complete} (${percent(totals.complete, totals.measures)})`,
          String(totals.missingOwner),
          String(totals.missingMetric),
          String(totals.missingDeadline),
          t('kpiProblemsDetail', { errors: totals.errors, warnings: totals.warnings, infos: totals.infos }),
        ],
      ],
      ['r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
  );

  out.push(`## ${t('netsHeading')}`, '', t('netsIntro'), '');
  out.push(
    table(
      [t('colNet'), t('colMeasures'), t('colComplete'), '', t('colMissingOwner'), t('colMissingMetric'), t('colMissingDeadline'), t('colProblems')],
      data.nets.map((net) => [
        cell(net.name),
        String(net.measures),
        `${net.complete} (${percent(net.complete, net.measures)})`,
        `\`${bar(net.complete, net.measures)}\``,
        String(net.missingOwner),
        String(net.missingMetric),
        String(net.missingDeadline),
        String(net.problems),
      ]),
      ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r'],
    ),
    '',
  );

  out.push(`## ${t('ownersHeading')}`, '', t('ownersIntro'), '');
  if (data.owners.length === 0) out.push(t('noOwners'), '');
  else {
    const max = data.owners.reduce((most, owner) => Math.max(most, owner.total), 0);
    out.push(
      table(
        [t('colOwner'), t('colLeads'), t('colCoOwns'), t('colWorkload')],
        data.owners.map((owner) => [`${cell(owner.name)}${owner.vague ? ` (${t('vague')})` : ''}`, String(owner.leads), String(owner.coOwns), `\`${bar(owner.total, max, 20)}\``]),
        ['l', 'r', 'r', 'l'],
      ),
      '',
    );
  }

  out.push(`## ${t('timelineHeading')}`, '');
  out.push(DUE_STATUSES.map((status) => `${t(STATUS_LABEL[status])} **${totals.statuses[status]}**`).join(' · '), '');
  const { timeline } = data;
  const nets = data.nets.filter((net) => net.measures > 0);
  const usedBuckets = timeline.buckets.filter((bucket) => timeline.cells.some((entry) => entry.bucket === bucket.key));
  if (usedBuckets.length === 0) out.push(t('timelineEmpty'), '');
  else {
    const rows = usedBuckets.map((bucket) => {
      const counts = nets.map((net) => timeline.cells.find((entry) => entry.bucket === bucket.key && entry.net === net.id)?.count ?? 0);
      const inQuarter = bucket.end >= data.quarter.start && bucket.start <= data.quarter.end;
      const label = `${bucketLabel(bucket, timeline.unit, t)}${inQuarter ? ` (${t('currentQuarter')})` : ''}`;
      return [label, ...counts.map((count) => (count === 0 ? '' : String(count))), String(counts.reduce((sum, count) => sum + count, 0))];
    });
    rows.push([t('colOngoing'), ...nets.map((net) => (net.statuses.ongoing ? String(net.statuses.ongoing) : '')), String(totals.statuses.ongoing)]);
    rows.push([t('colUndated'), ...nets.map((net) => (net.statuses.undated ? String(net.statuses.undated) : '')), String(totals.statuses.undated)]);
    out.push(table(['', ...nets.map((net) => cell(net.name)), t('total')], rows, ['l', ...nets.map((): 'r' => 'r'), 'r']), '');
  }
  const list = (status: DueStatus, heading: string) => {
    const tasks: ReportTask[] = data.tasks.filter((task) => task.status === status);
    out.push(`### ${heading}${t('count', { count: tasks.length })}`, '');
    if (tasks.length === 0) out.push(t('noneInList'), '');
    else {
      for (const task of tasks) out.push(`- ${cell(task.text)} — ${cell(task.owner ?? '—')} · ${cell(task.deadline ?? '—')} (${link(task)})`);
      out.push('');
    }
  };
  list('this-quarter', t('dueThisQuarterList', { quarter }));
  list('overdue', t('overdueList'));

  out.push(`## ${t('problemsHeading')}${t('count', { count: data.problems.length })}`, '');
  if (data.problems.length === 0) out.push(t('noProblems'), '');
  else
    out.push(
      table(
        [t('colLocation'), t('colSeverity'), t('colMessage'), t('colRule')],
        data.problems.map((problem) => [link(problem), t(SEVERITY_LABEL[problem.severity]), cell(problem.message), `\`${problem.rule}\``]),
      ),
      '',
    );

  out.push(`## ${t('tasksHeading')}${t('count', { count: data.tasks.length })}`, '');
  if (data.tasks.length === 0) out.push(t('noTasks'), '');
  else
    out.push(
      table(
        [t('colLocation'), t('colNet'), t('colText'), t('colLead'), t('colSupport'), t('colMetric'), t('colDeadline'), t('colDue'), t('colStatus'), t('colMissing')],
        data.tasks.map((task) => [
          link(task),
          cell(task.netName || t('outsideNets')),
          cell(task.text),
          cell(task.owner ?? '—'),
          cell(task.coOwners.join('、') || '—'),
          cell(task.metric ?? (task.hasMetric ? t('metricInText') : '—')),
          cell(task.deadline ?? '—'),
          task.deadlineNormalized === 'ongoing' ? t('ongoingDue') : (task.due ?? '—'),
          t(STATUS_LABEL[task.status]),
          task.missing.map((kind) => t(MISSING_LABEL[kind])).join(', '),
        ]),
      ),
      '',
    );

  out.push(`---`, '', `_${t('generatedBy', { generator: data.generator })}_`, '');
  return out.join('\n');
}
