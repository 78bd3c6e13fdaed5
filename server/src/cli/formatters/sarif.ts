/** SARIF 2.1.0 for GitHub code scanning: rules with help links, results with 1-based UTF-16 regions. */
import { placedMessage, type FileResult, type FormatContext, type RuleSummary } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * A draft's path as a SARIF `uri`: a relative reference with each segment percent-encoded
 * (encodeURI left `#` and `?`, so `we#ird?.md` pointed at `we`), and `./` in front when the
 * first segment has a colon (`a::b.md` would read as a URI with the scheme `a`). A Windows
 * absolute path (C:/…) becomes a file: URI.
 */
export function artifactUri(file: string): string {
  if (/^[A-Za-z]:[\\/]/u.test(file))
    return `file:///${file
      .replace(/\\/gu, '/')
      .split('/')
      .map((segment, index) => (index === 0 ? segment : encodeURIComponent(segment)))
      .join('/')}`;
  const segments = file.split('/').map(encodeURIComponent);
  return segments[0].includes('%3A') ? `./${segments.join('/')}` : segments.join('/');
}

/** `ruleTable`: every rule, in the report's locale (see ruleSummaries in ../commands.ts). */
export function formatSarif(results: readonly FileResult[], context: FormatContext, ruleTable: readonly RuleSummary[]): string {
  const ruleIndex = new Map(ruleTable.map((rule, index) => [rule.id, index]));
  const rules = ruleTable.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)(\w)/gu, (_all, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    helpUri: context.helpUri(rule.id),
    help: { text: rule.rationale },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { fixable: rule.fixable },
  }));
  const sarifResults = results.flatMap((result) =>
    result.diagnostics.map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const index = ruleIndex.get(diagnostic.rule);
      return {
        ruleId: diagnostic.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[diagnostic.severity],
        message: { text: placedMessage(diagnostic) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifactUri(result.path) },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fivenets', version: context.toolVersion, semanticVersion: context.toolVersion, informationUri: context.docsBase, rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
