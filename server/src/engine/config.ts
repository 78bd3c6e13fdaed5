/**
 * .fivenets.yaml / .fivenets.yml / .fivenets.json: discovery (the draft's folder or its
 * nearest ancestor), parsing with line numbers, validation against
 * schema/fivenets-config.schema.json, and resolution of the policy schema it names.
 *
 * Configs and schemas are data only: they are parsed with `yaml` and checked with ajv;
 * nothing from the workspace is ever required or evaluated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import configJsonSchema from './schema/fivenets-config.schema.json';
import { builtinSchema, builtinSchemaIds, getBuiltinSchema, type PolicySchema } from './schema/index';
import { loadSchemaFile, readDataFile } from './schema/data-file';
import { LocatedError, closest, parseData, validateData, type ErrorFactory, type ParsedData } from './schema/located';
import type { Locale, SeveritySetting } from './types';
import { configIn, isBuiltinSchemaId, repositoryRoot } from './config-files';
import { globProblem } from './globs';
import { isCalendarDate } from './calendar';
import { AUTO_SCHEMA, builtinResolvedConfig, mergeDefaults, type FivenetsConfig, type ResolvedConfig } from './config-model';
import { RULES } from './rules';

/** An error in a config file. `message` is `file:line:column: detail` on one line; `detail` is plain. */
export class ConfigError extends LocatedError {
  constructor(message: string, file: string, line: number /* 1-based */, column: number /* 1-based */) {
    super(message, file, line, column);
    this.name = 'ConfigError';
  }
}

const configError: ErrorFactory = (message, file, line, column) => new ConfigError(message, file, line, column);

export { CONFIG_NAMES } from './config-files';
export { AUTO_SCHEMA, DEFAULT_CONFIG, DEFAULT_MAX_FILE_SIZE, effectiveGlossary, type FivenetsConfig, type ResolvedConfig } from './config-model';

export interface ConfigOptions {
  /** A schema path resolving outside this folder is refused. */
  workspaceRoot?: string;
  /** When given, a rule id in `rules` that is not in this list is a ConfigError. */
  knownRules?: readonly string[];
}

/**
 * The config file in `startDir` or its nearest ancestor, or null. The search does not go
 * above `stopAt` (inclusive) when `stopAt` is an ancestor of `startDir`.
 */
export function findConfigFile(startDir: string, stopAt?: string): string | null {
  const stop = stopAt === undefined ? undefined : path.resolve(stopAt);
  for (let dir = path.resolve(startDir); ;) {
    const found = configIn(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) return null;
    dir = parent;
  }
}

/**
 * Parse and validate config text (JSON when `file` ends in .json, otherwise YAML). An empty
 * file is an empty config. Throws ConfigError with the line and column of the problem.
 */
export function parseConfigText(text: string, file: string, options: Pick<ConfigOptions, 'knownRules'> = {}): FivenetsConfig {
  return parseConfig(text, file, options).config;
}

