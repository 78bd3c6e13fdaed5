/**
 * The formats real plans are written in, one small draft each (zh-Hans, and zh-Hant and
 * English where the format exists there): what is a measure, and its owner, co-owners,
 * metric and deadline. Drafts are linted as a user would lint them: no config, the schema
 * chosen by the draft (auto).
 */
import * as assert from 'node:assert/strict';
import { IncrementalLinter, lint } from '../../server/src/engine';
import { taskRows, type TaskRow } from '../../server/src/engine/export';
import { builtinSchema } from '../../server/src/engine/schema';
import { numberingLevel } from '../../server/src/engine/parse/numbering';

function lintAuto(text: string) {
  return lint(text, { schema: builtinSchema(), schemaFrom: 'auto', documentDate: '2023-01-01' });
}

/** The task table of a draft, as `fivenets export` gives it. */
function rows(text: string): TaskRow[] {
  const result = lintAuto(text);
  return taskRows('draft.md', result.model, result.lines, result.schema.schema);
}

/** 1-based lines that carry a diagnostic of `rule`. */
function linesWith(text: string, rule: string): number[] {
  return lintAuto(text)
    .diagnostics.filter((diagnostic) => diagnostic.rule === rule)
    .map((diagnostic) => diagnostic.range.start.line + 1);
}

const pick = (row: TaskRow) => ({ line: row.line, owner: row.owner, coOwners: row.coOwners, deadline: row.deadline !== null, metric: row.hasMetric });

