// Office.js adapter, read side: the active sheet as a host-neutral SheetSnapshot.
// Reads are only queued here; the caller runs ONE context.sync() for everything it queued, then
// result() makes the snapshot — with one more sync only when the sheet's data lies beyond
// READ_WINDOW (see there).
import { denseDataBlock, MAX_GRID_CELLS, type Lang, type SheetSnapshot } from '../../model';
import { blockAddress, parseAreasAddress } from './a1';

/** Office.context.requirements.isSetSupported, injectable for tests. */
export type Supports = (set: string, version: string) => boolean;

export const officeSupports: Supports = (set, version) => {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
};

/**
 * The part of the sheet whose values (and formulas) the first sync reads: its used cells within
 * A1:AN20000 (800,000 cells at most), which holds any real appendix. Only the used range's size
 * is read for the whole sheet, so a used range claiming A1:XFD1048576 (a stray value far away)
 * is never read cell by cell: beyond MAX_GRID_CELLS the engine refuses it by its size (a message,
 * no values read); within it, but reaching past this window, one more sync reads the used range.
 */
export const READ_WINDOW = { rows: 20_000, cols: 40 } as const;

/** What to do about a sheet too large to check (Ctrl+End shows where its used range ends). */
export const TOO_LARGE_HINT: Record<Lang, string> = {
  vi: 'Hãy xoá các ô thừa xa bảng (Ctrl+End cho biết ô cuối cùng đang được dùng) rồi chạy lại.',
  en: 'Delete stray cells far from the table (Ctrl+End shows the last used cell) and run again.',
};

/** Cells within which parscore clears its own columns before writing (they do not count as the officer's). */
export interface OwnCells {
  cols: readonly number[];
  fromRow: number;
  toRow: number;
}

export interface SheetRead {
  /** The block of the sheet holding the data (model/sheet-block.ts), as the ExcelJS reader takes it. */
  snapshot: SheetSnapshot;
  /**
   * Columns from `from` on with a cell holding a value or a formula (a formula whose result is ""
   * included) anywhere in what was read, also beyond the snapshot's block; `own` cells aside.
   */
  filledColumns(from: number, own?: OwnCells | null): Set<number>;
  /** context.sync() calls result() made itself (0, or 1 for data beyond READ_WINDOW). */
  extraSyncs: number;
}

export interface PendingSnapshot {
  readonly sheet: Excel.Worksheet;
  /** After the caller's sync: the sheet as read; `sync` runs the extra sync when one is needed. */
  result(sync: () => Promise<unknown>): Promise<SheetRead>;
}

interface Cells {
  values: unknown[][];
  formulas: unknown[][];
  row0: number;
  col0: number;
}

/**
 * Queues the reads for the active sheet: name, used range size and position, values and formulas
 * of its used cells within READ_WINDOW, and merged areas (ExcelApi 1.13; without it the snapshot
 * has no merges and the reader falls back on layout). Without ExcelApi 1.4 (no null objects) the
 * whole used range is read in the one sync, as before.
 */
export function queueSnapshotRead(context: Excel.RequestContext, supports: Supports): PendingSnapshot {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const modern = supports('ExcelApi', '1.4');
  const used = modern ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
  used.load(modern ? 'rowIndex,columnIndex,rowCount,columnCount' : 'rowIndex,columnIndex,rowCount,columnCount,values,formulas');
  const window = modern ? sheet.getRange(blockAddress(1, 1, READ_WINDOW.rows, READ_WINDOW.cols)).getUsedRangeOrNullObject(true) : null;
  window?.load('values,formulas,rowIndex,columnIndex');
  // Whole-sheet range: never a null object, so no method is called on one.
  const merged = supports('ExcelApi', '1.13') ? sheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return {
    sheet,
    async result(sync) {
      const name = sheet.name;
      const merges = merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [];
      if (used.isNullObject) return read({ name, values: [], merges, origin: { row: 1, col: 1 } }, null, 0);
      const rows = used.rowCount;
      const cols = used.columnCount;
      if (rows * cols > MAX_GRID_CELLS) {
        // Refused by its size (the engine's message): not one value of it is read.
        return read({ name, values: [], merges, origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 }, extent: { rows, cols } }, null, 0);
      }
      const inWindow = used.rowIndex + rows <= READ_WINDOW.rows && used.columnIndex + cols <= READ_WINDOW.cols;
      let source: Excel.Range = used;
      let extra = 0;
      if (window && inWindow && !window.isNullObject) source = window;
      else if (window) {
        source = sheet.getUsedRange(true);
        source.load('values,formulas,rowIndex,columnIndex');
        await sync();
        extra = 1;
      }
      const cells: Cells = {
        values: source.values as unknown[][],
        formulas: source.formulas as unknown[][],
        row0: source.rowIndex + 1,
        col0: source.columnIndex + 1,
      };
      return read(blockSnapshot(name, cells, merges), cells, extra);
    },
  };
}

function read(snapshot: SheetSnapshot, cells: Cells | null, extraSyncs: number): SheetRead {
  return { snapshot, extraSyncs, filledColumns: (from, own) => (cells ? filledColumns(cells, from, own ?? null) : new Set()) };
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/**
 * The snapshot of the cells read: all of them, or — when some values sit beyond a gap from the
 * rest (SNAPSHOT_GAP) — the block holding the data, as the ExcelJS reader takes it.
 */
function blockSnapshot(name: string, c: Cells, merges: SheetSnapshot['merges']): SheetSnapshot {
  const { block: b, whole } = denseDataBlock(c.values, isBlank, c.row0, c.col0);
  if (whole) return { name, values: c.values, merges, origin: { row: c.row0, col: c.col0 } };
  const values = c.values.slice(b.top - c.row0, b.bottom - c.row0 + 1).map((r) => r.slice(b.left - c.col0, b.right - c.col0 + 1));
  return { name, values, merges, origin: { row: b.top, col: b.left } };
}

function filledColumns(c: Cells, from: number, own: OwnCells | null): Set<number> {
  const out = new Set<number>();
  const j0 = Math.max(0, from - c.col0);
  const mine = new Set(own?.cols ?? []);
  for (let i = 0; i < c.values.length; i++) {
    const row = c.values[i]!;
    const formulas = c.formulas[i] ?? [];
    const r = c.row0 + i;
    for (let j = j0; j < row.length; j++) {
      const col = c.col0 + j;
      if (out.has(col) || (isBlank(row[j]) && isBlank(formulas[j]))) continue;
      if (own && mine.has(col) && r >= own.fromRow && r <= own.toRow) continue;
      out.add(col);
    }
  }
  return out;
}

/** Reads the active sheet (one sync; two for data beyond READ_WINDOW), for callers that need nothing else. */
export async function readActiveSheetSnapshot(
  context: Excel.RequestContext,
  supports: Supports = officeSupports,
): Promise<SheetSnapshot> {
  const pending = queueSnapshotRead(context, supports);
  await context.sync();
  return (await pending.result(() => context.sync())).snapshot;
}
