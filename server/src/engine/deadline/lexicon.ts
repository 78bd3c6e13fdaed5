/** Shared lexical pieces of the deadline grammar: numerals and sticky-regex helpers. */

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

export const CN_DIGIT: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  两: 2,
};

/** 1–99 written with 十: 十, 十一, 二十, 三十一, or a single numeral. */
export function cnSmall(t: string): number {
  const ten = t.indexOf('十');
  if (ten < 0) return CN_DIGIT[t] ?? NaN;
  const tens = ten === 0 ? 1 : (CN_DIGIT[t.charAt(0)] ?? NaN);
  const ones = ten === t.length - 1 ? 0 : (CN_DIGIT[t.charAt(ten + 1)] ?? NaN);
  return tens * 10 + ones;
}

export function toNumber(t: string): number {
  const c = t.charCodeAt(0);
  return c >= 48 && c <= 57 ? parseInt(t, 10) : cnSmall(t);
}

export function cnYear(t: string): number {
  let y = 0;
  for (const ch of t) y = y * 10 + (CN_DIGIT[ch] ?? NaN);
  return y;
}

// ---------------------------------------------------------------------------------------
// Regex helpers
// ---------------------------------------------------------------------------------------

export const SP = '[ \\t]*';
export const CN_SMALL = '[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]';
export const YEAR4 = '(?:19|20)\\d{2}';

/** Sticky (anchored at lastIndex), so every match attempt is bounded by its pattern. */
export const sticky = (source: string, flags = ''): RegExp => new RegExp(source, `y${flags}`);

export function at(re: RegExp, input: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(input);
}

/** 内 that starts another word (内部, 内容 …), not "within". */
export const NOT_WITHIN_AFTER = new Set([...'部容外涵地需存设科阁侧蒙陆河网控核生资销务置循联宣审里衣服脏']);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
export const iso = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
