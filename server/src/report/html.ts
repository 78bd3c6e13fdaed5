/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts, one small
 * inline script (sorting and filtering). It loads nothing: no network, no fonts, no files.
 * Every number a test or a reader may check carries a data attribute (data-net,
 * data-measures, data-owner, data-leads…), so the page can be read back.
 */
import type { DueStatus, NetSummary, ReportData, ReportProblem, ReportTask } from './model';
import { DUE_STATUSES } from './model';
import { htmlLang, percent, translator, type Translate } from './i18n';
import { escapeHtml as e, fileHref, placeHref, placeLabel } from './escape';
import { STATUS_LABEL, barSvg, ringSvg, timelineSvg } from './charts';
import { STYLE } from './style';
import { SCRIPT } from './script';

export interface HtmlOptions {
  /** Nonce for the inline <style> and <script>, for a host (a VS Code webview) that sets its own CSP. */
  nonce?: string;
  /** The page's Content-Security-Policy; false leaves it to the host. Default: nothing may load. */
  csp?: string | false;
  /** Force a theme instead of following `prefers-color-scheme`. */
  theme?: 'light' | 'dark' | 'high-contrast' | null;
}

/** Nothing may load: the only code and style are the inline ones. */
export const DEFAULT_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

const URGENCY_RANK: Record<DueStatus, number> = { overdue: 0, 'this-quarter': 1, past: 2, upcoming: 3, ongoing: 4, undated: 5 };
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const SEVERITY_LABEL = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo' } as const;
const MISSING_LABEL = { owner: 'missingOwner', metric: 'missingMetric', deadline: 'missingDeadline' } as const;
/** How many measures the "due this quarter" and "before the document date" lists show. */
const LIST_LIMIT = 8;
/** Past this many units the owner table scrolls (the busiest stay on top), so the page keeps its shape. */
const OWNERS_BEFORE_SCROLL = 16;

export function renderHtml(data: ReportData, options: HtmlOptions = {}): string {
  const t = translator(data.locale);
  const nonce = options.nonce ? ` nonce="${e(options.nonce)}"` : '';
  const csp = options.csp === false ? '' : `<meta http-equiv="Content-Security-Policy" content="${e(options.csp ?? DEFAULT_CSP)}">`;
  const theme = options.theme ? ` data-theme="${options.theme}"` : '';
  return `<!doctype html>
<html lang="${htmlLang(data.locale)}"${theme}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${csp}
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${e(data.generator)}">
<title>${e(`${t('reportTitle')} · ${data.title}`)}</title>
<style${nonce}>${STYLE}</style>
</head>
<body>
<a class="skip" href="#tasks">${e(t('skipToTasks'))}</a>
<div class="page">
${header(data, t)}
<main>
${kpis(data, t)}
<div class="grid">
${netsSection(data, t)}
${ownersSection(data, t)}
</div>
${timelineSection(data, t)}
${problemsSection(data, t)}
${tasksSection(data, t)}
</main>
<footer>${e(t('generatedBy', { generator: data.generator }))} · ${e(t('asOf'))} ${e(data.today)}</footer>
</div>
<script${nonce}>${SCRIPT}</script>
</body>
</html>
`;
}

function quarterName(data: ReportData, t: Translate): string {
  return t('quarterLabel', { year: data.quarter.year, quarter: data.quarter.quarter });
}

function header(data: ReportData, t: Translate): string {
  const dates = data.documentDates.length > 0 ? data.documentDates.join(', ') : t('noDate');
  const sections: Array<[string, Parameters<Translate>[0]]> = [
    ['nets', 'netsHeading'],
    ['owners', 'ownersHeading'],
    ['timeline', 'timelineHeading'],
    ['problems', 'problemsHeading'],
    ['tasks', 'tasksHeading'],
  ];
  return `<header class="page-header">
<p class="eyebrow">${e(t('reportTitle'))}</p>
<h1>${e(data.title)}</h1>
<dl class="meta">
<div><dt>${e(t('documentDate'))}</dt><dd data-document-date="${e(data.documentDates.join(' '))}">${e(dates)}</dd></div>
<div><dt>${e(t('asOf'))}</dt><dd data-today="${e(data.today)}">${e(t('quarterOfToday', { today: data.today, quarter: quarterName(data, t) }))}</dd></div>
<div><dt>${e(t('filesLabel'))}</dt><dd>${data.files.map((file) => `<a href="${e(fileHref(file.href))}">${e(file.path)}</a>`).join(', ')}</dd></div>
</dl>
<nav class="toc" aria-label="${e(t('contents'))}"><ul>${sections.map(([id, label]) => `<li><a href="#${id}">${e(t(label))}</a></li>`).join('')}</ul></nav>
</header>`;
}

