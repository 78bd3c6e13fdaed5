/**
 * The hover on a draft's title: which schema the draft is checked against and why, for
 * every way a schema is chosen (the LSP tests cover auto and frontmatter over stdio), in
 * each locale.
 */
import { strict as assert } from 'node:assert';
import { lint, lintOptionsFor, type Locale } from '../../server/src/engine';
import { defaultResolvedConfig } from '../../server/src/engine/config';
import { hoverAt, schemaReason, type HoverInput } from '../../server/src/engine/hover';
import { builtinSchema, tasksSchema } from '../../server/src/engine/schema';

const PLAN = ['# 重点任务分工', '', '## 一、扩大投资', '', '1. 新开工项目120个（牵头单位：市发改委；完成时限：2021年底前）', ''].join('\n');

function titleHover(text: string, locale: Locale, schemaFrom: 'cli' | 'config' | 'auto', offset: number): string | null {
  const options = { ...lintOptionsFor(defaultResolvedConfig(process.cwd())), schemaFrom };
  const result = lint(text, options);
  const input: HoverInput = {
    text,
    model: result.model,
    lines: result.lines,
    schema: result.schema.schema,
    glossary: result.schema.schema.glossary,
    roster: [],
    locale,
    today: '2021-01-01',
    documentDate: null,
    schemaFrom: result.schema.from,
  };
  return hoverAt(input, offset)?.markdown ?? null;
}

describe('hover on the title: the schema and why', () => {
  it('says why in each locale for each way a schema is chosen', () => {
    const tasks = tasksSchema();
    const fiveNets = builtinSchema();
    assert.equal(schemaReason(tasks, 'cli', 'en'), 'given on the command line with --schema');
    assert.equal(schemaReason(tasks, 'config', 'zh-CN'), '配置文件写明 schema: tasks');
    assert.equal(schemaReason(fiveNets, 'frontmatter', 'zh-TW'), '文稿頭部寫明 schema: five-nets');
    assert.equal(schemaReason(fiveNets, 'auto', 'en'), 'chosen automatically: a heading names one of its nets');
    assert.equal(schemaReason(tasks, 'auto', 'zh-TW'), '自動選擇：沒有標題點出任何一張網');
  });

  it('names the tasks schema in traditional script, with its description', () => {
    const markdown = titleHover(PLAN, 'zh-TW', 'auto', 3);
    assert.equal(markdown, '**任務分工**\n\n通用任務分工：章節即方案自身的標題，每項措施都須寫明責任單位、量化指標和完成時限。\n\n檢查方案 `tasks`：自動選擇：沒有標題點出任何一張網');
  });

  it('says the command line chose the schema, even against the headings', () => {
    // --schema five-nets for every file: a plan without net headings is still checked by nets.
    const markdown = titleHover(PLAN, 'en', 'cli', 3);
    assert.match(markdown ?? '', /^\*\*Five Nets\*\*\n\nWuhan's five nets/u);
    assert.ok(markdown?.endsWith('Schema `five-nets`: given on the command line with --schema'), markdown ?? 'no hover');
  });

  it('is only on the first heading, and not on a net heading that comes first', () => {
    assert.equal(titleHover(PLAN, 'en', 'auto', PLAN.indexOf('扩大')), null);
    const netsFirst = ['## 城市应急处置网', '', '1. 建设储备库3个（牵头单位：市应急管理局；完成时限：2021年底前）', ''].join('\n');
    const net = titleHover(netsFirst, 'en', 'auto', 4) ?? '';
    assert.match(net, /^\*\*Urban Emergency Response Net\*\*/u);
    assert.doesNotMatch(net, /Schema `/u);
  });
});

describe('hover on a deadline', () => {
  const text = '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年6月底前）\n';
  const deadlineHover = (documentDate: string | null): string => {
    const options = lintOptionsFor(defaultResolvedConfig(process.cwd()));
    const result = lint(text, { ...options, documentDate });
    const input: HoverInput = { text, model: result.model, lines: result.lines, schema: result.schema.schema, glossary: [], roster: [], locale: 'en', today: '2021-01-01', documentDate, schemaFrom: result.schema.from };
    return hoverAt(input, text.indexOf('2021年6月底前') + 2)?.markdown ?? '';
  };

  it('counts the days from today and from the document date when they differ', () => {
    const hover = deadlineHover('2020-12-01');
    assert.match(hover, /180 days left \(today is 2021-01-01\)/u);
    assert.match(hover, /211 days after the document date 2020-12-01/u);
  });

  it('does not repeat the day count for a draft dated today (New Policy Draft)', () => {
    const hover = deadlineHover('2021-01-01');
    assert.equal(hover.match(/180 days/gu)?.length, 1, hover);
    assert.doesNotMatch(hover, /document date/u);
  });
});
