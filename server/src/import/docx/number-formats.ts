/**
 * The text Word shows for a list counter in a given w:numFmt (ECMA-376 §17.18.59), for the
 * formats policy drafts use: decimal, Chinese counting (一、 二十一、), legal (壹), the
 * heavenly stems (甲), circled and full-width digits, letters and Roman numerals.
 *
 * mammoth does not give the number text (it emits <ol> and leaves labels to CSS; its author
 * says so in mammoth.js issue #104), and no maintained npm package maps w:numFmt values:
 * Chinese-numeral packages (nzh) write amounts (一百零一), not Word's counters. So this table.
 */
const DIGITS = '〇一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';

/** 一 … 九十九 … 九千九百九十九 as Word writes chineseCountingThousand (十一, not 一十一). */
function chineseCounting(value: number, digits: string, units: readonly string[]): string {
  if (value <= 0 || value >= 10000) return String(value);
  const parts: string[] = [];
  const places = [Math.floor(value / 1000), Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10];
  let zero = false;
  places.forEach((digit, index) => {
    const unit = units[3 - index];
    if (digit === 0) {
      zero = parts.length > 0;
      return;
    }
    if (zero) parts.push(digits[0]);
    zero = false;
    // 十一, not 一十一, when the tens lead.
    if (!(index === 2 && digit === 1 && parts.length === 0)) parts.push(digits[digit]);
    parts.push(unit);
  });
  return parts.join('');
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let text = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}

/** a … z, aa … zz (Word repeats the letter rather than counting like spreadsheet columns). */
function letters(value: number): string {
  if (value <= 0) return String(value);
  return String.fromCharCode(97 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
}

const fromTable = (table: string, value: number) => (value >= 1 && value <= table.length ? table[value - 1] : String(value));
const enclosed = (first: number, count: number, value: number) => (value >= 1 && value <= count ? String.fromCodePoint(first + value - 1) : String(value));

/** The counter's text, or null for a bullet (the list is not numbered). */
export function formatCounter(value: number, numFmt: string): string | null {
  switch (numFmt) {
    case 'bullet':
      return null;
    case 'none':
      return '';
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerLetter':
      return letters(value);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
      return chineseCounting(value, DIGITS, ['', '十', '百', '千']);
    case 'chineseLegalSimplified':
      return chineseCounting(value, LEGAL_DIGITS, ['', '拾', '佰', '仟']).replace(/^拾/u, '壹拾');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return value >= 0 ? String(value).replace(/\d/gu, (digit) => DIGITS[Number(digit)]) : String(value);
    case 'ideographTraditional':
      return fromTable(STEMS, value);
    case 'ideographZodiac':
      return fromTable(BRANCHES, value);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(0x2460, 20, value);
    case 'decimalEnclosedParen':
      return enclosed(0x2474, 20, value);
    case 'decimalEnclosedFullstop':
      return enclosed(0x2488, 20, value);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(value).replace(/\d/gu, (digit) => String.fromCharCode(0xff10 + Number(digit)));
    default:
      // decimal, and formats drafts do not use: the number itself keeps the item numbered.
      return String(value);
  }
}
