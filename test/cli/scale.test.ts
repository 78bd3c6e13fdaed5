/** --jobs, --cache, --shard and merge-sarif: the CLI features for large policy repositories. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../server/src/cli/main';
import { LintCache } from '../../server/src/cli/cache';
import { countSeverities, type ReportedDiagnostic } from '../../server/src/cli/formatters/types';
import { parseJsonDiagnostics, renderJsonDiagnostics } from '../../server/src/cli/formatters/json';
import { chunkText } from '../../server/src/cli/output';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'server/out/cli.js');
const sample = fs.readFileSync(path.join(root, 'seeds/wuhan-five-nets.policy.md'), 'utf8');

async function cli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

/** A corpus of `count` variants of the sample (each slightly different). */
function corpus(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-scale-'));
  for (let i = 0; i < count; i++) {
    const variant = sample.replace('建设市级应急物资储备库3个', `建设市级应急物资储备库${i + 1}个`).replace(i % 3 === 0 ? '（牵头单位：市应急管理局）' : '\u0000', '');
    fs.writeFileSync(path.join(dir, `draft-${String(i).padStart(3, '0')}.md`), variant);
  }
  return dir;
}

/** Rewrite a file's cached diagnostics in place (keeping its keys), to see whether a run reads them. */
export function doctorCache(cacheFile: string, draft: string, edit: (diagnostics: ReportedDiagnostic[]) => ReportedDiagnostic[]): void {
  const cache = new LintCache(cacheFile);
  try {
    const keys = cache.keysOf(draft);
    assert.ok(keys, `${draft} is in the cache`);
    const hit = cache.get(draft, keys.contentHash, keys.optionsHash);
    assert.ok(hit);
    const diagnostics = edit(parseJsonDiagnostics(chunkText(hit.json)));
    cache.set(draft, keys.contentHash, keys.optionsHash, renderJsonDiagnostics(diagnostics), countSeverities(diagnostics));
    assert.equal(cache.save([]), null);
  } finally {
    cache.close();
  }
}

describe('cli at scale', () => {
  it('--jobs 2 on worker threads gives the same report as --jobs 1', function () {
    if (!fs.existsSync(path.join(root, 'server/out/worker.js'))) this.skip(); // needs the bundle: npm run build
    this.timeout(120_000);
    const dir = corpus(60);
    const one = spawnSync('node', [bin, 'lint', dir, '--format', 'json', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const two = spawnSync('node', [bin, 'lint', dir, '--format', 'json', '--jobs', '2'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(one.status, 1);
    assert.equal(two.status, 1);
    assert.equal(JSON.parse(two.stdout).files.length, 60);
    assert.equal(two.stdout, one.stdout);
    // Two workers beside the main thread, claiming files from the same counter.
    const three = spawnSync('node', [bin, 'lint', dir, '--format', 'json', '--jobs', '3'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(three.stdout, one.stdout);
  });

  it('--fix on worker threads writes what --fix on one thread writes', function () {
    if (!fs.existsSync(path.join(root, 'server/out/worker.js'))) this.skip(); // needs the bundle: npm run build
    this.timeout(120_000);
    const one = corpus(60);
    const two = corpus(60);
    const runOne = spawnSync('node', [bin, 'lint', one, '--fix', '--format', 'json', '--jobs', '1'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const runTwo = spawnSync('node', [bin, 'lint', two, '--fix', '--format', 'json', '--jobs', '2'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(runTwo.status, runOne.status);
    assert.equal(runTwo.stdout.split(two).join('<dir>'), runOne.stdout.split(one).join('<dir>'));
    let changed = 0;
    for (const name of fs.readdirSync(one)) {
      const fixed = fs.readFileSync(path.join(one, name), 'utf8');
      assert.equal(fs.readFileSync(path.join(two, name), 'utf8'), fixed, name);
      if (fixed !== sample) changed++;
    }
    assert.ok(changed > 0, 'fixes were written');
  });

  it('--cache reuses results for unchanged files and re-lints changed ones', async () => {
    const dir = corpus(3);
    const cacheFile = path.join(dir, 'node_modules/.cache/fivenets/lintcache');
    const draft = path.join(dir, 'draft-001.md');
    const first = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.ok(fs.existsSync(cacheFile));
    // Prove the second run reads the cache: doctor one cached message and see it come back.
    doctorCache(cacheFile, draft, (diagnostics) => [{ ...diagnostics[0], message: 'from the cache' }, ...diagnostics.slice(1)]);
    const second = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.equal(JSON.parse(second.stdout).files[1].diagnostics[0].message, 'from the cache');
    // Changing the file's content invalidates its entry (content hash, not modification time).
    fs.appendFileSync(draft, '\n');
    const third = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(third.stdout).files[1].diagnostics[0], JSON.parse(first.stdout).files[1].diagnostics[0]);
    // So does a config change.
    doctorCache(cacheFile, path.join(dir, 'draft-000.md'), () => []);
    fs.writeFileSync(path.join(dir, '.fivenets.yaml'), 'rules:\n  missing-net: off\n');
    const fourth = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.ok(JSON.parse(fourth.stdout).files[0].diagnostics.length > 0);
  });

  it('--shard i/n splits the files into disjoint slices that cover them all', async () => {
    const dir = corpus(7);
    const all = JSON.parse((await cli(['lint', '.', '--format', 'json'], dir)).stdout).files.map((file: { path: string }) => file.path);
    const shards = [];
    for (let i = 1; i <= 3; i++) shards.push(JSON.parse((await cli(['lint', '.', '--format', 'json', '--shard', `${i}/3`], dir)).stdout).files.map((file: { path: string }) => file.path));
    assert.deepEqual(shards.flat().sort(), [...all].sort());
    assert.equal(new Set(shards.flat()).size, all.length);
    assert.ok(shards.every((shard) => shard.length >= 2));
    const again = JSON.parse((await cli(['lint', '.', '--format', 'json', '--shard', '2/3'], dir)).stdout).files.map((file: { path: string }) => file.path);
    assert.deepEqual(again, shards[1], 'deterministic');
    const bad = await cli(['lint', '.', '--shard', '4/3'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--shard expects i\/n/u);
  });

  it('merge-sarif joins shard logs into one run with every result', async () => {
    const dir = corpus(4);
    for (let i = 1; i <= 2; i++) await cli(['lint', '.', '--format', 'sarif', '--shard', `${i}/2`, '-o', `shard-${i}.sarif`], dir);
    await cli(['lint', '.', '--format', 'sarif', '-o', 'all.sarif'], dir);
    const merged = await cli(['merge-sarif', 'shard-1.sarif', 'shard-2.sarif'], dir);
    assert.equal(merged.code, 0);
    const log = JSON.parse(merged.stdout);
    const all = JSON.parse(fs.readFileSync(path.join(dir, 'all.sarif'), 'utf8'));
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].results.length, all.runs[0].results.length);
    const bad = await cli(['merge-sarif', 'missing.sarif'], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /missing\.sarif: no such file or directory/u);
  });
});
