// The parscore-owned status columns beside the table and the rules that colour offending cells.
import { findingMessage, findingMessages } from './messages';
import { innerMap } from './memo';
import { columnLetter, columnNumber } from './text';
import type { Analysis, InlineMarks } from './report-types';
import type { FindingKind, Lang, MergeArea, Severity } from './types';

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
  const findings = a.findings;
  const messages = findingMessages(findings, lang);
  const tokens = new Map<FindingKind, Map<string, string>>();
  // An index loop: for…of here made an iterator result per finding (~0.2 MB a 10,000-row sheet).
  for (let x = 0; x < findings.length; x++) {
    const f = findings[x]!;
    if (f.severity === 'info' || f.row < ap.firstDataRow || f.row > ap.lastDataRow) continue;
    const k = f.row - ap.firstDataRow;
    const msg = messages[x]!;
    status[k] = status[k] ? `${status[k]}\n• ${msg}` : `• ${msg}`;
    const token = tokenOf(tokens, f.kind, f.column);
    if (!hasToken(codes[k]!, token)) codes[k] = codes[k] ? `${codes[k]} ${token}` : token;
    if (!f.column) continue;
    cells.push({ row: f.row, col: columnNumber(f.column), kind: f.kind, severity: f.severity });
    const prev = ruleKeys.get(token);
    if (!prev || (prev.severity === 'warning' && f.severity === 'error')) ruleKeys.set(token, { column: f.column, kind: f.kind, severity: f.severity });
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

/**
 * "kind@column", one string per kind and column of the sheet (a handful) rather than one per
 * finding: a row with one finding keeps it as its codes cell (27,000 findings at 50,000 rows).
 */
function tokenOf(tokens: Map<FindingKind, Map<string, string>>, kind: FindingKind, column: string): string {
  const byColumn = innerMap(tokens, kind);
  let token = byColumn.get(column);
  if (token === undefined) byColumn.set(column, (token = `${kind}@${column}`));
  return token;
}

/** Most cell notes parscore puts on one sheet; beyond that the status column and issues sheet say it. */
export const MAX_CELL_NOTES = 500;

/** Whether a space-separated list holds the token, as list.split(' ').includes(token) without the array. */
export function hasToken(list: string, token: string): boolean {
  // Never for parscore's tokens ("kind@column"): an empty one (indexOf('') would stay at the end)
  // or one with a space (no part of a split holds one).
  if (!token || token.includes(' ')) return list.split(' ').includes(token);
  for (let at = list.indexOf(token); at >= 0; at = list.indexOf(token, at + 1)) {
    const end = at + token.length;
    if ((at === 0 || list.charCodeAt(at - 1) === 32) && (end === list.length || list.charCodeAt(end) === 32)) return true;
  }
  return false;
}

/**
 * True for a note parscore wrote: "parscore:" opens its first line, or its second (some Excel
 * versions put the author's name on a line of its own before the text).
 */
export function isOwnNote(text: string): boolean {
  return /^(?:[^\n]*\n)?\s*parscore\s*:/i.test(text);
}

export interface CellNote {
  /** 1-based cell: the top-left cell of its merged area when the finding's cell is merged. */
  row: number;
  col: number;
  text: string;
}

/**
 * The text a hover on an offending cell shows (hosts with cell notes): one note per cell, the
 * messages of its errors and warnings, in row order, at most MAX_CELL_NOTES cells.
 */
export function buildCellNotes(a: Analysis, lang: Lang = a.lang, merges: readonly MergeArea[] = []): CellNote[] {
  const ap = a.appendix;
  if (!a.ok || !ap.firstDataRow) return [];
  const findings = a.findings
    .filter((f) => f.severity !== 'info' && f.column && f.row >= ap.firstDataRow && f.row <= ap.lastDataRow)
    .sort((x, y) => x.row - y.row);
  const byCell = new Map<string, { row: number; col: number; lines: string[] }>();
  for (const f of findings) {
    let row = f.row;
    let col = columnNumber(f.column);
    const m = merges.find((g) => row >= g.top && row <= g.bottom && col >= g.left && col <= g.right);
    if (m) [row, col] = [m.top, m.left];
    const key = `${row},${col}`;
    let note = byCell.get(key);
    if (!note) {
      if (byCell.size >= MAX_CELL_NOTES) continue;
      byCell.set(key, (note = { row, col, lines: [] }));
    }
    const line = `• ${findingMessage(f, lang)}`;
    if (!note.lines.includes(line)) note.lines.push(line);
  }
  return [...byCell.values()].map((n) => ({ row: n.row, col: n.col, text: `parscore:\n${n.lines.join('\n')}` }));
}
