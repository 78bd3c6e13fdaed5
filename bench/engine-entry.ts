/** What the benchmark times of the engine, bundled as the CLI and the server ship it (bench/engine-bundle.ts). */
export { IncrementalLinter } from '../server/src/engine';
export { parseMarkdown } from '../server/src/engine/parse/markdown';
export { builtinSchema } from '../server/src/engine/schema';
