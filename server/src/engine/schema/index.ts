/**
 * Policy schemas: the nets a draft is organized by, the fields each measure needs, and a
 * glossary. The built-in schemas, "five-nets" (Wuhan's five nets) and "tasks" (any plan:
 * no nets, the draft's own headings are its sections), live in <id>.yaml and are compiled
 * into <id>.generated.ts (by scripts/gen-schema.mjs) so a bundled server needs no data
 * files. Custom schemas are YAML or JSON files validated against policy-schema.schema.json.
 */
import { simplify } from '../script';
import fiveNets from './five-nets.generated';
import tasks from './tasks.generated';
import policySchemaJson from './policy-schema.schema.json';
import { LocatedError, parseData, validateData, type ErrorFactory, type ParsedData } from './located';

export { LocatedError } from './located';

export type ScriptNames = { 'zh-Hans': string; 'zh-Hant': string; en: string };
export type BilingualText = { 'zh-Hans': string; en: string };
export type RequiredField = 'owner' | 'metric' | 'deadline';
export type DocumentedField = 'owner' | 'coOwners' | 'metric' | 'deadline';

export interface NetDef {
  id: string;
  names: ScriptNames;
  aliases: string[];
  description: BilingualText;
  keywords: string[];
}

export interface GlossaryTerm {
  term: string;
  aliases: string[];
  definition: BilingualText;
}

export interface FieldDoc {
  description: BilingualText;
  example: BilingualText;
}

export interface PolicySchema {
  id: string;
  name: ScriptNames;
  /** What the schema is for (hovers, status bar). */
  description?: ScriptNames;
  requiredFields: RequiredField[];
  /** Empty for a plan schema (tasks): the draft's headings are its sections, no net rules. */
  nets: NetDef[];
  glossary: GlossaryTerm[];
  fields: Record<DocumentedField, FieldDoc>;
}

/** An error in a schema file. `message` is `file:line:column: detail`; `detail` is plain. */
export class SchemaError extends LocatedError {
  constructor(message: string, file: string, line: number /* 1-based */, column: number /* 1-based */) {
    super(message, file, line, column);
    this.name = 'SchemaError';
  }
}

export const schemaError: ErrorFactory = (message, file, line, column) => new SchemaError(message, file, line, column);

/** The JSON Schema (draft-07) that schema files are validated against. */
export const POLICY_SCHEMA_JSON_SCHEMA: object = policySchemaJson;

let builtin: PolicySchema | null = null;

/**
 * The built-in five-nets schema. Parsed at build time, frozen and shared: copy before
 * changing anything (e.g. `[...schema.glossary, ...extra]`).
 */
export function builtinSchema(): PolicySchema {
  builtin ??= deepFreeze(fiveNets);
  return builtin;
}

let builtinTasks: PolicySchema | null = null;

/** The built-in tasks schema: no nets, every measure of the plan needs its fields. */
export function tasksSchema(): PolicySchema {
  builtinTasks ??= deepFreeze(tasks);
  return builtinTasks;
}

/** Does the schema organise drafts by nets (five-nets), or by the plan's own headings (tasks)? */
export function hasNets(schema: PolicySchema): boolean {
  return schema.nets.length > 0;
}

const BUILTIN_SCHEMAS: Readonly<Record<string, () => PolicySchema>> = {
  'five-nets': builtinSchema,
  tasks: tasksSchema,
};

/** Ids of the built-in schemas, e.g. ['five-nets']. */
export function builtinSchemaIds(): string[] {
  return Object.keys(BUILTIN_SCHEMAS);
}

/** A built-in schema by id, or null when there is none with that id. */
export function getBuiltinSchema(id: string): PolicySchema | null {
  return Object.prototype.hasOwnProperty.call(BUILTIN_SCHEMAS, id) ? BUILTIN_SCHEMAS[id]() : null;
}

/**
 * Parse and validate a schema from YAML or JSON text (JSON when `file` ends in .json).
 * Throws SchemaError with the file, the 1-based line and column, and a plain message.
 */
