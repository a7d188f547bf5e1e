// "Thêm cột tự đánh giá" as data: which self-assessment columns an appendix lacks, where they go
// (right of everything the officer wrote, never over a cell of theirs) and the rule that keeps the
// points between 0 and the row's maximum. Pure (no Office.js): self-assessment.ts writes it.
import type { Analysis, SheetSnapshot } from '../../model';
import { columnLetter } from '../../model/text';
import { blockAddress } from './a1';
import type { AddedColumnsRecord } from './state';

export type SelfAssessmentRole = 'actual' | 'selfPoints' | 'evidence' | 'explanation';

/**
 * The columns, in the order they are added. Headers are always Vietnamese: they are workbook
 * content that the reader (and the appraisal council) recognise by these words.
 */
export const SELF_ASSESSMENT_COLUMNS: readonly { role: SelfAssessmentRole; header: string; width: number }[] = [
  { role: 'actual', header: 'Kết quả thực hiện', width: 180 },
  { role: 'selfPoints', header: 'Điểm tự đánh giá', width: 72 },
  { role: 'evidence', header: 'Tài liệu kiểm chứng', width: 220 },
  { role: 'explanation', header: 'Giải trình', width: 180 },
];

export interface PlannedColumn {
  col: number;
  letter: string;
  role: SelfAssessmentRole;
  header: string;
  width: number;
}

export interface SelfAssessmentPlan {
  /** 1-based header rows of the table (the headers go in the first, merged down the rest). */
  headerRows: number[];
  firstRow: number;
  lastRow: number;
  startCol: number;
  columns: PlannedColumn[];
  /** Custom data-validation rule on the new points column (null without a max column). */
  validation: { address: string; formula: string } | null;
}

export type PlanOutcome = { kind: 'plan'; plan: SelfAssessmentPlan } | { kind: 'complete' } | { kind: 'not-appendix' };

/** 1-based last column holding anything: a value or a merged area (the officer's used range). */
export function usedRight(snapshot: SheetSnapshot, fromRow = 1, toRow = Number.MAX_SAFE_INTEGER): number {
  const origin = snapshot.origin ?? { row: 1, col: 1 };
  let right = 0;
  snapshot.values.forEach((row, i) => {
    const r = origin.row + i;
    if (r < fromRow || r > toRow) return;
    for (let j = row.length - 1; j >= 0; j--) {
      const v = row[j];
      if (v !== null && v !== undefined && v !== '') {
        right = Math.max(right, origin.col + j);
        break;
      }
    }
  });
  for (const m of snapshot.merges) if (m.bottom >= fromRow && m.top <= toRow) right = Math.max(right, m.right);
  return right;
}

/**
 * Custom validation for the points cell of the first data row (Excel shifts it down the range):
 * a number from 0 up to the row's maximum; any number ≥ 0 where the maximum is blank or text.
 */
export function pointsValidationFormula(pointsLetter: string, maxLetter: string, row: number): string {
  const p = `${pointsLetter}${row}`;
  const max = `$${maxLetter}${row}`;
  return `=AND(ISNUMBER(${p}),${p}>=0,OR(NOT(ISNUMBER(${max})),${p}<=${max}))`;
}

/**
 * Plans the missing self-assessment columns of an analysed appendix. `ownCols` are parscore's
 * status/codes columns from an earlier check (they are cleared first, so they do not count).
 * `minStartCol`: the host's first column right of anything the snapshot cannot show (formulas
 * whose result is ""). An appendix without points (PAPI/SIPAS tasks) gets no points column.
 */
export function planSelfAssessmentColumns(a: Analysis, snapshot: SheetSnapshot, ownCols: readonly number[] = [], minStartCol = 1): PlanOutcome {
  const ap = a.appendix;
  if (!a.ok || !ap.firstDataRow || !ap.headerRows.length) return { kind: 'not-appendix' };
  const present = new Set(ap.columns.map((c) => c.role));
  const wanted = SELF_ASSESSMENT_COLUMNS.filter((c) => !present.has(c.role) && (c.role !== 'selfPoints' || ap.hasPoints));
  if (!wanted.length) return { kind: 'complete' };

  const without = ownCols.length ? withoutColumns(snapshot, ownCols) : snapshot;
  const startCol = Math.max(ap.usedLastCol + 1, usedRight(without) + 1, minStartCol);
  const columns = wanted.map((c, i) => ({ ...c, col: startCol + i, letter: columnLetter(startCol + i) }));
  const points = columns.find((c) => c.role === 'selfPoints');
  const max = ap.columns.find((c) => c.role === 'maxPoints');
  const validation =
    points && max
      ? {
          address: blockAddress(ap.firstDataRow, points.col, ap.lastDataRow - ap.firstDataRow + 1, 1),
          formula: pointsValidationFormula(points.letter, max.letter, ap.firstDataRow),
        }
      : null;
  const headerRows = contiguous(ap.headerRows);
  return {
    kind: 'plan',
    plan: { headerRows, firstRow: ap.firstDataRow, lastRow: ap.lastDataRow, startCol, columns, validation },
  };
}

/** What the workbook state remembers of a plan (for "Xóa đánh dấu"). */
export function addedRecord(plan: SelfAssessmentPlan): AddedColumnsRecord {
  return {
    headerRows: plan.headerRows.slice(),
    firstRow: plan.firstRow,
    lastRow: plan.lastRow,
    columns: plan.columns.map((c) => ({ col: c.col, header: c.header })),
  };
}

/** The header block from the first to the last header row (merges need a rectangle). */
function contiguous(rows: readonly number[]): number[] {
  const lo = Math.min(...rows);
  const hi = Math.max(...rows);
  return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

function withoutColumns(s: SheetSnapshot, cols: readonly number[]): SheetSnapshot {
  const c0 = s.origin?.col ?? 1;
  return { ...s, values: s.values.map((r) => r.map((v, j) => (cols.includes(c0 + j) ? null : v))) };
}

export interface LocatedColumn {
  col: number;
  header: string;
  /** True when no cell below the header rows holds anything: still parscore's to remove. */
  empty: boolean;
}

/**
 * The added columns found again in a sheet by their header text in the recorded header row
 * (nearest to where they were written, in case columns were inserted); missing ones are left out.
 */
export function locateAddedColumns(snapshot: SheetSnapshot, record: AddedColumnsRecord): LocatedColumn[] {
  const origin = snapshot.origin ?? { row: 1, col: 1 };
  const headerRow = record.headerRows[0]!;
  const row = snapshot.values[headerRow - origin.row] ?? [];
  const below = record.headerRows[record.headerRows.length - 1]! + 1;
  const out: LocatedColumn[] = [];
  const taken = new Set<number>();
  for (const want of record.columns) {
    let best = -1;
    row.forEach((v, j) => {
      const col = origin.col + j;
      if (typeof v !== 'string' || v.trim() !== want.header || taken.has(col)) return;
      if (best < 0 || Math.abs(col - want.col) < Math.abs(best - want.col)) best = col;
    });
    if (best < 0) continue;
    taken.add(best);
    out.push({ col: best, header: want.header, empty: columnEmptyFrom(snapshot, best, below) });
  }
  return out;
}

function columnEmptyFrom(snapshot: SheetSnapshot, col: number, fromRow: number): boolean {
  const origin = snapshot.origin ?? { row: 1, col: 1 };
  const j = col - origin.col;
  for (let i = Math.max(0, fromRow - origin.row); i < snapshot.values.length; i++) {
    const v = snapshot.values[i]?.[j];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}
