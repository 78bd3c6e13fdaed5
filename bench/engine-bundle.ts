/**
 * The engine as it ships: one esbuild bundle with the options of every product bundle
 * (scripts/esbuild-common.mjs). Timing the TypeScript sources through tsx instead costs the
 * engine a getter call at every use of an import from another module (tsx compiles each
 * module on its own), which no user's run pays: lint measured 10–15 % slower that way.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** Bundle the engine into `outDir`; the bundle's path. */
export async function bundledEngine(root: string, outDir: string): Promise<string> {
  const { esbuildCommon } = (await import(path.join(root, 'scripts/esbuild-common.mjs'))) as { esbuildCommon: (pkg: unknown, production: boolean) => esbuild.BuildOptions };
  const pkg: unknown = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const outfile = path.join(outDir, 'engine.js');
  // As `npm run build` makes the bundles the CLI figures of the same run time (not minified).
  await esbuild.build({ ...esbuildCommon(pkg, false), entryPoints: [path.join(root, 'bench/engine-entry.ts')], outfile });
  return outfile;
}
