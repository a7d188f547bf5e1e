// A1-style addresses: building them for writes and parsing the ones Excel returns. Pure.
import type { MergeArea } from '../../model/types';
import { columnLetter, columnNumber } from '../../model/text';

/** "A1" or "A1:C3" for a 1-based block of rows × cols. */
export function blockAddress(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnLetter(col)}${row}`;
  if (rows <= 1 && cols <= 1) return start;
  return `${start}:${columnLetter(col + cols - 1)}${row + rows - 1}`;
}

/** A sheet name as it must appear in a formula or a link: quoted when needed. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** Splits on commas that are not inside a quoted sheet name. */
function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i]!;
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

/** The cell part of "Sheet1!A1:B2" / "'My sheet'!A1:B2" / "A1:B2". */
function stripSheet(ref: string): string {
  let quoted = false;
  let bang = -1;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === '!' && !quoted) bang = i;
  }
  return bang >= 0 ? ref.slice(bang + 1) : ref;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** "A1:C3" (or "A1") → 1-based inclusive box; null when not a cell block. */
export function parseBlock(ref: string): MergeArea | null {
  const [a, b = a] = stripSheet(ref).split(':');
  const m1 = CELL.exec(a ?? '');
  const m2 = CELL.exec(b ?? '');
  if (!m1 || !m2) return null;
  const c1 = columnNumber(m1[1]!);
  const c2 = columnNumber(m2[1]!);
  const r1 = Number(m1[2]);
  const r2 = Number(m2[2]);
  if (!c1 || !c2 || !r1 || !r2) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/**
 * Merged areas from a RangeAreas address ("Sheet1!A1:B2, Sheet1!D4:E5"); single cells and
 * unparseable parts are dropped.
 */
export function parseAreasAddress(address: string | null | undefined): MergeArea[] {
  if (!address) return [];
  const out: MergeArea[] = [];
  for (const part of splitAreas(address)) {
    const box = parseBlock(part);
    if (box && (box.bottom > box.top || box.right > box.left)) out.push(box);
  }
  return out;
}

/** True when an A1 formula refers to a cell of column `letter` ("$R5", "R$5", "R5"; not "AR5"). */
export function formulaReferencesColumn(formula: string, letter: string): boolean {
  if (!letter) return false;
  const re = new RegExp(`(^|[^A-Za-z0-9_$.])\\$?${letter}\\$?\\d`, 'i');
  // Ignore text inside string literals ("over-max@R" names a column, it is not a reference).
  return re.test(formula.replace(/"(?:[^"]|"")*"/g, '""'));
}
