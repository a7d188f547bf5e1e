// Opening and saving workbooks safely: checks before ExcelJS sees a byte, temp file + rename on write.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { CliError } from './errors';

export interface OpenLimits {
  /** Largest unpacked size accepted, in MB. */
  maxMb: number;
  /** Largest unpacked / packed ratio accepted. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: OpenLimits = { maxMb: 50, maxRatio: 200 };

/** Sum of the uncompressed sizes declared in a zip's central directory; null when it is not a zip. */
export function declaredUnpackedSize(buf: Buffer): number | null {
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (off + 46 > buf.length || buf.readUInt32LE(off) !== 0x02014b50) return null;
    const size = buf.readUInt32LE(off + 24);
    if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER; // zip64: far beyond any appendix
    total += size;
    off += 46 + buf.readUInt16LE(off + 28) + buf.readUInt16LE(off + 30) + buf.readUInt16LE(off + 32);
  }
  return total;
}

export async function openWorkbook(file: string, limits: OpenLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError('not-found', { file });
    throw new CliError('unreadable', { file, detail: code ?? String(e) });
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw new CliError('encrypted', { file });
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new CliError('not-xlsx', { file });
  const unpacked = declaredUnpackedSize(buf);
  if (unpacked === null) throw new CliError('not-xlsx', { file });
  if (unpacked > limits.maxMb * 1024 * 1024) {
    throw new CliError('too-large', { file, size: Math.round(unpacked / 1048576), limit: limits.maxMb });
  }
  const ratio = unpacked / buf.length;
  if (ratio > limits.maxRatio) throw new CliError('bomb', { file, ratio: Math.round(ratio) });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new CliError('unreadable', { file, detail: firstLine(e) });
  }
  if (!wb.worksheets.length) throw new CliError('not-xlsx', { file });
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

/** Write to a temporary file beside the target, then rename: a failed write never leaves half a file. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  if (sameFile(out, input)) throw new CliError('same-file', { file: input });
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.parscore-${process.pid}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError('write-failed', { file: out, detail: firstLine(e) });
  }
}
