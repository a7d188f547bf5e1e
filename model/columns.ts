// Finds the header block of an appendix and maps its columns to meanings by Vietnamese synonyms.
import { headerCellText, rowStart, rowText, textAt, type Grid } from './grid';
import { plainDigitsValue } from './numbers';
import { columnLetter, columnNumber, fold, foldEquals, foldedFirstCode } from './text';
import type { MappedColumn } from './report-types';
import type { ColumnRole } from './types';

interface RoleRule {
  role: ColumnRole;
  test: (folded: string) => boolean;
}

// Whole-word match on folded text: "ly do" must not fire inside "quan ly do thi".
const has = (...words: string[]) => (s: string) => {
  const padded = ` ${s} `;
  return words.some((w) => padded.includes(` ${w} `));
};

// Order matters: the first rule that matches a header wins ("Mục tiêu đạt được" is a target, not an actual).
const SUB_RULES: RoleRule[] = [
  // "STT", "TT", "S.T.T", "Thứ tự", "STT/ Mã", "Mã chỉ số", "STT (1)" (folded). Not "No.": "Nợ" folds
  // to it too; an unmapped column of codes is found by its content (reader.ts unheadedCodeColumn).
  { role: 'code', test: (s) => /^(stt|tt|s t t|so tt|so thu tu|thu tu|ma|ma so|ma tieu chi|ma chi so|stt ma|ma stt)( \d{1,2})?$/.test(s) },
  { role: 'selfPoints', test: has('tu danh gia', 'tu cham', 'diem tu', 'tu cham diem', 'diem dat duoc', 'diem de nghi') },
  { role: 'maxPoints', test: has('diem toi da', 'so diem toi da', 'diem chuan', 'thang diem', 'diem quy dinh') },
  { role: 'explanation', test: has('giai trinh', 'ly do') },
  { role: 'evidence', test: (s) => has('tai lieu kiem chung', 'minh chung', 'tlkc')(s) && !has('yeu cau')(s) },
  // Before target: "Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần" folds to "... tieu chi tieu chi ..." (contains "chi tieu").
  { role: 'name', test: has('linh vuc', 'tieu chi', 'chi so noi dung', 'tieu chi thanh phan') },
  { role: 'target', test: has('muc tieu', 'chi tieu', 'muc do hoan thanh') },
  { role: 'actual', test: has('ket qua thuc hien', 'thuc te', 'dat duoc', 'ket qua tu danh gia', 'ket qua dat') },
  { role: 'evidenceRequired', test: has('tham quyen ban hanh', 'chat luong', 'noi dung yeu cau', 'yeu cau cua san pham', 'yeu cau') },
  { role: 'deadline', test: has('thoi gian', 'thoi han', 'tien do') },
  { role: 'lead', test: has('chu tri') },
  { role: 'coordinating', test: has('phoi hop', 'don vi thuc hien', 'co quan thuc hien') },
  { role: 'product', test: has('san pham', 'ket qua') },
  { role: 'task', test: has('nhiem vu') },
  { role: 'name', test: has('chi so', 'noi dung', 'ten', 'ten tieu chi', 'danh muc') },
  { role: 'note', test: has('ghi chu') },
];

/** How strongly a row looks like a header: the number of cells that map to a role. */
export function headerScore(g: Grid, i: number): number {
  let n = 0;
  let hasCodeOrName = false;
  const row = rowText(g, i);
  const at = rowStart(g, i);
  for (let j = 0; j < g.cols; j++) {
    const t = row[at + j]!;
    if (!t || t.length > 80) continue;
    const role = roleOf(fold(t));
    if (role) {
      n++;
      if (role === 'code' || role === 'name' || role === 'task') hasCodeOrName = true;
    }
  }
  return hasCodeOrName ? n : 0;
}

export function roleOf(folded: string): ColumnRole | null {
  for (const r of SUB_RULES) if (r.test(folded)) return r.role;
  return null;
}

export interface HeaderBlock {
  /** 0-based grid rows of the header (1 or 2 rows). */
  rows: number[];
  columns: MappedColumn[];
  /** Folded header signature used to recognise repeats at page breaks. */
  signature: string[];
}

const MAX_HEADER_SEARCH = 60;

/** Find the first header block in the first rows of the grid. */
export function findHeader(g: Grid): HeaderBlock | null {
  const limit = Math.min(g.rows, MAX_HEADER_SEARCH);
  for (let i = 0; i < limit; i++) {
    if (headerScore(g, i) < 3) continue;
    const rows = [i];
    // A second header row: sub-headers under merged group headers (e.g. "Chủ trì" | "Phối hợp").
    if (i + 1 < g.rows && isSubHeaderRow(g, i)) rows.push(i + 1);
    return { rows, columns: mapColumns(g, rows), signature: signatureOf(g, i) };
  }
  return null;
}

function isSubHeaderRow(g: Grid, i: number): boolean {
  let subs = 0;
  let data = 0;
  for (let j = 0; j < g.cols; j++) {
    const t = textAt(g, i + 1, j);
    if (!t) continue;
    if (t === textAt(g, i, j)) continue; // vertically merged header cell unfolded
    if (/^parscore\s*:/i.test(t)) continue; // our own columns from an earlier run
    if (t.length <= 60 && roleOf(fold(t))) subs++;
    else data++;
  }
  return subs >= 1 && data === 0;
}

function signatureOf(g: Grid, i: number): string[] {
  const out: string[] = [];
  for (let j = 0; j < g.cols; j++) out.push(fold(textAt(g, i, j)));
  return out;
}

