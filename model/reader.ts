// Reads an appendix table out of a sheet grid: header, logical rows, hierarchy.
import { parseAgencies } from './agencies';
import { applyOverrides, everyRole, findHeader, isRepeatedHeader, roleLetters, type HeaderBlock } from './columns';
import { buildGrid, rowStart, rowText, textAt, type Grid } from './grid';
import { couldBeNumber, mayBeNumberText, parseViNumber, parseViValue, plainNumberBody, plainNumberValue } from './numbers';
import { baselineScoreText, parseBaseline } from './baseline';
import { firstCheckable, parseTarget } from './thresholds';
import { columnLetter, fold, foldedFirstCode, isExcelError, isSpaceCode } from './text';
import type { Appendix, AppendixItem, AnalyzeOptions, MappedColumn } from './report-types';
import type { AgencyRef, ColumnRole, Finding, ParsedTarget, SheetSnapshot } from './types';
import { recognizeIndex } from './frameworks';
import { isOwnHeader } from './marks';

export interface ReadResult {
  appendix: Appendix;
  /** Findings the reader itself raises (bad numbers, duplicate codes). */
  findings: Finding[];
  found: boolean;
}

/** Grid-relative 0-based columns per role, null when the sheet has none. */
type RoleCols = Record<ColumnRole, number[] | null>;

// Upper-case only: "c", "d" are letter sub-items, not Roman numerals.
const ROMAN = /^(?=[IVX]+$)X{0,3}(IX|IV|V?I{0,3})$/;

/** ROMAN.test(s), the regex only for text starting with I, V or X (codes mostly start with a digit). */
export function isRomanCode(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c === 73 || c === 86 || c === 88) && ROMAN.test(s);
}

/**
 * /^\d{1,3}(\.\d{1,3})*$/.test(s) by hand ("1", "1.2.10"): asked of every coded row and of the
 * row before it, ~15,000 regex calls a 10,000-row sheet.
 */
export function isNumericCode(s: string): boolean {
  let run = 0; // digits since the start or the last dot
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run > 3) return false;
    } else if (c === 46 && run > 0) run = 0;
    else return false;
  }
  return run > 0;
}
const BULLET = /^[-+•–]\s/;

/**
 * The one empty list of every item without children, targets, lead or coordinating agencies:
 * a fresh [] per item (four per row) was a young object each, copied or barrier-tracked as long
 * as the item lives, for lists that are never written (the item types say readonly, so TypeScript
 * refuses a write); addChild replaces it on the first child. Not frozen: a frozen array's second
 * elements kind made the hot reads of these lists polymorphic and measured slower.
 */
const EMPTY: readonly never[] = [];

export function readAppendix(snapshot: SheetSnapshot, options: AnalyzeOptions = {}): ReadResult {
  const g = buildGrid(snapshot);
  const header = findHeader(g);
  const empty = emptyAppendix(snapshot.name);
  if (!header) {
    empty.title = titleOf(g, g.rows);
    return { appendix: empty, findings: [], found: false };
  }
  const own = blankOwnColumns(g, header.rows);
  header.columns = header.columns.filter((c) => !own.includes(c.col));
  const columns = applyOverrides(g, header, options.columns);
  if (!columns.some((c) => c.role === 'code')) {
    const found = unheadedCodeColumn(g, header.rows[header.rows.length - 1]!, columns);
    if (found) {
      columns.push(found);
      columns.sort((x, y) => x.col - y.col);
    }
    // Without codes a table with points has no hierarchy: every criterion would count as a field
    // and the maxima add up to several times the index (PARSCORE over B5:N123 gave 243.25 of 64.5).
    // The refusal says which header is needed. A task list without points is read as it is.
    else if (columns.some((c) => c.role === 'maxPoints')) {
      empty.title = titleOf(g, g.rows);
      // The header as read, so a host can offer to map the STT column by hand (the pane's form).
      empty.headerRows = header.rows.map((i) => i + g.row0);
      empty.columns = columns;
      return { appendix: empty, findings: [], found: false };
    }
  }
  const roles = roleColumns(g, columns);
  const r = rowReader(g, header, roles, columns, snapshot.name);
  r.appendix.ownStatusCol = own.length ? Math.min(...own) : null;
  r.appendix.usedLastCol = usedLastCol(g);
  readRows(r);
  return { appendix: r.appendix, findings: r.findings, found: true };
}

/**
 * A code column whose header cell is blank (or says nothing the mapper knows): the one unmapped
 * column left of the name column whose cells below the header (first 100 rows) are mostly codes,
 * nearly all distinct (within a Roman section), forming a hierarchy (some dotted: "1", "1.2"; or
 * Roman sections over numbers: "I", "1", "2", "II", "1"): not points ("1", "2", "1"), months,
 * marks ("X") or repeated categories ("I", "II"), whose sums would count as maxima. Null when
 * there is none, or more than one such column.
 */
