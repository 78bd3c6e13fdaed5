/** Public surface of the engine, for the CLI, the language server and tests. */
export * from './types';
export { lint, lintDiagnostics, buildModel, IncrementalLinter, INTERNAL_ERROR_RULE } from './lint';
export { fixAll } from './linter/fix-all';
export type { LintOptions, LintResult } from './lint';
export { applyFixes } from './fix';
export { LineIndex } from './lines';
export { RULES, RULES_BY_ID } from './rules';
export type { Localized } from './rule';
export { localize, normalizeLocale } from './i18n';
export { taskRows, netName } from './export';
export type { TaskRow } from './export';
export { lintOptionsFor } from './options';
