import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import fiveNetsGenerated from '../../server/src/engine/schema/five-nets.generated';
import tasksGenerated from '../../server/src/engine/schema/tasks.generated';
import configJsonSchema from '../../server/src/engine/schema/fivenets-config.schema.json';
import { builtinSchema, builtinSchemaIds, getBuiltinSchema, loadSchemaText, LocatedError, POLICY_SCHEMA_JSON_SCHEMA, SchemaError, type PolicySchema } from '../../server/src/engine/schema/index';
import { loadSchemaFile } from '../../server/src/engine/schema/data-file';
import { validatorFor } from '../../server/src/engine/schema/located';
import { simplify, traditionalize } from '../../server/src/engine/script';

const ROOT = path.resolve(__dirname, '..', '..');
const SCHEMA_DIR = path.join(ROOT, 'server', 'src', 'engine', 'schema');
const YAML_FILE = path.join(SCHEMA_DIR, 'five-nets.yaml');

/** Every term the built-in glossary must define. */
const REQUIRED_TERMS = [
  '五张网',
  '城市应急处置网',
  '公共卫生防护网',
  '基层社会治理网',
  '矛盾风险化解网',
  '城市精细管理网',
  '防治一体化',
  '公共卫生总师',
  '首席公共卫生专家',
  '院前急救',
  '10分钟医疗急救圈',
  '双报到',
  '下沉社区',
  '两新一重',
  '一网通办',
  '全城通办',
  '秒报秒批秒办',
  '店小二',
  '15分钟生活圈',
  '产业地图',
  '公益性岗位',
];

/** Catch the error thrown by `fn` and check it is a SchemaError. */
function schemaErrorOf(fn: () => unknown): SchemaError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof SchemaError, `expected SchemaError, got ${String(err)}`);
    assert.ok(err instanceof LocatedError);
    assert.ok(!err.message.includes('\n'), `message must be one line: ${JSON.stringify(err.message)}`);
    assert.equal(err.message, `${err.file}:${err.line}:${err.column}: ${err.detail}`);
    return err;
  }
  assert.fail('expected a SchemaError');
}

/** 1-based line of the first line of `text` containing `needle` after line `after`. */
function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split('\n');
  for (let i = after; i < lines.length; i++) if (lines[i].includes(needle)) return i + 1;
  throw new Error(`${needle} not found`);
}

const MINIMAL = `id: mini
name:
  zh-Hans: 两张网
  zh-Hant: 兩張網
  en: Two Nets
requiredFields: [owner, deadline]
nets:
  - id: first
    names:
      zh-Hans: 甲网
      zh-Hant: 甲網
      en: First Net
  - id: second
    names:
      zh-Hans: 乙网
      zh-Hant: 乙網
      en: Second Net
`;

