// parscore benchmark: one run, same inputs, every layer. `npm run bench` (not part of npm test).
//
//   npm run bench                      all sizes (100 … 50,000 rows)
//   npm run bench -- --sizes 100,10000 some sizes (targets needing a missing size show "n/a")
//   npm run bench -- --no-build        never run webpack, measure dist/ as it is
//
// Prints a table and PASS/MISS per target, writes bench/results.json, exits 0 either way: it is
// a report, not a test. Inputs and scratch files go to bench/out/ (gitignored).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import {
  analyzeSheet,
  buildInlineMarks,
  buildSummaryTables,
  evaluateThreshold,
  formatThreshold,
  parseTarget,
  type SheetSnapshot,
} from '../model';
import { snapshotsOf } from '../xlsx/read';
import { declaredUnpackedSize } from '../cli/workbook-io';
import { createFunctionsLogic } from '../addin/functions/logic';
import { layoutSummaryTable } from '../addin/office/layout';
import { scoreAndSummarise } from '../addin/office/score-and-summarise';
import { serializeState } from '../addin/office/state';
import { fakeContext, officeValues } from './fake-excel';
import { generateAppendix, OUT_DIR, ROOT, type Generated } from './generate';
import { probeMs, speedReport, STEADY_SPREAD, type SpeedProbe } from './speed';
import { canCollect, median, settle } from './timing';

const ALL_SIZES = [100, 1_000, 5_000, 10_000, 50_000];

// ------------------------------------------------------------------------------------ options

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}
const SIZES = (argValue('--sizes') ?? ALL_SIZES.join(','))
  .split(',')
  .map((s) => Number(s.replace(/[_ ]/g, '')))
  .filter((n) => Number.isFinite(n) && n > 0);
const NO_BUILD = process.argv.includes('--no-build');

// ------------------------------------------------------------------------------------ helpers


/**
 * Every garbage collection of this process (start on the performance.now clock, pause in ms), so
 * each timed engine run can be told how much of it was the collector's (see gcWithin): a 50,000-row
 * run pays several young-generation collections that move what the run keeps beyond its items
 * (joined texts, parsed targets, findings; V8 allocates the items themselves in the old generation
 * after a run or two), while a 5,000-row run fits the young generation and pays none.
 */
const gcLog: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcLog.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });

/** Collections that started inside [from, to]: their count and total pause. Entries arrive after the collection, so call this after a settle(). */
function gcWithin(from: number, to: number): { count: number; ms: number } {
  let count = 0;
  let ms = 0;
  for (const g of gcLog) {
    if (g.start < from || g.start > to) continue;
    count++;
    ms += g.ms;
  }
  return { count, ms };
}

/** Runs per file timing (ExcelJS read / write, snapshot): more for small inputs, fewer for the 50,000-row file. */
function runsFor(n: number): number {
  return n <= 10_000 ? 5 : 3;
}

/**
 * Runs per engine timing, at every size. An engine run is short (tens of ms at 10,000 rows), so
 * one collection landing in it moves a median of 5 by 10–20 % on a shared machine. And the
 * 50,000 ÷ 5,000 ratio compares the same statistic at both sizes: with 5 runs at 50,000 rows (as
 * before 2026-12-05) its median came from the first runs after the size change, which V8 may
 * still be re-optimizing (one process measured CPU time above wall time for ~5 such runs: its
 * compiler threads busy), while 5,000 rows' came from the middle of 15. 15 at 50,000 rows: ~10 s.
 */
const ENGINE_RUNS = 15;

/**
 * The machine's speed through the run (see bench/speed.ts): a fixed workload, settled like every
 * timing, the faster of two probes 300 ms apart. A slowdown that lasts (the half-speed steps of
 * 2026-12-05) shows in both; a blip does not: a single probe right after the 50,000-row child
 * processes read 11.3–12.5 ms in every run, ~20 % above all the others.
 */
const probes: SpeedProbe[] = [];
async function probe(at: string): Promise<void> {
  await settle();
  const first = probeMs();
  await new Promise((r) => setTimeout(r, 300));
  await settle();
  probes.push({ at, ms: Math.min(first, probeMs()) });
}

