// Vietnamese / English number parsing and Vietnamese formatting. Pure: no host imports.
//
// Separator rules (parseViNumber):
// - both "." and ",": the last one is the decimal mark, the other groups thousands
//   ("1.234,5" and "1,234.5" → 1234.5);
// - only ",": one comma is the Vietnamese decimal mark ("1,75" → 1.75, also "1,234" → 1.234);
//   several commas group thousands ("1,234,567");
// - only ".": "N.ddd" with N = 1–3 digits not starting with 0 groups thousands ("100.000" →
//   100000, "1.234" → 1234); any other single dot is a decimal point ("1.25", "0.5", "0.500",
//   "64.5"); several dots group thousands ("1.000.000").
// Thousands groups must be well formed (1–3 digits, then groups of exactly 3) or the text is
// not a number.

import { isSpaceCode } from './text';
import type { Lang, ParsedNumber, ThresholdOp } from './types';

const OPS: Record<string, ThresholdOp> = {
  '≥': '>=',
  '>=': '>=',
  '=>': '>=',
  '≤': '<=',
  '<=': '<=',
  '=<': '<=',
  '>': '>',
  '<': '<',
  '=': '=',
};

const NUMBER_TEXT = /^(≥|≤|>=|<=|=>|=<|>|<|=)?\s*([+\-\u2212])?\s*(\d[\d.,]*)\s*(%)?$/;

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return ''; // e.g. Object.create(null) has no toString
  }
}

function notNumber(raw: string, empty = false): ParsedNumber {
  return { ok: false, empty, raw };
}

/** Thousands-grouped digits: "1", "12.345", "1.234.567" (sep = "." or ","). */
function validGroups(s: string, sep: string): boolean {
  const groups = s.split(sep);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

/** Digits with "." / "," separators → number, or null when the separators are malformed. */
export function digitsToNumber(token: string): number | null {
  const digits = plainDigitsValue(token, 0, token.length);
  if (digits >= 0) return digits; // the usual token ("95", "2019"): no regex, no split
  const k = token.length <= 16 ? singleSeparator(token) : -1;
  if (k > 0) {
    // "1,75", "64.5", "100.000" (the next most usual), by index and without strings; the same
    // rules as below. All digits (at most 15) make an exact integer, and one division by an
    // exact power of ten rounds once, correctly: the double Number("1.75") gives.
    let whole = 0;
    for (let i = 0; i < k; i++) whole = whole * 10 + (token.charCodeAt(i) - 48);
    let all = whole;
    for (let i = k + 1; i < token.length; i++) all = all * 10 + (token.charCodeAt(i) - 48);
    const decimals = token.length - k - 1;
    const thousands = token.charCodeAt(k) === 46 && decimals === 3 && k <= 3 && token.charCodeAt(0) !== 48;
    return thousands ? all : all / POWERS_OF_TEN[decimals]!;
  }
  if (!/^\d+(?:[.,]\d+)*$/.test(token)) return null;
  const hasDot = token.includes('.');
  const hasComma = token.includes(',');
  let plain: string;
  if (hasDot && hasComma) {
    const dec = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    const parts = token.split(dec);
    if (parts.length !== 2 || !validGroups(parts[0], group)) return null;
    plain = `${parts[0].split(group).join('')}.${parts[1]}`;
  } else if (hasDot || hasComma) {
    const sep = hasDot ? '.' : ',';
    const parts = token.split(sep);
    if (parts.length > 2) {
      if (!validGroups(token, sep)) return null;
      plain = parts.join('');
    } else if (sep === '.' && parts[1].length === 3 && /^[1-9]\d{0,2}$/.test(parts[0])) {
      plain = parts.join(''); // "100.000": Vietnamese thousands
    } else {
      plain = `${parts[0]}.${parts[1]}`;
    }
  } else {
    plain = token;
  }
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** 10^0 … 10^15 as literals (each exact). */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The value of s[from, to) when it is 1–15 ASCII digits, else -1 (longer runs take the general
 * path). Digit by digit: at most 15 digits make an exact integer, Number(…), without a copy.
 */
export function plainDigitsValue(s: string, from: number, to: number): number {
  const n = to - from;
  if (n <= 0 || n > 15) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** Index of the one "." or "," between ASCII digits ("1,75" → 1), else -1. */
function singleSeparator(s: string): number {
  const n = s.length;
  if (n < 3) return -1;
  let at = -1;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c !== 46 && c !== 44) || at >= 0 || i === 0 || i === n - 1) return -1;
    at = i;
  }
  return at;
}