function unheadedCodeColumn(g: Grid, lastHeaderRow: number, columns: readonly MappedColumn[]): MappedColumn | null {
  const name = columns.find((c) => c.role === 'name' || c.role === 'task');
  const before = name ? name.col - g.col0 : g.cols;
  let found: MappedColumn | null = null;
  for (let j = 0; j < before; j++) {
    if (columns.some((c) => c.col === g.col0 + j)) continue;
    let filled = 0;
    let dotted = 0;
    let romans = 0;
    let numbers = 0;
    let section = '';
    // Distinct within a Roman section: tasks are numbered 1, 2… again under each (Vĩnh Phúc PAPI).
    const codes = new Set<string>();
    for (let i = lastHeaderRow + 1; i < Math.min(g.rows, lastHeaderRow + 101); i++) {
      const t = textAt(g, i, j).replace(/\.$/, '');
      if (!t) continue;
      filled++;
      if (isRomanCode(t)) {
        romans++;
        section = t;
      } else if (isNumericCode(t)) {
        numbers++;
        if (t.includes('.')) dotted++;
      } else continue;
      codes.add(`${section}|${t}`);
    }
    const codeCells = romans + numbers;
    const hierarchy = dotted > 0 || (romans > 0 && numbers > 0);
    if (filled < 3 || codeCells < 0.6 * filled || codes.size < 0.8 * codeCells || !hierarchy) continue;
    if (found) return null; // two candidates: which one is the hierarchy is a guess
    found = { col: g.col0 + j, letter: columnLetter(g.col0 + j), role: 'code', header: '' };
  }
  return found;
}

/** parscore's own columns from an earlier run: remember them and hide them from the reader. */
function blankOwnColumns(g: Grid, headerRows: number[]): number[] {
  const own: number[] = [];
  for (let j = 0; j < g.cols; j++) {
    if (!headerRows.some((i) => isOwnHeader(textAt(g, i, j)))) continue;
    own.push(g.col0 + j);
    for (let i = 0; i < g.rows; i++) rowText(g, i)[rowStart(g, i) + j] = '';
  }
  return own;
}

function usedLastCol(g: Grid): number {
  let last = -1;
  for (let i = 0; i < g.rows; i++) {
    const t = rowText(g, i);
    const at = rowStart(g, i);
    for (let j = g.cols - 1; j > last; j--) if (t[at + j]) { last = j; break; }
  }
  return g.col0 + Math.max(last, 0);
}

function emptyAppendix(sheet: string): Appendix {
  return {
    sheet,
    index: 'unknown',
    frameworkId: null,
    title: '',
    headerRows: [],
    repeatedHeaderRows: [],
    continuationRows: [],
    columns: [],
    lastCol: 0,
    usedLastCol: 0,
    ownStatusCol: null,
    firstDataRow: 0,
    lastDataRow: 0,
    items: [],
    hasPoints: false,
    hasSelfAssessment: false,
  };
}

function roleColumns(g: Grid, columns: MappedColumn[]): RoleCols {
  const out: RoleCols = everyRole<number[] | null>(null);
  for (const c of columns) (out[c.role] ??= []).push(c.col - g.col0);
  return out;
}

function titleOf(g: Grid, before: number): string {
  const parts: string[] = [];
  for (let i = 0; i < Math.min(before, g.rows); i++) {
    const row = rowText(g, i);
    const at = rowStart(g, i);
    for (let j = 0; j < g.cols; j++) {
      const t = row[at + j]!;
      if (t) parts.push(t);
    }
  }
  return parts.join(' ').slice(0, 2000);
}

/**
 * The reader's state for one sheet. An object literal, not a class instance: a class's field
 * maps hang off weak transitions and die with the last instance at a full GC, which threw away
 * the optimized reader after every major collection (measured ~40 ms on 10,000 rows). A literal's
 * map dies the same way when no instance is left between sheets: see keptReaderShape.
 */
interface RowReader {
  readonly g: Grid;
  readonly header: HeaderBlock;
  readonly roles: RoleCols;
  readonly appendix: Appendix;
  readonly findings: Finding[];
  readonly items: AppendixItem[];
  readonly pathSeen: Map<string, number>;
  readonly targetCache: Map<string, ParsedTarget[]>;
  readonly leadCache: Map<string, AgencyRef[]>;
  readonly coordinatingCache: Map<string, AgencyRef[]>;
  /** Index of the last item that had a code or an uncoded name. */
  lastCoded: number;
  /** Current Roman section. */
  section: number;
  hasRoman: boolean;
  afterPageBreak: boolean;
}

function rowReader(g: Grid, header: HeaderBlock, roles: RoleCols, columns: MappedColumn[], sheet: string): RowReader {
  const a = emptyAppendix(sheet);
  a.columns = columns;
  a.headerRows = header.rows.map((i) => i + g.row0);
  a.title = titleOf(g, header.rows[0]!);
  a.lastCol = Math.max(...columns.map((c) => c.col), g.col0);
  a.hasPoints = !!roles.maxPoints;
  a.hasSelfAssessment = !!(roles.selfPoints || roles.actual || roles.evidence);
  const st = readerState(g, header, roles, a);
  keptReaderShape ??= readerState(buildGrid({ name: '', values: [], merges: [] }), { rows: [], columns: [], signature: [] }, everyRole(null), emptyAppendix(''));
  return st;
}

