// Pure logic behind the CCHC.* custom functions: input checks, the analysis cache, measure
// selection and result shaping. No Office globals here, so it runs (and is tested) in Node.
import type {
  Analysis,
  AnalyzeOptions,
  CheckOutcome,
  Lang,
  ParsedTarget,
  SheetSnapshot,
  SummaryTable,
  Threshold,
} from '../../model';
import { MAX_GRID_CELLS } from '../../model/grid';
import { denseDataBlock, SNAPSHOT_GAP } from '../../model/sheet-block';
import { looksLikeOwnSummary, quotedSheetName, sheetOfAddress as sheetOfAddressText } from '../../model/sheet-names';
import { fold } from '../../model/text';
import { getLanguage } from '../shared/language';
import { getAssessmentYear, getEvidencePolicy, getPaneTitleYear } from '../shared/policy';
import { parseYear } from '../../model/stages';
import { targetForYear } from '../../model/stage-for-year';

/** The engine calls the functions need (injected so tests can use a fake engine). */
export interface FunctionsEngine {
  analyzeSheet(snapshot: SheetSnapshot, options?: AnalyzeOptions): Analysis;
  buildSummaryTables(a: Analysis, lang?: Lang): SummaryTable[];
  parseTarget(text: string): ParsedTarget[];
  evaluateThreshold(threshold: Threshold, actual: unknown, lang?: Lang): CheckOutcome;
  formatThreshold(threshold: Threshold, lang?: Lang): string;
}

// Language: the add-in-wide setting (the task pane changes it; same page, shared runtime).
export { setLanguage as setFunctionsLanguage, getLanguage as getFunctionsLanguage } from '../shared/language';

// ---------------------------------------------------------------------------------------------
// Messages: the wording of expected input problems, one table per language.

export type FunctionMessageKey =
  | 'table-not-range'
  | 'table-empty'
  | 'no-table'
  | 'no-stt'
  | 'bad-snapshot'
  | 'empty-sheet'
  | 'bad-measure'
  | 'no-points'
  | 'no-self-points'
  | 'no-max'
  | 'no-summary'
  | 'target-empty'
  | 'target-unparsed'
  | 'target-number'
  | 'target-boolean'
  | 'arg-error'
  | 'bad-year'
  | 'internal';

type MessageParams = Record<string, string>;

