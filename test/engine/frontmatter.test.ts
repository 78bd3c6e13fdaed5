import * as assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { parseFrontmatter, simpleFrontmatter } from '../../server/src/engine/parse/frontmatter';
import { prng } from '../../bench/generate';

const yaml = (source: string): unknown => parseYaml(source, { logLevel: 'error' });

describe('front matter without the yaml library', () => {
  it('reads the front matter drafts write (title, an ISO date, a schema id, comments)', () => {
    const source = '# 封面信息\ntitle: 武汉市织牢织密“五张网”实施方案（第1号）\ndate: 2020-07-01\nschema: tasks\r\nsource: http://zt.cjn.cn/zt2022/t4327000.htm\n\nempty:';
    const expected = { title: '武汉市织牢织密“五张网”实施方案（第1号）', date: '2020-07-01', schema: 'tasks', source: 'http://zt.cjn.cn/zt2022/t4327000.htm', empty: null };
    assert.deepEqual(simpleFrontmatter(source), expected);
    assert.deepEqual(yaml(source), expected);
  });

  /** Values the library reads as something other than the text written, or rejects. */
  const DECLINED = [
    'date: 2018', // a number
    'title: true', // a boolean
    'title: NULL',
    'title: ~',
    'title: 0x1F',
    'title: .5',
    'title: +12',
    'title: 08',
    'title: 1e+5',
    'title: -.inf',
    'title: -', // a sequence indicator
    'title: "quoted"',
    "title: 'quoted'",
    'title: a # comment',
    'title: a: b',
    'title: a:',
    'title:\tvalue',
    '  title: indented',
    'title: a\n  continued',
    'a: 1\na: 2', // a repeated key (the library throws)
    '- list',
    'title: [a, b]',
    'title: {a: b}',
    'title: &anchor a',
    'title: *alias',
    'title: !tag a',
    'title: |',
    'title: >',
    '"key": value',
    '__proto__: x',
    'title: 😀', // astral: left to the library
    'title: a\u0007b',
    '---',
  ];
  for (const source of DECLINED) {
    it(`leaves ${JSON.stringify(source)} to the yaml library`, () => {
      assert.equal(simpleFrontmatter(source), undefined);
    });
  }

  it('agrees with the yaml library wherever it answers (2,000 seeded inputs)', () => {
    const random = prng(20261204);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const keys = ['title', 'date', 'schema', 'source', 'author', 'Title', 'x_y', 'a-b'];
    const values = [
      '武汉市实施方案',
      '2020-07-01',
      '2020-7-1',
      '2021',
      'tasks',
      'five-nets',
      'true',
      'no',
      'yes',
      'null',
      'Null',
      '~',
      '0x10',
      '1e3',
      '.inf',
      'a # b',
      'a#b',
      'C#',
      'a: b',
      'a:b',
      '12:30',
      '"q"',
      "'q'",
      'q"q',
      '-',
      '- a',
      '[a]',
      '{a}',
      '&a',
      '*a',
      '!a',
      '|',
      '>',
      '%a',
      '@a',
      '`a`',
      '6.1 Enhance',
      '1_000',
      '0b101',
      '1e',
      '1.2.3',
      '+',
      '.',
      '+.5',
      '0o8',
      '08',
      '1.',
      '-1',
      '-a',
      '+a',
      '.a',
      '1e+5',
      '0X1F',
      '.NaN',
      '-.inf',
      '方案（“五张网”）',
      '鄂政办发〔2018〕4号',
      'http://a.b/c?d=e',
      'a\tb',
      '  spaced  ',
      '',
      '？',
      ':',
      '?',
      ',a',
      'a,',
      '中文：冒号',
    ];
    const separators = [': ', ':', ':  ', ':\t'];
    // Half the lines as drafts write them, so both readers answer often.
    const usual = ['武汉市实施方案', '2020-07-01', '6.1 Enhance', 'tasks', 'five-nets', '方案（“五张网”）', 'http://a.b/c?d=e', 'C#', 'a:b'];
    const value = () => (random() < 0.5 ? pick(usual) : pick(values));
    const separator = () => (random() < 0.6 ? ': ' : pick(separators));
    let answered = 0;
    for (let i = 0; i < 2000; i++) {
      const lines: string[] = [];
      const count = 1 + Math.floor(random() * 4);
      for (let j = 0; j < count; j++) {
        const roll = random();
        if (roll < 0.08) lines.push('# comment');
        else if (roll < 0.12) lines.push('');
        else if (roll < 0.15) lines.push(`  ${pick(keys)}: ${value()}`);
        else lines.push(`${pick(keys)}${separator()}${value()}`);
      }
      const source = lines.join(random() < 0.2 ? '\r\n' : '\n');
      const fast = simpleFrontmatter(source);
      if (fast === undefined) continue;
      answered++;
      assert.deepEqual(fast, yaml(source), `front matter ${JSON.stringify(source)}`);
    }
    // The comparison means something only if the simple reader answered often.
    assert.ok(answered > 400, `the simple reader answered ${answered} of 2,000 inputs`);
  });

  it('parseFrontmatter falls back to the library, errors included', () => {
    assert.deepEqual(parseFrontmatter('tags: [a, b]'), { tags: ['a', 'b'] });
    assert.throws(() => parseFrontmatter('a: 1\na: 2'));
  });
});