/** The one literal every reader state is made by (see keptReaderShape). */
function readerState(g: Grid, header: HeaderBlock, roles: RoleCols, appendix: Appendix): RowReader {
  return {
    g,
    header,
    roles,
    appendix,
    findings: [],
    items: [],
    pathSeen: new Map(),
    targetCache: new Map(),
    leadCache: new Map(),
    coordinatingCache: new Map(),
    lastCoded: -1,
    section: -1,
    hasRoman: false,
    afterPageBreak: false,
  };
}

/**
 * A reader state made from empty parts on the first sheet and kept, never read, for the life of
 * the module. V8 keeps a literal's map only while an instance lives, and a state made once per
 * sheet has none between sheets: a few full collections later its map died and took along every
 * optimized function that had seen it (readRow, pushItem, cellText, registerPath … and validation
 * and score after them; --trace-deopt: "marking dependent code … weak objects"), and the next
 * sheets ran at half speed until V8 optimized them again (a 10,000-row analysis: 64 and 67 ms
 * after 33). A module variable that rowReader assigns, not a constant nothing reads: that one was
 * never alive (V8 keeps a module's top-level variable only where a function refers to it), and a
 * bundler may drop it.
 */
let keptReaderShape: RowReader | null = null;

function readRows(st: RowReader): void {
  readRowRange(st, st.header.rows[st.header.rows.length - 1]! + 1, st.g.rows);
  st.appendix.items = st.items;
  setDataRows(st.appendix, st.items);
  const tops = st.items.filter((it) => it.parent === -1 && it.kind !== 'total' && it.kind !== 'baseline').map((it) => it.name);
  const rec = recognizeIndex(st.appendix.title, tops);
  st.appendix.index = rec.index;
  st.appendix.frameworkId = rec.framework?.id ?? null;
  if (!st.appendix.hasPoints || rec.index === 'SIPAS' || rec.index === 'PAPI') numbersAsRates(st);
  inheritLeads(st);
}

/**
 * Where there are no points (no max-points column, or a SIPAS/PAPI index) a target cell's number
 * above 0 up to 1 is a rate: a cell showing "85%" holds 0.85, and "≥ 85%" typed beside it is
 * checked, so this one must be too (as PARCHECK reads a number target, addin/functions/logic.ts
 * numberAsTarget; 1 is 100%). pointsIn read it as points: after the rows, once the index is known.
 * Other numbers stay points (Lào Cai's "Mục tiêu đạt được" 1,25 beside its maximum).
 */
function numbersAsRates(st: RowReader): void {
  const items = st.items;
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const n = it.targetPoints;
    if (n === null || !(n > 0 && n <= 1)) continue;
    it.targetPoints = null;
    // Vietnamese decimals, as typed; toPrecision drops float noise (0.07 × 100).
    const rate = `≥ ${String(Number((n * 100).toPrecision(12))).replace('.', ',')}%`;
    if (!it.targetCol) it.targetCol = rateColumn(st, it.row - st.g.row0);
    setTargets(st, it, it.targetText ? `${rate}\n${it.targetText}` : rate);
  }
}

/** The letter of the first target column of row i holding points (where numbersAsRates found its rate). */
function rateColumn(st: RowReader, i: number): string {
  for (const j of st.roles.target ?? []) {
    const t = textAt(st.g, i, j);
    if (t && pointsIn(st.g.raw[i]![j] ?? t) !== null) return columnLetter(st.g.col0 + j);
  }
  return '';
}

/** First and last Excel row of the items: a loop, not Math.min(...rows) (100,000 arguments overflow the stack). */
function setDataRows(a: Appendix, items: AppendixItem[]): void {
  let first = Infinity;
  let last = -Infinity;
  // Index loops: for…of here allocated an iterator result per element (~0.4 MB per 10,000 rows).
  for (let k = 0; k < items.length; k++) {
    const rows = items[k]!.rows;
    for (let x = 0; x < rows.length; x++) {
      const r = rows[x]!;
      if (r < first) first = r;
      if (r > last) last = r;
    }
  }
  a.firstDataRow = items.length ? first : 0;
  a.lastDataRow = items.length ? last : 0;
}

/**
 * The row loop on its own: V8 optimizes a hot loop in the middle of a function (OSR), and the
 * function's code after the loop, never run when that happens, then deoptimized it on every call.
 */
function readRowRange(st: RowReader, from: number, to: number): void {
  for (let i = from; i < to; i++) readRow(st, i);
}

