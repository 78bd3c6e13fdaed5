/**
 * What the editors must show, computed without the editor: the CLI's reports (`lint
 * --format json`, `export --format json`, `lint --fix`) and the built-in schema's data. The
 * editor and CI run one engine, so these numbers and texts must match exactly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { REPO, cli, lintJson, tempDir, type CliReport } from './workbench';

export interface ExportedMeasure {
  line: number;
  net: string | null;
  text: string;
  owner: string | null;
  hasMetric: boolean;
  deadline: string | null;
}

export function exportJson(file: string): ExportedMeasure[] {
  return (JSON.parse(cli(['export', '--format', 'json', file])) as { measures: ExportedMeasure[] }).measures;
}

const isPlaceholder = (value: string | null) => value === null || value.trim() === '' || /【[^】]*】/u.test(value);

/** A measure with an owner, a metric and a deadline, none of them a 【待填写】 placeholder. */
export function isComplete(measure: ExportedMeasure): boolean {
  return !isPlaceholder(measure.owner) && measure.hasMetric && !isPlaceholder(measure.deadline);
}

interface SchemaNet {
  id: string;
  names: { 'zh-Hans': string; 'zh-Hant': string; en: string };
}
interface SchemaTerm {
  term: string;
  definition: { 'zh-Hans': string; en: string };
}
interface Schema {
  nets: SchemaNet[];
  glossary: SchemaTerm[];
}

let schema: Schema | undefined;
function builtinSchema(): Schema {
  schema ??= parse(fs.readFileSync(path.join(REPO, 'server', 'src', 'engine', 'schema', 'five-nets.yaml'), 'utf8')) as Schema;
  return schema;
}

export function schemaNets(): SchemaNet[] {
  return builtinSchema().nets;
}

export function glossaryDefinition(term: string, locale: 'zh-Hans' | 'en'): string {
  const entry = builtinSchema().glossary.find((candidate) => candidate.term === term);
  if (!entry) throw new Error(`${term} is not in the built-in glossary`);
  return entry.definition[locale];
}

/** Applies the CLI's fix of one diagnostic (UTF-16 offsets) to a text. */
export function applyCliFix(text: string, fix: NonNullable<CliReport['files'][number]['diagnostics'][number]['fix']>): string {
  let result = text;
  for (const edit of [...fix].sort((a, b) => b.range.start - a.range.start)) {
    result = result.slice(0, edit.range.start) + edit.text + result.slice(edit.range.end);
  }
  return result;
}

/** What `fivenets lint --fix` makes of a text, for a file of this name (fixed in a temp copy). */
export function cliFixAll(text: string, name: string): string {
  const file = path.join(tempDir('fix'), name);
  fs.writeFileSync(file, text);
  cli(['lint', '--fix', '--format', 'json', file]);
  const fixed = fs.readFileSync(file, 'utf8');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return fixed;
}

export { lintJson };
