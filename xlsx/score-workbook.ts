// The whole "score a workbook" step on an ExcelJS workbook, shared by the CLI and the browser checker
// so both write exactly the same content for the same input.
import type ExcelJS from 'exceljs';
import { analyzeWorkbook, buildInlineMarks, buildSummaryTables, type Analysis, type AnalyzeOptions, type InlineMarks } from '../model';
import { parseRef, snapshotsOf } from './read';
import { clearMarks, writeMarks, writeTable } from './write';

export function analyzeExcelWorkbook(wb: ExcelJS.Workbook, options: AnalyzeOptions & { sheet?: string } = {}): Analysis {
  return analyzeWorkbook(snapshotsOf(wb), options);
}

/** Mark the analysed sheet and (re)write the three summary sheets in place, in the workbook object. */
export function applyScore(wb: ExcelJS.Workbook, analysis: Analysis): void {
  clearMarks(wb); // re-running on a scored copy replaces, never duplicates
  const ws = wb.getWorksheet(analysis.sheet);
  let marks = buildInlineMarks(analysis, analysis.lang);
  if (ws && marks) {
    const col = freeStatusColumn(ws, marks);
    if (col !== marks.statusCol) marks = buildInlineMarks({ ...analysis, appendix: { ...analysis.appendix, ownStatusCol: col } }, analysis.lang)!;
    writeMarks(ws, marks);
  }
  for (const t of buildSummaryTables(analysis, analysis.lang)) writeTable(wb, t);
}

const LAST_COL = 16384;

/**
 * The first pair of columns, from where the model put the status column, holding nothing of the
 * officer's, so writing them (and hiding the second) can never overwrite, hide or restyle it: no
 * value anywhere in the column (a formula whose cached result is "" is blank to the model, not
 * here), no merged cell (a write into a merge lands in its master), no styled cell in the rows
 * parscore writes (clear resets its own cells' style).
 */
export function freeStatusColumn(ws: ExcelJS.Worksheet, m: InlineMarks): number {
  const blocked = new Set<number>();
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const a = parseRef(ref);
    if (a) for (let c = Math.max(a.left, m.statusCol); c <= Math.min(a.right, LAST_COL); c++) blocked.add(c);
  }
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      if (c >= m.statusCol) blocked.add(c);
    });
  });
  for (let r = m.headerRow; r <= m.lastRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = m.statusCol; c <= row.cellCount; c++) {
      const style = row.findCell(c)?.style;
      if (style && Object.keys(style).length) blocked.add(c);
    }
  }
  let col = m.statusCol;
  while (col < LAST_COL - 1 && (blocked.has(col) || blocked.has(col + 1))) col++;
  return col;
}
