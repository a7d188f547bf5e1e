// Office.js adapter, write side. Every function only QUEUES requests; BatchBudget decides when
// to sync (once per command unless a batch would pass ~4 MB). No reads, no loops over sync.
import type { InlineMarks, SummaryTable } from '../../model';
import { columnLetter } from '../../model/text';
import { blockAddress } from './a1';
import { argbToHex, cfFormula, marksBlock, TEXT_FORMAT, type SheetLayout } from './layout';
import { BatchBudget, chunkRows, rowBytes } from './payload';
import type { SummaryContents } from './ownership';
import type { Supports } from './snapshot';
import { serializeState, STATE_KEY, type ParscoreState } from './state';

/** Bytes reserved for a small request (format, delete, one cell). */
export const SMALL_OP = 256;
const HEADER_FILL = '#DDEBF7';
const MARKS_FILL = '#F2F2F2';

export interface Writer {
  context: Excel.RequestContext;
  budget: BatchBudget;
  supports: Supports;
}

/**
 * Writes a 2-D block from (row, col), 1-based, as one assignment per ~4 MB chunk; number
 * formats go first so text stays text. `formulas` blocks have no formats.
 */
async function writeBlock(
  w: Writer,
  sheet: Excel.Worksheet,
  row: number,
  col: number,
  values: readonly (readonly (string | number | boolean)[])[],
  formats: readonly (readonly string[])[] | null,
  as: 'values' | 'formulas' = 'values',
): Promise<void> {
  const width = values[0]?.length ?? 0;
  if (values.length === 0 || width === 0) return;
  for (const chunk of chunkRows(values, w.budget.maxBytes, (i) => (formats ? rowBytes(formats[i] ?? []) : 0))) {
    await w.budget.reserve(chunk.bytes);
    const range = sheet.getRange(blockAddress(row + chunk.start, col, chunk.end - chunk.start, width));
    if (formats) range.numberFormat = formats.slice(chunk.start, chunk.end) as string[][];
    const part = values.slice(chunk.start, chunk.end) as (string | number | boolean)[][];
    if (as === 'formulas') range.formulas = part;
    else range.values = part;
  }
}

/** Deletes worksheets by name (the caller checked they exist and are parscore's). */
export async function queueDeleteSheets(w: Writer, names: readonly string[]): Promise<void> {
  for (const name of names) {
    await w.budget.reserve(SMALL_OP);
    w.context.workbook.worksheets.getItem(name).delete();
  }
}

/**
 * Deletes the CLI's records of its summary sheets (ExcelApi 1.4): the add-in records its own in
 * its state, and a record outliving its sheet would read "#REF!" in the Name Manager.
 */
export async function queueDeleteNames(w: Writer, names: readonly Excel.NamedItem[]): Promise<void> {
  if (!w.supports('ExcelApi', '1.4')) return;
  for (const n of names) {
    await w.budget.reserve(SMALL_OP);
    n.delete();
  }
}

/**
 * The traces queued around each summary sheet's add: a failing add names itself in the error's
 * traceMessages (its "add" is the last of them), and a failure after it shows the add went through.
 */
export const ADD_SHEET_TRACE = 'parscore add sheet: ';
export const SHEET_ADDED_TRACE = 'parscore sheet added';

/** Adds a worksheet and writes a laid-out summary table into it. */
export async function queueSummarySheet(w: Writer, name: string, layout: SheetLayout, chart?: SummaryTable['chart']): Promise<Excel.Worksheet> {
  await w.budget.reserve(SMALL_OP);
  // context.trace: OfficeExtension's own way to tell which queued operation failed (a chart sheet
  // of this name, which Office.js does not list, fails the add: see scoreAndSummarise).
  const traced = typeof w.context.trace === 'function';
  if (traced) w.context.trace(`${ADD_SHEET_TRACE}${name}`);
  const sheet = w.context.workbook.worksheets.add(name);
  if (traced) w.context.trace(SHEET_ADDED_TRACE);
  await fillSummarySheet(w, sheet, layout, chart);
  return sheet;
}