/** Warm up once, then the median of `runs` timed runs (settled after a full GC before each when exposed). */
async function timed<T>(runs: number, fn: () => T | Promise<T>, warmup = true): Promise<{ ms: number; all: number[]; last: T }> {
  let last = undefined as T;
  if (warmup) last = await fn();
  const all: number[] = [];
  for (let k = 0; k < runs; k++) {
    await settle();
    const t0 = performance.now();
    last = await fn();
    all.push(performance.now() - t0);
  }
  return { ms: median(all), all, last };
}

const fmt = (x: number | null | undefined, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(d));
const log = (s = '') => process.stdout.write(`${s}\n`);
const note = (s: string) => process.stderr.write(`  · ${s}\n`);

// ------------------------------------------------------------------------------------ 1–3 per size

interface SizeResult {
  rows: number;
  fileKB: number;
  unpackedMB: number;
  planted: Generated['planted'];
  findings: Record<string, number>;
  readFloorMs: number;
  writeFloorMs: number;
  snapshotMs: number;
  engineMs: number;
  /** Every timed engine run, in order (engineMs is their median). */
  engineRuns: number[];
  engineFirstMs: number;
  engineParts: { analyzeMs: number; tablesMs: number; marksMs: number };
  /** Garbage collection inside the timed engine runs: median pause (ms) and collections per run. */
  engineGcMs: number;
  engineGcCount: number;
  cliWallMs: number | null;
  cliPeakRssMB: number | null;
  cliRuns: number[];
  cliExit: number | null;
  /**
   * `parscore score` on its own scored copy (what an officer does after filling in more results):
   * the patch writers clear the copy, read it again and score it. Peak RSS and wall time; from
   * 50,000 rows up (the largest sizes are where memory is at stake), else null.
   */
  rescorePeakRssMB: number | null;
  rescoreWallMs: number | null;
  /** `node bench/floor.js`: read + untouched write in a fresh process. */
  floorProcessMs: number;
  floorProcessPeakRssMB: number | null;
}

let rssMethod = '';

function cliArgs(file: string, out: string, unpackedMB: number): string[] {
  const args = [path.join(ROOT, 'lib', 'cli', 'main.js'), 'score', file, '-o', out];
  // The default --max-mb (50) is kept unless the input is larger: then say so.
  if (unpackedMB > 50) {
    args.push('--max-mb', String(Math.ceil(unpackedMB * 1.2)));
    note(`${path.basename(file)} unpacks to ${unpackedMB.toFixed(0)} MB > default --max-mb 50: passing --max-mb`);
  }
  return args;
}