/**
 * Text of row i in a role's columns (st.roles.task …), joined by line breaks. Callers pass the
 * columns, not the role's name: where V8 does not inline this, st.roles[role] was a keyed load
 * over sixteen names, ~160,000 a 10,000-row sheet (~1.5 ms of readAppendix, measured).
 */
function cellText(st: RowReader, cols: readonly number[] | null, i: number): string {
  if (!cols) return '';
  let out = '';
  for (const j of cols) {
    const t = textAt(st.g, i, j); // an override may name a column outside the grid
    if (t) out = out ? `${out}\n${t}` : t;
  }
  return out;
}

/** Raw value of row i in a role's first column (see cellText for why the columns are passed). */
function rawCell(st: RowReader, cols: readonly number[] | null, i: number): unknown {
  const j = cols?.[0];
  return j === undefined ? null : (st.g.raw[i]![j] ?? null);
}

function excelRow(st: RowReader, i: number): number {
  return i + st.g.row0;
}

function isBlank(st: RowReader, i: number): boolean {
  const g = st.g;
  const t = rowText(g, i);
  for (let j = rowStart(g, i), end = j + g.cols; j < end; j++) if (t[j]) return false;
  return true;
}

function readRow(st: RowReader, i: number): void {
  if (isBlank(st, i)) return;
  if (isRepeatedHeader(st.g, i, st.header)) {
    st.appendix.repeatedHeaderRows.push(excelRow(st, i));
    st.afterPageBreak = true;
    return;
  }
  const pageBreak = st.afterPageBreak;
  st.afterPageBreak = false;
  const codeText = cellText(st, st.roles.code, i);
  let code = normaliseCode(codeText, rawCell(st, st.roles.code, i));
  let name = cellText(st, st.roles.name, i);
  if (!code && !name && isContinuation(st, i, pageBreak)) {
    joinContinuation(st, i);
    return;
  }
  if (isTotalLabel(codeText) || (!code && isTotalLabel(name))) {
    pushItem(st, i, 'total', '', 'total', 0, -1, name || code);
    return;
  }
  if (code && isRomanCode(code)) {
    st.hasRoman = true;
    const idx = pushItem(st, i, 'section', code.toUpperCase(), code.toUpperCase(), 1, -1, name);
    st.section = idx;
    st.lastCoded = idx;
    return;
  }
  if (!code && name) {
    // Below a coded row it belongs to a content index (baselineOwner, walked only for a baseline).
    let baseline = parseBaseline(name, st.section >= 0 || st.lastCoded >= 0);
    if (baseline) {
      const owner = baselineOwner(st);
      // Its score was held to a content index's 1–10, but no content index owns it: the whole index's.
      if (owner < 0 && baseline.score === null) baseline = parseBaseline(name, false)!;
      // Above the first content index it is the whole index's line (SIPAS "Năm 2020: đạt 82,25%"):
      // an item of its own at the top, which no summary counts as a content index.
      const path = owner >= 0 ? `${st.items[owner]!.path}/baseline${i}` : `baseline${i}`;
      const idx = pushItem(st, i, 'baseline', '', path, owner >= 0 ? 2 : 1, owner, name);
      st.items[idx]!.baseline = baseline;
      if (baseline.score === null) badNumber(st, i, 'name', baselineScoreText(name), '');
      return;
    }
    const n = itemNumberInName(name);
    // No coded criterion above to own it (only other "(n)" rows): read as an unnumbered row below.
    const parent = n >= 0 && st.lastCoded >= 0 ? ownerOfItems(st) : -1;
    if (n >= 0 && parent >= 0) {
      const p = st.items[parent]!;
      const itemCode = `${p.code}(${n})`;
      // A coded criterion's path is its code: then one string serves both (one less per item).
      const path = p.path === p.code ? itemCode : `${p.path}(${n})`;
      pushItem(st, i, 'criterion', itemCode, path, p.level + 1, parent, name);
      return;
    }
  }
  if (code && isNumericCode(code)) {
    code = fixNumericCode(st, code);
    if (st.hasRoman && st.section >= 0) {
      // Under a Roman section plain numbers number the tasks.
      const s = st.items[st.section]!;
      const idx = pushItem(st, i, 'task', code, `${s.path}/${code}`, 1 + segments(code), findParentUnder(st, code, st.section), name);
      st.lastCoded = idx;
      return;
    }
    const level = segments(code);
    const parent = level === 1 ? -1 : findParentByCode(st, code);
    const idx = pushItem(st, i, level === 1 ? 'section' : 'criterion', code, code, level, parent, name);
    st.lastCoded = idx;
    return;
  }
  if (code) {
    // Letters or other codes: a sub-item of the last coded row.
    const parent = st.lastCoded;
    const p = parent >= 0 ? st.items[parent]! : null;
    const idx = pushItem(st, i, 'criterion', code, p ? `${p.path}/${code}` : code, (p?.level ?? 0) + 1, parent, name);
    st.lastCoded = idx;
    return;
  }
  if (name) {
    // An unnumbered criterion written as a sibling of the last coded one.
    const sib = st.lastCoded >= 0 ? st.items[st.lastCoded]! : null;
    const parent = sib ? (sib.kind === 'section' ? st.lastCoded : sib.parent) : -1;
    const p = parent >= 0 ? st.items[parent]! : null;
    const kind = st.hasRoman && !st.roles.task ? 'task' : 'criterion';
    const idx = pushItem(st, i, kind, '', `${p?.path ?? ''}/~${excelRow(st, i)}`, (p?.level ?? 0) + 1, parent, name);
    st.lastCoded = idx;
    return;
  }
  // An extra task listed under the criterion above (no code, no name of its own; blank rows left earlier).
  const parent = st.lastCoded;
  const p = parent >= 0 ? st.items[parent]! : null;
  pushItem(st, i, 'task', '', `${p?.path ?? ''}/+${excelRow(st, i)}`, (p?.level ?? 0) + 1, parent, '');
}

