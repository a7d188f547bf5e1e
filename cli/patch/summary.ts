// A summary table as a new worksheet part, laid out as xlsx/write.ts writeTable lays it out with
// ExcelJS (title, header row 3, data from row 4, links to the appendix, frozen header, filter,
// landscape one page wide with the header repeated): the same content either way.
import { quotedSheetName, type SummaryTable } from '../../model';
import { columnLetter } from '../../model/text';
import { linkFormula, summaryColumnWidths } from '../../xlsx/write';
import { HEADER_STYLE, type StylesPatch } from './styles';
import { textCell } from './sheet';
import { xmlText } from './xml';

const HEADER_ROW = 3;

/** The worksheet XML of one summary table. */
export function summarySheetXml(t: SummaryTable, styles: StylesPatch): string {
  const width = t.header.length;
  const rows: string[] = [];
  rows.push(`<row r="1">${textCell('A1', t.title, styles.xf({ font: 'title' }))}</row>`);
  if (t.note) rows.push(`<row r="2">${textCell('A2', t.note, 0)}</row>`);
  const head = styles.xf(HEADER_STYLE);
  rows.push(`<row r="${HEADER_ROW}">${t.header.map((h, j) => textCell(`${columnLetter(j + 1)}${HEADER_ROW}`, h, head)).join('')}</row>`);
  t.rows.forEach((row, i) => {
    const r = HEADER_ROW + 1 + i;
    const bold = i === t.totalRow;
    const cells: string[] = [];
    row.forEach((v, j) => {
      const ref = `${columnLetter(j + 1)}${r}`;
      const link = j === 1 ? t.links[i] : null;
      if (link) {
        // Internal hyperlinks as a formula, as the ExcelJS writer does.
        const xf = styles.xf({ font: bold ? 'bold' : undefined });
        cells.push(`<c r="${ref}"${xf ? ` s="${xf}"` : ''} t="str"><f>${xmlText(linkFormula(link))}</f><v>${xmlText(link.address)}</v></c>`);
        return;
      }
      if (v === null || v === undefined) return;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return;
        const fmt = t.numberFormats[j] ?? undefined;
        const xf = styles.xf({ font: bold ? 'bold' : undefined, numFmt: fmt });
        cells.push(`<c r="${ref}"${xf ? ` s="${xf}"` : ''}><v>${v}</v></c>`);
        return;
      }
      const text = String(v);
      if (!text) return; // an empty cell (the totals row's code column)
      const xf = styles.xf({ font: bold ? 'bold' : undefined, wrap: text.length > 40, vertical: text.length > 40 ? 'top' : undefined });
      cells.push(textCell(ref, text, xf));
    });
    rows.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const last = HEADER_ROW + t.rows.length;
  const lastCol = columnLetter(Math.max(1, width));
  const cols = summaryColumnWidths(t)
    // ExcelJS leaves out a column of its default width (9): so is it here, for the same file.
    .map((w, j) => (w === 9 ? '' : `<col min="${j + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`))
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${lastCol}${Math.max(last, HEADER_ROW)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${HEADER_ROW + 1}" sqref="A${HEADER_ROW + 1}"/></sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    (t.rows.length ? `<autoFilter ref="A${HEADER_ROW}:${lastCol}${last}"/>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
    '</worksheet>'
  );
}

/** The print-titles name ("repeat row 3 on every page") of a summary sheet, for workbook.xml. */
export function printTitles(sheetName: string, localSheetId: number): string {
  return `<definedName name="_xlnm.Print_Titles" localSheetId="${localSheetId}">${xmlText(`${quotedSheetName(sheetName)}!$${HEADER_ROW}:$${HEADER_ROW}`)}</definedName>`;
}