function mapColumns(g: Grid, rows: number[]): MappedColumn[] {
  const out: MappedColumn[] = [];
  for (let j = 0; j < g.cols; j++) {
    const parts: string[] = [];
    for (const i of rows) {
      const t = headerCellText(g, i, j);
      if (t && !parts.includes(t)) parts.push(t);
    }
    if (!parts.length || parts.some((p) => /^parscore\s*:/i.test(p))) continue;
    // The sub-header decides; the group header only when the sub-header says nothing.
    let role: ColumnRole | null = null;
    for (let k = parts.length - 1; k >= 0 && !role; k--) role = roleOf(fold(parts[k]!));
    if (!role) continue;
    out.push({ col: g.col0 + j, letter: columnLetter(g.col0 + j), role, header: parts.join(' / ') });
  }
  resolveNameAndTask(out);
  return out;
}

// "Nhiệm vụ cụ thể" is the item name when there is no separate criterion column.
function resolveNameAndTask(cols: MappedColumn[]): void {
  const hasName = cols.some((c) => c.role === 'name');
  if (!hasName) {
    const t = cols.find((c) => c.role === 'task');
    if (t) t.role = 'name';
  }
  // Only the first code / name / lead column is structural; later duplicates become notes.
  for (const role of ['code', 'name', 'maxPoints', 'selfPoints', 'lead', 'actual', 'evidence'] as ColumnRole[]) {
    const same = cols.filter((c) => c.role === role);
    for (const extra of same.slice(1)) extra.role = role === 'lead' ? 'coordinating' : 'note';
  }
}

/** Is row i a repeat of the header (page-break header rows, column-number rows)? */
export function isRepeatedHeader(g: Grid, i: number, header: HeaderBlock): boolean {
  const row = rowText(g, i);
  const at = rowStart(g, i);
  let nonEmpty = 0;
  for (let j = 0; j < g.cols; j++) if (row[at + j]) nonEmpty++;
  if (nonEmpty >= 2) {
    let same = 0;
    let left = nonEmpty; // non-empty cells not compared yet
    for (let j = 0; j < g.cols; j++) {
      const t = row[at + j]!;
      if (!t) continue;
      left--;
      const sig = header.signature[j] ?? '';
      // Folding every data cell is the costly part: first compare the first folded character.
      if (sig && foldedFirstCode(t) === sig.charCodeAt(0) && foldEquals(t, sig)) same++;
      else if ((same + left) / nonEmpty < 0.6) break; // a data row: 60 % can no longer match
    }
    if (same / nonEmpty >= 0.6) return true;
  }
  return isColumnNumberRow(g, i);
}

// "(1) (2) (3) …" or "1 2 3 4 …" under a header: column numbering, not data.
function isColumnNumberRow(g: Grid, i: number): boolean {
  let expect = 1;
  let n = 0;
  const row = rowText(g, i);
  for (let j = rowStart(g, i), end = j + g.cols; j < end; j++) {
    const t = row[j]!;
    if (!t) continue;
    if (columnNumberIn(t) !== expect) return false;
    expect++;
    n++;
  }
  return n >= 4;
}

/**
 * The n of a column-number cell, "(n)" or "n" with one or two digits, else -1: /^\(?(\d{1,2})\)?$/
 * by hand (asked of a cell of every row: the regex was ~10,000 calls a 10,000-row sheet).
 */
export function columnNumberIn(t: string): number {
  const from = t.charCodeAt(0) === 40 ? 1 : 0;
  const to = t.length > from && t.charCodeAt(t.length - 1) === 41 ? t.length - 1 : t.length;
  return to - from <= 2 ? plainDigitsValue(t, from, to) : -1; // -1 for none or a non-digit as well
}

/** Apply manual overrides: { lead: ['I'] } moves column I to the lead role. */
export function applyOverrides(
  g: Grid,
  header: HeaderBlock,
  overrides: Partial<Record<ColumnRole, string[]>> | undefined,
): MappedColumn[] {
  if (!overrides) return header.columns;
  const cols = header.columns.map((c) => ({ ...c }));
  for (const [role, letters] of Object.entries(overrides) as [ColumnRole, string[]][]) {
    for (const letter of letters ?? []) {
      const col = columnNumber(letter);
      if (!col) continue;
      const existing = cols.find((c) => c.col === col);
      if (existing) existing.role = role;
      else {
        const headerText = header.rows.map((i) => headerCellText(g, i, col - g.col0)).filter(Boolean).join(' / ');
        cols.push({ col, letter: columnLetter(col), role, header: headerText });
      }
    }
  }
  return cols.sort((a, b) => a.col - b.col);
}

/**
 * A value for every column role, as one object literal: one stable shape for the lookups the
 * reader and the checks make per row (a map built key by key would change shape per sheet).
 */
export function everyRole<T>(value: T): Record<ColumnRole, T> {
  return {
    code: value, name: value, task: value, maxPoints: value, targetPoints: value, target: value, evidenceRequired: value, deadline: value,
    lead: value, coordinating: value, product: value, actual: value, selfPoints: value, evidence: value, explanation: value, note: value,
  };
}

/** Each role's column letter: its first column's, "" when the sheet has none. */
export function roleLetters(columns: readonly MappedColumn[]): Record<ColumnRole, string> {
  const letters = everyRole('');
  for (const c of columns) if (!letters[c.role]) letters[c.role] = c.letter;
  return letters;
}