/**
 * The n of a name that starts with "(n)", one or two digits (/^\((\d{1,2})\)/), else -1: by hand,
 * since "(n)" rows are many and each regex match made an array.
 */
export function itemNumberInName(name: string): number {
  if (name.charCodeAt(0) !== 40) return -1;
  const a = name.charCodeAt(1);
  if (!(a >= 48 && a <= 57)) return -1;
  const b = name.charCodeAt(2);
  if (b === 41) return a - 48;
  if (!(b >= 48 && b <= 57) || name.charCodeAt(3) !== 41) return -1;
  return (a - 48) * 10 + (b - 48);
}

/**
 * The content index a baseline line belongs to: the Roman section, else the top-level row of the
 * last coded one ("1 | Chỉ số hài lòng về …"), -1 above the first (the whole index's line).
 */
function baselineOwner(st: RowReader): number {
  if (st.section >= 0) return st.section;
  let k = st.lastCoded;
  while (k >= 0 && st.items[k]!.parent >= 0) k = st.items[k]!.parent;
  return k >= 0 && st.items[k]!.kind === 'section' ? k : -1;
}

/** "(1)…(5)" items belong to the coded criterion above, not to each other. */
function ownerOfItems(st: RowReader): number {
  let k = st.lastCoded;
  while (k >= 0 && itemNumberInName(st.items[k]!.name) >= 0 && !isNumericCode(st.items[k]!.code)) {
    k = st.items[k]!.parent;
  }
  return k;
}

/** The nearest coded ancestor: "1.2.3" → "1.2", then "1" (prefixes cut at each dot, no arrays). */
function findParentByCode(st: RowReader, code: string): number {
  for (let end = code.lastIndexOf('.'); end > 0; end = code.lastIndexOf('.', end - 1)) {
    const idx = st.pathSeen.get(code.slice(0, end));
    if (idx !== undefined) return idx;
  }
  return -1;
}

function findParentUnder(st: RowReader, code: string, section: number): number {
  const s = st.items[section]!;
  for (let end = code.lastIndexOf('.'); end > 0; end = code.lastIndexOf('.', end - 1)) {
    const idx = st.pathSeen.get(`${s.path}/${code.slice(0, end)}`);
    if (idx !== undefined) return idx;
  }
  return section;
}

/** A numeric code read as a number loses trailing zeros ("1.10" → 1.1): restore from the sequence. */
function fixNumericCode(st: RowReader, code: string): string {
  const prev = st.lastCoded >= 0 ? st.items[st.lastCoded]!.code : '';
  if (!prev || !isNumericCode(prev)) return code;
  return codeAfter(code, prev);
}

/**
 * `code` as it follows `prev` (both isNumericCode): "1.2.1" after "1.2.9" was "1.2.10", "1.1" after
 * "1.10" was "1.11" (when 11 starts with its 1). By hand: the split-and-join form made four arrays
 * and joined strings for every code after a 10 or more (one coded row in seven of the bench sheet).
 */
export function codeAfter(code: string, prev: string): string {
  // Most rows need no fix: only a last number 1 after 9, or below a previous 10 or more.
  const last = lastSegment(code);
  const prevLast = lastSegment(prev);
  const afterNine = last === 1 && prevLast === 9;
  if (!afterNine && !(prevLast >= 10 && last < prevLast)) return code;
  // As deep as prev, with the same numbers before the last one.
  const cut = code.lastIndexOf('.');
  if (cut !== prev.lastIndexOf('.')) return code;
  for (let i = 0; i < cut; i++) if (code.charCodeAt(i) !== prev.charCodeAt(i)) return code;
  // Past the check above, a code not after a 9 is below a previous 10 or more.
  const next = afterNine ? 10 : prevLast + 1;
  return afterNine || String(next).startsWith(String(last)) ? code.slice(0, cut + 1) + String(next) : code;
}

/**
 * A row with no code and no name continues the row above when a page break split it:
 * right after a repeated header, a cell starts in lower case (mid-sentence).
 */
