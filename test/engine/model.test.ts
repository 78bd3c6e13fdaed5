/** Model extraction: every shape of net, measure and field a real draft uses. */
import * as assert from 'node:assert/strict';
import { buildModel } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import type { Measure, PolicyModel } from '../../server/src/engine/types';

const schema = builtinSchema();
const model = (text: string, documentDate: string | null = '2020-07-01'): PolicyModel => buildModel(text, { schema, documentDate });
const measures = (m: PolicyModel): Measure[] => [...m.nets.flatMap((net) => net.measures), ...m.orphanMeasures];
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('policy model', () => {
  describe('net sections', () => {
    const cases: Array<[string, string]> = [
      ['## 一、织密城市应急处置网', 'emergency-response'],
      ['## 城市應急處置網', 'emergency-response'],
      ['## Urban Emergency Response Net', 'emergency-response'],
      ['### （二）织牢公共卫生防护网', 'public-health'],
      ['# 基层社会治理网', 'community-governance'],
      ['## 四、織密矛盾風險化解網', 'risk-resolution'],
      ['## Urban Fine Management Net', 'fine-management'],
      ['#### 5. 城市精细管理网建设', 'fine-management'],
    ];
    for (const [heading, netId] of cases) {
      it(`recognizes "${heading}"`, () => {
        const text = `${heading}\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\n`;
        const result = model(text);
        assert.equal(result.nets.length, 1);
        assert.equal(result.nets[0].netId, netId);
        assert.equal(result.nets[0].measures.length, 1);
        assert.equal(result.nets[0].measures[0].netId, netId);
      });
    }

    it('gives the net name span inside the heading', () => {
      const text = '## 一、织密城市应急处置网\n';
      const net = model(text).nets[0];
      assert.equal(slice(text, net.nameSpan), '城市应急处置网');
    });

    it('assigns measures to the nearest net heading above them and ends a net at a same-level heading', () => {
      const text = [
        '## 城市应急处置网',
        '',
        '1. 储备库3个（牵头单位：市应急局；完成时限：2020年底前）',
        '',
        '## 公共卫生防护网',
        '',
        '1. 急救站20个（牵头单位：市卫健委；完成时限：2020年底前）',
        '2. 发热门诊30个（牵头单位：市卫健委；完成时限：2020年底前）',
        '',
        '## 保障措施',
        '',
        '1. 加强组织领导',
        '',
      ].join('\n');
      const result = model(text);
      assert.deepEqual(
        result.nets.map((net) => [net.netId, net.measures.length]),
        [
          ['emergency-response', 1],
          ['public-health', 2],
        ],
      );
      assert.equal(result.orphanMeasures.length, 0, 'a plain list outside nets without fields is not a measure');
    });

    it('flags a misspelled net and proposes the closest name', () => {
      const result = model('## 二、织密公共卫生防控网\n\n1. 急救站20个（牵头单位：市卫健委）\n');
      assert.equal(result.nets.length, 0);
      assert.equal(result.unknownNets.length, 1);
      assert.equal(result.unknownNets[0].name, '公共卫生防控网');
      assert.equal(result.unknownNets[0].closest?.netId, 'public-health');
      assert.equal(result.orphanMeasures.length, 1, 'measures under a misspelled net are still checked and exported');
      assert.equal(result.orphanMeasures[0].netId, null);
      assert.equal(result.orphanMeasures[0].underUnknownNet, true);
    });

    it('does not treat the title 五张网 as an unknown net', () => {
      const result = model('# 织牢织密五张网实施方案\n');
      assert.equal(result.unknownNets.length, 0);
    });
  });

  describe('measures', () => {
    it('reads list items, ordered and unordered', () => {
      const text = '## 公共卫生防护网\n\n- 急救站20个（牵头单位：市卫健委）\n* 发热门诊30个（牵头单位：市卫健委）\n\n3) 方舱5个（牵头单位：市卫健委）\n';
      const result = measures(model(text));
      assert.deepEqual(
        result.map((m) => m.text),
        ['急救站20个', '发热门诊30个', '方舱5个'],
      );
      assert.ok(result.every((m) => m.shape === 'list'));
    });

    it('reads numbered paragraphs Markdown does not treat as lists', () => {
      const text = [
        '## 基层社会治理网',
        '',
        '204.推进学前教育，新增学位1.2万个（责任单位：市教育局）',
        '205.完善社区服务（责任单位：市民政局）',
        '',
        '1、开展评估（牵头单位：市委政法委）',
        '',
        '（一）建设社区（牵头单位：市民政局）',
        '',
      ].join('\n');
      const result = measures(model(text));
      assert.deepEqual(
        result.map((m) => m.text),
        ['推进学前教育，新增学位1.2万个', '完善社区服务', '开展评估', '建设社区'],
      );
      assert.ok(result.every((m) => m.shape === 'paragraph'));
      assert.equal(result[0].owner?.value, '市教育局');
    });

    it('splits 一是…；二是… into measures', () => {
      const text = '## 矛盾风险化解网\n\n一是建立调解机制，成功率95%（牵头单位：市委政法委）；二是完善信访制度（责任单位：市信访局）。\n';
      const result = measures(model(text));
      assert.equal(result.length, 2);
      assert.ok(result[0].text.startsWith('一是建立调解机制'));
      assert.ok(result[1].text.startsWith('二是完善信访制度'));
      assert.equal(result[0].owner?.value, '市委政法委');
      assert.equal(result[1].owner?.value, '市信访局');
    });

    it('reads rows of a table with a task column, fields from columns', () => {
      const text = [
        '## 公共卫生防护网',
        '',
        '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
        '| --- | --- | --- | --- | --- |',
        '| 1 | 新增发热门诊30个 | 市卫健委 | 各区人民政府 | 2020年10月底前 |',
        '| 2 | 医养产业 | 市发改委 | |  |',
        '',
      ].join('\n');
      const result = measures(model(text));
      assert.equal(result.length, 2);
      assert.equal(result[0].shape, 'table');
      assert.equal(result[0].text, '新增发热门诊30个');
      assert.equal(result[0].owner?.value, '市卫健委');
      assert.deepEqual(result[0].coOwners, ['各区人民政府']);
      assert.deepEqual(result[0].deadlineValue, { kind: 'range', start: '2020-10-01', end: '2020-10-31' });
      assert.equal(result[1].deadline, null);
      assert.equal(result[1].insertion.mode, 'cell');
      assert.ok(result[1].insertion.cells?.deadline, 'the empty deadline cell is where a fix goes');
    });

    it('reads a sub-heading whose body holds the fields', () => {
      const text = '## 基层社会治理网\n\n### （四）社区服务设施补短板\n\n- 牵头单位：市民政局\n- 指标：新建改造社区服务设施500个\n- 完成时限：2020年底前\n';
      const result = measures(model(text));
      assert.equal(result.length, 1);
      assert.equal(result[0].shape, 'heading');
      assert.equal(result[0].text, '（四）社区服务设施补短板');
      assert.equal(result[0].owner?.value, '市民政局');
      assert.equal(result[0].metric?.value, '新建改造社区服务设施500个');
      assert.ok(result[0].hasMetric);
      assert.deepEqual(result[0].deadlineValue, { kind: 'range', start: '2020-01-01', end: '2020-12-31' });
    });

    it('treats a grouping sub-heading as a grouping, its list items as measures', () => {
      const text = '## 城市应急处置网\n\n### （一）完善应急体系\n\n1. 储备库3个（牵头单位：市应急局）\n2. 预案25个（牵头单位：市应急局）\n';
      const result = measures(model(text));
      assert.deepEqual(
        result.map((m) => m.text),
        ['储备库3个', '预案25个'],
      );
    });

    it('keeps measures with fields outside every net as orphans', () => {
      const result = model('# 方案\n\n1. 储备库3个（牵头单位：市应急局；完成时限：2020年底前）\n');
      assert.equal(result.orphanMeasures.length, 1);
      assert.equal(result.orphanMeasures[0].netId, null);
    });
  });

  describe('fields', () => {
    const one = (line: string): Measure => {
      const result = measures(model(`## 公共卫生防护网\n\n${line}\n`));
      assert.equal(result.length, 1, `one measure in ${line}`);
      return result[0];
    };

    it('reads full-width brackets with ；separators', () => {
      const m = one('1. 院前急救（牵头单位：市卫健委；责任单位：各区人民政府；完成时限：2020年12月底前）');
      assert.equal(m.owner?.value, '市卫健委');
      assert.deepEqual(m.coOwners, ['各区人民政府']);
      assert.equal(m.deadline?.value, '2020年12月底前');
      assert.deepEqual(m.deadlineValue, { kind: 'range', start: '2020-12-01', end: '2020-12-31' });
      assert.equal(m.insertion.mode, 'bracket');
    });

    it('reads half-width brackets and colons', () => {
      const m = one('1. 学前教育(责任单位:市教育局;完成时限:2021年6月底)');
      assert.equal(m.owner?.value, '市教育局');
      assert.equal(m.deadline?.value, '2021年6月底');
      assert.equal(m.insertion.separator, ';');
    });

    it('reads 〔〕 and 【】 brackets and ，separators', () => {
      assert.equal(one('1. 急救站〔牵头单位：市卫健委，完成时限：2021年内〕').deadline?.value, '2021年内');
      assert.equal(one('1. 急救站【牵头单位：市卫健委】').owner?.value, '市卫健委');
    });

    it('takes the first of 责任单位 as the lead owner, the rest as co-owners', () => {
      const m = one('1. 平台（责任单位：市应急管理局，各区人民政府、市公安局）');
      assert.equal(m.owner?.value, '市应急管理局');
      assert.deepEqual(m.coOwners, ['各区人民政府', '市公安局']);
    });

    it('reads traditional labels', () => {
      const m = one('1. 產業地圖（牽頭單位：市發改委；完成時限：2020年12月底前）');
      assert.equal(m.owner?.value, '市發改委');
      assert.equal(m.owner?.label, '牽頭單位');
      assert.deepEqual(m.deadlineValue, { kind: 'range', start: '2020-12-01', end: '2020-12-31' });
    });

    it('reads English labels', () => {
      const m = one('1. Build 20 ambulance stations (Owner: Municipal Health Commission; Deadline: 2021-06-30)');
      assert.equal(m.owner?.value, 'Municipal Health Commission');
      assert.deepEqual(m.deadlineValue, { kind: 'range', start: '2021-06-30', end: '2021-06-30' });
      assert.ok(m.hasMetric, '20 ambulance stations… has a number; "20 ambulance" is not a unit though');
    });

    it('reads fields as nested list items', () => {
      const m = one('1. 院前急救中心建设\n   - 牵头单位：市卫健委\n   - 配合单位：各区人民政府\n   - 完成时限：2021年第三季度');
      assert.equal(m.owner?.value, '市卫健委');
      assert.deepEqual(m.coOwners, ['各区人民政府']);
      assert.deepEqual(m.deadlineValue, { kind: 'range', start: '2021-07-01', end: '2021-09-30' });
      assert.equal(m.insertion.mode, 'sublist');
      assert.equal(m.insertion.separator, '   - ');
    });

    it('reads fields as lines under a numbered paragraph', () => {
      const m = one('204.推进学前教育\n责任单位：市教育局\n完成时限：2021年底前');
      assert.equal(m.owner?.value, '市教育局');
      assert.equal(m.deadline?.value, '2021年底前');
      assert.equal(m.insertion.mode, 'line');
    });

    it('reads the verb form of an owner', () => {
      const m = one('1. 完善下沉机制（市政府办公室牵头，市级各有关部门按职责分工负责；完成时限：长期坚持）');
      assert.equal(m.owner?.value, '市政府办公室');
      assert.equal(m.owner?.source, 'verb');
      assert.deepEqual(m.coOwners, ['市级各有关部门']);
      assert.deepEqual(m.deadlineValue, { kind: 'ongoing' });
    });

    it('reads 由…牵头', () => {
      assert.equal(one('1. 由市卫健委牵头，建设急救站20个').owner?.value, '市卫健委');
    });

    it('counts a deadline written in the measure text', () => {
      const m = one('1. 2022年10月底前编制并公布建设方案（牵头单位：市卫健委）');
      assert.equal(m.deadline?.source, 'text');
      assert.deepEqual(m.deadlineValue, { kind: 'range', start: '2022-10-01', end: '2022-10-31' });
    });

    it('resolves 年底前 against the document date', () => {
      const m = one('1. 储备库3个（牵头单位：市应急局；完成时限：年底前）');
      assert.deepEqual(m.deadlineValue, { kind: 'range', start: '2020-01-01', end: '2020-12-31' });
    });

    it('marks a vague deadline field as such', () => {
      const m = one('1. 储备库3个（牵头单位：市应急局；完成时限：尽快）');
      assert.equal(m.deadlineValue, null);
      assert.equal(m.deadlineProblem, 'vague');
    });
  });

  describe('metrics', () => {
    const metricOf = (text: string) => measures(model(`## 公共卫生防护网\n\n1. ${text}（牵头单位：市卫健委）\n`))[0];
    const present = ['新增学位1.2万个', '打造中心城区10分钟医疗急救圈', '覆盖率达到95%', '建好三支队伍', '打造15分鐘生活圈', '平均响应时间≤10'];
    const absent = ['进一步提升救治能力', '完善体制机制', '2021年底前完成', '第三批试点', '推进一网通办'];
    for (const text of present) it(`finds a measurable target in "${text}"`, () => assert.ok(metricOf(text).hasMetric));
    for (const text of absent) it(`finds no measurable target in "${text}"`, () => assert.equal(metricOf(text).hasMetric, false));

    it('accepts a metric field; a vague one does not count', () => {
      const good = measures(model('## 公共卫生防护网\n\n1. 急救（牵头单位：市卫健委；指标：平均反应时间不超过12分钟）\n'))[0];
      assert.ok(good.hasMetric);
      assert.equal(good.metric?.value, '平均反应时间不超过12分钟');
      const vague = measures(model('## 公共卫生防护网\n\n1. 急救（牵头单位：市卫健委；指标：进一步提升）\n'))[0];
      assert.equal(vague.hasMetric, false);
      assert.equal(vague.metric?.value, '进一步提升');
    });
  });

  describe('document', () => {
    it('reads frontmatter title, date and schema', () => {
      const result = model('---\ntitle: 方案\ndate: 2020-07-15\nschema: five-nets\n---\n\n# 方案\n', null);
      assert.deepEqual({ title: result.meta.title, date: result.meta.date, schema: result.meta.schema }, { title: '方案', date: '2020-07-15', schema: 'five-nets' });
    });

    it('detects the script of a draft', () => {
      assert.equal(model('## 城市應急處置網\n\n1. 儲備庫3個（牽頭單位：市應急管理局）\n').script, 'hant');
      assert.equal(model('## 城市应急处置网\n\n1. 储备库3个（牵头单位：市应急管理局）\n').script, 'hans');
      assert.equal(model('## Urban Emergency Response Net\n\n1. Build 3 depots (Owner: Emergency Bureau)\n').script, 'en');
    });

    it('keeps exact UTF-16 spans after astral characters and CRLF line ends', () => {
      const text = '## 公共卫生防护网\r\n\r\n1. 𠮷😀急救站20个（牵头单位：市卫健委；完成时限：2020年底前）\r\n';
      const m = measures(model(text))[0];
      assert.equal(slice(text, m.textSpan), '𠮷😀急救站20个');
      assert.equal(slice(text, m.owner!.valueSpan), '市卫健委');
      assert.equal(slice(text, m.deadline!.valueSpan), '2020年底前');
    });

    it('ignores labels inside code', () => {
      const text = '## 公共卫生防护网\n\n```\n1. 急救（牵头单位：市卫健委）\n```\n';
      assert.equal(measures(model(text)).length, 0);
    });
  });
});