export const FUNCTION_MESSAGES: Record<Lang, Record<FunctionMessageKey, (p: MessageParams) => string>> = {
  vi: {
    'table-not-range': () => 'Đối số bảng phải là một vùng ô (ví dụ A1:P200).',
    'table-empty': () => 'Vùng bảng đang trống.',
    // The engine's no-table wording for a range (model/messages.ts UNNAMED_MESSAGES), then what to
    // change: the range is what the officer chose, the sheet is not at fault.
    'no-table': (p) =>
      `Không tìm thấy bảng phụ lục (cần dòng tiêu đề có STT/TT và tên tiêu chí/nhiệm vụ) trong vùng ${p.range || 'dữ liệu'}: vùng phải bắt đầu từ dòng tiêu đề của bảng (dòng có STT/TT) và gồm các dòng bên dưới.`,
    'no-stt': (p) =>
      `Vùng ${p.range || 'dữ liệu'} có dòng tiêu đề nhưng không có cột STT/TT (mã tiêu chí): hãy chọn vùng gồm cả cột STT/TT; không có mã thì không biết tiêu chí nào thuộc lĩnh vực nào.`,
    'bad-snapshot': () => 'Dữ liệu vùng ô không đọc được.',
    'empty-sheet': () => 'Vùng bảng đang trống.',
    'bad-measure': (p) =>
      `Không hiểu loại điểm "${p.measure}". Dùng: "accepted" (được chấp nhận), "max" (tối đa), "claimed" (tự đánh giá), "risk" (có rủi ro) hoặc "index" (chỉ số %).`,
    'no-points': () => 'Bảng này không có cột điểm (phụ lục nhiệm vụ), nên không có điểm để tính.',
    'no-self-points': () =>
      'Vùng không có cột điểm tự đánh giá, nên không có điểm tự đánh giá, được chấp nhận hay có rủi ro: hãy chọn vùng gồm cả các cột tự đánh giá, hoặc thêm các cột đó ("Thêm cột tự đánh giá" trong bảng kiểm tra); không có chúng chỉ tính được "max".',
    'no-max': () => 'Không tính được chỉ số % vì tổng điểm tối đa bằng 0.',
    'no-summary': () => 'Không có bảng tổng hợp theo lĩnh vực cho vùng này.',
    'target-empty': () => 'Chưa nhập chỉ tiêu.',
    'target-unparsed': (p) => `Không nhận ra chỉ tiêu trong "${p.text}".`,
    'target-number': (p) =>
      `Ô chỉ tiêu chứa số ${p.text}: không rõ là số lượng, năm hay ngày. Hãy ghi chỉ tiêu bằng chữ (ví dụ "≥ ${p.text}"); chỉ số từ trên 0 đến 1 được hiểu là tỷ lệ (0,95 là 95%).`,
    'target-boolean': (p) =>
      `Ô chỉ tiêu chứa giá trị ${p.text} (ô đánh dấu), không phải chỉ tiêu: hãy ghi chỉ tiêu bằng chữ (ví dụ "Đạt" hoặc "≥ 95%").`,
    'arg-error': (p) => `Ô ${p.arg === 'target' ? 'chỉ tiêu' : 'kết quả thực hiện'} đang báo lỗi ${p.text}: hãy sửa ô đó trước.`,
    'bad-year': (p) => `Năm đánh giá "${p.text}" không hợp lệ: ghi năm có 4 chữ số (ví dụ 2024), hoặc bỏ trống để dùng năm đã chọn trong ngăn parscore hay năm ghi ở tiêu đề bảng.`,
    internal: (p) => `Lỗi nội bộ của parscore: ${p.detail}`,
  },
  en: {
    'table-not-range': () => 'The table argument must be a cell range (for example A1:P200).',
    'table-empty': () => 'The table range is empty.',
    'no-table': (p) =>
      `No appendix table found (needs a header row with STT/TT and a criterion/task name) in the range${p.range ? ` ${p.range}` : ''}: the range must start at the table's header row (the row with STT/TT) and include the rows below it.`,
    'no-stt': (p) =>
      `The range${p.range ? ` ${p.range}` : ''} has a header row but no STT/TT (criterion code) column: include the STT/TT column in the range; without the codes the criteria have no hierarchy.`,
    'bad-snapshot': () => 'The range values could not be read.',
    'empty-sheet': () => 'The table range is empty.',
    'bad-measure': (p) =>
      `Unknown measure "${p.measure}". Use "accepted", "max", "claimed", "risk" or "index".`,
    'no-points': () => 'This table has no points columns (a task appendix), so there is no score.',
    'no-self-points': () =>
      'The range has no self-assessment points column, so there are no claimed, accepted or at-risk points: include the self-assessment columns in the range, or add them ("Add self-assessment columns" in the pane); without them only "max" can be computed.',
    'no-max': () => 'The index % is undefined because the maximum points total 0.',
    'no-summary': () => 'There is no by-field summary for this range.',
    'target-empty': () => 'No target was given.',
    'target-unparsed': (p) => `No target was recognised in "${p.text}".`,
    'target-number': (p) =>
      `The target cell holds the number ${p.text}: a count, a year or a date? Write the target as text (for example "≥ ${p.text}"); only a number above 0 up to 1 is read as a rate (0.95 is 95%).`,
    'target-boolean': (p) => `The target cell holds ${p.text} (a checkbox), not a target: write the target as text (for example "Đạt" or "≥ 95%").`,
    'arg-error': (p) => `The ${p.arg === 'target' ? 'target' : 'actual result'} cell shows the error ${p.text}: fix that cell first.`,
    'bad-year': (p) => `"${p.text}" is not an assessment year: write a four-digit year (for example 2024), or leave it out to use the year chosen in the parscore pane or named in the table's title.`,
    internal: (p) => `parscore internal error: ${p.detail}`,
  },
};

export const CHECK_WORDS: Record<Lang, { met: string; unmet: string; unknown: string }> = {
  vi: { met: 'Đạt', unmet: 'Chưa đạt: cần', unknown: 'Không xác định' },
  en: { met: 'Met', unmet: 'Not met: needs', unknown: 'Undetermined' },
};

/** Which Excel error an expected input problem becomes (only these two carry a message). */
export type FunctionErrorCode = 'invalidValue' | 'notAvailable';

