// The esbuild options every bundle of the project is built with (scripts/build.mjs), and the
// engine bundle the benchmark times (bench/engine-bundle.ts): the engine is measured as it ships.
import { readFileSync } from 'node:fs';

// fdir (under tinyglobby) requires picomatch at load time from node_modules, beside the
// bundle, through createRequire: a second copy parsed on every start (and none in the
// .vsix). Give it the bundled one.
const fdirBundledPicomatch = {
  name: 'fdir-bundled-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source.replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/u, 'pm = require("picomatch");');
      // A new fdir that loads picomatch another way must fail the build, not silently ship
      // the second copy: look at its dist/index.mjs and update the pattern above.
      if (patched === source) throw new Error(`${args.path}: fdir no longer loads picomatch as this plugin expects; update fdirBundledPicomatch in scripts/build.mjs`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/** esbuild options for a CommonJS bundle for Node 20 (`pkg`: package.json, for the version). */
export function esbuildCommon(pkg, production) {
  return {
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
    plugins: [fdirBundledPicomatch],
  };
}
