// What the task pane shows on open and on "Nhận diện lại": the active sheet as a snapshot (ONE
// sync, via snapshot.ts; two for data beyond its READ_WINDOW) plus whether it is one of parscore's
// own summary sheets. The pane analyses the snapshot itself, so a corrected column mapping
// re-analyses without a new read.
import type { SheetSnapshot } from '../../model';
import { looksLikeOwnSummary } from '../../model/sheet-names';
import { queueNotesRead, type PendingNotes } from './notes';
import { queueOwnershipRead, type PendingOwnership } from './ownership';
import { officeSupports, queueSnapshotRead, type SheetRead, type Supports } from './snapshot';

export interface ActiveSheetRead {
  /** The active worksheet the snapshot came from (writes go to it). */
  sheet: Excel.Worksheet;
  read: SheetRead;
  owned: PendingOwnership;
  /** The active sheet is a summary sheet parscore wrote. */
  summarySheet: boolean;
  /** The sheet's cell notes, when asked for and ExcelApi 1.18 has them. */
  notes: PendingNotes | null;
}

/**
 * The read every command starts with, in one sync (two only for data beyond READ_WINDOW): the
 * active sheet's snapshot plus what parscore owns — with the sheet's rules when `withRules`, and its
 * cell notes when `withNotes`.
 */
export async function readActiveSheetAndOwnership(
  context: Excel.RequestContext,
  supports: Supports,
  sync: () => Promise<unknown>,
  withRules: boolean,
  withNotes = false,
): Promise<ActiveSheetRead> {
  const pending = queueSnapshotRead(context, supports);
  const owned = queueOwnershipRead(context, withRules ? pending.sheet : null, supports);
  const notes = withNotes ? queueNotesRead(pending.sheet, supports) : null;
  await sync();
  const read = await pending.result(sync);
  // By content, as the engine tells: the state's list may be stale (the officer deleted parscore's
  // "Tổng hợp điểm" and named their appendix so).
  const summarySheet = looksLikeOwnSummary(read.snapshot.name, read.snapshot.values);
  return { sheet: pending.sheet, read, owned, summarySheet, notes };
}

export interface SheetReading {
  snapshot: SheetSnapshot;
  /** The active sheet is a summary sheet parscore wrote. */
  summarySheet: boolean;
  syncs: number;
}

export async function readActiveSheet(context: Excel.RequestContext, supports: Supports = officeSupports): Promise<SheetReading> {
  const { read, summarySheet } = await readActiveSheetAndOwnership(context, supports, () => context.sync(), false);
  return { snapshot: read.snapshot, summarySheet, syncs: 1 + read.extraSyncs };
}
