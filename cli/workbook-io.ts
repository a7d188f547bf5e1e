// Opening and saving workbooks safely: checks before ExcelJS sees a byte, temp file + rename on write.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { CliError } from './errors';

export interface OpenLimits {
  /** Largest unpacked size accepted, in MB. */
  maxMb: number;
  /** Largest unpacked / packed ratio accepted. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: OpenLimits = { maxMb: 50, maxRatio: 200 };

/** One central-directory record, as JSZip (ExcelJS's unzipper) will use it. */
export interface ZipRecord {
  name: string;
  flags: number;
  method: number;
  packedSize: number;
  /** Unpacked size the central directory declares. */
  size: number;
  localOffset: number;
}

/**
 * The central directory read the way JSZip reads it: from the offset the end-of-central-directory
 * record gives, for as long as record signatures follow (JSZip ignores the record count there, so a
 * lying count must not hide entries from us). null when it is not a zip.
 */
export function zipRecords(buf: Buffer): ZipRecord[] | null {
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let off = buf.readUInt32LE(eocd + 16);
  const out: ZipRecord[] = [];
  while (off + 46 <= eocd && buf.readUInt32LE(off) === 0x02014b50) {
    const nameLen = buf.readUInt16LE(off + 28);
    out.push({
      name: buf.subarray(off + 46, Math.min(off + 46 + nameLen, buf.length)).toString('utf8'),
      flags: buf.readUInt16LE(off + 8),
      method: buf.readUInt16LE(off + 10),
      packedSize: buf.readUInt32LE(off + 20),
      size: buf.readUInt32LE(off + 24),
      localOffset: buf.readUInt32LE(off + 42),
    });
    off += 46 + nameLen + buf.readUInt16LE(off + 30) + buf.readUInt16LE(off + 32);
  }
  return out.length ? out : null;
}

/** Sum of the uncompressed sizes declared in a zip's central directory; null when it is not a zip. */
export function declaredUnpackedSize(buf: Buffer): number | null {
  const records = zipRecords(buf);
  if (!records) return null;
  let total = 0;
  for (const r of records) {
    if (r.size === 0xffffffff || r.packedSize === 0xffffffff) return Number.MAX_SAFE_INTEGER; // zip64: far beyond any appendix
    total += r.size;
  }
  return total;
}

const ZIP_ENCRYPTED = 0x1;
const ZIP_DATA_DESCRIPTOR = 0x8;

/**
 * Everything ExcelJS would do to the bytes, done first within bounds: refuse what is not an
 * .xlsx/.xlsm, what declares too much, and inflate every entry with a hard output cap so a
 * central directory that lies about sizes (a bomb behind small declared sizes) is caught here,
 * before ExcelJS (JSZip) inflates anything.
 */
export function checkZip(buf: Buffer, file: string, limits: OpenLimits): void {
  const records = zipRecords(buf);
  if (!records) throw new CliError('not-xlsx', { file });
  const unpacked = declaredUnpackedSize(buf)!;
  if (unpacked > limits.maxMb * 1024 * 1024) {
    throw new CliError('too-large', { file, size: Math.round(unpacked / 1048576), limit: limits.maxMb });
  }
  const ratio = unpacked / buf.length;
  if (ratio > limits.maxRatio) throw new CliError('bomb', { file, ratio: Math.round(ratio) });
  // ExcelJS only ever reads the workbook from this part; a .docx or any other zip has none.
  if (!records.some((r) => r.name.replace(/^\//, '') === 'xl/workbook.xml')) throw new CliError('not-xlsx', { file });
  for (const r of records) {
    if (r.flags & ZIP_ENCRYPTED) throw new CliError('encrypted', { file });
    const lo = r.localOffset;
    if (lo + 30 > buf.length || buf.readUInt32LE(lo) !== 0x04034b50) throw new CliError('zip-mismatch', { file });
    // Without a data descriptor (flag bit 3) the local header repeats the sizes: a streaming
    // unzipper trusts those, JSZip the central ones, so both must tell the same story.
    if (!(r.flags & ZIP_DATA_DESCRIPTOR) && (buf.readUInt32LE(lo + 18) !== r.packedSize || buf.readUInt32LE(lo + 22) !== r.size)) {
      throw new CliError('zip-mismatch', { file });
    }
    const start = lo + 30 + buf.readUInt16LE(lo + 26) + buf.readUInt16LE(lo + 28);
    if (start + r.packedSize > buf.length) throw new CliError('zip-mismatch', { file });
    const packed = buf.subarray(start, start + r.packedSize);
    let actual: number;
    if (r.method === 0) actual = packed.length;
    else if (r.method === 8) {
      try {
        // One byte more than declared is enough to prove a lie; never more is inflated.
        actual = zlib.inflateRawSync(packed, { maxOutputLength: r.size + 1 }).length;
      } catch {
        throw new CliError('zip-mismatch', { file });
      }
    } else throw new CliError('unreadable', { file, detail: `zip compression method ${r.method}` });
    if (actual !== r.size) throw new CliError('zip-mismatch', { file });
  }
}

export async function openWorkbook(file: string, limits: OpenLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  let buf: Buffer;
  try {
    const st = fs.statSync(file);
    // Not /dev/zero, a FIFO or a directory; and a file larger on disk than the unpacked limit
    // cannot be an acceptable workbook (zip never makes a workbook bigger), so it is not read.
    if (!st.isFile()) throw new CliError('not-xlsx', { file });
    if (st.size > limits.maxMb * 1024 * 1024) {
      throw new CliError('too-large', { file, size: Math.round(st.size / 1048576), limit: limits.maxMb });
    }
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CliError('not-found', { file });
    throw new CliError('unreadable', { file, detail: code ?? String(e) });
  }
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw new CliError('encrypted', { file });
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50) throw new CliError('not-xlsx', { file });
  checkZip(buf, file, limits);
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
  if (sameFile(out, input)) throw new CliError('same-file', { file: input });
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.parscore-${process.pid}.tmp`);
  try {
    makeDirs(dir);
    await wb.xlsx.writeFile(tmp);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof CliError) throw e;
    throw new CliError('write-failed', { file: out, detail: firstLine(e) });
  }
}
