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
    const pages = fs.readdirSync(path.join(root, 'docs/rules')).map((name) => name.replace(/\.md$/u, '')).sort();
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
