import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CONFIG_NAMES,
  ConfigError,
  DEFAULT_CONFIG,
  defaultResolvedConfig,
  effectiveGlossary,
  findConfigFile,
  loadConfigFile,
  parseConfigText,
  resolveConfigForFile,
  type ResolvedConfig,
} from '../../server/src/engine/config';
import { builtinSchema, LocatedError, SchemaError } from '../../server/src/engine/schema/index';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'config');
const fx = (...parts: string[]) => path.join(FIXTURES, ...parts);

/** Catch the error thrown by `fn`, check its class and one-line `file:line:col: detail` message. */
function errorOf<T extends LocatedError>(cls: new (...args: never[]) => T, fn: () => unknown): T {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof cls, `expected ${cls.name}, got ${String(err)}`);
    assert.ok(!err.message.includes('\n'), `message must be one line: ${JSON.stringify(err.message)}`);
    assert.equal(err.message, `${err.file}:${err.line}:${err.column}: ${err.detail}`);
    return err;
  }
  assert.fail(`expected a ${cls.name}`);
}

const configErrorOf = (fn: () => unknown) => errorOf(ConfigError, fn);

function withTempDir(fn: (dir: string) => void): void {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-config-')));
  try {
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('findConfigFile', () => {
  it('knows the three file names, YAML first', () => {
    assert.deepEqual([...CONFIG_NAMES], ['.fivenets.yaml', '.fivenets.yml', '.fivenets.json']);
  });

  it('finds the config in the folder itself', () => {
    assert.equal(findConfigFile(fx('nested')), fx('nested', '.fivenets.yaml'));
    assert.equal(findConfigFile(fx('json-variant')), fx('json-variant', '.fivenets.json'));
    assert.equal(findConfigFile(fx('yml-variant')), fx('yml-variant', '.fivenets.yml'));
  });

  it('finds the nearest ancestor', () => {
    assert.equal(findConfigFile(fx('nested', 'a', 'b')), fx('nested', '.fivenets.yaml'));
    assert.equal(findConfigFile(fx('nested', 'a')), fx('nested', '.fivenets.yaml'));
    assert.equal(findConfigFile(fx('nested', 'a', 'inner', 'deeper')), fx('nested', 'a', 'inner', '.fivenets.yml'));
    assert.equal(findConfigFile(fx('json-variant', 'sub')), fx('json-variant', '.fivenets.json'));
  });

  it('prefers .fivenets.yaml over .fivenets.json in one folder', () => {
    assert.equal(findConfigFile(fx('precedence')), fx('precedence', '.fivenets.yaml'));
  });

  it('does not look above stopAt', () => {
    assert.equal(findConfigFile(fx('nested', 'a', 'b'), fx('nested', 'a')), null);
    assert.equal(findConfigFile(fx('nested', 'a', 'b'), fx('nested')), fx('nested', '.fivenets.yaml'));
    assert.equal(findConfigFile(fx('no-config'), fx('no-config')), null);
  });
});

describe('parseConfigText', () => {
  it('reads every setting', () => {
    const config = parseConfigText(
      [
        'schema: five-nets',
        'date: 2020-06-28',
        'locale: zh-TW',
        'rules:',
        '  missing-owner: error',
        '  missing-metric: "off"',
        'owners: [市卫健委, 各区人民政府]',
        'glossary:',
        '  - term: 光谷',
        '    definition: { en: Optics Valley }',
        'include: ["drafts/**/*.md"]',
        'ignore: [archive/**]',
        'maxFileSize: 2048',
      ].join('\n'),
      '.fivenets.yaml',
    );
    assert.deepEqual(config, {
      schema: 'five-nets',
      date: '2020-06-28',
      locale: 'zh-TW',
      rules: { 'missing-owner': 'error', 'missing-metric': 'off' },
      owners: ['市卫健委', '各区人民政府'],
      glossary: [{ term: '光谷', aliases: [], definition: { 'zh-Hans': 'Optics Valley', en: 'Optics Valley' } }],
      include: ['drafts/**/*.md'],
      ignore: ['archive/**'],
      maxFileSize: 2048,
    });
  });

  it('treats an empty file as an empty config', () => {
    assert.deepEqual(parseConfigText('', '.fivenets.yaml'), {});
    assert.deepEqual(parseConfigText('# only a comment\n', '.fivenets.yml'), {});
  });

  it('reports an invalid severity at its value', () => {
    const err = configErrorOf(() => parseConfigText('schema: five-nets\nrules:\n  missing-owner: fatal\n', '.fivenets.yaml'));
    assert.equal(err.message, '.fivenets.yaml:3:18: rules.missing-owner must be one of off, info, warning, error');
  });

  it('reports a misspelt setting with a suggestion', () => {
    const err = configErrorOf(() => parseConfigText('locale: en\nrule:\n  missing-owner: "off"\n', '.fivenets.yaml'));
    assert.equal(err.detail, 'rule is not a known property (did you mean rules?)');
    assert.deepEqual([err.line, err.column], [2, 1]);
  });

  it('checks dates, including the calendar', () => {
    assert.equal(configErrorOf(() => parseConfigText('date: 2020/06/28\n', 'c.yaml')).detail, 'date must be a date in the form YYYY-MM-DD, e.g. 2020-06-28');
    const err = configErrorOf(() => parseConfigText('locale: en\ndate: 2021-02-30\n', 'c.yaml'));
    assert.equal(err.detail, 'date 2021-02-30 is not a real calendar date');
    assert.deepEqual([err.line, err.column], [2, 7]);
    assert.equal(parseConfigText('date: 2020-02-29\n', 'c.yaml').date, '2020-02-29');
  });

  it('checks rule ids, and against known rules when given', () => {
    assert.match(configErrorOf(() => parseConfigText('rules:\n  Missing Owner: error\n', 'c.yaml')).detail, /key "Missing Owner" must be a rule id in kebab-case/);
    const known = ['missing-owner', 'missing-metric', 'missing-deadline'];
    const err = configErrorOf(() => parseConfigText('rules:\n  missing-owner: error\n  missing-metirc: warning\n', 'c.yaml', { knownRules: known }));
    assert.equal(err.detail, 'rules.missing-metirc is not a known rule (did you mean missing-metric?)');
    assert.deepEqual([err.line, err.column], [3, 3]);
    assert.deepEqual(parseConfigText('rules:\n  anything-goes: info\n', 'c.yaml').rules, { 'anything-goes': 'info' });
  });

  it('refuses duplicate owners, blank owners and globs that leave the folder', () => {
    const dup = configErrorOf(() => parseConfigText('owners:\n  - 市卫健委\n  - 市民政局\n  - 市卫健委\n', 'c.yaml'));
    assert.equal(dup.detail, 'owners[2] "市卫健委" repeats owners[0]');
    assert.equal(dup.line, 4);
    assert.equal(configErrorOf(() => parseConfigText('owners: ["  "]\n', 'c.yaml')).detail, 'owners[0] must not be blank');
    const glob = configErrorOf(() => parseConfigText('include:\n  - drafts/**\n  - ../secrets/**\n', 'c.yaml'));
    assert.equal(glob.detail, 'include[1] must be a glob relative to the configuration folder (no leading / and no ..)');
    assert.equal(glob.line, 3);
    assert.match(configErrorOf(() => parseConfigText('ignore: [/etc/**]\n', 'c.yaml')).detail, /^ignore\[0\] must be a glob relative/);
  });

  it('checks types and limits', () => {
    assert.equal(configErrorOf(() => parseConfigText('maxFileSize: 0\n', 'c.yaml')).detail, 'maxFileSize must be at least 1');
    assert.equal(configErrorOf(() => parseConfigText('maxFileSize: 1.5\n', 'c.yaml')).detail, 'maxFileSize must be a whole number');
    assert.equal(configErrorOf(() => parseConfigText('owners: 市卫健委\n', 'c.yaml')).detail, 'owners must be a list');
    assert.equal(configErrorOf(() => parseConfigText('locale: fr\n', 'c.yaml')).detail, 'locale must be one of zh-CN, zh-TW, en');
    assert.equal(configErrorOf(() => parseConfigText('- five-nets\n', 'c.yaml')).detail, 'the file must be a mapping of keys to values');
  });

  it('gives line numbers for JSON too', () => {
    const text = '{\n  "locale": "en",\n  "rules": {\n    "missing-owner": "fatal"\n  }\n}\n';
    const err = configErrorOf(() => parseConfigText(text, '.fivenets.json'));
    assert.equal(err.message, '.fivenets.json:4:22: rules.missing-owner must be one of off, info, warning, error');
    const syntax = configErrorOf(() => parseConfigText('{\n  "locale": "en"\n  "rules": {}\n}\n', '.fivenets.json'));
    assert.equal(syntax.line, 3);
    assert.match(syntax.detail, /^invalid JSON: /);
  });

  it('reads tags as plain data, never code', () => {
    const err = configErrorOf(() => parseConfigText('maxFileSize: !!js/function "function () { globalThis.__fivenetsPwned = 1 }"\n', 'c.yaml'));
    assert.equal(err.detail, 'maxFileSize must be a whole number');
    assert.equal((globalThis as Record<string, unknown>).__fivenetsPwned, undefined);
  });
});

describe('loadConfigFile', () => {
  it('loads a YAML config, merges defaults and resolves the built-in schema', () => {
    const resolved = loadConfigFile(fx('nested', '.fivenets.yaml'));
    assert.equal(resolved.file, fx('nested', '.fivenets.yaml'));
    assert.equal(resolved.dir, fx('nested'));
    assert.equal(resolved.schema, builtinSchema());
    assert.deepEqual(resolved.config, {
      schema: 'five-nets',
      date: '2020-06-28',
      locale: 'zh-CN',
      rules: { 'missing-metric': 'warning' },
      owners: ['市卫健委', '市应急管理局'],
      glossary: [],
      include: DEFAULT_CONFIG.include,
      ignore: DEFAULT_CONFIG.ignore,
      maxFileSize: DEFAULT_CONFIG.maxFileSize,
    });
  });

  it('loads a JSON config, ignoring $schema and completing glossary entries', () => {
    const resolved = loadConfigFile(fx('json-variant', '.fivenets.json'));
    assert.equal(resolved.config.locale, 'en');
    assert.deepEqual(resolved.config.rules, { 'missing-deadline': 'error' });
    assert.deepEqual(resolved.config.include, ['drafts/**/*.md']);
    assert.equal(resolved.config.maxFileSize, 65536);
    assert.ok(!('$schema' in resolved.config));
    assert.deepEqual(resolved.config.glossary, [
      {
        term: '光谷科创大走廊',
        aliases: ['光谷科技创新大走廊'],
        definition: { 'zh-Hans': '以东湖高新区为核心的科技创新带。', en: '以东湖高新区为核心的科技创新带。' },
      },
    ]);
    const glossary = effectiveGlossary(resolved);
    assert.equal(glossary.length, builtinSchema().glossary.length + 1);
    assert.equal(glossary[glossary.length - 1].term, '光谷科创大走廊');
  });

  it('loads a .yml config', () => {
    const resolved = loadConfigFile(fx('yml-variant', '.fivenets.yml'));
    assert.deepEqual(resolved.config.ignore, ['archive/**']);
    assert.deepEqual(resolved.config.include, DEFAULT_CONFIG.include);
  });

  it('loads an empty config as the defaults', () => {
    const resolved = loadConfigFile(fx('empty', '.fivenets.yaml'));
    assert.equal(resolved.file, fx('empty', '.fivenets.yaml'));
    assert.deepEqual(resolved.config, defaultResolvedConfig(fx('empty')).config);
  });

  it('reports broken YAML on its line', () => {
    const file = fx('broken-yaml', '.fivenets.yaml');
    const err = configErrorOf(() => loadConfigFile(file));
    assert.equal(err.file, file);
    assert.equal(err.line, 4);
    assert.equal(err.detail, 'invalid YAML: All mapping items must start at the same column');
  });

  it('reports an invalid severity with file, line and column', () => {
    const file = fx('bad-severity', '.fivenets.yaml');
    const err = configErrorOf(() => loadConfigFile(file));
    assert.equal(err.message, `${file}:3:18: rules.missing-owner must be one of off, info, warning, error`);
  });

  it('resolves a schema path relative to the config file', () => {
    const resolved = loadConfigFile(fx('custom-schema', '.fivenets.yaml'), { workspaceRoot: fx('custom-schema') });
    assert.equal(resolved.schema.id, 'three-nets');
    assert.deepEqual(resolved.schema.requiredFields, ['owner', 'deadline']);
    assert.deepEqual(
      resolved.schema.nets.map((n) => n.id),
      ['safety', 'service', 'ecology'],
    );
    assert.deepEqual(resolved.schema.nets[0].aliases, ['安全网']);
    assert.deepEqual(resolved.schema.fields, builtinSchema().fields);
  });

  it('refuses a schema path that leaves the workspace', () => {
    const file = fx('escape', 'workspace', '.fivenets.yaml');
    const err = configErrorOf(() => loadConfigFile(file, { workspaceRoot: fx('escape', 'workspace') }));
    assert.equal(err.message, `${file}:2:9: schema path ../outside-schema.yaml is outside the workspace`);
    // The same file is fine when the workspace includes the schema, or no workspace is known.
    assert.equal(loadConfigFile(file, { workspaceRoot: fx('escape') }).schema.id, 'outside');
    assert.equal(loadConfigFile(file).schema.id, 'outside');
  });

  it('refuses a schema reached through a symlink or an absolute path outside the workspace', () => {
    withTempDir((tmp) => {
      const workspace = path.join(tmp, 'ws');
      fs.mkdirSync(workspace);
      const outside = path.join(tmp, 'outside.yaml');
      fs.copyFileSync(fx('escape', 'outside-schema.yaml'), outside);
      fs.symlinkSync(outside, path.join(workspace, 'link.yaml'));
      const config = path.join(workspace, '.fivenets.yaml');
      fs.writeFileSync(config, 'schema: ./link.yaml\n');
      assert.equal(configErrorOf(() => loadConfigFile(config, { workspaceRoot: workspace })).detail, 'schema path ./link.yaml is outside the workspace');
      fs.writeFileSync(config, `schema: ${JSON.stringify(outside)}\n`);
      assert.match(configErrorOf(() => loadConfigFile(config, { workspaceRoot: workspace })).detail, /is absolute: give a path relative to the config file, inside the workspace$/);
    });
  });

  it('refuses an unknown built-in id at its value', () => {
    const err = configErrorOf(() => loadConfigFile(fx('unknown-builtin', '.fivenets.yaml')));
    assert.deepEqual([err.line, err.column], [2, 9]);
    assert.equal(err.detail, 'schema "nine-nets" is not a built-in schema (built-in: five-nets, tasks); for a schema file give a relative path ending in .yaml, .yml or .json');
  });

  it('reports a missing schema file or a wrong extension in the config', () => {
    withTempDir((dir) => {
      const config = path.join(dir, '.fivenets.yaml');
      fs.writeFileSync(config, 'locale: en\nschema: ./schemas/missing.yaml\n');
      const err = configErrorOf(() => loadConfigFile(config, { workspaceRoot: dir }));
      assert.equal(err.message, `${config}:2:9: schema file ./schemas/missing.yaml not found`);
      fs.writeFileSync(config, 'schema: ./schemas/custom.txt\n');
      assert.equal(configErrorOf(() => loadConfigFile(config)).detail, 'schema path ./schemas/custom.txt must end in .yaml, .yml or .json');
    });
  });

  it('passes on errors inside the schema file as SchemaError with that file and line', () => {
    const schemaFile = fx('bad-schema-file', 'schemas', 'broken.json');
    const err = errorOf(SchemaError, () => loadConfigFile(fx('bad-schema-file', '.fivenets.yaml')));
    assert.equal(err.file, schemaFile);
    assert.equal(err.line, 4);
    assert.equal(err.detail, 'requiredFields[1] must be one of owner, metric, deadline');
  });

  it('reports a missing config file', () => {
    const err = configErrorOf(() => loadConfigFile(fx('no-config', '.fivenets.yaml')));
    assert.equal(err.detail, 'file not found');
    assert.deepEqual([err.line, err.column], [1, 1]);
  });
});

describe('resolveConfigForFile', () => {
  it('uses the nearest ancestor config of a draft', () => {
    const outer = resolveConfigForFile(fx('nested', 'a', 'b', 'draft.md'));
    assert.equal(outer.file, fx('nested', '.fivenets.yaml'));
    assert.equal(outer.dir, fx('nested'));
    assert.equal(outer.config.date, '2020-06-28');

    const inner = resolveConfigForFile(fx('nested', 'a', 'inner', 'deeper', 'draft.md'));
    assert.equal(inner.file, fx('nested', 'a', 'inner', '.fivenets.yml'));
    assert.equal(inner.dir, fx('nested', 'a', 'inner'));
    assert.equal(inner.config.date, '2021-01-15');
    assert.deepEqual(inner.config.rules, { 'missing-owner': 'off' });
    // Nearest wins outright: nothing is inherited from the outer config.
    assert.deepEqual(inner.config.owners, []);
    assert.equal(inner.config.locale, undefined);

    assert.equal(resolveConfigForFile(fx('json-variant', 'sub', 'draft.md')).file, fx('json-variant', '.fivenets.json'));
  });

  it('caches per folder and shares one object between folders under one config', () => {
    const cache = new Map<string, ResolvedConfig>();
    const a = resolveConfigForFile(fx('nested', 'a', 'b', 'draft.md'), { cache });
    const b = resolveConfigForFile(fx('nested', 'a', 'b', 'other.md'), { cache });
    const c = resolveConfigForFile(fx('nested', 'a', 'x.md'), { cache });
    assert.equal(b, a);
    assert.equal(c, a);
    assert.equal(cache.get(fx('nested', 'a', 'b')), a);
    assert.equal(cache.get(fx('nested', 'a')), a);
    assert.equal(cache.get(fx('nested')), a);
    assert.equal(cache.has(FIXTURES), false, 'no entries above the config folder');
    // A cached folder is not looked at again.
    const sentinel = defaultResolvedConfig(fx('nested', 'a', 'b'));
    cache.set(fx('nested', 'a', 'b'), sentinel);
    assert.equal(resolveConfigForFile(fx('nested', 'a', 'b', 'draft.md'), { cache }), sentinel);
    // Without a cache every call loads afresh.
    assert.notEqual(resolveConfigForFile(fx('nested', 'a', 'b', 'draft.md')), a);
  });

  it('falls back to the defaults and the built-in schema', () => {
    const cache = new Map<string, ResolvedConfig>();
    const resolved = resolveConfigForFile(fx('no-config', 'draft.md'), { workspaceRoot: fx('no-config'), cache });
    assert.equal(resolved.file, null);
    assert.equal(resolved.dir, fx('no-config'));
    assert.equal(resolved.schema, builtinSchema());
    assert.equal(resolved.schemaFrom, 'auto');
    assert.deepEqual(resolved.config, { schema: 'auto', rules: {}, owners: [], glossary: [], include: ['**/*.policy.md', 'policies/**/*.md'], ignore: ['**/node_modules/**', '**/.git/**'], maxFileSize: 5242880 });
    assert.equal(cache.get(fx('no-config')), resolved);
    assert.deepEqual(defaultResolvedConfig(fx('no-config')), resolved);
  });

  it('does not search above the workspace root', () => {
    const resolved = resolveConfigForFile(fx('nested', 'a', 'b', 'draft.md'), { workspaceRoot: fx('nested', 'a') });
    assert.equal(resolved.file, null);
    assert.equal(resolved.dir, fx('nested', 'a'));
  });

  it('uses an explicit config instead of discovery', () => {
    const cache = new Map<string, ResolvedConfig>();
    const resolved = resolveConfigForFile(fx('nested', 'a', 'b', 'draft.md'), { explicitConfig: fx('json-variant', '.fivenets.json'), cache });
    assert.equal(resolved.file, fx('json-variant', '.fivenets.json'));
    assert.equal(resolved.config.locale, 'en');
    assert.equal(resolveConfigForFile(fx('nested', 'draft.md'), { explicitConfig: fx('json-variant', '.fivenets.json'), cache }), resolved);
  });

  it('applies the workspace check to discovered configs', () => {
    const err = configErrorOf(() => resolveConfigForFile(fx('escape', 'workspace', 'docs', 'draft.md'), { workspaceRoot: fx('escape', 'workspace') }));
    assert.match(err.detail, /is outside the workspace$/);
    assert.equal(resolveConfigForFile(fx('custom-schema', 'docs', 'draft.md'), { workspaceRoot: fx('custom-schema') }).schema.id, 'three-nets');
  });

  it('throws for a broken config on every call (errors are not cached)', () => {
    const cache = new Map<string, ResolvedConfig>();
    for (let i = 0; i < 2; i++) {
      const err = configErrorOf(() => resolveConfigForFile(fx('bad-severity', 'draft.md'), { cache }));
      assert.equal(err.line, 3);
    }
    assert.equal(cache.size, 0);
  });
});

describe('extends', () => {
  it('builds on a base config: own settings win, rules merge by id, glossary by term', () => {
    withTempDir((dir) => {
      fs.mkdirSync(path.join(dir, 'bureau'));
      fs.writeFileSync(
        path.join(dir, '.fivenets.yaml'),
        'locale: en\nowners: [市卫健委]\nrules:\n  missing-metric: warning\n  vague-owner: off\nglossary:\n  - term: 双报到\n    definition: { zh-Hans: 基础 }\n  - term: 五张网\n    definition: { zh-Hans: 基础 }\n',
      );
      fs.writeFileSync(path.join(dir, 'bureau', '.fivenets.yaml'), 'extends: ../.fivenets.yaml\nrules:\n  vague-owner: error\nglossary:\n  - term: 五张网\n    definition: { zh-Hans: 本局 }\n');
      // Outside any repository a config may not reach above its folder (as for a schema path).
      assert.equal(configErrorOf(() => loadConfigFile(path.join(dir, 'bureau', '.fivenets.yaml'))).detail, 'extends path ../.fivenets.yaml is outside the repository');
      fs.mkdirSync(path.join(dir, '.git'));
      const resolved = loadConfigFile(path.join(dir, 'bureau', '.fivenets.yaml'));
      assert.equal(resolved.config.locale, 'en');
      assert.deepEqual(resolved.config.owners, ['市卫健委']);
      assert.deepEqual(resolved.config.rules, { 'missing-metric': 'warning', 'vague-owner': 'error' });
      assert.deepEqual(
        resolved.config.glossary?.map((entry) => [entry.term, entry.definition['zh-Hans']]),
        [
          ['双报到', '基础'],
          ['五张网', '本局'],
        ],
      );
      assert.deepEqual(resolved.files, [path.join(dir, 'bureau', '.fivenets.yaml'), path.join(dir, '.fivenets.yaml')]);
      assert.equal(resolved.config.extends, undefined);
    });
  });

  it('keeps a base schema path relative to the base, and include/ignore relative to the file that wrote them', () => {
    withTempDir((dir) => {
      fs.mkdirSync(path.join(dir, 'bureau'));
      fs.copyFileSync(path.resolve(__dirname, '../../server/src/engine/schema/five-nets.yaml'), path.join(dir, 'plan.yaml'));
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'schema: ./plan.yaml\ninclude: ["policies/**/*.md"]\n');
      fs.writeFileSync(path.join(dir, 'bureau', '.fivenets.yaml'), 'extends: ../.fivenets.yaml\nignore: ["old/**"]\n');
      const resolved = resolveConfigForFile(path.join(dir, 'bureau', 'x.md'), { workspaceRoot: dir });
      assert.equal(resolved.schemaFile, path.join(dir, 'plan.yaml'));
      assert.equal(resolved.includeDir, dir);
      assert.equal(resolved.ignoreDir, path.join(dir, 'bureau'));
      assert.deepEqual(resolved.explicit.include, ['policies/**/*.md']);
    });
  });

  it('knows the built-in configs recommended and strict', () => {
    withTempDir((dir) => {
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'extends: strict\nrules:\n  past-deadline: off\n');
      const strict = loadConfigFile(path.join(dir, '.fivenets.yaml')).config.rules ?? {};
      assert.equal(strict['vague-owner'], 'error');
      assert.equal(strict['past-deadline'], 'off');
      fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'extends: recommended\n');
      assert.deepEqual(loadConfigFile(path.join(dir, '.fivenets.yaml')).config.rules, {});
    });
  });

  it('reports cycles, missing files, unknown ids and paths out of the workspace on one line at the extends value', () => {
    withTempDir((dir) => {
      fs.writeFileSync(path.join(dir, 'a.yaml'), 'extends: ./b.yaml\n');
      fs.writeFileSync(path.join(dir, 'b.yaml'), 'locale: en\nextends: ./a.yaml\n');
      const cycle = configErrorOf(() => loadConfigFile(path.join(dir, 'a.yaml')));
      assert.equal(cycle.file, path.join(dir, 'b.yaml'));
      assert.equal(cycle.line, 2);
      assert.equal(cycle.detail, 'extends makes a cycle: a.yaml -> b.yaml -> a.yaml');
      fs.writeFileSync(path.join(dir, 'self.yaml'), 'extends: ./self.yaml\n');
      assert.equal(configErrorOf(() => loadConfigFile(path.join(dir, 'self.yaml'))).detail, 'extends makes a cycle: self.yaml -> self.yaml');
      fs.writeFileSync(path.join(dir, 'c.yaml'), 'extends: ./missing.yaml\n');
      assert.equal(configErrorOf(() => loadConfigFile(path.join(dir, 'c.yaml'))).detail, 'extends file ./missing.yaml not found');
      fs.writeFileSync(path.join(dir, 'd.yaml'), 'extends: lenient\n');
      assert.match(configErrorOf(() => loadConfigFile(path.join(dir, 'd.yaml'))).detail, /^extends "lenient" is not a built-in config \(built-in: recommended, strict\)/u);
      fs.writeFileSync(path.join(dir, 'e.yaml'), 'extends: ./base.txt\n');
      assert.equal(configErrorOf(() => loadConfigFile(path.join(dir, 'e.yaml'))).detail, 'extends path ./base.txt must end in .yaml, .yml or .json');
      fs.mkdirSync(path.join(dir, 'ws'));
      fs.writeFileSync(path.join(dir, 'ws', '.fivenets.yaml'), 'extends: ../a.yaml\n');
      assert.equal(configErrorOf(() => resolveConfigForFile(path.join(dir, 'ws', 'x.md'), { workspaceRoot: path.join(dir, 'ws') })).detail, 'extends path ../a.yaml is outside the workspace');
      // An error inside the base is reported in the base.
      fs.writeFileSync(path.join(dir, 'f.yaml'), 'extends: ./g.yaml\n');
      fs.writeFileSync(path.join(dir, 'g.yaml'), 'rules:\n  missing-owner: loud\n');
      assert.equal(configErrorOf(() => loadConfigFile(path.join(dir, 'f.yaml'))).file, path.join(dir, 'g.yaml'));
    });
  });
});

describe('docsUrl', () => {
  it('is an http(s) URL', () => {
    assert.equal(parseConfigText('docsUrl: https://intranet.example/fivenets/rules\n', 'c.yaml').docsUrl, 'https://intranet.example/fivenets/rules');
    assert.match(configErrorOf(() => parseConfigText('docsUrl: file:///etc/passwd\n', 'c.yaml')).detail, /^docsUrl /u);
  });
});
