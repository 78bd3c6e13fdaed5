/**
 * Shared plumbing for data files (policy schemas and .fivenets configs): YAML/JSON parsing
 * with line numbers, JSON Schema validation with ajv, and one-line, plain error messages
 * that point at the offending key or value.
 *
 * Files are data only: `yaml` builds plain values (no custom tags, no code), and nothing
 * from the workspace is ever required or evaluated. Text only, no file system: reading
 * files is data-file.ts (the browser build has no disk).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/** Files larger than this are refused: configs and schemas are small. */
export const MAX_DATA_FILE_SIZE = 1024 * 1024;

/** A path into a parsed value: object keys and array indices. */
export type DataPath = ReadonlyArray<string | number>;

/**
 * An error in a data file, with a 1-based line and column. `message` is
 * `file:line:column: detail` on one line; `detail` is the plain text alone.
 */
export class LocatedError extends Error {
  readonly detail: string;
  constructor(
    message: string,
    public file: string,
    public line: number,
    public column: number,
  ) {
    const detail = oneLine(message);
    super(`${file}:${line}:${column}: ${detail}`);
    this.detail = detail;
  }
}

export interface Location {
  line: number;
  column: number;
}

export type ErrorFactory = (message: string, file: string, line: number, column: number) => LocatedError;

/** Where to point in `locate`: the key of the last path segment, its value, or whichever reads best. */
export type Target = 'key' | 'value' | 'auto';

/** A parsed YAML or JSON file that can map data paths back to source positions. */
export class ParsedData {
  constructor(
    readonly file: string,
    readonly doc: Document,
    readonly lineCounter: LineCounter,
    readonly value: unknown,
  ) {}

  /**
   * The position of `dataPath` in the source. With target 'auto', a scalar or flow value is
   * pointed at itself, a block mapping or list at its key (the line that introduces it).
   * A path that cannot be followed to the end points at the deepest node found.
   */
  locate(dataPath: DataPath, target: Target = 'auto'): Location {
    let node: unknown = this.doc.contents;
    let key: Node | null = null;
    let best: number | null = rangeStart(node);
    for (const segment of dataPath) {
      let next: unknown;
      let nextKey: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyString(p.key) === String(segment));
        if (!pair) break;
        nextKey = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? pair.key : null;
        next = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        next = node.items[segment];
        if (next === undefined) break;
      } else {
        break;
      }
      node = next;
      key = nextKey;
      best = rangeStart(key) ?? rangeStart(node) ?? best;
    }
    const valueStart = rangeStart(node);
    const keyStart = rangeStart(key);
    let offset: number | null;
    if (target === 'key') offset = keyStart ?? valueStart;
    else if (target === 'value') offset = valueStart ?? keyStart;
    else {
      const inline = isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow === true);
      offset = inline ? (valueStart ?? keyStart) : (keyStart ?? valueStart);
    }
    offset ??= best ?? 0;
    const pos = this.lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  fail(factory: ErrorFactory, message: string, dataPath: DataPath, target: Target = 'auto'): never {
    const { line, column } = this.locate(dataPath, target);
    throw factory(message, this.file, line, column);
  }
}

function rangeStart(node: unknown): number | null {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] | null }).range;
    if (range) return range[0];
  }
  return null;
}

function keyString(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  if (isNode(key)) return key.toString();
  return typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean' || typeof key === 'bigint' ? String(key) : null;
}

/** Collapse whitespace so a message is one line; drop a trailing period. */
export function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.。]$/, '');
}

/** 'JSON' for .json files, otherwise 'YAML' (as node:path's extname: a name that is only `.json` has no extension). */
export function formatOf(file: string): 'YAML' | 'JSON' {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  return /.\.json$/iu.test(name) ? 'JSON' : 'YAML';
}

/**
 * Parse YAML or JSON text (JSON is read by the YAML 1.2 parser, which gives it line numbers
 * too). Syntax errors, duplicate keys and multiple documents throw through `factory`.
 */
export function parseData(text: string, file: string, factory: ErrorFactory): ParsedData {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
    keepSourceTokens: false,
  });
  const format = formatOf(file);
  const error = doc.errors[0];
  if (error) {
    const pos = lineCounter.linePos(error.pos[0]);
    throw factory(`invalid ${format}: ${oneLine(error.message)}`, file, pos.line, pos.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw factory(`invalid ${format}: ${oneLine((err as Error).message)}`, file, 1, 1);
  }
  return new ParsedData(file, doc, lineCounter, value);
}

// ---------------------------------------------------------------------------------------
// ajv

let ajv: Ajv | null = null;
const validators = new Map<object, ValidateFunction>();

/** Keywords VS Code's JSON language service understands; ajv only needs to accept them. */
const EDITOR_KEYWORDS = ['patternErrorMessage', 'errorMessage', 'enumDescriptions', 'markdownDescription', 'markdownEnumDescriptions', 'deprecationMessage', 'defaultSnippets'];