function kpis(data: ReportData, t: Translate): string {
  const { totals } = data;
  const netsWithMeasures = data.nets.filter((net) => net.id !== null && net.measures > 0).length;
  const card = (kind: string, value: number, label: string, detail: string, tone: string) =>
    `<li class="kpi${tone}" data-kpi="${kind}" data-value="${value}"><span class="label">${e(label)}</span><span class="value">${value}</span><span class="detail">${e(detail)}</span></li>`;
  const missing = (kind: string, value: number, label: Parameters<Translate>[0]) => card(kind, value, t(label), t('kpiOfMeasures', { percent: percent(value, totals.measures) }), value > 0 ? ' bad' : ' good');
  const completeShare = percent(totals.complete, totals.measures);
  return `<section class="kpis" aria-labelledby="kpis-heading">
<h2 id="kpis-heading" class="visually-hidden">${e(t('summaryLabel'))}</h2>
<ul>
${card('measures', totals.measures, t('kpiMeasures'), t('measuresDetail', { nets: netsWithMeasures, owners: totals.owners }), '')}
<li class="kpi with-ring" data-kpi="complete" data-value="${totals.complete}">${ringSvg(totals.complete, totals.measures, t('barComplete', { name: t('total'), count: totals.complete, total: totals.measures }), completeShare)}<div><span class="label">${e(t('kpiComplete'))}</span><span class="value">${totals.complete}</span><span class="detail">${e(t('kpiCompleteDetail', { complete: totals.complete, measures: totals.measures }))}</span></div></li>
${missing('missing-owner', totals.missingOwner, 'kpiMissingOwner')}
${missing('missing-metric', totals.missingMetric, 'kpiMissingMetric')}
${missing('missing-deadline', totals.missingDeadline, 'kpiMissingDeadline')}
${card('problems', totals.errors + totals.warnings + totals.infos, t('kpiProblems'), t('kpiProblemsDetail', { errors: totals.errors, warnings: totals.warnings, infos: totals.infos }), totals.errors > 0 ? ' bad' : '')}
</ul>
</section>`;
}

function netRow(net: Omit<NetSummary, 'statuses' | 'id'> & { id: string | null }, t: Translate, total: boolean): string {
  const cellTag = total ? 'th' : 'td';
  const missingCell = (count: number, what: Parameters<Translate>[0]) =>
    `<td class="bar-cell narrow" data-value="${count}"><span class="count${count === 0 ? ' zero' : ''}">${count}</span>${barSvg([{ value: count, className: 'fill-missing' }], net.measures, t('barMissing', { name: net.name, count, total: net.measures, what: t(what) }), 6)}</td>`;
  const attributes = total ? `data-total="1"` : `data-net="${e(net.id ?? '')}"`;
  return `<tr ${attributes} data-measures="${net.measures}" data-complete="${net.complete}" data-missing-owner="${net.missingOwner}" data-missing-metric="${net.missingMetric}" data-missing-deadline="${net.missingDeadline}" data-problems="${net.problems}">
<th scope="row">${e(net.name)}</th>
<${cellTag} class="num">${net.measures}</${cellTag}>
<td class="bar-cell" data-value="${net.complete}"><span class="count">${net.measures === 0 ? e(t('noMeasures')) : `${net.complete} / ${net.measures} · ${percent(net.complete, net.measures)}`}</span>${barSvg([{ value: net.complete, className: 'fill-complete' }], net.measures, t('barComplete', { name: net.name, count: net.complete, total: net.measures }))}</td>
${missingCell(net.missingOwner, 'kpiMissingOwner')}
${missingCell(net.missingMetric, 'kpiMissingMetric')}
${missingCell(net.missingDeadline, 'kpiMissingDeadline')}
<${cellTag} class="num">${net.problems}</${cellTag}>
</tr>`;
}

