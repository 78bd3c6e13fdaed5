/**
 * The deadline grammar: a hand-written recursive-descent parser that reads one piece (a
 * year, half, quarter, month, ten-day period or day, with an absolute, relative or missing
 * year) at a position of normalized text, and a hit (a piece, an optional range and
 * trailing qualifiers), and says how confident a hit is on its own.
 */
import { NOT_WITHIN_AFTER, at, cnYear, sticky, toNumber } from './lexicon';
import {
  CN_NUMERAL_CHARS,
  MONTH_INDEX,
  NOT_BARE_YEAR_PREV,
  NOT_BEFORE_AFTER,
  ORDINAL,
  REL_OFFSET,
  REL_YEAR_BAD_PREV,
  R_BARE_YEAR,
  R_CONNECTOR,
  R_DAY,
  R_EN_DM,
  R_EN_DMY,
  R_EN_END,
  R_EN_M,
  R_EN_MD,
  R_EN_MDY,
  R_EN_MY,
  R_EN_ORD,
  R_EN_QH,
  R_EN_REL_YEAR,
  R_EN_YEAR_END,
  R_EN_YEAR_WORD,
  R_FISCAL_YEAR,
  R_HALF,
  R_HAN_YEAR,
  R_ISO_DAY,
  R_ISO_MONTH,
  R_MONTH,
  R_MONTH_END,
  R_NUM_YEAR_BARE,
  R_NUM_YEAR_CN,
  R_NUM_YEAR_QH,
  R_QUARTER,
  R_QUARTER_Q,
  R_REL_YEAR,
  R_TRAIL,
  R_XUN,
  R_Y_END,
  R_Y_EXTRA_YEAR,
} from './tables';

export type YearRef = { kind: 'abs'; year: number } | { kind: 'rel'; offset: number };

export type Unit =
  | { kind: 'year' }
  | { kind: 'half'; n: number }
  | { kind: 'quarter'; n: number }
  | { kind: 'month'; m: number }
  | { kind: 'xun'; m: number; n: number }
  | { kind: 'day'; m: number; d: number }
  /** A fiscal year over two calendar years (2023-24 年度); its start month is not written. */
  | { kind: 'fiscal' };

interface Piece {
  end: number;
  year: YearRef | null;
  unit: Unit;
  /** 底, 末, end of … */
  qualified: boolean;
  /** Never a deadline in running text on its own (上半年, 第三季度, May). */
  nameOnly: boolean;
  /** A form that is easily something else (2021.12 could be a decimal). */
  weakForm: boolean;
}

export interface Hit {
  start: number;
  end: number;
  from: Piece;
  to: Piece | null;
  trailing: boolean;
}

/** 0: never alone in text; 1: needs a prefix in text; 2: confident. */
type Strength = 0 | 1 | 2;

