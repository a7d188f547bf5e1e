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

/**
 * How far (in empty rows / columns) data may sit from the rest and still belong to the same table.
 * A stray value in XFD1048576 (or a used range claiming A1:XFD1048576) must not turn a 120 × 14
 * appendix into a 17-billion-cell grid: the snapshot covers the block of the sheet holding the
 * most values, and data beyond such a gap is left where it is (in the workbook, untouched) but
 * not analysed.
 */
export const SNAPSHOT_GAP = { rows: 1000, cols: 100 } as const;

interface Block {
  from: number;
  to: number;
  cells: number;
}

/** Split sorted positions (with their cell counts) at gaps wider than gap; the block with the most cells. */
function densest(positions: number[], count: (p: number) => number, gap: number): Block {
  let best: Block | null = null;
  let cur: Block | null = null;
  for (const p of positions) {
    if (cur && p - cur.to > gap + 1) {
      if (!best || cur.cells > best.cells) best = cur;
      cur = null;
    }
    cur ??= { from: p, to: p, cells: 0 };
    cur.to = p;
    cur.cells += count(p);
  }
  if (cur && (!best || cur.cells > best.cells)) best = cur;
  return best ?? { from: 1, to: 0, cells: 0 };
}

/** Snapshot of one worksheet: values of the block of cells holding data (see SNAPSHOT_GAP), plus merges. */
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
  const rowCells = new Map(rows.map((x) => [x.r, x.cells.length]));
  const rb = densest(rows.map((x) => x.r), (r) => rowCells.get(r) ?? 0, SNAPSHOT_GAP.rows);
  const inRows = rows.filter((x) => x.r >= rb.from && x.r <= rb.to);
  const colCells = new Map<number, number>();
  for (const x of inRows) for (const [c] of x.cells) colCells.set(c, (colCells.get(c) ?? 0) + 1);
  const cb = densest([...colCells.keys()].sort((a, b) => a - b), (c) => colCells.get(c) ?? 0, SNAPSHOT_GAP.cols);
  // Keep A1 as the origin unless the block itself starts beyond a gap.
  const top = rb.from > SNAPSHOT_GAP.rows ? rb.from : 1;
  const left = cb.from > SNAPSHOT_GAP.cols ? cb.from : 1;
  const values: unknown[][] = [];
  for (let r = top; r <= rb.to; r++) values.push([]);
  for (const x of inRows) {
    const out = values[x.r - top]!;
    for (const [c, v] of x.cells) if (c >= cb.from && c <= cb.to) out[c - left] = v;
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
