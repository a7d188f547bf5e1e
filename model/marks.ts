// The parscore-owned status columns beside the table and the rules that colour offending cells.
import { FINDING_MESSAGES } from './messages';
import { columnLetter } from './text';
import type { Analysis, InlineMarks } from './report-types';
import type { Lang, Severity } from './types';

export const STATUS_HEADERS = { vi: 'parscore: kết quả kiểm tra', en: 'parscore: check result' } as const;
export const CODES_HEADER = 'parscore: mã';
const COLORS: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** True for a header written by parscore (either language), so re-runs reuse the columns. */
export function isOwnHeader(text: string): boolean {
  return /^parscore\s*:/i.test(text.trim());
}

export function buildInlineMarks(a: Analysis, lang: Lang = a.lang): InlineMarks | null {
  const ap = a.appendix;
  if (!a.ok || !ap.firstDataRow) return null;
  const statusCol = ap.ownStatusCol ?? ap.usedLastCol + 1;
  const codesCol = statusCol + 1;
  const codesLetter = columnLetter(codesCol);
  const n = ap.lastDataRow - ap.firstDataRow + 1;
  const status: string[] = new Array(n).fill('');
  const codes: string[] = new Array(n).fill('');
  const cells: InlineMarks['cells'] = [];
  const ruleKeys = new Map<string, { column: string; kind: InlineMarks['rules'][number]['kind']; severity: Severity }>();
  for (const f of a.findings) {
    if (f.severity === 'info' || f.row < ap.firstDataRow || f.row > ap.lastDataRow) continue;
    const k = f.row - ap.firstDataRow;
    const msg = FINDING_MESSAGES[lang][f.kind](f.params);
    status[k] = status[k] ? `${status[k]}\n• ${msg}` : `• ${msg}`;
    const token = `${f.kind}@${f.column}`;
    if (!codes[k]!.split(' ').includes(token)) codes[k] = codes[k] ? `${codes[k]} ${token}` : token;
    if (!f.column) continue;
    cells.push({ row: f.row, col: columnNumberOf(f.column), kind: f.kind, severity: f.severity });
    const key = `${token}`;
    const prev = ruleKeys.get(key);
    if (!prev || (prev.severity === 'warning' && f.severity === 'error')) ruleKeys.set(key, { column: f.column, kind: f.kind, severity: f.severity });
  }
  const first = ap.firstDataRow;
  const rules = [...ruleKeys.entries()].map(([token, r]) => ({
    range: `${r.column}${first}:${r.column}${ap.lastDataRow}`,
    // SEARCH is case-insensitive and the token carries the column, so one rule per (kind, column).
    formula: `ISNUMBER(SEARCH("${token}",$${codesLetter}${first}))`,
    kind: r.kind,
    severity: r.severity,
    color: COLORS[r.severity],
  }));
  return {
    headerRow: ap.headerRows[ap.headerRows.length - 1] ?? first - 1,
    firstRow: first,
    lastRow: ap.lastDataRow,
    statusCol,
    codesCol,
    statusHeader: STATUS_HEADERS[lang],
    codesHeader: CODES_HEADER,
    status,
    codes,
    rules,
    cells,
  };
}

function columnNumberOf(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