describe('built-in five-nets schema', () => {
  const schema = builtinSchema();

  it('has the five-nets id, names and required fields', () => {
    assert.equal(schema.id, 'five-nets');
    assert.deepEqual(schema.name, { 'zh-Hans': '五张网', 'zh-Hant': '五張網', en: 'Five Nets' });
    assert.deepEqual(schema.requiredFields, ['owner', 'metric', 'deadline']);
  });

  it('has the five nets in order, named in all three scripts', () => {
    assert.deepEqual(
      schema.nets.map((n) => [n.id, n.names['zh-Hans'], n.names['zh-Hant'], n.names.en]),
      [
        ['emergency-response', '城市应急处置网', '城市應急處置網', 'Urban Emergency Response Net'],
        ['public-health', '公共卫生防护网', '公共衛生防護網', 'Public Health Protection Net'],
        ['community-governance', '基层社会治理网', '基層社會治理網', 'Grassroots Social Governance Net'],
        ['risk-resolution', '矛盾风险化解网', '矛盾風險化解網', 'Conflict and Risk Resolution Net'],
        ['fine-management', '城市精细管理网', '城市精細管理網', 'Urban Fine Management Net'],
      ],
    );
  });

  it('spells traditional names as OpenCC converts the simplified ones', () => {
    for (const net of schema.nets) {
      assert.notEqual(net.names['zh-Hant'], net.names['zh-Hans'], net.id);
      assert.equal(traditionalize(net.names['zh-Hans']), net.names['zh-Hant'], net.id);
      assert.equal(simplify(net.names['zh-Hant']), net.names['zh-Hans'], net.id);
      assert.match(net.names.en, /^[A-Z][A-Za-z ]+ Net$/, net.id);
    }
    assert.equal(traditionalize(schema.name['zh-Hans']), schema.name['zh-Hant']);
  });

  it('gives every net aliases, a bilingual description and keywords', () => {
    for (const net of schema.nets) {
      assert.ok(net.aliases.length >= 4, `${net.id} aliases`);
      assert.ok(
        net.aliases.some((a) => /[\u4e00-\u9fff]/.test(a)),
        `${net.id} has a Chinese alias`,
      );
      assert.ok(
        net.aliases.some((a) => /^[A-Za-z ]+$/.test(a)),
        `${net.id} has an English alias`,
      );
      assert.ok(net.description['zh-Hans'].length >= 10, `${net.id} zh description`);
      assert.ok(net.description.en.split(' ').length >= 8, `${net.id} en description`);
      assert.ok(net.keywords.length >= 8, `${net.id} keywords`);
    }
  });

  it('knows the usual aliases and keywords of each net', () => {
    const byId = new Map(schema.nets.map((n) => [n.id, n]));
    const expected: Record<string, { aliases: string[]; keywords: string[] }> = {
      'emergency-response': { aliases: ['应急处置网', '城市应急网', 'Emergency Response Net'], keywords: ['应急', '救援', '物资储备'] },
      'public-health': { aliases: ['公共卫生网', '卫生防护网', 'Public Health Net'], keywords: ['疾控', '院前急救', '医疗'] },
      'community-governance': { aliases: ['社会治理网', '基层治理网'], keywords: ['社区', '网格', '双报到'] },
      'risk-resolution': { aliases: ['风险化解网', '矛盾化解网'], keywords: ['信访', '调解', '矛盾'] },
      'fine-management': { aliases: ['精细管理网', '城市管理网'], keywords: ['城管', '市容', '智慧城市'] },
    };
    for (const [id, want] of Object.entries(expected)) {
      const net = byId.get(id);
      assert.ok(net, id);
      for (const alias of want.aliases) assert.ok(net.aliases.includes(alias), `${id} alias ${alias}`);
      for (const keyword of want.keywords) assert.ok(net.keywords.includes(keyword), `${id} keyword ${keyword}`);
    }
  });

  it('never gives one name or alias to two nets (compared on simplified, lower-case text)', () => {
    const owner = new Map<string, string>();
    for (const net of schema.nets) {
      for (const name of [net.names['zh-Hans'], net.names['zh-Hant'], net.names.en, ...net.aliases]) {
        const key = simplify(name).toLowerCase();
        const other = owner.get(key);
        assert.ok(other === undefined || other === net.id, `${name} is used by ${other} and ${net.id}`);
        owner.set(key, net.id);
      }
    }
  });

  it('has a glossary covering every listed term, with both definitions', () => {
    const terms = schema.glossary.map((g) => g.term);
    for (const term of REQUIRED_TERMS) assert.ok(terms.includes(term), `glossary lacks ${term}`);
    assert.equal(new Set(terms).size, terms.length, 'terms are unique');
    for (const entry of schema.glossary) {
      assert.ok(entry.definition['zh-Hans'].length >= 8, `${entry.term} zh definition`);
      assert.ok(entry.definition.en.length >= 20, `${entry.term} en definition`);
      assert.ok(Array.isArray(entry.aliases), `${entry.term} aliases`);
    }
  });

  it('records the facts behind key glossary terms', () => {
    const get = (term: string) => {
      const entry = schema.glossary.find((g) => g.term === term);
      assert.ok(entry, term);
      return entry;
    };
    const fiveNets = get('五张网');
    assert.ok(fiveNets.aliases.includes('五張網'));
    assert.match(fiveNets.definition['zh-Hans'], /2020年6月28日/);
    assert.match(fiveNets.definition['zh-Hans'], /十三届九次全会/);
    for (const net of schema.nets) assert.ok(fiveNets.definition['zh-Hans'].includes(net.names['zh-Hans']), net.id);
    assert.match(fiveNets.definition.en, /28 June 2020/);

    assert.ok(get('15分钟生活圈').aliases.includes('一刻钟便民生活圈'));
    const circle = get('10分钟医疗急救圈');
    assert.ok(circle.aliases.includes('医疗急救圈'));
    assert.match(circle.definition['zh-Hans'], /10分钟/);
    assert.match(circle.definition['zh-Hans'], /12分钟/);
    assert.match(get('双报到').definition['zh-Hans'], /街道吹哨、部门报到；社区吹哨、党员报到/);
    assert.match(get('双报到').definition['zh-Hans'], /2020年6月/);
    assert.match(get('下沉社区').definition.en, /580,000/);
    assert.match(get('两新一重').definition['zh-Hans'], /2020年/);
    assert.match(get('公益性岗位').definition['zh-Hans'], /3年/);
    assert.match(get('秒报秒批秒办').definition['zh-Hans'], /深圳/);
  });

  it('documents the four fields in both languages, with examples', () => {
    for (const kind of ['owner', 'coOwners', 'metric', 'deadline'] as const) {
      const doc = schema.fields[kind];
      assert.ok(doc.description['zh-Hans'] && doc.description.en, `${kind} description`);
      assert.ok(doc.example['zh-Hans'] && doc.example.en, `${kind} example`);
    }
    assert.equal(schema.fields.owner.example['zh-Hans'], '牵头单位：市卫健委');
    assert.match(schema.fields.coOwners.example['zh-Hans'], /^责任单位：各区人民政府/);
    assert.equal(schema.fields.deadline.example['zh-Hans'], '完成时限：2021年12月底前');
    assert.equal(schema.fields.metric.example['zh-Hans'], '指标：院前急救平均反应时间≤10分钟');
  });

  it('is cached and frozen', () => {
    assert.equal(builtinSchema(), schema);
    assert.ok(Object.isFrozen(schema));
    assert.ok(Object.isFrozen(schema.nets[0].aliases));
    assert.ok(Object.isFrozen(schema.glossary[0].definition));
    assert.throws(() => (schema.nets as unknown[]).push({}), TypeError);
  });

  it('is a built-in beside tasks, looked up by id', () => {
    assert.deepEqual(builtinSchemaIds(), ['five-nets', 'tasks']);
    assert.equal(getBuiltinSchema('five-nets'), schema);
    assert.equal(getBuiltinSchema('tasks')?.nets.length, 0);
    assert.equal(getBuiltinSchema('nine-nets'), null);
    assert.equal(getBuiltinSchema('toString'), null);
  });
});

