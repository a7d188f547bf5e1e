// The CLI's checks before ExcelJS sees a byte (cli/workbook-io.ts), on browser bytes: legacy
// .xls / password-protected (OLE), not a zip, declared unpacked size and compression ratio.
import type { CheckError } from './protocol';

/** Same limits as the CLI's defaults (DEFAULT_LIMITS). */
export const LIMITS = { maxMb: 50, maxRatio: 200 };

/** Sum of the uncompressed sizes declared in a zip's central directory; null when it is not a zip. */
export function declaredUnpackedSize(buf: Uint8Array): number | null {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let off = dv.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (off + 46 > buf.length || dv.getUint32(off, true) !== 0x02014b50) return null;
    const size = dv.getUint32(off + 24, true);
    if (size === 0xffffffff) return Number.MAX_SAFE_INTEGER; // zip64: far beyond any appendix
    total += size;
    off += 46 + dv.getUint16(off + 28, true) + dv.getUint16(off + 30, true) + dv.getUint16(off + 32, true);
  }
  return total;
}

/** null when the bytes may be handed to ExcelJS; else why not. */
export function inspectXlsx(buf: Uint8Array, file: string, limits = LIMITS): CheckError | null {
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length >= 8 && dv.getUint32(0) === 0xd0cf11e0) return { code: 'encrypted', params: { file } };
  if (buf.length < 4 || dv.getUint32(0, true) !== 0x04034b50) return { code: 'not-xlsx', params: { file } };
  const unpacked = declaredUnpackedSize(buf);
  if (unpacked === null) return { code: 'not-xlsx', params: { file } };
  if (unpacked > limits.maxMb * 1024 * 1024) {
    return { code: 'too-large', params: { file, size: Math.round(unpacked / 1048576), limit: limits.maxMb } };
  }
  const ratio = unpacked / buf.length;
  if (ratio > limits.maxRatio) return { code: 'bomb', params: { file, ratio: Math.round(ratio) } };
  return null;
}