function netsSection(data: ReportData, t: Translate): string {
  const { totals } = data;
  const problems = data.nets.reduce((sum, net) => sum + net.problems, 0);
  const totalRow = netRow(
    { id: null, name: t('total'), measures: totals.measures, complete: totals.complete, missingOwner: totals.missingOwner, missingMetric: totals.missingMetric, missingDeadline: totals.missingDeadline, problems },
    t,
    true,
  );
  return `<section id="nets" class="card" aria-labelledby="nets-heading">
<h2 id="nets-heading">${e(t('netsHeading'))}</h2>
<p class="intro">${e(t('netsIntro'))}</p>
<div class="scroll"><table id="nets-table">
<thead><tr><th scope="col">${e(t('colNet'))}</th><th scope="col" class="num">${e(t('colMeasures'))}</th><th scope="col">${e(t('colComplete'))}</th><th scope="col">${e(t('colMissingOwner'))}</th><th scope="col">${e(t('colMissingMetric'))}</th><th scope="col">${e(t('colMissingDeadline'))}</th><th scope="col" class="num">${e(t('colProblems'))}</th></tr></thead>
<tbody>
${data.nets.map((net) => netRow(net, t, false)).join('\n')}
</tbody>
<tfoot>${totalRow}</tfoot>
</table></div>
${netStatuses(data, t)}
</section>`;
}

/** Per net, how its measures fall due: one stacked bar in the status colours of the timeline. */
function netStatuses(data: ReportData, t: Translate): string {
  const nets = data.nets.filter((net) => net.measures > 0);
  if (nets.length === 0) return '';
  const separator = data.locale === 'en' ? ', ' : '，';
  const rows = nets.map((net) => {
    const label = `${net.name}: ${DUE_STATUSES.filter((status) => net.statuses[status] > 0)
      .map((status) => `${t(STATUS_LABEL[status])} ${net.statuses[status]}`)
      .join(separator)}`;
    const segments = DUE_STATUSES.map((status) => ({ value: net.statuses[status], className: `fill-status status-${status}` }));
    return `<tr data-net="${e(net.id ?? '')}"${DUE_STATUSES.map((status) => ` data-${status}="${net.statuses[status]}"`).join('')}><th scope="row">${e(net.name)}</th><td class="bar-cell">${barSvg(segments, net.measures, label, 12, true)}</td></tr>`;
  });
  const legend = DUE_STATUSES.filter((status) => data.totals.statuses[status] > 0).map((status) => `<li><span class="swatch status-${status}"></span>${e(t(STATUS_LABEL[status]))}</li>`);
  return `<h3 class="sub">${e(t('netStatusesHeading'))}</h3>
<table class="net-statuses"><thead><tr><th scope="col">${e(t('colNet'))}</th><th scope="col">${e(t('colStatus'))}</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<ul class="legend">${legend.join('')}</ul>`;
}

function ownersSection(data: ReportData, t: Translate): string {
  const max = data.owners.reduce((most, owner) => Math.max(most, owner.total), 0);
  const rows = data.owners
    .map(
      (owner) => `<tr data-owner="${e(owner.name)}" data-leads="${owner.leads}" data-co-owns="${owner.coOwns}"${owner.vague ? ' data-vague="1"' : ''}>
<th scope="row"><span class="owner-name">${e(owner.name)}${owner.vague ? ` <span class="tag vague">${e(t('vague'))}</span>` : ''}</span></th>
<td class="num">${owner.leads}</td><td class="num">${owner.coOwns}</td>
<td class="bar-cell" data-value="${owner.total}">${barSvg(
        [
          { value: owner.leads, className: 'fill-lead' },
          { value: owner.coOwns, className: 'fill-support' },
        ],
        max,
        t('ownerBar', { name: owner.name, leads: owner.leads, coOwns: owner.coOwns }),
        12,
      )}</td>
</tr>`,
    )
    .join('\n');
  const body =
    data.owners.length === 0
      ? `<p class="empty">${e(t('noOwners'))}</p>`
      : `<div class="scroll${data.owners.length > OWNERS_BEFORE_SCROLL ? ' tall' : ''}"><table id="owners-table" data-sortable>
<thead><tr><th scope="col" data-sort="text">${e(t('colOwner'))}</th><th scope="col" class="num" data-sort="number">${e(t('colLeads'))}</th><th scope="col" class="num" data-sort="number">${e(t('colCoOwns'))}</th><th scope="col" data-sort="number">${e(t('colWorkload'))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
<ul class="legend"><li><span class="swatch lead"></span>${e(t('colLeads'))}</li><li><span class="swatch support"></span>${e(t('colCoOwns'))}</li></ul>`;
  return `<section id="owners" class="card" aria-labelledby="owners-heading">
<h2 id="owners-heading">${e(t('ownersHeading'))}</h2>
<p class="intro">${e(t('ownersIntro'))}</p>
${body}
</section>`;
}

