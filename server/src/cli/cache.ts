/**
 * --cache: results keyed by file content hash + effective config + tool version (ESLint's
 * "content" strategy), so a CI checkout where modification times change still hits.
 *
 * The file is one line of JSON (the index) followed by the entries' payloads: each file's
 * diagnostics as the JSON report renders them (formatters/json.ts). The index is small and
 * parsed whole; a payload is only read when a report needs it, and the JSON report copies it
 * byte for byte. Payloads are laid out in the order of the last run's files, so the next run
 * reads the file front to back.
 *
 * Beside the entries, the index records what a run needs to answer from the cache without
 * loading the engine (see fast.ts): for each effective config, the files it was built from
 * (with their content hashes), its ignore globs, size limit and options hash; and the rule
 * table SARIF and --rule need. All of it is tied to the tool version like the entries.
 *
 * The cache is a file the run did not write itself (issue 12): a pull request could commit a
 * forged one that says "no problems". So the default location is outside the repository's
 * tracked files (node_modules/.cache/fivenets/, as ESLint, Babel and Prettier do), a cache
 * file tracked by git is ignored with a warning, a location that is not a regular file (a
 * link, /dev/null, a FIFO) is neither read nor replaced, every index entry is checked, and a
 * payload is parsed and checked against the JSON contract before a report copies it: a
 * broken entry is a miss (the draft is linted again), never an internal error. The report
 * copies a checked payload from the file again, held to the SHA-256 of the checked bytes: a
 * cache written to during the run fails the run (exit 2) rather than pass unchecked bytes on.
 */
import * as crypto from 'node:crypto';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ScopeSource } from '../engine/classify';
import type { Locale } from '../engine/types';
import { globProblem } from '../engine/globs';
import { readRegularFile } from '../engine/read-file';
import { VERSION } from '../version';
import { checkJsonDiagnostics } from './formatters/json';
import type { Counts, ReportedSchema, RuleSummary } from './formatters/types';
import { isTrackedByGit } from './git-index';
import { FileSlice, fdSink, readFully, writeChunks, type Chunk } from './output';
import { createTemporaryBeside } from './safe-write';

/** A config or schema file is at most this large (schema/located.ts MAX_DATA_FILE_SIZE). */
const MAX_INPUT_SIZE = 1024 * 1024;

/** 3: compact JSON fragments (2 held indented ones). */
const FORMAT = 4;
/** How an index of this format starts (its first key). */
const MAGIC = `{"format":${FORMAT},`;

/** SHA-256 of a draft's text (what the cache keys entries by). */
export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The same hash from a draft's bytes: its UTF-8 text, without the BOM the text drops. */
export function hashDraftBytes(bytes: Uint8Array): string {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return sha256Hex(bom ? bytes.subarray(3) : bytes);
}

/** SHA-256 (hex) of bytes (a draft's, a checked payload's). */
function sha256Hex(bytes: Uint8Array): string {
  return oneShotHash ? oneShotHash('sha256', bytes, 'hex') : createHash('sha256').update(bytes).digest('hex');
}

/** crypto.hash (Node 20.12+): one call, no Hash object, for the many small drafts. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: Uint8Array, encoding: 'hex') => string }).hash;

/** SHA-256 of a file's bytes (a config or schema file), or null when it cannot be read. */
export function hashFile(file: string): string | null {
  try {
    return createHash('sha256').update(readRegularFile(file, MAX_INPUT_SIZE)).digest('hex');
  } catch {
    return null;
  }
}

export interface ConfigRecord {
  /** Files the effective config was built from (the config file, a schema file it names) and their SHA-256. */
  inputs: Array<[file: string, hash: string]>;
  /** The config's folder and ignore globs (relative to it). */
  dir: string;
  ignore: string[];
  maxFileSize: number;
  /** Hash of the lint options, as entries store it. */
  optionsHash: string;
  /** The globs that select drafts (engine/classify.ts); records without it send the run to the full lint. */
  scope?: ScopeSource;
  /** Schema ids a frontmatter may name to make a file a draft (built-in ids and the config's schema). */
  knownSchemas?: string[];
  /** The config's docsUrl (rule help links) and locale (the stylish summary's language). */
  docsUrl?: string;
  locale?: Locale;
}

export type RuleTables = Partial<Record<Locale, RuleSummary[]>>;

type IndexEntry = [contentHash: string, optionsHash: string, position: number, length: number, errors: number, warnings: number, infos: number, schema?: string];

interface Index {
  format: number;
  tool: string;
  entries: Record<string, IndexEntry>;
  configs: Record<string, ConfigRecord>;
  rules: RuleTables;
}

interface Entry {
  contentHash: string;
  optionsHash: string;
  json: Chunk;
  counts: Counts;
  schema?: ReportedSchema;
}

export interface CachedResult {
  /** The diagnostics, rendered as in the JSON report. */
  json: Chunk;
  counts: Counts;
  /** The schema the draft was checked against, and why. */
  schema?: ReportedSchema;
}