describe('five-nets.generated.ts', () => {
  it('is fresh (gen-schema.mjs --check)', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-schema.mjs'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `generated schema is stale: ${result.stderr}${result.stdout}`);
  });

  it('holds exactly the data of five-nets.yaml', () => {
    assert.deepEqual(fiveNetsGenerated, parseYaml(fs.readFileSync(YAML_FILE, 'utf8')));
  });

  it('equals five-nets.yaml loaded and validated like a custom schema', () => {
    const loaded: PolicySchema = loadSchemaFile(YAML_FILE);
    assert.deepEqual(loaded, builtinSchema());
  });
});

describe('loadSchemaText', () => {
  it('loads a minimal custom schema and fills the optional parts', () => {
    const schema = loadSchemaText(MINIMAL, 'mini.yaml');
    assert.equal(schema.id, 'mini');
    assert.deepEqual(schema.requiredFields, ['owner', 'deadline']);
    assert.equal(schema.nets.length, 2);
    assert.deepEqual(schema.nets[0].aliases, []);
    assert.deepEqual(schema.nets[0].keywords, []);
    assert.deepEqual(schema.nets[0].description, { 'zh-Hans': '甲网', en: 'First Net' });
    assert.deepEqual(schema.glossary, []);
    assert.deepEqual(schema.fields, builtinSchema().fields);
    assert.ok(!Object.isFrozen(schema.nets), 'custom schemas are fresh objects');
  });

  it('loads the same schema written as JSON', () => {
    const json = JSON.stringify(parseYaml(MINIMAL), null, 2);
    assert.deepEqual(loadSchemaText(json, 'mini.json'), loadSchemaText(MINIMAL, 'mini.yaml'));
  });

  it('reports a YAML syntax error on its line', () => {
    const text = MINIMAL.replace('      en: Second Net', '      en: Second Net\n     keywords: [a, b]');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.equal(err.file, 'custom.yaml');
    assert.equal(err.line, lineOf(text, 'keywords: [a, b]'));
    assert.match(err.detail, /^invalid YAML: /);
  });

  it('reports a JSON syntax error on its line', () => {
    const text = '{\n  "id": "x",\n  "nets": [\n    { "id": "a" ]\n}\n';
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.json'));
    assert.equal(err.line, 4);
    assert.match(err.detail, /^invalid JSON: /);
  });

  it('reports nets[1].names missing en at that entry', () => {
    const text = MINIMAL.replace('      en: Second Net\n', '');
    const err = schemaErrorOf(() => loadSchemaText(text, 'schemas/custom.yaml'));
    assert.equal(err.file, 'schemas/custom.yaml');
    assert.equal(err.line, lineOf(text, 'names:', lineOf(text, '- id: second')));
    assert.equal(err.column, 5);
    assert.equal(err.detail, 'nets[1].names.en is required');
    assert.equal(err.message, `schemas/custom.yaml:${err.line}:5: nets[1].names.en is required`);
  });

  it('reports the same error in a JSON schema at the line of that entry', () => {
    const data = parseYaml(MINIMAL) as { nets: Array<{ names: Record<string, string> }> };
    delete data.nets[1].names.en;
    const text = JSON.stringify(data, null, 2);
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.json'));
    assert.equal(err.detail, 'nets[1].names.en is required');
    const secondNet = lineOf(text, '"second"');
    assert.equal(err.line, lineOf(text, '"names"', secondNet));
  });

  it('reports a wrong type at the offending value', () => {
    const text = MINIMAL.replace('requiredFields: [owner, deadline]', 'requiredFields: owner');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.equal(err.detail, 'requiredFields must be a list');
    assert.equal(err.line, 6);
    assert.equal(err.column, 17);
  });

  it('reports a value outside an enum', () => {
    const text = MINIMAL.replace('requiredFields: [owner, deadline]', 'requiredFields: [owner, budget]');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.equal(err.detail, 'requiredFields[1] must be one of owner, metric, deadline');
    assert.equal(err.line, 6);
    assert.equal(err.column, 25);
  });

  it('suggests the right name for a misspelt property', () => {
    const text = MINIMAL.replace('  - id: second\n', '  - id: second\n    alias: [乙]\n');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.equal(err.detail, 'nets[1].alias is not a known property (did you mean aliases?)');
    assert.equal(err.line, lineOf(text, 'alias: [乙]'));
  });

  it('refuses a duplicate net id at the second one', () => {
    const text = MINIMAL.replace('id: second', 'id: first');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.equal(err.detail, 'nets[1].id "first" is already used by nets[0]');
    assert.equal(err.line, lineOf(text, 'id: first', 8));
  });

  it('refuses an alias that names another net, also across scripts', () => {
    const text = MINIMAL.replace('  - id: second\n', '  - id: second\n    aliases: [甲網]\n');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.match(err.detail, /names both first and second/);
    assert.equal(err.line, lineOf(text, 'aliases: [甲網]'));
  });

  it('refuses an empty file and a non-mapping', () => {
    assert.equal(schemaErrorOf(() => loadSchemaText('# nothing\n', 'empty.yaml')).detail, 'the schema file is empty');
    assert.equal(schemaErrorOf(() => loadSchemaText('- a\n', 'list.yaml')).detail, 'the file must be a mapping of keys to values');
  });

  it('treats tags as plain data (never code)', () => {
    const text = MINIMAL.replace('id: mini', 'id: !!js/function "function () { globalThis.__fivenetsPwned = true }"');
    const err = schemaErrorOf(() => loadSchemaText(text, 'custom.yaml'));
    assert.match(err.detail, /^id must be kebab-case/);
    assert.equal((globalThis as Record<string, unknown>).__fivenetsPwned, undefined);
  });
});

