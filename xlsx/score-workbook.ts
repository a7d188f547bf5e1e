// The whole "score a workbook" step on an ExcelJS workbook, shared by the CLI and the browser checker
// so both write exactly the same content for the same input.
import type ExcelJS from 'exceljs';
import {
  analyzeWorkbook,
  buildSummaryTables,
  placeInlineMarks,
  planSummarySheets,
  sheetReferences,
  type Analysis,
  type AnalyzeOptions,
  type ColumnOccupancy,
  type InlineMarks,
  type MergeArea,
  type SummaryTable,
} from '../model';
import { parseRef, snapshotsOf } from './read';
import { clearMarks, hasOwnMarks, writeMarks, writeTable } from './write';

export function analyzeExcelWorkbook(wb: ExcelJS.Workbook, options: AnalyzeOptions & { sheet?: string } = {}): Analysis {
  return analyzeWorkbook(snapshotsOf(wb), options);
}

/** Mark the analysed sheet and (re)write the three summary sheets in place, in the workbook object. */
export function applyScore(wb: ExcelJS.Workbook, analysis: Analysis): void {
  // Re-running on a scored copy replaces, never duplicates; summaries replaced hold new numbers,
  // so Excel recalculates on open the officer's formulas that quote them (see ScorePatch.recalcOnLoad).
  const cleared = clearMarks(wb).sheets > 0;
  const { marks, tables } = additionsOf(wb, analysis);
  // …and so does a formula into a summary added now that was there before it (see ScorePatch.recalcOnLoad).
  if (cleared || formulasReferTo(wb, tables.map((t) => t.sheetName))) wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.getWorksheet(analysis.sheet);
  if (ws && marks) writeMarks(ws, marks);
  for (const t of tables) writeTable(wb, t);
}

/**
 * Whether a formula or a name in the workbook refers to one of these sheets (sheetReferences). A shared
 * formula's other cells ({ sharedFormula }) are not read: they name what its first cell names.
 */
function formulasReferTo(wb: ExcelJS.Workbook, sheets: readonly string[]): boolean {
  // A name's ranges ("=TongDiem" for 'Tổng hợp điểm'!$E$12); parscore's own records are gone (clearMarks).
  const refers = sheetReferences(sheets);
  if (wb.definedNames.model.some((n) => n.ranges.some(refers))) return true;
  let hit = false;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      if (hit) return;
      row.eachCell((cell) => {
        const v = cell.value;
        if (!hit && v !== null && typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') hit = refers(v.formula);
      });
    });
    if (hit) return true;
  }
  return false;
}

/**
 * What applyScore would add to a workbook without parscore's marks — the inline marks and the
 * summary tables — for a writer that adds them to the file itself; null when the workbook holds
 * parscore's marks already (they must be cleared first, which only applyScore does).
 */
export function scoreAdditions(wb: ExcelJS.Workbook, analysis: Analysis): { marks: InlineMarks | null; tables: SummaryTable[] } | null {
  return hasOwnMarks(wb) ? null : additionsOf(wb, analysis);
}

/**
 * The inline marks (placed where nothing of the officer's is) and the summary tables, each named
 * for a sheet that is free: an officer's own "Tổng hợp điểm" keeps its name and parscore's table
 * goes to "Tổng hợp điểm (2)". Called with parscore's own sheets already gone.
 */
function additionsOf(wb: ExcelJS.Workbook, analysis: Analysis): { marks: InlineMarks | null; tables: SummaryTable[] } {
  const ws = wb.getWorksheet(analysis.sheet);
  const marks = ws ? placeInlineMarks(analysis, analysis.lang, (m) => occupancyOf(ws, m)) : null;
  const tables = buildSummaryTables(analysis, analysis.lang);
  const names = planSummarySheets(
    tables.map((t) => t.sheetName),
    wb.worksheets.map((w) => w.name),
    [],
  ).targets;
  return { marks, tables: tables.map((t, i) => (names[i] === t.sheetName ? t : { ...t, sheetName: names[i]! })) };
}

/**
 * What of the officer's is at or right of the proposed status column (model/free-column.ts): every
 * merge, every cell holding a value or a formula in any row, and styled cells in the rows parscore
 * writes (clear resets its own cells' style).
 */
export function occupancyOf(ws: ExcelJS.Worksheet, m: InlineMarks): ColumnOccupancy {
  const merges: MergeArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const a = parseRef(ref);
    if (a) merges.push(a);
  }
  const filled = new Set<number>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      if (c >= m.statusCol) filled.add(c);
    });
  });
  const styled = new Set<number>();
  for (let r = m.headerRow; r <= m.lastRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = m.statusCol; c <= row.cellCount; c++) {
      const style = row.findCell(c)?.style;
      if (style && Object.keys(style).length) styled.add(c);
    }
  }
  return { merges, filled, styled };
}