/** `id|from` in the index. */
function schemaOf(value: unknown): ReportedSchema | undefined {
  if (typeof value !== 'string') return undefined;
  const [id, from] = value.split('|');
  return id && from ? { id, from } : undefined;
}

export class LintCache {
  private entries = new Map<string, Entry>();
  private configs: Record<string, ConfigRecord> = {};
  private rules: RuleTables = {};
  private fd: number | null = null;
  /** Where payloads are read to be checked (reused: see get). */
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private dirty = false;
  /** Why the cache is not used (then nothing is read or written), to print as a warning. */
  readonly problem: string | null;

  constructor(readonly file: string) {
    this.problem = unusable(file);
    if (this.problem) return;
    try {
      this.load();
    } catch {
      // No cache yet, or an unreadable one: start empty.
      this.close();
      this.entries.clear();
      this.configs = {};
      this.rules = {};
    }
  }

  private load(): void {
    // Not through a link, and a FIFO swapped in after the check does not block the open.
    const fd = fs.openSync(this.file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    this.fd = fd;
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) return;
    const size = opened.size;
    let head = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
    let length = 0;
    let newline = -1;
    while (newline < 0) {
      if (length === head.length) {
        if (length >= size) return;
        const grown = Buffer.allocUnsafe(Math.min(size, head.length * 4));
        head.copy(grown, 0, 0, length);
        head = grown;
      }
      const read = fs.readSync(fd, head, length, head.length - length, length);
      if (read === 0) return;
      // Another format (the JSON file of earlier versions, or anything else): start empty.
      if (length === 0 && head.toString('latin1', 0, MAGIC.length) !== MAGIC) return;
      newline = head.subarray(0, length + read).indexOf(10, length);
      length += read;
    }
    const index = JSON.parse(head.toString('utf8', 0, newline)) as unknown;
    // A cache written by another version (or format), or not in the shape this one writes, is ignored.
    if (!isIndex(index)) return;
    const base = newline + 1;
    for (const [file, [contentHash, optionsHash, position, bytes, errors, warnings, infos, schema]] of Object.entries(index.entries)) {
      if (base + position + bytes > size) throw new Error('truncated cache');
      this.entries.set(file, { contentHash, optionsHash, json: new FileSlice(fd, base + position, bytes), counts: { errors, warnings, infos }, schema: schemaOf(schema) });
    }
    this.configs = index.configs;
    this.rules = index.rules;
  }