describe('real plan formats', () => {
  describe('schema choice', () => {
    it('checks a plan whose headings name no net against tasks, and says so', () => {
      const result = lintAuto('# 2023年重点工作任务分解\n\n## 一、稳增长\n\n1. 新建学校3所。（牵头单位：市教育局；完成时限：2023年底前）\n');
      assert.equal(result.schema.schema.id, 'tasks');
      assert.equal(result.schema.from, 'auto');
      assert.deepEqual(
        result.diagnostics.map((d) => d.rule),
        [],
      );
    });

    it('checks a draft with a net heading (any script) against five-nets', () => {
      for (const heading of ['## 公共卫生防护网', '## 公共衛生防護網', '## Public Health Protection Net']) {
        const result = lintAuto(`# 方案\n\n${heading}\n\n1. 新建急救站20个（牵头单位：市卫健委；完成时限：2023年底前）\n`);
        assert.equal(result.schema.schema.id, 'five-nets', heading);
        assert.ok(
          result.diagnostics.some((d) => d.rule === 'missing-net'),
          heading,
        );
      }
    });

    it('lets the frontmatter name the schema, over the headings', () => {
      const result = lintAuto('---\nschema: five-nets\n---\n\n# 方案\n\n## 一、稳增长\n\n1. 新建学校3所（牵头单位：市教育局；完成时限：2023年底前）\n');
      assert.deepEqual({ id: result.schema.schema.id, from: result.schema.from }, { id: 'five-nets', from: 'frontmatter' });
      assert.ok(result.diagnostics.some((d) => d.rule === 'measure-outside-net'));
    });

    it('never applies the net rules to a tasks draft, even to a heading ending in 网', () => {
      const text = '# 方案\n\n## 一、织密城市交通网\n\n1. 新建公交线路5条（牵头单位：市交通局；完成时限：2023年底前）\n';
      const result = lintAuto(text);
      assert.equal(result.schema.schema.id, 'tasks');
      const rules = new Set(result.diagnostics.map((d) => d.rule));
      for (const rule of ['missing-net', 'unknown-net', 'empty-net', 'duplicate-net', 'measure-outside-net']) assert.ok(!rules.has(rule), rule);
    });

    it('changes schema between versions in one incremental linter when a net heading is added', () => {
      const linter = new IncrementalLinter({ schema: builtinSchema(), schemaFrom: 'auto' });
      const plan = '# 方案\n\n## 一、稳增长\n\n1. 新建学校3所（牵头单位：市教育局；完成时限：2023年底前）\n';
      assert.equal(linter.update(plan).schema.schema.id, 'tasks');
      const nets = plan.replace('一、稳增长', '公共卫生防护网');
      const result = linter.update(nets);
      assert.equal(result.schema.schema.id, 'five-nets');
      assert.deepEqual(
        result.diagnostics.map((d) => d.rule),
        lint(nets, { schema: builtinSchema() }).diagnostics.map((d) => d.rule),
      );
    });
  });

  describe('what is a measure', () => {
    it('numbered items without fields are measures in a tasks plan, so missing-owner can fire on them', () => {
      const text = '# 方案\n\n## 一、主要任务\n\n1. 建立应急物资储备制度，新建储备库3个，2023年底前完成。\n\n2. 完善应急预案体系。\n';
      assert.deepEqual(
        rows(text).map((row) => row.line),
        [5, 7],
      );
      assert.deepEqual(linesWith(text, 'missing-owner'), [5, 7]);
    });

    it('a cover letter before the plan is not measures: its numbered paragraphs instruct readers', () => {
      const text = [
        '各区人民政府，市人民政府各部门：',
        '',
        '现将方案印发给你们，并就有关事项通知如下：',
        '',
        '一、各责任单位要高度重视，并于2023年1月15日前将工作方案报区人民政府办公室。',
        '',
        '二、每季度最后一个月的30日前报送进展情况。',
        '',
        '区人民政府办公室',
        '',
        '2023年1月3日',
        '',
        '2023年主要目标任务责任分解方案',
        '',
        '(一)地区生产总值增长7%以上',
        '',
        '责任单位:区发展和改革局',
        '',
      ].join('\n');
      assert.deepEqual(rows(text).map(pick), [{ line: 15, owner: '区发展和改革局', coOwners: [], deadline: false, metric: true }]);
    });

    it('a cover letter in traditional script too', () => {
      const text = '各區人民政府，市人民政府各部門：\n\n一、請於2023年1月15日前報送工作方案。\n\n2023年1月3日\n\n## 一、主要任務\n\n1. 新建學校3所（牽頭單位：市教育局；完成時限：2023年底前）\n';
      assert.deepEqual(
        rows(text).map((row) => row.line),
        [9],
      );
    });

    it('a short section title followed by its own body is not a measure; the body with fields is', () => {
      const text = '# 方案\n\n（一）加强应急体系建设\n\n推进应急指挥平台建设，新建平台1个。（牵头单位：市应急局；完成时限：2023年底前）\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner]),
        [[5, '市应急局']],
      );
    });

    it('a group header whose deeper-numbered items follow is not a measure; the items are', () => {
      const text = '# 方案\n\n（一）加强应急体系建设\n\n1. 新建储备库3个（牵头单位：市应急局）\n\n2. 新建避难场所10处（牵头单位：市住建局）\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner]),
        [
          [5, '市应急局'],
          [7, '市住建局'],
        ],
      );
    });

    it('a group header ending with a colon before its bullets is not a measure (zh-Hant)', () => {
      const text = '# 方案\n\n- 改善環境衛生及市容:\n  - 新增公廁20座(食物環境衞生署)\n  - 清理黑點30處(食物環境衞生署)\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner]),
        [
          [4, '食物環境衞生署'],
          [5, '食物環境衞生署'],
        ],
      );
    });

    it('numbered paragraphs in every style: 204. 1、 （一） (1) ① 6.1.1 ６． and 一是', () => {
      for (const numbering of ['204.', '1、', '（二）', '(3)', '①', '6.1.1 ', '　　６．', '**2.** ']) {
        const text = `# 方案\n\n${numbering}推进项目建设，新建项目3个。\n\n${numbering}完善制度。\n`;
        assert.deepEqual(
          rows(text).map((row) => row.line),
          [3, 5],
          numbering,
        );
      }
      assert.deepEqual(
        rows('# 方案\n\n一是推进项目建设；二是完善制度。\n').map((row) => row.text),
        ['一是推进项目建设；', '二是完善制度。'],
      );
    });

    it('numbering must not run into a digit or a letter (3.5亿元, 4.D.i)', () => {
      const text = '# 方案\n\n3.5亿元用于项目建设。\n\n4.D.i, 1.A.i Strategic Plan Created 100%\n';
      assert.deepEqual(rows(text), []);
    });
  });

  describe('field lines after the item', () => {
    it('belong to that item, for every item in a run (zh-Hans)', () => {
      const text = '# 方案\n\n1.坚持常态化防控。\n\n责任单位:市卫健委、市疾控中心\n\n2.推进疫苗接种。\n\n牵头单位:市疾控中心\n\n完成时限:2023年6月底前\n';
      assert.deepEqual(rows(text).map(pick), [
        { line: 3, owner: '市卫健委', coOwners: ['市疾控中心'], deadline: false, metric: false },
        { line: 7, owner: '市疾控中心', coOwners: [], deadline: true, metric: false },
      ]);
      assert.deepEqual(linesWith(text, 'missing-owner'), []);
    });

    it('belong to that item in traditional script, and never make a textless measure', () => {
      const text = '# 方案\n\n(一)地區生產總值增長7%以上\n\n責任單位:區發展和改革局\n\n(二)工業投資增長12%以上\n\n責任單位:區科技和經信局\n';
      const found = rows(text);
      assert.deepEqual(
        found.map((row) => [row.line, row.owner]),
        [
          [3, '區發展和改革局'],
          [7, '區科技和經信局'],
        ],
      );
      assert.ok(found.every((row) => row.text.length > 0));
    });

    it('a field line after a numbered line that is no measure attaches to nothing', () => {
      // Outside every net of a five-nets draft, an unlabelled item is no measure: its field line must not start one.
      const text = '---\nschema: five-nets\n---\n\n(一)地区生产总值增长7%以上\n\n责任单位:区发展和改革局\n\n(二)工业投资增长12%以上\n\n责任单位:区科技和经信局\n';
      assert.deepEqual(rows(text), []);
    });
  });

  describe('labels without colons on their own line', () => {
    it('具体任务 ⏎ text ⏎ 责任单位 ⏎ units, as a 任务登记表 pasted from Word', () => {
      const text = '具体任务\n\n全面完成老年人群疫苗接种。\n\n责任单位\n\n卫健局、文旅局\n\n配合单位\n\n各乡镇\n\n完成时限\n\n12月底前完成\n';
      assert.deepEqual(rows(text).map(pick), [{ line: 3, owner: '卫健局', coOwners: ['文旅局', '各乡镇'], deadline: true, metric: false }]);
    });

    it('in traditional script', () => {
      const text = '具體任務\n\n全面完成老年人群疫苗接種。\n\n責任單位\n\n衛健局\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner]),
        [[3, '衛健局']],
      );
    });

    it('English: "Key Performance Indicators" lines under an action are its metric', () => {
      const text =
        '## Actions\n\n6.1.1 Provide all City employees with ICS training.\n\nKey Performance Indicators\n\n100% of division leaders receive ICS 300 training.\n\n6.1.2 Review the emergency operations plan.\n\nKey Performance Indicators\n\nDevelop a continuity of operations plan.\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.hasMetric]),
        [
          [3, true],
          [9, false],
        ],
      );
    });
  });

  describe('unlabelled owners in trailing parentheses', () => {
    const cases: Array<[string, string, string, string[]]> = [
      ['zh-Hans', '1. 推进院前急救体系建设，新建急救站20个。（市卫健委、市民政局）', '市卫健委', ['市民政局']],
      ['zh-Hant', '1. 在五年內把街頭露宿者數目減少至少 75%。(政務司副司長辦公室/相關政策局)', '政務司副司長辦公室', ['相關政策局']],
      ['en', '1. Open 20 cooling centres. (Office of Emergency Services / Public Works Department)', 'Office of Emergency Services', ['Public Works Department']],
    ];
    for (const [script, line, owner, coOwners] of cases) {
      it(`are owners when every part names a unit (${script})`, () => {
        const text = `# Plan\n\n${line}\n`;
        const [row] = rows(text);
        assert.deepEqual([row.owner, row.coOwners], [owner, coOwners]);
        assert.deepEqual(linesWith(text, 'missing-owner'), []);
      });
    }

    it('are not owners when the parentheses hold prose', () => {
      for (const line of ['1. 推进十年计划(2023-24 至 2032-33 年度)', '1. 成立领导小组（以下简称市领导小组）', '1. 推进重点项目（含续建项目）']) {
        assert.equal(rows(`# 方案\n\n${line}\n`)[0].owner, null, line);
      }
    });

    it('a quick fix adds the deadline inside the owner parentheses', () => {
      const text = '# 方案\n\n1. 新建急救站20个。（市卫健委、市民政局）\n';
      const fix = lintAuto(text).diagnostics.find((d) => d.rule === 'missing-deadline')?.fix;
      assert.ok(fix);
      const edit = fix.edits[0];
      assert.equal(text.slice(0, edit.span.start).endsWith('市卫健委、市民政局'), true);
    });
  });

  describe('grouped owners', () => {
    it('one （责任单位：…） line after sub-items (1)–(3) applies to each', () => {
      const text = '# 方案\n\n(1)新建储备库3个。\n\n(2)新建避难场所10处。\n\n(3)开展演练2次。\n\n（责任单位：市应急局、市消防救援支队）\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner, row.coOwners]),
        [
          [3, '市应急局', ['市消防救援支队']],
          [5, '市应急局', ['市消防救援支队']],
          [7, '市应急局', ['市消防救援支队']],
        ],
      );
      assert.deepEqual(linesWith(text, 'missing-owner'), []);
    });

    it('an owner given once at the end of a bullet group applies to each (zh-Hant)', () => {
      const text = '# 方案\n\n- 新增公廁20座\n- 清理黑點30處\n- 牽頭單位：食物環境衞生署\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner]),
        [
          [3, '食物環境衞生署'],
          [4, '食物環境衞生署'],
        ],
      );
    });

    it('is not shared when items name their own owners', () => {
      const text = '# 方案\n\n1.新建储备库3个。\n\n责任单位:市应急局\n\n2.新建避难场所10处。\n\n责任单位:市住建局\n';
      assert.deepEqual(
        rows(text).map((row) => row.owner),
        ['市应急局', '市住建局'],
      );
    });
  });

  describe('verb forms of the owner', () => {
    const cases: Array<[string, string, string | null, string[]]> = [
      ['X牵头', '1. 推进改革。（市发改委牵头）', '市发改委', []],
      ['X牽頭 (zh-Hant)', '1. 推進改革。（市發改委牽頭）', '市發改委', []],
      ['由X负责', '1. 推进改革，由市发改委负责。', '市发改委', []],
      ['X、Y牵头，Z按职责分工负责', '1. 推进改革。（市政府办公室、市审改办牵头，市级各有关部门及各区政府按职责分工负责）', '市政府办公室', ['市审改办', '市级各有关部门及各区政府']],
      ['X、Y牽頭,Z按職責分工負責 (zh-Hant)', '1. 推進改革。(市政府辦公室、市審改辦牽頭,市級各有關部門按職責分工負責)', '市政府辦公室', ['市審改辦', '市級各有關部門']],
    ];
    for (const [form, line, owner, coOwners] of cases) {
      it(form, () => {
        const [row] = rows(`# 方案\n\n${line}\n`);
        assert.deepEqual([row.owner, row.coOwners], [owner, coOwners]);
      });
    }

    it('按职责分工负责, 下同 notes and sentence punctuation are not units', () => {
      const text =
        '# 方案\n\n(一)加强市场体系建设。〔责任单位:省发展改革委、省市场监管局、省大数据中心按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕\n\n(二)优化准入环境。（牵头单位：市公安局。）\n';
      assert.deepEqual(
        rows(text).map((row) => [row.owner, row.coOwners]),
        [
          ['省发展改革委', ['省市场监管局', '省大数据中心']],
          ['市公安局', []],
        ],
      );
    });

    it('never splits a unit inside parentheses, and keeps a trailing 等', () => {
      const [row] = rows('# 方案\n\n1.坚持防控。\n\n责任单位:市疫情防控指挥部办公室、市卫生健康委等,各县(市、区)政府(管委会)\n');
      assert.deepEqual([row.owner, row.coOwners], ['市疫情防控指挥部办公室', ['市卫生健康委等', '各县(市、区)政府(管委会)']]);
    });
  });

  describe('task tables by meaning', () => {
    const headers: Array<[string, string, string, string]> = [
      ['重点任务', '牵头单位', '配合单位', '完成时限'],
      ['工作任务', '牵头责任单位', '协同配合单位', '时间节点'],
      ['目标任务', '主要责任单位', '协办单位', '完成时间'],
      ['主要内容', '责任单位', '配合单位', '完成时限'],
      ['重點工作', '牽頭單位', '配合單位', '完成時限'],
    ];
    for (const [task, owner, co, deadline] of headers) {
      it(`reads ${task} | ${owner} | ${co} | ${deadline}`, () => {
        const text = `# 方案\n\n| 序号 | ${task} | ${owner} | ${co} | ${deadline} | 分管领导 |\n| --- | --- | --- | --- | --- | --- |\n| 1 | 新建学校3所 | 市教育局 | 市财政局<br>市住建局 | 2023年底前 | 张三 |\n`;
        assert.deepEqual(rows(text).map(pick), [{ line: 5, owner: '市教育局', coOwners: ['市财政局', '市住建局'], deadline: true, metric: true }]);
      });
    }

    it('a column of people (责任人, 县领导) is not an owner column', () => {
      const text = '# 方案\n\n| 工作内容 | 县领导 | 责任人 |\n| --- | --- | --- |\n| 新建学校3所 | 张三 | 李四 |\n';
      const [row] = rows(text);
      assert.equal(row.owner, null);
      assert.deepEqual(linesWith(text, 'missing-owner'), [5]);
    });

    it('English columns: Action | Lead agency | Timeline', () => {
      const [row] = rows('# Plan\n\n| Action | Lead agency | Timeline |\n| --- | --- | --- |\n| Open 20 cooling centres | Public Works | By June 2024 |\n');
      assert.deepEqual(pick(row), { line: 5, owner: 'Public Works', coOwners: [], deadline: true, metric: true });
    });
  });

  describe('English plans', () => {
    it('"By <date>, <Department> will …": the subject owns it, by that date', () => {
      const text = '# 316\n\n## Strategic Resilience Coordination\n\nBy December 2023, OR3 will complete a strategic plan.\n\n### Key Steps\n\nDevelop a draft plan.\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner, row.deadline]),
        [[5, 'OR3', 'By December 2023']],
      );
    });

    it('an amended date: the first one is the deadline', () => {
      const [row] = rows('# Plan\n\nBy December 2021 December 2020, Planning will update the Hazard Mitigation Plan.\n');
      assert.deepEqual([row.owner, row.deadline], ['Planning', 'By December 2021']);
    });

    it('explicit labels: Lead agency, Responsible, Owner, Timeline, Due', () => {
      const text =
        '# Plan\n\n1. Open 20 cooling centres (Lead agency: Public Works; Timeline: June 2024)\n2. Train 300 volunteers (Owner: Fire Department; Due: 2024-12-31)\n3. Publish 4 reports (Responsible: Health Services; Deadline: by end-2025)\n';
      assert.deepEqual(
        rows(text).map((row) => [row.owner, row.deadline]),
        [
          ['Public Works', 'June 2024'],
          ['Fire Department', '2024-12-31'],
          ['Health Services', 'by end-2025'],
        ],
      );
      assert.deepEqual(linesWith(text, 'missing-owner').concat(linesWith(text, 'missing-deadline')), []);
    });
  });

  describe('deadlines', () => {
    it('relative limits are deadlines, counted from the document date (5年内, 在五年內, within five years)', () => {
      const text =
        '---\ndate: 2012-10-30\n---\n\n# 方案\n\n1. 5年内重点引进100名人才（牵头单位：市人社局）\n\n2. 在五年內減少75%露宿者(社會福利署)\n\n3. Build 2,000 homes within five years (Lead agency: Housing Department)\n';
      const found = rows(text);
      assert.deepEqual(
        found.map((row) => row.deadline !== null),
        [true, true, true],
      );
      assert.deepEqual(found[0].deadlineNormalized, { start: '2012-10-30', end: '2017-10-29' });
    });

    it('frequencies and programme lengths are not deadlines (每年, 为期一年, annually)', () => {
      const text = '# 方案\n\n1. 每年开展演练2次（牵头单位：市应急局）\n\n2. 开展为期一年的专项整治（牵头单位：市公安局）\n\n3. Conduct one citywide drill annually (Lead agency: OES)\n';
      assert.deepEqual(
        rows(text).map((row) => row.deadline),
        [null, null, null],
      );
    });
  });

  describe('text pasted from Word', () => {
    it('full-width indents and digits, no blank lines: each numbered line is a measure with its own diagnostics', () => {
      const text =
        '# 方案\n\n　　５．加强应急队伍建设，新建队伍3支。（牵头单位：市应急局；完成时限：2023年底前）\n　　６．加强物资储备，尽快完成。\n　　7、完善预案体系。（牵头单位：市应急局；完成时限：2023年底前；指标：修订预案5个）\n';
      assert.deepEqual(
        rows(text).map((row) => row.line),
        [3, 4, 5],
      );
      assert.deepEqual(linesWith(text, 'missing-owner'), [4]);
      assert.deepEqual(linesWith(text, 'vague-deadline'), [4]);
    });

    it('a pasted numbered line that Markdown folds into the list item before it is a measure of its own', () => {
      const text = '# 方案\n\n1. 加强应急队伍建设，新建队伍3支。（牵头单位：市应急局；完成时限：2023年底前）\n　　6．加强物资储备，尽快完成。\n';
      assert.deepEqual(
        rows(text).map((row) => [row.line, row.owner]),
        [
          [3, '市应急局'],
          [4, null],
        ],
      );
      assert.deepEqual(linesWith(text, 'missing-owner'), [4]);
    });
  });

  describe('metrics', () => {
    it('a number inside a name, a quotation or a programme title is not a metric; a quota is', () => {
      const text =
        '# 方案\n\n1. 全面开展“十大行动”。（牵头单位：市发改委）\n\n2. 举办第四届运动会。（牵头单位：市体育局）\n\n3. 力争实现“一村两名大学生村官”目标。（牵头单位：市委组织部）\n\n4. 新增学位1.2万个。（牵头单位：市教育局）\n';
      assert.deepEqual(
        rows(text).map((row) => row.hasMetric),
        [false, false, true, true],
      );
    });

    it('a metric field without a quantity is not a measurable metric (指标：全覆盖)', () => {
      const [row] = rows('# 方案\n\n1. 推进社区服务全覆盖（牵头单位：市民政局；完成时限：2023年底前；指标：全覆盖）\n');
      assert.equal(row.hasMetric, false);
      assert.deepEqual(row.missing, ['metric']);
    });
  });
});