function isContinuation(st: RowReader, i: number, pageBreak: boolean): boolean {
  if (!st.items.length) return false;
  const g = st.g;
  let lower = 0;
  let nonEmpty = 0;
  const row = rowText(g, i);
  for (let j = rowStart(g, i), end = j + g.cols; j < end; j++) {
    const t = row[j]!;
    if (!t) continue;
    nonEmpty++;
    if (startsLower(t)) lower++;
  }
  if (!nonEmpty) return false;
  return pageBreak ? lower > 0 : lower === nonEmpty;
}

function joinContinuation(st: RowReader, i: number): void {
  const it = st.items[st.items.length - 1]!;
  it.rows.push(excelRow(st, i));
  st.appendix.continuationRows.push(excelRow(st, i));
  const join = (a: string, b: string) => (!a ? b : !b ? a : BULLET.test(b) ? `${a}\n${b}` : `${a} ${b}`);
  it.task = join(it.task, cellText(st, st.roles.task, i));
  it.targetText = join(it.targetText, cellText(st, st.roles.target, i));
  it.evidenceRequired = join(it.evidenceRequired, cellText(st, st.roles.evidenceRequired, i));
  it.deadline = join(it.deadline, cellText(st, st.roles.deadline, i));
  it.product = join(it.product, cellText(st, st.roles.product, i));
  it.actual = join(it.actual, cellText(st, st.roles.actual, i));
  it.evidence = join(it.evidence, cellText(st, st.roles.evidence, i));
  it.explanation = join(it.explanation, cellText(st, st.roles.explanation, i));
  const lead = cellText(st, st.roles.lead, i);
  if (lead) it.lead = agenciesOf(st, 'lead', joinAgencyText(earlierRowsText(st, it, st.roles.lead), lead));
  const coordinating = cellText(st, st.roles.coordinating, i);
  if (coordinating) it.coordinating = agenciesOf(st, 'coordinating', joinAgencyText(earlierRowsText(st, it, st.roles.coordinating), coordinating));
  it.targets = targetsOf(st, it.targetText);
}

// Original cell text of the item's rows before this one, so a word cut by the page break is rejoined ("Thường" + "xuyên").
function earlierRowsText(st: RowReader, it: AppendixItem, cols: readonly number[] | null): string {
  return it.rows.slice(0, -1).map((r) => cellText(st, cols, r - st.g.row0)).filter(Boolean).join(' ');
}

/**
 * parseAgencies, once per distinct cell text and role of the sheet (agencies recur on most
 * rows). Per role: an item's lead and coordinating lists must never share objects, the
 * validator tells them apart by identity.
 */
function agenciesOf(st: RowReader, role: 'lead' | 'coordinating', text: string): readonly AgencyRef[] {
  if (!text) return EMPTY;
  const cache = role === 'lead' ? st.leadCache : st.coordinatingCache;
  let refs = cache.get(text);
  if (refs === undefined) {
    refs = parseAgencies(text);
    cache.set(text, refs);
  }
  return refs;
}

/** parseTarget, once per distinct text of the sheet ("100%", "Đúng thời gian quy định" recur). */
function targetsOf(st: RowReader, text: string): readonly ParsedTarget[] {
  if (!text) return EMPTY;
  let t = st.targetCache.get(text);
  if (t === undefined) {
    // parseTarget cleans again: joined columns and decoded entities ("&lt;b&gt;95%" → "<b>95%")
    // are not always clean text yet.
    t = parseTarget(text);
    st.targetCache.set(text, t);
  }
  return t;
}

function pushItem(st: RowReader, i: number, kind: AppendixItem['kind'], code: string, path: string, level: number, parent: number, name: string): number {
  const row = excelRow(st, i);
  const item: AppendixItem = {
    row,
    rows: [row],
    kind,
    code,
    path,
    level,
    parent,
    children: EMPTY,
    name,
    task: cellText(st, st.roles.task, i),
    maxPoints: null,
    targetPoints: null,
    surveyOnly: false,
    notApplicable: false,
    targetText: '',
    targetCol: '',
    targets: EMPTY,
    evidenceRequired: cellText(st, st.roles.evidenceRequired, i),
    deadline: cellText(st, st.roles.deadline, i),
    product: cellText(st, st.roles.product, i),
    lead: agenciesOf(st, 'lead', cellText(st, st.roles.lead, i)),
    leadInheritedFrom: null,
    coordinating: agenciesOf(st, 'coordinating', cellText(st, st.roles.coordinating, i)),
    actual: cellText(st, st.roles.actual, i),
    actualRaw: rawCell(st, st.roles.actual, i),
    selfPoints: null,
    evidence: cellText(st, st.roles.evidence, i),
    explanation: cellText(st, st.roles.explanation, i),
    baseline: null,
  };
  if (kind !== 'total') readTargets(st, i, item);
  readPoints(st, i, item);
  const idx = st.items.length;
  st.items.push(item);
  if (parent >= 0) addChild(st.items[parent]!, idx);
  if (kind !== 'total' && kind !== 'baseline') registerPath(st, path, idx, i, code);
  return idx;
}

