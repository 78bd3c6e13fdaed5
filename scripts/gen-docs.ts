/**
 * Regenerate docs/rules/<id>.md and the README rules table from rule metadata.
 * `npm run docs`; test/meta.test.ts fails when the committed files are stale.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/engine/rules';
import { ruleDoc, rulesTable } from '../server/src/engine/docs';

const root = path.resolve(__dirname, '..');
export const TABLE_START = '<!-- rules-table:start -->';
export const TABLE_END = '<!-- rules-table:end -->';

export function readmeWithTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < 0) throw new Error('README.md has no rules-table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${rulesTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  fs.mkdirSync(path.join(root, 'docs/rules'), { recursive: true });
  for (const rule of RULES) fs.writeFileSync(path.join(root, 'docs/rules', `${rule.meta.id}.md`), ruleDoc(rule));
  const readmePath = path.join(root, 'README.md');
  fs.writeFileSync(readmePath, readmeWithTable(fs.readFileSync(readmePath, 'utf8')));
  console.log(`wrote ${RULES.length} rule docs and the README table`);
}
