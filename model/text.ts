// Text helpers shared by the reader, agency matching and header mapping.

const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const HTML_ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

// Text needing no work in cleanText: printable ASCII but "<" and "&", Latin-1 letters up to
// U+02FF and Vietnamese letters (U+1E00–U+1EFF) — all NFC-stable and unable to compose with each
// other — with single spaces and no space or line break at a line's edges. Most cells are so.
// The edges by hand, the inside in one regex (this runs on every text cell; measured faster than
// a character loop, or than the edges as regex alternatives tried at every position). Two spaces
// or line breaks in a row as one class pair, not three literal pairs: ~12 % faster over the
// 3.9 M characters of a 10,000-row sheet. It also sends an inner blank line ("a\n\nb") to
// cleanSlow, which gives it back unchanged (inner lines are kept), so the result is the same.
// The pair first: for test() the order of the alternatives changes nothing but the speed, and
// this order measured ~20 % faster over the sheet's strings (0.78–0.82 × the class first).
const NEEDS_CLEANING_INSIDE = /[ \n][ \n]|[^\n\u0020-\u0025\u0027-\u003b\u003d-\u007e\u00c0-\u02ff\u1e00-\u1eff]/;

function needsCleaning(s: string): boolean {
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first === 32 || first === 10 || last === 32 || last === 10) return true;
  return NEEDS_CLEANING_INSIDE.test(s);
}

/**
 * An Excel error value as the hosts hand it over (Office.js and the CLI both give its text): a
 * formula that failed. Never a result, a number, evidence or "n/a" (#N/A folds to "n a").
 */
const EXCEL_ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|PYTHON!|EXTERNAL!)$/;

export function isExcelError(text: string): boolean {
  return text.charCodeAt(0) === 35 && EXCEL_ERROR.test(text); // "#": one comparison for every other text
}

/**
 * A cell value as clean display text: NFC, HTML tags left by copy-paste removed
 * (block tags become line breaks), spaces collapsed per line, line breaks kept.
 */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'string') {
    if (!needsCleaning(value)) return value;
    s = value;
  } else if (typeof value === 'number' || typeof value === 'boolean') return String(value); // never needs cleaning
  else if (value instanceof Date) s = Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  else s = safeString(value);
  return cleanSlow(s);
}

/** String(value) for values that refuse it (Object.create(null), a throwing toString): "". */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '';
  }
}

function cleanSlow(input: string): string {
  let s = input.normalize('NFC');
  if (s.includes('<')) {
    s = s.replace(/<\s*(br|\/p|\/li|\/div)\s*\/?>/gi, '\n').replace(HTML_TAG, '');
  }
  if (s.includes('&')) s = s.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (m) => HTML_ENTITIES[m] ?? m);
  s = s.replace(/\r\n?/g, '\n').replace(/[\u00a0\t\u200b]/g, ' ');
  const lines = s.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  // Drop empty lines at the ends but keep the officer's inner line structure.
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** fold() as written: NFD, no combining marks, đ → d, lower case, punctuation runs → one space. */
export function foldSlow(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

// fold() one UTF-16 unit at a time from a table filled lazily with foldSlow's per-character
// result: -1 not yet known, 0 nothing (a combining mark), 32 a separator, else the one character
// kept. Per-character equals whole-string here: NFD never merges characters, reordering only
// moves marks (dropped, or separators either way), and no character (nor surrogate) folds to
// more than one letter — test/engine-fast-paths.test.ts checks it on every BMP character.
const FOLD_TABLE = new Int32Array(65536).fill(-1);
for (let c = 0; c < 128; c++) {
  FOLD_TABLE[c] = c >= 97 && c <= 122 ? c : c >= 65 && c <= 90 ? c + 32 : (c >= 48 && c <= 57) || c === 37 ? c : 32;
}
const FOLD_FAST_MAX = 8192;
const FOLD_BYTES = new Uint8Array(FOLD_FAST_MAX);
const FOLD_VIEWS: Uint8Array[] = [];
// The folded text is ASCII: decoding bytes beats String.fromCharCode.apply where there is a
// TextDecoder (browsers, Node); elsewhere the plain way.
interface Latin1Decoder {
  decode(bytes: Uint8Array): string;
}
const DECODER: Latin1Decoder | null = (() => {
  const D = (globalThis as { TextDecoder?: new (label: string) => Latin1Decoder }).TextDecoder;
  try {
    return typeof D === 'function' ? new D('latin1') : null;
  } catch {
    return null;
  }
})();

// Decoding has a fixed cost (~40 ns) that pays only from about 32 characters: shorter folded
// texts, most of them ("dat", "hoan thanh", "tang 7%"), are made from an array of their codes.
const FOLD_SHORT_MAX = 32;

function shortText(bytes: Uint8Array, n: number): string {
  const codes = new Array<number>(n);
  for (let i = 0; i < n; i++) codes[i] = bytes[i]!;
  return String.fromCharCode.apply(null, codes);
}

function foldCode(c: number): number {
  const p = String.fromCharCode(c).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9%]+/g, ' ');
  const code = p === '' ? 0 : p.length === 1 ? p.charCodeAt(0) : -2;
  FOLD_TABLE[c] = code;
  return code;
}