/** An expected problem with the caller's input; functions.ts turns it into a CustomFunctions.Error. */
export class FunctionInputError extends Error {
  constructor(
    readonly code: FunctionErrorCode,
    readonly key: FunctionMessageKey,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionInputError';
  }
}

export function inputError(
  code: FunctionErrorCode,
  key: FunctionMessageKey,
  params: MessageParams = {},
  lang: Lang = getLanguage(),
): FunctionInputError {
  return new FunctionInputError(code, key, FUNCTION_MESSAGES[lang][key](params));
}

// ---------------------------------------------------------------------------------------------
// Cache: analyses keyed by a sampled key of the 2-D array (tableKey), proved equal cell by cell
// (sameTable), bounded LRU.

/** A non-string cell as text that tells its type: what tableKey hashes of it, and how sameTable compares objects. */
function cellToken(cell: unknown): string {
  if (cell === null || cell === undefined) return '\u0002';
  switch (typeof cell) {
    case 'number':
      return `\u0004${Object.is(cell, -0) ? '0' : String(cell)}`;
    case 'boolean':
      return cell ? '\u0005' : '\u0006';
    default:
      if (cell instanceof Date) return `\u0007${cell.getTime()}`;
      try {
        return `\u0008${JSON.stringify(cell)}`;
      } catch {
        return `\u0008${String(cell)}`;
      }
  }
}

/**
 * A cheap key of a 2-D array: its shape and a hash of at most ~256 sampled cells. Equal arrays
 * always share it; different ones usually do not, and the cache compares entries cell by cell
 * (sameTable) before trusting one, so the key only spreads ranges, it proves nothing. No pass
 * over every character: a repeated call on a 10,000-row range costs the comparison alone.
 */
