/** Config -> lint options, shared by the CLI and the language server so they never disagree. */
import type { ResolvedConfig } from './config';
import type { LintOptions } from './lint';
import type { Locale, SeveritySetting } from './types';
import type { PolicySchema } from './schema';

export interface Overrides {
  locale?: Locale | null;
  severities?: Record<string, SeveritySetting>;
  /** `--schema`: this schema for every draft, whatever its config or frontmatter says. */
  schema?: PolicySchema | null;
}

export function lintOptionsFor(resolved: ResolvedConfig, overrides: Overrides = {}): LintOptions {
  return {
    schema: overrides.schema ?? resolved.schema,
    schemaFrom: overrides.schema ? 'cli' : (resolved.schemaFrom ?? 'config'),
    locale: overrides.locale ?? resolved.config.locale ?? 'zh-CN',
    severities: { ...(resolved.config.rules ?? {}), ...(overrides.severities ?? {}) },
    documentDate: resolved.config.date ?? null,
    roster: resolved.config.owners ?? [],
  };
}