/**
 * Fold text for matching: lower case, no diacritics (đ → d), punctuation as spaces,
 * whitespace collapsed. "Văn phòng UBND Tỉnh." → "van phong ubnd tinh".
 */
export function fold(s: string): string {
  if (s.length > FOLD_FAST_MAX) return foldSlow(s);
  const n = foldBytes(s, FOLD_FAST_MAX);
  return n < 0 ? foldSlow(s) : foldedText(n);
}

/**
 * fold(s).slice(0, max), folding no further: for rules that read only a text's first words
 * (max < FOLD_FAST_MAX).
 */
export function foldHead(s: string, max: number): string {
  const n = foldBytes(s, max);
  return n < 0 ? foldSlow(s).slice(0, max) : foldedText(Math.min(n, max));
}

/**
 * fold(s) === folded, without making the folded text: s is folded only until it is longer than
 * `folded` (a header's signature against a data cell, at every row of a sheet).
 */
export function foldEquals(s: string, folded: string): boolean {
  const len = folded.length;
  if (len >= FOLD_FAST_MAX - 2 || s.length > FOLD_FAST_MAX) return fold(s) === folded;
  const n = foldBytes(s, len + 1);
  if (n < 0) return fold(s) === folded;
  if (n !== len) return false;
  const out = FOLD_BYTES;
  for (let k = 0; k < len; k++) if (out[k] !== folded.charCodeAt(k)) return false;
  return true;
}

/**
 * Folds s into FOLD_BYTES until `max` characters are out (one more may follow): their number,
 * or -1 where only foldSlow can fold (never for any character today, see above).
 */
function foldBytes(s: string, max: number): number {
  const out = FOLD_BYTES;
  let n = 0;
  let space = false;
  for (let i = 0; i < s.length && n < max; i++) {
    let code = FOLD_TABLE[s.charCodeAt(i)]!;
    if (code < 0) {
      code = foldCode(s.charCodeAt(i));
      if (code < 0) return -1;
    }
    if (code === 0) continue;
    if (code === 32) {
      space = true;
      continue;
    }
    if (space && n) out[n++] = 32;
    space = false;
    out[n++] = code;
  }
  return n;
}

/** The first n characters of FOLD_BYTES as a string. */
function foldedText(n: number): string {
  const out = FOLD_BYTES;
  if (n === 0) return '';
  if (n <= FOLD_SHORT_MAX) return shortText(out, n);
  const bytes = (FOLD_VIEWS[n] ??= out.subarray(0, n)); // one view per length, made once
  return DECODER ? DECODER.decode(bytes) : String.fromCharCode.apply(null, bytes as unknown as number[]);
}

/** The first character fold(s) would return (as a char code), 0 when it would be empty. */
export function foldedFirstCode(s: string): number {
  if (s.length > FOLD_FAST_MAX) return foldSlow(s).charCodeAt(0) || 0;
  for (let i = 0; i < s.length; i++) {
    let code = FOLD_TABLE[s.charCodeAt(i)]!;
    if (code < 0) {
      code = foldCode(s.charCodeAt(i));
      if (code < 0) return foldSlow(s).charCodeAt(0) || 0;
    }
    if (code !== 0 && code !== 32) return code;
  }
  return 0;
}

/** JavaScript's \s (WhiteSpace and LineTerminator) for one UTF-16 unit. */
export function isSpaceCode(ch: number): boolean {
  if (ch < 128) return ch === 32 || (ch >= 9 && ch <= 13);
  return (
    ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 ||
    ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff
  );
}

// Letters of Excel's 16,384 columns, each made once on first use: the reader names the target
// column of every row (a new string each time was ~10,000 strings per large sheet).
const LETTERS: string[] = [];
const EXCEL_COLUMNS = 16_384;

/** Excel column letter for a 1-based column number. */
export function columnLetter(col: number): string {
  const n = Math.max(1, Math.floor(col));
  if (n <= EXCEL_COLUMNS) return (LETTERS[n] ??= lettersOf(n));
  return lettersOf(n);
}

function lettersOf(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based column number for a column letter ("A" → 1, "AA" → 27); 0 when invalid. */
export function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return 0;
    n = n * 26 + (c - 64);
  }
  return n;
}
