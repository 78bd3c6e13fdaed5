import * as assert from 'node:assert/strict';
import { findQuantities } from '../../server/src/engine/parse/quantity';
import { simplify } from '../../server/src/engine/script';

/** The quantities found, as written; text goes through simplify() first, as the measure parser does. */
function quantities(text: string, exclude: Array<{ start: number; end: number }> = []): string[] {
  return findQuantities(simplify(text), 0, exclude).map((span) => text.slice(span.start, span.end));
}

describe('findQuantities', () => {
  /** [format, text, expected quantities as written] */
  const ROWS: Array<[string, string, string[]]> = [
    // Numbers with units, percentages and counts.
    ['number with a unit', '新增学位1.2万个', ['1.2万个']],
    ['number with a unit (zh-Hant)', '新增學位1.2萬個', ['1.2萬個']],
    ['percentage with a comparison', '地区生产总值增长7%以上', ['7%']],
    ['percentage (zh-Hant)', '地區生產總值增長7%以上', ['7%']],
    ['minimum count', '重点培养不少于10名后备人才', ['不少于10名']],
    ['count in Chinese numerals', '建设三支队伍', ['三支']],
    ['count in Chinese numerals (zh-Hant)', '建設三支隊伍，五個中心', ['三支', '五個']],
    ['count of schools', '新建3所学校', ['3所']],
    ['count with 名', '选派两名干部', ['两名']],
    ['10个项目 is still a count', '实施10个项目', ['10个']],
    ['100% with a noun', '100% of division leaders and managers receive ICS 300 training.', ['100%']],
    ['English count with a plural noun', 'Build 20 ambulance stations.', ['20 ambulance stations']],
    ['English count in words', 'Hold two public hearings.', ['two public hearings']],
    // Quotas and counts with a frequency.
    ['quota 一X两名', '力争实现“一村两名或多名大学生村官”目标', ['一村两名']],
    ['quota 一X一名', '在全面实现“一村一名大学生村官”的基础上', ['一村一名']],
    ['quota 一X一名 (zh-Hant)', '在全面實現「一村一名大學生村官」的基礎上', ['一村一名']],
    ['quota 每X…N名', '每个社区配备一名专职网格员', ['每个社区配备一名']],
    ['frequency 每年至少一次', '每年至少一次开展应急演练', ['每年至少一次']],
    ['frequency 每季度一次 (zh-Hant)', '每季度開展一次檢查', ['每季度開展一次']],
    ['at least once per year', 'Test the plan at least once per year.', ['at least once per year']],
    ['twice a year', 'Brief the council twice a year.', ['twice a year']],
    ['a count with a frequency', 'Conduct one citywide emergency management drill annually.', ['one citywide emergency management drill annually']],
    // Numbers inside names are not metrics.
    ['programme name with 十大', '全面开展“武汉长江经济带降碳减污扩绿增长十大行动”', []],
    ['N大 without quotes', '实施六大人才行动计划，构建三大人才开发支撑体系', []],
    ['N大 (zh-Hant)', '實施六大人才行動計劃，坚决打好三大攻坚战', []],
    ['number in quotes', '深入实施“16819”健康行动', []],
    ['quoted name with a count', '全面落实疫情防控“新十条”', []],
    ['quoted name with a count (zh-Hant corner quotes)', '全面落實疫情防控「新十條」', []],
    ['quoted name 双一流', '支持在汉高校“双一流”建设', []],
    ['title marks', '落实《2023年十项重点工作方案》', []],
    ['quoted sentence with targets still counts', '实现“人才资源总量达到320万名左右，人才贡献率达到40%”的目标', ['达到320万', '达到40%']],
    ['ordinal 第N届', '举办同心县第四届运动会', []],
    ['ordinal 第N个', '建成第3个示范区', []],
    ['number glued to a noun', '121人才梯队项目', []],
    ['formula-like name 3＋N', '进一步优化“3＋N”的创办模式，推行1+X证书', []],
    ['slogan 四个到位', '做到机构、编制、人员、经费四个到位', []],
    ['slogan 四個到位 (zh-Hant)', '做到機構、編制、人員、經費四個到位', []],
    ['slogan 两个维护', '坚决做到两个维护', []],
    ['一 inside a word is not a quota', '统一个人信息标准', []],
    ['grade 二级 is not a count', '二级以上医疗机构发热门诊应设尽设', []],
    ['scope 两级 is not a count (zh-Hant)', '編制並公布市、縣兩級行政許可事項清單', []],
    ['a year heading a proper name', 'review lessons learned from the 2023 Winter Storms and complete a plan', []],
    ['a four-digit count is still a count', 'Retrofit 2000 rental homes.', ['2000 rental homes']],
    // Lengths and frequencies without a count are not metrics.
    ['programme length in words', 'Fund the programme for three years.', []],
    ['frequency alone', '每年评估', []],
    ['qualitative target', '基本同步，全覆盖', []],
  ];
  for (const [format, text, expected] of ROWS) {
    it(`${format}: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(quantities(text), expected);
    });
  }

  it('offsets the spans and drops those in excluded spans (deadlines)', () => {
    const text = '新建3所学校，覆盖率95%';
    const offset = 100;
    const school = text.indexOf('3所');
    const percent = text.indexOf('95%');
    const spans = findQuantities(text, offset, [{ start: offset + school, end: offset + school + 2 }]);
    assert.deepEqual(spans, [{ start: offset + percent, end: offset + percent + 3 }]);
  });

  it('returns sorted, non-overlapping spans', () => {
    const spans = findQuantities('一村两名，三支队伍，新增1.2万个，每年至少一次'.repeat(3), 0, []);
    assert.equal(spans.length, 12);
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i - 1].end <= spans[i].start);
  });

  it('terminates on adversarial input', function () {
    this.timeout(30_000);
    const runs = ['“', '一', '三', 'one ', 'one citywide ', '每个', '1', ' ', '1 ', '达到 '];
    const text = runs.map((run) => run.repeat(50_000)).join('');
    const spans = findQuantities(text, 0, []);
    assert.ok(spans.every((span) => span.start >= 0 && span.end <= text.length && span.start < span.end));
  });
});
