// Office.js adapter, read side: the active sheet as a host-neutral SheetSnapshot.
// Reads are only queued here; the caller runs ONE context.sync() for everything it queued.
import type { SheetSnapshot } from '../../model';
import { parseAreasAddress } from './a1';

/** Office.context.requirements.isSetSupported, injectable for tests. */
export type Supports = (set: string, version: string) => boolean;

export const officeSupports: Supports = (set, version) => {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
};

export interface PendingSnapshot {
  readonly sheet: Excel.Worksheet;
  /** Valid after the sync. */
  result(): SheetSnapshot;
}

/**
 * Queues the reads for the active sheet: name, used range (values + position) and merged areas
 * (ExcelApi 1.13; without it the snapshot has no merges and the reader falls back on layout).
 */
export function queueSnapshotRead(context: Excel.RequestContext, supports: Supports): PendingSnapshot {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('name');
  const used = supports('ExcelApi', '1.4') ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
  used.load('values,rowIndex,columnIndex,address');
  // Whole-sheet range: never a null object, so no method is called on one.
  const merged = supports('ExcelApi', '1.13') ? sheet.getRange().getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return {
    sheet,
    result(): SheetSnapshot {
      if (used.isNullObject) return { name: sheet.name, values: [], merges: [], origin: { row: 1, col: 1 } };
      return {
        name: sheet.name,
        values: used.values as unknown[][],
        merges: merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [],
        origin: { row: used.rowIndex + 1, col: used.columnIndex + 1 },
      };
    },
  };
}

/** Reads the active sheet in one sync (for callers that need nothing else). */
export async function readActiveSheetSnapshot(
  context: Excel.RequestContext,
  supports: Supports = officeSupports,
): Promise<SheetSnapshot> {
  const pending = queueSnapshotRead(context, supports);
  await context.sync();
  return pending.result();
}
