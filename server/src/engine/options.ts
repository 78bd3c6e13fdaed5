/** Config -> lint options, shared by the CLI and the language server so they never disagree. */
import type { ResolvedConfig } from './config';
import type { LintOptions } from './lint';
import type { Locale, SeveritySetting } from './types';

export interface Overrides {
  locale?: Locale | null;
  severities?: Record<string, SeveritySetting>;
}

export function lintOptionsFor(resolved: ResolvedConfig, overrides: Overrides = {}): LintOptions {
  return {
    schema: resolved.schema,
    locale: overrides.locale ?? resolved.config.locale ?? 'zh-CN',
    severities: { ...(resolved.config.rules ?? {}), ...(overrides.severities ?? {}) },
    documentDate: resolved.config.date ?? null,
    roster: resolved.config.owners ?? [],
  };
}
