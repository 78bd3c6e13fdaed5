#!/usr/bin/env node
/**
 * Build fivenets.vsix from a staging folder. package.json's `files` is the npm package's
 * allowlist (the CLI, the server and the API), and vsce refuses a package.json with `files`
 * beside a .vscodeignore; the extension needs a different set (the client and the server
 * bundles only, 0.5 MB). So the files .vscodeignore lets through are copied to a temporary
 * folder with a package.json without `files`, `exports` and `types`, and vsce packs that.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const patterns = readFileSync(path.join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.startsWith('!'))
  .map((line) => line.slice(1));
const stage = mkdtempSync(path.join(tmpdir(), 'fivenets-vsix-'));
try {
  for (const file of globSync(patterns, { cwd: root, dot: true })) {
    mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(stage, file));
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const key of ['files', 'exports', 'types', 'scripts', 'devDependencies']) delete manifest[key];
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', path.join(root, 'fivenets.vsix')], { cwd: stage, stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