function dueItem(task: ReportTask, t: Translate): string {
  const owner = task.owner ? e(task.owner) : `<span class="missing-owner">${e(t('kpiMissingOwner'))}</span>`;
  const when = task.deadline ?? '—';
  return `<li data-file="${e(task.file)}" data-line="${task.line}"><span class="what"><a href="${e(placeHref(task.href, task))}" title="${e(task.text)}">${e(task.text)}</a></span><span class="who">${owner} · ${e(task.netName || t('outsideNets'))}</span><span class="when">${e(when)}${task.due ? `<br>${e(task.due)}` : ''}</span></li>`;
}

function dueList(tasks: ReportTask[], heading: string, status: DueStatus, t: Translate): string {
  const sorted = [...tasks].sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '') || a.line - b.line);
  const items = sorted.slice(0, LIST_LIMIT).map((task) => dueItem(task, t));
  if (sorted.length > LIST_LIMIT) items.push(`<li class="empty">${e(t('moreItems', { count: sorted.length - LIST_LIMIT }))}</li>`);
  return `<div data-list="${status}" data-count="${tasks.length}"><h3><span class="badge status-${status}">${tasks.length}</span> ${e(heading)}</h3>${
    items.length > 0 ? `<ul>${items.join('')}</ul>` : `<p class="empty">${e(t('noneInList'))}</p>`
  }</div>`;
}

function timelineSection(data: ReportData, t: Translate): string {
  const { timeline } = data;
  const chart = timeline.buckets.length === 0 ? `<p class="empty">${e(t('timelineEmpty'))}</p>` : `<div class="timeline-wrap">${timelineSvg(data, t)}</div>`;
  const quarterShown = timeline.buckets.some((bucket) => bucket.end >= data.quarter.start && bucket.start <= data.quarter.end);
  const legend = DUE_STATUSES.map(
    (status) =>
      `<li data-status="${status}" data-count="${data.totals.statuses[status]}"><span class="swatch status-${status}"></span>${e(t(STATUS_LABEL[status]))} <span class="count">${data.totals.statuses[status]}</span></li>`,
  );
  if (quarterShown) legend.push(`<li><span class="swatch quarter"></span>${e(t('currentQuarter'))} ${e(quarterName(data, t))}</li>`);
  if (data.documentDates.length > 0) legend.push(`<li><span class="swatch docdate"></span>${e(t('documentDate'))} ${e(data.documentDates.join(', '))}</li>`);
  const outside = timeline.buckets.length > 0 && !quarterShown ? `<p class="intro">${e(t('todayOutside', { today: data.today }))}</p>` : '';
  return `<section id="timeline" class="card" aria-labelledby="timeline-heading">
<h2 id="timeline-heading">${e(t('timelineHeading'))}</h2>
<p class="intro">${e(t('timelineIntro'))}</p>
${chart}
<ul class="legend" aria-label="${e(t('legend'))}">${legend.join('')}</ul>
${outside}
<div class="due-lists">
${dueList(
  data.tasks.filter((task) => task.status === 'this-quarter'),
  t('dueThisQuarterList', { quarter: quarterName(data, t) }),
  'this-quarter',
  t,
)}
${dueList(
  data.tasks.filter((task) => task.status === 'overdue'),
  t('overdueList'),
  'overdue',
  t,
)}
</div>
</section>`;
}

