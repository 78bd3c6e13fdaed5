/**
 * `fivenets lint --print-config FILE`: the effective configuration for one file as JSON, and
 * why: which config files were read (nearest first, then what they extend), the schema the
 * draft is checked against and why (--schema, frontmatter, config or auto, as the lint chooses), every rule's severity, the include and ignore globs with the folders
 * they are relative to, the ignore files that apply, and whether `fivenets lint DIR` (and the
 * editor) would take the file for a draft. What ESLint's --print-config answers.
 */
import * as path from 'node:path';
import { RULES, lintOptionsFor } from '../engine';
import { AUTO_SCHEMA, DEFAULT_MAX_FILE_SIZE, resolveConfigForFile } from '../engine/config';
import { isBuiltinSchemaId } from '../engine/config-files';
import { chooseSchema } from '../engine/schema/select';
import { readDraft, type CliIO } from './io';
import { draftScope, readHead, relativeInside } from '../engine/classify';
import { frontmatterSchema } from '../engine/frontmatter';
import { DOCS_BASE } from '../version';
import { draftSelector, schemaOverride, scopeSourceOf, type Common } from './load';

export function printConfig(io: CliIO, file: string, common: Common): number {
  const absolute = path.resolve(io.cwd, file);
  const shown = (target: string) => relativeInside(io.cwd, target) ?? (path.resolve(io.cwd) === target ? '.' : target);
  const resolve = (target: string) => resolveConfigForFile(target, { explicitConfig: common.config ? path.resolve(io.cwd, common.config) : undefined, knownRules: RULES.map((rule) => rule.meta.id) });
  const resolved = resolve(absolute);
  const forced = schemaOverride(common.schema, io.cwd);
  const options = lintOptionsFor(resolved, { locale: common.locale, severities: common.severities, schema: forced });
  if (common.schema === AUTO_SCHEMA) options.schemaFrom = 'auto';
  const selector = draftSelector(io.cwd, common, resolve);
  const noIgnore = common.ignore?.noIgnore === true;
  const source = scopeSourceOf(resolved);
  const scope = draftScope(noIgnore ? { ...source, ignore: [] } : source, selector.rootOf({ absolute, root: path.dirname(absolute) }));
  const head = readHead(absolute);
  const named = head === null ? null : frontmatterSchema(head);
  // The schema as the lint chooses it: auto looks at every heading, so the whole draft is read.
  let text = head ?? '';
  try {
    text = readDraft(absolute, resolved.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE).text;
  } catch {
    // Unreadable, empty or too large: judged on what could be read.
  }
  const choice = chooseSchema(text, options.schema, options.schemaFrom ?? 'config');
  const flagFile = common.schema !== undefined && !isBuiltinSchemaId(common.schema) ? path.resolve(io.cwd, common.schema) : null;
  const schemaFile = forced !== null ? flagFile : choice.schema === resolved.schema ? resolved.schemaFile : null;
  // As `fivenets lint DIR` judges it when found under a folder (named explicitly, it is always linted).
  const verdict = selector.verdict({ absolute, display: file, how: 'folder', root: path.dirname(absolute) }) ?? { draft: false, reason: 'not-included' };
  const report = {
    file: shown(absolute),
    draft: verdict.draft,
    reason: verdict.reason,
    ...(verdict.detail === undefined ? {} : { reasonDetail: verdict.reason === 'ignore-file' ? shown(verdict.detail) : verdict.detail }),
    configFiles: resolved.files.map(shown),
    schema: { id: choice.schema.id, file: schemaFile === null ? null : shown(schemaFile), from: choice.from },
    frontmatterSchema: named,
    locale: options.locale,
    date: options.documentDate,
    rules: Object.fromEntries(RULES.map((rule) => [rule.meta.id, options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity])),
    owners: options.roster ?? [],
    include: { globs: scope.include, base: shown(scope.includeBase), from: scope.includeFrom },
    ignore: { globs: scope.ignore, base: shown(scope.ignoreBase) },
    ignoreFiles: noIgnore ? [] : selector.ignoreFilesFor(absolute).map(shown),
    maxFileSize: resolved.config.maxFileSize,
    docsUrl: resolved.config.docsUrl ?? DOCS_BASE,
  };
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  return 0;
}
