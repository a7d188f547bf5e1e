// Queued reads of what parscore owns in the workbook: its stored state, the sheet names, and the
// conditional formats of a sheet with their formulas (to find parscore's own rules).
import { formulaReferencesColumn } from './a1';
import type { Supports } from './snapshot';
import { parseState, STATE_KEY, type ParscoreState } from './state';
import { columnLetter } from '../../model/text';
import { isOwnSummarySheet, isSummarySheetName, ownSummarySheets, sameSheetName, sheetOfReference, SUMMARY_MARKER_PREFIX } from '../../model/sheet-names';

export interface PendingOwnership {
  /** Valid after the sync. */
  state(): ParscoreState;
  sheetNames(): string[];
  /** Sheets parscore recorded writing summaries to: the state's list and the CLI's defined names (parscore_summary_*). */
  recordedSummaries(): string[];
  /** The CLI's defined names parscore_summary_* (deleted with the summaries they record). */
  summaryMarkers(): Excel.NamedItem[];
  /** Custom conditional formats of the sheet whose formula refers to one of these 1-based columns. */
  formatsReferencing(cols: readonly number[]): Excel.ConditionalFormat[];
}

export function queueOwnershipRead(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet | null,
  supports: Supports,
): PendingOwnership {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  // NamedItem.value of a named range is its address (ExcelApi 1.1): the CLI's records of its summaries.
  const names = context.workbook.names;
  names.load('items/name,items/value');
  const setting = supports('ExcelApi', '1.4') ? context.workbook.settings.getItemOrNullObject(STATE_KEY) : null;
  setting?.load('value');
  // Whole-sheet range: every rule on the sheet, and never a null object.
  const formats = sheet && supports('ExcelApi', '1.6') ? sheet.getRange().conditionalFormats : null;
  formats?.load('items/type,items/customOrNullObject/rule/formula');
  const state = () => (setting && !setting.isNullObject ? parseState(setting.value) : parseState(null));
  return {
    state,
    sheetNames: () => sheets.items.map((s) => s.name),
    recordedSummaries() {
      const marked = names.items
        .filter((n) => n.name.startsWith(SUMMARY_MARKER_PREFIX) && typeof n.value === 'string')
        .map((n) => sheetOfReference(n.value as string))
        .filter((n): n is string => n !== null);
      return [...state().summarySheets, ...marked];
    },
    summaryMarkers: () => names.items.filter((n) => n.name.startsWith(SUMMARY_MARKER_PREFIX)),
    formatsReferencing(cols) {
      if (!formats || cols.length === 0) return [];
      const letters = [...new Set(cols.map((c) => columnLetter(c)))];
      return formats.items.filter((cf) => {
        if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) return false;
        const formula = cf.customOrNullObject.rule.formula ?? '';
        return letters.some((l) => formulaReferencesColumn(formula, l));
      });
    },
  };
}

export interface PendingSummaryCheck {
  /** A read was queued: sync before owned(). */
  pending: boolean;
  /** Valid after the sync. */
  owned(): string[];
  /** What a rewrite in place removes first (see planSummarySheets), when asked for; valid after the sync. */
  contents(name: string): SummaryContents | null;
}

/** What is on a summary sheet besides its cells, and whether its cells can be cleared. */
export interface SummaryContents {
  sheet: Excel.Worksheet;
  tables: Excel.Table[];
  charts: Excel.Chart[];
  /** Pictures, shapes, lines and text boxes (ExcelApi 1.9; none read before). */
  shapes: Excel.Shape[];
  /** The sheet's own filter (not a table's), where one is on (ExcelApi 1.9). */
  autoFilter: Excel.AutoFilter | null;
  /** Slicers placed on the sheet (ExcelApi 1.10). */
  slicers: Excel.Slicer[];
  /**
   * Its cells cannot be cleared, so it is deleted and added again instead: the officer protected
   * it, or put a PivotTable on it (Excel refuses to clear cells under one); also where either
   * cannot be read (ExcelApi before 1.2 / 1.3).
   */
  blocked: boolean;
}

/**
 * The summary sheets parscore may delete or replace: among `names` (the workbook's sheets), those
 * that still hold what it wrote there (title in A1, header in row 3) and that it wrote (`recorded`,
 * the state's list, or named as it names them: ownSummarySheets). Not the state's list alone: an
 * officer may have deleted parscore's "Tổng hợp điểm" and made a sheet of that name, which must
 * survive a re-run or "Xóa"; and a workbook scored by the CLI holds parscore's summaries without
 * such a state. Queues a read only when a sheet has a summary's name. `supports` (the scoring
 * command, which rewrites summaries in place): the same read also loads their tables, charts,
 * protection, PivotTables, shapes, sheet filter and slicers.
 */
export function queueSummaryCheck(
  context: Excel.RequestContext,
  names: readonly string[],
  recorded: readonly string[],
  supports?: Supports,
): PendingSummaryCheck {
  const reads = names.filter((n) => isSummarySheetName(n)).map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    const top = sheet.getRange('A1:N3');
    top.load('values');
    if (!supports) return { name, top, parts: null };
    const tables = sheet.tables;
    tables.load('items/name');
    const charts = sheet.charts;
    charts.load('items/name');
    const protection = supports('ExcelApi', '1.2') ? sheet.protection : null;
    protection?.load('protected');
    const pivots = supports('ExcelApi', '1.3') ? sheet.pivotTables : null;
    pivots?.load('items/name');
    // Pictures, shapes and a sheet filter of the officer's: clearing the cells leaves them (1.9).
    const shapes = supports('ExcelApi', '1.9') ? sheet.shapes : null;
    shapes?.load('items/type');
    const filter = supports('ExcelApi', '1.9') ? sheet.autoFilter : null;
    filter?.load('enabled');
    // Slicers on the sheet (1.10; over its tables, most likely): the shapes API cannot remove them.
    const slicers = supports('ExcelApi', '1.10') ? sheet.slicers : null;
    slicers?.load('items/name');
    return { name, top, parts: { sheet, tables, charts, protection, pivots, shapes, filter, slicers } };
  });
  return {
    pending: reads.length > 0,
    owned: () =>
      ownSummarySheets(
        reads.map(({ name, top }) => ({ name, layout: Array.isArray(top.values) && isOwnSummarySheet(name, top.values) })),
        recorded,
      ),
    contents(name) {
      const p = reads.find((r) => sameSheetName(r.name, name))?.parts;
      if (!p) return null;
      // What cannot be read counts as in the way: such a host deletes and adds, as before.
      const blocked = !p.protection || p.protection.protected || !p.pivots || p.pivots.items.length > 0;
      return {
        sheet: p.sheet,
        tables: p.tables.items,
        charts: p.charts.items,
        // "Unsupported" is what the shapes API cannot handle: a chart (deleted as one), a slicer, a form control (left).
        shapes: p.shapes?.items.filter((s) => s.type !== 'Unsupported') ?? [],
        autoFilter: p.filter?.enabled ? p.filter : null,
        slicers: p.slicers?.items ?? [],
        blocked,
      };
    },
  };
}
