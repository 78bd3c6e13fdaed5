/**
 * What a config is, its defaults, and what follows from it without reading a file: the
 * part of the config the browser build (no disk, no config files) shares with config.ts.
 */
import { builtinSchema, type GlossaryTerm, type PolicySchema } from './schema/index';
import type { Locale, SeveritySetting } from './types';
import { DEFAULT_INCLUDE } from './globs';

export interface FivenetsConfig {
  /** A config this one builds on: a path relative to this file, or a built-in id (BUILTIN_CONFIGS). */
  extends?: string;
  /** Built-in schema id ("five-nets") or a path, relative to the config file, to a schema file. */
  schema?: string;
  /** Default document date, YYYY-MM-DD. */
  date?: string;
  locale?: Locale;
  rules?: Record<string, SeveritySetting>;
  /** Roster of known units. */
  owners?: string[];
  /** Extra glossary terms (added to the schema's; same term replaces). */
  glossary?: GlossaryTerm[];
  /** Globs relative to `ResolvedConfig.dir`. */
  include?: string[];
  ignore?: string[];
  /** Largest draft to lint, in bytes. */
  maxFileSize?: number;
  /** Base URL of the rule help pages (`<docsUrl>/<rule-id>.md`). */
  docsUrl?: string;
}

export interface ResolvedConfig {
  /** The file's settings merged over DEFAULT_CONFIG. */
  config: FivenetsConfig;
  /** Absolute path of the config file, or null when none was found. */
  file: string | null;
  /** Folder of the config file, or the folder the search started from / the workspace root. */
  dir: string;
  schema: PolicySchema;
  /**
   * 'config' when the config names a schema; 'auto' when it names none (or `auto`): the
   * draft's frontmatter or headings choose (schema/select.ts).
   */
  schemaFrom?: 'config' | 'auto';
  /** Every config file read (the nearest first, then what it extends), for caches and --print-config. */
  files: string[];
  /** The schema file the config names (null: a built-in schema). */
  schemaFile: string | null;
  /** What the config files set themselves, merged along `extends`, without the defaults. */
  explicit: FivenetsConfig;
  /** Folders that `include` and `ignore` are relative to: the folder of the file that wrote them (`dir` by default). */
  includeDir: string;
  ignoreDir: string;
}

/** `schema: auto` (the default): the draft's frontmatter or headings choose five-nets or tasks. */
export const AUTO_SCHEMA = 'auto';
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/** Defaults that a config file's settings are merged over. `locale` and `date` have none. */
export const DEFAULT_CONFIG: Readonly<Required<Pick<FivenetsConfig, 'schema' | 'rules' | 'owners' | 'glossary' | 'include' | 'ignore' | 'maxFileSize'>>> = Object.freeze({
  schema: AUTO_SCHEMA,
  rules: Object.freeze({}) as Record<string, SeveritySetting>,
  owners: Object.freeze([]) as unknown as string[],
  glossary: Object.freeze([]) as unknown as GlossaryTerm[],
  include: DEFAULT_INCLUDE as string[],
  ignore: Object.freeze(['**/node_modules/**', '**/.git/**']) as unknown as string[],
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
});

export function mergeDefaults(config: FivenetsConfig): FivenetsConfig {
  const merged: FivenetsConfig = {
    schema: config.schema ?? DEFAULT_CONFIG.schema,
    rules: { ...DEFAULT_CONFIG.rules, ...config.rules },
    owners: [...(config.owners ?? DEFAULT_CONFIG.owners)],
    glossary: (config.glossary ?? DEFAULT_CONFIG.glossary).map((g) => ({ term: g.term, aliases: [...g.aliases], definition: { ...g.definition } })),
    include: [...(config.include ?? DEFAULT_CONFIG.include)],
    ignore: [...(config.ignore ?? DEFAULT_CONFIG.ignore)],
    maxFileSize: config.maxFileSize ?? DEFAULT_CONFIG.maxFileSize,
  };
  if (config.date !== undefined) merged.date = config.date;
  if (config.locale !== undefined) merged.locale = config.locale;
  if (config.docsUrl !== undefined) merged.docsUrl = config.docsUrl;
  return merged;
}

/** The config used when no config file is found: defaults and the built-in schema, `dir` as given. */
export function builtinResolvedConfig(dir: string): ResolvedConfig {
  return { config: mergeDefaults({}), file: null, dir, schema: builtinSchema(), schemaFrom: 'auto', files: [], schemaFile: null, explicit: {}, includeDir: dir, ignoreDir: dir };
}

/** The schema's glossary with the config's extra terms (a config term replaces a schema term of the same name). */
export function effectiveGlossary(resolved: ResolvedConfig): GlossaryTerm[] {
  const extra = resolved.config.glossary ?? [];
  const replaced = new Set(extra.map((g) => g.term));
  return [...resolved.schema.glossary.filter((g) => !replaced.has(g.term)), ...extra];
}
