// ExcelJS → host-neutral snapshots. The only place the CLI looks inside cells.
import ExcelJS from 'exceljs';
import type { MergeArea, SheetSnapshot } from '../model';

/** A cell value as the engine expects it: text, number, boolean, Date or null. */
export function plainValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (v instanceof Date) return v;
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  if ('text' in v && typeof (v as ExcelJS.CellHyperlinkValue).text === 'string') return (v as ExcelJS.CellHyperlinkValue).text;
  return null;
}

export function parseRef(ref: string): MergeArea | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]!);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? col(m[3]) : left };
}

/** Snapshot of one worksheet: values from A1 to the last used cell, plus merges. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merge slaves repeat the master's value in ExcelJS; the engine unfolds merges itself.
      if (cell.isMerged && cell.master !== cell) return;
      out[c - 1] = plainValue(cell.value);
    });
    values[r - 1] = out;
  });
  for (let i = 0; i < values.length; i++) values[i] ??= [];
  const merges: MergeArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = parseRef(ref);
    if (m) merges.push(m);
  }
  return { name: ws.name, values, merges };
}

export function snapshotsOf(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(snapshotOf);
}
