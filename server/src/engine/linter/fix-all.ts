/** Fix-all: apply every fix, re-linting between passes, as `fivenets lint --fix` and the editor's Fix All do. */
import type { Fix } from '../types';
import { RULES } from '../rules';
import { applyFixes } from '../fix';
import { IncrementalLinter, type LintOptions } from '../lint';

/** Each rule's place in the registry, which lists the missing-field rules in the schema's order. */
const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.meta.id, index]));

/**
 * Apply every fix, re-linting between passes (fixes that touched the same place wait for
 * the next pass), at most `maxPasses` times. Returns the fixed text.
 */
export function fixAll(text: string, options: LintOptions, filter?: (ruleId: string) => boolean, maxPasses = 10): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  const linter = new IncrementalLinter(options);
  for (let pass = 0; pass < maxPasses; pass++) {
    const { diagnostics } = linter.update(current);
    // Fixes that insert at one place wait for each other; taking them in rule order (owner,
    // metric, deadline) makes fields land in the schema's order, not the reverse.
    const fixes = diagnostics
      .filter((diagnostic) => diagnostic.fix && (!filter || filter(diagnostic.rule)))
      .sort((a, b) => (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0))
      .map((diagnostic) => diagnostic.fix as Fix);
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
    fixed += result.applied;
  }
  return { text: current, fixed };
}
