// The bench's machine-speed check (bench/speed.ts): a run whose probes drift apart says so.
import assert from 'node:assert/strict';
import { probeMs, speedReport, STEADY_SPREAD } from '../bench/speed';

describe('bench machine-speed probes', () => {
  it('calls a run steady while its probes stay within STEADY_SPREAD, and disturbed beyond', () => {
    const steady = speedReport([
      { at: 'start', ms: 10 },
      { at: '5000 rows: before the floors', ms: 10.4 },
      { at: 'end', ms: 9.9 },
    ]);
    assert.equal(steady.fastestMs, 9.9);
    assert.equal(steady.slowestMs, 10.4);
    assert.ok(Math.abs(steady.spread! - 10.4 / 9.9) < 1e-12);
    assert.equal(steady.steady, true);
    // 2026-12-05's disturbed run: the middle steps at about half speed.
    const halfSpeed = speedReport([
      { at: 'start', ms: 10 },
      { at: '10000 rows: before the floors', ms: 19.5 },
      { at: 'end', ms: 10.2 },
    ]);
    assert.equal(halfSpeed.steady, false);
    assert.ok(halfSpeed.spread! > STEADY_SPREAD);
  });

  it('cannot tell from fewer than two usable probes', () => {
    assert.equal(speedReport([]).steady, null);
    const one = speedReport([{ at: 'start', ms: 12 }]);
    assert.deepEqual([one.spread, one.steady, one.fastestMs], [null, null, 12]);
    // A probe that failed to measure (0, NaN) is not a speed.
    assert.equal(speedReport([{ at: 'start', ms: 12 }, { at: 'end', ms: Number.NaN }]).steady, null);
  });

  it('times real work', () => {
    const ms = probeMs();
    assert.ok(Number.isFinite(ms) && ms > 0, `probe took ${ms} ms`);
  });
});
