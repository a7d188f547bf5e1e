// The appendix sheet's part with parscore's two columns added (status text, kind codes), their
// widths, and the highlight rules — every other byte of the officer's sheet stays as it was.
// The columns were placed by the model where nothing of the officer's is (free-column.ts), so a
// cell parscore writes is new, or at most an empty unstyled element, which it replaces.
import type { InlineMarks } from '../../model';
import { columnLetter, columnNumber } from '../../model/text';
import { HEADER_STYLE, type StylesPatch } from './styles';
import { attr, insertBefore, PatchUnsupported, topLevelChildren, withAttr, xmlText, xmlUnescape } from './xml';

/** An inline-string cell (no shared strings part to touch). */
export function textCell(ref: string, text: string, xf: number): string {
  return `<c r="${ref}"${xf ? ` s="${xf}"` : ''} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

// Worksheet children that come before conditionalFormatting (ECMA-376 CT_Worksheet order): the
// rules go after the last of these at the top level.
const BEFORE_CF = new Set([
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting',
]);

export function patchAppendixSheet(xml: string, m: InlineMarks, styles: StylesPatch): string {
  if (!/<worksheet[\s>]/.test(xml)) throw new PatchUnsupported('worksheet with a namespace prefix');
  const headXf = styles.xf(HEADER_STYLE);
  const statusXf = styles.xf({ font: 'status', wrap: true, vertical: 'top' });
  const cells = new Map<number, { col: number; xml: string }[]>();
  const put = (row: number, col: number, text: string, xf: number) => {
    let list = cells.get(row);
    if (!list) cells.set(row, (list = []));
    list.push({ col, xml: textCell(`${columnLetter(col)}${row}`, text, xf) });
  };
  put(m.headerRow, m.statusCol, m.statusHeader, headXf);
  put(m.headerRow, m.codesCol, m.codesHeader, headXf);
  for (let k = 0; k < m.status.length; k++) {
    if (m.status[k]) put(m.firstRow + k, m.statusCol, m.status[k]!, statusXf);
    if (m.codes[k]) put(m.firstRow + k, m.codesCol, m.codes[k]!, 0);
  }
  let out = patchSheetData(xml, cells);
  const cols = patchCols(out, [
    { col: m.statusCol, attrs: 'width="48" customWidth="1"' },
    { col: m.codesCol, attrs: 'width="9" hidden="1" customWidth="1"' },
  ]);
  out = patchDimension(cols.xml, Math.max(m.lastRow, m.headerRow), m.codesCol);
  if (m.rules.length) {
    // The worksheet's children after sheetData (scanning from there skips the rows' tags).
    const dataEnd = out.lastIndexOf('</sheetData>') + '</sheetData>'.length;
    const after = topLevelChildren(out, dataEnd).filter((c) => BEFORE_CF.has(c.name));
    const before = after.length ? after[after.length - 1]! : { end: dataEnd };
    let priority = 0;
    for (const p of out.slice(out.indexOf('</sheetData>')).matchAll(/\spriority\s*=\s*["'](\d+)["']/g)) priority = Math.max(priority, Number(p[1]));
    const rules = m.rules
      .map(
        (r) =>
          `<conditionalFormatting sqref="${xmlText(r.range)}"><cfRule type="expression" dxfId="${styles.dxf(r.color)}" priority="${++priority}"><formula>${xmlText(r.formula)}</formula></cfRule></conditionalFormatting>`,
      )
      .join('');
    out = out.slice(0, before.end) + rules + out.slice(before.end);
  }
  // A record left by an earlier score (its columns since removed by the add-in) describes nothing here now.
  const stale = colsRecord(out).ext;
  if (stale) out = withoutRecord(out, stale);
  return cols.cut.length ? withColsRecord(out, cols.cut) : out;
}

/** The sheet without parscore's record; its extLst goes too when nothing else is in it. */
export function withoutRecord(xml: string, ext: RegExpExecArray): string {
  const out = xml.slice(0, ext.index) + xml.slice(ext.index + ext[0].length);
  return out.replace(/<extLst>\s*<\/extLst>/, '');
}

/**
 * parscore's record of the officer's column ranges its two columns were cut from (a width, a
 * hidden column, a whole-sheet format), kept in the worksheet's extension list so `clear` puts
 * them back exactly. ISO/IEC 29500-1 §18.2.7: an extension a reader does not understand is kept
 * and written out again, and ignored otherwise.
 */
export const COLS_RECORD_URI = '{7D3F1A52-8C4B-4E0A-9B6D-5A2C1E7F0B39}';
const COLS_RECORD_NS = 'urn:parscore:cols';
const COLS_RECORD = new RegExp(`<ext\\s[^>]*uri="${COLS_RECORD_URI.replace(/[{}]/g, '\\$&')}"[^>]*>([\\s\\S]*?)</ext>`);

function withColsRecord(xml: string, cut: readonly string[]): string {
  const ext = `<ext uri="${COLS_RECORD_URI}" xmlns:ps="${COLS_RECORD_NS}"><ps:cols>${xmlText(cut.join(''))}</ps:cols></ext>`;
  const dataEnd = xml.lastIndexOf('</sheetData>');
  const extLst = topLevelChildren(xml, dataEnd + '</sheetData>'.length).find((c) => c.name === 'extLst');
  if (extLst) {
    const open = xml.indexOf('>', extLst.start) + 1;
    if (xml[open - 2] === '/') return `${xml.slice(0, extLst.start)}<extLst>${ext}</extLst>${xml.slice(extLst.end)}`;
    return xml.slice(0, open) + ext + xml.slice(open);
  }
  const end = xml.lastIndexOf('</worksheet>');
  if (end < 0) throw new PatchUnsupported('worksheet not closed');
  return `${xml.slice(0, end)}<extLst>${ext}</extLst>${xml.slice(end)}`;
}

/** The officer's <col> tags a scored sheet's record holds (see withColsRecord); [] when none. */
export function colsRecord(xml: string): { tags: string[]; ext: RegExpExecArray | null } {
  const ext = COLS_RECORD.exec(xml);
  const text = ext ? /<ps:cols>([\s\S]*?)<\/ps:cols>/.exec(ext[1]!)?.[1] : undefined;
  return { tags: text ? [...xmlUnescape(text).matchAll(COL_TAG)].map((m) => m[0]) : [], ext };
}

/** sheetData with the cells added, row by row in order; rows that do not exist are created. */
function patchSheetData(xml: string, cells: Map<number, { col: number; xml: string }[]>): string {
  let open = /<sheetData\s*\/>/.exec(xml);
  if (open) xml = `${xml.slice(0, open.index)}<sheetData></sheetData>${xml.slice(open.index + open[0].length)}`;
  open = /<sheetData(?:\s[^>]*)?>/.exec(xml);
  const close = xml.lastIndexOf('</sheetData>');
  if (!open || close < 0) throw new PatchUnsupported('no sheetData');
  const wanted = [...cells.keys()].sort((a, b) => a - b);
  for (const list of cells.values()) list.sort((a, b) => a.col - b.col);
  const parts: string[] = [xml.slice(0, open.index + open[0].length)];
  let pos = open.index + open[0].length;
  let w = 0;
  forEachRow(xml, pos, close, (start, end, tag, selfClosing) => {
    const r = Number(attr(tag, 'r'));
    if (!Number.isInteger(r) || r < 1) throw new PatchUnsupported('row without its number');
    // New rows before this one.
    while (w < wanted.length && wanted[w]! < r) {
      parts.push(xml.slice(pos, start), `<row r="${wanted[w]}">${cells.get(wanted[w]!)!.map((c) => c.xml).join('')}</row>`);
      pos = start;
      w++;
    }
    if (w < wanted.length && wanted[w] === r) {
      parts.push(xml.slice(pos, start), mergeRow(xml.slice(start, end), tag, selfClosing, cells.get(r)!));
      pos = end;
      w++;
    }
  });
  parts.push(xml.slice(pos, close));
  for (; w < wanted.length; w++) parts.push(`<row r="${wanted[w]}">${cells.get(wanted[w]!)!.map((c) => c.xml).join('')}</row>`);
  parts.push(xml.slice(close));
  return parts.join('');
}

/**
 * Each <row> of sheetData from `from` to `close` (the "</sheetData>"), in order: where it starts
 * and ends (past "</row>" or "/>"), its start tag, whether it is self-closing. The scoring and the
 * clearing patch both walk rows so; an unclosed row is XML this patcher does not know.
 */
export function forEachRow(xml: string, from: number, close: number, visit: (start: number, end: number, tag: string, selfClosing: boolean) => void): void {
  const rowRe = /<row[\s>/]/g;
  rowRe.lastIndex = from;
  for (let rm = rowRe.exec(xml); rm && rm.index < close; rm = rowRe.exec(xml)) {
    const tagEnd = xml.indexOf('>', rm.index);
    const tag = xml.slice(rm.index, tagEnd + 1);
    const selfClosing = tag.endsWith('/>');
    const end = selfClosing ? tagEnd + 1 : xml.indexOf('</row>', tagEnd) + 6;
    if (!selfClosing && end < 6) throw new PatchUnsupported('unclosed row');
    visit(rm.index, end, tag, selfClosing);
    rowRe.lastIndex = end;
  }
}

/**
 * Each <c> of a row's body, in order: where it starts and ends (past "</c>" or "/>"), its start
 * tag and its column (0 when its reference names none). A cell without its reference, or not
 * closed, is XML this patcher does not know.
 */
export function forEachCell(body: string, visit: (start: number, end: number, tag: string, col: number) => void): void {
  const cellRe = /<c[\s>/]/g;
  for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
    const tagEnd = body.indexOf('>', cm.index);
    const tag = body.slice(cm.index, tagEnd + 1);
    const ref = attr(tag, 'r');
    if (!ref) throw new PatchUnsupported('cell without its reference');
    const selfClosing = tag.endsWith('/>');
    const close = selfClosing ? tagEnd + 1 : body.indexOf('</c>', tagEnd);
    if (close < 0) throw new PatchUnsupported(`cell ${ref} is not closed`);
    const end = selfClosing ? close : close + 4;
    visit(cm.index, end, tag, columnNumber(ref.replace(/\d+$/, '')));
    cellRe.lastIndex = end;
  }
}

/** One existing row with parscore's cells put in column order (spans dropped: they are only a hint). */
function mergeRow(row: string, tag: string, selfClosing: boolean, add: { col: number; xml: string }[]): string {
  const openTag = tag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '').replace(/\s*\/>$/, '>');
  const body = selfClosing ? '' : row.slice(tag.length, row.length - 6);
  const parts: string[] = [openTag];
  let pos = 0;
  let a = 0;
  forEachCell(body, (start, end, ctag, col) => {
    if (!col) throw new PatchUnsupported('cell without its column');
    // parscore's cells that come before this one.
    while (a < add.length && add[a]!.col < col) {
      parts.push(body.slice(pos, start), add[a++]!.xml);
      pos = start;
    }
    if (a < add.length && add[a]!.col === col) {
      // Only an empty, unstyled cell may stand where parscore writes (free-column.ts).
      const style = attr(ctag, 's');
      if (!ctag.endsWith('/>') || (style !== null && style !== '0')) throw new PatchUnsupported(`cell ${attr(ctag, 'r')} is not free`);
      parts.push(body.slice(pos, start), add[a++]!.xml);
      pos = end;
    }
  });
  parts.push(body.slice(pos));
  while (a < add.length) parts.push(add[a++]!.xml);
  parts.push('</row>');
  return parts.join('');
}

/**
 * Column widths for parscore's columns; a range of the officer's covering one is split around it,
 * and that range's tag is handed back (`cut`) for the sheet's record.
 */
function patchCols(xml: string, ours: { col: number; attrs: string }[]): { xml: string; cut: string[] } {
  const mine = ours.map((o) => `<col min="${o.col}" max="${o.col}" ${o.attrs}/>`);
  const cols = officerCols(xml);
  if (!cols) return { xml: insertBefore(xml, /<sheetData[\s>/]/, `<cols>${mine.join('')}</cols>`), cut: [] };
  const entries: { min: number; xml: string }[] = [];
  const cut: string[] = [];
  for (const { tag, min, max } of cols.list) {
    // Keep the officer's ranges, minus parscore's columns.
    let from = min;
    for (const c of ours.map((o) => o.col).sort((x, y) => x - y)) {
      if (c < from || c > max) continue;
      if (c > from) entries.push({ min: from, xml: withRange(tag, from, c - 1) });
      from = c + 1;
    }
    if (from <= max) entries.push({ min: from, xml: from === min ? tag : withRange(tag, from, max) });
    if (ours.some((o) => o.col >= min && o.col <= max)) cut.push(tag);
  }
  ours.forEach((o, i) => entries.push({ min: o.col, xml: mine[i]! }));
  entries.sort((x, y) => x.min - y.min);
  return { xml: `${xml.slice(0, cols.start)}<cols>${entries.map((e) => e.xml).join('')}</cols>${xml.slice(cols.end)}`, cut };
}

const COL_TAG = /<col\s[^>]*\/>|<col\s[^>]*>[\s\S]*?<\/col>/g;

/** The sheet's <cols> element: where it is and its <col> tags with their ranges; null when it has none. */
export function officerCols(xml: string): { start: number; end: number; list: { tag: string; min: number; max: number }[] } | null {
  if ((xml.match(/<cols[\s>]/g)?.length ?? 0) > 1) throw new PatchUnsupported('several <cols> elements');
  const cols = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  if (!cols) {
    if (/<cols[\s>/]/.test(xml)) throw new PatchUnsupported('<cols> with attributes');
    return null;
  }
  const list: { tag: string; min: number; max: number }[] = [];
  for (const cm of cols[1]!.matchAll(COL_TAG)) {
    const tag = cm[0];
    const min = Number(attr(tag, 'min'));
    const max = Number(attr(tag, 'max'));
    if (!Number.isInteger(min) || !Number.isInteger(max)) throw new PatchUnsupported('col without min/max');
    list.push({ tag, min, max });
  }
  return { start: cols.index, end: cols.index + cols[0].length, list };
}

/** A <col> tag with its range set (the officer's attributes kept). */
export function withRange(tag: string, min: number, max: number): string {
  return withAttr(withAttr(tag, 'min', String(min)), 'max', String(max));
}

/** The sheet's declared used range, widened to parscore's last column and row. */
function patchDimension(xml: string, lastRow: number, lastCol: number): string {
  const m = /<dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"\s*\/>/.exec(xml);
  if (!m) return xml;
  const right = Math.max(columnNumber(m[3] ?? m[1]!), lastCol);
  const bottom = Math.max(Number(m[4] ?? m[2]), lastRow);
  const ref = `${m[1]}${m[2]}:${columnLetter(right)}${bottom}`;
  return `${xml.slice(0, m.index)}<dimension ref="${ref}"/>${xml.slice(m.index + m[0].length)}`;
}