function parseConfig(text: string, file: string, options: Pick<ConfigOptions, 'knownRules'>): { config: FivenetsConfig; parsed: ParsedData } {
  const parsed = parseData(text, file, configError);
  if (parsed.value === null || parsed.value === undefined) return { config: {}, parsed };
  validateData(parsed, configJsonSchema, configError);
  const raw = parsed.value as RawConfig;

  if (raw.date !== undefined && !isCalendarDate(raw.date)) {
    parsed.fail(configError, `date ${raw.date} is not a real calendar date`, ['date'], 'value');
  }
  for (const key of ['include', 'ignore'] as const) {
    (raw[key] ?? []).forEach((glob, i) => {
      const problem = globProblem(glob);
      if (problem) parsed.fail(configError, `${key}[${i}] ${problem}`, [key, i], 'value');
    });
  }
  if (options.knownRules && raw.rules) {
    for (const id of Object.keys(raw.rules)) {
      if (!options.knownRules.includes(id)) {
        const guess = closest(id, options.knownRules);
        parsed.fail(configError, `rules.${id} is not a known rule${guess ? ` (did you mean ${guess}?)` : ''}`, ['rules', id], 'key');
      }
    }
  }
  const terms = new Map<string, number>();
  (raw.glossary ?? []).forEach((entry, i) => {
    const first = terms.get(entry.term);
    if (first !== undefined) parsed.fail(configError, `glossary[${i}].term "${entry.term}" repeats glossary[${first}]`, ['glossary', i, 'term']);
    terms.set(entry.term, i);
  });

  const config: FivenetsConfig = {};
  if (raw.schema !== undefined) config.schema = raw.schema;
  if (raw.date !== undefined) config.date = raw.date;
  if (raw.locale !== undefined) config.locale = raw.locale;
  if (raw.rules !== undefined) config.rules = { ...raw.rules };
  if (raw.owners !== undefined) config.owners = [...raw.owners];
  if (raw.glossary !== undefined) {
    config.glossary = raw.glossary.map((entry) => {
      const zh = entry.definition['zh-Hans'] ?? entry.definition.en ?? '';
      const en = entry.definition.en ?? entry.definition['zh-Hans'] ?? '';
      return { term: entry.term, aliases: [...(entry.aliases ?? [])], definition: { 'zh-Hans': zh, en } };
    });
  }
  if (raw.include !== undefined) config.include = [...raw.include];
  if (raw.ignore !== undefined) config.ignore = [...raw.ignore];
  if (raw.maxFileSize !== undefined) config.maxFileSize = raw.maxFileSize;
  if (raw.extends !== undefined) config.extends = raw.extends;
  if (raw.docsUrl !== undefined) config.docsUrl = raw.docsUrl;
  return { config, parsed };
}

interface RawConfig {
  $schema?: string;
  extends?: string;
  docsUrl?: string;
  schema?: string;
  date?: string;
  locale?: Locale;
  rules?: Record<string, SeveritySetting>;
  owners?: string[];
  glossary?: Array<{ term: string; aliases?: string[]; definition: { 'zh-Hans'?: string; en?: string } }>;
  include?: string[];
  ignore?: string[];
  maxFileSize?: number;
}

export { globProblem } from './globs';

/**
 * Load a config file and the schema it names. A `schema` path is resolved relative to the
 * config file; a path resolving outside `workspaceRoot` (or, without one, outside the
 * repository that holds the config), also through a symlink, and an absolute path are refused. Throws ConfigError for problems in the config, SchemaError for problems
 * inside the schema file it points to.
 */
export function loadConfigFile(file: string, options: ConfigOptions = {}): ResolvedConfig {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  const layer = loadLayer(abs, options, []);
  const schemaAt = layer.schemaAt ?? { dir, parsed: layer.parsed };
  const schemaValue = layer.config.schema ?? AUTO_SCHEMA;
  const named = schemaValue !== AUTO_SCHEMA;
  const schema = named ? resolveSchema(schemaValue, schemaAt.dir, schemaAt.parsed, options.workspaceRoot) : builtinSchema();
  return {
    config: mergeDefaults(layer.config),
    file: abs,
    dir,
    schema,
    schemaFrom: named ? 'config' : 'auto',
    files: layer.files,
    schemaFile: isBuiltinSchemaId(schemaValue) ? null : path.resolve(schemaAt.dir, schemaValue),
    explicit: layer.config,
    includeDir: layer.includeDir ?? dir,
    ignoreDir: layer.ignoreDir ?? dir,
  };
}

/**
 * Configs an `extends` may name by id. "recommended" is the defaults (a base to say so
 * explicitly); "strict" makes every rule an error.
 */
const BUILTIN_CONFIGS: Readonly<Record<string, () => FivenetsConfig>> = Object.freeze({
  recommended: () => ({}),
  strict: () => ({ rules: Object.fromEntries(RULES.map((rule) => [rule.meta.id, 'error' as const])) }),
});