/** A compiled validator for a draft-07 JSON Schema object, compiled once. */
export function validatorFor(jsonSchema: object): ValidateFunction {
  let validate = validators.get(jsonSchema);
  if (!validate) {
    if (!ajv) {
      ajv = new Ajv({ allErrors: false, verbose: true, strict: true });
      ajv.addVocabulary(EDITOR_KEYWORDS);
    }
    validate = ajv.compile(jsonSchema);
    validators.set(jsonSchema, validate);
  }
  return validate;
}

/** Validate `parsed.value`; on failure throw the first error, located and phrased plainly. */
export function validateData(parsed: ParsedData, jsonSchema: object, factory: ErrorFactory): void {
  const validate = validatorFor(jsonSchema);
  if (validate(parsed.value)) return;
  const first = validate.errors?.[0];
  if (!first) parsed.fail(factory, 'is not valid', []);
  const { dataPath, target, message } = describeAjvError(first, parsed.value);
  parsed.fail(factory, message, dataPath, target);
}

/** Decode an ajv instancePath (a JSON pointer) into keys and indices, following the data. */
export function pointerToPath(pointer: string, data: unknown): Array<string | number> {
  if (!pointer) return [];
  const out: Array<string | number> = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(segment)) {
      out.push(Number(segment));
      node = node[Number(segment)];
    } else {
      out.push(segment);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return out;
}

/** `nets[1].names.en`, `rules.missing-owner`, `owners[0]`. */
export function formatPath(dataPath: DataPath): string {
  let out = '';
  for (const segment of dataPath) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[^\s.[\]"'`]+$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  null: 'empty',
};

function subject(dataPath: DataPath): string {
  return dataPath.length ? formatPath(dataPath) : 'the file';
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

/** Turn one ajv error into a data path, where to point, and a plain message. */
export function describeAjvError(err: ErrorObject, data: unknown): { dataPath: Array<string | number>; target: Target; message: string } {
  const base = pointerToPath(err.instancePath, data);
  const params = err.params as Record<string, unknown>;
  const parent = (err.parentSchema ?? {}) as Record<string, unknown>;
  const propertyName = (err as ErrorObject & { propertyName?: string }).propertyName;

  if (propertyName !== undefined) {
    const dataPath = [...base, propertyName];
    const why = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : oneLine(err.message ?? 'is not a valid name');
    return { dataPath, target: 'key', message: `${subject(base)}: key ${quote(propertyName)} ${why}` };
  }

  switch (err.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { dataPath: base, target: 'key', message: `${formatPath([...base, missing])} is required` };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const dataPath = [...base, extra];
      const known = Object.keys(parent.properties ?? {}).filter((k) => k !== '$schema');
      const guess = closest(extra, known);
      const hint = guess ? ` (did you mean ${guess}?)` : known.length ? ` (known: ${known.join(', ')})` : '';
      return { dataPath, target: 'key', message: `${formatPath(dataPath)} is not a known property${hint}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
      return { dataPath: base, target: 'value', message: `${subject(base)} must be one of ${allowed}` };
    }
    case 'type': {
      const types = String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[t] ?? t);
      return { dataPath: base, target: 'auto', message: `${subject(base)} must be ${types.join(' or ')}` };
    }
    case 'pattern': {
      const why = typeof parent.patternErrorMessage === 'string' ? parent.patternErrorMessage : `must match ${String(params.pattern)}`;
      return { dataPath: base, target: 'value', message: `${subject(base)} ${why}` };
    }
    case 'minLength':
      return { dataPath: base, target: 'value', message: `${subject(base)} must not be empty` };
    case 'minItems':
      return { dataPath: base, target: 'auto', message: `${subject(base)} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}` };
    case 'minProperties':
      return { dataPath: base, target: 'auto', message: `${subject(base)} must have at least ${String(params.limit)} entr${params.limit === 1 ? 'y' : 'ies'}` };
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j));
      const earlier = Math.min(Number(params.i), Number(params.j));
      const dataPath = [...base, later];
      const list = data === undefined ? undefined : valueAt(data, base);
      const item: unknown = Array.isArray(list) ? list[later] : undefined;
      const what = item === undefined ? '' : ` ${quote(item)}`;
      return { dataPath, target: 'value', message: `${formatPath(dataPath)}${what} repeats ${formatPath([...base, earlier])}` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' };
      return { dataPath: base, target: 'value', message: `${subject(base)} must be ${words[err.keyword]} ${String(params.limit)}` };
    }
    default:
      return { dataPath: base, target: 'auto', message: `${subject(base)} ${oneLine(err.message ?? 'is not valid')}` };
  }
}

export function valueAt(data: unknown, dataPath: DataPath): unknown {
  let node = data;
  for (const segment of dataPath) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** The candidate closest to `word` (edit distance ≤ a third of its length, at least 2), or null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const limit = Math.max(2, Math.floor(word.length / 3));
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}
