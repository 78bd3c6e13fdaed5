/**
 * Front matter as drafts write it: `title: …`, `date: 2020-07-01`, `schema: tasks`. The yaml
 * library parses any YAML, at about half a millisecond per document (a lexer, a parser, a
 * composer and a document per call): more than the rest of a short draft's lint. Simple
 * front matter — top-level `key: plain text` lines and comments — is read here; anything
 * else (quotes, lists, nesting, numbers, booleans, tabs, repeated keys…) goes to the library,
 * so the result is always the library's. test/engine/frontmatter.test.ts compares the two.
 */
import { parse as parseYaml } from 'yaml';

/** `key: value` at the start of a line, spaces only (a tab, an indent or a quoted key declines). */
const SIMPLE_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *$/u;
/** YAML 1.2 core-schema numbers (int, octal, hex, float, infinity, NaN): not text. 2020-07-01 or 6.1 Enhance are text. */
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/u;
/** Characters that start something other than plain text in YAML (an indicator, a sign or a null). */
const SPECIAL_START = /^[-?:,[\]{}#&*!|>'"%@`~]/u;
/** Inside a plain value: a mapping (": "), a comment (" #"), a tab, a trailing colon. */
const SPECIAL_INSIDE = /: |:$| #|\t/u;
/** Core-schema words that are not strings. */
const NOT_TEXT = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
/** Outside YAML's printable set (and every surrogate, paired or not: the library decides those). */
const NOT_PRINTABLE = /[^\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd]/u;

function plainText(value: string): boolean {
  return !SPECIAL_START.test(value) && !CORE_NUMBER.test(value) && !SPECIAL_INSIDE.test(value) && !NOT_TEXT.has(value) && !NOT_PRINTABLE.test(value);
}

/** The front matter read without the library (null when it holds no key, as the library says), or undefined when it is not simple. */
export function simpleFrontmatter(source: string): Record<string, string | null> | null | undefined {
  const record: Record<string, string | null> = {};
  const seen = new Set<string>();
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.length === 0 || line.startsWith('#')) continue;
    const match = SIMPLE_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1];
    if (seen.has(key) || key === '__proto__') return undefined;
    seen.add(key);
    const value = match[2] ?? '';
    if (value.length === 0) record[key] = null;
    else if (plainText(value)) record[key] = value;
    else return undefined;
  }
  return seen.size === 0 ? null : record;
}

/** Parse front matter: the simple form here, anything else with the yaml library (which throws on broken YAML). */
export function parseFrontmatter(source: string): unknown {
  // logLevel 'error': a warning (an ambiguous alias) must not reach the process's stderr.
  const simple = simpleFrontmatter(source);
  return simple !== undefined ? simple : parseYaml(source, { logLevel: 'error' });
}
