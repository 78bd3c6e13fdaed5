/**
 * Security checks. Configs and schemas are data: nothing in the engine or the CLI evaluates
 * code, loads modules by computed name or starts processes; no value from a config, a schema
 * or a draft becomes a regular expression (globs are restricted to path syntax); and the CLI
 * makes no network request (the bundled CLI runs with a preload that blocks and records every
 * socket, DNS, HTTP and fetch call).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { fixAll, lint, lintOptionsFor, taskRows } from '../../server/src/engine';
import { ConfigError, loadConfigFile, parseConfigText } from '../../server/src/engine/config';
import { main } from '../../server/src/cli/main';

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'server/out/cli.js');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|mjs|cjs|js)$/u.test(entry.name) ? [full] : [];
  });
}

/** Code that runs text as code, loads a module by computed name or starts a process. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['require() with a computed name', /\brequire\s*\(\s*(?!['"`][^'"`$]*['"`]\s*\))/u],
  ['import() with a computed name', /\bimport\s*\(\s*(?!['"][^'"]*['"]\s*\))/u],
  ['eval', /(?<![.\w])eval\s*\(/u],
  ['new Function', /\bnew\s+Function\b|(?<![.\w])Function\s*\(/u],
  ['the vm module', /['"](?:node:)?vm['"]|\bvm\.(?:run|compile|Script|createContext)/u],
  ['child processes', /child_process|\bexecSync\b|\bspawnSync\b|\bexecFile\b|\bfork\s*\(/u],
  ['process.binding', /process\.(?:binding|dlopen)\b/u],
  ['a worker that evaluates a string', /\beval\s*:\s*true/u],
];

describe('security', () => {
  describe('configs and schemas are data only', () => {
    for (const folder of ['server/src/engine', 'server/src/cli']) {
      it(`${folder} never evaluates code, requires computed names or starts processes`, () => {
        const files = sources(path.join(root, folder));
        assert.ok(files.length > 5, `found ${files.length} files in ${folder}`);
        const offenders: string[] = [];
        for (const file of files) {
          const lines = fs.readFileSync(file, 'utf8').split('\n');
          lines.forEach((line, index) => {
            for (const [what, pattern] of FORBIDDEN) if (pattern.test(line)) offenders.push(`${path.relative(root, file)}:${index + 1}: ${what}: ${line.trim()}`);
          });
        }
        assert.deepEqual(offenders, []);
      });
    }

    it('the scan finds what it looks for (it can fail)', () => {
      const hits = (line: string) => FORBIDDEN.filter(([, pattern]) => pattern.test(line)).map(([what]) => what);
      assert.deepEqual(hits('const m = require(name);'), ['require() with a computed name']);
      assert.deepEqual(hits("const m = require('./report');"), []);
      assert.deepEqual(hits('return eval(text)'), ['eval']);
      assert.deepEqual(hits('const f = new Function("a", body)'), ['new Function']);
      assert.deepEqual(hits("import * as vm from 'node:vm';"), ['the vm module']);
      assert.deepEqual(hits("import { spawnSync } from 'node:child_process';"), ['child processes']);
      assert.deepEqual(hits('await import(modulePath)'), ['import() with a computed name']);
      assert.deepEqual(hits("type R = typeof import('./report');"), []);
    });
  });

  describe('no value from a config, a schema or a draft becomes a regular expression', () => {
    const MARK = 'ZQXmark';
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-regexp-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** Record every RegExp built at run time (literals compiled at load are constants). */
    async function recordRegExps(body: () => Promise<void>): Promise<Array<{ source: string; stack: string }>> {
      const Original = RegExp;
      const built: Array<{ source: string; stack: string }> = [];
      const Spy = function (this: unknown, pattern: string | RegExp, flags?: string) {
        built.push({ source: typeof pattern === 'string' ? pattern : pattern.source, stack: new Error().stack ?? '' });
        return new Original(pattern, flags);
      } as unknown as RegExpConstructor;
      Object.setPrototypeOf(Spy, Original);
      (Spy as unknown as { prototype: RegExp }).prototype = Original.prototype;
      globalThis.RegExp = Spy;
      try {
        await body();
      } finally {
        globalThis.RegExp = Original;
      }
      return built;
    }

    it('owners, glossary terms, net names and aliases, rule keys and drafts never reach new RegExp', async function () {
      this.timeout(60_000);
      // A custom schema: the built-in one with a marker (and regex syntax) in every name.
      const builtin = parseYaml(fs.readFileSync(path.join(root, 'server/src/engine/schema/five-nets.yaml'), 'utf8')) as {
        id: string;
        nets: Array<{ names: Record<string, string>; aliases?: string[]; keywords?: string[] }>;
        glossary?: Array<{ term: string; aliases?: string[] }>;
      };
      builtin.id = 'custom';
      builtin.nets.forEach((net, i) => {
        net.names['zh-Hans'] = `城市${MARK}(a+)+${i}网`;
        net.aliases = [`${MARK}[alias${i}`];
        net.keywords = [`${MARK}.*${i}`];
      });
      for (const term of builtin.glossary ?? []) term.aliases = [...(term.aliases ?? []), `${MARK}|${term.term}`];
      fs.writeFileSync(path.join(dir, 'custom.json'), JSON.stringify(builtin));
      fs.writeFileSync(
        path.join(dir, '.fivenets.yaml'),
        [
          'schema: custom.json',
          'owners: ["市卫健委", "ZQXmark(a+)+$", "ZQXmark[x"]',
          'glossary:',
          '  - term: "ZQXmark.*"',
          '    definition: { zh-Hans: "ZQXmark\\\\d+" }',
          'ignore: ["ZQXmark-archive/**"]',
          'rules: { missing-net: info }',
          '',
        ].join('\n'),
      );
      const draft = `## 城市${MARK}(a+)+0网\n\n1. 建设${MARK}(a+)+急救站20个（牵头单位：${MARK}(a+)+$；完成时限：2020年底前）\n`;
      fs.writeFileSync(path.join(dir, 'draft.md'), draft);

      const built = await recordRegExps(async () => {
        const resolved = loadConfigFile(path.join(dir, '.fivenets.yaml'));
        const options = lintOptionsFor(resolved);
        const result = lint(draft, options);
        assert.equal(result.model.nets.length, 1, 'the custom net is recognised');
        fixAll(draft, options);
        taskRows('draft.md', result.model, result.lines, options.schema);
        for (const argv of [
          ['lint', '.', '--format', 'json'],
          ['export', '.', '--format', 'json'],
          ['lint', 'draft.md', '--format', 'sarif'],
        ]) {
          await main({ argv, cwd: dir, stdout: () => undefined, stderr: () => undefined });
        }
      });
      // The ignore glob is compiled at run time with the marker in it: the spy sees config values.
      assert.ok(
        built.some((entry) => entry.source.includes(MARK)),
        'the spy sees RegExps built from config values',
      );
      const leaks = built.filter((entry) => entry.source.includes(MARK) && !/[\\/]picomatch[\\/]/u.test(entry.stack));
      assert.deepEqual(
        leaks.map((entry) => entry.source),
        [],
      );
      // Globs reach picomatch, which escapes everything but glob syntax.
      for (const entry of built.filter((candidate) => candidate.source.includes(MARK))) assert.doesNotMatch(entry.source, /\(a\+\)\+/u);
    });

    it('refuses globs that would smuggle a regular expression into picomatch', () => {
      const file = path.join(dir, '.fivenets.yaml');
      for (const glob of ['(a+)+$', 'archive/(old|new)/**', '@(a|b).md', '+(a)', '[a]+[b]+']) {
        assert.throws(
          () => parseConfigText(`ignore: ["${glob}"]\n`, file),
          (error: unknown) => error instanceof ConfigError && /ignore\[0\]/u.test(error.message),
          glob,
        );
        assert.throws(() => parseConfigText(`include: ["${glob}"]\n`, file), ConfigError, glob);
      }
      for (const glob of ['archive/**', '**/*.policy.md', 'drafts/{2020,2021}/*.md', 'a?b/[abc]*.md', '!keep.md']) {
        assert.deepEqual(parseConfigText(`ignore: ["${glob}"]\n`, file).ignore, [glob]);
      }
    });
  });

  describe('the CLI makes no network requests', () => {
    let dir: string;
    before(function () {
      if (!fs.existsSync(bin)) this.skip(); // needs the bundle: npm run build
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fivenets-net-'));
      fs.writeFileSync(
        path.join(dir, 'block-network.cjs'),
        `'use strict';
const fs = require('fs');
const log = process.env.FIVENETS_NETWORK_LOG;
function blocked(what) {
  return function () {
    fs.appendFileSync(log, what + '\\n' + new Error().stack.split('\\n').slice(2, 6).join('\\n') + '\\n');
    throw new Error('network access blocked by test: ' + what);
  };
}
const net = require('net');
net.Socket.prototype.connect = blocked('net.Socket.connect');
net.connect = net.createConnection = blocked('net.connect');
require('tls').connect = blocked('tls.connect');
for (const name of ['http', 'https']) {
  const mod = require(name);
  mod.request = blocked(name + '.request');
  mod.get = blocked(name + '.get');
}
require('http2').connect = blocked('http2.connect');
const dns = require('dns');
for (const key of Object.keys(dns)) if (/^(lookup|resolve)/.test(key) && typeof dns[key] === 'function') dns[key] = blocked('dns.' + key);
for (const key of Object.keys(dns.promises)) if (/^(lookup|resolve)/.test(key)) dns.promises[key] = blocked('dns.promises.' + key);
require('dgram').createSocket = blocked('dgram.createSocket');
globalThis.fetch = blocked('fetch');
`,
      );
    });
    after(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    function run(args: string[], input?: string) {
      const log = path.join(dir, `network-${Math.random().toString(36).slice(2)}.log`);
      const result = spawnSync(process.execPath, args, {
        cwd: root,
        input,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        env: { ...process.env, NODE_OPTIONS: `--require ${path.join(dir, 'block-network.cjs')}`, FIVENETS_NETWORK_LOG: log, NO_COLOR: '1' },
      });
      return { status: result.status, stderr: result.stderr, attempts: fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '' };
    }

    it('the preload blocks and records network calls (it can fail)', () => {
      const http = run(['-e', "try { require('http').get('http://127.0.0.1:9/') } catch {}"]);
      assert.match(http.attempts, /^http\.get/mu);
      const lookup = run(['-e', "try { require('dns').lookup('example.com', () => {}) } catch {}"]);
      assert.match(lookup.attempts, /^dns\.lookup/mu);
      const fetched = run(['-e', "try { fetch('http://127.0.0.1:9/') } catch {}"]);
      assert.match(fetched.attempts, /^fetch/mu);
    });

    it('lints, fixes and exports the seeds without touching the network', function () {
      this.timeout(120_000);
      const copy = path.join(dir, 'fix');
      fs.mkdirSync(copy);
      for (const name of fs.readdirSync(path.join(root, 'seeds'))) fs.copyFileSync(path.join(root, 'seeds', name), path.join(copy, name));
      const commands: Array<{ args: string[]; status: number; input?: string }> = [
        { args: ['lint', 'seeds/', '--format', 'json'], status: 1 },
        { args: ['lint', 'seeds/000_8cecb90e2c4c70b0.txt', '--format', 'sarif'], status: 0 },
        { args: ['lint', 'seeds/', '--format', 'github'], status: 1 },
        { args: ['export', 'seeds/', '--format', 'json'], status: 0 },
        { args: ['export', 'seeds/'], status: 0 },
        { args: ['lint', copy, '--fix', '--format', 'json'], status: 1 }, // a template is not an answer: the placeholders stay missing fields
        { args: ['lint', '-', '--stdin-filename', 'draft.md'], status: 1, input: fs.readFileSync(path.join(root, 'seeds/wuhan-five-nets.policy.md'), 'utf8') },
        { args: ['rules'], status: 0 },
        { args: ['explain', 'missing-owner'], status: 0 },
      ];
      for (const command of commands) {
        const result = run([bin, ...command.args], command.input);
        assert.equal(result.attempts, '', `fivenets ${command.args.join(' ')} tried the network`);
        assert.equal(result.status, command.status, `fivenets ${command.args.join(' ')}: ${result.stderr}`);
      }
    });
  });
});
