/** Resolution: pieces and limits to closed ISO date intervals (start = first day, end = last day). */
import type { DeadlineValue } from '../types';
import { type Hit, type Unit, type YearRef, parseHit } from './grammar';
import type { DeadlineOptions } from './index';
import { SP, at, iso, sticky } from './lexicon';
import { type Limit, limitInterval } from './limits';

export type Resolved = { ok: true; value: DeadlineValue } | { ok: false; reason: 'invalid' | 'needs-year' };

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0);
}

function unitValid(unit: Unit): boolean {
  switch (unit.kind) {
    case 'year':
    case 'fiscal':
      return true;
    case 'half':
      return unit.n === 1 || unit.n === 2;
    case 'quarter':
      return unit.n >= 1 && unit.n <= 4;
    case 'month':
    case 'xun':
      return unit.m >= 1 && unit.m <= 12;
    case 'day':
      // Year not known yet: allow 29 February; checked again once the year is known.
      return unit.m >= 1 && unit.m <= 12 && unit.d >= 1 && unit.d <= daysInMonth(2000, unit.m);
  }
}

/** The interval of a unit in a year, or null when the day does not exist in that year. */
function interval(unit: Unit, y: number): { start: string; end: string } | null {
  switch (unit.kind) {
    case 'year':
      return { start: iso(y, 1, 1), end: iso(y, 12, 31) };
    case 'fiscal':
      // The fiscal year's first month is not written: cover both calendar years it touches,
      // so a deadline is never called past too early.
      return { start: iso(y, 1, 1), end: iso(y + 1, 12, 31) };
    case 'half':
      return unit.n === 1 ? { start: iso(y, 1, 1), end: iso(y, 6, 30) } : { start: iso(y, 7, 1), end: iso(y, 12, 31) };
    case 'quarter': {
      const last = unit.n * 3;
      return { start: iso(y, last - 2, 1), end: iso(y, last, daysInMonth(y, last)) };
    }
    case 'month':
      return { start: iso(y, unit.m, 1), end: iso(y, unit.m, daysInMonth(y, unit.m)) };
    case 'xun': {
      const first = (unit.n - 1) * 10 + 1;
      const lastDay = unit.n === 3 ? daysInMonth(y, unit.m) : unit.n * 10;
      return { start: iso(y, unit.m, first), end: iso(y, unit.m, lastDay) };
    }
    case 'day':
      if (unit.d > daysInMonth(y, unit.m)) return null;
      return { start: iso(y, unit.m, unit.d), end: iso(y, unit.m, unit.d) };
  }
}

function yearOf(ref: YearRef | null, docYear: number | null): number | null | 'needs' {
  if (ref === null) return null;
  if (ref.kind === 'abs') return ref.year;
  return docYear === null ? 'needs' : docYear + ref.offset;
}

export function resolveHit(hit: Hit, docYear: number | null): Resolved {
  if (!unitValid(hit.from.unit) || (hit.to && !unitValid(hit.to.unit))) return { ok: false, reason: 'invalid' };
  let fy = yearOf(hit.from.year, docYear);
  let ty = hit.to ? yearOf(hit.to.year, docYear) : null;
  if (fy === 'needs' || ty === 'needs') return { ok: false, reason: 'needs-year' };
  if (!hit.to) {
    const y = fy ?? docYear;
    if (y === null) return { ok: false, reason: 'needs-year' };
    const iv = interval(hit.from.unit, y);
    return iv ? { ok: true, value: { kind: 'range', ...iv } } : { ok: false, reason: 'invalid' };
  }
  let fromInherited = false;
  let toInherited = false;
  if (fy === null && ty === null) {
    if (docYear === null) return { ok: false, reason: 'needs-year' };
    fy = ty = docYear;
    toInherited = true;
  } else if (fy === null) {
    fy = ty;
    fromInherited = true;
  } else if (ty === null) {
    ty = fy;
    toInherited = true;
  }
  if (fy === null || ty === null) return { ok: false, reason: 'needs-year' };
  let a = interval(hit.from.unit, fy);
  let b = interval(hit.to.unit, ty);
  if (a && b && b.end < a.start) {
    // 2020年11月至2月, November to February 2021: the inherited side crosses a year.
    if (toInherited) b = interval(hit.to.unit, ty + 1);
    else if (fromInherited) a = interval(hit.from.unit, fy - 1);
    else return { ok: false, reason: 'invalid' };
  }
  if (!a || !b) return { ok: false, reason: 'invalid' };
  return { ok: true, value: { kind: 'range', start: a.start, end: b.end } };
}

/** The document date, which relative forms count from (年底前, 5年内). */
export interface DocDate {
  y: number;
  m: number;
  d: number;
}

/** The last document date read (a draft's measures all ask with the same one); DocDate is never changed. */
let lastDocumentDay: { date: string; day: DocDate | null } | null = null;

export function documentDay(options?: DeadlineOptions): DocDate | null {
  const d = options?.documentDate;
  if (!d) return null;
  if (lastDocumentDay?.date !== d) lastDocumentDay = { date: d, day: readDocumentDay(d) };
  return lastDocumentDay.day;
}

function readDocumentDay(d: string): DocDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // A malformed month or day still gives the year; limits then count from 1 January.
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(y, month) ? { y, m: month, d: day } : { y, m: 1, d: 1 };
}

const R_WINDOW_CLOSE = sticky(`${SP}[)\\]]`);

/**
 * A limit resolved: the explicit window when one is written in parentheses (在未來十年
 * (2023-24 至 2032-33 年度)), else counted from its stated year (2012年起5年内), else from
 * the document date; without a document date it needs one, like 年底前.
 */
export function resolveLimit(input: string, limit: Limit, doc: DocDate | null): { end: number; resolved: Resolved; absolute: boolean } {
  if (limit.windowAt !== null) {
    const window = parseHit(input, limit.windowAt);
    if (window && at(R_WINDOW_CLOSE, input, window.end)) {
      const resolved = resolveHit(window, doc?.y ?? null);
      const absolute = window.from.year?.kind === 'abs' || window.to?.year?.kind === 'abs';
      if (resolved.ok) return { end: R_WINDOW_CLOSE.lastIndex, resolved, absolute };
    }
  }
  if (limit.anchorYear !== null) {
    const value = limitInterval({ y: limit.anchorYear, m: 1, d: 1 }, limit.months);
    return { end: limit.end, resolved: { ok: true, value: { kind: 'range', ...value } }, absolute: true };
  }
  if (doc === null) return { end: limit.end, resolved: { ok: false, reason: 'needs-year' }, absolute: false };
  return { end: limit.end, resolved: { ok: true, value: { kind: 'range', ...limitInterval(doc, limit.months) } }, absolute: false };
}

const R_ISO_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoToUtc(d: string): number {
  const m = R_ISO_ONLY.exec(d.trim());
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = Number(m[3]);
  if (mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo)) return NaN;
  return Date.UTC(y, mo - 1, day);
}

/** Days between two ISO dates (b - a); NaN when either is not a valid YYYY-MM-DD date. */
export function daysBetween(a: string, b: string): number {
  const ta = isoToUtc(a);
  const tb = isoToUtc(b);
  if (Number.isNaN(ta) || Number.isNaN(tb)) return NaN;
  return Math.round((tb - ta) / 86_400_000);
}
