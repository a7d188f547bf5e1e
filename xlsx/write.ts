// Writes parscore's marks and summary sheets into an ExcelJS workbook, and removes them again.
import ExcelJS from 'exceljs';
import { isOwnHeader, isOwnSummarySheet, isSummarySheetName, ownSummarySheets, quotedSheetName, sheetOfReference, SUMMARY_MARKER_PREFIX, summaryMarkerReference, type InlineMarks, type SummaryTable } from '../model';

/** A highlight rule's formula as parscore writes it (model/marks.ts): how clear tells its rules from the officer's. */
export const OWN_RULE = /SEARCH\("[a-z-]+@[A-Z]{1,3}",\$[A-Z]{1,3}\d+\)/;
/** The look of parscore's header cells and status text (cli/patch writes the same). */
export const HEADER_FILL_ARGB = 'FFE7E6F7';
export const STATUS_FONT_ARGB = 'FF9C0006';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_ARGB } };

/**
 * How the CLI and the browser checker save: deflate level 1 instead of JSZip's default 6 — the
 * compressor runs in JavaScript and level 1 saves about a third of the write time for a file
 * about a third larger (a real appendix: 26 KB instead of 22 KB).
 */
export const WRITE_OPTIONS: Partial<ExcelJS.XlsxWriteOptions> = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } };

/** Remove everything parscore added: its sheets, its two columns, its conditional formats. */
export function clearMarks(wb: ExcelJS.Workbook): { sheets: number; columns: number; rules: number } {
  let sheets = 0;
  let columns = 0;
  let rules = 0;
  const own = new Set(ownSummaries(wb));
  // Every record of a summary goes (the sheets they name are removed below or are no longer
  // parscore's); writeTable records the new ones.
  for (const m of summaryMarkers(wb)) {
    try {
      wb.definedNames.remove(m.range, m.name);
    } catch {
      // A reference ExcelJS cannot decode ("#REF!…"): not written back either.
    }
  }
  for (const ws of [...wb.worksheets]) {
    if (own.has(ws.name)) {
      wb.removeWorksheet(ws.id);
      sheets++;
      continue;
    }
    for (const col of ownColumns(ws)) {
      const c = ws.getColumn(col);
      c.eachCell({ includeEmpty: false }, (cell) => {
        cell.value = null;
        cell.style = {};
      });
      c.hidden = false;
      c.width = undefined as unknown as number;
      columns++;
    }
    const cf = conditionalFormattings(ws);
    for (let i = cf.length - 1; i >= 0; i--) {
      if (isOwnRule(cf[i]!)) {
        cf.splice(i, 1);
        rules++;
      }
    }
  }
  return { sheets, columns, rules };
}

type ConditionalFormatting = { ref: string; rules: { formulae?: string[] }[] };

function conditionalFormattings(ws: ExcelJS.Worksheet): ConditionalFormatting[] {
  const cf = (ws as unknown as { conditionalFormattings?: ConditionalFormatting[] }).conditionalFormattings;
  return Array.isArray(cf) ? cf : [];
}

function isOwnRule(entry: ConditionalFormatting): boolean {
  return entry.rules.every((r) => (r.formulae ?? []).some((f) => OWN_RULE.test(f)));
}

/** True when the workbook holds anything parscore added (clearMarks would remove something). */
export function hasOwnMarks(wb: ExcelJS.Workbook): boolean {
  return ownSummaries(wb).length > 0 || wb.worksheets.some((ws) => ownColumns(ws).length > 0 || conditionalFormattings(ws).some(isOwnRule));
}

/** What clearMarks would remove, by name: parscore's summary sheets and, per other sheet, its two columns (for cli/patch). */
export function ownParts(wb: ExcelJS.Workbook): { sheets: string[]; columns: Map<string, number[]> } {
  const sheets = ownSummaries(wb);
  const columns = new Map<string, number[]>();
  for (const ws of wb.worksheets) {
    if (sheets.includes(ws.name)) continue;
    const cols = ownColumns(ws);
    if (cols.length) columns.set(ws.name, cols);
  }
  return { sheets, columns };
}

/** The workbook's summary sheets that are parscore's (model/sheet-names.ts ownSummarySheets). */
function ownSummaries(wb: ExcelJS.Workbook): string[] {
  const recorded = summaryMarkers(wb).map((m) => sheetOfReference(m.range));
  return ownSummarySheets(
    wb.worksheets.map((ws) => ({ name: ws.name, layout: hasSummaryLayout(ws) })),
    recorded.filter((n): n is string => n !== null),
  );
}

/** parscore's records of the sheets it wrote summaries to: defined names parscore_summary_<key>, each a reference to A1. */
function summaryMarkers(wb: ExcelJS.Workbook): { name: string; range: string }[] {
  return wb.definedNames.model.filter((d) => d.name.startsWith(SUMMARY_MARKER_PREFIX)).flatMap((d) => d.ranges.map((range) => ({ name: d.name, range })));
}

