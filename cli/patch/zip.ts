// The officer's .xlsx as zip entries, and a new zip made of those entries copied byte for byte plus
// the parts parscore changes or adds. Copying the compressed bytes of every part parscore does not
// touch is what keeps them exactly as they were (ExcelJS's load-and-save rewrites every part) and
// what makes `score` cost little more than reading: nothing is decompressed or compressed twice.
// The input already passed xlsx/zip-guard (sizes, local headers, no encryption).
import zlib from 'node:zlib';
import { zipRecords, type ZipRecord } from '../../xlsx/zip-guard';
import { PatchUnsupported } from './xml';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;

export interface ZipEntry extends ZipRecord {
  /** Bytes of the local header, data and data descriptor, as they are in the input. */
  local: Uint8Array;
  /** The central directory record, as it is in the input. */
  central: Uint8Array;
  /** Where the compressed data starts within `local`. */
  dataStart: number;
}

/** The entries of a zip in central-directory order; null when it holds anything this copier does not (zip64, odd methods). */
export function readZip(buf: Uint8Array): ZipEntry[] | null {
  const records = zipRecords(buf);
  if (!records) return null;
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: ZipEntry[] = [];
  for (const r of records) {
    if (r.size === 0xffffffff || r.packedSize === 0xffffffff || r.localOffset === 0xffffffff) return null; // zip64
    if (r.method !== 0 && r.method !== 8) return null;
    const central = buf.subarray(r.centralOffset, r.centralOffset + r.centralLength);
    const lo = r.localOffset;
    if (dv.getUint32(lo, true) !== SIG_LOCAL) return null;
    const nameLen = dv.getUint16(lo + 26, true);
    const extraLen = dv.getUint16(lo + 28, true);
    // A zip64 extra field (id 1) changes the data descriptor's size: not for this copier.
    for (let x = lo + 30 + nameLen; x + 4 <= lo + 30 + nameLen + extraLen; x += 4 + dv.getUint16(x + 2, true)) {
      if (dv.getUint16(x, true) === 0x0001) return null;
    }
    const dataStart = 30 + nameLen + extraLen;
    let end = lo + dataStart + r.packedSize;
    if (r.flags & FLAG_DESCRIPTOR) end += end + 4 <= buf.length && dv.getUint32(end, true) === SIG_DESCRIPTOR ? 16 : 12;
    if (end > buf.length) return null;
    out.push({ ...r, local: buf.subarray(lo, end), central, dataStart });
  }
  return out;
}

/** An entry's content (the guard already checked its size). */
export function entryBytes(e: ZipEntry): Buffer {
  const packed = e.local.subarray(e.dataStart, e.dataStart + e.packedSize);
  return e.method === 0 ? Buffer.from(packed) : zlib.inflateRawSync(packed);
}

export function entryText(e: ZipEntry): string {
  return entryBytes(e).toString('utf8');
}

/** What goes into the new zip: an input entry as it was, or new content for a part. */
export type ZipPart = { copy: ZipEntry } | { name: string; data: Buffer };

function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The fields a local header (from byte 4) and a central record (from byte 6) share, in the same
 * order: version needed (deflate), flags (UTF-8 names), method (deflate), time, date, CRC-32,
 * packed and unpacked sizes, name length; the extra-field length after them stays 0.
 */
function writeEntryFields(b: Buffer, at: number, f: { crc: number; packed: number; size: number; nameLength: number; time: number; date: number }): void {
  b.writeUInt16LE(20, at);
  b.writeUInt16LE(FLAG_UTF8, at + 2);
  b.writeUInt16LE(8, at + 4);
  b.writeUInt16LE(f.time, at + 6);
  b.writeUInt16LE(f.date, at + 8);
  b.writeUInt32LE(f.crc, at + 10);
  b.writeUInt32LE(f.packed, at + 14);
  b.writeUInt32LE(f.size, at + 18);
  b.writeUInt16LE(f.nameLength, at + 22);
}

/** The zip of these parts, in order. */
export function writeZip(parts: readonly ZipPart[], now = new Date()): Buffer {
  if (typeof zlib.crc32 !== 'function') throw new PatchUnsupported('zlib.crc32 needs Node 20.15');
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const { time, date } = dosDateTime(now);
  for (const p of parts) {
    if ('copy' in p) {
      const central = Buffer.from(p.copy.central);
      central.writeUInt32LE(offset, 42);
      chunks.push(Buffer.from(p.copy.local.buffer, p.copy.local.byteOffset, p.copy.local.byteLength));
      centrals.push(central);
      offset += p.copy.local.byteLength;
      continue;
    }
    const name = Buffer.from(p.name, 'utf8');
    // Level 1: these parts are rewritten on every run and compress well anyway.
    const packed = zlib.deflateRawSync(p.data, { level: 1 });
    const crc = zlib.crc32(p.data) >>> 0;
    const fields = { crc, packed: packed.length, size: p.data.length, nameLength: name.length, time, date };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    writeEntryFields(local, 4, fields);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(SIG_CENTRAL, 0);
    central.writeUInt16LE(20, 4); // made by
    writeEntryFields(central, 6, fields);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    centrals.push(Buffer.concat([central, name]));
    offset += 30 + name.length + packed.length;
  }
  const centralStart = offset;
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(centralStart, 16);
  if (parts.length > 0xffff || centralStart + centralSize > 0xffffffff) throw new PatchUnsupported('zip64 output');
  return Buffer.concat([...chunks, ...centrals, end]);
}
