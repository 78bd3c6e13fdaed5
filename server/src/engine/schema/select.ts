/**
 * Which schema a draft is checked against. In order: the command line's `--schema` (for
 * every file), the draft's frontmatter `schema:`, the config's `schema:`, else automatic:
 * `five-nets` when a heading names one of its nets (any name, alias or script), otherwise
 * `tasks` — a plan organised some other way (a 任务分工 notice, a work report split into
 * tasks, an English operational plan) is checked against its own headings.
 */
import type { PolicySchema } from './index';
import { builtinSchema, getBuiltinSchema, tasksSchema } from './index';
import { frontmatterSchema } from '../frontmatter';
import { matchNet } from '../parse/nets';
import { someBlock, type TextSource } from '../text-source';

/** Where the schema a draft was checked against came from (the JSON report and export say it). */
export type SchemaFrom = 'cli' | 'frontmatter' | 'config' | 'auto';

export interface SchemaChoice {
  schema: PolicySchema;
  from: SchemaFrom;
}

/** ATX headings (up to three spaces of indent), the text after the marks. */
const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+([^\r\n]*)/gmu;

/** Does any heading of the draft name one of the schema's nets? */
export function namesANet(text: string, schema: PolicySchema): boolean {
  if (schema.nets.length === 0) return false;
  ATX_HEADING.lastIndex = 0;
  for (let match = ATX_HEADING.exec(text); match; match = ATX_HEADING.exec(text)) {
    if (matchNet(match[1], 0, schema)) return true;
  }
  return false;
}

/**
 * The schema for this text. `configured` is the config's schema (or the one given on the
 * command line, `from: 'cli'`); with `from: 'auto'` the config named none and the draft's
 * headings decide.
 */
export function chooseSchema(text: TextSource, configured: PolicySchema, from: 'cli' | 'config' | 'auto'): SchemaChoice {
  if (from === 'cli') return { schema: configured, from };
  const named = frontmatterSchema(text);
  if (named !== null) {
    const builtin = getBuiltinSchema(named);
    if (builtin) return { schema: builtin, from: 'frontmatter' };
    if (named === configured.id) return { schema: configured, from: 'frontmatter' };
  }
  if (from === 'config') return { schema: configured, from };
  const fiveNets = builtinSchema();
  return someBlock(text, (block) => namesANet(block, fiveNets)) ? { schema: fiveNets, from: 'auto' } : { schema: tasksSchema(), from: 'auto' };
}
