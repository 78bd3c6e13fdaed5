/**
 * Drafts lints an edit from the document store's log (engine IncrementalLinter.edit). If the
 * linter fails part-way through a version, its state may be ahead of the version Drafts
 * recorded: the next analysis must start afresh from the whole text, not replay the log onto
 * a linter that already took part of it.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalLinter, lint } from '../../server/src/engine';
import { defaultResolvedConfig } from '../../server/src/engine/config';
import { Drafts } from '../../server/src/handlers/drafts';
import type { Classification, DraftClassifier } from '../../server/src/handlers/classification';
import type { ErrorLog } from '../../server/src/handlers/guard';
import { DEFAULT_SETTINGS, type SettingsStore } from '../../server/src/handlers/settings';
import type { SizeNotices } from '../../server/src/handlers/sizeNotices';
import { BufferDocument } from '../../server/src/platform/buffer-document';

const URI = 'file:///drafts/plan.policy.md';
const TEXT = '## 公共卫生防护网\n\n1. 建设急救站20个（牵头单位：市卫健委；完成时限：2021年底前）\n\n## 城市精细管理网\n\n1. 改造背街小巷（完成时限：2021年底前）\n';

function draftsOver(document: BufferDocument): Drafts {
  const documents = { get: (uri: string) => (uri === document.uri ? document : undefined), all: () => [document] } as unknown as TextDocuments<TextDocument>;
  const settings = { get: () => Promise.resolve(DEFAULT_SETTINGS), forget: () => undefined } as unknown as SettingsStore;
  const resolved = defaultResolvedConfig(os.tmpdir());
  const classification: Classification = { draft: true, resolved, folder: null, locale: 'zh-CN', uiLocale: 'zh-CN', tooLarge: null, notDraft: null, includeFrom: 'setting' };
  const classifier = { classify: () => classification, invalidate: () => undefined } as unknown as DraftClassifier;
  const log = { report: () => undefined } as unknown as ErrorLog;
  const sizeNotices = { update: () => undefined, forget: () => undefined } as unknown as SizeNotices;
  return new Drafts(documents, settings, log, classifier, sizeNotices);
}

function insert(document: BufferDocument, at: string, text: string, version: number): void {
  const position = document.positionAt(document.getText().indexOf(at));
  document.update([{ range: { start: position, end: position }, text }], version);
}

describe('Drafts over the edit log', () => {
  it('lints each edit from the log as a fresh lint of the whole text', async () => {
    const document = new BufferDocument(URI, 'markdown', 1, TEXT);
    const drafts = draftsOver(document);
    await drafts.analyze(URI);
    insert(document, '改造', '全面', 2);
    const analysis = await drafts.analyze(URI);
    assert.equal(analysis?.text, document.getText());
    const fresh = lint(document.getText(), analysis.options);
    assert.deepEqual(analysis?.result.diagnostics, fresh.diagnostics);
  });

  it('starts afresh from the whole text after the linter failed part-way through a version', async () => {
    const document = new BufferDocument(URI, 'markdown', 1, TEXT);
    const drafts = draftsOver(document);
    await drafts.analyze(URI);
    insert(document, '改造', '全面', 2);
    // The linter takes version 2, then fails (as a bug past the point of no return would).
    const original = Object.getOwnPropertyDescriptor(IncrementalLinter.prototype, 'edit') as PropertyDescriptor;
    Object.defineProperty(IncrementalLinter.prototype, 'edit', {
      ...original,
      value(this: IncrementalLinter, ...args: unknown[]) {
        Reflect.apply(original.value as () => unknown, this, args);
        throw new Error('failed after taking the version');
      },
    });
    try {
      await assert.rejects(drafts.analyze(URI), /failed after taking the version/u);
    } finally {
      Object.defineProperty(IncrementalLinter.prototype, 'edit', original);
    }
    insert(document, '建设', '新', 3);
    const analysis = await drafts.analyze(URI);
    assert.equal(analysis?.version, 3);
    assert.equal(analysis?.text, document.getText(), 'version 2 replayed onto a linter that had it would double the edit');
    assert.deepEqual(analysis?.result.diagnostics, lint(document.getText(), analysis.options).diagnostics);
  });
});
