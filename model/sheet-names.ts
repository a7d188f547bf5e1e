// Which sheets are parscore's own summaries, and which names new ones take. Shared by every host:
// "Tổng hợp điểm" or "Theo cơ quan" is an ordinary name for an officer's own sheet, so a name alone
// never makes a sheet parscore's (the CLI once replaced and `clear` deleted such a sheet).
import { hasSummaryMarks, isSummaryLayout, SHEET_NAMES } from './tables';

/** Excel treats sheet names without regard to case ("TỔNG HỢP ĐIỂM" is taken by "Tổng hợp điểm"). */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
}

const BASE_NAMES: readonly string[] = Object.values(SHEET_NAMES);

/** A name without planSummarySheets' " (n)". */
function withoutNumber(name: string): string {
  return / \(\d{1,3}\)$/.test(name) ? name.slice(0, name.lastIndexOf(' (')) : name;
}

/** A name parscore gives a summary sheet: one of SHEET_NAMES, or one with planSummarySheets' " (n)". */
export function isSummarySheetName(name: string): boolean {
  const base = withoutNumber(name);
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

/** The SHEET_NAMES entry a name is, or is with a " (n)" (case aside), else null. */
function baseOf(name: string): string | null {
  const plain = withoutNumber(name);
  return BASE_NAMES.find((b) => sameSheetName(b, plain)) ?? null;
}

/**
 * Of a workbook's sheets, the summaries parscore may delete or replace: each with parscore's
 * layout (`layout`: isOwnSummarySheet of its top rows), and one parscore recorded writing
 * (`recorded`: the add-in's state, the CLI's defined names `parscore_summary_*`, which Excel
 * keeps on the sheet through a rename and drops with it) or, where no record of that summary
 * names an existing sheet (older files), the one with the summary's own name. Never a "Name (k)"
 * it has no record of: that is Excel's copy of a parscore sheet ("Tổng hợp điểm (2)", kept with
 * last run's scores) or the officer's renaming, and is theirs.
 */
export function ownSummarySheets(sheets: readonly { name: string; layout: boolean }[], recorded: readonly string[] = []): string[] {
  const isRecorded = (n: string) => recorded.some((r) => sameSheetName(r, n));
  const recordedBases = new Set(sheets.filter((s) => isRecorded(s.name)).map((s) => baseOf(s.name)));
  return sheets
    .filter((s) => {
      if (!s.layout) return false;
      if (isRecorded(s.name)) return true;
      const base = baseOf(s.name);
      return base !== null && sameSheetName(base, s.name) && !recordedBases.has(base);
    })
    .map((s) => s.name);
}

/** The defined name by which a host records the sheet it wrote a summary to (see ownSummarySheets), + the table's key. */
export const SUMMARY_MARKER_PREFIX = 'parscore_summary_';

/** A sheet name as a reference writes it, always quoted ("'O''Brien'"): valid for any name. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A test of whether a text (a formula, or a sheet's XML with its formulas) refers to one of
 * `sheets` ("='Tổng hợp điểm'!E12"): the name quoted, as Excel writes it (every summary's name has
 * a space), case aside (Excel resolves it so; a formula keeps the case the sheet had), the quotes
 * possibly XML-escaped (&apos;, &#39;, &#x27;). The pattern is made once for many texts. A text
 * without a closing quote right before a "!" ("'!", or an escaped quote's ";!") is passed over
 * without it: the pattern costs ~100 ms over a 40 MB sheet of Vietnamese text, the two searches a few.
 */
export function sheetReferences(sheets: readonly string[]): (text: string) => boolean {
  if (!sheets.length) return () => false;
  const q = "(?:'|&apos;|&#39;|&#x27;)";
  const names = sheets.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, `${q}${q}`));
  const re = new RegExp(`${q}(?:${names.join('|')})${q}!`, 'iu');
  return (text) => (text.includes("'!") || text.includes(';!')) && re.test(text);
}

/** The reference a summary's record holds: its sheet's A1 ("'Tổng hợp điểm'!$A$1"). */
export function summaryMarkerReference(sheet: string): string {
  return `${quotedSheetName(sheet)}!$A$1`;
}

/**
 * The sheet of an address as Excel writes it ("'Tổng hợp điểm'!A1:I20", "Sheet1!A1",
 * "[Book1]Sheet1!A1", "'[Kế hoạch.xlsx]Phụ lục'!A1"); '' when there is none.
 */
export function sheetOfAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return '';
  let name = address.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) name = name.slice(1, -1).replace(/''/g, "'");
  return name.replace(/^\[[^\]]*\]/, '');
}

/** The sheet a summary's record refers to ("'O''Brien'!$A$1", "=Sheet1!$A$1"); null without one or for "#REF!". */
export function sheetOfReference(ref: string): string | null {
  const sheet = sheetOfAddress(ref.startsWith('=') ? ref.slice(1) : ref);
  return sheet && sheet !== '#REF' ? sheet : null;
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
 * `reuse`: the existing sheet (as the workbook spells it) each target rewrites in place (renamed
 * to the target where its name differs), or null for a new sheet; `remove`: parscore's sheets no
 * target rewrites. A summary is rewritten in its own sheet, not deleted and added again: Excel
 * turns every formula of the officer's that refers to a deleted sheet into #REF! for good (a
 * report cell "='Tổng hợp điểm'!E12" would be lost on each run), and keeps it through a sheet
 * whose cells are cleared and written.
 */
export function planSummarySheets(
  wanted: readonly string[],
  existing: readonly string[],
  owned: readonly string[],
): { targets: string[]; reuse: (string | null)[]; remove: string[] } {
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
  const reuse: (string | null)[] = targets.map((t) => existing.find((e) => sameSheetName(e, t) && isOwned(e)) ?? null);
  // Else its own sheet of that summary under another number ("Tổng hợp điểm (2)", written beside
  // an officer's sheet since removed), renamed to the target: Excel carries formulas through a rename.
  targets.forEach((t, i) => {
    if (reuse[i] !== null) return;
    const base = withoutNumber(t);
    reuse[i] = existing.find((e) => isOwned(e) && sameSheetName(withoutNumber(e), base) && !reuse.includes(e)) ?? null;
  });
  // Every other owned sheet that still exists goes (a summary no longer written).
  const remove = existing.filter((e) => isOwned(e) && !reuse.includes(e));
  return { targets, reuse, remove };
}