function locationValue(file: string, line: number): string {
  return `${file}:${String(line).padStart(7, '0')}`;
}

function problemRow(problem: ReportProblem, t: Translate): string {
  return `<tr data-severity="${problem.severity}" data-rule="${e(problem.rule)}" data-file="${e(problem.file)}" data-line="${problem.line}">
<td class="loc" data-value="${e(locationValue(problem.file, problem.line))}"><a href="${e(placeHref(problem.href, problem))}" data-file="${e(problem.file)}" data-line="${problem.line}">${e(`${problem.file}:${placeLabel(problem)}`)}</a></td>
<td data-value="${SEVERITY_RANK[problem.severity]}"><span class="severity ${problem.severity}">${e(t(SEVERITY_LABEL[problem.severity]))}</span></td>
<td>${e(problem.message)}</td>
<td><code>${e(problem.rule)}</code></td>
</tr>`;
}

function select(label: string, attribute: string, options: Array<[string, string]>, all: string): string {
  return `<label><span class="visually-hidden">${e(label)}</span><select data-attr="${attribute}" aria-label="${e(label)}"><option value="">${e(all)}</option>${options.map(([value, text]) => `<option value="${e(value)}">${e(text)}</option>`).join('')}</select></label>`;
}

function filterForm(tableId: string, label: string, controls: string, total: number, t: Translate): string {
  const template = t('filterShowing', { shown: '{shown}', total: '{total}' });
  return `<form class="filters" data-filter-for="${tableId}" role="search" aria-label="${e(label)}" hidden>
<label><span class="visually-hidden">${e(t('filterSearch'))}</span><input type="search" placeholder="${e(t('filterSearch'))}" aria-label="${e(t('filterSearch'))}"></label>
${controls}
<output aria-live="polite" data-template="${e(template)}">${e(t('filterShowing', { shown: total, total }))}</output>
</form>`;
}