describe('loadSchemaFile', () => {
  it('reads a schema file and names it in errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-schema-'));
    try {
      const good = path.join(dir, 'good.yaml');
      fs.writeFileSync(good, MINIMAL);
      assert.equal(loadSchemaFile(good).id, 'mini');
      const bad = path.join(dir, 'bad.yaml');
      fs.writeFileSync(bad, MINIMAL.replace('id: second', 'id: Second'));
      const err = schemaErrorOf(() => loadSchemaFile(bad));
      assert.equal(err.file, bad);
      assert.equal(err.line, lineOf(MINIMAL, 'id: second'));
      assert.match(err.detail, /^nets\[1\]\.id must be kebab-case/);
      const missing = schemaErrorOf(() => loadSchemaFile(path.join(dir, 'missing.yaml')));
      assert.equal(missing.detail, 'file not found');
      assert.deepEqual([missing.line, missing.column], [1, 1]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('JSON Schemas', () => {
  type JsonSchemaNode = Record<string, unknown>;

  /** Every property, list item and map value must carry a description (shown on hover). */
  function assertDescribed(node: JsonSchemaNode, where: string, missing: string[]): void {
    const props = node.properties as Record<string, JsonSchemaNode> | undefined;
    for (const [key, child] of Object.entries(props ?? {})) {
      if (typeof child.description !== 'string' || child.description.length < 10) missing.push(`${where}.${key}`);
      assertDescribed(child, `${where}.${key}`, missing);
    }
    for (const k of ['items', 'additionalProperties'] as const) {
      const child = node[k];
      if (child && typeof child === 'object') {
        if (typeof (child as JsonSchemaNode).description !== 'string') missing.push(`${where}.${k}`);
        assertDescribed(child as JsonSchemaNode, `${where}.${k}`, missing);
      }
    }
    for (const [key, child] of Object.entries((node.definitions ?? {}) as Record<string, JsonSchemaNode>)) {
      assertDescribed(child, `#/definitions/${key}`, missing);
    }
  }

  for (const [name, jsonSchema] of [
    ['policy-schema.schema.json', POLICY_SCHEMA_JSON_SCHEMA],
    ['fivenets-config.schema.json', configJsonSchema],
  ] as const) {
    it(`${name} is draft-07, compiles in strict ajv and describes every property`, () => {
      const node = jsonSchema as JsonSchemaNode;
      assert.equal(node.$schema, 'http://json-schema.org/draft-07/schema#');
      assert.equal(node.additionalProperties, false);
      assert.equal(typeof validatorFor(jsonSchema), 'function');
      const missing: string[] = [];
      assertDescribed(node, '', missing);
      assert.deepEqual(missing, []);
    });
  }

  it('the config schema has exactly the documented settings', () => {
    assert.deepEqual(Object.keys(configJsonSchema.properties).sort(), ['$schema', 'date', 'docsUrl', 'extends', 'glossary', 'ignore', 'include', 'locale', 'maxFileSize', 'owners', 'rules', 'schema']);
  });
});

describe('built-in tasks schema', () => {
  const tasks = getBuiltinSchema('tasks') as PolicySchema;

  it('equals tasks.yaml loaded and validated like a custom schema (a schema may have no nets)', () => {
    assert.deepEqual(loadSchemaFile(path.join(SCHEMA_DIR, 'tasks.yaml')), tasks);
  });

  it('holds exactly the data of tasks.yaml', () => {
    assert.deepEqual(tasksGenerated, parseYaml(fs.readFileSync(path.join(SCHEMA_DIR, 'tasks.yaml'), 'utf8')));
  });

  it('needs owner, metric and deadline, has no nets, and names itself in three scripts', () => {
    assert.deepEqual(tasks.requiredFields, ['owner', 'metric', 'deadline']);
    assert.deepEqual(tasks.nets, []);
    assert.deepEqual(tasks.name, { 'zh-Hans': '任务分工', 'zh-Hant': '任務分工', en: 'Task Assignment' });
    for (const script of ['zh-Hans', 'zh-Hant', 'en'] as const) assert.ok((tasks.description?.[script] ?? '').length > 10, script);
    assert.equal(tasks.description?.['zh-Hant'], traditionalize(tasks.description?.['zh-Hans'] ?? ''));
  });
});