export function tableKey(table: readonly (readonly unknown[])[]): string {
  let cells = 0;
  let width = 0;
  for (let r = 0; r < table.length; r++) {
    const n = table[r]!.length;
    cells += n;
    if (n > width) width = n;
  }
  const stride = Math.max(1, Math.floor(cells / 256));
  let h1 = 0x811c9dc5;
  let h2 = 0x9e3779b9;
  let next = 0;
  let g = 0;
  for (let r = 0; r < table.length; r++) {
    const row = table[r]!;
    if (g + row.length <= next) {
      g += row.length;
      continue;
    }
    for (let c = 0; c < row.length; c++, g++) {
      if (g !== next) continue;
      next += stride;
      // A string cell (nearly every sampled one) is hashed as its tag and characters, not as
      // cellToken's concatenation, which copied ~256 long texts a call.
      const cell = row[c];
      const token = typeof cell === 'string' ? cell : cellToken(cell);
      // A string's tag, its length above every UTF-16 unit, never reads as a character; other
      // cells' tokens start with their type's control character.
      const tag = typeof cell === 'string' ? 0x10000 + cell.length : 0;
      h1 = Math.imul(h1 ^ tag, 0x01000193);
      h2 = Math.imul(h2 ^ tag, 0x5bd1e995);
      h2 ^= h2 >>> 15;
      for (let i = 0; i < token.length; i++) {
        const ch = token.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 0x01000193);
        h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
        h2 ^= h2 >>> 15;
      }
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${table.length}x${width}:${cells}:${hex(h1)}${hex(h2)}`;
}

/** Same content, cell for cell (null = undefined, -0 = 0, NaN = NaN, data types and errors by content: cellToken). */
export function sameTable(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      if (u === v) continue;
      if (typeof u === 'string' || typeof v === 'string' || typeof u === 'boolean') return false;
      if ((u === null || u === undefined) && (v === null || v === undefined)) continue;
      if (typeof u === 'number' && typeof v === 'number' && Number.isNaN(u) && Number.isNaN(v)) continue;
      if (typeof u === 'object' && u !== null && typeof v === 'object' && v !== null && cellToken(u) === cellToken(v)) continue;
      return false;
    }
  }
  return true;
}

/** Least-recently-used map with a fixed capacity (Map keeps insertion order). */
export class LruCache<V> {
  private readonly map = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity = 16) {}

  /** The entry under key without counting or refreshing it. */
  peek(key: string): V | undefined {
    return this.map.get(key);
  }

  /** The entry under key, counted as a hit; `accept` may still turn it down (then a miss). */
  get(key: string, accept?: (v: V) => boolean): V | undefined {
    const v = this.map.get(key);
    if (v === undefined || (accept && !accept(v))) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.map.delete(key);
    this.map.set(key, v);
    return v;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  get size(): number {
    return this.map.size;
  }

  clear(): void {
    this.map.clear();
    this.hits = 0;
    this.misses = 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Measures of PARSCORE.

export type Measure = 'max' | 'claimed' | 'accepted' | 'atRisk' | 'indexPercent';

const MEASURE_ALIASES: Record<string, Measure> = {};
for (const [measure, words] of Object.entries({
  // PARSUMMARY's own column headers (model/tables.ts, both languages, folded) name them too.
  accepted: ['accepted', 'accept', 'chap nhan', 'duoc chap nhan', 'diem duoc chap nhan', 'diem chap nhan'],
  max: ['max', 'maximum', 'toi da', 'diem toi da', 'max points'],
  claimed: ['claimed', 'claim', 'self', 'tu cham', 'tu danh gia', 'diem tu danh gia', 'diem tu cham', 'self assessed'],
  atRisk: ['risk', 'atrisk', 'at risk', 'rui ro', 'co rui ro', 'diem co rui ro'],
  indexPercent: ['index', 'percent', 'indexpercent', 'index percent', '%', 'chi so', 'ty le', 'ti le', 'chi so %', 'index %', 'phan tram'],
} satisfies Record<Measure, string[]>)) {
  for (const w of words) MEASURE_ALIASES[w] = measure as Measure;
}

/** The measure named by PARSCORE's second argument (empty → accepted). */
export function parseMeasure(value: unknown, lang: Lang = getLanguage()): Measure {
  if (value === null || value === undefined || value === '') return 'accepted';
  if (typeof value !== 'string') throw inputError('invalidValue', 'bad-measure', { measure: String(value) }, lang);
  const key = fold(value).replace(/\s+/g, ' ').trim();
  const compact = key.replace(/ /g, '');
  const m = MEASURE_ALIASES[key] ?? MEASURE_ALIASES[compact] ?? (value.trim() === '%' ? 'indexPercent' : undefined);
  if (!m) throw inputError('invalidValue', 'bad-measure', { measure: value }, lang);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Result shaping.

export type ExcelScalar = string | number | boolean;

/** A summary table as a spillable matrix: header + rows, rectangular, no nulls or NaN. */
export function tableToMatrix(t: Pick<SummaryTable, 'header' | 'rows'>): ExcelScalar[][] {
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length), 1);
  const shape = (row: readonly unknown[]): ExcelScalar[] => {
    const out: ExcelScalar[] = [];
    for (let c = 0; c < width; c++) out.push(toScalar(row[c]));
    return out;
  };
  return [shape(t.header), ...t.rows.map(shape)];
}

function toScalar(v: unknown): ExcelScalar {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Rejects anything that is not a non-empty 2-D array (Excel always passes one for a range). */
export function assertTable(table: unknown, lang: Lang = getLanguage()): unknown[][] {
  // A loop, not every(): with a callback it took 0.13 ms of a repeated 10,000-row call, this 0.01.
  let ok = Array.isArray(table);
  for (let i = 0; ok && i < (table as unknown[]).length; i++) ok = Array.isArray((table as unknown[])[i]);
  if (!ok) throw inputError('invalidValue', 'table-not-range', {}, lang);
  const rows = table as unknown[][];
  if (rows.length === 0 || rows.every((r) => r.every((c) => c === null || c === undefined || c === ''))) {
    throw inputError('invalidValue', 'table-empty', {}, lang);
  }
  return rows;
}

/**
 * The part of the range holding data: `=CCHC.PARSCORE(A:N)` hands over 1,048,576 rows and
 * `=CCHC.PARSCORE(1:123)` 16,384 columns, nearly all empty. Blank rows at the ends are dropped;
 * blank columns only when more than SNAPSHOT_GAP.cols (a few cost the engine nothing, and copying
 * every row of a 10,000-row range on every call would: a repeated PARSCORE must stay a few ms).
 * Only blank rows at the ends are scanned whole, and columns only in a range wider than
 * SNAPSHOT_GAP.cols. A block still over MAX_GRID_CELLS (a stray value far away) is cut as the
 * pane and the CLI cut a sheet (dataBlock).
 */
export function dataOnly(values: readonly (readonly unknown[])[]): unknown[][] {
  let top = 0;
  while (top < values.length && rowBlank(values[top]!)) top++;
  if (top === values.length) return [];
  let bottom = values.length - 1;
  while (rowBlank(values[bottom]!)) bottom--;
  let widest = 0;
  for (let i = 0; i < values.length; i++) if (values[i]!.length > widest) widest = values[i]!.length;
  let left = 0;
  let right = widest - 1;
  if (widest > SNAPSHOT_GAP.cols) {
    left = Infinity;
    right = -1;
    for (let i = top; i <= bottom; i++) {
      const r = values[i]!;
      let j = 0;
      while (j < r.length && isBlank(r[j])) j++;
      if (j === r.length) continue;
      let k = r.length - 1;
      while (isBlank(r[k])) k--;
      if (j < left) left = j;
      if (k > right) right = k;
    }
  }
  if ((bottom - top + 1) * (right - left + 1) > MAX_GRID_CELLS) return sparseBlock(values);
  // Blank rows go (one array of the same rows: the reader looks for the header in the first 60);
  // blank columns only when wide (each row copied).
  const rows = top === 0 && bottom === values.length - 1 ? values : values.slice(top, bottom + 1);
  if (widest - (right - left + 1) > SNAPSHOT_GAP.cols) return rows.map((r) => r.slice(left, right + 1));
  return rows as unknown[][];
}

/** Empty, or only spaces; a string starting with a visible character (nearly every cell) is not trimmed. */
function isBlank(v: unknown): boolean {
  if (v === '' || v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  if (c > 32 && c !== 160 && c !== 0x1680 && c < 0x2000) return false;
  return v.trim() === '';
}

function rowBlank(r: readonly unknown[]): boolean {
  for (let j = 0; j < r.length; j++) if (!isBlank(r[j])) return false;
  return true;
}

function sparseBlock(values: readonly (readonly unknown[])[]): unknown[][] {
  const b = denseDataBlock(values, isBlank).block;
  return values.slice(b.top - 1, b.bottom).map((r) => r.slice(b.left - 1, b.right));
}

/**
 * The sheet of an address as Excel gives parameter addresses ("'Tổng hợp điểm'!A1:I20",
 * "Sheet1!A1", "[Book1]Sheet1!A1"); '' when there is none.
 */
export function sheetOfAddress(address: unknown): string {
  return typeof address === 'string' ? sheetOfAddressText(address) : '';
}

/**
 * A range address as the messages name it ("'Phụ lục'!A7:N123", the workbook left out); '' when
 * Excel passed none (CustomFunctionsRuntime before 1.3).
 */
export function rangeLabel(address: unknown): string {
  if (typeof address !== 'string' || !address.trim()) return '';
  const cells = address.slice(address.lastIndexOf('!') + 1).trim();
  const sheet = sheetOfAddressText(address);
  return sheet ? `${quotedSheetName(sheet)}!${cells}` : cells;
}

// ---------------------------------------------------------------------------------------------
// Excel values beyond strings, numbers and booleans. functions.json sets
// allowCustomDataForDataTypeAny (data types reach `any` parameters as JSON objects) and, through
// webpack.config.js, allowErrorForDataTypeAny (error cells reach them instead of Excel not calling
// the function at all).

/** Excel's text for each ErrorCellValue errorType (Excel.ErrorCellValueType), for an error given without basicValue. */
const ERROR_TEXT: Record<string, string> = {
  Blocked: '#BLOCKED!',
  Busy: '#BUSY!',
  Calc: '#CALC!',
  Connect: '#CONNECT!',
  Div0: '#DIV/0!',
  External: '#EXTERNAL!',
  Field: '#FIELD!',
  GettingData: '#GETTING_DATA',
  NotAvailable: '#N/A',
  Name: '#NAME?',
  Null: '#NULL!',
  Num: '#NUM!',
  Ref: '#REF!',
  Spill: '#SPILL!',
  Value: '#VALUE!',
};

interface DataTypeLike {
  type?: unknown;
  basicType?: unknown;
  basicValue?: unknown;
  errorType?: unknown;
  text?: unknown;
  code?: unknown;
}

/**
 * The error an argument holds, as Excel writes it ("#N/A"), or null. Documented shapes: an
 * ErrorCellValue ({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" }), any data type
 * whose basicType is "Error" (an entity: "#VALUE!" wherever a plain value is needed), and a
 * CustomFunctions.Error ({ code: "#REF!" }, the ErrorCode values being "custom function input errors").
 */
export function excelErrorText(v: unknown): string | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) return null;
  const o = v as DataTypeLike;
  if (o.type === 'Error' || o.basicType === 'Error') {
    if (typeof o.basicValue === 'string' && o.basicValue) return o.basicValue;
    return (typeof o.errorType === 'string' && ERROR_TEXT[o.errorType]) || '#VALUE!';
  }
  if (o.type === undefined && typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  return null;
}

/**
 * A cell as Range.values gives it, so as the task pane reads it and the CLI reads the saved file: a
 * data type (FormattedNumber / Double, String, Boolean, Entity…) becomes its basicValue, an error
 * its text ("#N/A", which the engine reports as the CLI does). Without this the engine got
 * "[object Object]" and a FormattedNumber points cell lost its points. An entity without
 * basicValue gives its display text; anything else unknown "#VALUE!", as Range.values shows it.
 */
export function plainValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) return v;
  const o = v as DataTypeLike;
  const basic = o.basicValue;
  if (typeof basic === 'string' || typeof basic === 'number' || typeof basic === 'boolean') return basic;
  const error = excelErrorText(v);
  if (error) return error;
  return typeof o.text === 'string' ? o.text : '#VALUE!';
}

/**
 * values with every object cell replaced by plainValue; rows without one (nearly all) are the
 * same arrays, and values itself when nothing changed. Never writes to Excel's arrays.
 */
export function plainCells(values: unknown[][]): unknown[][] {
  let out: unknown[][] | null = null;
  for (let i = 0; i < values.length; i++) {
    const r = values[i]!;
    let copy: unknown[] | null = null;
    for (let j = 0; j < r.length; j++) {
      const c = r[j];
      if (typeof c !== 'object' || c === null) continue;
      const p = plainValue(c);
      if (p === c) continue;
      copy ??= r.slice();
      copy[j] = p;
    }
    if (copy) (out ??= values.slice())[i] = copy;
  }
  return out ?? values;
}

// ---------------------------------------------------------------------------------------------
// The four functions, over an injected engine.

export interface FunctionsLogic {
  /**
   * `sheet`: the sheet the table range is on, when Excel tells (see sheetOfAddress); `address`:
   * the range's address as Excel passes it, named in the messages about the range (rangeLabel).
   */
  score(table: unknown, measure?: unknown, sheet?: string, address?: string, year?: unknown): number;
  summary(table: unknown, sheet?: string, address?: string, year?: unknown): ExcelScalar[][];
  /**
   * `year`: the assessment year for a target set year by year (see yearArg); `sheet`: the sheet of
   * the target cell, when Excel tells, for the pane's title year there.
   */
  check(target: unknown, actual: unknown, year?: unknown, sheet?: string): string;
  target(text: unknown): string;
  /**
   * The (cached) analysis of a table; throws FunctionInputError when the table is unusable, with
   * the engine's message when the engine refused it.
   */
  analyze(table: unknown, sheet?: string, address?: string, year?: unknown): Analysis;
  readonly cache: LruCache<CachedAnalysis[]>;
}

/** An analysis and the values it was made from (a hit must equal them cell for cell). */
export interface CachedAnalysis {
  analysis: Analysis;
  values: unknown[][];
}

export function createFunctionsLogic(engine: FunctionsEngine, options: { cacheSize?: number } = {}): FunctionsLogic {
  const cache = new LruCache<CachedAnalysis[]>(options.cacheSize ?? 16);

  function analyze(table: unknown, sheet = '', address?: string, yearValue?: unknown): Analysis {
    const lang = getLanguage();
    const year = yearArg(yearValue, lang);
    // The range as Excel gave it (only the data block: not A:N's million rows), compared with the
    // cache as it is — sameTable compares data-type and error objects by content — so a repeated
    // call costs the comparison alone; data types and errors are unwrapped (plainCells) only for
    // an analysis (it measured +2 ms a repeated 10,000-row call when it ran every time).
    const raw = dataOnly(assertTable(table, lang));
    if (!raw.length) throw inputError('invalidValue', 'table-empty', {}, lang); // only spaces in it
    const evidencePolicy = getEvidencePolicy();
    // The sheet name is part of the key: the engine refuses parscore's own summary sheets by name.
    const fallback = year === null ? getPaneTitleYear(sheet) : null;
    const key = `${lang}|${evidencePolicy}|${year ?? ''}|${fallback ?? ''}|${sheet}|${tableKey(raw)}`;
    let hit: CachedAnalysis | undefined;
    cache.get(key, (bucket) => (hit = bucket.find((e) => sameTable(raw, e.values))) !== undefined);
    let a = hit?.analysis;
    if (!a) {
      // Copy rows: Excel may reuse the arrays it hands us, the cache must not see them change.
      const copy = raw.map((r) => r.slice());
      a = engine.analyzeSheet({ name: sheet, values: plainCells(copy), merges: [] }, { lang, evidencePolicy, year, defaultYear: fallback });
      // Ranges differing only in unsampled cells share a key: keep a few of them side by side.
      cache.set(key, [{ analysis: a, values: copy }, ...(cache.peek(key) ?? []).slice(0, 3)]);
    }
    if (!a.ok) {
      const code = a.error?.code ?? 'no-table';
      // No table in a range (e.g. A7:N123 under a header in rows 5–6) is the range's fault: the
      // engine's words blame the sheet. A header found without its STT column comes with its columns.
      if (code === 'no-table' && !looksLikeOwnSummary(sheet, plainCells(raw))) {
        throw inputError('invalidValue', a.appendix.columns?.length ? 'no-stt' : 'no-table', { range: rangeLabel(address) }, lang);
      }
      // The engine's own words (too large, parscore's summary sheet…), in the same language.
      throw new FunctionInputError('invalidValue', code, a.error?.message || FUNCTION_MESSAGES[lang][code]({}));
    }
    return a;
  }

  function score(table: unknown, measure?: unknown, sheet?: string, address?: string, year?: unknown): number {
    const lang = getLanguage();
    const m = parseMeasure(measure, lang);
    const a = analyze(table, sheet, address, year);
    if (!a.appendix.hasPoints) throw inputError('notAvailable', 'no-points', {}, lang);
    // A range leaving out the self-assessment points column (A5:J123, or a plan without it) has
    // no claimed points, not 0 of them: accepted, at risk and index come from them.
    if (m !== 'max' && !hasSelfPointsColumn(a)) throw inputError('notAvailable', 'no-self-points', {}, lang);
    const v = a.score.totals[m];
    if (v === null || !Number.isFinite(v)) throw inputError('notAvailable', 'no-max', {}, lang);
    return v;
  }

  function summary(table: unknown, sheet?: string, address?: string, year?: unknown): ExcelScalar[][] {
    const lang = getLanguage();
    const a = analyze(table, sheet, address, year);
    const t = engine.buildSummaryTables(a, lang).find((x) => x.key === 'fields');
    if (!t) throw inputError('notAvailable', 'no-summary', {}, lang);
    return tableToMatrix(t);
  }

  function parseTargets(text: unknown, lang: Lang): ParsedTarget[] {
    if (isBlank(text)) throw inputError('invalidValue', 'target-empty', {}, lang);
    // TRUE/FALSE (a checkbox) names no target; String(true) parsed as a qualitative "true" did.
    if (typeof text === 'boolean') throw inputError('invalidValue', 'target-boolean', { text: text ? 'TRUE' : 'FALSE' }, lang);
    if (typeof text === 'number' && Number.isFinite(text)) {
      const phrase = numberAsTarget(text);
      const parsed = phrase ? engine.parseTarget(phrase) : [];
      if (parsed.length === 0) throw inputError('invalidValue', 'target-number', { text: plainDecimal(text, lang) }, lang);
      return parsed;
    }
    const s = String(text);
    const targets = engine.parseTarget(s);
    if (targets.length === 0) throw inputError('invalidValue', 'target-unparsed', { text: clip(s) }, lang);
    return targets;
  }

  function check(targetArg: unknown, actualArg: unknown, yearValue?: unknown, sheet = ''): string {
    const lang = getLanguage();
    // No table here to name a year: the one the pane read from the title of the target cell's sheet.
    const year = yearArg(yearValue, lang) ?? getPaneTitleYear(sheet);
    const words = CHECK_WORDS[lang];
    const targets = parseTargets(scalarArg(targetArg, 'target', lang), lang);
    const actual = scalarArg(actualArg, 'actual', lang);
    if (isBlank(actual)) return words.unknown;
    // A boolean actual (a ticked checkbox) goes to the engine as it is: the table check reads TRUE
    // in the result column as "needs manual review", so PARCHECK("Đạt"; TRUE) is "Không xác định"
    // rather than "Đạt" for a row the pane leaves undetermined.
    //
    // The first checkable target, as the table's check takes it (validate.ts): one actual value
    // answers the first figure of "Có ít nhất 96% …; có văn bản xin lỗi đối với 100% hồ sơ …", and
    // the pane, PARSCORE and PARCHECK must not disagree on the same row. Set year by year, the
    // year's stage, as the table's check takes it too.
    const t = targetForYear(targets, year).target ?? targets[0]!;
    const outcome = engine.evaluateThreshold(t.threshold, actual, lang);
    if (outcome.status === 'unmet') return `${words.unmet} ${engine.formatThreshold(t.threshold, lang)}`;
    return outcome.status === 'met' ? words.met : words.unknown;
  }

  function target(textArg: unknown): string {
    const lang = getLanguage();
    const text = scalarArg(textArg, 'target', lang);
    if (isBlank(text)) return '';
    return parseTargets(text, lang)
      .map((t) => engine.formatThreshold(t.threshold, lang))
      .join('; ');
  }

  return { score, summary, check, target, analyze, cache };
}

/**
 * A function's year argument: left out (or blank), the year chosen in the task pane, else null
 * (the engine then takes the year the table's title names); else a year from 1900 to 2199, as a
 * number or four digits of text. Anything else is an input error, never a silent default.
 */
function yearArg(v: unknown, lang: Lang): number | null {
  if (v === undefined || v === null || isBlank(v)) return getAssessmentYear();
  const error = excelErrorText(v);
  const year = error ? null : parseYear(plainValue(v));
  if (year === null) throw inputError('invalidValue', 'bad-year', { text: clip(error || String(plainValue(v))) }, lang);
  return year;
}

/**
 * Whether the analysed range has the "Điểm tự đánh giá" column. An analysis without a column list
 * (hand-made by a test's fake engine; the engine always lists them) is taken to have it.
 */
function hasSelfPointsColumn(a: Analysis): boolean {
  return a.appendix.columns?.some((c) => c.role === 'selfPoints') ?? true;
}

/**
 * A PARCHECK / PARTARGET argument as a plain value (see plainValue). An error in it gives the
 * error back with a message instead of reading "#N/A" as a target text: #N/A stays #N/A (IFNA
 * still works), the others become #VALUE! naming it (#REF!, #NAME? cannot be returned, and the
 * rest carry no message).
 */
function scalarArg(v: unknown, arg: 'target' | 'actual', lang: Lang): unknown {
  const error = excelErrorText(v);
  if (error) throw inputError(error === '#N/A' ? 'notAvailable' : 'invalidValue', 'arg-error', { arg, text: error }, lang);
  return plainValue(v);
}

/**
 * A target cell holding a number rather than a phrase, as a phrase parseTarget reads; null when
 * the number alone does not say what the target is. Excel hands a cell showing "95%" to a
 * function as 0.95, and the rates of a plan are written so: a number above 0 up to 1 is a rate
 * ("≥ 95%"; 1 is 100%, the most common target). Any other number is refused: a count, a year
 * (2025) and a date (a serial number, 46022 for 31/12/2025) look alike to a function, and reading
 * a date as a minimum would pass a late finish. In the appendix table such a number is points
 * where the sheet has points (reader.ts pointsIn), a rate the same way where it has none or is a
 * SIPAS/PAPI index (reader.ts numbersAsRates); a PARCHECK target is a target by its place in the call.
 */
export function numberAsTarget(n: number): string | null {
  return n > 0 && n <= 1 ? `>= ${plainDecimal(n * 100, 'en')}%` : null;
}

/**
 * A number in plain decimals, never "1e-7" (parseTarget reads no exponent), float noise dropped
 * (0.07 × 100); Vietnamese with a decimal comma for messages.
 */
function plainDecimal(x: number, lang: Lang): string {
  return Number(x.toPrecision(12)).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function clip(s: string, max = 60): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
