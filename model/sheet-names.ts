// Which sheets are parscore's own summaries, and which names new ones take. Shared by every host:
// "Tổng hợp điểm" or "Theo cơ quan" is an ordinary name for an officer's own sheet, so a name alone
// never makes a sheet parscore's (the CLI once replaced and `clear` deleted such a sheet).
import { hasSummaryMarks, isSummaryLayout, SHEET_NAMES } from './tables';

/** Excel treats sheet names without regard to case ("TỔNG HỢP ĐIỂM" is taken by "Tổng hợp điểm"). */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
}

const BASE_NAMES: readonly string[] = Object.values(SHEET_NAMES);

/** A name parscore gives a summary sheet: one of SHEET_NAMES, or one with planSummarySheets' " (n)". */
export function isSummarySheetName(name: string): boolean {
  const base = / \(\d{1,3}\)$/.test(name) ? name.slice(0, name.lastIndexOf(' (')) : name;
  // planSummarySheets cuts the base to fit 31 characters: a prefix of a summary name counts too.
  return BASE_NAMES.some((b) => sameSheetName(b, base) || (base !== name && base.length >= 8 && sameSheetName(b.slice(0, base.length), base)));
}

/**
 * parscore's own summary sheet, which it may delete or replace: a summary name and the layout
 * parscore writes (its title in A1, a whole header row of it in row 3; see isSummaryLayout).
 * `firstRows`: the sheet's first three rows from column A. An officer's sheet of that name, even
 * one with a similar title or header written by hand, fails this and is left alone.
 */
export function isOwnSummarySheet(name: string, firstRows: readonly (readonly unknown[] | undefined)[]): boolean {
  return isSummarySheetName(name) && isSummaryLayout(firstRows);
}

/** A summary name's base and number: "Tổng hợp điểm (3)" → ["Tổng hợp điểm", 3], "Theo cơ quan" → [.., 1]. */
function baseAndNumber(name: string): [string, number] {
  const m = / \((\d{1,3})\)$/.exec(name);
  return m ? [name.slice(0, m.index), Number(m[1])] : [name, 1];
}

/**
 * Of a workbook's sheets, the summaries parscore may delete or replace. Each must have parscore's
 * layout (`layout`: isOwnSummarySheet of its top rows) and be one parscore would have written:
 * listed in `recorded` (the add-in's state), or named as planSummarySheets names, "Name (k)" only
 * where "Name" … "Name (k−1)" are all taken by sheets that are not parscore's. So Excel's copy of
 * parscore's "Tổng hợp điểm" (named "Tổng hợp điểm (2)" by Excel, the same layout) is the
 * officer's: an officer keeping last month's scores must not lose them at the next run.
 */
export function ownSummarySheets(sheets: readonly { name: string; layout: boolean }[], recorded: readonly string[] = []): string[] {
  const foreign = (n: string) => sheets.some((s) => sameSheetName(s.name, n) && !s.layout);
  return sheets
    .filter((s) => {
      if (!s.layout) return false;
      if (recorded.some((r) => sameSheetName(r, s.name))) return true;
      const [base, k] = baseAndNumber(s.name);
      for (let j = 1; j < k; j++) if (!foreign(j === 1 ? base : `${base} (${j})`)) return false;
      return true;
    })
    .map((s) => s.name);
}

/**
 * A range not to analyse as an appendix: on a sheet with a summary name, and holding a summary
 * title or part of a header row in its first rows, from whatever column it starts (see
 * hasSummaryMarks). Read only: refusing an officer's look-alike costs a message, nothing more.
 */
export function looksLikeOwnSummary(name: string, topRows: readonly (readonly unknown[] | undefined)[]): boolean {
  return isSummarySheetName(name) && hasSummaryMarks(topRows);
}

/**
 * The sheet each summary table goes to: its own name when free or parscore's; otherwise the
 * first free "Name (2)", "Name (3)"… (an officer's sheet of the same name is never touched).
 */
export function planSummarySheets(
  wanted: readonly string[],
  existing: readonly string[],
  owned: readonly string[],
): { targets: string[]; remove: string[] } {
  const isOwned = (n: string) => owned.some((o) => sameSheetName(o, n));
  const taken = (n: string) => existing.some((e) => sameSheetName(e, n));
  const used: string[] = [];
  const targets = wanted.map((name) => {
    const fits = (n: string) => (!taken(n) || isOwned(n)) && !used.some((u) => sameSheetName(u, n));
    let candidate = name;
    for (let k = 2; !fits(candidate); k++) {
      const suffix = ` (${k})`;
      candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    }
    used.push(candidate);
    return candidate;
  });
  // Remove every owned sheet that still exists: rewritten ones are recreated, stale ones go.
  const remove = existing.filter((e) => isOwned(e));
  return { targets, remove };
}