/** The reader owns the child lists it makes: the shared EMPTY until the first child, then its own. */
function addChild(p: AppendixItem, idx: number): void {
  if (p.children.length === 0) p.children = [idx];
  else (p.children as number[]).push(idx);
}

function registerPath(st: RowReader, path: string, idx: number, i: number, code: string): void {
  const prev = st.pathSeen.get(path);
  if (prev !== undefined && code) {
    st.findings.push({
      kind: 'duplicate-code',
      severity: 'error',
      row: excelRow(st, i),
      column: roleLetter(st, 'code'),
      code,
      params: { code, firstRow: st.items[prev]!.row },
    });
    return; // keep the first for hierarchy lookups
  }
  st.pathSeen.set(path, idx);
}

function roleLetter(st: RowReader, role: ColumnRole): string {
  return roleLetters(st.appendix.columns)[role]; // only for a finding: no need to keep the map
}

/** Targets: the target columns, then thresholds written in product / deadline / requirement cells. */
function readTargets(st: RowReader, i: number, item: AppendixItem): void {
  let text = '';
  for (const j of st.roles.target ?? []) {
    const t = textAt(st.g, i, j);
    if (!t) continue;
    // "Mục tiêu đạt được" holding points (1,25) is a points target, not a phrase.
    const points = pointsIn(st.g.raw[i]![j] ?? t);
    if (points !== null) item.targetPoints = points;
    else if (!text) {
      item.targetCol = columnLetter(st.g.col0 + j);
      text = t;
    } else text = `${text}\n${t}`;
  }
  setTargets(st, item, text);
}

/** An item's target text and its targets, else checkable ones written in its product or timeframe. */
function setTargets(st: RowReader, item: AppendixItem, text: string): void {
  item.targetText = text;
  item.targets = targetsOf(st, text);
  if (firstCheckable(item.targets) === null) {
    const found = targetsIn(st, item.product) ?? targetsIn(st, item.deadline);
    if (found) item.targets = [...found, ...item.targets];
  }
}

/**
 * The points a target cell holds (1.25, "1,25"), else null: a percent, a comparison or a phrase is
 * a target. A number cell (most points cells) without parseViNumber's result object.
 */
function pointsIn(raw: unknown): number | null {
  if (typeof raw === 'number') return parseViValue(raw);
  if (typeof raw === 'string') {
    if (!couldBeNumber(raw)) return null;
    // A plain number text: points unless it ends in "%" (parseViNumber's first case, no object).
    const body = plainNumberBody(raw);
    if (body) return body === raw.length ? plainNumberValue(raw, body) : null;
    // A phrase that starts with a number ("79% số vấn đề…") is no number: no NFC copy and regex for it.
    if (!mayBeNumberText(raw)) return null;
  }
  const tp = parseViNumber(raw);
  return tp.ok && !tp.op && !tp.percent ? tp.value : null;
}

/** Checkable targets written in a product or deadline cell that reads like one; null when none. */
function targetsIn(st: RowReader, extra: string): ParsedTarget[] | null {
  if (!extra || !looksLikeTarget(extra)) return null;
  const found = targetsOf(st, extra).filter((t) => t.threshold.kind !== 'qualitative');
  return found.length ? found : null;
}

function readPoints(st: RowReader, i: number, item: AppendixItem): void {
  const maxText = cellText(st, st.roles.maxPoints, i);
  if (maxText) {
    const n = parseViValue(rawCell(st, st.roles.maxPoints, i) ?? maxText);
    if (n !== null && isPoints(n)) item.maxPoints = n;
    else if (isSurvey(maxText)) item.surveyOnly = true;
    else if (isNotApplicable(maxText)) item.notApplicable = true;
    else badNumber(st, i, 'maxPoints', maxText, item.code);
  }
  const selfText = cellText(st, st.roles.selfPoints, i);
  if (selfText) {
    const n = parseViValue(rawCell(st, st.roles.selfPoints, i) ?? selfText);
    if (n !== null && isPoints(n)) item.selfPoints = n;
    else if (isNotApplicable(selfText)) item.notApplicable = true;
    else badNumber(st, i, 'selfPoints', selfText, item.code);
  }
  if (isNotApplicable(item.actual)) item.notApplicable = true;
}

function badNumber(st: RowReader, i: number, role: ColumnRole, text: string, code: string): void {
  st.findings.push({
    kind: 'bad-number',
    severity: 'error',
    row: excelRow(st, i),
    column: roleLetter(st, role),
    code,
    params: { value: text.slice(0, 80) },
  });
}