/**
 * Writes a summary into parscore's own sheet of an earlier run, in place (see planSummarySheets:
 * the officer's formulas that refer to it keep working): its tables made plain ranges (Excel
 * rewrites a formula's structured reference, "Bảng3[Điểm]", into the cells' address, where
 * deleting the table would make it #REF!; their filters cleared first, so no row stays hidden),
 * its slicers, charts, pictures and shapes deleted and its sheet filter removed, every cell
 * cleared (values, formats, links, validation, conditional formats), hidden rows and columns
 * shown, column widths, row heights and frozen panes back to a new sheet's, then the same writes
 * as a new sheet and its rows fitted to the wrapped text. Its tab (place, colour) stays as the
 * officer left it; its name (`old.name`, as the workbook spells it) becomes the summary's where it
 * differs. Only on ExcelApi 1.3 and later, where the caller can tell the sheet may be cleared
 * (ownership.ts SummaryContents.blocked); what needs more (conditional formats 1.6, widths 1.7,
 * validation 1.8, shapes and the filter 1.9, slicers 1.10, read in the same sync) is done where
 * the host has it.
 */
export async function queueRewriteSummarySheet(
  w: Writer,
  old: Pick<SummaryContents, 'sheet' | 'tables' | 'charts' | 'shapes' | 'autoFilter' | 'slicers'> & { name: string },
  name: string,
  layout: SheetLayout,
  chart?: SummaryTable['chart'],
): Promise<Excel.Worksheet> {
  const sheet = old.sheet;
  await w.budget.reserve(SMALL_OP * (11 + 2 * old.tables.length + old.charts.length + old.shapes.length + old.slicers.length));
  // Before its tables: a slicer filters one, and is of no use once the table is a plain range.
  for (const s of old.slicers) s.delete();
  for (const t of old.tables) {
    t.clearFilters();
    t.convertToRange();
  }
  for (const c of old.charts) c.delete();
  for (const s of old.shapes) s.delete();
  // Its filter would stay on the rows written next, their buttons over the header (1.9).
  old.autoFilter?.remove();
  const all = sheet.getRange();
  all.clear('All');
  // "Clears everything" is not documented to take a cell's validation (a drop-down of the
  // officer's on a cell parscore writes) or conditional formats: removed by name where the host can.
  if (w.supports('ExcelApi', '1.8')) all.dataValidation.clear();
  if (w.supports('ExcelApi', '1.6')) all.conditionalFormats.clearAll();
  all.rowHidden = false;
  all.columnHidden = false;
  if (w.supports('ExcelApi', '1.7')) {
    all.format.useStandardWidth = true;
    all.format.useStandardHeight = true;
    sheet.freezePanes.unfreeze();
  }
  if (old.name !== name) sheet.name = name;
  await fillSummarySheet(w, sheet, layout, chart);
  if (layout.values.length && layout.width) {
    sheet.getRange(blockAddress(1, 1, layout.values.length, layout.width)).format.autofitRows();
  }
  return sheet;
}