/**
 * Length of the digits-and-separators body of "1,75" / "97%" / "100.000" (a digit first, then
 * digits, "." and ",", then at most a final "%"), 0 for anything else. Such text needs none of
 * parseViNumber's normalising, trimming or regex: the body goes straight to digitsToNumber.
 */
export function plainNumberBody(s: string): number {
  const n = s.length;
  if (n === 0 || n > 64) return 0;
  let c = s.charCodeAt(0);
  if (c < 48 || c > 57) return 0;
  for (let i = 1; i < n; i++) {
    c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46 || c === 44) continue;
    return c === 37 && i === n - 1 ? i : 0;
  }
  return n;
}

/** The value of a plain number text whose digits plainNumberBody measured (body > 0), "%" aside; null when malformed. */
export function plainNumberValue(s: string, body: number): number | null {
  return digitsToNumber(body === s.length ? s : s.slice(0, body));
}

// What parseViNumber drops before reading: SPACES, then trim()'s (\s). couldBeNumber skips the same.
const SPACES = /[\u00a0\u2007\u2009\u202f\u200b\t]/g;
const NOT_SPACE = /[^\s\u200b]/;

/**
 * False when text cannot be a number to parseViNumber: its first non-space character is no
 * digit, sign or comparison ("Đạt 100%" is a phrase). Lets callers skip the parse for phrases.
 */
export function couldBeNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  // Cleaned text starts with no space: no search.
  const k = text === '' || isSpaceCode(first) || first === 0x200b ? text.search(NOT_SPACE) : 0;
  if (k < 0) return true;
  const c = text.charCodeAt(k);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 60 || c === 61 || c === 62 || c === 0x2212 || c === 0x2264 || c === 0x2265;
}

/**
 * False when text holds a character no number text can ("79% số TTHC"): parseViNumber reads
 * only digits, ".", ",", "%", a sign, a comparison and spaces (NFC makes none of them out of
 * other characters). Lets callers skip the parse for phrases that start with a number.
 */
export function mayBeNumberText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 46 || c === 44 || c === 37 || c === 43 || c === 45 || (c >= 60 && c <= 62)) continue;
    if (c === 0x2212 || c === 0x2264 || c === 0x2265 || c === 0x200b || isSpaceCode(c)) continue; // U+200B: SPACES, not \s
    return false;
  }
  return true;
}

/**
 * Parse a number as an officer types it: "1,75", "0.25", "93,5%", "100.000", "1.234,5",
 * "≥ 80%", "<5", "−3". Numbers pass through (percent:false). Never throws.
 */
export function parseViNumber(value: unknown): ParsedNumber {
  if (value === null || value === undefined) return notNumber('', true);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const n = Number(value);
    return Number.isFinite(n) ? { ok: true, value: n, percent: false } : notNumber(safeString(value));
  }
  if (typeof value !== 'string') return notNumber(safeString(value));
  const body = plainNumberBody(value);
  if (body) {
    const v = plainNumberValue(value, body);
    return v === null ? notNumber(value) : { ok: true, value: v, percent: body < value.length };
  }
  const s = value.normalize('NFC').replace(SPACES, ' ').trim();
  if (!s) return notNumber('', true);
  const m = NUMBER_TEXT.exec(s);
  if (!m) return notNumber(s);
  const abs = digitsToNumber(m[3]);
  if (abs === null) return notNumber(s);
  const signed = m[2] && m[2] !== '+' ? -abs : abs;
  const out: ParsedNumber = { ok: true, value: signed === 0 ? 0 : signed, percent: m[4] === '%' };
  if (m[1]) out.op = OPS[m[1]];
  return out;
}