/** Wall time and peak RSS of `node <args>` as a child process. */
async function measureProcess(args: string[]): Promise<{ wallMs: number; rssMB: number | null; exit: number | null }> {
  if (fs.existsSync('/usr/bin/time')) {
    rssMethod = '/usr/bin/time -v (Maximum resident set size)';
    const t0 = performance.now();
    const r = await run('/usr/bin/time', ['-v', process.execPath, ...args]);
    const wallMs = performance.now() - t0;
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r.stderr);
    return { wallMs, rssMB: m ? Number(m[1]) / 1024 : null, exit: r.code };
  }
  rssMethod = 'polling /proc/<pid>/status VmHWM every 10 ms';
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let hwm = 0;
  const poll = setInterval(() => {
    try {
      const m = /VmHWM:\s*(\d+)\s*kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwm = Math.max(hwm, Number(m[1]));
    } catch {
      // exited
    }
  }, 10);
  const code = await new Promise<number | null>((res) => child.on('close', res));
  clearInterval(poll);
  return { wallMs: performance.now() - t0, rssMB: hwm ? hwm / 1024 : null, exit: code };
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function measureSize(n: number): Promise<{ r: SizeResult; snapshot: SheetSnapshot }> {
  const t0 = performance.now();
  const g = await generateAppendix(n);
  note(`${n} rows: input ${path.relative(ROOT, g.file)} (${(g.bytes / 1024).toFixed(0)} KB, ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const unpackedMB = (declaredUnpackedSize(fs.readFileSync(g.file)) ?? 0) / 1048576;
  const runs = runsFor(n);
  await probe(`${n} rows: before the floors`);

  // 1. File floor: ExcelJS alone.
  const read = await timed(runs, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(g.file);
    return wb;
  });
  const wb = read.last;
  const copy = path.join(OUT_DIR, `copy-${n}.xlsx`);
  const write = await timed(runs, () => wb.xlsx.writeFile(copy));

  // 2. Engine, in memory.
  const snap = await timed(runs, () => snapshotsOf(wb));
  const snapshot = snap.last[0]!;
  let first = 0;
  {
    await settle();
    const t = performance.now();
    const a = analyzeSheet(snapshot);
    buildSummaryTables(a);
    buildInlineMarks(a);
    first = performance.now() - t;
  }
  const parts = { analyzeMs: [] as number[], tablesMs: [] as number[], marksMs: [] as number[] };
  const windows: [number, number][] = [];
  const engine = await timed(
    ENGINE_RUNS,
    () => {
      const t1 = performance.now();
      const a = analyzeSheet(snapshot);
      const t2 = performance.now();
      buildSummaryTables(a);
      const t3 = performance.now();
      buildInlineMarks(a);
      const t4 = performance.now();
      parts.analyzeMs.push(t2 - t1);
      parts.tablesMs.push(t3 - t2);
      parts.marksMs.push(t4 - t3);
      windows.push([t1, t4]);
      return a;
    },
    false,
  );
  await settle(); // the last run's collections are reported after it
  await probe(`${n} rows: after the engine`);
  const gcRuns = windows.map(([from, to]) => gcWithin(from, to));
  const findings: Record<string, number> = {};
  for (const f of engine.last.findings) findings[f.kind] = (findings[f.kind] ?? 0) + 1;

  // 3. CLI end to end, as a child process.
  const cliRuns: number[] = [];
  let rss: number | null = null;
  let exit: number | null = null;
  const cliCount = n <= 10_000 ? 3 : 2;
  for (let k = 0; k < cliCount; k++) {
    const c = await measureProcess(cliArgs(g.file, path.join(OUT_DIR, `scored-${n}.xlsx`), unpackedMB));
    cliRuns.push(c.wallMs);
    if (c.rssMB !== null) rss = Math.max(rss ?? 0, c.rssMB);
    exit = c.exit;
    if (c.exit !== 0) {
      note(`parscore score exited ${c.exit} on ${n} rows`);
      break;
    }
  }
  // The scored copy scored again: a second read of a larger file (summaries, status column), once.
  let rescore: { wallMs: number; rssMB: number | null; exit: number | null } | null = null;
  if (n >= 50_000 && exit === 0) {
    const scored = path.join(OUT_DIR, `scored-${n}.xlsx`);
    const scoredMB = (declaredUnpackedSize(fs.readFileSync(scored)) ?? 0) / 1048576;
    rescore = await measureProcess(cliArgs(scored, path.join(OUT_DIR, `rescored-${n}.xlsx`), scoredMB));
    if (rescore.exit !== 0) note(`parscore score exited ${rescore.exit} on its scored copy of ${n} rows`);
  }
  // The same floor as a fresh process (cold JIT, module loading): what the CLI is really up against.
  const floorRuns: number[] = [];
  let floorRss: number | null = null;
  for (let k = 0; k < cliCount; k++) {
    const f = await measureProcess([path.join(__dirname, 'floor.js'), g.file, path.join(OUT_DIR, `floor-${n}.xlsx`)]);
    floorRuns.push(f.wallMs);
    if (f.rssMB !== null) floorRss = Math.max(floorRss ?? 0, f.rssMB);
  }
  await probe(`${n} rows: after the CLI`);
  const r: SizeResult = {
    rows: n,
    fileKB: g.bytes / 1024,
    unpackedMB,
    planted: g.planted,
    findings,
    readFloorMs: read.ms,
    writeFloorMs: write.ms,
    snapshotMs: snap.ms,
    engineMs: engine.ms,
    engineRuns: engine.all,
    engineFirstMs: first,
    engineParts: { analyzeMs: median(parts.analyzeMs), tablesMs: median(parts.tablesMs), marksMs: median(parts.marksMs) },
    engineGcMs: median(gcRuns.map((g) => g.ms)),
    engineGcCount: median(gcRuns.map((g) => g.count)),
    cliWallMs: exit === 0 ? median(cliRuns) : null,
    cliPeakRssMB: rss,
    cliRuns,
    cliExit: exit,
    rescorePeakRssMB: rescore && rescore.exit === 0 ? rescore.rssMB : null,
    rescoreWallMs: rescore && rescore.exit === 0 ? rescore.wallMs : null,
    floorProcessMs: median(floorRuns),
    floorProcessPeakRssMB: floorRss,
  };
  return { r, snapshot };
}

// ------------------------------------------------------------------------------------ 5. Office

interface OfficeResult {
  rows: number;
  summarySyncs: number;
  /** "Chấm điểm & tổng hợp" again over its own summaries of the run before: rewritten in place. */
  rerunSyncs: number;
  rerunPayloadMB: number;
  rerunMs: number;
  summarySheets: number;
  summaryPayloadMB: number;
  summaryLargestBatchMB: number;
  checkSyncs: number;
  checkPayloadMB: number;
  commandMs: number;
  checkMs: number;
}

async function measureOffice(n: number, snapshot: SheetSnapshot): Promise<OfficeResult> {
  const run = async (summaries: boolean, again = false) => {
    const earlier = again ? earlierSummaries(snapshot) : undefined;
    const { context, stats } = fakeContext({
      active: snapshot,
      sheets: [snapshot.name, ...Object.keys(earlier?.tops ?? {})],
      ...(earlier ? { summaries: earlier } : {}),
    });
    const t0 = performance.now();
    const r = await scoreAndSummarise(context, { lang: 'vi', supports: () => true, summaries });
    const ms = performance.now() - t0;
    if (r.status !== 'done') note(`${summaries ? 'Chấm điểm & tổng hợp' : 'Kiểm tra'} on ${n} rows: ${r.status} ${r.message}`);
    return { r, stats, ms };
  };
  const check = await run(false); // the task pane's "Kiểm tra": inline marks only
  const summary = await run(true); // "Chấm điểm & tổng hợp": marks and the three summary sheets
  const rerun = await run(true, true); // the same again, over the summaries of the run before
  if (rerun.r.sheets.join() !== summary.r.sheets.join() || rerun.stats.sheetsAdded) {
    note(`re-run on ${n} rows wrote ${rerun.r.sheets.join(', ')}, ${rerun.stats.sheetsAdded} of them added (expected: rewritten in place)`);
  }
  return {
    rows: n,
    summarySyncs: summary.stats.syncs,
    rerunSyncs: rerun.stats.syncs,
    rerunPayloadMB: rerun.stats.payloadBytes / 1048576,
    rerunMs: rerun.ms,
    summarySheets: summary.r.sheets.length,
    summaryPayloadMB: summary.stats.payloadBytes / 1048576,
    summaryLargestBatchMB: Math.max(0, ...summary.stats.batches) / 1048576,
    checkSyncs: check.stats.syncs,
    checkPayloadMB: check.stats.payloadBytes / 1048576,
    commandMs: summary.ms,
    checkMs: check.ms,
  };
}

/** The summary sheets a first "Chấm điểm & tổng hợp" leaves (their first rows) and the state recording them. */
function earlierSummaries(snapshot: SheetSnapshot): { tops: Record<string, unknown[][]>; state: string } {
  const tables = buildSummaryTables(analyzeSheet(snapshot), 'vi');
  const tops: Record<string, unknown[][]> = {};
  for (const t of tables) tops[t.sheetName] = layoutSummaryTable(t, 'vi').values.slice(0, 3).map((r) => r.slice(0, 14));
  return { tops, state: serializeState({ v: 1, summarySheets: Object.keys(tops), marks: {} }) };
}

// ------------------------------------------------------------------------------------ 6. PARSCORE

interface FunctionsResult {
  rows: number;
  cells: number;
  firstMs: number;
  repeatMs: number;
  repeatAll: number[];
  /** The same repeat with a full collection between decoding the range and the call (see measureParscore). */
  repeatAfterGcMs: number;
  repeatAfterGcAll: number[];
  cells200TotalMs: number;
  cells200PerCallMs: number;
  value: number;
}

async function measureParscore(n: number, snapshot: SheetSnapshot): Promise<FunctionsResult> {
  const engine = { analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold };
  // Excel hands a custom function the range as JSON-decoded values: a fresh array of fresh
  // strings on every call. JSON round trip = what the runtime does.
  const json = JSON.stringify(officeValues(snapshot));
  const fresh = () => JSON.parse(json) as unknown[][];
  const logic = createFunctionsLogic(engine);
  const table0 = fresh();
  await settle();
  let t = performance.now();
  const value = logic.score(table0);
  const firstMs = performance.now() - t;
  // One untimed repeat first: the second call is the first to run the range comparison, and its
  // compilation is a one-time cost of the process, not of a repeated call (it measured 10–20 ms).
  if (logic.score(fresh()) !== value) throw new Error('PARSCORE changed on an equal range');
  // The range is decoded after the pause, right before the call, as the runtime decodes an
  // invocation and calls at once. Decoded before the pause, the forced full collection would move
  // its 140,000 cells into the bench's fragmented old generation first: a state Excel does not
  // produce, which this bench measured until 2026-12-06 and still reports (afterGc) for context.
  const repeatAll: number[] = [];
  const afterGcAll: number[] = [];
  const call = (table: unknown[][], into: number[]): void => {
    const t0 = performance.now();
    const v = logic.score(table);
    into.push(performance.now() - t0);
    if (v !== value) throw new Error('PARSCORE changed on an equal range');
  };
  for (let k = 0; k < 15; k++) {
    await settle();
    call(fresh(), repeatAll);
    const table = fresh();
    await settle();
    call(table, afterGcAll);
  }
  // 200 cells over the same range (a fresh cache: one analysis, 199 cache hits).
  const logic200 = createFunctionsLogic(engine);
  const measures = ['accepted', 'max', 'claimed', 'risk', 'index'];
  let total = 0;
  for (let k = 0; k < 200; k++) {
    const table = fresh();
    t = performance.now();
    logic200.score(table, measures[k % measures.length]);
    total += performance.now() - t;
  }
  return {
    rows: n,
    cells: table0.length * (table0[0]?.length ?? 0),
    firstMs,
    repeatMs: median(repeatAll),
    repeatAll,
    repeatAfterGcMs: median(afterGcAll),
    repeatAfterGcAll: afterGcAll,
    cells200TotalMs: total,
    cells200PerCallMs: total / 200,
    value,
  };
}

// ------------------------------------------------------------------------------------ 7. bundles

interface BundleResult {
  built: boolean;
  reason: string;
  files: Record<string, { kb: number; gzipKB: number }>;
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules') m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

function measureBundles(): BundleResult {
  const dist = path.join(ROOT, 'dist');
  const bundle = path.join(dist, 'functions.js');
  const sources = ['addin', 'model', 'xlsx', 'assets', 'webpack.config.js', 'tsconfig.addin.json', 'tsconfig.json', 'manifest.xml', 'package.json', 'package-lock.json'];
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(ROOT, s))));
  const have = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  let built = false;
  let reason = have === 0 ? 'dist/ missing' : have < newest ? 'dist/ older than sources' : 'dist/ up to date';
  if (have < newest) {
    if (NO_BUILD) reason += ' (not rebuilt: --no-build)';
    else {
      note(`${reason}: running npm run build (webpack production, ~1 min)`);
      const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
      built = r.status === 0;
      reason += built ? ', rebuilt with npm run build' : `, npm run build failed (${r.status})`;
    }
  }
  const files: BundleResult['files'] = {};
  for (const f of fs.existsSync(dist) ? fs.readdirSync(dist).filter((x) => x.endsWith('.js')).sort() : []) {
    const p = path.join(dist, f);
    const buf = fs.readFileSync(p);
    files[f] = { kb: buf.length / 1024, gzipKB: zlib.gzipSync(buf, { level: 9 }).length / 1024 };
  }
  return { built, reason, files };
}

// ------------------------------------------------------------------------------------ main

interface Target {
  name: string;
  value: number | null;
  limit: string;
  pass: boolean | null;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) throw new Error('lib/cli/main.js missing: run npm run build:cli (npm run bench does)');
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown';
  const cores = os.cpus().length;
  const loadStart = os.loadavg();
  log(`parscore bench — ${new Date().toISOString()} — ${cpu}, ${cores} cores, Node ${process.version}${canCollect ? '' : ' (no --expose-gc)'}, load average ${loadStart.map((x) => x.toFixed(2)).join(' ')}`);

  probeMs(); // compiled before the first probe counts
  await probe('start');
  const sizes: SizeResult[] = [];
  const snapshots = new Map<number, SheetSnapshot>();
  for (const n of SIZES) {
    const { r, snapshot } = await measureSize(n);
    sizes.push(r);
    if (n === 100 || n === 10_000) snapshots.set(n, snapshot);
    note(
      `${n}: read ${fmt(r.readFloorMs)} ms, write ${fmt(r.writeFloorMs)} ms, snapshot ${fmt(r.snapshotMs)} ms, engine ${fmt(r.engineMs)} ms (first ${fmt(r.engineFirstMs)}), CLI ${fmt(r.cliWallMs, 0)} ms / ${fmt(r.cliPeakRssMB, 0)} MB` +
        (r.rescorePeakRssMB !== null ? `, score again ${fmt(r.rescoreWallMs, 0)} ms / ${fmt(r.rescorePeakRssMB, 0)} MB` : ''),
    );
  }
  const at = (n: number) => sizes.find((s) => s.rows === n) ?? null;

  const office: OfficeResult[] = [];
  for (const n of [100, 10_000]) {
    const s = snapshots.get(n);
    if (s) office.push(await measureOffice(n, s));
  }
  const ten = snapshots.get(10_000);
  const functions = ten ? await measureParscore(10_000, ten) : null;
  const bundles = measureBundles();
  await probe('end');
  const speed = speedReport(probes);

  // ---------------------------------------------------------------- tables
  log('');
  log('rows     file KB  unpacked MB  read ms  write ms  snapshot ms  engine ms (first)  engine/read  CLI ms  CLI/(read+write)  peak RSS MB  floor process ms / RSS MB');
  for (const s of sizes) {
    const ratio = s.engineMs / s.readFloorMs;
    const e2e = s.cliWallMs !== null ? s.cliWallMs / (s.readFloorMs + s.writeFloorMs) : null;
    log(
      [
        String(s.rows).padEnd(7),
        fmt(s.fileKB, 0).padStart(8),
        fmt(s.unpackedMB, 1).padStart(12),
        fmt(s.readFloorMs, 0).padStart(8),
        fmt(s.writeFloorMs, 0).padStart(9),
        fmt(s.snapshotMs, 1).padStart(12),
        `${fmt(s.engineMs, 1)} (${fmt(s.engineFirstMs, 0)})`.padStart(18),
        `${fmt(ratio * 100, 1)}%`.padStart(12),
        fmt(s.cliWallMs, 0).padStart(7),
        fmt(e2e, 2).padStart(17),
        fmt(s.cliPeakRssMB, 0).padStart(12),
        `${fmt(s.floorProcessMs, 0)} / ${fmt(s.floorProcessPeakRssMB, 0)}`.padStart(26),
      ].join(' '),
    );
  }
  log('');
  log('engine parts (median ms): rows  analyzeSheet  summary tables  inline marks  of which GC (collections)   findings (planted: missing evidence / unmet / over max / unknown agency)');
  for (const s of sizes) {
    const f = s.findings;
    log(
      `                          ${String(s.rows).padEnd(6)}${fmt(s.engineParts.analyzeMs, 1).padStart(12)}${fmt(s.engineParts.tablesMs, 1).padStart(16)}${fmt(s.engineParts.marksMs, 1).padStart(14)}` +
        `${`${fmt(s.engineGcMs, 1)} (${fmt(s.engineGcCount, 0)})`.padStart(27)}   ` +
        `${f['missing-evidence'] ?? 0}/${f['threshold-unmet'] ?? 0}/${f['over-max'] ?? 0}/${f['unknown-agency'] ?? 0} ` +
        `(${s.planted.missingEvidence}/${s.planted.thresholdUnmet}/${s.planted.overMax}/${s.planted.unknownAgency})`,
    );
  }
  log('');
  for (const o of office) {
    log(
      `Office (fake Excel): ${o.rows} rows — "Chấm điểm & tổng hợp" ${o.summarySyncs} syncs for ${o.summarySheets} summary sheets + marks, ` +
        `payload ${fmt(o.summaryPayloadMB, 2)} MB (largest batch ${fmt(o.summaryLargestBatchMB, 2)} MB), ${fmt(o.commandMs, 0)} ms; ` +
        `"Kiểm tra" ${o.checkSyncs} syncs, payload ${fmt(o.checkPayloadMB, 2)} MB, ${fmt(o.checkMs, 0)} ms; ` +
        `re-run over its summaries (rewritten in place) ${o.rerunSyncs} syncs, payload ${fmt(o.rerunPayloadMB, 2)} MB, ${fmt(o.rerunMs, 0)} ms`,
    );
  }
  if (functions) {
    log(
      `PARSCORE on ${functions.rows} rows (${functions.cells} cells): first ${fmt(functions.firstMs, 1)} ms, repeated on an equal new array ${fmt(functions.repeatMs, 2)} ms ` +
        `(runs ${functions.repeatAll.map((x) => x.toFixed(1)).join(' ')}; with a full collection between decoding and the call ${fmt(functions.repeatAfterGcMs, 2)} ms), 200 cells ${fmt(functions.cells200TotalMs, 0)} ms total / ${fmt(functions.cells200PerCallMs, 2)} ms per call`,
    );
  }
  log(
    `Bundles (${bundles.reason}): ${Object.entries(bundles.files)
      .map(([f, b]) => `${f} ${fmt(b.kb, 1)} KB min / ${fmt(b.gzipKB, 1)} KB gzip`)
      .join(', ')}`,
  );
  log(`Peak RSS measured with ${rssMethod || 'n/a'}.`);
  log(
    `Machine speed (bench/speed.ts, a fixed workload; ms): ${speed.probes.map((p) => `${p.at} ${fmt(p.ms, 2)}`).join(', ')}; ` +
      `slowest ÷ fastest ${fmt(speed.spread, 2)} (steady ≤ ${STEADY_SPREAD})`,
  );

  // ---------------------------------------------------------------- targets
  const s10 = at(10_000);
  const s5 = at(5_000);
  const s50 = at(50_000);
  const o100 = office.find((o) => o.rows === 100) ?? null;
  const o10 = office.find((o) => o.rows === 10_000) ?? null;
  const val = (x: number | null | undefined) => (x === undefined || x === null || !Number.isFinite(x) ? null : x);
  const engineVsReadFloor10k = val(s10 && s10.engineMs / s10.readFloorMs);
  const e2eVsFloor10k = val(s10 && s10.cliWallMs !== null ? s10.cliWallMs / (s10.readFloorMs + s10.writeFloorMs) : null);
  const scaling = val(s50 && s5 ? s50.engineMs / s5.engineMs : null);
  const functionsKB = val(bundles.files['functions.js']?.kb);
  const targets: Target[] = [];
  const target = (name: string, value: number | null, limit: string, ok: (v: number) => boolean) =>
    targets.push({ name, value, limit, pass: value === null ? null : ok(value) });
  target('engine ÷ ExcelJS read floor, 10,000 rows', engineVsReadFloor10k, '≤ 0.10', (v) => v <= 0.1);
  target('engine ms, 10,000 rows', val(s10?.engineMs), '< 100', (v) => v < 100);
  target('CLI end to end ÷ (read + write floor), 10,000 rows', e2eVsFloor10k, '≤ 1.5', (v) => v <= 1.5);
  target('engine 50,000 ÷ engine 5,000 rows', scaling, '≤ 12', (v) => v <= 12);
  target('syncs "Kiểm tra", 100 rows', val(o100?.checkSyncs), '≤ 2', (v) => v <= 2);
  target('syncs "Kiểm tra", 10,000 rows', val(o10?.checkSyncs), '≤ 2 and = 100 rows', (v) => v <= 2 && v === o100?.checkSyncs);
  target('syncs "Chấm điểm & tổng hợp" per summary sheet, 100 rows', val(o100 && o100.summarySyncs / Math.max(1, o100.summarySheets)), '≤ 2', (v) => v <= 2);
  target(
    'syncs "Chấm điểm & tổng hợp", 10,000 rows',
    val(o10?.summarySyncs),
    '= 100 rows, ≤ 2 per sheet',
    (v) => v === o100?.summarySyncs && v / Math.max(1, o10!.summarySheets) <= 2,
  );
  target(
    'syncs "Chấm điểm & tổng hợp" re-run in place, 10,000 rows',
    val(o10?.rerunSyncs),
    '= 100 rows, ≤ 2 per sheet',
    (v) => v === o100?.rerunSyncs && v / Math.max(1, o10!.summarySheets) <= 2,
  );
  target('PARSCORE repeated on an equal 10,000-row range, ms', val(functions?.repeatMs), '< 5', (v) => v < 5);
  target('functions.js minified, KB', functionsKB, '≤ 200', (v) => v <= 200);
  target('parscore score peak RSS, 50,000 rows, MB', val(s50?.cliPeakRssMB), '< 1024', (v) => v < 1024);
  target('the same on its scored copy (score again), MB', val(s50?.rescorePeakRssMB), '< 1024', (v) => v < 1024);
  if (s10 && s10.cliWallMs !== null) {
    log('');
    log(`For context (no target): CLI ÷ the floor as a fresh process (bench/floor.ts: read + untouched write, cold) at 10,000 rows = ${fmt(s10.cliWallMs / s10.floorProcessMs, 2)}.`);
  }
  log('');
  if (speed.steady === false) {
    log(
      `WARNING: the machine's speed changed during this run (the same workload took ${fmt(speed.fastestMs, 2)}–${fmt(speed.slowestMs, 2)} ms, ` +
        `${fmt(speed.spread, 2)}×): the ratios below divide timings taken at different speeds. Run again before trusting them.`,
    );
  }
  for (const t of targets) {
    const status = t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'MISS';
    log(`${status}  ${t.name.padEnd(58)} ${fmt(t.value, t.value !== null && t.value < 1 ? 3 : 1).padStart(9)}  (${t.limit})`);
  }

  const results = {
    date: new Date().toISOString(),
    machine: { cpu, cores, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    loadAverage: { start: loadStart, end: os.loadavg() },
    // A fixed workload timed through the run: steady false means the ratios mix speeds.
    machineSpeed: speed,
    engineVsReadFloor10k,
    e2eVsFloor10k,
    engineMs10k: val(s10?.engineMs),
    engineFirstMs10k: val(s10?.engineFirstMs),
    e2eVsFloorProcess10k: val(s10 && s10.cliWallMs !== null ? s10.cliWallMs / s10.floorProcessMs : null),
    e2eMs10k: val(s10?.cliWallMs),
    scaling50kOver5k: scaling,
    syncsCheck100: val(o100?.checkSyncs),
    syncsCheck10k: val(o10?.checkSyncs),
    syncsSummary100: val(o100?.summarySyncs),
    syncsSummary10k: val(o10?.summarySyncs),
    syncsRerun100: val(o100?.rerunSyncs),
    syncsRerun10k: val(o10?.rerunSyncs),
    parscoreFirstMs10k: val(functions?.firstMs),
    parscoreRepeatMs10k: val(functions?.repeatMs),
    parscoreRepeatAfterGcMs10k: val(functions?.repeatAfterGcMs),
    parscore200CellsMs10k: val(functions?.cells200TotalMs),
    functionsBundleKB: functionsKB,
    functionsBundleGzipKB: val(bundles.files['functions.js']?.gzipKB),
    taskpaneBundleKB: val(bundles.files['taskpane.js']?.kb),
    taskpaneBundleGzipKB: val(bundles.files['taskpane.js']?.gzipKB),
    // taskpane.html loads functions.js + commands.js + taskpane.js (one shared runtime page)
    taskpanePageKB: val(['functions.js', 'commands.js', 'taskpane.js'].reduce((t, f) => t + (bundles.files[f]?.kb ?? NaN), 0)),
    taskpanePageGzipKB: val(['functions.js', 'commands.js', 'taskpane.js'].reduce((t, f) => t + (bundles.files[f]?.gzipKB ?? NaN), 0)),
    peakRssMB50k: val(s50?.cliPeakRssMB),
    rescorePeakRssMB50k: val(s50?.rescorePeakRssMB),
    rescoreMs50k: val(s50?.rescoreWallMs),
    rssMethod,
    targets,
    sizes,
    office,
    functions,
    bundles,
  };
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log('Wrote bench/results.json');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error)?.stack ?? e}\n`);
  process.exitCode = 1;
});
