/**
 * The extraction floors on hand-annotated real plans (../shared/corpus/real-plans), scored
 * by the shared scorer through the built CLI, as the plans are and as five-nets drafts
 * (scripts/accuracy.mjs holds the floors). The corpus lives beside the repository (CI has
 * it); without it the test says so and skips.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Accuracy {
  CORPUS: string;
  SCORER: string;
  FLOORS: string[];
  score(nets: boolean, extra?: string[]): { status: number | null; stdout: string };
}

describe('extraction on real plans (npm run accuracy)', function () {
  this.timeout(180_000);
  let accuracy: Accuracy;
  before(async function () {
    accuracy = (await import(pathToFileURL(path.resolve(__dirname, '..', '..', 'scripts', 'accuracy.mjs')).href)) as Accuracy;
    if (!fs.existsSync(accuracy.CORPUS) || !fs.existsSync(accuracy.SCORER)) {
      console.warn(`    SKIPPED: no annotated corpus at ${accuracy.CORPUS} or scorer at ${accuracy.SCORER}`);
      this.skip();
    }
  });

  for (const nets of [false, true]) {
    it(`keeps the floors ${nets ? 'as five-nets drafts (--nets)' : 'on the plans as they are'}`, () => {
      const result = accuracy.score(nets, ['--json', ...accuracy.FLOORS]);
      const figures = JSON.parse(result.stdout.split('\n')[0]) as { f1: number; owner: number; co: number; deadline: number; metric: number; falseMissingOwner: number; failed: number };
      assert.equal(figures.failed, 0);
      assert.ok(figures.f1 >= 0.97, `F1 ${figures.f1}`);
      assert.ok(figures.owner >= 0.95, `owner ${figures.owner}`);
      assert.ok(figures.co >= 0.9, `co-owners ${figures.co}`);
      assert.ok(figures.deadline >= 0.95, `deadline ${figures.deadline}`);
      assert.ok(figures.metric >= 0.95, `metric ${figures.metric}`);
      assert.ok(figures.falseMissingOwner <= 0.02, `false missing-owner ${figures.falseMissingOwner}`);
      assert.equal(result.status, 0, result.stdout.split('\n').slice(-2).join('\n'));
    });
  }
});
