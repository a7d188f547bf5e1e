// Request-size accounting: Excel on the web rejects requests over ~5 MB, so writes are split
// into batches of at most ~4 MB. Pure except BatchBudget, which only needs something with sync().

/** Default bytes per batch: under the 5 MB web limit with room for request overhead. */
export const MAX_BATCH_BYTES = 4_000_000;

/** UTF-8 byte length of a string (the request is JSON in UTF-8). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Estimated bytes a row costs in a values/numberFormat assignment. */
export function rowBytes(row: readonly unknown[]): number {
  return utf8Length(JSON.stringify(row)) + 1;
}

/**
 * Splits rows into consecutive chunks of at most maxBytes each (a single larger row gets its
 * own chunk). `extra` adds per-row bytes of parallel arrays (number formats). Returns [start, end).
 */
export function chunkRows(
  rows: readonly (readonly unknown[])[],
  maxBytes = MAX_BATCH_BYTES,
  extra: (i: number) => number = () => 0,
): { start: number; end: number; bytes: number }[] {
  const chunks: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < rows.length; i++) {
    const b = rowBytes(rows[i]!) + extra(i);
    if (i > start && bytes + b > maxBytes) {
      chunks.push({ start, end: i, bytes });
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start) chunks.push({ start, end: rows.length, bytes });
  return chunks;
}

/**
 * Counts context.sync() calls and flushes the queued batch only when the next operation would
 * push it over the byte budget. Normal appendices fit one batch, so a command costs a constant
 * number of syncs whatever its row count.
 */
export class BatchBudget {
  syncs = 0;
  private pending = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    readonly maxBytes = MAX_BATCH_BYTES,
  ) {}

  /** Sends the queued batch. */
  async sync(): Promise<void> {
    this.syncs++;
    this.pending = 0;
    await this.context.sync();
  }

  /** Call before queueing ~bytes of requests. */
  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBytes) await this.sync();
    this.pending += bytes;
  }

  /** Sends the batch if anything was queued since the last sync. */
  async flush(): Promise<void> {
    if (this.pending > 0) await this.sync();
  }
}
