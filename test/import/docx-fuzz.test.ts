/**
 * Damaged Word documents: seeded mutations of the fixtures (bytes flipped, the file cut short,
 * a part's XML cut or given stray markup) must each either import or be refused with a
 * DocxError (one line, exit 2 in the CLI), never another exception. Replay one input with
 * FIVENETS_DOCX_FUZZ_INPUT=<index>.
 */
import * as assert from 'node:assert/strict';
import JSZip from 'jszip';
import { prng } from '../../bench/generate';
import { convertDocx, DocxError, docxSignatureProblem } from '../../server/src/import/docx';
import { DOCX_FIXTURES } from './docx-fixtures';

const SEED = 20200715;
const INPUTS = 40;

type Mutation = (bytes: Buffer, random: () => number) => Promise<Buffer>;

const MUTATIONS: Record<string, Mutation> = {
  flipBytes(bytes, random) {
    const copy = Buffer.from(bytes);
    for (let count = 0; count < 1 + Math.floor(random() * 20); count++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
    return Promise.resolve(copy);
  },
  truncate(bytes, random) {
    return Promise.resolve(bytes.subarray(0, Math.floor(random() * bytes.length)));
  },
  async cutPart(bytes, random) {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((name) => name.endsWith('.xml'));
    const name = names[Math.floor(random() * names.length)];
    const text = await zip.file(name)?.async('string');
    zip.file(name, (text ?? '').slice(0, Math.floor(random() * (text ?? '').length)));
    return zip.generateAsync({ type: 'nodebuffer' });
  },
  async strayMarkup(bytes, random) {
    const zip = await JSZip.loadAsync(bytes);
    const text = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const at = Math.floor(random() * text.length);
    const stray = ['<w:p>', '</w:r>', '<w:numPr><w:numId w:val="999"/></w:numPr>', '&', '<w:t>\uFDD0\uFDE1\uFDD1</w:t>', ']]>'][Math.floor(random() * 6)];
    zip.file('word/document.xml', text.slice(0, at) + stray + text.slice(at));
    return zip.generateAsync({ type: 'nodebuffer' });
  },
};

/** The invariant: a DocxError with a one-line message, or a Markdown draft without markers. */
async function check(bytes: Buffer, convert: (bytes: Uint8Array) => Promise<{ markdown: string }> = convertDocx): Promise<string | null> {
  try {
    if (docxSignatureProblem(bytes)) return null; // refused before conversion, as the CLI does
    const { markdown } = await convert(bytes);
    if (/[\uFDD0-\uFDEF]/u.test(markdown)) return 'a paragraph marker is left in the draft';
    return null;
  } catch (error) {
    if (error instanceof DocxError) return error.message.includes('\n') ? `DocxError of more than one line: ${error.message}` : null;
    return `not a DocxError: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
}

describe('import .docx: damaged documents', function () {
  this.timeout(120_000);

  it('imports or refuses each of 40 seeded mutations, never throwing anything else', async () => {
    const originals = await Promise.all(DOCX_FIXTURES.map((fixture) => fixture.build()));
    const names = Object.keys(MUTATIONS);
    const only = process.env.FIVENETS_DOCX_FUZZ_INPUT;
    const failures: string[] = [];
    for (let input = 0; input < INPUTS; input++) {
      if (only !== undefined && Number(only) !== input) continue;
      const random = prng(SEED + input);
      const mutation = names[input % names.length];
      const bytes = await MUTATIONS[mutation](originals[input % originals.length], random);
      const problem = await check(bytes);
      if (problem) failures.push(`input ${input} (${mutation}): ${problem}`);
    }
    assert.deepEqual(failures, []);
  });

  it('its check can fail: another exception, a marker left, a DocxError of two lines', async () => {
    const bytes = await DOCX_FIXTURES[0].build();
    assert.equal(await check(bytes), null, 'an intact fixture passes');
    assert.equal(await check(bytes, () => Promise.reject(new TypeError('boom'))), 'not a DocxError: TypeError: boom');
    assert.equal(await check(bytes, () => Promise.resolve({ markdown: 'x\uFDD0' })), 'a paragraph marker is left in the draft');
    assert.match((await check(bytes, () => Promise.reject(new DocxError('a\nb')))) ?? '', /more than one line/u);
  });
});
