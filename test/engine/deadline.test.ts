import * as assert from 'node:assert/strict';
import { daysBetween, findDeadlines, findVagueTimeWords, parseDeadline, type DeadlineParse, type FoundDeadline } from '../../server/src/engine/deadline/index';
import type { DeadlineValue } from '../../server/src/engine/types';
import { traditionalize } from '../../server/src/engine/script';

/** 'YYYY-MM-DD..YYYY-MM-DD', 'ongoing', or '!reason'. */
function show(r: DeadlineParse): string {
  if (!r.ok) return `!${r.reason}`;
  return showValue(r.value);
}

function showValue(v: DeadlineValue): string {
  return v.kind === 'ongoing' ? 'ongoing' : `${v.start}..${v.end}`;
}

/** A text match: its interval, or '!needs-year' for a relative deadline without a document date. */
function showFound(m: FoundDeadline): string {
  return m.value ? showValue(m.value) : `!${m.problem ?? 'no reason'}`;
}

const DOC = '2021-03-15';

/** [input, documentDate, expected] */
const PARSE_ROWS: Array<[string, string | null, string]> = [
  // Full dates
  ['2020年12月31日', null, '2020-12-31..2020-12-31'],
  ['2020年12月31号', null, '2020-12-31..2020-12-31'],
  ['2020.12.31', null, '2020-12-31..2020-12-31'],
  ['2020/12/31', null, '2020-12-31..2020-12-31'],
  ['2020-12-31', null, '2020-12-31..2020-12-31'],
  ['2020年12月31日前', null, '2020-12-31..2020-12-31'],
  ['2020年12月31日之前', null, '2020-12-31..2020-12-31'],
  ['2020 年 12 月 31 日', null, '2020-12-31..2020-12-31'],
  ['2020年2月29日', null, '2020-02-29..2020-02-29'],
  // Months
  ['2020年12月底前', null, '2020-12-01..2020-12-31'],
  ['2020年12月底', null, '2020-12-01..2020-12-31'],
  ['2020年12月前', null, '2020-12-01..2020-12-31'],
  ['2020年12月', null, '2020-12-01..2020-12-31'],
  ['2021年6月底', null, '2021-06-01..2021-06-30'],
  ['2021年6月末', null, '2021-06-01..2021-06-30'],
  ['2021年2月底前', null, '2021-02-01..2021-02-28'],
  ['2024年2月底前', null, '2024-02-01..2024-02-29'],
  ['2021年6月以前', null, '2021-06-01..2021-06-30'],
  ['2021年6月下旬', null, '2021-06-21..2021-06-30'],
  ['2021-06', null, '2021-06-01..2021-06-30'],
  // Years
  ['2021年内', null, '2021-01-01..2021-12-31'],
  ['2021年底前', null, '2021-01-01..2021-12-31'],
  ['2021年底', null, '2021-01-01..2021-12-31'],
  ['2021年', null, '2021-01-01..2021-12-31'],
  ['2021年前', null, '2021-01-01..2021-12-31'],
  ['2021年年底前', null, '2021-01-01..2021-12-31'],
  ['2021年末', null, '2021-01-01..2021-12-31'],
  ['2021年度', null, '2021-01-01..2021-12-31'],
  ['2022年底前', null, '2022-01-01..2022-12-31'],
  // Relative to the document date
  ['年底前', DOC, '2021-01-01..2021-12-31'],
  ['今年底', DOC, '2021-01-01..2021-12-31'],
  ['今年年底前', DOC, '2021-01-01..2021-12-31'],
  ['年内', DOC, '2021-01-01..2021-12-31'],
  ['今年内', DOC, '2021-01-01..2021-12-31'],
  ['本年度', DOC, '2021-01-01..2021-12-31'],
  ['明年底', DOC, '2022-01-01..2022-12-31'],
  ['明年上半年', DOC, '2022-01-01..2022-06-30'],
  ['6月底前', DOC, '2021-06-01..2021-06-30'],
  ['12月31日前', DOC, '2021-12-31..2021-12-31'],
  ['年底前', null, '!needs-year'],
  ['今年底', null, '!needs-year'],
  ['今年年底前', null, '!needs-year'],
  ['年内', null, '!needs-year'],
  ['今年内', null, '!needs-year'],
  ['本年度', null, '!needs-year'],
  ['明年底', null, '!needs-year'],
  ['明年上半年', null, '!needs-year'],
  ['6月底前', null, '!needs-year'],
  ['年底前', 'not a date', '!needs-year'],
  // Halves and quarters
  ['2021年上半年', null, '2021-01-01..2021-06-30'],
  ['2021年下半年', null, '2021-07-01..2021-12-31'],
  ['2021年第三季度', null, '2021-07-01..2021-09-30'],
  ['2021年三季度', null, '2021-07-01..2021-09-30'],
  ['2021年第3季度', null, '2021-07-01..2021-09-30'],
  ['2021年Q3', null, '2021-07-01..2021-09-30'],
  ['Q3 2021', null, '2021-07-01..2021-09-30'],
  ['2021 Q3', null, '2021-07-01..2021-09-30'],
  ['2021年一季度末', null, '2021-01-01..2021-03-31'],
  ['2021年第一季度', null, '2021-01-01..2021-03-31'],
  ['2021年二季度', null, '2021-04-01..2021-06-30'],
  ['2021年第四季度末前', null, '2021-10-01..2021-12-31'],
  ['2021年Q4', null, '2021-10-01..2021-12-31'],
  // Chinese numerals
  ['二〇二一年十二月', null, '2021-12-01..2021-12-31'],
  ['二○二一年十二月三十一日', null, '2021-12-31..2021-12-31'],
  ['二零二一年六月底前', null, '2021-06-01..2021-06-30'],
  ['二〇二一年十一月二十日', null, '2021-11-20..2021-11-20'],
  ['二〇二一年十月十日', null, '2021-10-10..2021-10-10'],
  ['二〇二二年底前', null, '2022-01-01..2022-12-31'],
  // Ranges
  ['2020年7月至12月', null, '2020-07-01..2020-12-31'],
  ['2020年7月—2021年6月', null, '2020-07-01..2021-06-30'],
  ['2020年7月-2021年6月', null, '2020-07-01..2021-06-30'],
  ['2021-2023年', null, '2021-01-01..2023-12-31'],
  ['2021—2023年', null, '2021-01-01..2023-12-31'],
  ['2021年至2023年', null, '2021-01-01..2023-12-31'],
  ['2021年到2023年底', null, '2021-01-01..2023-12-31'],
  ['2020年11月至2月', null, '2020-11-01..2021-02-28'],
  ['June to December 2021', null, '2021-06-01..2021-12-31'],
  ['2021 to 2023', null, '2021-01-01..2023-12-31'],
  ['2023年至2021年', null, '!unreadable'],
  // Ongoing
  ['长期坚持', null, 'ongoing'],
  ['持续推进', null, 'ongoing'],
  ['常态化推进', null, 'ongoing'],
  ['长期', null, 'ongoing'],
  ['持续', null, 'ongoing'],
  ['常态化', null, 'ongoing'],
  ['长期任务', null, 'ongoing'],
  ['持续开展', null, 'ongoing'],
  ['长期坚持、持续推进', null, 'ongoing'],
  ['長期堅持', null, 'ongoing'],
  ['持續推進', null, 'ongoing'],
  ['常態化推進', null, 'ongoing'],
  ['ongoing', null, 'ongoing'],
  ['Ongoing', null, 'ongoing'],
  ['continuous', null, 'ongoing'],
  ['long-term', null, 'ongoing'],
  ['长期坚持，每年评估一次', null, 'ongoing'],
  ['每年6月底前', null, 'ongoing'],
  // English
  ['By June 30, 2019', null, '2019-06-30..2019-06-30'],
  ['June 30, 2019', null, '2019-06-30..2019-06-30'],
  ['June 30th, 2019', null, '2019-06-30..2019-06-30'],
  ['30 June 2019', null, '2019-06-30..2019-06-30'],
  ['Jun. 30, 2019', null, '2019-06-30..2019-06-30'],
  ['end of 2021', null, '2021-01-01..2021-12-31'],
  ['By the end of 2021.', null, '2021-01-01..2021-12-31'],
  ['by end of June 2021', null, '2021-06-01..2021-06-30'],
  ['June 2021', null, '2021-06-01..2021-06-30'],
  ['Q3 2021', null, '2021-07-01..2021-09-30'],
  ['H1 2021', null, '2021-01-01..2021-06-30'],
  ['H2 2021', null, '2021-07-01..2021-12-31'],
  ['third quarter of 2021', null, '2021-07-01..2021-09-30'],
  ['first half of 2022', null, '2022-01-01..2022-06-30'],
  ['2021-06-30', null, '2021-06-30..2021-06-30'],
  ['2021', null, '2021-01-01..2021-12-31'],
  ['Before 2022', null, '2022-01-01..2022-12-31'],
  ['end of this year', DOC, '2021-01-01..2021-12-31'],
  ['end of next year', DOC, '2022-01-01..2022-12-31'],
  ['year-end', DOC, '2021-01-01..2021-12-31'],
  ['end of this year', null, '!needs-year'],
  // Leading and trailing words and punctuation
  ['于2021年底前', null, '2021-01-01..2021-12-31'],
  ['在2021年6月底前。', null, '2021-06-01..2021-06-30'],
  ['  2021年底前；', null, '2021-01-01..2021-12-31'],
  ['，2021年底前、', null, '2021-01-01..2021-12-31'],
  ['到2025年', null, '2025-01-01..2025-12-31'],
  ['截至2021年底', null, '2021-01-01..2021-12-31'],
  ['力争2022年6月底前', null, '2022-06-01..2022-06-30'],
  ['2021年底前完成', null, '2021-01-01..2021-12-31'],
  ['2021年底前完成试点，2022年底前全面推广', null, '2021-01-01..2022-12-31'],
  // Full-width digits and traditional script
  ['２０２１年底前', null, '2021-01-01..2021-12-31'],
  ['２０２１年６月３０日', null, '2021-06-30..2021-06-30'],
  ['2021年內', null, '2021-01-01..2021-12-31'],
  ['於2021年12月31號前', null, '2021-12-31..2021-12-31'],
  // Invalid dates
  ['2021年2月30日', null, '!unreadable'],
  ['2021年2月29日', null, '!unreadable'],
  ['2021年13月', null, '!unreadable'],
  ['13月', null, '!unreadable'],
  ['2021-02-30', null, '!unreadable'],
  ['2021年6月31日', null, '!unreadable'],
  ['2021年第五季度', null, '!unreadable'],
  ['Q5 2021', null, '!unreadable'],
  ['H3 2021', null, '!unreadable'],
  // Vague
  ['尽快', null, '!vague'],
  ['尽快完成', null, '!vague'],
  ['适时', null, '!vague'],
  ['另行通知', null, '!vague'],
  ['视情况而定', null, '!vague'],
  ['盡快', null, '!vague'],
  ['適時推進', null, '!vague'],
  ['as soon as possible', null, '!vague'],
  ['ASAP', null, '!vague'],
  ['In due course', null, '!vague'],
  ['when appropriate', null, '!vague'],
  // Empty and unreadable
  ['', null, '!empty'],
  ['   ', null, '!empty'],
  ['。；', null, '!empty'],
  ['按计划推进', null, '!unreadable'],
  ['第三批', null, '!unreadable'],
  ['10', null, '!unreadable'],
  ['abc', null, '!unreadable'],
];

