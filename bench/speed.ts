// A fixed workload timed at several points of a bench run, so a run taken while the machine
// changed speed says so itself. The bench's ratios divide timings taken minutes apart (the
// 10,000-row engine by the 10,000-row read floor, the 50,000-row engine by the 5,000-row one): on
// a shared machine that slowed down in between they are wrong, in either direction (on
// 2026-12-05 one run "met" every target because its 5,000- and 10,000-row steps ran at half
// speed; only the doubled read floors gave it away, to a reader who looked).

/** Largest ratio between the slowest and the fastest probe of a run that still counts as steady. */
export const STEADY_SPREAD = 1.2;

// Strings, a regex and a Map, like the engine's work, but none of its code: a change to the
// engine must not move the probe. Made once, so every probe times the same work.
const TEXTS = Array.from({ length: 4000 }, (_, i) => `Tiêu chí ${i}: tỷ lệ hồ sơ giải quyết đúng hạn đạt ${(i * 37) % 101}% — Sở Nội vụ ${i % 13}`);
const PERCENT = /(\d+)%/;

function workload(): number {
  const seen = new Map<string, number>();
  let h = 0;
  for (let r = 0; r < 18; r++) {
    for (let i = 0; i < TEXTS.length; i++) {
      const s = TEXTS[i]!;
      const m = PERCENT.exec(s);
      h = (h * 31 + (m ? Number(m[1]) : 0) + s.length) | 0;
      seen.set(s.slice(0, 12 + (i & 7)), h);
    }
  }
  return h + seen.size;
}

// Written on every probe, so no compiler may drop the work as unused.
let sink = 0;

/**
 * The workload's median time of 7 (~10 ms each here), after 2 untimed: an idle stretch (the
 * bench waiting seconds for its child processes) lets V8 drop compiled code, and a probe must
 * time the machine, not the recompilation. The caller settles the heap first.
 */
export function probeMs(): number {
  for (let k = 0; k < 2; k++) sink ^= workload();
  const times: number[] = [];
  for (let k = 0; k < 7; k++) {
    const t = performance.now();
    sink ^= workload();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[3]!;
}

export interface SpeedProbe {
  /** When it was taken ("start", "10000 rows: before the floors", …). */
  at: string;
  ms: number;
}

export interface SpeedReport {
  probes: SpeedProbe[];
  fastestMs: number | null;
  slowestMs: number | null;
  /** slowest ÷ fastest; null without two probes. */
  spread: number | null;
  /** spread ≤ STEADY_SPREAD; null when it cannot be told. */
  steady: boolean | null;
}

export function speedReport(probes: readonly SpeedProbe[]): SpeedReport {
  const ms = probes.map((p) => p.ms).filter((x) => Number.isFinite(x) && x > 0);
  if (ms.length < 2) return { probes: [...probes], fastestMs: ms[0] ?? null, slowestMs: ms[0] ?? null, spread: null, steady: null };
  const fastestMs = Math.min(...ms);
  const slowestMs = Math.max(...ms);
  const spread = slowestMs / fastestMs;
  return { probes: [...probes], fastestMs, slowestMs, spread, steady: spread <= STEADY_SPREAD };
}
