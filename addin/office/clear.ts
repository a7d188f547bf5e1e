// "Remove everything parscore added": its summary sheets, its two columns on every appendix
// sheet it marked (found by header text) and the highlight rules that read those columns.
// Three syncs whatever the workbook size: state → those sheets' values and rules → writes.
import type { Lang } from '../../model';
import { columnLetter } from '../../model/text';
import { formulaReferencesColumn } from './a1';
import { queueOwnershipRead } from './ownership';
import { BatchBudget } from './payload';
import { officeSupports, type Supports } from './snapshot';
import { emptyState, locateOwnColumns, sameSheetName } from './state';
import { queueClearColumns, queueDeleteConditionalFormats, queueDeleteSheets, queueSaveState, type Writer } from './write';

export interface ClearResult {
  sheetsRemoved: string[];
  columnsCleared: number;
  rulesRemoved: number;
  syncs: number;
  message: string;
}

const MESSAGES: Record<Lang, (r: Omit<ClearResult, 'message'>) => string> = {
  vi: (r) => `Đã xoá ${r.sheetsRemoved.length} trang tổng hợp, ${r.columnsCleared} cột đánh dấu và ${r.rulesRemoved} quy tắc tô màu của parscore.`,
  en: (r) => `Removed ${r.sheetsRemoved.length} summary sheets, ${r.columnsCleared} mark columns and ${r.rulesRemoved} highlight rules added by parscore.`,
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

  // sync 2: values and rules of each marked sheet that still exists
  const marked = Object.keys(state.marks)
    .map((n) => exists(n))
    .filter((n): n is string => !!n && !state.summarySheets.some((s) => sameSheetName(s, n)));
  const reads = marked.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const used = supports('ExcelApi', '1.4') ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange(true);
    used.load('values,rowIndex,columnIndex');
    const formats = supports('ExcelApi', '1.6') ? sheet.getRange().conditionalFormats : null;
    formats?.load('items/type,items/customOrNullObject/rule/formula');
    return { name, sheet, used, formats };
  });
  if (reads.length) await budget.sync();

  // sync 3: writes
  const w: Writer = { context, budget, supports };
  let columnsCleared = 0;
  let rulesRemoved = 0;
  for (const r of reads) {
    if (r.used.isNullObject) continue;
    const snapshot = {
      name: r.name,
      values: r.used.values as unknown[][],
      merges: [],
      origin: { row: r.used.rowIndex + 1, col: r.used.columnIndex + 1 },
    };
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
    await queueClearColumns(w, r.sheet, cols.cols, cols.headerRow, snapshot.origin.row + snapshot.values.length - 1);
    columnsCleared += cols.cols.length;
    rulesRemoved += rules.length;
  }
  const owns = names.filter((n) => state.summarySheets.some((s) => sameSheetName(s, n)));
  // Excel refuses to delete every sheet: keep them all if nothing else would remain.
  const sheetsRemoved = owns.length < names.length ? owns : [];
  await queueDeleteSheets(w, sheetsRemoved);
  await queueSaveState(w, emptyState());
  await budget.flush();

  const counts = { sheetsRemoved, columnsCleared, rulesRemoved, syncs: budget.syncs };
  return { ...counts, message: MESSAGES[options.lang](counts) };
}
