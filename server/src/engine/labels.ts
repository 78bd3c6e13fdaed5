/**
 * Field labels in simplified Chinese, traditional Chinese and English. Traditional forms
 * are derived from the simplified ones with OpenCC, so the two lists cannot drift.
 */
import type { FieldKind, Script } from './types';
import type { Localized } from './rule';
import { traditionalize } from './script';

export const SIMPLIFIED_LABELS: Record<FieldKind, string[]> = {
  owner: ['牵头单位', '责任单位', '责任部门', '主责单位', '负责单位', '牵头部门', '主责部门', '负责部门', '责任主体'],
  coOwners: ['配合单位', '协同单位', '参与单位', '配合部门', '协同部门', '协办单位'],
  metric: ['考核指标', '量化指标', '工作目标', '指标', '目标'],
  deadline: ['完成时限', '完成时间', '时间节点', '截止时间', '完成期限', '时限'],
};

const ENGLISH_LABELS: Record<FieldKind, string[]> = {
  owner: ['Lead agency', 'Lead department', 'Lead unit', 'Responsible agency', 'Responsible department', 'Responsible', 'Owner', 'Lead'],
  coOwners: ['Co-owners', 'Collaborating departments', 'Collaborating Depts', 'Partner agencies', 'Supporting agencies', 'Supporting', 'Partners', 'Support'],
  metric: ['Key Performance Indicators', 'Performance measure', 'Metric', 'KPIs', 'KPI', 'Target'],
  deadline: ['Completion date', 'Deadline', 'Timeline', 'Timeframe', 'Due date', 'Due', 'By'],
};

/** Labels a quick fix inserts, per script. */
/** What each field is called in hovers and completion details. */
export const FIELD_NAMES: Record<FieldKind, Localized> = {
  owner: { en: 'Owner (lead unit)', 'zh-CN': '牵头单位' },
  coOwners: { en: 'Co-owners', 'zh-CN': '配合单位' },
  metric: { en: 'Metric', 'zh-CN': '指标' },
  deadline: { en: 'Deadline', 'zh-CN': '完成时限' },
};

export const CANONICAL_LABELS: Record<Script, Record<FieldKind, string>> = {
  hans: { owner: '牵头单位', coOwners: '配合单位', metric: '指标', deadline: '完成时限' },
  hant: { owner: '牽頭單位', coOwners: '配合單位', metric: '指標', deadline: '完成時限' },
  en: { owner: 'Owner', coOwners: 'Support', metric: 'Metric', deadline: 'Deadline' },
};

/** Placeholder a quick fix inserts, per script; `unfilled-placeholder` keeps flagging it. */
export const PLACEHOLDER: Record<Script, string> = { hans: '【待填写】', hant: '【待填寫】', en: '[TBD]' };

/** 责任单位 (and its variants) lists units of which the first leads (列第一位的为牵头单位). */
const RESPONSIBLE_LIST_LABELS = new Set(['责任单位', '責任單位', '责任部门', '責任部門', '负责单位', '負責單位', 'Responsible']);

interface LabelEntry {
  label: string;
  kind: FieldKind;
}

function buildEntries(): LabelEntry[] {
  const entries: LabelEntry[] = [];
  const seen = new Set<string>();
  const add = (label: string, kind: FieldKind) => {
    const key = label.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    entries.push({ label, kind });
  };
  for (const kind of Object.keys(SIMPLIFIED_LABELS) as FieldKind[]) {
    for (const label of SIMPLIFIED_LABELS[kind]) {
      add(label, kind);
      add(traditionalize(label), kind);
    }
    for (const label of ENGLISH_LABELS[kind]) add(label, kind);
  }
  // Longest first so 完成时限 wins over 时限 and Lead agency over Lead.
  return entries.sort((a, b) => b.label.length - a.label.length);
}

interface LabelTables {
  entries: LabelEntry[];
  kindByLabel: Map<string, FieldKind>;
  pattern: RegExp;
}

let tables: LabelTables | null = null;

/** Built on first use: deriving traditional labels loads OpenCC, which a cache hit never needs. */
function labelTables(): LabelTables {
  if (tables) return tables;
  const entries = buildEntries();
  const alternation = entries.map((entry) => escapeRegExp(entry.label).replace(/ /g, '\\s+')).join('|');
  tables = {
    entries,
    kindByLabel: new Map(entries.map((entry) => [entry.label.toLowerCase(), entry.kind])),
    // A label followed by a colon (optionally after ** or __). English labels must start a
    // word: the lookbehind keeps "By" from matching inside "Nearby:".
    pattern: new RegExp(`(?<![A-Za-z])(${alternation})(?:\\*\\*|__)?\\s*([:：])`, 'giu'),
  };
  return tables;
}