export function loadSchemaText(text: string, file: string): PolicySchema {
  const parsed = parseData(text, file, schemaError);
  if (parsed.value === null || parsed.value === undefined) {
    throw new SchemaError('the schema file is empty', file, 1, 1);
  }
  validateData(parsed, policySchemaJson, schemaError);
  checkConsistency(parsed);
  return normalize(parsed.value as RawSchema);
}

// ---------------------------------------------------------------------------------------

interface RawNet {
  id: string;
  names: ScriptNames;
  aliases?: string[];
  description?: BilingualText;
  keywords?: string[];
}

interface RawSchema {
  $schema?: string;
  id: string;
  name: ScriptNames;
  description?: ScriptNames;
  requiredFields: RequiredField[];
  nets: RawNet[];
  glossary?: GlossaryTerm[];
  fields?: Partial<Record<DocumentedField, FieldDoc>>;
}

/** Checks JSON Schema cannot express: unique net ids, net names and aliases, glossary terms. */
function checkConsistency(parsed: ParsedData): void {
  const raw = parsed.value as RawSchema;
  const ids = new Map<string, number>();
  raw.nets.forEach((net, i) => {
    const first = ids.get(net.id);
    if (first !== undefined) {
      parsed.fail(schemaError, `nets[${i}].id "${net.id}" is already used by nets[${first}]`, ['nets', i, 'id']);
    }
    ids.set(net.id, i);
  });

  // A heading must name exactly one net: names and aliases may not collide across nets.
  const owners = new Map<string, string>();
  raw.nets.forEach((net, i) => {
    const names: Array<[string, Array<string | number>]> = [
      [net.names['zh-Hans'], ['nets', i, 'names', 'zh-Hans']],
      [net.names['zh-Hant'], ['nets', i, 'names', 'zh-Hant']],
      [net.names.en, ['nets', i, 'names', 'en']],
      ...(net.aliases ?? []).map((alias, j): [string, Array<string | number>] => [alias, ['nets', i, 'aliases', j]]),
    ];
    const own = new Set<string>();
    for (const [name, at] of names) {
      const key = matchKey(name);
      const other = owners.get(key);
      if (other !== undefined && other !== net.id) {
        parsed.fail(schemaError, `"${name}" names both ${other} and ${net.id}; each name or alias must belong to one net`, at);
      }
      own.add(key);
    }
    for (const key of own) owners.set(key, net.id);
  });

  const terms = new Map<string, number>();
  (raw.glossary ?? []).forEach((entry, i) => {
    const key = matchKey(entry.term);
    const first = terms.get(key);
    if (first !== undefined) {
      parsed.fail(schemaError, `glossary[${i}].term "${entry.term}" repeats glossary[${first}]`, ['glossary', i, 'term']);
    }
    terms.set(key, i);
  });
}

/** Names are matched on simplified, case-folded text. */
function matchKey(name: string): string {
  return simplify(name.trim()).toLowerCase();
}

function normalize(raw: RawSchema): PolicySchema {
  const defaults = builtinSchema().fields;
  return {
    id: raw.id,
    name: { ...raw.name },
    ...(raw.description ? { description: { ...raw.description } } : {}),
    requiredFields: [...raw.requiredFields],
    nets: raw.nets.map((net) => ({
      id: net.id,
      names: { ...net.names },
      aliases: [...(net.aliases ?? [])],
      description: net.description ? { ...net.description } : { 'zh-Hans': net.names['zh-Hans'], en: net.names.en },
      keywords: [...(net.keywords ?? [])],
    })),
    glossary: (raw.glossary ?? []).map((entry) => ({
      term: entry.term,
      aliases: [...entry.aliases],
      definition: { ...entry.definition },
    })),
    fields: {
      owner: copyFieldDoc(raw.fields?.owner ?? defaults.owner),
      coOwners: copyFieldDoc(raw.fields?.coOwners ?? defaults.coOwners),
      metric: copyFieldDoc(raw.fields?.metric ?? defaults.metric),
      deadline: copyFieldDoc(raw.fields?.deadline ?? defaults.deadline),
    },
  };
}

function copyFieldDoc(doc: FieldDoc): FieldDoc {
  return { description: { ...doc.description }, example: { ...doc.example } };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
