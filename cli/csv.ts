// `parscore check --csv`: the findings as CSV (RFC 4180), safe to open in a spreadsheet.
import { renderFinding, type Analysis, type Lang } from '../model';

// OWASP "CSV injection": a spreadsheet runs a field starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: a leading formula character neutralised with "'", quoted when it must be (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const s = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) || s !== value ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ['sheet', 'cell', 'row', 'column', 'code', 'severity', 'kind', 'message', 'explanation'];

/**
 * Every finding, one record each, CRLF line ends, UTF-8 with a byte-order mark (Excel needs it to
 * show Vietnamese). Machine columns (severity, kind) stay in English; the message is in `lang`.
 */
export function findingsCsv(a: Analysis | null, lang: Lang, batch?: { file: string; header: boolean }): string {
  // A batch's one table: the file first on every record; the header (and the BOM) once, at its top.
  const lead = batch ? [batch.file] : [];
  const lines = !batch || batch.header ? [[...(batch ? ['file'] : []), ...CSV_HEADER].join(',')] : [];
  for (const f of a?.findings ?? []) {
    const r = renderFinding(f, lang);
    lines.push([...lead, a!.sheet, `${f.column}${f.row}`, f.row, f.column, f.code, f.severity, f.kind, r.message, r.explanation ?? ''].map(csvField).join(','));
  }
  const body = lines.length ? `${lines.join('\r\n')}\r\n` : '';
  return !batch || batch.header ? `\uFEFF${body}` : body;
}
