// The checks every host runs on a workbook's bytes before ExcelJS sees one: legacy .xls /
// password-protected (OLE/CFB) files, anything that is not a zip holding xl/workbook.xml, declared
// sizes over the limit or an abnormal compression ratio, and every entry inflated once with a hard
// output cap so a central directory (or a local header) that lies about sizes is caught here.
// Pure: bytes in, verdict out (Uint8Array/DataView only, no Node, DOM or ExcelJS). The one step
// that needs a host is inflating, so it is passed in: the CLI gives zlib.inflateRawSync with
// maxOutputLength, the browser checker a DecompressionStream('deflate-raw') reader that stops
// after the cap (see cappedInflateStream). Same bytes, same verdict and code in both.

export interface ZipLimits {
  /** Largest unpacked size accepted, in MB. */
  maxMb: number;
  /** Largest unpacked / packed ratio accepted. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxMb: 50, maxRatio: 200 };

export type ZipRefusalCode = 'not-xlsx' | 'truncated' | 'encrypted' | 'too-large' | 'bomb' | 'zip-mismatch' | 'unreadable';

/** Why the bytes must not reach ExcelJS; params fill the host's message (the host adds `file`). */
export interface ZipRefusal {
  code: ZipRefusalCode;
  params: Record<string, string | number>;
}

/**
 * Inflates raw deflate data, producing no more than `cap` bytes (stopping there is how a lie is
 * proven without inflating a bomb); resolves to the bytes produced, rejects on corrupt data.
 */
export type CappedInflate = (packed: Uint8Array, cap: number) => number | Promise<number>;

/** One central-directory record, as JSZip (ExcelJS's unzipper) will use it. */
export interface ZipRecord {
  name: string;
  flags: number;
  method: number;
  packedSize: number;
  /** Unpacked size the central directory declares. */
  size: number;
  localOffset: number;
  /** Where the record itself is in the central directory, and its length with name, extra and comment. */
  centralOffset: number;
  centralLength: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_CFB = 0xd0cf11e0; // big-endian start of an OLE compound file (.xls, encrypted OOXML)
const ZIP_ENCRYPTED = 0x1;
const ZIP_DATA_DESCRIPTOR = 0x8;

const view = (buf: Uint8Array) => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
const utf8 = new TextDecoder('utf-8');

/**
 * The central directory read the way JSZip reads it: from the offset the end-of-central-directory
 * record gives, for as long as record signatures follow (JSZip ignores the record count there, so a
 * lying count must not hide entries from us). null when it is not a zip.
 */
export function zipRecords(buf: Uint8Array): ZipRecord[] | null {
  if (buf.length < 22) return null;
  const dv = view(buf);
  const min = Math.max(0, buf.length - 65557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (dv.getUint32(i, true) === SIG_END) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let off = dv.getUint32(eocd + 16, true);
  const out: ZipRecord[] = [];
  while (off + 46 <= eocd && dv.getUint32(off, true) === SIG_CENTRAL) {
    const nameLen = dv.getUint16(off + 28, true);
    const centralLength = 46 + nameLen + dv.getUint16(off + 30, true) + dv.getUint16(off + 32, true);
    out.push({
      name: utf8.decode(buf.subarray(off + 46, Math.min(off + 46 + nameLen, buf.length))),
      flags: dv.getUint16(off + 8, true),
      method: dv.getUint16(off + 10, true),
      packedSize: dv.getUint32(off + 20, true),
      size: dv.getUint32(off + 24, true),
      localOffset: dv.getUint32(off + 42, true),
      centralOffset: off,
      centralLength,
    });
    off += centralLength;
  }
  return out.length ? out : null;
}

function declaredTotal(records: readonly ZipRecord[]): number {
  let total = 0;
  for (const r of records) {
    if (r.size === 0xffffffff || r.packedSize === 0xffffffff) return Number.MAX_SAFE_INTEGER; // zip64: far beyond any appendix
    total += r.size;
  }
  return total;
}

/** Sum of the uncompressed sizes declared in a zip's central directory; null when it is not a zip. */
export function declaredUnpackedSize(buf: Uint8Array): number | null {
  const records = zipRecords(buf);
  return records ? declaredTotal(records) : null;
}

/** A refusal's parameter as text; numbers (sizes, limits) with the language's decimal mark ("0,1 MB"). */
export function paramText(v: string | number | undefined, lang: 'vi' | 'en'): string {
  if (v === undefined) return '';
  return typeof v === 'number' && lang === 'vi' ? String(v).replace('.', ',') : String(v);
}

/**
 * Bytes as MB for a "too large" message: whole MB from 10, tenths below; to the thousandth (rounded
 * up) where that would read as "0" or as no more than the limit it broke (a 0.12 MB file over a
 * 0.11 MB limit, once "0 MB" for 0.16 MB over 0.001 MB).
 */
export function megabytes(bytes: number, limitMb: number): number {
  const mb = bytes / 1048576;
  const shown = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  return shown > 0 && shown > limitMb ? shown : Math.ceil(mb * 1000 - 1e-9) / 1000;
}

/**
 * null when the bytes may be handed to ExcelJS; else why not. Everything ExcelJS would do to the
 * bytes is done first within bounds: refuse what is not an .xlsx/.xlsm, what declares too much,
 * and inflate every entry (at most its declared size + 1 byte) so sizes that lie are caught.
 */
export async function guardXlsx(buf: Uint8Array, limits: ZipLimits, inflate: CappedInflate): Promise<ZipRefusal | null> {
  const dv = view(buf);
  if (buf.length >= 8 && dv.getUint32(0) === SIG_CFB) return { code: 'encrypted', params: {} };
  if (buf.length < 4 || dv.getUint32(0, true) !== SIG_LOCAL) return { code: 'not-xlsx', params: {} };
  const records = zipRecords(buf);
  // A zip's start without its end (the directory): a download or copy cut short, not another format.
  if (!records) return { code: 'truncated', params: {} };
  const unpacked = declaredTotal(records);
  if (unpacked > limits.maxMb * 1024 * 1024) {
    return { code: 'too-large', params: { size: megabytes(unpacked, limits.maxMb), limit: limits.maxMb } };
  }
  const ratio = unpacked / buf.length;
  if (ratio > limits.maxRatio) return { code: 'bomb', params: { ratio: Math.round(ratio) } };
  // ExcelJS only ever reads the workbook from this part; a .docx or any other zip has none.
  if (!records.some((r) => r.name.replace(/^\//, '') === 'xl/workbook.xml')) return { code: 'not-xlsx', params: {} };
  const mismatch: ZipRefusal = { code: 'zip-mismatch', params: {} };
  for (const r of records) {
    if (r.flags & ZIP_ENCRYPTED) return { code: 'encrypted', params: {} };
    const lo = r.localOffset;
    if (lo + 30 > buf.length || dv.getUint32(lo, true) !== SIG_LOCAL) return mismatch;
    // Without a data descriptor (flag bit 3) the local header repeats the sizes: a streaming
    // unzipper trusts those, JSZip the central ones, so both must tell the same story.
    if (!(r.flags & ZIP_DATA_DESCRIPTOR) && (dv.getUint32(lo + 18, true) !== r.packedSize || dv.getUint32(lo + 22, true) !== r.size)) {
      return mismatch;
    }
    const start = lo + 30 + dv.getUint16(lo + 26, true) + dv.getUint16(lo + 28, true);
    if (start + r.packedSize > buf.length) return mismatch;
    const packed = buf.subarray(start, start + r.packedSize);
    let actual: number;
    if (r.method === 0) actual = packed.length;
    else if (r.method === 8) {
      try {
        // One byte more than declared is enough to prove a lie; never more is inflated.
        actual = await inflate(packed, r.size + 1);
      } catch {
        return mismatch;
      }
    } else return { code: 'unreadable', params: { detail: `zip compression method ${r.method}` } };
    if (actual !== r.size) return mismatch;
  }
  return null;
}

/** The subset of the DecompressionStream constructor the browser inflater needs. */
export type DecompressionStreamCtor = new (format: 'deflate-raw') => {
  readable: ReadableStream<Uint8Array>;
  writable: WritableStream<BufferSource>;
};

/**
 * A CappedInflate over the web's DecompressionStream('deflate-raw') (browsers, workers, Node ≥ 18):
 * reads the inflated output chunk by chunk and cancels the stream as soon as `cap` bytes have come
 * out, so a bomb costs at most one chunk past the cap. Corrupt data rejects.
 */
export function cappedInflateStream(Decompression: DecompressionStreamCtor): CappedInflate {
  return async (packed, cap) => {
    const ds = new Decompression('deflate-raw');
    const writer = ds.writable.getWriter();
    // The write settles only once the reader has drained it; its errors surface through read().
    const written = writer.write(packed as Uint8Array<ArrayBuffer>).then(() => writer.close());
    written.catch(() => undefined);
    const reader = ds.readable.getReader();
    let n = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        n += value.byteLength;
        if (n >= cap) {
          await reader.cancel().catch(() => undefined);
          writer.abort().catch(() => undefined);
          return Math.min(n, cap);
        }
      }
      await written;
    } finally {
      reader.releaseLock();
    }
    return n;
  };
}
