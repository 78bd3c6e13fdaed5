/** `fivenets init`: a commented config and a sample draft that lints clean, in each locale; never overwrites. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText } from '../../server/src/engine/config';
import { cli } from './run';

function tmpdir(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-init-')));
}

describe('cli: init', () => {
  for (const [locale, name] of [
    ['zh-CN', '示例.policy.md'],
    ['zh-TW', '範例.policy.md'],
    ['en', 'example.policy.md'],
  ] as const) {
    it(`writes .fivenets.yaml and policies/${name} (${locale}); the first lint finds the draft and passes`, async () => {
      const dir = tmpdir();
      const run = await cli(['init', '--locale', locale], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, `created .fivenets.yaml\ncreated policies/${name}\nnext: fivenets lint .\n`);
      const config = fs.readFileSync(path.join(dir, '.fivenets.yaml'), 'utf8');
      assert.ok(config.split('\n').filter((line) => line.startsWith('#')).length >= 10, 'commented');
      assert.equal(parseConfigText(config, '.fivenets.yaml').locale, locale, 'a valid config in the chosen locale');
      const lint = await cli(['lint', '.', '--format', 'json'], dir);
      assert.equal(lint.stderr, '');
      const report = JSON.parse(lint.stdout);
      assert.deepEqual(
        report.files.map((file: { path: string }) => file.path),
        [`policies/${name}`],
      );
      assert.deepEqual(report.files[0].diagnostics, [], 'the sample is complete');
      assert.equal(lint.code, 0);
    });
  }

  it('never overwrites: existing files (and links where a file would go) are left alone and named', async () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'locale: en\n');
    fs.mkdirSync(path.join(dir, 'policies'));
    const outside = path.join(tmpdir(), 'victim.md');
    fs.writeFileSync(outside, 'keep me\n');
    fs.symlinkSync(outside, path.join(dir, 'policies', '示例.policy.md'));
    const run = await cli(['init'], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stderr, 'fivenets: .fivenets.yaml exists, left as it is\nfivenets: policies/示例.policy.md exists, left as it is\n');
    assert.equal(fs.readFileSync(path.join(dir, '.fivenets.yaml'), 'utf8'), 'locale: en\n');
    assert.equal(fs.readFileSync(outside, 'utf8'), 'keep me\n');
  });

  it('writes nothing through a policies/ link out of the folder, and takes no paths', async () => {
    const dir = tmpdir();
    const elsewhere = tmpdir();
    fs.symlinkSync(elsewhere, path.join(dir, 'policies'));
    const run = await cli(['init'], dir);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'fivenets: policies/ is not a folder inside the working folder; init writes nothing through it\n');
    assert.deepEqual(fs.readdirSync(elsewhere), []);
    assert.equal(fs.existsSync(path.join(dir, '.fivenets.yaml')), false);
    const paths = await cli(['init', 'somewhere'], tmpdir());
    assert.equal(paths.code, 2);
    assert.match(paths.stderr, /init takes no paths/u);
  });
});