async function fillSummarySheet(w: Writer, sheet: Excel.Worksheet, layout: SheetLayout, chart?: SummaryTable['chart']): Promise<void> {
  await writeBlock(w, sheet, 1, 1, layout.values, layout.numberFormats);

  await w.budget.reserve(SMALL_OP * (6 + layout.width));
  const title = sheet.getRange('A1');
  title.format.font.bold = true;
  title.format.font.size = 13;
  sheet.getRange('A2').format.font.italic = true;
  const header = sheet.getRange(blockAddress(layout.headerRow + 1, 1, 1, layout.width));
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.wrapText = true;
  const dataRows = layout.values.length - layout.firstDataRow;
  if (dataRows > 0) {
    const data = sheet.getRange(blockAddress(layout.firstDataRow + 1, 1, dataRows, layout.width));
    data.format.wrapText = true;
    data.format.verticalAlignment = 'Top';
  }
  if (layout.totalRow >= 0) {
    sheet.getRange(blockAddress(layout.totalRow + 1, 1, 1, layout.width)).format.font.bold = true;
  }
  layout.columnWidths.forEach((pt, c) => {
    const letter = columnLetter(c + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = pt;
  });
  if (w.supports('ExcelApi', '1.7')) sheet.freezePanes.freezeRows(layout.headerRow + 1);
  await queueTableAndChart(w, sheet, layout, chart);
  for (const run of layout.linkRuns) await writeBlock(w, sheet, run.row + 1, run.col + 1, run.formulas, null, 'formulas');
}

/**
 * The rows as an Excel table (sorting, filtering, banded rows; the totals row stays below it)
 * and, for the points summary, a clustered column chart of max / claimed / accepted per field.
 * Both live on parscore's own sheet, so deleting the sheet removes them.
 */
async function queueTableAndChart(w: Writer, sheet: Excel.Worksheet, layout: SheetLayout, chart?: SummaryTable['chart']): Promise<void> {
  const last = layout.totalRow >= 0 ? layout.totalRow - 1 : layout.values.length - 1;
  if (last < layout.firstDataRow) return;
  await w.budget.reserve(SMALL_OP * 2);
  const table = sheet.tables.add(blockAddress(layout.headerRow + 1, 1, last - layout.headerRow + 1, layout.width), true);
  table.style = 'TableStyleLight9';
  if (!chart || !chart.seriesCols.length) return;
  const first = Math.min(chart.categoryCol, ...chart.seriesCols);
  const width = Math.max(chart.categoryCol, ...chart.seriesCols) - first + 1;
  await w.budget.reserve(SMALL_OP * 4);
  const source = sheet.getRange(blockAddress(layout.headerRow + 1, first + 1, last - layout.headerRow + 1, width));
  const c = sheet.charts.add('ColumnClustered', source, 'Columns');
  c.title.text = chart.title;
  const top = layout.values.length + 2; // below the totals row, never over the table
  c.setPosition(blockAddress(top + 1, 2, 1, 1), blockAddress(top + 20, 8, 1, 1));
}

/** Clears (contents and formats) parscore's columns from their header row to lastRow. */
export async function queueClearColumns(
  w: Writer,
  sheet: Excel.Worksheet,
  cols: readonly number[],
  fromRow: number,
  lastRow: number,
): Promise<void> {
  for (const col of cols) {
    await w.budget.reserve(SMALL_OP);
    sheet.getRange(blockAddress(fromRow, col, Math.max(1, lastRow - fromRow + 1), 1)).clear('All');
  }
}

/** Deletes loaded conditional formats (the caller picked parscore's by their formula). */
export async function queueDeleteConditionalFormats(w: Writer, formats: readonly Excel.ConditionalFormat[]): Promise<void> {
  for (const cf of formats) {
    await w.budget.reserve(SMALL_OP);
    cf.delete();
  }
}

/** Writes the status/codes columns and the highlight rules (rules need ExcelApi 1.6). */
export async function queueInlineMarks(w: Writer, sheet: Excel.Worksheet, m: InlineMarks): Promise<void> {
  await w.budget.reserve(SMALL_OP * 4);
  const head = sheet.getRange(blockAddress(m.headerRow, m.statusCol, 1, 2));
  head.numberFormat = [[TEXT_FORMAT, TEXT_FORMAT]];
  head.values = [[m.statusHeader, m.codesHeader]];
  head.format.font.bold = true;
  head.format.fill.color = MARKS_FILL;
  head.format.wrapText = true;

  const block = marksBlock(m);
  await writeBlock(w, sheet, m.firstRow, m.statusCol, block.values, block.numberFormats);

  await w.budget.reserve(SMALL_OP * 4);
  const statusLetter = columnLetter(m.statusCol);
  const codesLetter = columnLetter(m.codesCol);
  sheet.getRange(`${statusLetter}:${statusLetter}`).format.columnWidth = 280;
  sheet.getRange(`${codesLetter}:${codesLetter}`).format.columnWidth = 120;
  if (block.values.length) {
    const data = sheet.getRange(blockAddress(m.firstRow, m.statusCol, block.values.length, 2));
    data.format.wrapText = true;
    data.format.verticalAlignment = 'Top';
    sheet.getRange(blockAddress(m.firstRow, m.codesCol, block.values.length, 1)).format.font.color = '#7F7F7F';
  }

  if (!w.supports('ExcelApi', '1.6')) return;
  for (const rule of m.rules) {
    await w.budget.reserve(SMALL_OP * 2);
    const cf = sheet.getRange(rule.range).conditionalFormats.add('Custom');
    cf.custom.rule.formula = cfFormula(rule.formula);
    cf.custom.format.fill.color = argbToHex(rule.color);
  }
}

/** Stores parscore's state in the workbook settings (ExcelApi 1.4). */
export async function queueSaveState(w: Writer, state: ParscoreState): Promise<void> {
  if (!w.supports('ExcelApi', '1.4')) return;
  const json = serializeState(state);
  await w.budget.reserve(json.length + SMALL_OP);
  w.context.workbook.settings.add(STATE_KEY, json);
}
