// Types of office-stub.js for the Node tests that drive adapter functions over it.
export interface StubSheetSpec {
  name: string;
  values: unknown[][];
  merges: { top: number; left: number; bottom: number; right: number }[];
  origin?: { row: number; col: number };
  /** Formula cells (1-based); the cell's value stays the one in `values` (e.g. "" for an empty result). */
  formulas?: { row: number; col: number; formula: string }[];
  /** Cell notes (ExcelApi 1.18) and threaded comments already in the sheet (1-based cells). */
  notes?: { row: number; col: number; content: string }[];
  comments?: { row: number; col: number; content: string }[];
}

export interface StubBookSpec {
  sheets: StubSheetSpec[];
  active?: string;
  /** Requirement sets reported unsupported (e.g. "CustomFunctionsRuntime"). */
  unsupported?: string[];
  /** Highest ExcelApi version reported (default 1.17). */
  maxExcelApi?: string;
  docSettings?: Record<string, unknown>;
}

export interface StubLogEntry {
  op: string;
  sheet?: string;
  /** A1 address of the range written ("K5:N5", "K:K"). */
  address?: string;
  key?: string;
  value?: unknown;
}

export interface StubBook {
  active: string | null;
  selected: { sheet: string; address: string } | null;
  settings: Record<string, unknown>;
  docSettings: Record<string, unknown>;
  log: StubLogEntry[];
  syncs: number;
  runs: number;
  unsynced: number;
  /** Cells whose values or formulas load() produced (each property counted). */
  cellsRead: number;
  sheets: { name: string }[];
}

export interface StubSheet {
  name: string;
  values: unknown[][];
  origin: { row: number; col: number };
  merges: { top: number; left: number; bottom: number; right: number }[];
  cfs: { type: string; range: string; formula: string; fill: string }[];
  validations: { address: string; rule?: unknown; errorAlert?: unknown; prompt?: unknown }[];
  tables: { address: string; hasHeaders: boolean; style: string | null }[];
  charts: { type: string; source: string; seriesBy: string; title: string; position: [string, string] | null }[];
  shapes: { name: string; type: string }[];
  slicers: { name: string }[];
  autoFilter: { address: string } | null;
  notes: { address: string; content: string }[];
}

/** What an officer may put on a sheet besides its cells (createExcelStub(...).decorate). */
export interface StubExtras {
  shapes?: { name: string; type: string }[];
  slicers?: { name: string }[];
  autoFilter?: { address: string };
  validations?: { address: string; rule?: unknown }[];
  cfs?: { type: string; range: string; formula: string; fill: string }[];
}

export interface ExcelStub {
  Excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  Office: unknown;
  book: StubBook;
  associated: Record<string, Function>;
  context(): Excel.RequestContext;
  sheet(name: string): StubSheet | null;
  addOfficerSheet(name: string, formulas: Record<string, string>): void;
  formulasOf(name: string): Record<string, string> | null;
  decorate(name: string, extras: StubExtras): void;
}

export function createExcelStub(spec: StubBookSpec): ExcelStub;
export function parseAddress(address: string): { top: number; left: number; bottom: number; right: number };
export function addressOf(box: { top: number; left: number; bottom: number; right: number }): string;