describe("quick fixes follow the draft's own style", () => {
  const fixed = (text: string, rule: string): string => {
    const fix = lintAuto(text).diagnostics.find((d) => d.rule === rule && d.range.start.line === 6)?.fix;
    assert.ok(fix, rule);
    const edit = fix.edits[0];
    return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
  };

  it('an item whose siblings give fields as paragraphs gets a field paragraph after it', () => {
    const text = '# 方案\n\n1.新建储备库3个。\n\n责任单位：市应急局\n\n2.新建避难场所10处。\n';
    assert.equal(fixed(text, 'missing-owner'), '# 方案\n\n1.新建储备库3个。\n\n责任单位：市应急局\n\n2.新建避难场所10处。\n\n牵头单位：【待填写】\n');
    const after = lintAuto(fixed(text, 'missing-owner'));
    // The inserted field belongs to the measure: what remains is its unfilled placeholder, not a missing field.
    const owners = after.diagnostics.filter((d) => d.rule === 'missing-owner');
    assert.deepEqual(
      owners.map((d) => [d.range.start.line, d.fix]),
      [[8, null]],
    );
    assert.match(owners[0].message, /【待填写】/u);
  });

  it('an item with owners in trailing parentheses gets its deadline inside them', () => {
    const text = '# 方案\n\n1.新建储备库3个。（市应急局）\n\n\n\n2.新建避难场所10处。（市住建局、市应急局）\n';
    assert.equal(fixed(text, 'missing-deadline'), '# 方案\n\n1.新建储备库3个。（市应急局）\n\n\n\n2.新建避难场所10处。（市住建局、市应急局；完成时限：【待填写】）\n');
  });
});

describe('cover letters never swallow the plan', () => {
  it('the letter ends at the plan title when the signature has no date', () => {
    const text = '各区人民政府，市直各部门：\n\n现将方案印发给你们，请认真贯彻落实。\n\n市人民政府办公厅\n\n2023年重点工作任务分解方案\n\n1.新建学校3所。\n\n2.完善制度。\n';
    assert.deepEqual(
      rows(text).map((row) => row.line),
      [9, 11],
    );
  });

  it('an item naming its owner ends the letter', () => {
    const text = '各區人民政府，市直各部門：\n\n1.新建學校3所。（牽頭單位：市教育局）\n\n2.完善制度。\n';
    assert.deepEqual(
      rows(text).map((row) => row.line),
      [3, 5],
    );
  });
});

describe('numbering levels', () => {
  it('orders 一、 > （一） > 1. > (1) > ①, bold or not', () => {
    assert.deepEqual(['一、', '（一）', '1.', '**1.** ', '　　６．', '(1)', '1)', '①', '6.1 ', '6.1.1 '].map(numberingLevel), [1, 2, 3, 3, 3, 4, 4, 5, 4, 5]);
  });
});