/** One config file merged over what it extends. */
interface Layer {
  config: FivenetsConfig;
  parsed: ParsedData;
  files: string[];
  /** The file that wrote `schema` (a schema path is relative to it). */
  schemaAt?: { dir: string; parsed: ParsedData };
  includeDir?: string;
  ignoreDir?: string;
}

function loadLayer(abs: string, options: ConfigOptions, chain: readonly string[]): Layer {
  const text = readDataFile(abs, configError);
  const { config, parsed } = parseConfig(text, abs, options);
  const dir = path.dirname(abs);
  const own: Layer = {
    config,
    parsed,
    files: [abs],
    schemaAt: config.schema === undefined ? undefined : { dir, parsed },
    includeDir: config.include === undefined ? undefined : dir,
    ignoreDir: config.ignore === undefined ? undefined : dir,
  };
  if (config.extends === undefined) return own;
  const base = loadBase(config.extends, dir, parsed, options, [...chain, abs]);
  return {
    config: mergeLayers(base.config, config),
    parsed,
    files: [abs, ...base.files],
    schemaAt: own.schemaAt ?? base.schemaAt,
    includeDir: own.includeDir ?? base.includeDir,
    ignoreDir: own.ignoreDir ?? base.ignoreDir,
  };
}

/** What `extends: value` (written in a config in `dir`) names. */
function loadBase(value: string, dir: string, parsed: ParsedData, options: ConfigOptions, chain: readonly string[]): Layer {
  const at = ['extends'];
  if (isBuiltinSchemaId(value)) {
    const builtin = Object.hasOwn(BUILTIN_CONFIGS, value) ? BUILTIN_CONFIGS[value] : undefined;
    if (!builtin)
      parsed.fail(configError, `extends "${value}" is not a built-in config (built-in: ${Object.keys(BUILTIN_CONFIGS).join(', ')}); for a file give a relative path ending in .yaml, .yml or .json`, at, 'value');
    return { config: builtin(), parsed, files: [] };
  }
  if (!/\.(ya?ml|json)$/iu.test(value)) parsed.fail(configError, `extends path ${value} must end in .yaml, .yml or .json`, at, 'value');
  const resolved = path.resolve(dir, value);
  // As for a schema path: a config may build only on a config of its workspace or repository.
  if (!insideRoot(resolved, options.workspaceRoot ?? repositoryRoot(dir) ?? dir)) {
    parsed.fail(configError, `extends path ${value} is outside the ${options.workspaceRoot === undefined ? 'repository' : 'workspace'}`, at, 'value');
  }
  if (chain.includes(resolved)) {
    const cycle = [...chain.slice(chain.indexOf(resolved)), resolved].map((file) => path.relative(dir, file) || path.basename(file));
    parsed.fail(configError, `extends makes a cycle: ${cycle.join(' -> ')}`, at, 'value');
  }
  if (!fs.existsSync(resolved)) parsed.fail(configError, `extends file ${value} not found`, at, 'value');
  return loadLayer(resolved, options, chain);
}

/** `own` over `base`: own settings win; rules merge by id, glossary by term. */
function mergeLayers(base: FivenetsConfig, own: FivenetsConfig): FivenetsConfig {
  const merged: FivenetsConfig = { ...base, ...own };
  delete merged.extends;
  if (base.rules || own.rules) merged.rules = { ...base.rules, ...own.rules };
  if (base.glossary && own.glossary) {
    const replaced = new Set(own.glossary.map((entry) => entry.term));
    merged.glossary = [...base.glossary.filter((entry) => !replaced.has(entry.term)), ...own.glossary];
  }
  return merged;
}

