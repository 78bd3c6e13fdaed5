/**
 * How a line says "this is a measure" without Markdown's help: the numbering people type or
 * Word leaves in pasted text (204.推进…, 1、…, （一）…, (1)…, ①…, 6.1.1 …, full-width
 * ６．… after a full-width indent), English action lines ("By June 2023, Health Services
 * will …") and field labels standing alone on a line (责任单位 ⏎ 市民政局, as in 任务登记表
 * pasted from Word). Written by hand: these are conventions of Chinese plans, not Markdown.
 */
import { kindOfLabel } from '../labels';
import { simplify, traditionalize } from '../script';
import type { FieldKind } from '../types';

/**
 * Numbering at the start of a line. A number must not run into a digit or a Latin letter
 * (3.5亿元 and 4.D.i are not numbering); dotted numbers (6.1.1) need a space after them.
 * A bold run may open the line (**1. 推进…。** 具体内容…).
 */
export const NUMBERING =
  /^[ \t\u3000]*(?:\*\*|__)?[ \t\u3000]*(?:[0-9０-９]{1,3}(?:[.．][0-9０-９]{1,3}){1,3}(?=[ \t\u3000])|[0-9０-９]{1,4}[ \t]*[.、．](?![0-9０-９A-Za-z])|[（(][ \t]*(?:[0-9０-９]{1,3}|[一二三四五六七八九十百]+)[ \t]*[)）]|[一二三四五六七八九十百]+[ \t]*[、．.]|[0-9０-９]{1,3}[)）]|[①-⑳⑴-⒇])[ \t\u3000]*/u;

/** 一是…；二是… inside one paragraph. */
export const ORDINAL_IS = /(?:^|(?<=[。；;]))[ \t]*[一二三四五六七八九十]+是/gu;

/**
 * The level of a numbering, outermost first: 一、 (1), （一） (2), 1. / 1、 (3), (1) / 1) (4),
 * ① (5); dotted numbers count their parts (6.1 is 4, 6.1.1 is 5). A numbered line followed by
 * a deeper one heads a group.
 */
export function numberingLevel(marker: string): number {
  const m = marker.replace(/^[\s*_\u3000]+/u, '');
  if (/^[一二三四五六七八九十百]+/u.test(m)) return 1;
  if (/^[（(][ \t]*[一二三四五六七八九十百]/u.test(m)) return 2;
  const dotted = /^[0-9０-９]+((?:[.．][0-9０-９]+)+)/u.exec(m);
  if (dotted) return 3 + (dotted[1].match(/[.．]/gu)?.length ?? 0);
  if (/^[0-9０-９]+[ \t]*[.、．]/u.test(m)) return 3;
  if (/^[（(]/u.test(m) || /^[0-9０-９]+[)）]/u.test(m)) return 4;
  return 5;
}

/**
 * "By <date>, <Department> will …": the subject is the owner, `By <date>` the deadline. The
 * first date is the deadline when an amended one follows (By December 2021 December 2020).
 */
const ACTION_LINE =
  /^[ \t]*(By\s+(?:(?:the\s+)?end(?:\s+of|-)\s*)?(?:(?:Q[1-4]|[A-Z][a-z]{2,8}\.?)\s+)?(?:\d{1,2},?\s+)?\d{4})(?:\s+(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},?\s+)?\d{4})?,\s+(?:the\s+)?([A-Z][A-Za-z0-9&.'’\- ]{0,60}?)\s+(?:will|shall|is to)\s/u;

export interface ActionLine {
  /** `By December 2023`, offsets relative to the line. */
  deadline: { start: number; end: number };
  owner: { start: number; end: number };
}

export function actionLine(line: string): ActionLine | null {
  const match = ACTION_LINE.exec(line);
  if (!match) return null;
  const deadlineStart = match[0].indexOf(match[1]);
  const ownerStart = match[0].lastIndexOf(match[2], match[0].length - 1);
  return {
    deadline: { start: deadlineStart, end: deadlineStart + match[1].length },
    owner: { start: ownerStart, end: ownerStart + match[2].length },
  };
}

/** Column and line titles that hold the task itself (具体任务, 重点任务, Actions …). */
export const TASK_LABELS = [
  '重点任务',
  '工作任务',
  '目标任务',
  '目标与任务',
  '主要任务',
  '具体任务',
  '具体措施',
  '主要措施',
  '工作措施',
  '主要内容',
  '工作内容',
  '任务内容',
  '重点工作',
  '工作事项',
  '任务事项',
  '任务名称',
  '项目名称',
  '措施',
  '任务',
  '举措',
  '事项',
];
const TASK_LABELS_EN = /^(?:tasks?|actions?|measures?|initiatives?|activities|objectives?|key actions)$/iu;

/** Line labels for a measure's metric in English plans: "Key Performance Indicators". */
const METRIC_LINE_LABELS_EN = /^(?:key performance indicators?|kpis?|performance (?:measures?|indicators?|targets?)|targets?|metrics?|success measures?)$/iu;

/** Task labels in both scripts, made once (OpenCC is too slow to run on every short line). */
let taskLabels: Set<string> | null = null;

function isTaskLabelText(bare: string): boolean {
  taskLabels ??= new Set(TASK_LABELS.flatMap((label) => [label, traditionalize(label)]));
  return taskLabels.has(bare) || TASK_LABELS_EN.test(bare);
}

/** A label standing alone: a field label, or a task label; `**`, a trailing colon and spaces allowed. */
export function standaloneLabel(line: string): FieldKind | 'text' | null {
  if (line.length > 60) return null; // a label line is short; never scan a long line here
  const bare = line
    .replace(/^[\s*_#]+|[\s*_]+$/gu, '')
    .replace(/[:：]$/u, '')
    .trim();
  if (bare.length === 0 || bare.length > 30) return null;
  if (isTaskLabelText(bare)) return 'text';
  if (METRIC_LINE_LABELS_EN.test(bare)) return 'metric';
  return kindOfLabel(bare);
}

/** Task-column titles, for tables (重点任务, 工作内容, Action …). */
export function isTaskLabel(header: string): boolean {
  const simplified = simplify(header.trim()).replace(/[*_\s]/gu, '');
  return isTaskLabelText(simplified) || TASK_LABELS_EN.test(header.trim()) || /任务|措施|举措|事项|工作内容|主要内容/u.test(simplified);
}

/** A line that is only a date (a signature's 2023年1月3日, 2018-02-14): the end of a cover letter. */
export const DATE_LINE = /^[ \t]*(?:\d{4}|[〇○零一二三四五六七八九]{4})[ \t]*年[ \t]*[\d一二三四五六七八九十]{1,3}[ \t]*月[ \t]*[\d一二三四五六七八九十]{1,3}[ \t]*日[ \t]*$/u;

/**
 * The addressee of a cover letter (各区人民政府，市人民政府各部门：): a short line of units
 * ending with a colon, at the start of a notice. What follows it, up to the signature's date
 * or the first heading, is the letter: its numbered paragraphs (请于1月15日前报送…) are
 * instructions to readers, not measures.
 */
export function isAddresseeLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed.length < 4 || trimmed.length > 120 || !/[:：]$/u.test(trimmed)) return false;
  return /各|政府|部门|部門|单位|單位|委员会|委員會|机构|機構|办事处|辦事處/u.test(trimmed) && !/[。；]/u.test(trimmed);
}
