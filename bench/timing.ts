// What every in-process timing of the bench shares: the pause before a run and the statistic.

const gc = (globalThis as { gc?: () => void }).gc;

/** Whether the process runs with --expose-gc (settle() collects only then). */
export const canCollect = gc !== undefined;

/**
 * Before each timed run: a forced full collection, then a pause for its concurrent sweeping to end
 * (100 ms in the bench). Without the pause the sweeper threads run through the timed code on this
 * 2-core machine: a ~3 ms PARSCORE repeat measured 3.6–26 ms right after a collection of the
 * bench's heap, 4.4–5.9 ms after the pause. Every in-process timing of the bench (floors,
 * snapshot, engine, PARSCORE) gets the same.
 */
export async function settle(pauseMs = 100): Promise<void> {
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
