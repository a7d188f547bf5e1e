// ExcelJS → host-neutral snapshots. The only place the CLI looks inside cells.
import ExcelJS from 'exceljs';
import { dataBlock, SNAPSHOT_GAP, type MergeArea, type SheetSnapshot } from '../model';

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

/** Snapshot of one worksheet: values of the block of cells holding data (model/sheet-block.ts), plus merges. */
export function snapshotOf(ws: ExcelJS.Worksheet): SheetSnapshot {
  // Sparse first: only rows and cells that hold something, whatever range the sheet claims.
  const rows: { r: number; cells: [number, unknown][] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: [number, unknown][] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Merge slaves repeat the master's value in ExcelJS; the engine unfolds merges itself.
      if (cell.isMerged && cell.master !== cell) return;
      cells.push([c, plainValue(cell.value)]);
    });
    rows.push({ r, cells }); // also a row of merge slaves only: it belongs to the sheet's extent
  });
  const b = dataBlock(rows);
  // Keep A1 as the origin unless the block itself starts beyond a gap.
  const top = b.top > SNAPSHOT_GAP.rows ? b.top : 1;
  const left = b.left > SNAPSHOT_GAP.cols ? b.left : 1;
  const values: unknown[][] = [];
  for (let r = top; r <= b.bottom; r++) values.push([]);
  for (const x of rows) {
    if (x.r < b.top || x.r > b.bottom) continue;
    const out = values[x.r - top]!;
    for (const [c, v] of x.cells) if (c >= b.left && c <= b.right) out[c - left] = v;
  }
  const merges: MergeArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const m = parseRef(ref);
    if (m) merges.push(m);
  }
  const snap: SheetSnapshot = { name: ws.name, values, merges };
  if (top !== 1 || left !== 1) snap.origin = { row: top, col: left };
  return snap;
}

export function snapshotsOf(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map(snapshotOf);
}
