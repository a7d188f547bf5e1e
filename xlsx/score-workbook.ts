// The whole "score a workbook" step on an ExcelJS workbook, shared by the CLI and the browser checker
// so both write exactly the same content for the same input.
import type ExcelJS from 'exceljs';
import { analyzeWorkbook, buildInlineMarks, buildSummaryTables, type Analysis, type AnalyzeOptions } from '../model';
import { snapshotsOf } from './read';
import { clearMarks, writeMarks, writeTable } from './write';

export function analyzeExcelWorkbook(wb: ExcelJS.Workbook, options: AnalyzeOptions & { sheet?: string } = {}): Analysis {
  return analyzeWorkbook(snapshotsOf(wb), options);
}

/** Mark the analysed sheet and (re)write the three summary sheets in place, in the workbook object. */
export function applyScore(wb: ExcelJS.Workbook, analysis: Analysis): void {
  clearMarks(wb); // re-running on a scored copy replaces, never duplicates
  const ws = wb.getWorksheet(analysis.sheet);
  const marks = buildInlineMarks(analysis, analysis.lang);
  if (ws && marks) writeMarks(ws, marks);
  for (const t of buildSummaryTables(analysis, analysis.lang)) writeTable(wb, t);
}
