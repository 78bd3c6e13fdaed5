/**
 * GitLab Code Quality report (artifacts:reports:codequality): a JSON array of issues with
 * description, check_name, fingerprint, severity and location.path/lines.begin. The
 * fingerprint hashes the file, rule, message and how many times that triple came before, not
 * the line, so a finding keeps its identity when lines above it move (GitLab compares
 * fingerprints between the merge request and its target to show what is new).
 */
import { createHash } from 'node:crypto';
import type { FileResult } from './types';

const SEVERITY = { error: 'major', warning: 'minor', info: 'info' } as const;

export function formatGitlab(results: readonly FileResult[]): string {
  const issues = results.flatMap((result) => {
    const seen = new Map<string, number>();
    return result.diagnostics.map((diagnostic) => {
      const key = JSON.stringify([result.path, diagnostic.rule, diagnostic.message]);
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      return {
        type: 'issue',
        engine_name: 'fivenets',
        description: diagnostic.message,
        check_name: diagnostic.rule,
        fingerprint: createHash('sha256').update(`${key}#${occurrence}`).digest('hex'),
        severity: SEVERITY[diagnostic.severity],
        location: { path: result.path, lines: { begin: diagnostic.range.start.line + 1, end: diagnostic.range.end.line + 1 } },
      };
    });
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}
