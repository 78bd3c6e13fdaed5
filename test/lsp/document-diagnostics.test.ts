/**
 * The per-document diagnostics view (server/src/handlers/documentDiagnostics.ts) against
 * its oracles: diagnostics reused from the previous version equal a fresh conversion, and
 * the fix counts read from the groups equal the engine's full diagnostic list.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { Diagnostic } from 'vscode-languageserver/node';
import { IncrementalLinter, RULES, lintOptionsFor } from '../../server/src/engine';
import { builtinResolvedConfig } from '../../server/src/engine/config-model';
import { DiagnosticViews } from '../../server/src/handlers/documentDiagnostics';
import type { Analysis } from '../../server/src/handlers/drafts';
import { SEED } from './harness';

const URI = 'file:///drafts/wuhan-five-nets.policy.md';

describe('DocumentDiagnostics (the server’s one diagnostics route)', () => {
  const resolved = builtinResolvedConfig('/drafts');
  const options = lintOptionsFor(resolved, { locale: 'zh-CN' });
  const analysisOf = (text: string, version: number, linter: IncrementalLinter, maxProblems: number | null = null): Analysis => {
    const result = linter.update(text);
    return { uri: URI, version, text, result, options, resolved, glossary: [], locale: 'zh-CN', documentDate: result.documentDate, resultId: String(version), maxProblems };
  };

  it('reuses conversions across edits and gives what a fresh conversion gives', () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    const linter = new IncrementalLinter(options);
    const views = new DiagnosticViews();
    const lines = seed.split('\n');
    let text = seed;
    let previous: ReadonlyArray<{ range: object }> = [];
    for (let version = 1; version <= 12; version++) {
      // Edits that add a line, drop an owner, or touch nothing the rules see.
      if (version % 3 === 1) text = [...lines.slice(0, 10 + version), `${version}. 新增措施${version}项`, ...lines.slice(10 + version)].join('\n');
      else if (version % 3 === 2) text = text.replace('牵头单位：市应急管理局；', '');
      else text = `${text}\n`;
      const analysis = analysisOf(text, version, linter);
      const view = views.of(analysis);
      assert.equal(views.of(analysis), view, 'one view per analysis');
      const incremental = view.diagnostics();
      const fresh = new DiagnosticViews().of(analysis).diagnostics();
      assert.deepEqual(incremental, fresh, `version ${version}`);
      assert.ok(incremental.length > 10);
      // Reuse shows as shared range objects: an edit at the end keeps every earlier section's.
      const kept = new Set(previous.map((diagnostic) => diagnostic.range));
      const shared = incremental.filter((diagnostic) => kept.has(diagnostic.range)).length;
      if (version % 3 === 0) assert.ok(shared >= incremental.length / 2, `version ${version}: ${shared} of ${incremental.length} reused`);
      assert.equal(fresh.filter((diagnostic) => kept.has(diagnostic.range)).length, 0);
      previous = incremental;
    }
  });

  it('counts fixable problems per rule as the engine’s full list does, and caps at maxProblems', () => {
    const seed = fs.readFileSync(SEED, 'utf8');
    const analysis = analysisOf(seed, 1, new IncrementalLinter(options), 5);
    const view = new DiagnosticViews().of(analysis);
    const all = analysis.result.diagnostics;
    assert.equal(view.fixable(null), all.filter((diagnostic) => diagnostic.fix).length);
    assert.ok(view.fixable(null) > 0);
    for (const rule of RULES.map((entry) => entry.meta.id)) assert.equal(view.fixable(rule), all.filter((diagnostic) => diagnostic.rule === rule && diagnostic.fix).length, rule);
    const sent = view.diagnostics();
    // Five problems, errors first, and the note of how many were left out.
    assert.equal(sent.length, 6);
    assert.ok(sent.slice(0, 5).every((diagnostic) => diagnostic.severity === 1));
    assert.match(Diagnostic.getMessageString(sent[5]), new RegExp(String(all.length - 5)));
  });
});
