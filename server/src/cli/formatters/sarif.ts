/** SARIF 2.1.0 for GitHub code scanning: rules with help links, results with 1-based UTF-16 regions. */
import { RULES, localize } from '../../engine';
import type { Locale } from '../../engine';
import type { FileResult, FormatContext } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(results: FileResult[], context: FormatContext, locale: Locale): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.meta.id, index]));
  const rules = RULES.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/(^|-)(\w)/gu, (_all, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: localize(rule.meta.description, locale) },
    fullDescription: { text: localize(rule.meta.rationale, locale) },
    helpUri: context.helpUri(rule.meta.id),
    help: { text: localize(rule.meta.rationale, locale) },
    defaultConfiguration: { level: LEVEL[rule.meta.defaultSeverity] },
    properties: { fixable: rule.meta.fixable },
  }));
  const sarifResults = results.flatMap((result) =>
    result.diagnostics.map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const index = ruleIndex.get(diagnostic.rule);
      return {
        ruleId: diagnostic.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodeURI(result.path) },
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
        tool: { driver: { name: 'fivenets', version: context.toolVersion, semanticVersion: context.toolVersion, informationUri: context.helpUri('').replace(/\/[^/]*$/u, ''), rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
