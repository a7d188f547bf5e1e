// Two builds of the engine compared in one process, on one bench appendix: the change a speed
// idea makes is often 1–3 %, and separate processes on this machine spread by ±8 %.
//
//   npm run bench:ab -- <buildA> <buildB> [--rows 10000] [--rounds 25]
//
// A build is a directory holding the compiled `model/` (e.g. `lib` of a git worktree after
// `npm run build:cli`, or this checkout's `lib`). Both analyse the same snapshot, alternately,
// the order swapped each round, each run after a full collection and a pause (as the bench's
// settle(), with a 60 ms pause); 8 rounds first to let V8 optimise both. Prints the medians and
// B ÷ A. The same build against a copy of itself measured 0.974–1.042 (bench/PERFORMANCE.md,
// 2026-12-06): differences under ~4 % are noise.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Analysis, SheetSnapshot } from '../model';
import { snapshotsOf } from '../xlsx/read';
import { generateAppendix } from './generate';
import { canCollect, median, settle } from './timing';

interface Engine {
  analyzeSheet(s: SheetSnapshot): Analysis;
  buildSummaryTables(a: Analysis): unknown;
  buildInlineMarks(a: Analysis): unknown;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function load(dir: string): Engine {
  return require(path.resolve(dir, 'model')) as Engine;
}

async function main(): Promise<void> {
  const [dirA, dirB] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  if (!dirA || !dirB || !canCollect) {
    process.stderr.write('usage: node --expose-gc bench/out/build/bench/ab.js <buildA> <buildB> [--rows 10000] [--rounds 25]\n');
    process.exitCode = 2;
    return;
  }
  const rows = option('--rows', 10_000);
  const rounds = option('--rounds', 25);
  const g = await generateAppendix(rows);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(g.file);
  const snapshot = snapshotsOf(wb)[0]!;
  const engines = { A: load(dirA), B: load(dirB) };
  // Each engine's last analysis stays alive, as the bench keeps its last: a full collection with
  // none left would drop the finding objects' shapes and the optimised code that uses them.
  const kept: Record<'A' | 'B', Analysis | null> = { A: null, B: null };
  const run = (k: 'A' | 'B') => {
    const e = engines[k];
    const a = e.analyzeSheet(snapshot);
    e.buildSummaryTables(a);
    e.buildInlineMarks(a);
    kept[k] = a;
  };
  for (let r = 0; r < 8; r++) (['A', 'B'] as const).forEach(run);
  const times: Record<'A' | 'B', number[]> = { A: [], B: [] };
  for (let r = 0; r < rounds; r++) {
    for (const k of r & 1 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
      await settle(60);
      const t = performance.now();
      run(k);
      times[k].push(performance.now() - t);
    }
  }
  const a = median(times.A);
  const b = median(times.B);
  process.stdout.write(`${rows} rows, ${rounds} rounds: A ${a.toFixed(2)} ms (${dirA}), B ${b.toFixed(2)} ms (${dirB}), B ÷ A ${(b / a).toFixed(3)}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
