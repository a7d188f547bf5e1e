// The "correct a column mapping" form as data: which columns to offer, what each role maps to now,
// and the AnalyzeOptions.columns overrides that turn the automatic mapping into the chosen one.
// Pure (no DOM, no Office): tested in Node.
import type { ColumnRole, MappedColumn, SheetSnapshot } from '../../model';
import { columnLetter } from '../../model/text';
import type { ColumnOverrides } from '../office/preferences';

/** Roles offered in the form ("note" is what a column becomes when it is unmapped). */
export const EDITABLE_ROLES: readonly ColumnRole[] = [
  'code',
  'name',
  'task',
  'maxPoints',
  'targetPoints',
  'target',
  'evidenceRequired',
  'deadline',
  'lead',
  'coordinating',
  'product',
  'actual',
  'selfPoints',
  'evidence',
  'explanation',
];

export interface ColumnChoice {
  letter: string;
  /** Header text of the column (header rows joined), "" when none. */
  header: string;
}

/** Every column of the sheet's used range, with its header text (for the selects). */
export function columnChoices(snapshot: SheetSnapshot, headerRows: readonly number[]): ColumnChoice[] {
  const origin = snapshot.origin ?? { row: 1, col: 1 };
  let width = 0;
  for (const r of snapshot.values) width = Math.max(width, r.length);
  const out: ColumnChoice[] = [];
  for (let j = 0; j < width; j++) {
    const parts: string[] = [];
    for (const row of headerRows) {
      const v = snapshot.values[row - origin.row]?.[j];
      const t = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim();
      if (t && !parts.includes(t)) parts.push(t);
    }
    out.push({ letter: columnLetter(origin.col + j), header: parts.join(' / ') });
  }
  return out;
}

/** The first column of each role in a mapping ("" for a role without a column). */
export function roleLetters(columns: readonly MappedColumn[]): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const c of columns) if (!out[c.role]) out[c.role] = c.letter;
  return out;
}

/** A letter chosen for two roles, or null. */
export function duplicateChoice(chosen: Partial<Record<ColumnRole, string>>): string | null {
  const seen = new Set<string>();
  for (const role of EDITABLE_ROLES) {
    const l = chosen[role];
    if (!l) continue;
    if (seen.has(l)) return l;
    seen.add(l);
  }
  return null;
}

/**
 * Overrides turning the automatic mapping into the chosen one. For each changed role the chosen
 * column takes the role, and the column that had it automatically becomes a note (unless it was
 * chosen for another role). Notes come first so role assignments win. {} when nothing changed.
 */
export function buildOverrides(auto: readonly MappedColumn[], chosen: Partial<Record<ColumnRole, string>>): ColumnOverrides {
  const before = roleLetters(auto);
  const chosenLetters = new Set(Object.values(chosen).filter((l): l is string => !!l));
  const notes: string[] = [];
  const roles: ColumnOverrides = {};
  for (const role of EDITABLE_ROLES) {
    if (!(role in chosen)) continue; // not in the form: unchanged
    const now = chosen[role] ?? '';
    const was = before[role] ?? '';
    if (now === was) continue;
    if (now) roles[role] = [now];
    if (was && !chosenLetters.has(was) && !notes.includes(was)) notes.push(was);
  }
  return notes.length ? { note: notes, ...roles } : roles;
}
