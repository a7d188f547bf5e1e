// Which part of a sheet a host hands to the engine: the block of cells holding the data. Pure;
// the ExcelJS reader (xlsx/read.ts) and the Office adapter (addin/office/snapshot.ts) share it.

/**
 * How far (in empty rows / columns) data may sit from the rest and still belong to the same table.
 * A stray value in XFD1048576 (or a used range claiming A1:XFD1048576) must not turn a 120 × 14
 * appendix into a 17-billion-cell grid: the snapshot covers the block of the sheet holding the
 * most values, and data beyond such a gap is left where it is (in the workbook, untouched) but
 * not analysed.
 */
export const SNAPSHOT_GAP = { rows: 1000, cols: 100 } as const;

/** One row of a sheet as read sparsely: its 1-based number and its [column, value] cells. */
export interface SparseRow {
  r: number;
  cells: readonly (readonly [number, unknown])[];
}

/** 1-based inclusive bounds; bottom < top when there is no data. */
export interface DataBlock {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

interface Run {
  from: number;
  to: number;
  cells: number;
}

/** Split sorted positions (with their cell counts) at gaps wider than gap; the run with the most cells. */
function densest(positions: readonly number[], count: (p: number) => number, gap: number): Run {
  let best: Run | null = null;
  let cur: Run | null = null;
  for (const p of positions) {
    if (cur && p - cur.to > gap + 1) {
      if (!best || cur.cells > best.cells) best = cur;
      cur = null;
    }
    cur ??= { from: p, to: p, cells: 0 };
    cur.to = p;
    cur.cells += count(p);
  }
  if (cur && (!best || cur.cells > best.cells)) best = cur;
  return best ?? { from: 1, to: 0, cells: 0 };
}

/**
 * dataBlock of a dense grid whose first cell is (row0, col0), with what counts as blank given,
 * and whether that block holds every value of the grid (then nothing need be cut).
 */
export function denseDataBlock(
  values: readonly (readonly unknown[])[],
  blank: (v: unknown) => boolean,
  row0 = 1,
  col0 = 1,
): { block: DataBlock; whole: boolean } {
  const rows: SparseRow[] = [];
  let total = 0;
  values.forEach((row, i) => {
    const cells: [number, unknown][] = [];
    row.forEach((v, j) => {
      if (!blank(v)) cells.push([col0 + j, v]);
    });
    if (cells.length) rows.push({ r: row0 + i, cells });
    total += cells.length;
  });
  const block = dataBlock(rows);
  let inside = 0;
  for (const x of rows) if (x.r >= block.top && x.r <= block.bottom) for (const [col] of x.cells) if (col >= block.left && col <= block.right) inside++;
  return { block, whole: inside === total };
}

/**
 * The block holding the data (see SNAPSHOT_GAP): the densest run of rows, then within those rows
 * the densest run of columns. `rows` are sorted by row number; a row without cells still belongs
 * to the sheet's extent (a row of merge slaves).
 */
export function dataBlock(rows: readonly SparseRow[]): DataBlock {
  const rowCells = new Map(rows.map((x) => [x.r, x.cells.length]));
  const rb = densest(
    rows.map((x) => x.r),
    (r) => rowCells.get(r) ?? 0,
    SNAPSHOT_GAP.rows,
  );
  const colCells = new Map<number, number>();
  for (const x of rows) {
    if (x.r < rb.from || x.r > rb.to) continue;
    for (const [c] of x.cells) colCells.set(c, (colCells.get(c) ?? 0) + 1);
  }
  const cb = densest(
    [...colCells.keys()].sort((a, b) => a - b),
    (c) => colCells.get(c) ?? 0,
    SNAPSHOT_GAP.cols,
  );
  return { top: rb.from, bottom: rb.to, left: cb.from, right: cb.to };
}
