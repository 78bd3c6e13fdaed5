/**
 * Short functions (the habit of the codebases this one follows): no function in server/src
 * runs over MAX_FUNCTION_LINES lines unless its header comment says why ("Long because: …").
 * Measured with the TypeScript compiler API (scripts/function-lengths.ts, which also lists
 * the longest: `npx tsx scripts/function-lengths.ts`).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MAX_FUNCTION_LINES, measureFile, measureTree } from '../../scripts/function-lengths';

describe('function length', () => {
  it(`keeps every function in server/src under ${MAX_FUNCTION_LINES} lines, or says why in its header`, function () {
    this.timeout(60_000); // parsing every file takes a few seconds on a busy machine
    const long = measureTree(path.resolve(__dirname, '../../server/src')).filter((entry) => entry.lines > MAX_FUNCTION_LINES);
    assert.deepEqual(
      long.filter((entry) => !entry.explained).map((entry) => `${entry.file}:${entry.line} ${entry.name} (${entry.lines} lines)`),
      [],
      'split these functions, or say in their header comment why not ("Long because: …")',
    );
    // The exceptions stay few: each is a template or waits for another change (see its header).
    assert.ok(long.length <= 3, long.map((entry) => entry.name).join(', '));
  });

  it('measures functions, methods, arrows and accessors, and reads the reason in a header (the check can fail)', () => {
    const body = (lines: number) => Array.from({ length: lines - 2 }, (_, i) => `  step(${i});`).join('\n');
    const source = [
      `function plain() {\n${body(101)}\n}`,
      `/** Long because: a template. */\nexport function explained() {\n${body(120)}\n}`,
      `const arrow = () => {\n${body(5)}\n};`,
      `class Holder {\n  method() {\n${body(102)}\n  }\n  get value() {\n    return 1;\n  }\n}`,
    ].join('\n\n');
    const found = measureFile('sample.ts', source).map((entry) => [entry.name, entry.lines, entry.explained]);
    assert.deepEqual(found, [
      ['plain', 101, false],
      ['explained', 120, true],
      ['arrow', 5, false],
      ['method', 102, false],
      ['value', 3, false],
    ]);
  });
});
