// Bundle the CLI, the language server and the VS Code client with esbuild (CommonJS for
// Node 20 and VS Code; the unified/remark packages are ESM-only and get bundled in).
import * as esbuild from 'esbuild';
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import ts from 'typescript';
import { builtinModules, createRequire } from 'node:module';
import { sep } from 'node:path';
import { esbuildCommon } from './esbuild-common.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = esbuildCommon(pkg, production);

// The CLI is two bundles: cli.js answers `lint --cache` on unchanged drafts without the
// engine (server/src/cli/fast.ts), and requires commands.js (the commands and the engine)
// for everything else. Loading the engine costs more than a whole cached run.
const commandsApart = {
  name: 'commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/commands$/ }, (args) =>
      // The lint worker (worker.ts) loads the engine from commands.js too, not a copy of its own.
      args.importer.endsWith(`server${sep}src${sep}cli${sep}main.ts`) || args.importer.endsWith(`server${sep}src${sep}cli${sep}worker.ts`) ? { path: './commands.js', external: true } : undefined,
    );
    // The Word converter (mammoth, rehype) is its own bundle, loaded when a .docx is met;
    // the VS Code client loads the same file for "Import Word Draft…".
    build.onResolve({ filter: /^\.\.\/import\/docx$/ }, (args) => (args.importer.endsWith(`server${sep}src${sep}cli${sep}docx.ts`) ? { path: './import.js', external: true } : undefined));
  },
};

/** cli.js must stay light: fail the build when the engine or the report creeps into it. */
// File-system facts, the bounded reader, glob checks, the draft classification (picomatch and
// ignore only) and line positions (rdjson), with no other engine imports.
const LIGHT_ENGINE_MODULES = new Set([
  'server/src/engine/config-files.ts',
  'server/src/engine/read-file.ts',
  'server/src/engine/globs.ts',
  'server/src/engine/glob-match.ts',
  'server/src/engine/classify.ts',
  'server/src/engine/frontmatter.ts',
  'server/src/engine/lines.ts',
]);
function checkLight(result) {
  const heavy = Object.keys(result.metafile.inputs).filter(
    (input) => (/^server\/src\/(engine|report)\//.test(input) && !LIGHT_ENGINE_MODULES.has(input)) || /node_modules\/(unified|micromark|opencc-js|yaml|ajv)\//.test(input),
  );
  if (heavy.length > 0) throw new Error(`server/out/cli.js must not bundle the engine (see server/src/cli/main.ts), but it has: ${heavy.slice(0, 5).join(', ')}`);
}

const builds = [
  esbuild
    .build({
      ...common,
      entryPoints: ['server/src/cli.ts'],
      outfile: 'server/out/cli.js',
      banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
      plugins: [...common.plugins, commandsApart],
      metafile: true,
    })
    .then(checkLight),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/commands.ts'], outfile: 'server/out/commands.js', plugins: [...common.plugins, commandsApart] }),
  esbuild.build({ ...common, entryPoints: ['server/src/import/docx/index.ts'], outfile: 'server/out/import.js' }),
];
// The npm package's API (server/src/api.ts): CommonJS, an ESM wrapper, and its types for both.
if (existsSync('server/src/api.ts')) {
  builds.push(
    esbuild.build({ ...common, entryPoints: ['server/src/api.ts'], outfile: 'server/out/api.js', plugins: [...common.plugins, commandsApart] }).then(() => {
      // Node's ESM loader cannot see a bundle's exports by name: re-export them (the names the bundle has).
      const names = Object.keys(createRequire(import.meta.url)(`${process.cwd()}/server/out/api.js`));
      writeFileSync('server/out/api.mjs', `import api from './api.js';\nexport const { ${names.join(', ')} } = api;\nexport default api;\n`);
    }),
  );
  // Declarations from the sources alone (the API's types are written out in api.ts and contract.ts):
  // one for require, one for import (whose relative imports need their extension).
  mkdirSync('server/out', { recursive: true });
  const declarations = (file) => {
    const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(file, 'utf8'), { fileName: file, compilerOptions: { isolatedDeclarations: true, strict: true } });
    if (diagnostics?.length) throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n')}`);
    return outputText;
  };
  const api = declarations('server/src/api.ts');
  writeFileSync('server/out/contract.d.ts', declarations('server/src/contract.ts'));
  writeFileSync('server/out/api.d.ts', api);
  writeFileSync('server/out/api.d.mts', api.replaceAll("from './contract'", "from './contract.js'"));
}
if (existsSync('server/src/server.ts')) builds.push(esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }));
if (existsSync('server/src/cli/worker.ts')) builds.push(esbuild.build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'server/out/worker.js', plugins: [...common.plugins, commandsApart] }));
if (existsSync('client/src/extension.ts')) builds.push(esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }));

// The browser build (vscode.dev, github.dev, code-server's web worker extension host): the
// client for the web extension host and the server for a web worker. Neither may reach a
// Node module: the build fails naming the import (a stub would only fail at run time).
const NODE_BUILTINS = new Set(builtinModules);
const noNode = {
  name: 'no-node',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:]+(\/|$)/ }, (args) => {
      if (!args.path.startsWith('node:') && !NODE_BUILTINS.has(args.path.split('/')[0])) return undefined;
      return { errors: [{ text: `the browser build imports the Node module "${args.path}" (from ${args.importer}): use a platform-neutral module or keep it out of the browser entry` }] };
    });
  },
};
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { __FIVENETS_VERSION__: JSON.stringify(pkg.version), 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  loader: { '.yaml': 'text' },
  plugins: [noNode],
};
// The server runs in a web worker, which has no DOM: packages' `worker` exports first
// (decode-named-character-reference's `browser` one calls document.createElement).
if (existsSync('server/src/browserServer.ts')) builds.push(esbuild.build({ ...browser, conditions: ['worker'], format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: 'server/out/web/server.js' }));
if (existsSync('client/src/browserExtension.ts'))
  builds.push(esbuild.build({ ...browser, format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'client/out/browserExtension.js', external: ['vscode'] }));
await Promise.all(builds);
