// What parscore writes, as plain grids: a summary sheet and the two inline-marks columns.
// Pure (no Office.js): write.ts only copies these arrays into ranges.
import type { InlineMarks, Lang, SummaryTable } from '../../model';
import { quoteSheetName } from './a1';

export type CellScalar = string | number | boolean;

/** Text format: strings stay text ("1.10" stays a code, "=…" never becomes a formula). */
export const TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

export const PROVENANCE: Record<Lang, string> = {
  vi: 'Trang do parscore tạo; chạy lại "Chấm điểm & tổng hợp" sẽ ghi đè trang này.',
  en: 'Sheet written by parscore; running "Score & summarise" again overwrites it.',
};

export interface SheetLayout {
  /** Full grid from A1: title, provenance line, header, data rows. */
  values: CellScalar[][];
  numberFormats: string[][];
  width: number;
  /** 0-based row indexes inside values. */
  headerRow: number;
  firstDataRow: number;
  totalRow: number;
  /** Column widths in points (estimated from text length, so no read-back sync is needed). */
  columnWidths: number[];
  /**
   * Links to appendix cells as HYPERLINK formulas, grouped in vertical runs so each run is one
   * `formulas` assignment (0-based top-left cell in values).
   */
  linkRuns: { row: number; col: number; formulas: string[][] }[];
}

export function layoutSummaryTable(t: SummaryTable, lang: Lang): SheetLayout {
  const width = Math.max(1, t.header.length, ...t.rows.map((r) => r.length));
  const pad = (cells: readonly (string | number | null)[]): CellScalar[] => {
    const out: CellScalar[] = [];
    for (let c = 0; c < width; c++) out.push(scalar(cells[c]));
    return out;
  };
  const headerRow = 2;
  const values: CellScalar[][] = [pad([t.title]), pad([t.note ? `${PROVENANCE[lang]} ${t.note}.` : PROVENANCE[lang]]), pad(t.header), ...t.rows.map(pad)];
  const numberFormats = values.map((row, r) =>
    row.map((v, c) => {
      if (typeof v === 'string') return TEXT_FORMAT;
      if (r > headerRow && typeof v === 'number') return t.numberFormats[c] ?? GENERAL_FORMAT;
      return GENERAL_FORMAT;
    }),
  );
  const links: { row: number; col: number; formula: string }[] = [];
  t.links.forEach((link, i) => {
    if (!link) return;
    const row = headerRow + 1 + i;
    const cells = values[row];
    if (!cells) return;
    const col = Math.max(0, cells.findIndex((v) => v === link.address));
    // General, not text: a text-formatted cell would show the formula instead of the link.
    numberFormats[row]![col] = GENERAL_FORMAT;
    links.push({ row, col, formula: hyperlinkFormula(`${quoteSheetName(link.sheet)}!${link.address}`, String(cells[col] ?? link.address)) });
  });
  return {
    values,
    numberFormats,
    width,
    headerRow,
    firstDataRow: headerRow + 1,
    totalRow: t.totalRow >= 0 ? headerRow + 1 + t.totalRow : -1,
    columnWidths: estimateColumnWidths(values.slice(headerRow), width),
    linkRuns: linkRuns(links),
  };
}

/** In-workbook link: =HYPERLINK("#'Sheet'!B7","B7") (works on desktop and on the web). */
export function hyperlinkFormula(reference: string, text: string): string {
  const q = (x: string) => `"${x.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${q(`#${reference}`)},${q(text)})`;
}

function linkRuns(links: readonly { row: number; col: number; formula: string }[]): SheetLayout['linkRuns'] {
  const runs: SheetLayout['linkRuns'] = [];
  const sorted = [...links].sort((a, b) => a.col - b.col || a.row - b.row);
  for (const l of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.col === l.col && last.row + last.formulas.length === l.row) last.formulas.push([l.formula]);
    else runs.push({ row: l.row, col: l.col, formulas: [[l.formula]] });
  }
  return runs;
}

function scalar(v: string | number | null | undefined): CellScalar {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  return v;
}

/** ~6 pt per character of the longest line, between 40 and 420 pt (long texts wrap). */
export function estimateColumnWidths(rows: readonly (readonly CellScalar[])[], width: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < width; c++) {
    let chars = 4;
    for (const r of rows) {
      const v = r[c];
      const s = typeof v === 'number' ? v.toFixed(2) : String(v ?? '');
      for (const line of s.split('\n')) chars = Math.max(chars, line.length);
    }
    out.push(Math.min(420, Math.max(40, Math.round(chars * 6 + 12))));
  }
  return out;
}

/** The inline marks as one two-column block (status, codes) from firstRow to lastRow. */
export function marksBlock(m: InlineMarks): { values: string[][]; numberFormats: string[][] } {
  const n = m.lastRow - m.firstRow + 1;
  const values: string[][] = [];
  for (let i = 0; i < n; i++) values.push([m.status[i] ?? '', m.codes[i] ?? '']);
  return { values, numberFormats: values.map(() => [TEXT_FORMAT, TEXT_FORMAT]) };
}

/** Excel CF formulas start with "=". */
export function cfFormula(formula: string): string {
  return formula.startsWith('=') ? formula : `=${formula}`;
}

/** "FFFFC7CE" (ARGB, as the model gives colours) → "#FFC7CE" (what Office.js takes). */
export function argbToHex(color: string): string {
  const hex = color.replace(/^#/, '');
  return `#${(hex.length === 8 ? hex.slice(2) : hex).toUpperCase()}`;
}