/** A summary's name and parscore's layout (title in A1, header in row 3). */
function hasSummaryLayout(ws: ExcelJS.Worksheet): boolean {
  if (!isSummarySheetName(ws.name)) return false; // most sheets: no cells read
  // Row 1 and 3 as far as the widest header (14 cells); findRow/findCell: getRow/getCell would add
  // empty cells to the officer's sheet.
  const row = (r: number) => Array.from({ length: 14 }, (_, j) => plainText(ws.findRow(r)?.findCell(j + 1)?.value));
  return isOwnSummarySheet(ws.name, [row(1), [], row(3)]);
}

/** A cell's text as the engine sees it: rich text joined, anything not text as null. */
function plainText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  const rich = (v as { richText?: { text?: unknown }[] } | null)?.richText;
  return Array.isArray(rich) ? rich.map((r) => (typeof r?.text === 'string' ? r.text : '')).join('') : null;
}

/** Columns whose header (in the first 60 rows) is one of parscore's. */
export function ownColumns(ws: ExcelJS.Worksheet): number[] {
  const out = new Set<number>();
  const last = Math.min(ws.rowCount, 60);
  for (let r = 1; r <= last; r++) {
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      if (typeof cell.value === 'string' && isOwnHeader(cell.value)) out.add(c);
    });
  }
  return [...out].sort((a, b) => a - b);
}

export function writeMarks(ws: ExcelJS.Worksheet, m: InlineMarks): void {
  const head = ws.getCell(m.headerRow, m.statusCol);
  head.value = m.statusHeader;
  const codes = ws.getCell(m.headerRow, m.codesCol);
  codes.value = m.codesHeader;
  // Whole styles, fresh objects per cell: a new cell inherits its row's style, so merging into it
  // would make a second run (which starts from cleared, unstyled cells) write something else.
  for (const c of [head, codes]) {
    c.style = { font: { bold: true }, fill: { ...HEADER_FILL }, alignment: { wrapText: true, vertical: 'middle' } };
  }
  for (let k = 0; k < m.status.length; k++) {
    const r = m.firstRow + k;
    if (m.status[k]) {
      const cell = ws.getCell(r, m.statusCol);
      cell.value = m.status[k]!; // strings are written as text, never as formulas
      cell.style = { alignment: { wrapText: true, vertical: 'top' }, font: { color: { argb: STATUS_FONT_ARGB } } };
    }
    if (m.codes[k]) {
      const cell = ws.getCell(r, m.codesCol);
      cell.value = m.codes[k]!;
      cell.style = {};
    }
  }
  ws.getColumn(m.statusCol).width = 48;
  ws.getColumn(m.codesCol).hidden = true;
  // After the officer's rules (priorities stay unique, as Excel keeps them).
  const existing = (ws as unknown as { conditionalFormattings?: { rules: { priority?: number }[] }[] }).conditionalFormattings ?? [];
  let priority = 1;
  for (const cf of existing) for (const r of cf.rules) if (typeof r.priority === 'number' && r.priority >= priority) priority = r.priority + 1;
  for (const rule of m.rules) {
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          priority: priority++,
          formulae: [rule.formula],
          style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: rule.color } } },
        },
      ],
    });
  }
}

/** A new sheet holding the table, named t.sheetName (free: see additionsOf in score-workbook.ts). */
export function writeTable(wb: ExcelJS.Workbook, t: SummaryTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(t.sheetName);
  wb.definedNames.add(summaryMarkerReference(t.sheetName), `${SUMMARY_MARKER_PREFIX}${t.key}`);
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 13 };
  if (t.note) ws.getCell(2, 1).value = t.note;
  const header = ws.getRow(3);
  t.header.forEach((h, j) => {
    const c = header.getCell(j + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  t.rows.forEach((row, i) => {
    const r = ws.getRow(4 + i);
    row.forEach((v, j) => {
      if (v === '') return; // an empty cell (the totals row's code column), as cli/patch writes it
      const c = r.getCell(j + 1);
      c.value = v;
      const fmt = t.numberFormats[j];
      if (fmt && typeof v === 'number') c.numFmt = fmt;
      else if (typeof v === 'string' && v.length > 40) c.alignment = { wrapText: true, vertical: 'top' };
    });
    const link = t.links[i];
    // Internal hyperlinks as a formula: ExcelJS writes {hyperlink:'#…'} as a broken external link.
    if (link) r.getCell(2).value = { formula: linkFormula(link), result: link.address };
    if (i === t.totalRow) r.font = { bold: true };
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  // Officers print these: landscape, one page wide, header row repeated on every page.
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' };
  if (t.rows.length) ws.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3 + t.rows.length, column: t.header.length } };
  summaryColumnWidths(t).forEach((w, j) => {
    ws.getColumn(j + 1).width = w;
  });
  return ws;
}

/** HYPERLINK formula (without "=") from a summary row to its cell in the appendix. */
export function linkFormula(link: { sheet: string; address: string }): string {
  const target = `${quotedSheetName(link.sheet)}!${link.address}`;
  return `HYPERLINK("#${target.replace(/"/g, '""')}","${link.address}")`;
}

/** Column widths of a summary sheet: its longest text (first 500 rows) + 2, within 8…60. */
export function summaryColumnWidths(t: SummaryTable): number[] {
  return t.header.map((h, j) => {
    const longest = Math.max(h.length, ...t.rows.slice(0, 500).map((r) => String(r[j] ?? '').length));
    return Math.min(60, Math.max(8, longest + 2));
  });
}
