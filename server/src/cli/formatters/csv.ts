/** The task table as CSV that Excel opens correctly: UTF-8 with BOM, CRLF, RFC 4180 quoting. */
import type { Locale, TaskRow } from '../../engine';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['文件', '行', '所属网', '措施', '牵头单位', '配合单位', '指标', '完成时限', '时限（标准化）', '缺失项'],
  'zh-TW': ['檔案', '行', '所屬網', '措施', '牽頭單位', '配合單位', '指標', '完成時限', '時限（標準化）', '缺失項'],
  en: ['File', 'Line', 'Net', 'Measure', 'Owner', 'Co-owners', 'Metric', 'Deadline', 'Deadline (normalized)', 'Missing'],
};

const MISSING: Record<Locale, Record<'owner' | 'metric' | 'deadline', string>> = {
  'zh-CN': { owner: '责任单位', metric: '指标', deadline: '完成时限' },
  'zh-TW': { owner: '責任單位', metric: '指標', deadline: '完成時限' },
  en: { owner: 'owner', metric: 'metric', deadline: 'deadline' },
};

const ONGOING: Record<Locale, string> = { 'zh-CN': '长期', 'zh-TW': '長期', en: 'ongoing' };

function cell(value: string): string {
  // Guard against formula injection in spreadsheets: OWASP's list, = + - @ and TAB and CR at the start.
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

export function formatCsv(rows: TaskRow[], locale: Locale, netLabel: (netId: string | null, file: string) => string): string {
  const lines = [HEADERS[locale].map(cell).join(',')];
  for (const row of rows) {
    const normalized = row.deadlineNormalized === null ? '' : row.deadlineNormalized === 'ongoing' ? ONGOING[locale] : `${row.deadlineNormalized.start}/${row.deadlineNormalized.end}`;
    lines.push(
      [
        row.file,
        String(row.line),
        netLabel(row.net, row.file),
        row.text,
        row.owner ?? '',
        row.coOwners.join(locale === 'en' ? '; ' : '、'),
        row.metric ?? '',
        row.deadline ?? '',
        normalized,
        row.missing.map((field) => MISSING[locale][field]).join(locale === 'en' ? '; ' : '、'),
      ]
        .map(cell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
