// Where parscore's two inline columns (status, hidden codes) may go without touching anything of
// the officer's. Pure; the CLI / browser checker (xlsx/score-workbook.ts) and the Office add-in
// (addin/office/score-and-summarise.ts) place them by this one rule.
import { buildInlineMarks } from './marks';
import type { Analysis, InlineMarks } from './report-types';
import type { Lang, MergeArea } from './types';

/** Excel's last column (XFD). */
export const LAST_COLUMN = 16384;

/** What the host saw of the sheet, from the column the model proposes on. */
export interface ColumnOccupancy {
  /** Merged areas of the sheet: a write into a merge lands in its master. */
  merges: readonly MergeArea[];
  /**
   * 1-based columns with a cell holding a value or a formula, in any row (a formula whose result
   * is "" is blank to the model, not here).
   */
  filled: Iterable<number>;
  /** 1-based columns with a styled cell in the rows parscore writes (hosts that see styles). */
  styled?: Iterable<number>;
}

/** The first pair of columns from `from` on that nothing of the officer's occupies. */
export function freeStatusColumn(from: number, o: ColumnOccupancy): number {
  const blocked = new Set<number>();
  for (const m of o.merges) {
    for (let c = Math.max(m.left, from); c <= Math.min(m.right, LAST_COLUMN); c++) blocked.add(c);
  }
  for (const c of o.filled) if (c >= from) blocked.add(c);
  for (const c of o.styled ?? []) if (c >= from) blocked.add(c);
  let col = from;
  while (col < LAST_COLUMN - 1 && (blocked.has(col) || blocked.has(col + 1))) col++;
  return col;
}

/**
 * The inline marks, moved right to the first free pair of columns when the model's place (right
 * of the table, or parscore's columns of an earlier run) is taken. `occupancy` is asked once, with
 * the marks the model proposes; `build` is the engine's buildInlineMarks (injectable for tests).
 */
export function placeInlineMarks(
  a: Analysis,
  lang: Lang,
  occupancy: (proposed: InlineMarks) => ColumnOccupancy,
  build: (a: Analysis, lang: Lang) => InlineMarks | null = buildInlineMarks,
): InlineMarks | null {
  const m = build(a, lang);
  if (!m) return null;
  const col = freeStatusColumn(m.statusCol, occupancy(m));
  return col === m.statusCol ? m : build({ ...a, appendix: { ...a.appendix, ownStatusCol: col } }, lang);
}
