/**
 * The report's charts: small inline SVGs drawn from the data (no charting library: bars, a
 * ring and one grid are less code than adapting one, and the page must load nothing).
 * Colours come from CSS classes, so the page's theme variables restyle every chart.
 */
import type { ReportData, DueStatus, TimelineBucket } from './model';
import type { Translate } from './i18n';
import { escapeHtml, textWidthEm } from './escape';

export interface Segment {
  value: number;
  /** CSS class of the segment's fill. */
  className: string;
}

function share(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  // A non-zero count stays visible even beside a much larger one.
  return Math.max((value / max) * 100, 1.5);
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A horizontal bar (one or more segments) on a track, `max` wide. */
export function barSvg(segments: readonly Segment[], max: number, label: string, height = 10, exact = false): string {
  let x = 0;
  const rects = segments
    .map((segment) => {
      // Exact bars are parts of a whole that add up to it: no minimum width, or they would overflow.
      const width = exact ? (max > 0 ? (segment.value / max) * 100 : 0) : share(segment.value, max);
      if (width === 0) return '';
      const rect = `<rect class="${segment.className}" x="${round(x)}%" y="0" width="${round(Math.min(width, 100 - x))}%" height="${height}"/>`;
      x += width;
      return rect;
    })
    .join('');
  const name = escapeHtml(label);
  return `<svg class="bar" width="100%" height="${height}" role="img" aria-label="${name}"><title>${name}</title><rect class="track" width="100%" height="${height}" rx="${height / 2}"/>${rects}</svg>`;
}

/** A ring showing part of a whole, with the percentage in the middle. */
export function ringSvg(part: number, whole: number, label: string, caption: string): string {
  const radius = 26;
  const circumference = 2 * Math.PI * radius;
  const filled = whole > 0 ? (part / whole) * circumference : 0;
  const name = escapeHtml(label);
  return (
    `<svg class="ring" width="72" height="72" viewBox="0 0 72 72" role="img" aria-label="${name}"><title>${name}</title>` +
    `<circle class="ring-track" cx="36" cy="36" r="${radius}"/>` +
    `<circle class="ring-fill" cx="36" cy="36" r="${radius}" stroke-dasharray="${round(filled)} ${round(circumference)}" transform="rotate(-90 36 36)"/>` +
    `<text x="36" y="36" dy="0.35em" text-anchor="middle">${escapeHtml(caption)}</text></svg>`
  );
}

/** Status order from most to least urgent: a cell takes the colour of its most urgent measure. */
const URGENCY: readonly DueStatus[] = ['overdue', 'this-quarter', 'past', 'upcoming', 'ongoing', 'undated'];

export const STATUS_LABEL: Record<DueStatus, Parameters<Translate>[0]> = {
  overdue: 'statusOverdue',
  past: 'statusPast',
  'this-quarter': 'statusThisQuarter',
  upcoming: 'statusUpcoming',
  ongoing: 'statusOngoing',
  undated: 'statusUndated',
};

export function bucketLabel(bucket: TimelineBucket, unit: ReportData['timeline']['unit'], t: Translate): string {
  if (unit === 'month') return t('monthLabel', { year: bucket.year, month: bucket.part });
  if (unit === 'quarter') return t('quarterLabel', { year: bucket.year, quarter: bucket.part });
  return t('yearLabel', { year: bucket.year });
}

function shortBucketLabel(bucket: TimelineBucket, unit: ReportData['timeline']['unit'], t: Translate, locale: ReportData['locale']): string {
  if (unit === 'month') return locale === 'en' ? t('monthLabel', { year: '', month: bucket.part }).trim() : String(bucket.part);
  if (unit === 'quarter') return `Q${bucket.part}`;
  return String(bucket.year);
}

function statusDetail(statuses: Partial<Record<DueStatus, number>>, t: Translate, separator: string): string {
  return URGENCY.filter((status) => statuses[status])
    .map((status) => `${t(STATUS_LABEL[status])} ${statuses[status]}`)
    .join(separator);
}

/**
 * The deadline grid: one row per net, one column per month (or quarter, or year) in which
 * something falls due, then columns for ongoing and undated measures. Today's quarter is a
 * band, the document date a dashed line.
 * Long because: it is one SVG template (layout, grid, bands, cells, legend) whose parts share
 * the same computed geometry; split, each piece would take a dozen of its variables.
 */
export function timelineSvg(data: ReportData, t: Translate): string {
  const { buckets, cells, unit } = data.timeline;
  const rows = data.nets.filter((net) => net.measures > 0);
  const fontSize = 13;
  const labelWidth = Math.ceil(Math.max(4, ...rows.map((net) => textWidthEm(net.name))) * fontSize) + 20;
  const columnWidth = unit === 'month' ? 32 : 44;
  const rowHeight = 32;
  const top = 58;
  const gap = 18;
  const extraWidth = 52;
  const gridWidth = buckets.length * columnWidth;
  const extraX = labelWidth + gridWidth + gap;
  const width = extraX + 2 * extraWidth + 8;
  const height = top + rows.length * rowHeight + 34;
  const separator = data.locale === 'en' ? ', ' : '，';
  const parts: string[] = [];

  // Row stripes and net names.
  rows.forEach((net, index) => {
    const y = top + index * rowHeight;
    if (index % 2 === 1) parts.push(`<rect class="tl-stripe" x="0" y="${y}" width="${width}" height="${rowHeight}"/>`);
    parts.push(`<text class="tl-net" x="${labelWidth - 12}" y="${y + rowHeight / 2}" dy="0.35em" text-anchor="end">${escapeHtml(net.name)}</text>`);
  });

  // Today's quarter, as a band over the buckets it covers.
  const quarterBuckets = buckets.map((bucket, index) => ({ bucket, index })).filter(({ bucket }) => bucket.end >= data.quarter.start && bucket.start <= data.quarter.end);
  if (quarterBuckets.length > 0) {
    const x = labelWidth + quarterBuckets[0].index * columnWidth;
    const w = quarterBuckets.length * columnWidth;
    parts.push(
      `<rect class="tl-quarter" x="${x}" y="4" width="${w}" height="${top - 4 + rows.length * rowHeight}" rx="6"><title>${escapeHtml(`${t('currentQuarter')}: ${t('quarterLabel', { year: data.quarter.year, quarter: data.quarter.quarter })}`)}</title></rect>`,
    );
    parts.push(`<text class="tl-quarter-label" x="${x + w / 2}" y="16" text-anchor="middle">${escapeHtml(t('currentQuarter'))}</text>`);
  }

  // Axis: years above (where a year has room for its label), months (or quarters) below.
  buckets.forEach((bucket, index) => {
    const x = labelWidth + index * columnWidth;
    if (index === 0 || bucket.year !== buckets[index - 1].year) {
      if (index > 0) parts.push(`<line class="tl-year-rule" x1="${x}" y1="22" x2="${x}" y2="${top + rows.length * rowHeight}"/>`);
      const label = t('yearLabel', { year: bucket.year });
      const columns = buckets.slice(index).findIndex((other) => other.year !== bucket.year);
      const room = (columns < 0 ? buckets.length - index : columns) * columnWidth;
      if (unit !== 'year' && room >= textWidthEm(label) * 12 + 6) parts.push(`<text class="tl-year" x="${x + 4}" y="32">${escapeHtml(label)}</text>`);
    }
    parts.push(`<text class="tl-tick" x="${x + columnWidth / 2}" y="50" text-anchor="middle">${escapeHtml(shortBucketLabel(bucket, unit, t, data.locale))}</text>`);
  });
  parts.push(`<text class="tl-tick" x="${extraX + extraWidth / 2}" y="50" text-anchor="middle">${escapeHtml(t('colOngoing'))}</text>`);
  parts.push(`<text class="tl-tick" x="${extraX + extraWidth * 1.5}" y="50" text-anchor="middle">${escapeHtml(t('colUndated'))}</text>`);

  // The cells.
  const bucketIndex = new Map(buckets.map((bucket, index) => [bucket.key, index]));
  const rowIndex = new Map(rows.map((net, index) => [net.id, index]));
  const cellRect = (x: number, y: number, w: number, status: DueStatus, count: number, title: string, attributes: string): string =>
    `<g class="tl-cell status-${status}" ${attributes}><title>${escapeHtml(title)}</title>` +
    `<rect x="${x + 3}" y="${y + 4}" width="${w - 6}" height="${rowHeight - 8}" rx="5"/>` +
    `<text x="${x + w / 2}" y="${y + rowHeight / 2}" dy="0.35em" text-anchor="middle">${count}</text></g>`;
  for (const cell of cells) {
    const column = bucketIndex.get(cell.bucket);
    const row = rowIndex.get(cell.net);
    if (column === undefined || row === undefined) continue;
    const status = URGENCY.find((candidate) => cell.statuses[candidate]) ?? 'upcoming';
    const period = bucketLabel(buckets[column], unit, t);
    const title = t('timelineCell', { net: rows[row].name, period, count: cell.count, detail: statusDetail(cell.statuses, t, separator) });
    const attributes = `data-net="${escapeHtml(cell.net ?? '')}" data-bucket="${cell.bucket}" data-count="${cell.count}"`;
    parts.push(cellRect(labelWidth + column * columnWidth, top + row * rowHeight, columnWidth, status, cell.count, title, attributes));
  }
  rows.forEach((net, row) => {
    const y = top + row * rowHeight;
    (['ongoing', 'undated'] as const).forEach((status, index) => {
      const count = net.statuses[status];
      if (count === 0) return;
      const title = `${net.name} · ${t(STATUS_LABEL[status])}: ${count}`;
      parts.push(cellRect(extraX + index * extraWidth, y, extraWidth, status, count, title, `data-net="${escapeHtml(net.id ?? '')}" data-bucket="${status}" data-count="${count}"`));
    });
  });

  // The document date(s), as dashed lines where they fall inside the chart.
  let labelled = false;
  for (const date of data.documentDates) {
    const column = buckets.findIndex((bucket) => bucket.start <= date && date <= bucket.end);
    if (column < 0) continue;
    const bucket = buckets[column];
    const days = (Date.parse(bucket.end) - Date.parse(bucket.start)) / 86_400_000 + 1;
    const offset = (Date.parse(date) - Date.parse(bucket.start)) / 86_400_000 + 0.5;
    const x = labelWidth + column * columnWidth + (offset / days) * columnWidth;
    const bottom = top + rows.length * rowHeight;
    parts.push(`<line class="tl-docdate" x1="${round(x)}" y1="${top - 4}" x2="${round(x)}" y2="${bottom + 6}"><title>${escapeHtml(`${t('documentDate')}: ${date}`)}</title></line>`);
    if (!labelled) {
      const anchor = x < labelWidth + gridWidth / 2 ? 'start' : 'end';
      parts.push(`<text class="tl-docdate-label" x="${round(x + (anchor === 'start' ? -2 : 2))}" y="${bottom + 22}" text-anchor="${anchor}">▲ ${escapeHtml(`${t('documentDate')} ${date}`)}</text>`);
      labelled = true;
    }
  }

  const dated = data.tasks.filter((task) => task.due !== null).length;
  const description = t('timelineDesc', { dated, ongoing: data.totals.statuses.ongoing, undated: data.totals.statuses.undated });
  return (
    `<svg class="timeline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="timeline-title timeline-desc">` +
    `<title id="timeline-title">${escapeHtml(t('timelineChart'))}</title><desc id="timeline-desc">${escapeHtml(description)}</desc>` +
    parts.join('') +
    `</svg>`
  );
}
