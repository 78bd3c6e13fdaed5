/**
 * The Node server's document store (platform/buffer-document.ts) against
 * vscode-languageserver-textdocument's TextDocument, which the browser build keeps: the same
 * text, lines and positions after every change of random sequences (CR, LF, CRLF pairs split
 * and joined, surrogates, ranges out of bounds, full changes); and its edit log.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { BufferDocument } from '../../server/src/platform/buffer-document';
import { prng } from '../../bench/generate';

const ALPHABET = ['a', '\n', '\r', '\r\n', '城', '😀', '\ud83d', ' '];

describe('the Node document store', () => {
  it('keeps the text, lines and positions TextDocument keeps, change after change', () => {
    const random = prng(7);
    const piece = (length: number) => Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
    let checks = 0;
    for (let round = 0; round < 150; round++) {
      const initial = piece(Math.floor(random() * 40));
      const reference = TextDocument.create('file:///a.md', 'markdown', 1, initial);
      const store = new BufferDocument('file:///a.md', 'markdown', 1, initial);
      for (let step = 0; step < 40; step++) {
        const length = reference.getText().length;
        const offsets = [Math.floor(random() * (length + 1)), Math.floor(random() * (length + 1))].sort((a, b) => a - b);
        // Ranges as editors send them, and some out of bounds (lines past the end, negative ones).
        const range =
          random() < 0.5
            ? { start: reference.positionAt(offsets[0]), end: reference.positionAt(offsets[1]) }
            : { start: { line: Math.floor(random() * (reference.lineCount + 2)) - 1, character: Math.floor(random() * 6) }, end: reference.positionAt(offsets[1]) };
        const changes: TextDocumentContentChangeEvent[] =
          random() < 0.05
            ? [{ text: piece(10) }]
            : [
                { range, text: piece(Math.floor(random() * 5)) },
                { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: piece(1) },
              ];
        TextDocument.update(reference, changes, step + 2);
        store.update(changes, step + 2);
        const text = reference.getText();
        const where = `round ${round}, step ${step}: ${JSON.stringify(text)}`;
        assert.equal(store.getText(), text, where);
        assert.equal(store.version, step + 2);
        assert.equal(store.lineCount, reference.lineCount, where);
        for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(store.positionAt(offset), reference.positionAt(offset), where);
        for (let line = -1; line <= reference.lineCount + 1; line++) {
          assert.deepEqual(store.getLineRange(line), reference.getLineRange(line), where);
          assert.equal(store.getEOLCharacters(line), reference.getEOLCharacters(line), where);
          for (let character = -1; character < 6; character++) assert.equal(store.offsetAt({ line, character }), reference.offsetAt({ line, character }), where);
        }
        // Read in place, as the linter reads the draft's head.
        const a = Math.floor(random() * (text.length + 1));
        assert.equal(store.slice(a, a + 5), text.slice(a, a + 5), where);
        assert.ok(Object.is(store.charCodeAt(a), text.charCodeAt(a)), where);
        checks++;
      }
    }
    assert.equal(checks, 6000);
  });

  it('grows past its room without losing text', () => {
    const store = new BufferDocument('file:///a.md', 'markdown', 1, '');
    let text = '';
    for (let version = 2; version < 40; version++) {
      const chunk = `第${version}行\n`.repeat(3000);
      store.update([{ range: { start: store.positionAt(text.length), end: store.positionAt(text.length) }, text: chunk }], version);
      text += chunk;
    }
    assert.equal(store.getText(), text);
    assert.equal(store.lineCount, text.split('\n').length);
  });

  it('logs what made each version, for the linter to lint an edit of it', () => {
    const store = new BufferDocument('file:///a.md', 'markdown', 1, 'abc\ndef\n');
    store.update([{ range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } }, text: 'X' }], 2);
    store.update(
      [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#' },
        { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'end' },
      ],
      5,
    );
    assert.deepEqual(store.editsSince(5), []);
    assert.deepEqual(store.editsSince(2), [
      { start: 0, end: 0, text: '#' },
      { start: 9, end: 9, text: 'end' },
    ]);
    assert.deepEqual(store.editsSince(1), [
      { start: 5, end: 6, text: 'X' },
      { start: 0, end: 0, text: '#' },
      { start: 9, end: 9, text: 'end' },
    ]);
    assert.equal(store.editsSince(3), null, 'no such version');
    // Replaying the log on the old text gives the new one.
    let text = 'abc\ndef\n';
    for (const edit of store.editsSince(1) ?? []) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    assert.equal(text, store.getText());
    // A full change: nothing before it can be replayed.
    store.update([{ text: 'new' }], 6);
    assert.equal(store.editsSince(5), null);
    assert.deepEqual(store.editsSince(6), []);
  });

  it('keeps the log bounded: 64 versions, a megabyte of inserted text', () => {
    const store = new BufferDocument('file:///a.md', 'markdown', 1, '');
    for (let version = 2; version <= 100; version++) store.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], version);
    assert.equal(store.editsSince(100 - 64)?.length, 64);
    assert.equal(store.editsSince(100 - 65), null);
    store.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'y'.repeat(1 << 20) }], 101);
    assert.equal(store.editsSince(99), null, 'the megabyte pushed the older versions out');
    assert.equal(store.editsSince(100)?.length, 1);
  });
});