describe('deadline grammar', () => {
  describe('parseDeadline', () => {
    for (const [input, documentDate, expected] of PARSE_ROWS) {
      it(`${JSON.stringify(input)}${documentDate ? ` @${documentDate}` : ''} → ${expected}`, () => {
        assert.equal(show(parseDeadline(input, { documentDate })), expected);
      });
    }

    it('works without options', () => {
      assert.equal(show(parseDeadline('2021年底前')), '2021-01-01..2021-12-31');
      assert.equal(show(parseDeadline('年底前')), '!needs-year');
    });

    /** [input, the text the span must cover] */
    const SPAN_ROWS: Array<[string, string]> = [
      ['2021年底前', '2021年底前'],
      ['于2021年底前。', '2021年底前'],
      ['  2020年12月31日；', '2020年12月31日'],
      ['By June 30, 2019', 'June 30, 2019'],
      ['2021年底前完成', '2021年底前'],
      ['2021年底前完成试点，2022年6月底前全面推广', '2021年底前完成试点，2022年6月底前'],
      [' 长期坚持。', '长期坚持'],
      ['２０２１年内', '２０２１年内'],
    ];
    for (const [input, covered] of SPAN_ROWS) {
      it(`span of ${JSON.stringify(input)} is ${JSON.stringify(covered)}`, () => {
        const r = parseDeadline(input);
        assert.ok(r.ok, `expected ok, got ${show(r)}`);
        if (r.ok) assert.equal(input.slice(r.span.start, r.span.end), covered);
      });
    }
  });

  describe('findDeadlines', () => {
    /** [text, documentDate, expected matches as [matched text, value]] */
    const FIND_ROWS: Array<[string, string | null, Array<[string, string]>]> = [
      ['2022年10月底前编制并公布', null, [['2022年10月底前', '2022-10-01..2022-10-31']]],
      ['新增学位1.2万个', null, []],
      ['打造中心城区10分钟医疗急救圈', null, []],
      ['第三批', null, []],
      ['第三批试点单位', DOC, []],
      ['到2025年，建成现代化体系', null, [['2025年', '2025-01-01..2025-12-31']]],
      ['2021年，全市GDP增长', null, []],
      ['2021年印发的方案', null, []],
      ['2021年内完成', null, [['2021年内', '2021-01-01..2021-12-31']]],
      ['2021年内部控制评价', null, []],
      ['2021年前三季度', null, []],
      ['三年内完成', DOC, [['三年内', '2021-03-15..2024-03-14']]],
      ['近年内', DOC, []],
      ['每年6月底前报送', DOC, []],
      ['达到2021个', null, []],
      ['资金2021.5万元', null, []],
      ['1.2万个、95%、30天', null, []],
      // Without a document date a relative deadline is still found, unresolved.
      ['年底前完成', null, [['年底前', '!needs-year']]],
      ['年底前完成', DOC, [['年底前', '2021-01-01..2021-12-31']]],
      ['今年内出台', DOC, [['今年内', '2021-01-01..2021-12-31']]],
      ['明年上半年启动', DOC, [['明年上半年', '2022-01-01..2022-06-30']]],
      ['6月底前报送', DOC, [['6月底前', '2021-06-01..2021-06-30']]],
      ['6月底前报送', null, [['6月底前', '!needs-year']]],
      ['上半年', DOC, []],
      [
        '力争2023年6月底前完成，2025年底前全面建成',
        null,
        [
          ['2023年6月底前', '2023-06-01..2023-06-30'],
          ['2025年底前', '2025-01-01..2025-12-31'],
        ],
      ],
      ['2021年第三季度上线', null, [['2021年第三季度', '2021-07-01..2021-09-30']]],
      ['二〇二一年十二月三十一日前完成', null, [['二〇二一年十二月三十一日前', '2021-12-31..2021-12-31']]],
      ['２０２２年底前建成', null, [['２０２２年底前', '2022-01-01..2022-12-31']]],
      ['2020年7月至12月开展专项行动', null, [['2020年7月至12月', '2020-07-01..2020-12-31']]],
      ['2021-2023年', null, []],
      ['到2021-2023年', null, [['2021-2023年', '2021-01-01..2023-12-31']]],
      ['2021年2月30日前完成', null, []],
      ['2021年第五季度完成', null, []],
      ['截至2020年底，全市', null, [['2020年底', '2020-01-01..2020-12-31']]],
      ['2021年以来', null, []],
      ['自2021年起实施', null, []],
      ['持续推进改革', DOC, []],
      ['Complete the review by June 30, 2019 and report.', null, [['June 30, 2019', '2019-06-30..2019-06-30']]],
      ['Launch in Q3 2021.', null, [['Q3 2021', '2021-07-01..2021-09-30']]],
      ['by the end of 2021', null, [['the end of 2021', '2021-01-01..2021-12-31']]],
      ['by 2021 we will', null, [['2021', '2021-01-01..2021-12-31']]],
      ['in 2021 we did', null, []],
      ['You may attend.', DOC, []],
      ['Section 3 of chapter 12', null, []],
    ];
    for (const [text, documentDate, expected] of FIND_ROWS) {
      it(`${JSON.stringify(text)}${documentDate ? ` @${documentDate}` : ''} → ${expected.length} match(es)`, () => {
        const found = findDeadlines(text, { documentDate });
        assert.deepEqual(
          found.map((m) => [text.slice(m.start, m.end), showFound(m)]),
          expected,
        );
      });
    }

    it('returns ordered, non-overlapping matches', () => {
      const text = '2021年底前完成试点；2022年6月30日前推广；2023年上半年验收。'.repeat(3);
      const found = findDeadlines(text);
      assert.equal(found.length, 9);
      for (let i = 1; i < found.length; i++) {
        const prev = found[i - 1];
        const cur = found[i];
        assert.ok(prev && cur && prev.end <= cur.start, 'matches overlap or are out of order');
      }
    });

    // Speed is measured in bench/, not here: these only prove correctness at size.
    it('scans a 1 MB draft and finds every deadline', () => {
      const para = '（三）加快推进医疗服务体系建设。新增学位1.2万个，打造中心城区10分钟医疗急救圈，' + '第三批试点单位于2022年10月底前编制并公布实施方案，持续推进改革，逐步完善机制。\n';
      const text = para.repeat(Math.ceil(1_000_000 / para.length));
      const found = findDeadlines(text, { documentDate: DOC });
      assert.equal(found.length, Math.ceil(1_000_000 / para.length));
    });

    it('reads adversarial input: runs of bare years, numerals and "end of the"', () => {
      const text = `${'2021年'.repeat(20_000)}${'一二三四五六七八九十'.repeat(20_000)}${'end of the '.repeat(20_000)}`;
      // A year alone, numerals and an unfinished "end of the" are never deadlines in prose.
      assert.deepEqual(findDeadlines(text, { documentDate: DOC }), []);
      // As a field value, the years inside it are the deadline: the year 2021, over the whole value.
      assert.deepEqual(parseDeadline(text.slice(0, 100_000), { documentDate: DOC }), {
        ok: true,
        value: { kind: 'range', start: '2021-01-01', end: '2021-12-31' },
        span: { start: 0, end: 100_000 },
      });
    });
  });

  describe('time limits and written-out deadlines in prose', () => {
    const PLAN = '2012-09-19';
    const Y23 = '2023-01-01';
    /** [format, text, documentDate, expected matches as [matched text, value]] */
    const LIMIT_ROWS: Array<[string, string, string | null, Array<[string, string]>]> = [
      // N年内: counted from the document date, one day short of N years.
      ['N年内 (digits)', '5年内重点引进100名人才', PLAN, [['5年内', '2012-09-19..2017-09-18']]],
      ['N年内 (digits, zh-Hant)', '5年內重點引進100名人才', PLAN, [['5年內', '2012-09-19..2017-09-18']]],
      ['N年内 (numerals)', '三年内完成改造', Y23, [['三年内', '2023-01-01..2025-12-31']]],
      [
        'N年之内 / 以内',
        '两年以内建成，十年之内普及',
        Y23,
        [
          ['两年以内', '2023-01-01..2024-12-31'],
          ['十年之内', '2023-01-01..2032-12-31'],
        ],
      ],
      ['在N年内 (zh-Hant)', '在五年內建成示範區', Y23, [['五年內', '2023-01-01..2027-12-31']]],
      [
        '半年内 / N个月内',
        '半年内出台细则，3个月内完成摸底',
        Y23,
        [
          ['半年内', '2023-01-01..2023-06-30'],
          ['3个月内', '2023-01-01..2023-03-31'],
        ],
      ],
      ['N个月内 (zh-Hant)', '6個月內完成摸底', Y23, [['6個月內', '2023-01-01..2023-06-30']]],
      ['N年内 without a document date', '5年内重点引进100名人才', null, [['5年内', '!needs-year']]],
      ['N年内 leap day start', '1年内完成', '2024-02-29', [['1年内', '2024-02-29..2025-02-28']]],
      // A stated starting year anchors the limit.
      ['YYYY年起N年内', '2012年起5年内，大力实施人才工程', null, [['2012年起5年内', '2012-01-01..2016-12-31']]],
      ['YYYY年起N年内 (zh-Hant)', '2012年起5年內，大力實施人才工程', PLAN, [['2012年起5年內', '2012-01-01..2016-12-31']]],
      ['YYYY年开始，N年内', '自2020年开始，三年内完成', null, [['2020年开始，三年内', '2020-01-01..2022-12-31']]],
      // 未来/今后 N 年 with a within word, or with its window written out.
      ['在未来N年 with a window (zh-Hant)', '在未來十年(2023-24 至 2032-33 年度)投入1000億元', null, [['未來十年(2023-24 至 2032-33 年度)', '2023-01-01..2033-12-31']]],
      ['在未来N年 with a full-width window', '在未来十年（2023-24至2032-33年度）投入', null, [['未来十年（2023-24至2032-33年度）', '2023-01-01..2033-12-31']]],
      ['在未来N年', '在未来十年投入资金', Y23, [['未来十年', '2023-01-01..2032-12-31']]],
      ['今后N年内 (zh-Hant)', '今後五年內建成', Y23, [['今後五年內', '2023-01-01..2027-12-31']]],
      ['未来N年 without a within word is a horizon, not a limit', '编制未来十年发展规划', Y23, []],
      ['a fiscal-year range alone is not a deadline', '(2023-24 至 2032-33 年度)的财政预算', Y23, []],
      ['在 + a fiscal year', '在2023-24年度完成', null, [['2023-24年度', '2023-01-01..2024-12-31']]],
      // In a year: 于/於/在 + year.
      ['于YYYY年', '于2023年完成立法', null, [['2023年', '2023-01-01..2023-12-31']]],
      ['於 YYYY 年 (zh-Hant, spaces)', '於 2023 年完成立法', null, [['2023 年', '2023-01-01..2023-12-31']]],
      ['在YYYY年或之前', '在2024年或之前完成', null, [['2024年或之前', '2024-01-01..2024-12-31']]],
      ['在YYYY年或之前 (zh-Hant)', '在2024年或之前完成審批', null, [['2024年或之前', '2024-01-01..2024-12-31']]],
      ['关于YYYY年 is not "in"', '关于2023年工作的通知', null, []],
      ['在YYYY年的基础上 is not a deadline', '在2023年的基础上增长10%', null, []],
      ['于YYYY年起 is a start, not a deadline', '于2023年起施行', null, []],
      // Year and month ends with spaces.
      ['YYYY 年底前 (spaces)', '2023 年底前完成', null, [['2023 年底前', '2023-01-01..2023-12-31']]],
      ['YYYY年M月底前', '2022年10月底前编制并公布', null, [['2022年10月底前', '2022-10-01..2022-10-31']]],
      ['YYYY年M月底前 (zh-Hant)', '2022年10月底前編制並公布', null, [['2022年10月底前', '2022-10-01..2022-10-31']]],
      // English.
      ['within YYYY', 'Complete the study within 2024.', null, [['2024', '2024-01-01..2024-12-31']]],
      ['during YYYY', 'Pilot the scheme during 2024.', null, [['2024', '2024-01-01..2024-12-31']]],
      ['in the coming N years', 'Build 20 stations in the coming 5 years.', Y23, [['in the coming 5 years', '2023-01-01..2027-12-31']]],
      ['within five years', 'Retrofit all schools within five years.', Y23, [['within five years', '2023-01-01..2027-12-31']]],
      ['within the next N months', 'Adopt the plan within the next 12 months.', Y23, [['within the next 12 months', '2023-01-01..2023-12-31']]],
      ['over the next three years', 'Hire staff over the next three years.', Y23, [['over the next three years', '2023-01-01..2025-12-31']]],
      ['within five years without a document date', 'Retrofit all schools within five years.', null, [['within five years', '!needs-year']]],
      ['by end-YYYY', 'Publish the map by end-2025.', null, [['end-2025', '2025-01-01..2025-12-31']]],
      ['by the end of YYYY', 'Publish the map by the end of 2025.', null, [['the end of 2025', '2025-01-01..2025-12-31']]],
      ['By Month YYYY', 'By December 2023, OR3 will complete a plan.', null, [['December 2023', '2023-12-01..2023-12-31']]],
      ['By June YYYY', 'By June 2023, OR3 will support development.', null, [['June 2023', '2023-06-01..2023-06-30']]],
      ['By Month YYYY Month YYYY (amended: the first date counts)', 'By December 2021 December 2020, Planning will', null, [['December 2021 December 2020', '2021-12-01..2021-12-31']]],
      ['By June YYYY June YYYY (amended)', 'By June 2023 June 2020, Health Services will', null, [['June 2023 June 2020', '2023-06-01..2023-06-30']]],
      [
        'two dates joined by "and" stay two',
        'by June 2023 and by December 2024',
        null,
        [
          ['June 2023', '2023-06-01..2023-06-30'],
          ['December 2024', '2024-12-01..2024-12-31'],
        ],
      ],
      ['in YYYY alone is not a deadline', 'in 2021 we built 3 stations', null, []],
      // Frequencies, programme lengths and ongoing verbs are not deadlines.
      ['每年', '每年选拔资助不少于100名青年科技人员', Y23, []],
      ['每季度 (zh-Hant)', '每季度末向市政府報告進展', Y23, []],
      ['每年至少一次', '每年至少一次开展应急演练', Y23, []],
      ['为期一年', '开展为期一年的专项行动', Y23, []],
      ['為期一年 (zh-Hant)', '開展為期一年的專項行動', Y23, []],
      ['连续3年', '连续3年每年给予科研经费资助', Y23, []],
      ['近N年内 (the past)', '近5年内获得省级奖励', Y23, []],
      ['持续推进', '持续推进“一网通办”', Y23, []],
      ['持續推進 (zh-Hant)', '持續推進“一網通辦”', Y23, []],
      ['annually', 'Conduct one citywide emergency management drill annually.', Y23, []],
      ['at least quarterly', 'Report progress at least quarterly.', Y23, []],
      ['for three years', 'Fund the programme for three years.', Y23, []],
      ['Continuously', 'Continuously review and update the plan.', Y23, []],
      ['within years (no count)', 'within years of service', Y23, []],
    ];
    for (const [format, text, documentDate, expected] of LIMIT_ROWS) {
      it(`${format}: ${JSON.stringify(text)}${documentDate ? ` @${documentDate}` : ''}`, () => {
        const found = findDeadlines(text, { documentDate });
        assert.deepEqual(
          found.map((m) => [text.slice(m.start, m.end), showFound(m)]),
          expected,
        );
      });
    }

    /** The same forms as whole deadline field values. [input, documentDate, expected] */
    const FIELD_ROWS: Array<[string, string | null, string]> = [
      ['5年内', PLAN, '2012-09-19..2017-09-18'],
      ['5年内', null, '!needs-year'],
      ['在五年內', Y23, '2023-01-01..2027-12-31'],
      ['2012年起5年内', null, '2012-01-01..2016-12-31'],
      ['在未來十年(2023-24 至 2032-33 年度)', null, '2023-01-01..2033-12-31'],
      ['2023-24 至 2032-33 年度', null, '2023-01-01..2033-12-31'],
      ['於 2023 年', null, '2023-01-01..2023-12-31'],
      ['在2024年或之前', null, '2024-01-01..2024-12-31'],
      ['2023 年底前', null, '2023-01-01..2023-12-31'],
      ['within 2024', null, '2024-01-01..2024-12-31'],
      ['in the coming 5 years', Y23, '2023-01-01..2027-12-31'],
      ['within five years', Y23, '2023-01-01..2027-12-31'],
      ['within five years', null, '!needs-year'],
      ['by end-2025', null, '2025-01-01..2025-12-31'],
      ['By December 2021 December 2020', null, '2021-12-01..2021-12-31'],
      ['2011-12', null, '2011-12-01..2011-12-31'],
      ['长期坚持', null, 'ongoing'],
    ];
    for (const [input, documentDate, expected] of FIELD_ROWS) {
      it(`field ${JSON.stringify(input)}${documentDate ? ` @${documentDate}` : ''} → ${expected}`, () => {
        assert.equal(show(parseDeadline(input, { documentDate })), expected);
      });
    }

    it('reads adversarial runs of limit phrases', () => {
      const text = ['在未来十年(', '2012年起', 'within the next ', 'in the coming ', '2023-24 至 ', 'December 2021 '].map((unit) => unit.repeat(20_000)).join('');
      const found = findDeadlines(text, { documentDate: DOC });
      const byShape = new Map<string, { count: number; value: string }>();
      for (const match of found) {
        const shape = text.slice(match.start, match.end);
        const value = match.value ? showValue(match.value) : String(match.problem);
        const seen = byShape.get(shape);
        if (seen) assert.equal(seen.value, value, shape);
        byShape.set(shape, { count: (seen?.count ?? 0) + 1, value });
      }
      // 未来十年 counts from the document date (its "(" never closes); the fiscal-year ranges
      // pair up; an amended "December 2021 December 2021" is one deadline; the rest are not deadlines.
      assert.deepEqual(Object.fromEntries(byShape), {
        未来十年: { count: 20_000, value: '2021-03-15..2031-03-14' },
        '2023-24 至 2023-24': { count: 9_999, value: '2023-01-01..2024-12-31' },
        'December 2021 December 2021': { count: 10_000, value: '2021-12-01..2021-12-31' },
      });
    });
  });

  describe('traditional script', () => {
    it("reads a traditional draft as its simplified twin, offsets unchanged (the engine's OpenCC conversion)", () => {
      const simplified = '第三批试点单位于2022年10月底前编制并公布实施方案，2023年上半年验收，今后五年内全面推开，尽快总结，另行确定。';
      const traditional = traditionalize(simplified);
      assert.equal(traditional.length, simplified.length);
      assert.notEqual(traditional, simplified);
      const found = findDeadlines(simplified, { documentDate: '2021-03-01' });
      assert.deepEqual(
        found.map((hit) => [simplified.slice(hit.start, hit.end), hit.value && showValue(hit.value)]),
        [
          ['2022年10月底前', '2022-10-01..2022-10-31'],
          ['2023年上半年', '2023-01-01..2023-06-30'],
          ['今后五年内', '2021-03-01..2026-02-28'],
        ],
      );
      assert.deepEqual(findDeadlines(traditional, { documentDate: '2021-03-01' }), found);
      assert.deepEqual(
        findVagueTimeWords(traditional).map((word) => [word.start, word.end]),
        findVagueTimeWords(simplified).map((word) => [word.start, word.end]),
      );
      assert.equal(show(parseDeadline(traditionalize('于2021年12月31号前'))), '2021-12-31..2021-12-31');
    });
  });

  describe('findVagueTimeWords', () => {
    /** [text, expected words as written] */
    const VAGUE_ROWS: Array<[string, string[]]> = [
      ['尽快完成', ['尽快']],
      ['适时推进，及时总结', ['适时', '及时']],
      ['近期启动，逐步推开', ['近期', '逐步']],
      ['时间另行通知', ['另行通知']],
      ['另行确定', ['另行确定']],
      ['视情况择机推出', ['视情况', '择机']],
      ['早日建成，抓紧落实', ['早日', '抓紧']],
      ['盡快完成，適時推進，及時總結', ['盡快', '適時', '及時']],
      ['另行確定', ['另行確定']],
      ['視情況', ['視情況']],
      ['Complete as soon as possible.', ['as soon as possible']],
      ['ASAP', ['ASAP']],
      ['in due course', ['in due course']],
      ['timely review', ['timely']],
      ['soon', ['soon']],
      ['when appropriate', ['when appropriate']],
      ['2021年底前完成', []],
      ['The reasoning is sound.', []],
      ['', []],
    ];
    for (const [text, expected] of VAGUE_ROWS) {
      it(`${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => {
        const found = findVagueTimeWords(text);
        assert.deepEqual(
          found.map((w) => w.word),
          expected,
        );
        for (const w of found) assert.equal(text.slice(w.start, w.end), w.word);
      });
    }
  });

  describe('daysBetween', () => {
    const DAY_ROWS: Array<[string, string, number]> = [
      ['2021-01-01', '2021-01-01', 0],
      ['2021-01-01', '2021-01-02', 1],
      ['2021-01-02', '2021-01-01', -1],
      ['2021-01-01', '2021-12-31', 364],
      ['2020-01-01', '2020-12-31', 365],
      ['2020-02-28', '2020-03-01', 2],
      ['2021-03-27', '2021-03-29', 2],
      ['2019-06-30', '2021-06-30', 731],
    ];
    for (const [a, b, expected] of DAY_ROWS) {
      it(`${a} → ${b} = ${expected}`, () => {
        assert.equal(daysBetween(a, b), expected);
      });
    }
    it('is NaN for malformed or impossible dates', () => {
      assert.ok(Number.isNaN(daysBetween('2021-02-30', '2021-03-01')));
      assert.ok(Number.isNaN(daysBetween('2021/01/01', '2021-03-01')));
      assert.ok(Number.isNaN(daysBetween('2021-01-01', 'soon')));
    });
  });
});
