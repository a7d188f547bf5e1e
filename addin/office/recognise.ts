// What the task pane shows on open and on "Nhận diện lại": the active sheet as a snapshot (ONE
// sync, via snapshot.ts; two for data beyond its READ_WINDOW) plus whether it is one of parscore's
// own summary sheets. The pane analyses the snapshot itself, so a corrected column mapping
// re-analyses without a new read.
import type { SheetSnapshot } from '../../model';
import { queueOwnershipRead } from './ownership';
import { officeSupports, queueSnapshotRead, type Supports } from './snapshot';
import { sameSheetName } from './state';

export interface SheetReading {
  snapshot: SheetSnapshot;
  /** The active sheet is a summary sheet parscore wrote. */
  summarySheet: boolean;
  syncs: number;
}

export async function readActiveSheet(context: Excel.RequestContext, supports: Supports = officeSupports): Promise<SheetReading> {
  const pending = queueSnapshotRead(context, supports);
  const owned = queueOwnershipRead(context, null, supports);
  await context.sync();
  const { snapshot, extraSyncs } = await pending.result(() => context.sync());
  const summarySheet = owned.state().summarySheets.some((s) => sameSheetName(s, snapshot.name));
  return { snapshot, summarySheet, syncs: 1 + extraSyncs };
}