/**
 * An empty lead cell usually means a vertical merge lost in conversion. A lost merge keeps its
 * value in its TOP cell, so the row takes the parent's lead, else the nearest sibling's ABOVE it;
 * never a later sibling's (that would hide a lead nobody wrote: Lào Cai 1.4.1, first under 1.4,
 * is reported, not given 1.4.2's). With none, the lead stays empty and validation reports it.
 * Siblings come in item order, so one array of the last lender per parent, filled as the loop
 * goes, finds it: no scan per row. A lender has its own lead and no children (an inherited lead
 * is never lent; a merge does not span a sub-criterion's rows).
 * An extra task row (no code, no name: the criterion's cells went on over it, often past a page
 * break: Hà Giang G17) takes the parent's timeframe the same way.
 */
function inheritLeads(st: RowReader): void {
  const items = st.items;
  let lastLender: Int32Array | null = null; // by parent; made when a row first needs it
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'task' && !it.deadline && it.parent >= 0 && !it.code && !it.name) it.deadline = items[it.parent]!.deadline;
    if (it.lead.length) {
      if (it.parent >= 0 && !it.children.length && lastLender) lastLender[it.parent] = k + 1;
      continue;
    }
    if (it.kind === 'total' || it.kind === 'baseline' || it.children.length || it.surveyOnly) continue;
    const parent = it.parent >= 0 ? items[it.parent]! : null;
    if (!parent) continue;
    if (parent.lead.length) {
      it.lead = parent.lead;
      it.leadInheritedFrom = parent.row;
      continue;
    }
    lastLender ??= lendersBefore(items, k);
    const s = lastLender[it.parent]! - 1;
    if (s >= 0) {
      it.lead = items[s]!.lead;
      it.leadInheritedFrom = items[s]!.row;
    }
  }
}

/**
 * The last lender (index + 1, 0 for none) of each parent among items[0, k): made once, at the
 * first row that needs a sibling's lead; inheritLeads keeps it up to date from there.
 */
function lendersBefore(items: AppendixItem[], k: number): Int32Array {
  const last = new Int32Array(items.length);
  for (let s = 0; s < k; s++) {
    const it = items[s]!;
    if (it.parent >= 0 && it.lead.length && it.leadInheritedFrom === null && !it.children.length) last[it.parent] = s + 1;
  }
  return last;
}

/** Points no appendix can hold (1e300 typed or pasted) are bad numbers, so sums stay finite. */
const MAX_POINTS = 1e9;
function isPoints(n: number): boolean {
  return Math.abs(n) <= MAX_POINTS;
}

function joinAgencyText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return `${a} ${b}`;
}


/**
 * The number after the last dot of a numeric code (isNumericCode: digits and dots only, "1.2.10" → 10), read by
 * hand: once per coded row.
 */
function lastSegment(code: string): number {
  let n = 0;
  let scale = 1;
  for (let i = code.length - 1; i >= 0; i--) {
    const c = code.charCodeAt(i);
    if (c === 46) break;
    n += (c - 48) * scale;
    scale *= 10;
  }
  return n;
}

/** Parts of a dotted code ("1.2.3" → 3), as code.split('.').length without the array. */
function segments(code: string): number {
  let n = 1;
  for (let k = code.indexOf('.'); k >= 0; k = code.indexOf('.', k + 1)) n++;
  return n;
}

// Product / timeframe cells hold thresholds only when written as one (">95%", "≥1 lần/năm", "100%").
function looksLikeTarget(text: string): boolean {
  // Every form below has a "%" or a comparison sign: most product / deadline cells have neither.
  if (!text.includes('%') && !/[<>≥≤=]/.test(text)) return false;
  return /^\s*(mức\s*\d+\s*)?[<>≥≤=]|^\s*\d+([.,]\d+)?\s*%|\d\s*%/i.test(text);
}

function startsLower(t: string): boolean {
  const c = t.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function normaliseCode(text: string, raw: unknown): string {
  let s = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : text;
  if (!isBareCode(s)) s = s.trim().replace(/[.:)]+$/, '').replace(/\s+/g, '');
  return s.length > 20 ? '' : s;
}

/** No space anywhere and no ".", ":" or ")" at the end ("1.2.3", "IV"): nothing to normalise. */
function isBareCode(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  if (last === 46 || last === 58 || last === 41) return false;
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

function isTotalLabel(s: string): boolean {
  if (!s || s.length > 30) return false;
  const c = foldedFirstCode(s);
  if (c !== 116 && c !== 99) return false; // "t…" / "c…"; spares a fold per row
  const f = fold(s);
  return /^(tong so|tong cong|tong|cong|tong diem|total)$/.test(f);
}

function isSurvey(text: string): boolean {
  const f = fold(text);
  return f.includes('dieu tra') || f.includes('xhh') || f.includes('khao sat');
}

export function isNotApplicable(text: string): boolean {
  if (!text || isExcelError(text)) return false; // "#N/A" is a failed formula, not "n/a"
  const c = foldedFirstCode(text);
  if (c !== 107 && c !== 110) return false; // "k…" / "n…"; spares a fold per row
  const f = fold(text);
  return /^(khong phat sinh|khong ap dung|kps|kad|n a|na|not applicable)\b/.test(f);
}