  /**
   * The entry for a draft with these keys, its payload parsed and checked (with the counts the
   * index gives), or null: a miss, or an entry that does not hold up, which is linted again.
   */
  get(absolute: string, contentHash: string, optionsHash: string): CachedResult | null {
    const entry = this.entries.get(absolute);
    if (!entry || entry.contentHash !== contentHash || entry.optionsHash !== optionsHash) return null;
    let bytes: Uint8Array = new Uint8Array(0);
    let counts: Counts | null = null;
    try {
      bytes = entry.json instanceof FileSlice ? this.readSlice(entry.json) : typeof entry.json === 'string' ? Buffer.from(entry.json, 'utf8') : entry.json;
      counts = checkJsonDiagnostics(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')));
    } catch {
      // Unreadable or not JSON: a miss.
    }
    if (!counts || counts.errors !== entry.counts.errors || counts.warnings !== entry.counts.warnings || counts.infos !== entry.counts.infos) {
      this.entries.delete(absolute);
      this.dirty = true;
      return null;
    }
    // A payload read from the file is not kept (7.7 MB of fresh memory for 400 drafts, whose page
    // faults were a tenth of a cached run): the report copies it from the file again, held to
    // the digest of the bytes just checked (FileSlice), so what was parsed is what is reported.
    if (entry.json instanceof FileSlice) entry.json = new FileSlice(entry.json.fd, entry.json.position, entry.json.length, sha256Hex(bytes));
    else entry.json = bytes;
    return { json: entry.json, counts, schema: entry.schema };
  }

  /** A slice's bytes in a buffer reused from one entry to the next (valid until the next read). */
  private readSlice(slice: FileSlice): Uint8Array {
    if (this.scratch.length < slice.length) this.scratch = Buffer.allocUnsafe(Math.max(slice.length, this.scratch.length * 2));
    readFully(slice.fd, this.scratch, 0, slice.length, slice.position);
    return this.scratch.subarray(0, slice.length);
  }

  /** The keys of a file's entry (for tests and tools that inspect the cache). */
  keysOf(absolute: string): { contentHash: string; optionsHash: string } | undefined {
    const entry = this.entries.get(absolute);
    return entry && { contentHash: entry.contentHash, optionsHash: entry.optionsHash };
  }

  set(absolute: string, contentHash: string, optionsHash: string, json: string | Uint8Array, counts: Counts, schema?: ReportedSchema): void {
    this.entries.set(absolute, { contentHash, optionsHash, json, counts, schema });
    this.dirty = true;
  }

  config(key: string): ConfigRecord | undefined {
    return Object.hasOwn(this.configs, key) ? this.configs[key] : undefined;
  }

  setConfig(key: string, record: ConfigRecord): void {
    if (JSON.stringify(this.config(key)) === JSON.stringify(record)) return;
    this.configs[key] = record;
    this.dirty = true;
  }

  ruleTable(locale: Locale): RuleSummary[] | undefined {
    return this.rules[locale];
  }

  setRuleTable(locale: Locale, table: RuleSummary[]): void {
    if (JSON.stringify(this.rules[locale]) === JSON.stringify(table)) return;
    this.rules[locale] = table;
    this.dirty = true;
  }

  /**
   * Write the cache when anything changed: a new file beside it, renamed over it. `order`
   * (the run's files) comes first in the payloads. Returns a problem to report, or null.
   */
  save(order: readonly string[]): string | null {
    if (!this.dirty || this.problem) return null;
    let temporary: string | null = null;
    try {
      const files = [...new Set([...order.filter((file) => this.entries.has(file)), ...this.entries.keys()])];
      const index: Index = { format: FORMAT, tool: VERSION, entries: {}, configs: this.configs, rules: this.rules };
      const payloads: Chunk[] = [];
      let position = 0;
      for (const file of files) {
        const entry = this.entries.get(file) as Entry;
        const json = typeof entry.json === 'string' ? Buffer.from(entry.json, 'utf8') : entry.json;
        const length = json instanceof FileSlice ? json.length : json.byteLength;
        index.entries[file] = [entry.contentHash, entry.optionsHash, position, length, entry.counts.errors, entry.counts.warnings, entry.counts.infos];
        if (entry.schema) index.entries[file].push(`${entry.schema.id}|${entry.schema.from}`);
        payloads.push(json);
        position += length;
      }
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      // Created exclusively under an unpredictable name: a link planted there cannot redirect the write.
      const created = createTemporaryBeside(this.file);
      temporary = created.temporary;
      try {
        writeChunks([`${JSON.stringify(index)}\n`, ...payloads], fdSink(created.fd));
      } finally {
        fs.closeSync(created.fd);
      }
      // Checked again just before the rename: what took the cache's place meanwhile is not replaced.
      const problem = unusable(this.file);
      if (problem) throw Object.assign(new Error(problem), { code: 'not a regular file' });
      fs.renameSync(temporary, this.file);
      this.dirty = false;
      return null;
    } catch (error) {
      try {
        if (temporary) fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more to do: the problem is reported.
      }
      return `cannot write cache ${this.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    }
  }

  /** Release the cache file (entries read from it cannot be read after this). */
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Why `file` cannot serve as the cache, or null: it exists but is not a regular file (a link,
 * /dev/null, a FIFO, a folder: replacing it would destroy it), or git tracks it (a committed
 * cache is the pull request's word, not this tool's).
 */
function unusable(file: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    return null;
  }
  if (!stat.isFile()) return `--cache-location ${file} is not a regular file (a link, device, pipe or folder): no cache is read or written`;
  if (isTrackedByGit(file)) return `the cache ${file} is tracked by git: a committed cache is not trusted, so it is ignored (keep it out of the repository)`;
  return null;
}

const HASH = /^[0-9a-f]{64}$/u;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isEntry(value: unknown): value is IndexEntry {
  if (!Array.isArray(value) || (value.length !== 7 && value.length !== 8)) return false;
  // The eighth, when present, is the schema as `id|from`.
  return HASH.test(String(value[0])) && HASH.test(String(value[1])) && value.slice(2, 7).every(isCount) && (value.length === 7 || typeof value[7] === 'string');
}

function isConfigRecord(value: unknown): value is ConfigRecord {
  if (!isObject(value)) return false;
  const inputs = value.inputs;
  return (
    Array.isArray(inputs) &&
    inputs.every((input) => Array.isArray(input) && input.length === 2 && typeof input[0] === 'string' && HASH.test(String(input[1]))) &&
    typeof value.dir === 'string' &&
    isStrings(value.ignore) &&
    value.ignore.every((glob) => globProblem(glob) === null) &&
    isCount(value.maxFileSize) &&
    typeof value.optionsHash === 'string' &&
    HASH.test(value.optionsHash)
  );
}

function isRuleTables(value: unknown): value is RuleTables {
  if (!isObject(value)) return false;
  return Object.entries(value).every(
    ([locale, table]) =>
      ['zh-CN', 'zh-TW', 'en'].includes(locale) &&
      Array.isArray(table) &&
      table.every(
        (rule) =>
          isObject(rule) &&
          typeof rule.id === 'string' &&
          typeof rule.description === 'string' &&
          typeof rule.rationale === 'string' &&
          typeof rule.fixable === 'boolean' &&
          ['error', 'warning', 'info'].includes(String(rule.defaultSeverity)),
      ),
  );
}

/** An index of this format and version, every part in the shape save() writes. */
function isIndex(value: unknown): value is Index {
  if (!isObject(value) || value.format !== FORMAT || value.tool !== VERSION) return false;
  const { entries, configs, rules } = value;
  return isObject(entries) && Object.values(entries).every(isEntry) && isObject(configs) && Object.values(configs).every(isConfigRecord) && isRuleTables(rules);
}