function piece(end: number, year: YearRef | null, unit: Unit, extra?: Partial<Piece>): Piece {
  return { end, year, unit, qualified: false, nameOnly: false, weakForm: false, ...extra };
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLatinCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isHanCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/** After a bare number like 2021 or 2021.12: not a count or a decimal (2021个, 2021.5万, 2021%). */
function bareNumberEndOk(input: string, end: number): boolean {
  let p = end;
  while (p < input.length && (input[p] === ' ' || input[p] === '\t')) p++;
  if (p >= input.length) return true;
  const c = input.charCodeAt(p);
  if (isHanCode(c)) return '至到前底末内以之为'.includes(input.charAt(p));
  if (input[p] === '.' && p + 1 < input.length && isDigitCode(input.charCodeAt(p + 1))) return false;
  return !'%‰°℃'.includes(input.charAt(p));
}

function innerOk(input: string, pos: number): boolean {
  let p = pos;
  if (input[p] === '之' || input[p] === '以') p++;
  if (input[p] !== '内') return false;
  return p + 1 >= input.length || !NOT_WITHIN_AFTER.has(input.charAt(p + 1));
}

function monthTail(input: string, pos: number, year: YearRef | null, m: number, extra?: Partial<Piece>): Piece {
  let match = at(R_DAY, input, pos);
  if (match) return piece(R_DAY.lastIndex, year, { kind: 'day', m, d: toNumber(match[1] ?? '') }, extra);
  match = at(R_XUN, input, pos);
  if (match) return piece(R_XUN.lastIndex, year, { kind: 'xun', m, n: match[1] === '上' ? 1 : match[1] === '中' ? 2 : 3 }, extra);
  if (at(R_MONTH_END, input, pos)) return piece(R_MONTH_END.lastIndex, year, { kind: 'month', m }, { ...extra, qualified: true });
  return piece(pos, year, { kind: 'month', m }, extra);
}

/** Units written after a Chinese year: 底, 上半年, 第三季度, Q3, 6月30日 … */
function afterYear(input: string, pos: number, year: YearRef): Piece {
  let match: RegExpExecArray | null;
  if (at(R_Y_END, input, pos)) return piece(R_Y_END.lastIndex, year, { kind: 'year' }, { qualified: true });
  if (at(R_Y_EXTRA_YEAR, input, pos) && innerOk(input, R_Y_EXTRA_YEAR.lastIndex)) {
    return piece(R_Y_EXTRA_YEAR.lastIndex, year, { kind: 'year' });
  }
  if ((match = at(R_HALF, input, pos))) return piece(R_HALF.lastIndex, year, { kind: 'half', n: match[1] === '上' ? 1 : 2 });
  if ((match = at(R_QUARTER, input, pos))) {
    return piece(R_QUARTER.lastIndex, year, { kind: 'quarter', n: toNumber(match[1] ?? '') }, { qualified: match[2] !== undefined });
  }
  if ((match = at(R_QUARTER_Q, input, pos))) return piece(R_QUARTER_Q.lastIndex, year, { kind: 'quarter', n: Number(match[1]) });
  if ((match = at(R_MONTH, input, pos))) return monthTail(input, R_MONTH.lastIndex, year, toNumber(match[1] ?? ''));
  return piece(pos, year, { kind: 'year' });
}

function enMonth(name: string): number {
  return MONTH_INDEX[name.slice(0, 3).toLowerCase()] ?? NaN;
}

/** One date piece starting exactly at `i`, or null. `nested`: inside "end of", which does not repeat. */
function parsePiece(input: string, i: number, nested = false): Piece | null {
  const c = input.charCodeAt(i);
  if (isDigitCode(c)) return digitPiece(input, i);
  if (isLatinCode(c)) return latinPiece(input, i, nested);
  return hanPiece(input, i);
}

/** A piece starting with a digit: 2021-06-30, 2023-24, 2021年…, 2021Q3, 30 June 2021, 6月. */
function digitPiece(input: string, i: number): Piece | null {
  const prev = i > 0 ? input.charCodeAt(i - 1) : 0;
  const prevChar = i > 0 ? input.charAt(i - 1) : '';
  let match: RegExpExecArray | null;
  if (isDigitCode(prev)) return null;
  const afterNumberOk = prevChar !== '.' && !isLatinCode(prev);
  if (afterNumberOk) {
    if ((match = at(R_ISO_DAY, input, i))) {
      return piece(R_ISO_DAY.lastIndex, { kind: 'abs', year: Number(match[1]) }, { kind: 'day', m: Number(match[3]), d: Number(match[4]) });
    }
    if ((match = at(R_FISCAL_YEAR, input, i))) {
      // 2023-24 is a fiscal year; 2011-12 reads as December 2011 unless 年度 follows.
      const year = Number(match[1]);
      const next = Number(match[2]);
      if (next === (year + 1) % 100 && (match[3] !== undefined || next > 12)) {
        return piece(R_FISCAL_YEAR.lastIndex, { kind: 'abs', year }, { kind: 'fiscal' });
      }
    }
    if ((match = at(R_ISO_MONTH, input, i))) {
      const end = R_ISO_MONTH.lastIndex;
      const dot = match[2] === '.';
      if (!dot || bareNumberEndOk(input, end)) {
        return piece(end, { kind: 'abs', year: Number(match[1]) }, { kind: 'month', m: Number(match[3]) }, { weakForm: dot });
      }
    }
    if ((match = at(R_NUM_YEAR_CN, input, i))) return afterYear(input, R_NUM_YEAR_CN.lastIndex, { kind: 'abs', year: Number(match[1]) });
    if ((match = at(R_NUM_YEAR_QH, input, i))) {
      const year: YearRef = { kind: 'abs', year: Number(match[1]) };
      return match[2] !== undefined ? piece(R_NUM_YEAR_QH.lastIndex, year, { kind: 'quarter', n: Number(match[2]) }) : piece(R_NUM_YEAR_QH.lastIndex, year, { kind: 'half', n: Number(match[3]) });
    }
  }
  if ((match = at(R_EN_DMY, input, i))) {
    return piece(R_EN_DMY.lastIndex, { kind: 'abs', year: Number(match[3]) }, { kind: 'day', m: enMonth(match[2] ?? ''), d: Number(match[1]) });
  }
  if ((match = at(R_EN_ORD, input, i))) return ordinalPiece(match, R_EN_ORD.lastIndex);
  if (afterNumberOk && (match = at(R_NUM_YEAR_BARE, input, i)) && bareNumberEndOk(input, R_NUM_YEAR_BARE.lastIndex)) {
    return piece(R_NUM_YEAR_BARE.lastIndex, { kind: 'abs', year: Number(match[1]) }, { kind: 'year' });
  }
  if ((match = at(R_EN_DM, input, i))) {
    return piece(R_EN_DM.lastIndex, null, { kind: 'day', m: enMonth(match[2] ?? ''), d: Number(match[1]) });
  }
  if (prevChar !== '.' && (match = at(R_MONTH, input, i))) return monthTail(input, R_MONTH.lastIndex, null, toNumber(match[1] ?? ''));
  return null;
}

/** A piece starting with a Latin letter: June 30, 2019; June 2021; Q3 2021; end of …; this year. */
function latinPiece(input: string, i: number, nested: boolean): Piece | null {
  const prev = i > 0 ? input.charCodeAt(i - 1) : 0;
  let match: RegExpExecArray | null;
  if (isLatinCode(prev) || isDigitCode(prev)) return null;
  if ((match = at(R_EN_MDY, input, i))) {
    return piece(R_EN_MDY.lastIndex, { kind: 'abs', year: Number(match[3]) }, { kind: 'day', m: enMonth(match[1] ?? ''), d: Number(match[2]) });
  }
  if ((match = at(R_EN_MY, input, i))) {
    return piece(R_EN_MY.lastIndex, { kind: 'abs', year: Number(match[2]) }, { kind: 'month', m: enMonth(match[1] ?? '') });
  }
  if ((match = at(R_EN_MD, input, i))) {
    return piece(R_EN_MD.lastIndex, null, { kind: 'day', m: enMonth(match[1] ?? ''), d: Number(match[2]) });
  }
  if ((match = at(R_EN_M, input, i))) return piece(R_EN_M.lastIndex, null, { kind: 'month', m: enMonth(match[1] ?? '') }, { nameOnly: true });
  if ((match = at(R_EN_QH, input, i))) {
    const year: YearRef = { kind: 'abs', year: Number(match[3]) };
    return match[1] !== undefined ? piece(R_EN_QH.lastIndex, year, { kind: 'quarter', n: Number(match[1]) }) : piece(R_EN_QH.lastIndex, year, { kind: 'half', n: Number(match[2]) });
  }
  if ((match = at(R_EN_ORD, input, i))) return ordinalPiece(match, R_EN_ORD.lastIndex);
  if ((match = at(R_EN_YEAR_END, input, i))) {
    const year: YearRef = match[1] !== undefined ? { kind: 'abs', year: Number(match[1]) } : { kind: 'rel', offset: 0 };
    return piece(R_EN_YEAR_END.lastIndex, year, { kind: 'year' }, { qualified: true });
  }
  if (!nested && at(R_EN_END, input, i)) {
    const inner = R_EN_END.lastIndex;
    if ((match = at(R_EN_YEAR_WORD, input, inner))) {
      const offset = match[1] !== undefined && match[1].toLowerCase() === 'next' ? 1 : 0;
      return piece(R_EN_YEAR_WORD.lastIndex, { kind: 'rel', offset }, { kind: 'year' }, { qualified: true });
    }
    const p = parsePiece(input, inner, true);
    if (p) return { ...p, qualified: true, nameOnly: false };
    return null;
  }
  if ((match = at(R_EN_REL_YEAR, input, i))) {
    const offset = (match[1] ?? '').toLowerCase() === 'next' ? 1 : 0;
    return piece(R_EN_REL_YEAR.lastIndex, { kind: 'rel', offset }, { kind: 'year' });
  }
  return null;
}

/** A piece starting with a Chinese character: 二〇二一年…, 今年…, 年底, 上半年, 第三季度, 六月. */
function hanPiece(input: string, i: number): Piece | null {
  const prevChar = i > 0 ? input.charAt(i - 1) : '';
  let match: RegExpExecArray | null;
  if ((match = at(R_HAN_YEAR, input, i))) {
    if (CN_NUMERAL_CHARS.has(prevChar)) return null;
    return afterYear(input, R_HAN_YEAR.lastIndex, { kind: 'abs', year: cnYear(match[1] ?? '') });
  }
  if ((match = at(R_REL_YEAR, input, i))) {
    if (REL_YEAR_BAD_PREV.has(prevChar)) return null;
    return afterYear(input, R_REL_YEAR.lastIndex, { kind: 'rel', offset: REL_OFFSET[match[1] ?? ''] ?? 0 });
  }
  if (input[i] === '年') {
    if (NOT_BARE_YEAR_PREV.has(prevChar) || !(match = at(R_BARE_YEAR, input, i))) return null;
    const end = R_BARE_YEAR.lastIndex;
    if (match[1] === undefined && !innerOk(input, end)) return null;
    return piece(end, { kind: 'rel', offset: 0 }, { kind: 'year' }, { qualified: true });
  }
  if ((match = at(R_HALF, input, i))) {
    return piece(R_HALF.lastIndex, null, { kind: 'half', n: match[1] === '上' ? 1 : 2 }, { nameOnly: true });
  }
  if ((match = at(R_QUARTER, input, i))) {
    if (CN_NUMERAL_CHARS.has(prevChar)) return null;
    return piece(R_QUARTER.lastIndex, null, { kind: 'quarter', n: toNumber(match[1] ?? '') }, { nameOnly: true });
  }
  if (!CN_NUMERAL_CHARS.has(prevChar) && (match = at(R_MONTH, input, i))) {
    return monthTail(input, R_MONTH.lastIndex, null, toNumber(match[1] ?? ''));
  }
  return null;
}

function ordinalPiece(match: RegExpExecArray, end: number): Piece {
  const n = ORDINAL[(match[1] ?? '').toLowerCase()] ?? NaN;
  const year: YearRef = match[3] !== undefined ? { kind: 'abs', year: Number(match[3]) } : { kind: 'rel', offset: (match[4] ?? '').toLowerCase() === 'next' ? 1 : 0 };
  const unit: Unit = (match[2] ?? '').toLowerCase() === 'half' ? { kind: 'half', n } : { kind: 'quarter', n };
  return piece(end, year, unit);
}

/** A piece, an optional range, and trailing qualifiers, starting exactly at `i`. */
export function parseHit(input: string, i: number): Hit | null {
  const from = parsePiece(input, i);
  if (!from) return null;
  let end = from.end;
  let to: Piece | null = null;
  if (at(R_CONNECTOR, input, end)) {
    const second = parsePiece(input, R_CONNECTOR.lastIndex);
    if (second) {
      to = second;
      end = second.end;
    }
  }
  let trailing = false;
  const t = at(R_TRAIL, input, end);
  if (t) {
    const after = R_TRAIL.lastIndex;
    const word = t[1] ?? '';
    const ok = word.endsWith('前') ? after >= input.length || !NOT_BEFORE_AFTER.has(input.charAt(after)) : word.endsWith('内') ? after >= input.length || !NOT_WITHIN_AFTER.has(input.charAt(after)) : true;
    if (ok) {
      trailing = true;
      end = after;
    }
  }
  if (!to && !trailing) end = amendedEnd(input, i, from, end);
  return { start: i, end, from, to, trailing };
}

const R_GAP = sticky('[ \\t]+');

/**
 * "By December 2021 December 2020": an amended date written beside the date it replaced.
 * The first date is the deadline; the second is part of the same hit, not a second one.
 */
function amendedEnd(input: string, i: number, from: Piece, end: number): number {
  if (!isLatinCode(input.charCodeAt(i)) || from.year?.kind !== 'abs' || !at(R_GAP, input, end)) return end;
  const next = R_GAP.lastIndex;
  if (!isLatinCode(input.charCodeAt(next))) return end;
  const second = parsePiece(input, next, true);
  return second && second.year?.kind === 'abs' && second.unit.kind === from.unit.kind ? second.end : end;
}

function pieceStrength(p: Piece): Strength {
  if (p.nameOnly) return 0;
  if (p.qualified) return 2;
  if (p.weakForm) return 1;
  const kind = p.unit.kind;
  if (kind === 'day' || kind === 'xun') return 2;
  if ((kind === 'month' || kind === 'half' || kind === 'quarter') && p.year !== null) return 2;
  return 1;
}

export function hitStrength(hit: Hit): Strength {
  const a = pieceStrength(hit.from);
  const b = hit.to ? pieceStrength(hit.to) : 0;
  const best: Strength = a > b ? a : b;
  return hit.trailing && best >= 1 ? 2 : best;
}
