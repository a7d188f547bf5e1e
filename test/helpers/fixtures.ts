// Loading the real fixture workbooks as snapshots, the way the CLI does.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { snapshotOf } from '../../xlsx/read';
import type { SheetSnapshot } from '../../model';

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const LAOCAI = path.join(FIXTURES, 'laocai-221-2019-par-index.xlsx');
export const VINHPHUC = path.join(FIXTURES, 'vinhphuc-232-2022-papi.xlsx');
export const HAGIANG = path.join(FIXTURES, 'hagiang-2023-papi-city.xlsx');
export const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'laocai-2019-tu-danh-gia.xlsx');

const cache = new Map<string, SheetSnapshot>();

export async function loadSnapshot(file: string): Promise<SheetSnapshot> {
  const hit = cache.get(file);
  if (hit) return structuredClone(hit);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const snap = snapshotOf(wb.worksheets[0]!);
  cache.set(file, snap);
  return structuredClone(snap);
}

/** Set a cell (1-based Excel row/col) in a snapshot, growing it as needed. */
export function setCell(s: SheetSnapshot, row: number, col: number, value: unknown): void {
  while (s.values.length < row) s.values.push([]);
  const r = s.values[row - 1]!;
  while (r.length < col) r.push(null);
  r[col - 1] = value;
}

export function getCell(s: SheetSnapshot, row: number, col: number): unknown {
  return s.values[row - 1]?.[col - 1] ?? null;
}
