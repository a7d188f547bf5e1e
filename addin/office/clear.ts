// "Remove everything parscore added": its summary sheets, its two columns on every appendix
// sheet it marked (found by header text), the highlight rules that read those columns, and the
// self-assessment columns it added — those only while still empty (once the officer filled a
// cell they are the officer's) — and its cell notes (ExcelApi 1.18). Three syncs whatever the workbook size: state → those sheets'
// values and rules → writes.
import type { Lang } from '../../model';
import { columnLetter } from '../../model/text';
import { blockAddress, formulaReferencesColumn } from './a1';
import { queueDeleteNotes, queueNotesRead } from './notes';
import { queueOwnershipRead, queueSummaryCheck } from './ownership';
import { BatchBudget } from './payload';
import { locateAddedColumns } from './self-assessment-plan';
import { officeSupports, type Supports } from './snapshot';
import { emptyState, locateOwnColumns, sameSheetName } from './state';
import { queueClearColumns, queueDeleteConditionalFormats, queueDeleteNames, queueDeleteSheets, queueSaveState, SMALL_OP, type Writer } from './write';

export interface ClearResult {
  sheetsRemoved: string[];
  columnsCleared: number;
  rulesRemoved: number;
  /** Cell notes parscore wrote (ExcelApi 1.18). */
  notesRemoved: number;
  /** Self-assessment columns parscore added that were still empty, now removed. */
  addedColumnsRemoved: number;
  /** Self-assessment columns parscore added that hold the officer's data: kept. */
  addedColumnsKept: number;
  syncs: number;
  message: string;
}

const MESSAGES: Record<Lang, (r: Omit<ClearResult, 'message'>) => string> = {
  vi: (r) =>
    `Đã xoá ${r.sheetsRemoved.length} trang tổng hợp, ${r.columnsCleared} cột đánh dấu và ${r.rulesRemoved} quy tắc tô màu của parscore` +
    (r.notesRemoved ? `, ${r.notesRemoved} ghi chú ô` : '') +
    (r.addedColumnsRemoved ? `, ${r.addedColumnsRemoved} cột tự đánh giá còn trống` : '') +
    '.' +
    (r.addedColumnsKept ? ` Giữ lại ${r.addedColumnsKept} cột tự đánh giá đã có dữ liệu (là của anh/chị).` : ''),
  en: (r) =>
    `Removed ${r.sheetsRemoved.length} summary sheets, ${r.columnsCleared} mark columns and ${r.rulesRemoved} highlight rules added by parscore` +
    (r.notesRemoved ? `, ${r.notesRemoved} cell notes` : '') +
    (r.addedColumnsRemoved ? `, and ${r.addedColumnsRemoved} still-empty self-assessment columns` : '') +
    '.' +
    (r.addedColumnsKept ? ` Kept ${r.addedColumnsKept} self-assessment columns that hold your data.` : ''),
};

export async function clearParscore(
  context: Excel.RequestContext,
  options: { lang: Lang; supports?: Supports },
): Promise<ClearResult> {
  const supports = options.supports ?? officeSupports;
  const budget = new BatchBudget(context);

  // sync 1: state and sheet names
  const owned = queueOwnershipRead(context, null, supports);
  await budget.sync();
  const state = owned.state();
  const names = owned.sheetNames();
  const exists = (n: string) => names.find((x) => sameSheetName(x, n));

  // sync 2: values and rules of each marked sheet that still exists, and the top of each sheet named as a summary
  const marked = [...new Set([...Object.keys(state.marks), ...Object.keys(state.added ?? {})])]
    .map((n) => exists(n))
    .filter((n): n is string => !!n && !state.summarySheets.some((s) => sameSheetName(s, n)));
  const reads = marked.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = supports('ExcelApi', '1.4') ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
    used.load('values,rowIndex,columnIndex');
    const formats = supports('ExcelApi', '1.6') ? sheet.getRange().conditionalFormats : null;
    formats?.load('items/type,items/customOrNullObject/rule/formula');
    return { name, sheet, used, formats, notes: queueNotesRead(sheet, supports) };
  });
  const summaries = queueSummaryCheck(context, names, owned.recordedSummaries());
  if (reads.length || summaries.pending) await budget.sync();

  // sync 3: writes
  const w: Writer = { context, budget, supports };
  let columnsCleared = 0;
  let rulesRemoved = 0;
  let notesRemoved = 0;
  let addedColumnsRemoved = 0;
  let addedColumnsKept = 0;
  for (const r of reads) {
    const ourNotes = r.notes?.ours() ?? [];
    await queueDeleteNotes(w, ourNotes);
    notesRemoved += ourNotes.length;
    if (r.used.isNullObject) continue;
    const snapshot = {
      name: r.name,
      values: r.used.values as unknown[][],
      merges: [],
      origin: { row: r.used.rowIndex + 1, col: r.used.columnIndex + 1 },
    };
    const lastRow = snapshot.origin.row + snapshot.values.length - 1;
    const added = state.added?.[r.name];
    if (added) {
      for (const c of locateAddedColumns(snapshot, added)) {
        if (!c.empty) {
          addedColumnsKept++;
          continue;
        }
        await queueRemoveAddedColumn(w, r.sheet, c.col, added.headerRows, Math.max(lastRow, added.lastRow));
        addedColumnsRemoved++;
      }
    }
    const cols = locateOwnColumns(snapshot, state.marks[r.name]);
    if (!cols) continue;
    const letters = cols.cols.map((c) => columnLetter(c));
    const rules = (r.formats?.items ?? []).filter(
      (cf) =>
        cf.type === 'Custom' &&
        !cf.customOrNullObject.isNullObject &&
        letters.some((l) => formulaReferencesColumn(cf.customOrNullObject.rule.formula ?? '', l)),
    );
    await queueDeleteConditionalFormats(w, rules);
    await queueClearColumns(w, r.sheet, cols.cols, cols.headerRow, lastRow);
    columnsCleared += cols.cols.length;
    rulesRemoved += rules.length;
  }
  const owns = summaries.owned();
  // Excel refuses to delete every sheet: keep them all if nothing else would remain.
  const sheetsRemoved = owns.length < names.length ? owns : [];
  await queueDeleteSheets(w, sheetsRemoved);
  await queueDeleteNames(w, owned.summaryMarkers());
  await queueSaveState(w, emptyState());
  await budget.flush();

  const counts = { sheetsRemoved, columnsCleared, rulesRemoved, notesRemoved, addedColumnsRemoved, addedColumnsKept, syncs: budget.syncs };
  return { ...counts, message: MESSAGES[options.lang](counts) };
}

/** An empty added column: unmerge its header, drop its points rule, clear it to lastRow. */
async function queueRemoveAddedColumn(w: Writer, sheet: Excel.Worksheet, col: number, headerRows: readonly number[], lastRow: number): Promise<void> {
  const top = headerRows[0]!;
  await w.budget.reserve(SMALL_OP * 3);
  if (headerRows.length > 1) sheet.getRange(blockAddress(top, col, headerRows.length, 1)).unmerge();
  const range = sheet.getRange(blockAddress(top, col, Math.max(1, lastRow - top + 1), 1));
  if (w.supports('ExcelApi', '1.8')) range.dataValidation.clear();
  range.clear('All');
}
