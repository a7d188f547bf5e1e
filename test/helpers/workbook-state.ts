// Everything of a workbook that an officer could lose, as plain comparable data (read with ExcelJS).
import ExcelJS from 'exceljs';

export interface CellState {
  type: number;
  value: unknown;
  formula: string | undefined;
  result: unknown;
  style: unknown;
}

export interface SheetState {
  name: string;
  state: string;
  /** Every cell that exists with a value or a style, by address. */
  cells: Map<string, CellState>;
  merges: string[];
  /** Conditional formats as JSON strings (order kept). */
  conditional: string[];
  validations: string;
  columns: { number: number; width: number | undefined; hidden: boolean }[];
  views: string;
}

const isEmptyStyle = (s: unknown) => !s || Object.keys(s as object).length === 0;

function plain(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v, (_k, x) => (x instanceof Date ? `Date(${x.toISOString()})` : x)));
}

export function sheetState(ws: ExcelJS.Worksheet): SheetState {
  const cells = new Map<string, CellState>();
  // findRow / findCell never create anything (eachRow / eachCell with includeEmpty would, with the
  // row's style, and so invent styled cells).
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (!cell || (cell.type === ExcelJS.ValueType.Null && isEmptyStyle(cell.style))) continue; // as good as absent
      const f = cell.type === ExcelJS.ValueType.Formula ? cell.formula : undefined;
      cells.set(cell.address, {
        type: cell.type,
        value: plain(cell.value),
        formula: f,
        result: f === undefined ? undefined : plain(cell.result),
        style: plain(isEmptyStyle(cell.style) ? {} : cell.style),
      });
    }
  }
  const model = ws.model as unknown as { merges?: string[] };
  const cf = (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
  return {
    name: ws.name,
    state: ws.state,
    cells,
    merges: [...(model.merges ?? [])].sort(),
    conditional: cf.map((c) => JSON.stringify(c)),
    validations: JSON.stringify((ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model),
    columns: (ws.columns ?? []).map((c) => ({ number: c.number ?? 0, width: c.width, hidden: !!c.hidden })),
    views: JSON.stringify(ws.views),
  };
}

export async function workbookState(file: string): Promise<{ sheets: SheetState[]; names: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { sheets: wb.worksheets.map(sheetState), names: JSON.stringify((wb.definedNames as unknown as { model: unknown }).model) };
}

/** Columns (1-based) whose header cell, anywhere in the first 60 rows, is one of parscore's. */
export function parscoreColumns(s: SheetState): number[] {
  const cols = new Set<number>();
  for (const [addr, c] of s.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    if (Number(m[2]) <= 60 && typeof c.value === 'string' && /^parscore:/.test(c.value)) cols.add(colNumber(m[1]!));
  }
  return [...cols].sort((a, b) => a - b);
}

export function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function colOf(address: string): number {
  return colNumber(/^[A-Z]+/.exec(address)![0]);
}