interface LabelCandidate extends LabelEntry {
  english: boolean;
  lower: string;
}

/** Labels grouped by the code of their last character (both cases for English), longest first. */
let byLastCode: Map<number, LabelCandidate[]> | null = null;

function labelsEndingWith(code: number): LabelCandidate[] | undefined {
  if (!byLastCode) {
    byLastCode = new Map();
    for (const entry of labelTables().entries) {
      const candidate: LabelCandidate = { ...entry, english: /^[A-Za-z]/u.test(entry.label), lower: entry.label.toLowerCase() };
      const last = entry.label[entry.label.length - 1];
      for (const ch of new Set([last.toLowerCase(), last.toUpperCase()])) {
        const list = byLastCode.get(ch.charCodeAt(0)) ?? [];
        list.push(candidate);
        byLastCode.set(ch.charCodeAt(0), list);
      }
    }
  }
  return byLastCode.get(code);
}

/** Between a label and its colon: a space, a tab, an ideographic space, ** or __. */
function isLabelGap(code: number): boolean {
  return code === 32 || code === 9 || code === 0x3000 || code === 42 /* * */ || code === 95; /* _ */
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * The label that ends just before the colon at `colon` (spaces and ** allowed between), the
 * same match `labelPattern()` gives, found by looking back from the colon instead of
 * scanning the text with the whole alternation. Runs for every colon of a draft: it
 * compares in place and allocates only the label it returns.
 */
export function labelBefore(text: string, from: number, colon: number): { label: string; kind: FieldKind; start: number; colonEnd: number; colon: '：' | ':' } | null {
  let end = colon;
  while (end > from && colon - end < 4 && isLabelGap(text.charCodeAt(end - 1))) end--;
  if (end <= from) return null;
  const candidates = labelsEndingWith(text.charCodeAt(end - 1));
  if (!candidates) return null;
  for (const entry of candidates) {
    const start = end - entry.label.length;
    if (start < from) continue;
    if (entry.english) {
      const written = text.slice(start, end);
      if (written.toLowerCase() !== entry.lower) continue;
      // English labels must start a word (no letter just before).
      if (start > 0 && isLatinLetter(text.charCodeAt(start - 1))) continue;
      return { label: written, kind: entry.kind, start, colonEnd: colon + 1, colon: colonChar(text, colon) };
    }
    if (text.startsWith(entry.label, start)) return { label: entry.label, kind: entry.kind, start, colonEnd: colon + 1, colon: colonChar(text, colon) };
  }
  return null;
}

/** The colon at `colon`, as a constant string (indexing a full-width character allocates one). */
function colonChar(text: string, colon: number): '：' | ':' {
  return text.charCodeAt(colon) === 0xff1a ? '：' : ':';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The label pattern (global, sticky state: reset lastIndex or use matchAll). */
export function labelPattern(): RegExp {
  return labelTables().pattern;
}

export function kindOfLabel(label: string): FieldKind | null {
  return labelTables().kindByLabel.get(label.replace(/\s+/g, ' ').toLowerCase()) ?? null;
}

export function isResponsibleListLabel(label: string): boolean {
  return RESPONSIBLE_LIST_LABELS.has(label);
}

export function allLabels(): ReadonlyArray<{ label: string; kind: FieldKind }> {
  return labelTables().entries;
}

/** What joins units in a list: 、，,；;／/ and a line break inside a table cell (<br>). */
/** A line break inside a table cell (<br>, <br/>), which also joins units. */
const BR_TAG = /<br\s*\/?>/iy;

/** JavaScript's \s (what unit names and field values are trimmed of), without a regex. */
export function isJsSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** What joins units in a list: 、，,；;／/ (a <br> is checked where a < is). */
function isUnitSeparator(code: number): boolean {
  return code === 0x3001 || code === 0xff0c || code === 0x2c || code === 0xff1b || code === 0x3b || code === 0xff0f || code === 0x2f;
}

/** Sentence punctuation a field value does not end with: ；;，,。.、 */
export function isValueEndPunctuation(code: number): boolean {
  return code === 0xff1b || code === 0x3b || code === 0xff0c || code === 0x2c || code === 0x3002 || code === 0x2e || code === 0x3001;
}

/** Punctuation a unit name does not end with: a value's, and the colons ：: */
function isUnitEndPunctuation(code: number): boolean {
  return isValueEndPunctuation(code) || code === 0xff1a || code === 0x3a;
}

const UNIT_TRAILERS = /(?:按职责分工负责|按職責分工負責|按职责分工|按職責分工|按职责负责|按職責負責|分别负责|分別負責|共同负责|共同負責|负责|負責|牵头|牽頭|配合)$/u;

/**
 * Is `value` one unit as written: unitSpans would give the whole value back (no separator,
 * bracket or <br>, nothing to trim, no trailing 负责/牵头…)? Asked before unitSpans, to build
 * no list for the common owner field.
 */
export function isSingleUnit(value: string): boolean {
  if (value.length === 0 || isStrongOrSpace(value.charCodeAt(0))) return false;
  const last = value.charCodeAt(value.length - 1);
  if (isStrongOrSpace(last) || isUnitEndPunctuation(last) || mayEndInTrailer(last)) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isUnitSeparator(code) || code === 0x3c /* < */ || isOpenBracket(code) || isCloseBracket(code)) return false;
  }
  return true;
}

