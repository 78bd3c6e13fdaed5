// Bundle the CLI, the language server and the VS Code client with esbuild (CommonJS for
// Node 20 and VS Code; the unified/remark packages are ESM-only and get bundled in).
import * as esbuild from 'esbuild';
import { readFileSync, existsSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ESM dependencies (tinyglobby's fdir) read import.meta.url; give the CJS bundle one.
  define: { __FIVENETS_VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  loader: { '.yaml': 'text' },
};

const builds = [
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js', banner: { js: `#!/usr/bin/env node\n${common.banner.js}` } }),
];
if (existsSync('server/src/server.ts')) builds.push(esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' }));
if (existsSync('server/src/cli/worker.ts')) builds.push(esbuild.build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'server/out/worker.js' }));
if (existsSync('client/src/extension.ts')) builds.push(esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }));
await Promise.all(builds);
