// Cell notes (ExcelApi 1.18 only; older Excel keeps the status column and the issues sheet):
// each offending cell gets a note with the messages of its findings, seen on hover.
// A note is parscore's when its text opens with "parscore:" (model isOwnNote); the officer's
// notes and threaded comments are never changed, and a cell that holds one gets no note from
// parscore — Excel refuses a second note on a cell, which would fail the whole write batch.
// Reads cost nothing extra in the usual case: the notes' texts come with the command's first
// sync; only when the sheet has notes or comments of the officer's does one more sync ask where
// they are (a note's cell is not a loadable property).
import { isOwnNote, type CellNote } from '../../model';
import { blockAddress, parseBlock } from './a1';
import { utf8Length } from './payload';
import type { Supports } from './snapshot';
import { SMALL_OP, type Writer } from './write';

export interface PendingNotes {
  /** After the caller's sync: the notes parscore wrote earlier (no further sync). */
  ours(): Excel.Note[];
  /** After the caller's sync: parscore's notes and the cells holding the officer's notes or comments. */
  resolve(sync: () => Promise<unknown>): Promise<SheetNotes>;
}

export interface SheetNotes {
  /** Notes parscore wrote earlier (to delete). */
  ours: Excel.Note[];
  /** "row,col" of every cell holding a note or a comment of the officer's. */
  taken: Set<string>;
}

/** Queues the read of a sheet's notes (and whether it has comments); null before ExcelApi 1.18. */
export function queueNotesRead(sheet: Excel.Worksheet, supports: Supports): PendingNotes | null {
  if (!supports('ExcelApi', '1.18')) return null;
  const notes = sheet.notes;
  notes.load('items/content');
  // Threaded comments (ExcelApi 1.10, always there with 1.18): a cell with one takes no note.
  const comments = sheet.comments;
  comments.load('items/id');
  const ours = () => notes.items.filter((n) => isOwnNote(n.content ?? ''));
  return {
    ours,
    async resolve(sync) {
      const locations = notes.items.filter((n) => !isOwnNote(n.content ?? '')).map((n) => n.getLocation());
      for (const c of comments.items) locations.push(c.getLocation());
      const taken = new Set<string>();
      if (!locations.length) return { ours: ours(), taken };
      for (const l of locations) l.load('address');
      await sync();
      for (const l of locations) {
        const b = parseBlock(l.address);
        if (b) taken.add(`${b.top},${b.left}`);
      }
      return { ours: ours(), taken };
    },
  };
}

/** Deletes parscore's earlier notes. */
export async function queueDeleteNotes(w: Writer, notes: readonly Excel.Note[]): Promise<void> {
  for (const n of notes) {
    await w.budget.reserve(SMALL_OP);
    n.delete();
  }
}

/** Adds parscore's notes on cells without a note or comment of the officer's. */
export async function queueAddNotes(w: Writer, sheet: Excel.Worksheet, notes: readonly CellNote[], taken: ReadonlySet<string>): Promise<void> {
  for (const n of notes) {
    if (taken.has(`${n.row},${n.col}`)) continue;
    await w.budget.reserve(SMALL_OP + utf8Length(n.text));
    sheet.notes.add(blockAddress(n.row, n.col), n.text);
  }
}
