// cli/memory.ts: the one full collection `score` runs between reading and writing a large input.
import { strict as assert } from 'node:assert';
import { collectGarbage } from '../cli/memory';

describe('collectGarbage', () => {
  it('frees garbage now, without --expose-gc (what keeps the 50,000-row peak under 1 GB)', () => {
    let junk: unknown[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `row ${i}` }));
    assert.equal(junk.length, 300_000);
    const before = process.memoryUsage().heapUsed;
    junk = null;
    collectGarbage();
    const after = process.memoryUsage().heapUsed;
    assert.ok(before - after > 10 * 1024 * 1024, `heap ${Math.round(before / 1048576)} MB → ${Math.round(after / 1048576)} MB`);
    collectGarbage(); // again: the same gc, no second setup
  });
});
