// Opening and saving workbooks safely: checks before ExcelJS sees a byte, temp file + rename on write.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type ExcelJS from 'exceljs';
import { CliError } from './errors';
import { loadXlsx } from '../xlsx/load';
import { WRITE_OPTIONS } from '../xlsx/write';
import { DEFAULT_ZIP_LIMITS, guardXlsx, megabytes, type ZipLimits } from '../xlsx/zip-guard';

export type OpenLimits = ZipLimits;

/**
 * ExcelJS's Workbook on its own. The package's entry (`exceljs`) also loads its streaming reader
 * and writer with unzipper and archiver, which the CLI never uses: 118 ms to load here against
 * 54 ms, paid at the start of every run (a 100-row file went 0.31 → 0.25 s end to end). exceljs
 * is pinned exactly; test/cli.test.ts checks this is the entry's own Workbook and that a run
 * loads neither of the other two.
 */
const Workbook = require('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;

export const DEFAULT_LIMITS: OpenLimits = DEFAULT_ZIP_LIMITS;

// The byte-level checks live in xlsx/zip-guard.ts, shared with the browser checker.
export { declaredUnpackedSize, zipRecords, type ZipRecord } from '../xlsx/zip-guard';

/**
 * The guard's inflate step on Node: zlib with a hard output cap. As strict as the browser's
 * DecompressionStream: data past the end of the deflate stream is an error, not ignored.
 */
export function nodeCappedInflate(packed: Uint8Array, cap: number): number {
  let out: { buffer: Buffer; engine: zlib.InflateRaw };
  try {
    out = zlib.inflateRawSync(packed, { maxOutputLength: cap, info: true }) as unknown as typeof out;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return cap; // stopped at the cap
    throw e;
  }
  if (out.engine.bytesWritten !== packed.length) throw new Error('data after the end of the deflate stream');
  return out.buffer.length;
}

/** Everything ExcelJS would do to the bytes, done first within bounds (see xlsx/zip-guard.ts). */
export async function checkZip(buf: Uint8Array, file: string, limits: OpenLimits): Promise<void> {
  const bad = await guardXlsx(buf, limits, nodeCappedInflate);
  if (bad) throw new CliError(bad.code, { file, ...bad.params });
}

export async function openWorkbook(file: string, limits: OpenLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  return (await openWorkbookBytes(file, limits)).wb;
}

/** openWorkbook, also handing back the file's bytes (the patch writer copies its parts). */
export async function openWorkbookBytes(file: string, limits: OpenLimits = DEFAULT_LIMITS): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer }> {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    // Not /dev/zero, a FIFO or a directory; and a file larger on disk than the unpacked limit
    // cannot be an acceptable workbook (zip never makes a workbook bigger), so it is not read.
    if (!st.isFile()) throw new CliError('not-xlsx', { file });
    if (st.size > limits.maxMb * 1024 * 1024) {
      // The size on disk (a packed size), not the unpacked one the guard's 'too-large' speaks of.
      throw new CliError('too-large-file', { file, size: megabytes(st.size, limits.maxMb), limit: limits.maxMb });
    }
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError('not-found', { file });
    throw new CliError('unreadable', { file, detail: code ?? String(e) });
  }
  await checkZip(buf, file, limits);
  return { wb: await loadWorkbook(buf, file), bytes: buf };
}

/** ExcelJS's load of bytes that passed checkZip (its failures worded as in the browser checker: xlsx/load.ts). */
export async function loadWorkbook(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  const wb = new Workbook();
  const bad = await loadXlsx(wb, buf);
  if (bad) throw new CliError('unreadable', { file, detail: bad.detail, ...(bad.problem !== 'unreadable' ? { reason: bad.problem } : {}) });
  return wb;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200);
}

/** Same file on disk (also through another path, a link or different case)? */
export function sameFile(a: string, b: string): boolean {
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}

/**
 * mkdir -p one level at a time: Node's recursive mkdir never returns on some paths (under /proc it
 * loops on ENOENT), and a CLI must fail there with a message, not hang.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !fs.existsSync(d); d = path.dirname(d)) {
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing) fs.mkdirSync(d);
}

/** Write to a temporary file beside the target, then rename: a failed write never leaves half a file. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  await saveAtomically(out, input, (tmp) => wb.xlsx.writeFile(tmp, WRITE_OPTIONS));
}

/** Writes bytes made elsewhere (the patch writer) the same way: temp file, then rename. */
export async function saveBytes(bytes: Uint8Array, out: string, input: string): Promise<void> {
  await saveAtomically(out, input, async (tmp) => fs.writeFileSync(tmp, bytes));
}

/**
 * The output path, checked before anything is read or written: an .xlsx name (an .xlsm or .txt
 * name would hold .xlsx content Excel refuses to open), and nothing but a regular file there now
 * (renaming over /dev/null or a named pipe replaced it with a file).
 */
export function checkOutput(out: string): void {
  if (!out.trim()) throw new CliError('usage', { detail: '-o ""' });
  if (!/\.xlsx$/i.test(out)) throw new CliError('bad-output', { file: out });
  let st: fs.Stats | null = null;
  try {
    st = fs.statSync(out);
  } catch {
    // Absent (written below) or unreachable (the write says why).
  }
  if (st && !st.isFile()) throw new CliError('write-failed', { file: out, reason: 'not-file' });
}

let tmpCount = 0;

async function saveAtomically(out: string, input: string, write: (tmp: string) => Promise<void>): Promise<void> {
  checkOutput(out);
  if (sameFile(out, input)) throw new CliError('same-file', { file: input });
  const dir = path.dirname(path.resolve(out));
  // Not named after the output: a long (Vietnamese, 2–3 bytes a letter) name that fits the
  // 255-byte limit must not fail for its temporary file's longer one.
  const tmp = path.join(dir, `.parscore-${process.pid}-${++tmpCount}.tmp`);
  try {
    makeDirs(dir);
    await write(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing was made there (ENOTDIR, EACCES): the error below says why.
    }
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // A system error not worded in errors.ts: its text, naming the output rather than the temporary file.
    const detail = firstLine(e).split(tmp).join(path.basename(out));
    throw new CliError('write-failed', { file: out, detail, ...(code ? { reason: code } : {}) });
  }
}
