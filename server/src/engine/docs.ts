/**
 * Rule documentation generated from rule metadata: docs/rules/<id>.md, `fivenets explain`
 * and the README's rules table all come from here, and a test fails when they drift.
 */
import { EXAMPLE_DATE, type Rule } from './rule';
import { RULES } from './rules';

export function ruleDoc(rule: Rule): string {
  const meta = rule.meta;
  const lines = [
    `# ${meta.id}`,
    '',
    `${meta.description.en}`,
    '',
    `${meta.description['zh-CN']}`,
    '',
    `- Default severity: \`${meta.defaultSeverity}\``,
    `- Fixable with \`fivenets lint --fix\`: ${meta.fixable ? 'yes' : 'no'}`,
    `- Quick-fix suggestions in the editor: ${meta.hasSuggestions || meta.fixable ? 'yes' : 'no'}`,
    '',
    '## Why',
    '',
    meta.rationale.en,
    '',
    meta.rationale['zh-CN'],
    '',
    '## Messages',
    '',
    ...Object.values(meta.messages).map((message) => `- ${message['zh-CN']} / ${message.en}`),
    '',
    '## Examples',
    '',
    `Flagged (the reports as \`line:column-line:column: message\`, document date ${EXAMPLE_DATE}):`,
    '',
    ...meta.examples.invalid.flatMap((example, index) => ['```markdown', example.replace(/\n$/u, ''), '```', '', '```text', ...(meta.examples.expected[index] ?? []), '```', '']),
    'Not flagged:',
    '',
    ...meta.examples.valid.flatMap((example) => ['```markdown', example.replace(/\n$/u, ''), '```', '']),
    '## Configure',
    '',
    '```yaml',
    '# .fivenets.yaml',
    'rules:',
    `  ${meta.id}: off   # or info, warning, error`,
    '```',
    '',
    `Or for one line: \`<!-- fivenets-disable-next-line ${meta.id} -->\`.`,
    '',
  ];
  return lines.join('\n');
}

export function rulesTable(): string {
  const rows = RULES.map(
    (rule) => `| [\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md) | ${rule.meta.defaultSeverity} | ${rule.meta.fixable ? 'yes' : ''} | ${rule.meta.description.en} ${rule.meta.description['zh-CN']} |`,
  );
  return ['| Rule | Default | Fix | What it checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
