/**
 * The .docx fixtures are real Word documents, and their numbers are what a word processor
 * shows: LibreOffice (Debian's libreoffice-writer-nogui, installed by scripts/e2e-setup.sh)
 * opens each one headless and writes it as plain text, numbering labels included. Every line
 * it writes (一、, 1., （1）, table cells, both scripts) must be in our import, in order.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { convertDocx } from '../../server/src/import/docx';
import { DOCX_FIXTURES } from '../import/docx-fixtures';
import { tempDir } from './workbench';

/** Text without spaces and Markdown marks (headings, emphasis, table pipes, <br>). */
const bare = (text: string) => text.replace(/<br>/gu, '').replace(/[\s#*|\ufeff]/gu, '');

describe('LibreOffice opens the .docx fixtures as the import reads them', function () {
  this.timeout(120_000);
  const dir = tempDir('libreoffice');

  for (const fixture of DOCX_FIXTURES) {
    it(`${fixture.name}: every line LibreOffice shows, numbers included, is in the import in order`, async () => {
      const bytes = await fixture.build();
      const docx = path.join(dir, `${fixture.name}.docx`);
      fs.writeFileSync(docx, bytes);
      // Its own profile folder: no clash with another soffice running on the machine.
      execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, docx], {
        stdio: 'pipe',
        timeout: 90_000,
      });
      const shown = fs
        .readFileSync(path.join(dir, `${fixture.name}.txt`), 'utf8')
        .split(/\r?\n/u)
        .map(bare)
        .filter((line) => line.length > 0);
      assert.ok(shown.length >= 8, `LibreOffice wrote the document's text (${shown.length} lines)`);
      assert.ok(
        shown.some((line) => /^[一二三四]、|^（[一二]）|^\d+\./u.test(line)),
        'LibreOffice shows numbering labels',
      );
      const imported = bare((await convertDocx(bytes)).markdown);
      let from = 0;
      for (const line of shown) {
        const at = imported.indexOf(line, from);
        assert.ok(at >= 0, `"${line}" (as LibreOffice shows it) is not in the import after position ${from}`);
        from = at + line.length;
      }
    });
  }
});