/** Insert "." every three digits from the right. */
function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A plain decimal string ("-12345.5") in Vietnamese style ("-12.345,5"). */
export function plainToVi(plain: string): string {
  // By index, not split/replace: this formats every number in reasons and summary tables.
  const neg = plain.charCodeAt(0) === 45;
  const start = neg ? 1 : 0;
  const dot = plain.indexOf('.', start);
  const int = plain.slice(start, dot < 0 ? plain.length : dot);
  let f = '';
  if (dot >= 0) {
    const next = plain.indexOf('.', dot + 1);
    let end = next < 0 ? plain.length : next;
    while (end > dot + 1 && plain.charCodeAt(end - 1) === 48) end--; // trailing zeros
    f = plain.slice(dot + 1, end);
  }
  const i = int.length >= 5 ? groupThousands(int) : int;
  const out = f ? `${i},${f}` : i;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}

/**
 * A number as formatViNumber / formatViExact write it ("1,5", "12.345,5") in English notation
 * ("1.5", "12,345.5"); any other text as it is. Only for numbers parscore formatted itself: an
 * officer's "1.234" may be a code or a date.
 */
export function viToEnNumber(t: string): string {
  return /^-?\d{1,3}(?:\.\d{3})*(?:,\d+)?$|^-?\d+(?:,\d+)?$/.test(t) ? t.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')) : t;
}

/**
 * Vietnamese style: decimal comma, no trailing zeros, "." thousands grouping only from
 * 10.000 upwards (so years and small counts read "2019", "1000"). Rounds to maxDecimals
 * (0–20). Non-finite → "". parseViNumber(formatViNumber(x, d)) returns x for any finite x
 * already rounded to d decimals.
 */
export function formatViNumber(n: number, maxDecimals = 2): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '';
  if (Number.isInteger(n) && n > -10000 && n < 10000 && maxDecimals >= 0) return String(n); // most points and counts
  const d = Number.isFinite(maxDecimals) ? Math.min(20, Math.max(0, Math.floor(maxDecimals))) : 2;
  // toFixed switches to exponent notation from 1e21; such doubles are integers anyway.
  const plain = Math.abs(n) >= 1e21 ? BigInt(n).toString() : n.toFixed(d);
  return plainToVi(plain);
}

/**
 * Points as every host prints them for reading (the CLI's text report and batch table, the
 * browser checker): "–" for none, the Vietnamese decimal comma to 2 decimals, or plain English
 * rounded to 2 decimals. One function, so the checker and the CLI cannot drift apart.
 */
export function formatPoints(n: number | null, lang: Lang): string {
  if (n === null || !Number.isFinite(n)) return '–';
  return lang === 'vi' ? formatViNumber(n) : String(Math.round(n * 100) / 100);
}

/** Shortest Vietnamese form that parses back to exactly n (used in formatted targets). */
export function formatViExact(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  if (!/e/i.test(s)) return plainToVi(s);
  if (Math.abs(n) >= 1) return formatViNumber(n, 0);
  // Tiny numbers: enough decimals to survive the round trip (toFixed accepts up to 100).
  for (let d = 1; d <= 100; d++) {
    const t = plainToVi(n.toFixed(d));
    if (parseViValue(t) === n) return t;
  }
  return plainToVi(n.toFixed(100));
}

/**
 * parseViNumber(value).value when it reads a number, else null. A finite number (most points
 * cells) comes back as it is, without the result object the reader would make per row.
 */
export function parseViValue(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    // A plain number text ("3,5", "97%"): parseViNumber's first case, without its result object.
    const body = plainNumberBody(value);
    if (body) return plainNumberValue(value, body);
  }
  const p = parseViNumber(value);
  return p.ok ? p.value : null;
}
