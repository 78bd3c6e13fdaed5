/**
 * The incremental linter (sections cached by text and context) must give exactly what a
 * whole-document parse gives, after every edit of a random edit sequence.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalLinter } from '../../server/src/engine';
import type { LintResult } from '../../server/src/engine';
import { builtinSchema } from '../../server/src/engine/schema';
import { splitSections } from '../../server/src/engine/parse/sections';
import { prng } from '../../bench/generate';

const root = path.resolve(__dirname, '../..');
const options = { schema: builtinSchema(), locale: 'en' as const, documentDate: '2020-07-01' };

const PIECES = [
  '\n', '\n\n', '# ', '## ', '### ', '\n## 公共卫生防护网\n', '\n## 城市應急處置網\n\n', '- ', '1. ', '204.', '（一）', '一是', '责任单位：', '牵头单位：', '完成时限：',
  '2021年底前', '尽快', '有关部门', '（', '）', '(', ')', '；', '：', '|', '\n| 任务 | 牵头单位 |\n| --- | --- |\n| 建设 | 市卫健委 |\n', '```\n', '~~~', '<!--', '-->',
  '<!-- fivenets-disable-next-line missing-owner -->\n', '---\n', '𠮷', '😀', '\r\n', '>', '   - ', '【待填写】', '会(huì)', '95%', 'x',
];

function comparable(result: LintResult) {
  const model = result.model;
  return {
    diagnostics: result.diagnostics,
    nets: model.nets.map((net) => ({ ...net })),
    orphans: model.orphanMeasures,
    unknownNets: model.unknownNets,
    meta: model.meta,
    script: model.script,
  };
}

function edit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  if (random() < 0.35 && text.length > 0) {
    const length = 1 + Math.floor(random() * 12);
    return text.slice(0, at) + text.slice(Math.min(text.length, at + length));
  }
  const piece = PIECES[Math.floor(random() * PIECES.length)];
  return text.slice(0, at) + piece + text.slice(at);
}

describe('incremental linting', () => {
  const drafts = [
    path.join(root, 'seeds/wuhan-five-nets.policy.md'),
    path.join(root, 'test/cli/english/plan.md'),
    path.join(root, 'test/rules/missing-owner/sublist-table.md'),
    path.join(root, 'test/rules/missing-deadline/crlf.md'),
  ];

  it('splits the sample into sections at top-level headings', () => {
    const text = fs.readFileSync(drafts[0], 'utf8');
    const starts = splitSections(text);
    assert.ok(starts.length >= 8, `sections: ${starts.length}`);
    for (const start of starts.slice(1)) assert.match(text.slice(start, start + 3), /^#/u);
  });

  it('does not split inside front matter, code fences or HTML comments', () => {
    const text = '---\n# not a heading\n---\n\n```\n\n# in code\n```\n\n<!--\n\n# in a comment\n-->\n\n# real\n';
    const starts = splitSections(text);
    assert.deepEqual(starts.map((start) => text.slice(start, start + 6)), ['---\n# ', '# real']);
  });

  drafts.forEach((file, fileIndex) => {
    it(`equals a full re-lint after every edit of a random sequence (${path.basename(file)})`, function () {
      this.timeout(120_000);
      const seed = 1000 + fileIndex;
      const random = prng(seed);
      let text = fs.readFileSync(file, 'utf8');
      const incremental = new IncrementalLinter(options);
      for (let step = 0; step < 150; step++) {
        text = edit(text, random);
        const actual = comparable(incremental.update(text));
        const expected = comparable(new IncrementalLinter(options, false).update(text));
        assert.deepEqual(actual, expected, `seed ${seed}, step ${step}, text:\n${JSON.stringify(text)}`);
      }
    });
  });

  it('reuses unchanged sections (an edit costs its own section)', () => {
    const text = fs.readFileSync(drafts[0], 'utf8');
    const incremental = new IncrementalLinter(options);
    const before = incremental.update(text);
    const beforeHealth = before.model.nets.find((net) => net.netId === 'public-health')?.measures[0];
    const beforeStart = beforeHealth?.span.start ?? -1;
    const at = text.indexOf('推进应急避难场所建设');
    const after = incremental.update(`${text.slice(0, at)}X${text.slice(at)}`);
    // The public-health net comes after the edit: its measures are the cached objects, moved by one.
    const afterHealth = after.model.nets.find((net) => net.netId === 'public-health')?.measures[0];
    assert.equal(afterHealth, beforeHealth, 'the same object, not a rebuilt one');
    assert.equal(afterHealth?.span.start, beforeStart + 1);
  });
});
