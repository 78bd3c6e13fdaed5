/** --jobs, --cache, --shard and merge-sarif: the CLI features for large policy repositories. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../../server/src/cli/main';

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
  });

  it('--cache reuses results for unchanged files and re-lints changed ones', async () => {
    const dir = corpus(3);
    const cacheFile = path.join(dir, '.fivenetscache');
    const first = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.ok(fs.existsSync(cacheFile));
    // Prove the second run reads the cache: doctor one cached message and see it come back.
    const cache = JSON.parse(fs.readFileSync(cacheFile, 'utf8'));
    const key = Object.keys(cache.entries).find((file) => file.endsWith('draft-001.md')) as string;
    cache.entries[key].diagnostics[0].message = 'from the cache';
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
    const second = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.equal(JSON.parse(second.stdout).files[1].diagnostics[0].message, 'from the cache');
    // Changing the file's content invalidates its entry (content hash, not modification time).
    fs.appendFileSync(path.join(dir, 'draft-001.md'), '\n');
    const third = await cli(['lint', '.', '--cache', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(third.stdout).files[1].diagnostics[0], JSON.parse(first.stdout).files[1].diagnostics[0]);
    // So does a config change.
    cache.entries[Object.keys(cache.entries)[0]].diagnostics = [];
    fs.writeFileSync(cacheFile, JSON.stringify(cache));
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
    assert.match(bad.stderr, /missing\.sarif: cannot read/u);
  });
});