/** The opening brackets of field brackets and unit lists: ( （ 〔 [ 【 (unitSpans does not split inside a pair). */
export function isOpenBracket(code: number): boolean {
  return code === 0x28 || code === 0xff08 || code === 0x3014 || code === 0x5b || code === 0x3010;
}

function isCloseBracket(code: number): boolean {
  return code === 0x29 || code === 0xff09 || code === 0x3015 || code === 0x5d || code === 0x3011;
}

/** The last characters of UNIT_TRAILERS (责 責 头 頭 合 工): a unit ending otherwise has no trailer to drop. */
function mayEndInTrailer(code: number): boolean {
  return code === 0x8d23 || code === 0x8cac || code === 0x5934 || code === 0x982d || code === 0x5408 || code === 0x5de5;
}

/**
 * The units of a list written as 市卫健委、市发改委，各区人民政府, each with its offset in
 * `value`. Never split inside parentheses (各县(市、区)政府 is one unit); a trailing 等 stays
 * (市卫生健康委等), as written; trailing sentence punctuation and words such as 按职责分工负责
 * are not part of a unit. Not split on 及/和/and either: unit names contain them
 * (Political and Legal Affairs Commission, 市级各有关部门及各县市区政府).
 */
export function unitSpans(value: string): Array<{ value: string; start: number }> {
  const units: Array<{ value: string; start: number }> = [];
  // Char-code loops: this runs for every owner field, and a regex per character (the
  // separator, the trimming) was a visible share of a lint pass.
  const push = (from: number, to: number) => {
    let start = from;
    let end = to;
    while (start < end && isStrongOrSpace(value.charCodeAt(start))) start++;
    for (;;) {
      while (end > start && (isStrongOrSpace(value.charCodeAt(end - 1)) || isUnitEndPunctuation(value.charCodeAt(end - 1)))) end--;
      const trailer = end > start && mayEndInTrailer(value.charCodeAt(end - 1)) ? UNIT_TRAILERS.exec(value.slice(start, end)) : null;
      if (!trailer || trailer.index === 0) break;
      end -= trailer[0].length;
    }
    if (end > start) units.push({ value: value.slice(start, end), start });
  };
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isOpenBracket(code)) depth++;
    else if (isCloseBracket(code)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      let length = isUnitSeparator(code) ? 1 : 0;
      if (code === 0x3c /* < */) {
        BR_TAG.lastIndex = i;
        length = BR_TAG.exec(value)?.[0].length ?? 0;
      }
      if (length > 0) {
        push(from, i);
        from = i + length;
        i = from - 1;
      }
    }
  }
  push(from, value.length);
  return units;
}

/** JavaScript's \s, * or _: what values and unit names are trimmed of at both ends. */
export function isStrongOrSpace(code: number): boolean {
  return isJsSpace(code) || code === 0x2a /* * */ || code === 0x5f; /* _ */
}

/** Words a unit's name ends with (局, 委, 办, 政府, 管委会, Bureau, Department …), in both scripts. */
const UNIT_WORD =
  /(?:局|委|办|辦|厅|廳|署|处|處|司|政府|管委会|管委會|中心|部|部门|部門|院|室|会|會|组|組|队|隊|所|站|集团|集團|公司|街道|乡镇|鄉鎮|各区|各區|县级市|縣級市|各县|各縣|单位|單位|机构|機構|Bureau|Department|Dept\.?|Office|Agency|Commission|Council|Authority|Division|Services|Board|Committee|Team|Unit|Ministry)(?:等)?$/u;

/** Does this name read as a unit (ends with a unit word, or is on the roster)? */
export function looksLikeUnit(name: string, roster: readonly string[] = []): boolean {
  const trimmed = name.trim();
  if (trimmed.length < 2 || trimmed.length > 40) return false;
  return UNIT_WORD.test(trimmed) || roster.includes(trimmed);
}
