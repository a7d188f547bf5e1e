// What parscore remembers in the workbook (Excel workbook settings, saved with the file), so a
// re-run or "clear" removes exactly what parscore added and nothing of the officer's. Pure.
import { isOwnHeader } from '../../model';
import type { SheetSnapshot } from '../../model';

// Shared with the CLI and the browser checker (model/sheet-names.ts); imported from here by the adapter.
export { planSummarySheets, sameSheetName } from '../../model/sheet-names';

export const STATE_KEY = 'parscore.state';

/** Where the two inline-marks columns of one appendix sheet are, found again by header text. */
export interface MarksRecord {
  headerRow: number;
  statusHeader: string;
  codesHeader: string;
  /** 1-based columns when written (a hint: the header text wins if columns moved). */
  statusCol: number;
  codesCol: number;
}

/**
 * Self-assessment columns parscore added beside one appendix table ("Thêm cột tự đánh giá").
 * They become the officer's as soon as any cell below their header is filled: "clear" removes
 * them only while they are still empty.
 */
export interface AddedColumnsRecord {
  /** 1-based header rows the headers were written to (merged vertically when several). */
  headerRows: number[];
  firstRow: number;
  lastRow: number;
  /** 1-based columns when written (a hint: the header text wins if columns moved). */
  columns: { col: number; header: string }[];
}

export interface ParscoreState {
  v: 1;
  /** Summary sheets parscore created (only these are ever deleted). */
  summarySheets: string[];
  /** Inline marks per appendix sheet name. */
  marks: Record<string, MarksRecord>;
  /** Self-assessment columns added per appendix sheet name (absent in older states). */
  added?: Record<string, AddedColumnsRecord>;
}

export function emptyState(): ParscoreState {
  return { v: 1, summarySheets: [], marks: {} };
}

/** Tolerant read of the stored setting (a JSON string); anything unexpected → empty state. */
export function parseState(raw: unknown): ParscoreState {
  let v: unknown = raw;
  if (typeof raw === 'string') {
    try {
      v = JSON.parse(raw);
    } catch {
      return emptyState();
    }
  }
  if (!v || typeof v !== 'object') return emptyState();
  const o = v as Record<string, unknown>;
  const state = emptyState();
  if (Array.isArray(o.summarySheets)) {
    state.summarySheets = o.summarySheets.filter((s): s is string => typeof s === 'string');
  }
  if (o.marks && typeof o.marks === 'object') {
    for (const [sheet, m] of Object.entries(o.marks as Record<string, unknown>)) {
      if (!m || typeof m !== 'object') continue;
      const r = m as Record<string, unknown>;
      if (
        typeof r.headerRow === 'number' &&
        typeof r.statusHeader === 'string' &&
        typeof r.codesHeader === 'string' &&
        typeof r.statusCol === 'number' &&
        typeof r.codesCol === 'number'
      ) {
        state.marks[sheet] = {
          headerRow: r.headerRow,
          statusHeader: r.statusHeader,
          codesHeader: r.codesHeader,
          statusCol: r.statusCol,
          codesCol: r.codesCol,
        };
      }
    }
  }
  if (o.added && typeof o.added === 'object') {
    for (const [sheet, m] of Object.entries(o.added as Record<string, unknown>)) {
      const rec = parseAddedRecord(m);
      if (rec) (state.added ??= {})[sheet] = rec;
    }
  }
  return state;
}

function parseAddedRecord(m: unknown): AddedColumnsRecord | null {
  if (!m || typeof m !== 'object') return null;
  const r = m as Record<string, unknown>;
  const int = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;
  if (!Array.isArray(r.headerRows) || !r.headerRows.length || !r.headerRows.every(int)) return null;
  if (!int(r.firstRow) || !int(r.lastRow) || !Array.isArray(r.columns)) return null;
  const columns = r.columns.filter(
    (c): c is { col: number; header: string } =>
      !!c && typeof c === 'object' && int((c as { col?: unknown }).col) && typeof (c as { header?: unknown }).header === 'string',
  );
  if (!columns.length) return null;
  return {
    headerRows: r.headerRows.slice(),
    firstRow: r.firstRow,
    lastRow: r.lastRow,
    columns: columns.map((c) => ({ col: c.col, header: c.header })),
  };
}

export function serializeState(s: ParscoreState): string {
  return JSON.stringify(s);
}

/** The 1-based columns holding parscore's status/codes headers in the sheet, if any. */
export function locateOwnColumns(
  snapshot: SheetSnapshot,
  record: MarksRecord | undefined,
): { headerRow: number; cols: number[] } | null {
  const origin = snapshot.origin ?? { row: 1, col: 1 };
  const wanted = new Set([record?.statusHeader, record?.codesHeader].filter((s): s is string => !!s));
  const matches = (v: unknown) => typeof v === 'string' && (wanted.has(v.trim()) || isOwnHeader(v));
  // Look at the recorded header row first, then at the top of the sheet (header blocks are short).
  const rows: number[] = [];
  if (record) rows.push(record.headerRow - origin.row);
  for (let i = 0; i < Math.min(40, snapshot.values.length); i++) rows.push(i);
  for (const i of rows) {
    const row = snapshot.values[i];
    if (!row) continue;
    const cols: number[] = [];
    row.forEach((v, j) => {
      if (matches(v)) cols.push(origin.col + j);
    });
    if (cols.length) return { headerRow: origin.row + i, cols };
  }
  return null;
}
