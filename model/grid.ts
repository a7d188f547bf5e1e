// Turns a snapshot into a rectangular grid of clean text with merged cells unfolded.
import * as z from 'zod/mini';
import './zod';
import { cleanText } from './text';
import type { MergeArea, SheetSnapshot } from './types';

const atLeast = (n: number) => z.int().check(z.minimum(n));

const MergeSchema = z.object({
  top: atLeast(1),
  left: atLeast(1),
  bottom: atLeast(1),
  right: atLeast(1),
});

// Shallow on purpose: cell values are unknown by contract and a deep check costs O(cells).
export const SheetSnapshotSchema = z.object({
  name: z.string(),
  values: z.array(z.array(z.unknown())),
  merges: z.array(MergeSchema),
  origin: z.optional(z.object({ row: atLeast(1), col: atLeast(1) })),
  extent: z.optional(z.object({ rows: atLeast(0), cols: atLeast(0) })),
});

/**
 * Most cells (rows × widest row) the engine lays out for one sheet. A real appendix has a few
 * thousand; a snapshot beyond this (a used range claiming A1:XFD1048576 is 17 billion cells) is
 * refused before anything is allocated, with a message, never a crash.
 */
export const MAX_GRID_CELLS = 5_000_000;

/** Rows, widest row and their product (or the declared extent when larger), without allocating anything. */
export function gridSize(s: Pick<SheetSnapshot, 'values' | 'extent'>): { rows: number; cols: number; cells: number } {
  let rows = s.values.length;
  let cols = widestRow(s.values);
  if (s.extent && s.extent.rows * s.extent.cols > rows * cols) ({ rows, cols } = s.extent);
  return { rows, cols, cells: rows * cols };
}

/** Length of the longest row (an index loop: for…of made an iterator result per row). */
function widestRow(values: readonly (readonly unknown[])[]): number {
  let cols = 0;
  for (let i = 0; i < values.length; i++) if (values[i]!.length > cols) cols = values[i]!.length;
  return cols;
}

export interface Grid {
  /** 1-based row/col of the first cell. */
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  /**
   * Clean text of each cell, in blocks of 2^shift rows: cell (i, j) is
   * text[i >> shift][(i & mask) * cols + j] (see rowText / rowStart / textAt); merged slaves hold
   * their master's text where unfolded. Blocks, not one array per row (10,000 arrays to make and
   * for the scavenger to copy) nor one for the sheet: an array over ~128 KB goes to the large
   * object space on fresh pages, and filling 140,000 cells there measured 3.3 ms against 0.3 ms
   * for young blocks of at most BLOCK_CELLS (the allocation alone, page faults, was ~3 ms).
   */
  text: string[][];
  shift: number;
  mask: number;
  /** Raw value of each cell (masters' raw values copied like text); a row may be shorter than cols (undefined = empty). */
  raw: unknown[][];
  /**
   * For every cell covered by a merge spanning columns (not its master), the master's column:
   * "row:col" → left. A map, not a search leftwards per cell: a header row of 16,384 mostly
   * empty cells (=CCHC.PARSCORE(1:123)) took 10 s searching.
   */
  hmaster: Map<string, number>;
}

export function isMergeArea(m: MergeArea): boolean {
  return m.bottom >= m.top && m.right >= m.left;
}

/**
 * Build the grid. Vertical merges are unfolded (one value applies to several rows);
 * horizontal ones only in rows the caller marks as header rows later (see unfoldHeaderRow),
 * because a section title merged across B:F must not become a lead agency.
 */
export function buildGrid(s: SheetSnapshot): Grid {
  const row0 = s.origin?.row ?? 1;
  const col0 = s.origin?.col ?? 1;
  const rows = s.values.length;
  const cols = widestRow(s.values);
  const shift = blockShift(cols);
  const mask = (1 << shift) - 1;
  const text: string[][] = new Array((rows + mask) >> shift);
  const raw: unknown[][] = new Array(rows);
  let block: string[] = [];
  for (let i = 0, k = 0; i < rows; i++) {
    if ((i & mask) === 0) {
      block = new Array(Math.min(mask + 1, rows - i) * cols); // every element is set below, in order
      text[i >> shift] = block;
      k = 0;
    }
    const src = s.values[i] ?? [];
    for (let j = 0; j < cols; j++, k++) {
      const val = src[j];
      block[k] = val === null || val === undefined || val === '' ? '' : cleanText(val);
    }
    raw[i] = src as unknown[]; // the snapshot's own row, read only: copied below before a merge writes into it
  }
  const copied = new Set<number>();
  const ownRaw = (i: number): unknown[] => {
    if (!copied.has(i)) {
      copied.add(i);
      raw[i] = raw[i]!.slice();
    }
    return raw[i]!;
  };
  const hmaster = new Map<string, number>();
  for (const m of s.merges) {
    if (!isMergeArea(m)) continue;
    const top = m.top - row0;
    const left = m.left - col0;
    if (top < 0 || left < 0 || top >= rows || left >= cols) continue;
    const bottom = Math.min(m.bottom - row0, rows - 1);
    const right = Math.min(m.right - col0, cols - 1);
    const masterText = text[top >> shift]![(top & mask) * cols + left]!;
    const masterRaw = raw[top]![left];
    for (let i = top; i <= bottom; i++) {
      for (let j = left; j <= right; j++) {
        if (j !== left) continue; // horizontal unfolding happens per header row
        if (i === top) continue;
        text[i >> shift]![(i & mask) * cols + j] = masterText;
        ownRaw(i)[j] = masterRaw;
      }
    }
    if (right > left) {
      // Remember the master text on covered cells for header unfolding.
      // Overlapping merges (hostile files): the nearest master to the left, as the search found it.
      for (let i = top; i <= bottom; i++) {
        for (let j = left + 1; j <= right; j++) {
          const key = `${i}:${j}`;
          const prev = hmaster.get(key);
          if (prev === undefined || left > prev) hmaster.set(key, left);
        }
      }
    }
  }
  return { row0, col0, rows, cols, text, shift, mask, raw, hmaster };
}

/** Most cells in one text block: 64 KB of pointers, well inside the young generation's objects. */
const BLOCK_CELLS = 8192;

/** log2 of the rows per block: the most rows whose cells fit in BLOCK_CELLS, at least one (2^13 rows without columns). */
export function blockShift(cols: number): number {
  let shift = 0;
  while (shift < 13 && (2 << shift) * cols <= BLOCK_CELLS) shift++;
  return shift;
}

/** The block holding row i's text (index it from rowStart(g, i)). */
export function rowText(g: Grid, i: number): string[] {
  return g.text[i >> g.shift]!;
}

/** Where row i's first cell is in rowText(g, i). */
export function rowStart(g: Grid, i: number): number {
  return (i & g.mask) * g.cols;
}

/** Clean text of cell (i, j), 0-based in the grid; "" outside it. */
export function textAt(g: Grid, i: number, j: number): string {
  return i >= 0 && i < g.rows && j >= 0 && j < g.cols ? rowText(g, i)[rowStart(g, i) + j]! : '';
}

/** Header text of a cell, taking the master's text for horizontally merged group headers. */
export function headerCellText(g: Grid, i: number, j: number): string {
  const own = textAt(g, i, j);
  if (own) return own;
  const k = g.hmaster.get(`${i}:${j}`);
  return k !== undefined && k < j ? textAt(g, i, k) : '';
}