function problemsSection(data: ReportData, t: Translate): string {
  const byRule = new Map<string, number>();
  for (const problem of data.problems) byRule.set(problem.rule, (byRule.get(problem.rule) ?? 0) + 1);
  const rules = [...byRule.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (data.problems.length === 0) {
    return `<section id="problems" aria-labelledby="problems-heading"><h2 id="problems-heading">${e(t('problemsHeading'))}</h2><p class="empty">${e(t('noProblems'))}</p></section>`;
  }
  const severities = (['error', 'warning', 'info'] as const).filter((severity) => data.problems.some((problem) => problem.severity === severity));
  const controls =
    select(
      t('colSeverity'),
      'severity',
      severities.map((severity) => [severity, t(SEVERITY_LABEL[severity])]),
      t('filterAllSeverities'),
    ) +
    select(
      t('colRule'),
      'rule',
      rules.map(([rule]) => [rule, rule]),
      t('filterAllRules'),
    );
  return `<section id="problems" aria-labelledby="problems-heading">
<h2 id="problems-heading">${e(t('problemsHeading'))}${e(t('count', { count: data.problems.length }))}</h2>
<p class="intro">${e(t('problemsIntro'))}</p>
<ul class="rule-chips" aria-label="${e(t('colRule'))}">${rules.map(([rule, count]) => `<li data-rule="${e(rule)}" data-count="${count}"><code>${e(rule)}</code><span class="count">${count}</span></li>`).join('')}</ul>
${filterForm('problems-table', t('filterProblems'), controls, data.problems.length, t)}
<div class="scroll"><table id="problems-table" data-sortable>
<thead><tr><th scope="col" data-sort="text">${e(t('colLocation'))}</th><th scope="col" data-sort="number">${e(t('colSeverity'))}</th><th scope="col" data-sort="text">${e(t('colMessage'))}</th><th scope="col" data-sort="text">${e(t('colRule'))}</th></tr></thead>
<tbody>
${data.problems.map((problem) => problemRow(problem, t)).join('\n')}
</tbody>
</table></div>
</section>`;
}

function basename(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

function taskRow(task: ReportTask, t: Translate, singleFile: boolean, showFullPath: boolean): string {
  const location = singleFile ? (task.paragraph ? placeLabel(task) : `L${task.line}`) : `${showFullPath ? task.file : basename(task.file)}:${placeLabel(task)}`;
  const metric = task.metric ?? (task.hasMetric ? null : '');
  const due = task.deadlineNormalized === 'ongoing' ? '' : (task.due ?? '');
  const dueValue = task.deadlineNormalized === 'ongoing' ? '9998' : (task.due ?? '9999');
  const none = '<span class="empty">—</span>';
  return `<tr data-file="${e(task.file)}" data-line="${task.line}" data-net="${e(task.net ?? '')}" data-group="${e(task.net ?? 'outside')}" data-status="${task.status}" data-missing="${task.missing.join(' ')}">
<td class="loc" data-value="${e(locationValue(task.file, task.line))}"><a href="${e(placeHref(task.href, task))}" title="${e(`${task.file}:${placeLabel(task)}`)}" data-file="${e(task.file)}" data-line="${task.line}">${e(location)}</a></td>
<td class="net">${e(task.netName || t('outsideNets'))}</td>
<td class="text">${e(task.text)}</td>
<td class="units">${task.owner ? e(task.owner) : none}</td>
<td class="units">${task.coOwners.length > 0 ? e(task.coOwners.join('、')) : none}</td>
<td class="small">${metric === null ? e(t('metricInText')) : metric ? e(metric) : none}</td>
<td class="deadline" data-value="${dueValue}">${task.deadline ? e(task.deadline) : none}${due && due !== task.deadline ? `<span class="due">${e(due)}</span>` : ''}</td>
<td data-value="${URGENCY_RANK[task.status]}"><span class="badge status-${task.status}">${e(t(STATUS_LABEL[task.status]))}</span></td>
<td class="tags" data-value="${task.missing.length}">${task.missing.map((kind) => `<span class="tag missing">${e(t(MISSING_LABEL[kind]))}</span>`).join('')}</td>
</tr>`;
}

function tasksSection(data: ReportData, t: Translate): string {
  if (data.tasks.length === 0) {
    return `<section id="tasks" aria-labelledby="tasks-heading"><h2 id="tasks-heading">${e(t('tasksHeading'))}</h2><p class="empty">${e(t('noTasks'))}</p></section>`;
  }
  const files = new Set(data.tasks.map((task) => task.file));
  const showFullPath = new Set(data.tasks.map((task) => basename(task.file))).size !== files.size;
  const nets = data.nets.filter((net) => net.measures > 0).map((net): [string, string] => [net.id ?? 'outside', net.name]);
  const statuses = DUE_STATUSES.filter((status) => data.totals.statuses[status] > 0).map((status): [string, string] => [status, t(STATUS_LABEL[status])]);
  const controls =
    select(t('colNet'), 'group', nets, t('filterAllNets')) + select(t('colStatus'), 'status', statuses, t('filterAllStatuses')) + `<label><input type="checkbox" data-attr="missing"> ${e(t('filterIncomplete'))}</label>`;
  const headers: Array<[Parameters<Translate>[0], string]> = [
    ['colLocation', 'text'],
    ['colNet', 'text'],
    ['colText', 'text'],
    ['colLead', 'text'],
    ['colSupport', 'text'],
    ['colMetric', 'text'],
    ['colDeadline', 'text'],
    ['colStatus', 'number'],
    ['colMissing', 'number'],
  ];
  return `<section id="tasks" aria-labelledby="tasks-heading">
<h2 id="tasks-heading">${e(t('tasksHeading'))}${e(t('count', { count: data.tasks.length }))}</h2>
<p class="intro">${e(t('tasksIntro'))}</p>
${filterForm('tasks-table', t('filterTasks'), controls, data.tasks.length, t)}
<div class="scroll"><table id="tasks-table" data-sortable>
<thead><tr>${headers.map(([label, sort]) => `<th scope="col" data-sort="${sort}">${e(t(label))}</th>`).join('')}</tr></thead>
<tbody>
${data.tasks.map((task) => taskRow(task, t, files.size === 1, showFullPath)).join('\n')}
</tbody>
</table></div>
</section>`;
}
