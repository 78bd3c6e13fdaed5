/** Meta tests: generated docs are fresh, every rule is registered and documented, the engine boundary holds. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/engine';
import { ruleDoc } from '../server/src/engine/docs';
import { readmeWithTable } from '../scripts/gen-docs';

const root = path.resolve(__dirname, '..');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

describe('meta', () => {
  it('registers every rule file exactly once, under its own id', () => {
    const files = fs
      .readdirSync(path.join(root, 'server/src/engine/rules'))
      .filter((name) => name.endsWith('.ts') && !name.startsWith('_') && name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/u, ''))
      .sort();
    assert.deepEqual(RULES.map((rule) => rule.meta.id).sort(), files);
    assert.equal(new Set(RULES.map((rule) => rule.meta.id)).size, RULES.length);
  });

  it('has a fresh doc page for every rule (npm run docs)', () => {
    for (const rule of RULES) {
      const file = path.join(root, 'docs/rules', `${rule.meta.id}.md`);
      assert.ok(fs.existsSync(file), `docs/rules/${rule.meta.id}.md is missing`);
      assert.equal(fs.readFileSync(file, 'utf8'), ruleDoc(rule), `docs/rules/${rule.meta.id}.md is stale: run npm run docs`);
    }
    const pages = fs
      .readdirSync(path.join(root, 'docs/rules'))
      .map((name) => name.replace(/\.md$/u, ''))
      .sort();
    assert.deepEqual(pages, RULES.map((rule) => rule.meta.id).sort(), 'a doc page for a rule that does not exist');
  });

  it('has a fresh rules table in the README (npm run docs)', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    assert.equal(readme, readmeWithTable(readme), 'README rules table is stale: run npm run docs');
    for (const rule of RULES) assert.ok(readme.includes(`[\`${rule.meta.id}\`]`), `${rule.meta.id} missing from README`);
  });

  it('keeps the engine free of editor and LSP imports', () => {
    const forbidden = /(?:from|import|require\()\s*['"](vscode[^'"]*|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*)['"]/u;
    const offenders = walk(path.join(root, 'server/src/engine'))
      .filter((file) => file.endsWith('.ts'))
      .filter((file) => forbidden.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    assert.deepEqual(offenders, []);
  });

  it('keeps the engine free of imports from the CLI or the server handlers', () => {
    const upward = /from\s+['"]\.\.\/(?:\.\.\/)*(?:cli|handlers|server)(?:\/|['"])/u;
    const offenders = walk(path.join(root, 'server/src/engine'))
      .filter((file) => file.endsWith('.ts') && upward.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    assert.deepEqual(offenders, []);
  });

  it('states in the README the test command .ci/run calls', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const ci = fs.readFileSync(path.join(root, '.ci/run'), 'utf8');
    assert.match(readme, /npm test/u);
    assert.match(ci, /npm test/u);
  });
});

describe('config files get help in the editor', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
    contributes: { jsonValidation: Array<{ fileMatch: string | string[]; url: string }>; yamlValidation: Array<{ fileMatch: string | string[]; url: string }> };
  };

  it('points .fivenets.json, .fivenets.yaml and .fivenets.yml at the config JSON Schema (the Red Hat YAML extension reads yamlValidation)', () => {
    const byFile = new Map<string, string>();
    for (const entry of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]) {
      for (const name of ([] as string[]).concat(entry.fileMatch)) byFile.set(name, entry.url);
    }
    const schema = './server/src/engine/schema/fivenets-config.schema.json';
    assert.deepEqual(Object.fromEntries(byFile), { '.fivenets.json': schema, '.fivenets.yaml': schema, '.fivenets.yml': schema });
    assert.ok(fs.statSync(path.join(__dirname, '..', schema)).isFile());
  });

  it('the schema accepts the repository’s YAML config fixtures that the engine accepts, and refuses a bad severity', () => {
    const Ajv = require('ajv') as typeof import('ajv').default;
    const YAML = require('yaml') as typeof import('yaml');
    const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'server/src/engine/schema/fivenets-config.schema.json'), 'utf8')));
    for (const fixture of ['custom-schema/.fivenets.yaml', 'nested/.fivenets.yaml', 'yml-variant/.fivenets.yml']) {
      const config = YAML.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'config', fixture), 'utf8'));
      assert.ok(validate(config), `${fixture}: ${JSON.stringify(validate.errors)}`);
    }
    assert.equal(validate({ rules: { 'missing-owner': 'loud' } }), false);
  });
});