function resolveSchema(value: string, dir: string, parsed: ParsedData, workspaceRoot: string | undefined): PolicySchema {
  const at = ['schema'];
  if (isBuiltinSchemaId(value)) {
    const schema = getBuiltinSchema(value);
    if (schema) return schema;
    parsed.fail(configError, `schema "${value}" is not a built-in schema (built-in: ${builtinSchemaIds().join(', ')}); for a schema file give a relative path ending in .yaml, .yml or .json`, at, 'value');
  }
  if (!/\.(ya?ml|json)$/i.test(value)) {
    parsed.fail(configError, `schema path ${value} must end in .yaml, .yml or .json`, at, 'value');
  }
  if (path.isAbsolute(value)) {
    parsed.fail(configError, `schema path ${value} is absolute: give a path relative to the config file, inside the ${workspaceRoot === undefined ? 'repository' : 'workspace'}`, at, 'value');
  }
  const resolved = path.resolve(dir, value);
  // A config from a repository may name only a schema of that repository (the workspace in the
  // editor; else the repository that holds the config, or its folder outside any repository),
  // so a cloned repository cannot make the tool read /etc or a home folder as a schema.
  if (!insideRoot(resolved, workspaceRoot ?? repositoryRoot(dir) ?? dir)) {
    parsed.fail(configError, `schema path ${value} is outside the ${workspaceRoot === undefined ? 'repository' : 'workspace'}`, at, 'value');
  }
  if (!fs.existsSync(resolved)) {
    parsed.fail(configError, `schema file ${value} not found`, at, 'value');
  }
  return loadSchemaFile(resolved);
}

/** The path as written and with symlinks followed are both inside the root (either spelling of it). */
function insideRoot(resolved: string, root: string): boolean {
  const roots = [path.resolve(root), realpathOr(path.resolve(root))];
  const inside = (p: string) => roots.some((root) => isInside(root, p));
  return inside(resolved) && inside(realpathOr(resolved));
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync.native(p);
  } catch {
    return p;
  }
}

/** True when `p` is `root` or below it. */
function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The config used when no config file is found: defaults and the built-in schema. */
export function defaultResolvedConfig(dir: string): ResolvedConfig {
  return builtinResolvedConfig(path.resolve(dir));
}

/**
 * The config for a draft: `explicitConfig` when given, else the config file in the draft's
 * folder or its nearest ancestor (not above `workspaceRoot` when the draft is inside it),
 * else the defaults (with `dir` = workspaceRoot, or the draft's folder).
 *
 * `cache` maps folders (absolute paths) to their resolved config, so drafts in the same
 * folders share one object and the file system is asked once per folder. Clear it when a
 * config or schema file changes. Errors are not cached.
 */
export function resolveConfigForFile(filePath: string, options: { explicitConfig?: string; workspaceRoot?: string; cache?: Map<string, ResolvedConfig>; knownRules?: readonly string[] } = {}): ResolvedConfig {
  const cache = options.cache;
  const loadOptions: ConfigOptions = { workspaceRoot: options.workspaceRoot, knownRules: options.knownRules };

  if (options.explicitConfig !== undefined) {
    const key = `explicit:${path.resolve(options.explicitConfig)}`;
    const hit = cache?.get(key);
    if (hit) return hit;
    const resolved = loadConfigFile(options.explicitConfig, loadOptions);
    cache?.set(key, resolved);
    return resolved;
  }

  const startDir = path.dirname(path.resolve(filePath));
  const stop = options.workspaceRoot === undefined ? undefined : path.resolve(options.workspaceRoot);
  const visited: string[] = [];
  let result: ResolvedConfig | undefined;
  for (let dir = startDir; ;) {
    result = cache?.get(dir);
    if (result) break;
    visited.push(dir);
    const found = configIn(dir);
    if (found) {
      result = loadConfigFile(found, loadOptions);
      break;
    }
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) break;
    dir = parent;
  }
  if (!result) {
    result = defaultResolvedConfig(stop ?? startDir);
    // Without a workspace root the default's `dir` is the start folder: share it with that folder only.
    if (stop === undefined) {
      cache?.set(startDir, result);
      return result;
    }
  }
  for (const dir of visited) cache?.set(dir, result);
  return result;
}
