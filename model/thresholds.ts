// Target phrases ("đạt từ 95% trở lên", "Ít nhất 01 đợt/ năm", "Tăng so với năm 2018") →
// Threshold, evaluation of an officer's actual result, and a compact normalised rendering.
// Pure: only ./types, ./text and ./numbers.
//
// Decisions callers rely on:
// - A plain "N%" in a target means at least N% ("100% số TTHC" → ≥ 100%), but a plain 0% means
//   none ("Tỷ lệ hồ sơ trễ hạn 0%" → = 0%): "at least 0%" would always hold.
// - A comparison cue is read whole: "thấp hơn 5%" < 5%, "không lớn hơn 2%" ≤ 2%, "không thấp
//   hơn" ≥, "nhỏ hơn hoặc bằng" ≤, "tối đa là" / "dưới mức" / "Tối đa:" as without the filler;
//   English too ("Below 5%", "No more than 5%", "5% or less"). "95 phần trăm" is 95%.
// - "vượt 85%" is a level (> 85%); a change only with a baseline ("so với …", "/năm", or a quota:
//   "vượt 5% kế hoạch" = tăng ≥ 5% so với kế hoạch, while "vượt 100% kế hoạch" is > 100%).
// - A bare number ("1.25", 9) is not a target (it is points): parseTarget → [].
// - Non-percent numbers count only with a cue (≥, >, ít nhất, tối thiểu, không quá, từ … trở
//   lên, … trở lên, từ … đến …); "Năm 2021: Đạt 4,72/10 điểm" stays qualitative.
// - Units: "%" for percent, else the counted noun as written ("TTHC", "tin, bài"), else "".
// - "không vượt quá <X>" / "không tăng so với <X>" → relative decrease with atLeast 0 (the
//   change must be ≤ 0); "không giảm so với <X>" → relative increase with atLeast 0.
//   Relative without atLeast needs a strict change in its direction.
// - "Giảm 5%/năm" → relative decrease ≥ 5% with baseline "năm trước liền kề".
// - A comparative needs no "so với" before a time ("cao hơn năm 2018", "không thấp hơn năm
//   trước"); a minimum after the baseline is the amount ("tăng so với năm 2018 ít nhất 2 đơn vị").
// - "95-100%": a bare number before a dash and a percent is the range's start when close to it.
// - Evaluating: against a quota baseline (chỉ tiêu, kế hoạch, … được giao) a bare "98%" or
//   "1.300/1.250" is the level reached (100% = the quota), not a change; time units convert
//   (tuần = 7 ngày or 5 ngày làm việc, tháng ≈ 30 ngày) or are not evaluable.
// - A qualitative target naming a deadline ("Trước 31/12/2023", "Hoàn thành trong quý II/2023")
//   is checked against the date a result states (see actualDay), d/m/yyyy only; "Hoàn thành 80%"
//   does not complete a qualitative target.

import { stageByYear } from './stages';
import type { CheckOutcome, Lang, ParsedTarget, Threshold, ThresholdOp } from './types';
import { cleanText, fold, foldedFirstCode, foldHead, isSpaceCode } from './text';
import { couldBeNumber, digitsToNumber, formatViExact, formatViNumber, mayBeNumberText, viToEnNumber, parseViNumber, plainDigitsValue, plainNumberBody, plainNumberValue } from './numbers';

type Relative = Extract<Threshold, { kind: 'relative' }>;
type Direction = Relative['direction'];

interface Span {
  start: number;
  end: number;
  threshold: Threshold;
}

/** Excel holds at most 32,767 characters per cell; longer text is cut before parsing. */
const MAX_TEXT = 50_000;
const MAX_SPANS_PER_CLAUSE = 200;
const WB = '(?<![\\p{L}\\p{N}])'; // word start
const WE = '(?![\\p{L}\\p{N}])'; // word end
const NUM = '\\d+(?:[.,]\\d+)*';

// ---------------------------------------------------------------------------------------
// parseTarget

/** Every checkable target in a cell; one qualitative entry when nothing is checkable. */
export function parseTarget(text: unknown): ParsedTarget[] {
  // Text the pass finds clean is its own clean text (cleanText(s) === s): one pass tells both
  // that and what the scan needs (phraseFacts); other values go through cleanText as before.
  let facts = typeof text === 'string' && text.length <= MAX_TEXT ? phraseFacts(text) : UNCLEAN;
  let s: string;
  if (facts & UNCLEAN) {
    try {
      s = cleanText(text);
    } catch {
      return []; // values that cannot become text (e.g. objects without a prototype)
    }
    if (s.length > MAX_TEXT) s = s.slice(0, MAX_TEXT);
    facts = phraseFacts(s);
  } else s = text as string;
  if (!s) return [];
  const n = couldBeNumber(s) && mayBeNumberText(s) ? parseViNumber(s) : null;
  if (n && n.ok && !n.op && !n.percent) return [];
  try {
    const found = scanText(s, facts);
    if (found.length > 1 && hasYear(s)) return stageByYear(s, found);
    return found.length ? found : [{ text: s, threshold: { kind: 'qualitative', text: s } }];
  } catch {
    return [{ text: s, threshold: { kind: 'qualitative', text: s } }]; // degrade, never throw
  }
}

// --- one pass over the phrase -----------------------------------------------------------
//
// Most phrases hold no cue word, one clause and a number or two: a single pass over the
// characters finds that out, so the scan skips the per-clause word searches, the clause
// copies and the character-by-character hunt for numbers. Facts are bits of one number.

// Per character (CHAR_FACTS, low byte):
const DIGIT = 1 << 0;
/** toLowerCase changes the character (into one other character). */
const UPPER = 1 << 1;
/**
 * Outside Latin (U+0000–U+02FF) and Vietnamese (U+1E00–U+1EFF), or its lower case is longer:
 * the pass knows neither its lower case nor which words it is part of.
 */
const ODD = 1 << 2;
/**
 * Not clean: a character outside cleanText's fast set (NEEDS_CLEANING_INSIDE in text.ts), a space
 * or line break at an end, or a space beside a space or line break. An inner "\n\n" stays clean
 * here: cleanText's check sends it to the full path, which gives it back unchanged.
 */
const UNCLEAN = 1 << 3;
const SPACE_OR_LF = 1 << 4;
/** ";", line break, "." (a clause break when a space or the end follows). */
const BREAK_MARK = 1 << 5;
/** The letter a cue word is found by; bits 8–10 of CHAR_FACTS say which (CUE_WORDS index + 1). */
const CUE_LETTER = 1 << 6;
/** Outside ASCII: a phrase with such a character is not English ("10 days or less", see noRuleTakes). */
const NON_ASCII = 1 << 7;
const CUE_SHIFT = 8;
/** The characters the pass looks at more closely (markFacts). */
const MARKS = BREAK_MARK | CUE_LETTER;
const CHAR_BITS = 0xff;
// Per phrase:
/** A clause break (clauseBreak would find one). */
const BREAK = 1 << 16;
/** An UPPER character after the first one. */
const UPPER_AFTER_FIRST = 1 << 17;
/** The phrase holds "không", "so với", "tăng", "giảm", "vượt", "trở", "hơn" (in lower case), as c.includes would tell. */
const [HAS_KHONG, HAS_SO_VOI, HAS_TANG, HAS_GIAM, HAS_VUOT, HAS_TRO, HAS_HON] = [18, 19, 20, 21, 22, 23, 24].map((b) => 1 << b) as [number, number, number, number, number, number, number];
const ANY_CUE = HAS_KHONG | HAS_SO_VOI | HAS_TANG | HAS_GIAM | HAS_VUOT | HAS_TRO | HAS_HON;

/** Cue words, each found by its rarest letter (lower case) at `at`. */
const CUE_WORDS = (
  [
    ['không', 'ô', HAS_KHONG],
    ['so với', 'ớ', HAS_SO_VOI],
    ['tăng', 'ă', HAS_TANG],
    ['giảm', 'ả', HAS_GIAM],
    ['vượt', 'ợ', HAS_VUOT],
    ['trở', 'ở', HAS_TRO],
    ['hơn', 'ơ', HAS_HON], // the 7th and last that bits 8–10 of CHAR_FACTS can name
  ] as const
).map(([word, letter, bit]) => ({ word, letter: letter.charCodeAt(0), at: word.indexOf(letter), bit }));

const TABLE_END = 0x1f00;
/** Per UTF-16 unit below TABLE_END: its bits above, and its lower case (when not ODD). */
const CHAR_FACTS = new Uint16Array(TABLE_END);
const LOWER = new Uint16Array(TABLE_END);
for (let ch = 0; ch < TABLE_END; ch++) {
  const lower = String.fromCharCode(ch).toLowerCase();
  let f = 0;
  if ((ch >= 0x300 && ch < 0x1e00) || lower.length !== 1) f = ODD;
  else if (lower.charCodeAt(0) !== ch) f = UPPER;
  LOWER[ch] = f === UPPER ? lower.charCodeAt(0) : ch;
  if (ch >= 48 && ch <= 57) f |= DIGIT;
  if (ch === 32 || ch === 10) f |= SPACE_OR_LF;
  if (ch >= 0x80) f |= NON_ASCII;
  if (ch === 59 || ch === 10 || ch === 46) f |= BREAK_MARK;
  const clean = ch === 10 || (ch >= 0x20 && ch <= 0x7e && ch !== 0x26 && ch !== 0x3c) || (ch >= 0xc0 && ch <= 0x2ff) || ch >= 0x1e00;
  if (!clean) f |= UNCLEAN;
  const cue = f & ODD ? -1 : CUE_WORDS.findIndex((w) => w.letter === LOWER[ch]);
  if (cue >= 0) f |= CUE_LETTER | ((cue + 1) << CUE_SHIFT);
  CHAR_FACTS[ch] = f;
}

/**
 * The phrase's facts (bits above) and its digit runs (numberRuns): one pass. ODD text gets
 * every cue word, so callers fall back to searching for them.
 */
function phraseFacts(s: string): number {
  const n = s.length;
  runCount = 0;
  breakCount = 0;
  if (n === 0) return 0;
  let facts = 0;
  let prev = 0;
  let uppers = 0; // times UPPER (2)
  for (let i = 0; i < n; i++) {
    const ch = s.charCodeAt(i);
    const f = charFacts(ch);
    facts |= f;
    if (f & DIGIT && !(prev & DIGIT)) addRun(i);
    if (f & MARKS) facts |= markFacts(s, i, f);
    if (f & prev & SPACE_OR_LF && (ch === 32 || s.charCodeAt(i - 1) === 32)) facts |= UNCLEAN; // "  ", " \n", "\n "
    uppers += f & UPPER;
    prev = f;
  }
  facts &= ~(CHAR_BITS << CUE_SHIFT); // cue indexes OR-ed together say nothing: markFacts read them
  if (uppers > (charFacts(s.charCodeAt(0)) & UPPER)) facts |= UPPER_AFTER_FIRST;
  if (facts & ODD) facts |= ANY_CUE;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first === 32 || first === 10 || last === 32 || last === 10) facts |= UNCLEAN;
  return facts;
}

function charFacts(ch: number): number {
  return ch < TABLE_END ? CHAR_FACTS[ch]! : ODD | UNCLEAN | NON_ASCII;
}

/** The phrase facts a marked character s[i] (facts f) tells, with its neighbours: a cue word, a clause break. */
function markFacts(s: string, i: number, f: number): number {
  if (f & CUE_LETTER) return cueWordAt(s, i, CUE_WORDS[(f >> CUE_SHIFT) - 1]!);
  const ch = s.charCodeAt(i);
  if (ch === 46 && i + 1 < s.length && !isSpaceCode(s.charCodeAt(i + 1))) return 0; // "100.000"
  clauseBreaks = pushAt(clauseBreaks, breakCount++, i);
  return BREAK;
}

/** cue.bit when the cue word, in lower case, is written around s[i] (its letter), else 0. */
function cueWordAt(s: string, i: number, cue: { word: string; at: number; bit: number }): number {
  const from = i - cue.at;
  const w = cue.word;
  if (from < 0 || from + w.length > s.length) return 0;
  for (let j = 0; j < w.length; j++) {
    const ch = s.charCodeAt(from + j);
    if (ch >= TABLE_END || LOWER[ch] !== w.charCodeAt(j)) return 0;
  }
  return cue.bit;
}

/** What the phrase pass finds in s, for the tests that hold it to the plain searches it spares. */
export function phraseScan(s: string): {
  clean: boolean;
  odd: boolean;
  breaks: number[];
  digitRuns: number[];
  cueWords: string[];
  lower: string;
} {
  const facts = phraseFacts(s);
  return {
    clean: !(facts & UNCLEAN),
    odd: (facts & ODD) !== 0,
    breaks: Array.from(clauseBreaks.subarray(0, breakCount)),
    digitRuns: Array.from(numberRuns.subarray(0, runCount)),
    cueWords: CUE_WORDS.filter((w) => facts & w.bit).map((w) => w.word),
    lower: lowerCopy(s, facts),
  };
}

/** Starts of the digit runs of the last phrase phraseFacts read (number tokens can start only there). */
let numberRuns: Int32Array = new Int32Array(64);
let runCount = 0;
/** Its clause breaks, as clauseBreak finds them one after another. */
let clauseBreaks: Int32Array = new Int32Array(16);
let breakCount = 0;

function addRun(i: number): void {
  numberRuns = pushAt(numberRuns, runCount++, i);
}

/** a with a[k] = v, grown when full. */
function pushAt(a: Int32Array, k: number, v: number): Int32Array {
  if (k === a.length) {
    const grown = new Int32Array(k * 2);
    grown.set(a);
    a = grown;
  }
  a[k] = v;
  return a;
}

/** lowerSameLength(s), with the facts: most phrases have no capital or only a first one. */
function lowerCopy(s: string, facts: number): string {
  if (facts & ODD) return lowerSameLength(s);
  if (!(facts & UPPER)) return s;
  if (facts & UPPER_AFTER_FIRST) return s.toLowerCase(); // one unit per character: the same length
  return String.fromCharCode(LOWER[s.charCodeAt(0)]!) + s.slice(1);
}

/**
 * A target's text runs from its clause start (or its own start when a target precedes it in
 * the clause) to where the next target's text begins, so trailing clauses without a target
 * stay with the phrase they belong to ("100% số CQ cấp tỉnh; UBND cấp huyện; …").
 */
function scanText(s: string, facts: number): ParsedTarget[] {
  const lc = lowerCopy(s, facts);
  const n = s.length;
  if (!(facts & BREAK)) {
    const cues = (facts & ODD ? clauseWords(lc, facts) : facts & ANY_CUE) | (facts & NON_ASCII);
    return targetsOf(s, 0, n, scanClause(s, lc, 0, cues, 0, runCount)); // one clause: no copies
  }
  const from: number[] = [];
  const thresholds: Threshold[] = [];
  let run = 0;
  for (let cs = 0, b = 0; cs <= n; b++) {
    const i = b < breakCount ? clauseBreaks[b]! : n; // clauseBreak(s, cs), from the pass
    const firstRun = run;
    while (run < runCount && numberRuns[run]! < i) run++;
    if (i > cs) {
      const c = lc.slice(cs, i);
      const spans = scanClause(s.slice(cs, i), c, cs, clauseWords(c, facts) | (facts & NON_ASCII), firstRun, run);
      for (let k = 0; k < spans.length; k++) {
        from.push(k === 0 ? cs : cs + spans[k]!.start);
        thresholds.push(spans[k]!.threshold);
      }
    }
    cs = i + 1;
  }
  const out: ParsedTarget[] = new Array(from.length);
  for (let k = 0; k < from.length; k++) {
    out[k] = { text: trimPhrase(s, from[k]!, k + 1 < from.length ? from[k + 1]! : n), threshold: thresholds[k]! };
  }
  return out;
}

/** The targets of a one-clause text s[cs, ce) from its spans. */
function targetsOf(s: string, cs: number, ce: number, spans: readonly Span[]): ParsedTarget[] {
  const out: ParsedTarget[] = new Array(spans.length);
  for (let k = 0; k < spans.length; k++) {
    const to = k + 1 < spans.length ? cs + spans[k + 1]!.start : ce;
    out[k] = { text: trimPhrase(s, k === 0 ? cs : cs + spans[k]!.start, to), threshold: spans[k]!.threshold };
  }
  return out;
}

/**
 * Where the clause starting at `from` ends: the next ";", line break or sentence-ending dot (not
 * "100.000"), else the end — /[;\n]|\.(?=\s|$)/g by hand. The scan takes the breaks from the
 * phrase pass (phraseFacts); this is the reference the tests hold that pass to.
 */
export function clauseBreak(s: string, from: number): number {
  const n = s.length;
  for (let i = from; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 59 || ch === 10 || (ch === 46 && (i + 1 === n || isSpaceCode(s.charCodeAt(i + 1))))) return i;
  }
  return n;
}

/** Lower case that keeps the length, so offsets in the copy index the original text. */
function lowerSameLength(s: string): string {
  // Lower-casing is per character but for the final sigma: when no character changes length
  // (the usual case), the whole-string lower case is the same text.
  if (!s.includes('\u03a3')) {
    const l = s.toLowerCase();
    if (l.length === s.length) return l;
  }
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** s[a, b) without leading spaces, "-", "•", "*" and trailing spaces, ";", ",", ".", ":". */
export function trimPhrase(s: string, a: number, b: number): string {
  while (a < b) {
    const ch = s.charCodeAt(a);
    if (!isSpaceCode(ch) && ch !== 45 && ch !== 0x2022 && ch !== 42) break;
    a++;
  }
  while (b > a) {
    const ch = s.charCodeAt(b - 1);
    if (!isSpaceCode(ch) && ch !== 59 && ch !== 44 && ch !== 46 && ch !== 58) break;
    b--;
  }
  return s.slice(a, b);
}

const WORD_CHAR_AT_END = /[\p{L}\p{N}]$/u;

const WORD_CHAR_AT_START = /^[\p{L}\p{N}]/u;

// Per UTF-16 unit outside the surrogates, whether it is a letter or a number (/[\p{L}\p{N}]/u),
// filled on first use: -1 not yet known. Spares a slice and a regex per non-ASCII character
// beside a number (Vietnamese letters are most of them).
const WORD_UNIT = new Int8Array(0x10000).fill(-1);

function isWordUnit(ch: number): boolean {
  let w = WORD_UNIT[ch]!;
  if (w < 0) WORD_UNIT[ch] = w = WORD_CHAR_AT_START.test(String.fromCharCode(ch)) ? 1 : 0;
  return w === 1;
}

/** Whether the code point at s[p] is a letter or a number: the WE lookahead, by hand (in s up to `end`). */
export function wordCharAt(s: string, p: number, end = s.length): boolean {
  if (p >= end) return false;
  const ch = s.charCodeAt(p);
  if (ch < 128) return (ch >= 48 && ch <= 57) || ((ch | 32) >= 97 && (ch | 32) <= 122);
  // A lone low surrogate is no letter either way; only a high surrogate may start a pair.
  if (ch < 0xd800 || ch > 0xdbff) return isWordUnit(ch);
  return WORD_CHAR_AT_START.test(s.slice(p, Math.min(p + 2, end)));
}

/** Whether the code point before s[p] is a letter or a number: the WB lookbehind, by hand. */
export function wordCharBefore(s: string, p: number): boolean {
  return wordCharBeforeIn(s, 0, p);
}

/** wordCharBefore(s.slice(from), p - from): the text before `from` unseen. */
function wordCharBeforeIn(s: string, from: number, p: number): boolean {
  if (p <= from) return false;
  const ch = s.charCodeAt(p - 1);
  if (ch < 128) return (ch >= 48 && ch <= 57) || ((ch | 32) >= 97 && (ch | 32) <= 122);
  // Only a low surrogate may end a pair; any other unit is the code point itself.
  if (ch < 0xdc00 || ch > 0xdfff) return isWordUnit(ch);
  return WORD_CHAR_AT_END.test(s.slice(Math.max(from, p - 2), p));
}

/** The first index from `from` (up to `end`) that holds no space (\s). */
function skipSpaces(s: string, from: number, end: number): number {
  let p = from;
  while (p < end && isSpaceCode(s.charCodeAt(p))) p++;
  return p;
}

/** End of s once trailing spaces are dropped (s.trimEnd().length without the copy). */
function endBeforeSpaces(s: string): number {
  let e = s.length;
  while (e > 0 && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Where `word` starts when s ends with it (spaces after allowed) at a word start, else -1. */
export function wordAtEnd(s: string, word: string): number {
  const e = endBeforeSpaces(s);
  const at = e - word.length;
  return at >= 0 && s.startsWith(word, at) && !wordCharBefore(s, at) ? at : -1;
}

/**
 * o = original clause, c = its lower-case copy, starting at `base` in the phrase, with its cue
 * words (HAS_ bits; NON_ASCII for the phrase) and its digit runs [runFrom, runTo) of numberRuns; spans in clause offsets.
 */
function scanClause(o: string, c: string, base: number, cues: number, runFrom: number, runTo: number): readonly Span[] {
  // One list and one word scanner for every clause: callers read the spans before the next clause
  // is scanned, and a run allocating less than the young generation holds (~16 MB) pays no
  // scavenge (measured: ~4 ms of a 10,000-row analysis).
  const spans = SPANS;
  spans.length = 0;
  const words = wordScanner(o, c, cues, base, runFrom, runTo);
  let pos = 0;
  while (pos < c.length && spans.length < MAX_SPANS_PER_CLAUSE) {
    const a = nextNumeric(o, c, pos, words);
    const b = nextWord(words, pos);
    const m = a && (!b || a.start <= b.start) ? a : b;
    if (!m) break;
    spans.push(m);
    pos = Math.max(m.end, m.start + 1);
  }
  return spans;
}

// --- targets without a number: none / relative / "vượt" --------------------------------

/** "không " before a word, also "không được " / "không để " ("không được vượt quá số … được giao"). */
const NEGATED = 'không\\s+(?:(?:được|để)\\s+)?';

const NONE_RE = new RegExp(
  `${WB}(?:không có|không để xảy ra|không xảy ra|không phát sinh)${WE}(?!\\s*[\\d<>≤≥=])`,
  'gu',
);
/**
 * What a comparative names without "so với" ("cao hơn năm trước", "không thấp hơn cùng kỳ"):
 * "năm" only before a year or "trước" / "ngoái" / "liền" / "cũ" ("nhiều hơn năm lớp" is five),
 * "mức" only as an average ("cao hơn mức 80%" is a level: > 80%).
 */
const COMPARED_WITH = `(?=năm\\s+(?:\\d|(?:trước|ngoái|liền|cũ)${WE})|mức\\s+(?:bình quân|trung bình)${WE}|(?:cùng kỳ|kỳ trước|quý|tháng|giai đoạn|bình quân|trung bình)${WE})`;
/** First words of COMPARED_WITH, for the check that spares its regex (comparedAfterHon). */
const COMPARED_FIRST = ['năm', 'cùng kỳ', 'kỳ trước', 'quý', 'tháng', 'giai đoạn', 'mức', 'bình quân', 'trung bình'];
// m[1] "không" (the opposite, by at least 0) or "bằng hoặc" (this direction, by at least 0);
// m[2] a direction word before "so với", or m[3] a comparative right before what it compares
// with: "cao hơn năm 2018" is "cao hơn so với năm 2018"; m[4] the baseline.
/** A baseline's words: up to a comma, ";" or a bracket, but not a decimal comma ("năm 2018 là 1,5 điểm"). */
const BASELINE_TEXT = '(?:[^,;()]|(?<=\\d),(?=\\d))*';
const REL_SO_VOI_RE = new RegExp(
  `${WB}(${NEGATED}|bằng hoặc\\s+)?(?:(tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn)(?:\\s+(?:lên|hơn|xuống|thêm))?\\s+so với${WE}|(cao hơn|thấp hơn|nhiều hơn|ít hơn)\\s+${COMPARED_WITH})\\s*(${BASELINE_TEXT})`,
  'gu',
);
const REL_END_RE = new RegExp(`${WB}(${NEGATED})?(tăng|giảm)(?:\\s+(?:lên|xuống))?\\s*$`, 'gu');
const VUOT_RE = new RegExp(
  `${WB}(${NEGATED})?vượt(?:\\s+quá${WE})?${WE}(?!\\s*(?:quá${WE}|[\\d<>≤≥=]))\\s*(${BASELINE_TEXT})`,
  'gu',
);
const INCREASE_WORDS = new Set(['tăng', 'cao hơn', 'nhiều hơn', 'vượt']);
/** Per word rule (WORD_RULES order), the words a match must start with. */
const RULE_FIRST_WORDS = [
  ['không'],
  ['không', 'bằng', 'tăng', 'giảm', 'cao hơn', 'thấp hơn', 'nhiều hơn', 'ít hơn'],
  ['không', 'tăng', 'giảm'],
  ['không', 'vượt'],
];

type WordRule = (m: RegExpExecArray, w: WordScanner) => Span;

const WORD_RULES: [RegExp, WordRule][] = [
  [NONE_RE, (m, w) => ({ start: m.index, end: w.o.length, threshold: { kind: 'none' } })],
  [REL_SO_VOI_RE, (m, w) => relativeWordSpan(m, w, (m[2] ?? m[3])!, m[4]!)],
  [REL_END_RE, (m, w) => relativeWordSpan(m, w, m[2]!, '')],
  [
    VUOT_RE,
    (m, w) => {
      if (!m[1]) return relativeWordSpan(m, w, 'vượt', m[2]!);
      const end = m.index + m[0].length;
      const baseline = canonBaseline(w.o.slice(end - m[2]!.length, end));
      return { start: m.index, end, threshold: { kind: 'relative', direction: 'decrease', atLeast: 0, baseline } };
    },
  ],
];

function relativeWordSpan(m: RegExpExecArray, w: WordScanner, word: string, rawBase: string): Span {
  const end = m.index + m[0].length;
  const from = end - rawBase.length;
  const dir: Direction = INCREASE_WORDS.has(word) ? 'increase' : 'decrease';
  if (m[1]) {
    // "không tăng so với X" = must not rise: a decrease of at least 0; "bằng hoặc cao hơn X" = an increase of at least 0.
    const negated = m[1].charCodeAt(0) === 107; // "k" of "không", else "bằng hoặc"
    const direction = negated ? (dir === 'increase' ? 'decrease' : 'increase') : dir;
    return { start: m.index, end, threshold: { kind: 'relative', direction, atLeast: 0, baseline: canonBaseline(w.o.slice(from, end)) } };
  }
  // "tăng so với năm 2018 ít nhất từ 2 đơn vị trở lên": the amount written after the baseline.
  const amount = rawBase ? amountIn(w, from, end) : null;
  const baseline = canonBaseline(w.o.slice(from, amount ? amount.start : end));
  const threshold: Threshold = amount
    ? { kind: 'relative', direction: dir, atLeast: amount.value, unit: amount.unit, baseline }
    : { kind: 'relative', direction: dir, baseline };
  return { start: m.index, end, threshold };
}

/**
 * A minimum in the baseline text c[from, end) of a relative word rule: the first number a
 * numeric rule takes, when that is "≥ / > N" with a cue of its own before it ("ít nhất",
 * "tối thiểu", "trên", "từ … trở lên") and no "đạt" before it ("… và đạt tối thiểu 90%" is a
 * level, not the change). Only phrases with such a rule and a digit after it get here.
 */
function amountIn(w: WordScanner, from: number, end: number): { start: number; value: number; unit: string } | null {
  const c = w.c;
  for (let i = from; i < end; i++) {
    if (!isDigitCode(c.charCodeAt(i)) || !isTokenStart(c, i)) continue;
    const te = numberTokenEnd(c, i);
    const span = numericAt(w.o, c, from, i, te, w);
    if (!span) {
      i = te;
      continue;
    }
    const t = span.threshold;
    if (t.kind !== 'compare' || (t.op !== '>=' && t.op !== '>') || span.start >= i) return null;
    // "ít nhất từ 2 … trở lên": the span starts at "từ"; the cue before it is no baseline either.
    const cue = opCueIn(c, from, span.start);
    const start = cue && (cue.op === '>=' || cue.op === '>') ? from + cue.index : span.start;
    const dat = c.indexOf('đạt', from);
    return dat >= 0 && dat < start ? null : { start, value: t.value, unit: t.unit };
  }
  return null;
}

// One set of sticky-free global regexes for every scanner: lastIndex is set before each exec
// and scans never nest, so sharing them is safe (and spares four compilations per clause).
const WORD_REGEXES = WORD_RULES.map(([r]) => new RegExp(r.source, r.flags));

/**
 * Next word-only target from a position, caching regex hits that are still ahead. State in an
 * object literal, not a class: a class instance's map is reached through weak transitions and
 * dies with the last instance at a full GC, taking the optimized scanner code with it.
 */
interface WordScanner {
  o: string;
  c: string;
  /** The clause's start in the phrase, and its digit runs [run, runEnd) not yet behind the scan (numberRuns). */
  base: number;
  run: number;
  runEnd: number;
  /** Bit i: WORD_RULES[i] may match in the clause (wordRules). */
  rules: number;
  /** Per word rule, its last hit; made on the first search. */
  cache: ({ from: number; span: Span | null } | undefined)[] | null;
  /** Whether the clause holds "tăng", "giảm" or "vượt" (a relative cue needs one) and "trở" (… trở lên). */
  relative: boolean;
  tro: boolean;
  /** Whether the clause holds " or " / " and " (an English "or less" may follow a number): -1 not yet known; 0 for a phrase outside ASCII. */
  orAnd: number;
}

/** `words`: the clause's cue words (HAS_ bits, exact), and NON_ASCII when the phrase has such a character. */
function wordScanner(o: string, c: string, words: number, base: number, run: number, runEnd: number): WordScanner {
  const w = WORDS; // see scanClause
  w.o = o;
  w.c = c;
  w.base = base;
  w.run = run;
  w.runEnd = runEnd;
  w.rules = wordRules(c, words);
  w.cache = null;
  w.relative = (words & (HAS_TANG | HAS_GIAM | HAS_VUOT)) !== 0;
  w.tro = (words & HAS_TRO) !== 0;
  w.orAnd = words & NON_ASCII ? 0 : -1;
  return w;
}

const WORDS: WordScanner = { o: '', c: '', base: 0, run: 0, runEnd: 0, rules: 0, cache: null, relative: false, tro: false, orAnd: -1 };
const SPANS: Span[] = [];

/**
 * The word rules that may match in clause c (bit i for WORD_RULES[i]), by what each cannot
 * match without: NONE_RE "không", VUOT_RE "vượt", REL_SO_VOI_RE a direction word before "so
 * với" or "hơn" before what it compares with, REL_END_RE "tăng" / "giảm" (and maybe "lên" /
 * "xuống") at the end. The regexes are the costly part of a clause: most clauses with the words
 * do not match, and skip them.
 */
function wordRules(c: string, words: number): number {
  let rules = 0;
  if (words & HAS_KHONG) rules |= 1;
  if ((words & HAS_SO_VOI && soVoiAfterDirection(c)) || (words & HAS_HON && comparedAfterHon(c))) rules |= 2;
  if (words & (HAS_TANG | HAS_GIAM) && endsWithAny(c, endBeforeSpaces(c), REL_END_WORDS)) rules |= 4;
  if (words & HAS_VUOT) rules |= 8;
  return rules;
}

const REL_END_WORDS = ['tăng', 'giảm', 'lên', 'xuống'];
const SO_VOI_PARTICLES = ['lên', 'hơn', 'xuống', 'thêm'];
/** What REL_SO_VOI_RE's direction words end with ("cao hơn", "ít hơn" …). */
const DIRECTION_ENDS = ['tăng', 'giảm', 'hơn'];

/** Whether c[0, e) ends with one of the words (as text: no word-start check). */
function endsWithAny(c: string, e: number, words: string[]): boolean {
  for (const w of words) if (e >= w.length && c.startsWith(w, e - w.length)) return true;
  return false;
}

/** Whether some "so với" follows a direction word, past spaces and maybe a particle ("tăng lên so với"). */
function soVoiAfterDirection(c: string): boolean {
  for (let q = c.indexOf('so với'); q >= 0; q = c.indexOf('so với', q + 1)) {
    const e = spacesBefore(c, q);
    if (e < 0) continue;
    if (endsWithAny(c, e, DIRECTION_ENDS)) return true;
    for (const p of SO_VOI_PARTICLES) {
      const f = e >= p.length && c.startsWith(p, e - p.length) ? spacesBefore(c, e - p.length) : -1;
      if (f >= 0 && endsWithAny(c, f, DIRECTION_ENDS)) return true;
    }
  }
  return false;
}

/** Whether some "hơn" has one of COMPARED_FIRST after it, past spaces ("cao hơn năm trước"). */
function comparedAfterHon(c: string): boolean {
  for (let q = c.indexOf('hơn'); q >= 0; q = c.indexOf('hơn', q + 3)) {
    const p = skipSpaces(c, q + 3, c.length);
    if (p > q + 3) for (const w of COMPARED_FIRST) if (c.startsWith(w, p)) return true;
  }
  return false;
}

/** Where the spaces (at least one) right before c[at] start, else -1. */
function spacesBefore(c: string, at: number): number {
  let e = at;
  while (e > 0 && isSpaceCode(c.charCodeAt(e - 1))) e--;
  return e < at ? e : -1;
}

/**
 * The cue words c holds, as c.includes tells, of those the phrase's facts allow: for a clause
 * of a longer phrase, or for ODD text, where the facts hold every cue word.
 */
function clauseWords(c: string, facts: number): number {
  let words = 0;
  for (const cue of CUE_WORDS) if (facts & cue.bit && c.includes(cue.word)) words |= cue.bit;
  return words;
}

function nextWord(w: WordScanner, pos: number): Span | null {
  if (!w.rules) return null; // most clauses: no word rule can match
  let best: Span | null = null;
  for (let i = 0; i < WORD_RULES.length; i++) {
    const span = nextWordFor(w, i, WORD_RULES[i]![1], pos);
    if (span && (!best || span.start < best.start)) best = span;
  }
  return best;
}

function nextWordFor(w: WordScanner, i: number, rule: WordRule, pos: number): Span | null {
  if (!(w.rules & (1 << i))) return null;
  const cache = (w.cache ??= []);
  const hit = cache[i];
  if (hit && hit.from <= pos && (hit.span === null || hit.span.start >= pos)) return hit.span;
  const re = WORD_REGEXES[i]!;
  // No match starts before the first of its first words: the regex starts there (its
  // look-behind still sees the text before), not trying every position on the way.
  re.lastIndex = firstOf(w.c, RULE_FIRST_WORDS[i]!, pos);
  const m = re.lastIndex < w.c.length ? re.exec(w.c) : null;
  const span = m ? rule(m, w) : null;
  cache[i] = { from: pos, span };
  return span;
}

/** Where the first of the words occurs in c from `pos`, else c.length. */
function firstOf(c: string, words: string[], pos: number): number {
  let first = c.length;
  for (const w of words) {
    const i = c.indexOf(w, pos);
    if (i >= 0 && i < first) first = i;
  }
  return first;
}

/**
 * Baseline as written, minus "so với" and end punctuation; fixes "liền kế". Each step runs
 * only where it can change the text (a relative target's baseline is mostly plain words).
 */
function canonBaseline(b: string): string {
  let s = b.trim();
  if (SO_VOI_FIRST.includes(s.charCodeAt(0))) s = s.replace(/^(?:so với(?![\p{L}\p{N}])\s*)+/iu, '');
  if (isBaselineEnd(s.charCodeAt(s.length - 1))) s = s.replace(/[\s.;:,]+$/u, '');
  if (s.includes('liền kế')) s = s.replace(/liền kế(?![\p{L}\p{N}])/gu, 'liền kề');
  if (foldedFirstCode(s) !== 99) return s; // "c": what "chi tieu" needs first
  const f = fold(s);
  if (/^chi tieu\b/.test(f) && /\bgiao\b/.test(f)) return 'chỉ tiêu được giao';
  return s;
}

/** What "s" of "so với" is under /iu: "s", "S" and the long s "ſ". */
const SO_VOI_FIRST = [0x73, 0x53, 0x17f];

/** [\s.;:,]: what canonBaseline drops at the end. */
function isBaselineEnd(ch: number): boolean {
  return ch === 46 || ch === 59 || ch === 58 || ch === 44 || isSpaceCode(ch);
}

// --- targets around a number -----------------------------------------------------------

interface Tok {
  o: string;
  c: string;
  /** Token start / end (digits only). */
  ts: number;
  te: number;
  value: number;
  pct: boolean;
  /** End of the number including a "%" sign. */
  numEnd: number;
  /** Up to 60 characters before the token, not before the scan position. */
  pre: string;
  preFrom: number;
  /** The relative cue before the number (relativeCue on pre), null when none or the clause has no direction word. */
  cue: { index: number; direction: Direction } | null;
  /** Whether the clause holds "trở" (see WordScanner): without it, no need to look for "trở lên" after each number. */
  tro: boolean;
}

const RANGE_PCT = new RegExp(`^\\s*%?\\s*(?:-|–|—|đến${WE}|tới${WE})\\s*(${NUM})\\s*%`, 'u');
const RANGE_TO = new RegExp(`^\\s*(?:đến|tới)${WE}\\s*(${NUM})(?![.,]?\\d)`, 'u');

const isDigitCode = (ch: number) => ch >= 48 && ch <= 57;

/**
 * Number tokens from a position, as /(?<![\p{L}\p{N}])(?<!\d[.,])\d+(?:[.,]\d+)*\/gu would find
 * them, by hand (no match arrays): digits not glued to a word or to "1." / "1,", with their
 * "." / "," groups.
 */
function nextNumeric(o: string, c: string, pos: number, clause: WordScanner): Span | null {
  const runs = numberRuns;
  const { base, runEnd } = clause;
  let r = clause.run;
  while (r < runEnd && runs[r]! - base < pos) r++;
  clause.run = r; // scans only move on
  while (r < runEnd) {
    const ts = runs[r]! - base;
    if (!isTokenStart(c, ts)) {
      r++;
      continue;
    }
    const te = numberTokenEnd(c, ts);
    const span = numericAt(o, c, pos, ts, te, clause);
    if (span) return span;
    while (r < runEnd && runs[r]! - base < te) r++; // the next token starts after this one
  }
  return null;
}

/**
 * Start of the first number token at or after `from`, -1 when none. The scan walks the phrase
 * pass's digit runs with isTokenStart instead; this is the reference the tests hold it to.
 */
export function numberTokenStart(c: string, from: number): number {
  for (let i = from; i < c.length; i++) if (isDigitCode(c.charCodeAt(i)) && isTokenStart(c, i)) return i;
  return -1;
}

/** Whether the digit at c[i] starts a number token: not glued to a word, nor to "1." / "1,". */
function isTokenStart(c: string, i: number): boolean {
  if (wordCharBefore(c, i)) return false;
  return !(i >= 2 && (c.charCodeAt(i - 1) === 46 || c.charCodeAt(i - 1) === 44) && isDigitCode(c.charCodeAt(i - 2)));
}

/** End of the number token starting at `start`: digits, then "." / "," groups of digits. */
export function numberTokenEnd(c: string, start: number): number {
  const n = c.length;
  let e = start + 1;
  while (e < n && isDigitCode(c.charCodeAt(e))) e++;
  while (e + 1 < n && (c.charCodeAt(e) === 46 || c.charCodeAt(e) === 44) && isDigitCode(c.charCodeAt(e + 1))) {
    e += 2;
    while (e < n && isDigitCode(c.charCodeAt(e))) e++;
  }
  return e;
}

/** digitsToNumber(c.slice(ts, te)); plain digits (most tokens) read in place, without the copy. */
function tokenValue(c: string, ts: number, te: number): number | null {
  const v = plainDigitsValue(c, ts, te);
  return v >= 0 ? v : digitsToNumber(c.slice(ts, te)); // "." / "," groups, or more than 15 digits
}

function numericAt(o: string, c: string, pos: number, ts: number, te: number, clause: WordScanner): Span | null {
  // A "%" after the number, within the next 8 characters past spaces (no slice, no match array).
  const p = skipSpaces(c, te, Math.min(te + 7, c.length));
  let pctEnd = c.charCodeAt(p) === 37 && p < te + 8 ? p + 1 : -1;
  if (pctEnd < 0 && c.charCodeAt(p) === 112) pctEnd = percentWordEnd(c, p); // "p": "95 phần trăm", "95 percent"
  const pct = pctEnd >= 0;
  const preFrom = Math.max(pos, ts - 60);
  // The relative cue once, for noRuleTakes and relativeAt (a number without a direction word before it: no copy).
  const cue = clause.relative && hasDirectionWordIn(c, preFrom, ts) ? relativeCue(c.slice(preFrom, ts)) : null;
  if (!pct && !cue && noRuleTakes(c, preFrom, ts, te, clause)) return null;
  const pre = c.slice(preFrom, ts);
  const value = tokenValue(c, ts, te);
  if (value === null) return null;
  const k: Tok = {
    o,
    c,
    ts,
    te,
    value,
    pct,
    numEnd: pct ? pctEnd : te,
    pre,
    preFrom,
    cue,
    tro: clause.tro,
  };
  if (!k.pct && wordAtEnd(k.pre, 'năm') >= 0) return null; // "năm 2018" is a year, not a count
  return rangeAt(k) ?? relativeAt(k) ?? compareAt(k);
}

const PERCENT_WORDS = ['phần trăm', 'percent', 'per cent'];

/** Where "phần trăm" / "percent" written at c[p] ends (a unit meaning "%"), else -1. */
function percentWordEnd(c: string, p: number): number {
  for (const w of PERCENT_WORDS) if (c.startsWith(w, p) && !wordCharAt(c, p + w.length)) return p + w.length;
  return -1;
}

/**
 * A number without "%" or relative cue (numericAt looks for one) that no rule below can take: no
 * range mark after it (rangeAt), no "trở" after it that troAt could reach (troAhead) and no comparison cue right before it
 * (opCue) — compareAt needs a cue, "trở lên/xuống" or a "%". Labels such as
 * "(đợt 2)" or "số 12" are most numbers in target cells: this spares them the rule work (the
 * unit and "/per" reading, three span attempts), about 0.3 µs each.
 */
function noRuleTakes(c: string, preFrom: number, ts: number, te: number, clause: WordScanner): boolean {
  if (rangeMarkAhead(c, te)) return false;
  if (clause.tro && troAhead(c, te)) return false;
  if (opCueIn(c, preFrom, ts) !== null) return false; // on the text before the number, without its copy
  // "10 days or less": a clause of an English (ASCII) phrase with " or " / " and " leaves its numbers to compareAt (once per clause).
  if (clause.orAnd < 0) clause.orAnd = c.includes(' or ') || c.includes(' and ') ? 1 : 0;
  return clause.orAnd === 0;
}

/**
 * Whether troAt could find "trở lên" after the number's unit: the first "trở" after it with no
 * [\d;%<>≥≤] on the way (the unit and its "/năm" hold none, and troAt stops at them).
 */
function troAhead(c: string, te: number): boolean {
  const at = c.indexOf('trở', te);
  if (at < 0) return false;
  for (let i = te; i < at; i++) if (isTroStop(c.charCodeAt(i))) return false;
  return true;
}

/**
 * Whether a range can follow the number: within the next 80 characters, past spaces and a "%",
 * a dash or "đến" / "tới". Both range patterns need it; most numbers have neither after them.
 */
function rangeMarkAhead(c: string, te: number): boolean {
  const end = Math.min(c.length, te + 80);
  let p = skipSpaces(c, te, end);
  if (p < end && c.charCodeAt(p) === 37) p = skipSpaces(c, p + 1, end);
  if (p >= end) return false;
  const ch = c.charCodeAt(p);
  if (ch === 0x111) return c.startsWith('đến', p);
  return ch === 45 || ch === 0x2013 || ch === 0x2014 || (ch === 116 && c.startsWith('tới', p));
}

function rangeAt(k: Tok): Span | null {
  if (!rangeMarkAhead(k.c, k.te)) return null;
  const tu = wordAtEnd(k.pre, 'từ');
  const start = tu >= 0 ? k.preFrom + tu : k.ts;
  const after = k.c.slice(k.te, k.te + 80);
  const pm = RANGE_PCT.exec(after);
  const pmax = pm ? digitsToNumber(pm[1]) : null;
  // "95-100%": a bare first number shares the second's "%" when both ends are close; a label
  // before a dash ("mức độ 3 - 100%", "giai đoạn 1 - 80%") is far below the percent after it.
  if (pm && pmax !== null && (k.pct || tu >= 0 || (k.value < pmax && k.value * 2 >= pmax))) {
    return { start, end: k.te + pm[0].length, threshold: range(k.value, pmax, '%') };
  }
  if (tu >= 0 && !k.pct) {
    const m = RANGE_TO.exec(after);
    const max = m ? digitsToNumber(m[1]) : null;
    if (m && max !== null && !/^\s*%/.test(after.slice(m[0].length))) {
      const u = unitAt(k.o, k.c, k.te + m[0].length);
      return { start, end: u.end, threshold: range(k.value, max, u.unit) };
    }
  }
  return null;
}

function range(a: number, b: number, unit: string): Threshold {
  return { kind: 'range', min: Math.min(a, b), max: Math.max(a, b), unit };
}

/** Unit (and "/per") after the number; percent numbers have unit "%". */
function unitAndPer(k: Tok): { unit: string; per: string; end: number } {
  const u = k.pct ? null : unitAt(k.o, k.c, k.te);
  const unit = u ? u.unit : '%';
  const end = u ? u.end : k.numEnd;
  const p = perAt(k.o, k.c, end);
  return p ? { unit, per: p.per, end: p.end } : { unit, per: '', end };
}

const SO_VOI_AFTER = new RegExp(`^[^\\d%;]*?${WB}so với${WE}\\s*(${BASELINE_TEXT})`, 'u');

const DIRECTION_WORDS = ['tăng', 'giảm', 'vượt'];

/** Whether s[from, to) holds "tăng", "giảm" or "vượt": what a relative cue cannot do without. */
function hasDirectionWordIn(s: string, from: number, to: number): boolean {
  for (const w of DIRECTION_WORDS) {
    const i = s.indexOf(w, from);
    if (i >= 0 && i + w.length <= to) return true;
  }
  return false;
}

/** "tăng/giảm/vượt" at most three words before the number (not "không giảm", "tăng trưởng"). */
export function relativeCue(pre: string): { index: number; direction: Direction } | null {
  const last = lastDirectionWord(pre);
  if (last < 0) return null;
  const b = last + 4; // after the word: the three words are four characters long
  if (wordCount(pre, b, pre.length) > 3) return null; // the most usual no, before any copy
  if (hasDigitOrStop(pre, b) || pre.indexOf('so với', b) >= 0 || pre.indexOf('đạt', b) >= 0) return null;
  const words = wordsOf(pre.slice(b));
  if (['trưởng', 'cường', 'quá'].includes(words[0] ?? '')) return null;
  // "giảm xuống dưới 5%", "tăng lên 90%" name the level to reach, not the change.
  if (words.some((w) => ['xuống', 'lên', 'còn', 'dưới', 'đến', 'tới'].includes(w))) return null;
  let e = last; // "không" right before: /không\s*$/ on pre.slice(0, last)
  while (e > 0 && isSpaceCode(pre.charCodeAt(e - 1))) e--;
  if (e >= 5 && pre.startsWith('không', e - 5)) return null;
  // "không được vượt", "không để tăng": a limit too, not a change.
  const aux = e < last ? wordEndingAt(pre, 0, e, NEGATION_AUX) : -1;
  if (aux >= 0 && spacedWordBefore(pre, 0, aux, KHONG) >= 0) return null;
  return { index: last, direction: pre.startsWith('giảm', last) ? 'decrease' : 'increase' };
}

/**
 * Where the last of "tăng", "giảm", "vượt" standing as a word starts in s, else -1: the last
 * match of /(?<![\p{L}\p{N}])(tăng|giảm|vượt)(?![\p{L}\p{N}])/gu (matches cannot overlap: a
 * word glued to the next one is no word).
 */
function lastDirectionWord(s: string): number {
  let best = -1;
  for (const w of DIRECTION_WORDS) {
    for (let i = s.lastIndexOf(w); i > best; i = i > 0 ? s.lastIndexOf(w, i - 1) : -1) {
      if (!wordCharBefore(s, i) && !wordCharAt(s, i + w.length)) {
        best = i;
        break;
      }
    }
  }
  return best;
}

/** /[\d,;:]/.test(s.slice(from)), by hand. */
function hasDigitOrStop(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (isDigitCode(ch) || ch === 44 || ch === 59 || ch === 58) return true;
  }
  return false;
}

/** s.trim().split(/\s+/).filter(Boolean), by hand. */
function wordsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    const a = i;
    while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
    if (i > a) out.push(s.slice(a, i));
    i++;
  }
  return out;
}

function relativeAt(k: Tok): Span | null {
  const cue = k.cue;
  if (!cue) return null;
  const up = unitAndPer(k);
  let end = up.end;
  const tro = k.tro ? troAt(k.c, end, 10) : null;
  if (tro) end = tro.end;
  // "Giảm 5%/năm": per year means against the year before.
  let baseline = up.per ? `${up.per.toLowerCase()} trước liền kề` : '';
  const q = k.c.indexOf('so với', end); // what SO_VOI_AFTER cannot match without
  const sv = q >= 0 && q + 6 <= end + 300 ? SO_VOI_AFTER.exec(k.c.slice(end, end + 300)) : null;
  if (sv) {
    const svEnd = end + sv[0].length;
    baseline = canonBaseline(k.o.slice(svEnd - sv[1].length, svEnd));
    end = svEnd;
  } else if (!up.per && k.pre.startsWith('vượt', cue.index)) {
    // "vượt 85%" is a level to pass (> 85%), a change only against what it names: "so với …",
    // "/năm" or a quota ("vượt 5% kế hoạch", "vượt chỉ tiêu 5%", read as the quota rule reads
    // "vượt chỉ tiêu"); a quota passed by 100% or more is the level reached ("vượt 100% kế hoạch").
    const quota = quotaNamed(k, cue.index + 4, end);
    if (quota < 0 || (k.pct && k.value >= 100)) return compareAt(k, cue.index);
    baseline = QUOTA_BASELINE;
    end = quota;
  }
  const threshold: Threshold = {
    kind: 'relative',
    direction: cue.direction,
    atLeast: k.value,
    unit: up.unit,
    baseline,
  };
  return { start: k.preFrom + cue.index, end, threshold };
}

const QUOTA_WORDS = ['chỉ tiêu', 'kế hoạch', 'dự toán', 'mục tiêu', 'định mức'];
/** The baseline quotaNamed found. */
let QUOTA_BASELINE = '';

/**
 * A quota named right after "vượt" (the clause's words c[from, k.ts)) or right after the number
 * (from `end`): where the target's text then ends, with its baseline in QUOTA_BASELINE; else -1.
 */
function quotaNamed(k: Tok, from: number, end: number): number {
  const c = k.c;
  const b = skipSpaces(c, k.preFrom + from, k.ts);
  if (b < k.ts && quotaWordAt(c, b)) {
    // Up to the number's own "từ" ("vượt chỉ tiêu từ 5% trở lên" is against "chỉ tiêu").
    const tu = wordAtEnd(k.pre, 'từ');
    const e = tu >= 0 && k.preFrom + tu > b ? k.preFrom + tu : k.ts;
    QUOTA_BASELINE = canonBaseline(k.o.slice(b, e));
    return end;
  }
  const a = skipSpaces(c, end, c.length);
  if (a === end || !quotaWordAt(c, a)) return -1;
  let stop = a;
  while (stop < c.length && !isBaselineStop(c.charCodeAt(stop))) stop++;
  QUOTA_BASELINE = canonBaseline(k.o.slice(a, stop));
  return stop;
}

function quotaWordAt(c: string, p: number): boolean {
  for (const w of QUOTA_WORDS) if (c.startsWith(w, p) && !wordCharAt(c, p + w.length)) return true;
  return false;
}

/** [,;()]: where a baseline written after its number ends (as in REL_SO_VOI_RE). */
function isBaselineStop(ch: number): boolean {
  return ch === 44 || ch === 59 || ch === 40 || ch === 41;
}

// Cues before a number, read from the number back: [negation] [bằng hoặc] COMPARATIVE [hoặc
// bằng] [là | mức | :], else a BOUND ("ít nhất", "tối đa", "at most") or a sign. What precedes "hơn"
// decides what it means ("thấp hơn" <, "không lớn hơn" ≤, "không thấp hơn" ≥), so the longest
// cue ending before the number wins and a negation flips a comparative. Word cues start a word.
// Compared by hand (a trie of the reversed cues): this runs for every number.
const SIGN_CUES: [string[], ThresholdOp][] = [
  [['>=', '=>', '≥', '≧', '⩾'], '>='],
  [['<=', '=<', '≤', '≦', '⩽'], '<='],
  [['>'], '>'],
  [['<'], '<'],
  [['='], '='],
];
/** Limits in their own words: neither a negation nor "hoặc bằng" applies to them. */
const BOUND_CUES: [string[], ThresholdOp][] = [
  [['tối thiểu', 'ít nhất', 'at least', 'min', 'minimum'], '>='],
  // "giảm xuống (còn) 5%", "chỉ còn 5%" name the level to reach; "còn" alone is also "as for".
  [['tối đa', 'at most', 'max', 'maximum', 'up to', 'xuống', 'xuống còn', 'giảm còn', 'chỉ còn', 'hạ còn', 'rút ngắn còn'], '<='],
];
/** Strict comparisons, made non-strict by "hoặc bằng" / "bằng hoặc" and flipped by a negation. */
const COMPARATIVE_CUES: [string[], ThresholdOp][] = [
  [['trên', 'hơn', 'lớn hơn', 'cao hơn', 'nhiều hơn', 'vượt', 'vượt quá', 'over', 'above', 'more than', 'greater than', 'higher than', 'exceed', 'exceeds', 'exceeding'], '>'],
  [['dưới', 'xuống dưới', 'thấp hơn', 'ít hơn', 'nhỏ hơn', 'kém hơn', 'below', 'under', 'less than', 'fewer than', 'lower than'], '<'],
];
/** "quá" is a cue only negated ("không quá", "không để quá"): alone it is also "too" or "past". */
const NEGATED_ONLY_CUES = ['quá'];
const NEGATIONS = ['không', 'not', 'no'];
/** Words between "không" and what it negates ("không được vượt", "không để quá"). */
const NEGATION_AUX = ['được', 'để'];
const OR_EQUAL_AFTER = ['hoặc bằng', 'or equal to', 'or equal'];
const OR_EQUAL_BEFORE = ['bằng hoặc'];
/** Words between a cue and its number that change nothing ("tối đa là 5%", "dưới mức 5%"; also a colon, "Tối đa: 5%"). */
const CUE_FILLERS = ['là', 'mức'];
const KHONG = ['không'];

interface OpCueEntry {
  op: ThresholdOp;
  /** 0 a sign, 1 a bound, 2 a comparative, 3 a comparative only after a negation. */
  kind: 0 | 1 | 2 | 3;
}
interface CueNode {
  codes: number[];
  next: CueNode[];
  cue: OpCueEntry | null;
}

/** The cues reversed, by their last character: CUE_TRIE[code] (a dense array: "⩾" is U+2A7E). */
const CUE_TRIE = (() => {
  const root = new Array<CueNode | undefined>(0x2a7f).fill(undefined);
  const add = (cue: string, entry: OpCueEntry) => {
    const end = cue.charCodeAt(cue.length - 1);
    if (end >= root.length) throw new Error(`CUE_TRIE too short for ${cue}`);
    let node = (root[end] ??= { codes: [], next: [], cue: null });
    for (let i = cue.length - 2; i >= 0; i--) {
      const code = cue.charCodeAt(i);
      let k = node.codes.indexOf(code);
      if (k < 0) {
        k = node.codes.push(code) - 1;
        node.next.push({ codes: [], next: [], cue: null });
      }
      node = node.next[k]!;
    }
    node.cue = entry;
  };
  for (const [cues, op] of SIGN_CUES) for (const c of cues) add(c, { op, kind: 0 });
  for (const [cues, op] of BOUND_CUES) for (const c of cues) add(c, { op, kind: 1 });
  for (const [cues, op] of COMPARATIVE_CUES) for (const c of cues) add(c, { op, kind: 2 });
  for (const c of NEGATED_ONLY_CUES) add(c, { op: '>', kind: 3 });
  return root;
})();

/** What a negation makes of a comparison ("không lớn hơn" ≤, "không dưới" ≥) and what "hoặc bằng" does. */
const NEGATED_OP: Record<ThresholdOp, ThresholdOp> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', '=': '=' };
const OR_EQUAL_OP: Record<ThresholdOp, ThresholdOp> = { '>': '>=', '<': '<=', '>=': '>=', '<=': '<=', '=': '=' };

export function opCue(pre: string): { op: ThresholdOp; index: number } | null {
  return opCueIn(pre, 0, pre.length);
}

/** opCue(s.slice(from, to)), its index counted from `from`. */
function opCueIn(s: string, from: number, to: number): { op: ThresholdOp; index: number } | null {
  let e = beforeSpaces(s, from, to);
  if (e === from) return null;
  let last = s.charCodeAt(e - 1);
  if (last === 58) {
    // "Tối đa: 5%": the cue is before the colon.
    e = beforeSpaces(s, from, e - 1);
    if (e === from) return null;
    last = s.charCodeAt(e - 1);
  } else if ((last === 0xe0 && s.charCodeAt(e - 2) === 108) || (last === 99 && s.charCodeAt(e - 2) === 0x1ee9)) {
    // "là" / "mức" ("-là", "-ức": as no cue ends; checked first, as "được", "các" end in "c"): the cue is before it.
    const f = spacedWordAtEnd(s, from, e, CUE_FILLERS);
    if (f >= 0) {
      e = f;
      last = s.charCodeAt(e - 1);
    }
  }
  if (last >= CUE_TRIE.length || CUE_TRIE[last] === undefined) return null; // most numbers: no cue ends so
  // "hoặc bằng", "or equal (to)": only after a word ending in "g", "l" or "o".
  const orEqual = last === 103 || last === 108 || last === 111 ? spacedWordAtEnd(s, from, e, OR_EQUAL_AFTER) : -1;
  const found = cueEndingAt(s, from, orEqual >= 0 ? orEqual : e);
  if (found < 0) return null;
  const cue = FOUND_CUE!;
  let op = cue.op;
  let at = found;
  if (cue.kind < 2) return orEqual >= 0 ? null : { op, index: at - from };
  if (orEqual >= 0) op = OR_EQUAL_OP[op];
  // "bằng hoặc" before it too, even with "hoặc bằng" after ("bằng hoặc hơn hoặc bằng"): the cue starts there.
  if (cue.kind === 2) {
    const b = spacedWordBefore(s, from, at, OR_EQUAL_BEFORE);
    if (b >= 0) {
      op = OR_EQUAL_OP[op];
      at = b;
    }
  }
  const neg = negationBefore(s, from, at);
  if (neg >= 0) return { op: NEGATED_OP[op], index: neg - from };
  return cue.kind === 3 ? null : { op, index: at - from };
}

/** The cue cueEndingAt found last (one object per cue, made once). */
let FOUND_CUE: OpCueEntry | null = null;

/** Where the longest cue ending at s[e - 1] starts (a word cue at a word start), else -1; the cue in FOUND_CUE. */
function cueEndingAt(s: string, from: number, e: number): number {
  let node = CUE_TRIE[s.charCodeAt(e - 1)];
  let at = -1;
  for (let p = e - 1; node !== undefined; ) {
    const cue = node.cue;
    if (cue !== null && (cue.kind === 0 || !wordCharBeforeIn(s, from, p))) {
      FOUND_CUE = cue;
      at = p;
    }
    if (--p < from) break;
    const k = node.codes.indexOf(s.charCodeAt(p));
    node = k >= 0 ? node.next[k] : undefined;
  }
  return at;
}

/** The end of s[from, at) without its trailing spaces. */
function beforeSpaces(s: string, from: number, at: number): number {
  let e = at;
  while (e > from && isSpaceCode(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Where one of the words ends s[from, e) at a word start, else -1. */
function wordEndingAt(s: string, from: number, e: number, words: readonly string[]): number {
  for (const w of words) {
    const at = e - w.length;
    if (at >= from && s.startsWith(w, at) && !wordCharBeforeIn(s, from, at)) return at;
  }
  return -1;
}

/** When one of the words ends s[from, e) with spaces before it, the end of the text before those spaces; else -1. */
function spacedWordAtEnd(s: string, from: number, e: number, words: readonly string[]): number {
  const at = wordEndingAt(s, from, e, words);
  if (at < 0) return -1;
  const b = beforeSpaces(s, from, at);
  return b < at ? b : -1;
}

/** Where one of the words, with spaces after it, ends right before s[at], else -1. */
function spacedWordBefore(s: string, from: number, at: number, words: readonly string[]): number {
  const e = beforeSpaces(s, from, at);
  return e < at ? wordEndingAt(s, from, e, words) : -1;
}

/** Where a negation of s[at…] starts ("không", "không được", "không để", "not", "no"), else -1. */
function negationBefore(s: string, from: number, at: number): number {
  const aux = spacedWordBefore(s, from, at, NEGATION_AUX);
  const k = aux >= 0 ? spacedWordBefore(s, from, aux, KHONG) : -1;
  return k >= 0 ? k : spacedWordBefore(s, from, at, NEGATIONS);
}

/**
 * "… trở lên / trở xuống" within maxWords words after a position: in the 160 characters from
 * there, /^((?:(?!so với)[^\d;%<>≥≤])*?)(?<![\p{L}\p{N}])trở\s+(lên|xuống)(?![\p{L}\p{N}])/u
 * by hand (the words before "trở lên" may not cross a number, a comparison sign or "so với"),
 * with m[1]'s word count: this runs for most numbers in a clause with "trở".
 */
export function troAt(c: string, from: number, maxWords: number): { up: boolean; end: number } | null {
  const at = c.indexOf('trở', from);
  if (at < 0 || at + 3 > from + 160) return null; // most numbers have no "trở" after them
  const w = Math.min(c.length, from + 160); // the window's end: its edges bound the look-arounds
  for (let p = from; p < w; p++) {
    const ch = c.charCodeAt(p); // 116 "t", 115 "s": the words' first letters, before comparing
    const end = ch === 116 && p + 3 <= w && c.startsWith('trở', p) && !wordCharBeforeIn(c, from, p) ? troEnd(c, p + 3, w) : -1;
    if (end >= 0) return wordCount(c, from, p) > maxWords ? null : { up: c.startsWith('lên', end - 3), end };
    if (isTroStop(ch) || (ch === 115 && p + 6 <= w && c.startsWith('so với', p))) return null;
  }
  return null;
}

/** After "trở" at `q`: the end of \s+(lên|xuống) at a word end, in c up to w, else -1. */
function troEnd(c: string, q: number, w: number): number {
  const p = skipSpaces(c, q, w);
  if (p === q) return -1;
  const end = p + 3 <= w && c.startsWith('lên', p) ? p + 3 : p + 5 <= w && c.startsWith('xuống', p) ? p + 5 : -1;
  return end >= 0 && !wordCharAt(c, end, w) ? end : -1;
}

/** [\d;%<>≥≤]: what the words before "trở lên" may not hold. */
function isTroStop(ch: number): boolean {
  return isDigitCode(ch) || ch === 59 || ch === 37 || ch === 60 || ch === 62 || ch === 0x2265 || ch === 0x2264;
}

/** How many words (runs without \s) s[a, b) holds: s.slice(a, b).trim().split(/\s+/).filter(Boolean).length. */
function wordCount(s: string, a: number, b: number): number {
  let n = 0;
  for (let i = a; i < b; i++) if (!isSpaceCode(s.charCodeAt(i)) && (i === a || isSpaceCode(s.charCodeAt(i - 1)))) n++;
  return n;
}

/** `vuot`: where a "vượt" that is no change (relativeAt) starts in k.pre, else -1. */
function compareAt(k: Tok, vuot = -1): Span | null {
  const up = unitAndPer(k);
  const cue = opCue(k.pre);
  const tu = wordAtEnd(k.pre, 'từ');
  const tro = k.tro ? troAt(k.c, up.end, cue || tu >= 0 || k.pct ? 10 : 4) : null;
  let op: ThresholdOp;
  let end = up.end;
  let tail = -1;
  if (cue) op = cue.op;
  else if (tro) op = tro.up ? '>=' : '<=';
  else if (vuot >= 0) op = '>'; // "vượt ngưỡng 85%"
  else if ((tail = orTailAt(k.c, up.end)) >= 0) {
    op = OR_TAIL_UP ? '>=' : '<='; // "5% or less"
    end = tail;
  } else if (k.pct) op = k.value === 0 ? '=' : '>='; // a plain "N%" target means at least N%; a plain 0% ("trễ hạn 0%") none at all
  else return null; // a count without a cue is not a target
  const start = cue ? k.preFrom + cue.index : vuot >= 0 ? k.preFrom + vuot : tu >= 0 ? k.preFrom + tu : k.ts;
  const threshold: Threshold = { kind: 'compare', op, value: k.value, unit: up.unit };
  if (up.per) threshold.per = up.per;
  return { start, end: Math.max(end, tro ? tro.end : 0), threshold };
}

const OR_TAILS: [string, boolean][] = [
  ['or less', false], ['or fewer', false], ['or lower', false], ['or below', false], ['or under', false],
  ['and below', false], ['and under', false], ['and less', false],
  ['or more', true], ['or higher', true], ['or greater', true], ['or above', true], ['or over', true],
  ['and above', true], ['and over', true], ['and more', true],
];
/** Whether the tail orTailAt found last is "or more" (else "or less"). */
let OR_TAIL_UP = false;

/** "5% or less", "10 days or more": where an English tail after the number (and unit) ends, else -1. */
function orTailAt(c: string, from: number): number {
  const p = skipSpaces(c, from, c.length);
  const ch = c.charCodeAt(p);
  if (p === from || (ch !== 111 && ch !== 97)) return -1; // "o" / "a" after a space: most numbers have neither
  for (const [w, up] of OR_TAILS) {
    if (c.startsWith(w, p) && !wordCharAt(c, p + w.length)) {
      OR_TAIL_UP = up;
      return p + w.length;
    }
  }
  return -1;
}

// --- units ------------------------------------------------------------------------------

/** Folded count nouns recognised at the start of a long phrase (longest first). */
const KNOWN_UNITS = [
  'tin bai', 'luot', 'lan', 'dot', 'ngay lam viec', 'ngay', 'tin', 'bai', 'ho so', 'van ban', 'tthc', 'thu tuc',
  'nguoi', 'cuoc', 'buoi', 'lop', 'sang kien', 'giai phap', 'don vi', 'co quan', 'doanh nghiep',
  'gio', 'thang', 'quy', 'nam', 'diem', 'xa', 'du an', 'hoi nghi', 'phut', 'ty dong',
  'trieu dong', 'dong', 'bao cao', 'chuyen muc', 'phong su', 'tai lieu', 'ke hoach', 'de tai',
  'mo hinh', 'cong trinh', 'hoat dong', 'noi dung', 'nhiem vu', 'chi tieu', 'ban tin',
]
  .map((u) => u.split(' '))
  .sort((a, b) => b.length - a.length);

const UNIT_STOP_WORDS = [
  'trở lên', 'trở xuống', 'được', 'có', 'đã', 'phải', 'đạt', 'của', 'trong', 'cho', 'và', 'hoặc', 'so với', 'để',
  'theo', 'tại', 'trên', 'dưới', 'mỗi', 'với', 'là', 'từ', 'đến', 'tới', 'or', 'and', // "10 days or less"
];
const UNIT_STOP = new RegExp(`[/;:()\\[\\].%\\d<>≤≥=–—]|${WB}(?:${UNIT_STOP_WORDS.join('|')})${WE}`, 'u');

/**
 * The counted noun after a number, in its original spelling: a known unit at the start of
 * the phrase, else the phrase up to a stop word when it is at most three words, else its
 * first word.
 */
// A stop (or nothing) first after the number: no unit, without the window work below.
const STOP_FIRST = /[/;:()[\].%\d<>≤≥=–—]/;

function unitAt(o: string, c: string, from: number): { unit: string; end: number } {
  const f = skipSpaces(c, from, Math.min(from + 80, c.length));
  if (f >= from + 80 || f >= c.length || STOP_FIRST.test(c[f]!)) return { unit: '', end: from };
  if (stopBeforeWord(c, f, Math.min(from + 80, c.length))) return { unit: '', end: from };
  const win = c.slice(from, from + 80);
  const lead = win.length - win.trimStart().length;
  const body = win.slice(lead);
  const stop = UNIT_STOP.exec(body);
  const seg = o.slice(from + lead, from + lead + (stop ? stop.index : body.length));
  const words = [...seg.matchAll(/[^\s,]+/g)];
  let n = 0;
  while (n < words.length && /\p{L}/u.test(words[n][0])) n++;
  if (n === 0) return { unit: '', end: from };
  const take = knownUnitLength(words.slice(0, n).map((w) => fold(w[0]))) || plainUnitLength(seg, words, n);
  const last = words[take - 1];
  const len = (last.index ?? 0) + last[0].length;
  return { unit: seg.slice(0, len), end: from + lead + len };
}

/**
 * Whether UNIT_STOP stops the window c[f, end) before its first word (a run of [^\s,]): a stop
 * sign or a stop word where that word starts ("3, 4 có …"), so no unit. Spares the regex and
 * the word list for most numbers that are not counts.
 */
function stopBeforeWord(c: string, f: number, end: number): boolean {
  let q = f;
  while (q < end && (c.charCodeAt(q) === 44 || isSpaceCode(c.charCodeAt(q)))) q++;
  if (q >= end) return true; // no word at all
  if (STOP_FIRST.test(c[q]!)) return true;
  for (const w of UNIT_STOP_WORDS) {
    // At q the word starts a word (the window's start, or "," / a space before it).
    if (q + w.length <= end && c.startsWith(w, q) && !wordCharAt(c, q + w.length, end)) return true;
  }
  return false;
}

function knownUnitLength(folded: string[]): number {
  const hit = KNOWN_UNITS.find((u) => u.length <= folded.length && u.every((w, i) => folded[i] === w));
  return hit ? hit.length : 0;
}

function plainUnitLength(seg: string, words: RegExpMatchArray[], n: number): number {
  const comma = seg.indexOf(',');
  const beforeComma = words.slice(0, n).filter((w) => comma < 0 || (w.index ?? 0) < comma).length;
  return beforeComma >= 1 && beforeComma <= 3 ? beforeComma : 1;
}

/** "/năm" after a position, else null. */
function perAt(o: string, c: string, from: number): { per: string; end: number } | null {
  if (c.charCodeAt(skipSpaces(c, from, c.length)) !== 47) return null; // the usual case: no "/năm" after the number
  const m = /^\s*\/\s*(\p{L}+)(?![\p{L}\p{N}])/u.exec(c.slice(from, from + 40));
  if (!m) return null;
  const end = from + m[0].length;
  return { per: o.slice(end - m[1].length, end), end };
}

/** The first target that can be checked, else null (a loop: find() made a closure per row). */
export function firstCheckable(targets: readonly ParsedTarget[]): ParsedTarget | null {
  for (let k = 0; k < targets.length; k++) if (targets[k]!.threshold.kind !== 'qualitative') return targets[k]!;
  return null;
}

// ---------------------------------------------------------------------------------------
// formatThreshold

const OP_SYMBOL: Record<ThresholdOp, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<', '=': '=' };

/** A threshold's number: Vietnamese style, English style in English (the exact value either way). */
function thresholdNumber(n: number, lang: Lang): string {
  const v = formatViExact(n);
  return lang === 'en' ? viToEnNumber(v) : v;
}

function withUnit(n: number, unit: string | undefined, lang: Lang): string {
  const v = thresholdNumber(n, lang);
  return unit === '%' ? `${v}%` : unit ? `${v} ${unit}` : v;
}

/**
 * Compact normalised form ("≥ 95%", "> 240 tin, bài/năm", "70%–100%", "không có",
 * "tăng ≥ 30% so với năm 2018"); numbers in the language's style ("93,5%" / "93.5%"), the
 * target's own words (units, baselines) as written.
 * parseTarget(formatThreshold(t, 'vi'))[0].threshold equals t for parsed targets.
 */
export function formatThreshold(t: Threshold, lang: Lang = 'vi'): string {
  if (!t || typeof t !== 'object') return ''; // hosts may pass anything (custom functions)
  try {
    const s = formatKnown(t, lang);
    return typeof s === 'string' ? s : '';
  } catch {
    return ''; // a malformed threshold (fields that refuse to become text)
  }
}

function formatKnown(t: Threshold, lang: Lang): string {
  switch (t.kind) {
    case 'compare':
      return `${OP_SYMBOL[t.op]} ${withUnit(t.value, t.unit, lang)}${t.per ? `/${t.per}` : ''}`;
    case 'range':
      if (t.unit === '%') return `${withUnit(t.min, '%', lang)}–${withUnit(t.max, '%', lang)}`;
      return lang === 'en'
        ? `${thresholdNumber(t.min, lang)}–${withUnit(t.max, t.unit, lang)}`
        : `từ ${thresholdNumber(t.min, lang)} đến ${withUnit(t.max, t.unit, lang)}`;
    case 'none':
      return lang === 'en' ? 'none' : 'không có';
    case 'relative':
      return formatRelative(t, lang);
    case 'qualitative':
      return t.text;
    default:
      return '';
  }
}

function formatRelative(t: Relative, lang: Lang): string {
  const inc = t.direction === 'increase';
  const base = t.baseline;
  if (t.atLeast === 0 && t.unit === undefined) {
    if (lang === 'en') return `${inc ? 'not below' : 'not above'}${base ? ` ${base}` : ''}`;
    // Not where the words would read as a level ("quá 5", "Mức 3": "không vượt quá Mức 3" is ≤ 3).
    if (!inc && base && !/^[\d<>≤≥=]|^quá(?![\p{L}])|^(?:mức|là)(?![\p{L}])\s*:?\s*[\d<>≤≥=]/iu.test(base)) return `không vượt quá ${base}`;
    return `không ${inc ? 'giảm' : 'tăng'}${base ? ` so với ${base}` : ''}`;
  }
  const word = lang === 'en' ? (inc ? 'increase' : 'decrease') : inc ? 'tăng' : 'giảm';
  const amount = t.atLeast !== undefined ? ` ≥ ${withUnit(t.atLeast, t.unit, lang)}` : '';
  const vs = lang === 'en' ? 'vs' : 'so với';
  return `${word}${amount}${base ? ` ${vs} ${base}` : ''}`;
}

// ---------------------------------------------------------------------------------------
// evaluateThreshold
//
// Reading the actual value:
// - numbers, "97%", "97,5 %", "52 TTHC", "Đạt 97%", "52/54" (→ 96,3% for % targets);
// - fraction rule: for a "%" threshold whose reference value (compare value, range max,
//   relative atLeast) is > 1, a number 0 < x ≤ 1 written without "%" is a fraction (0.97 →
//   97%), as Excel stores percent-formatted cells;
// - relative: explicit "+"/"-" or words (tăng, cao hơn, vượt / giảm, thấp hơn) give the
//   direction; an unsigned number is the change in the target's direction.

interface Reading {
  value: number;
  percent: boolean;
  ratio: boolean;
  /** Explicit sign: 1 for "+", -1 for "-" / a negative number, 0 when none. */
  sign: -1 | 0 | 1;
  /** First word after a non-percent number ("TTHC" in "52 TTHC"). */
  unitWord: string;
}

// Rules on the leading words of the folded text (a phrase, then a space or the end), which
// leadingWords gives them: a longer phrase than LEAD_MAX - 1 characters needs a longer head.
const FAIL_RE =
  /^(khong dat|chua dat|khong hoan thanh|chua hoan thanh|chua thuc hien|khong thuc hien|not met|not achieved|not done|failed|fail)( |$)/;
const OK_RE = /^(dat|hoan thanh|co|da|dung|day du|xong|dam bao|yes|done|met|achieved|completed|ok)( |$)/;
const FILLER_WORDS = new Set(['đạt', 'là', 'khoảng', 'gần', 'trên', 'hơn']);
const EPS = 1e-9;

interface Ctx {
  t: Threshold;
  lang: Lang;
  /** Whether the outcome needs its reason written (see thresholdStatus). */
  why: boolean;
  raw: unknown;
  /** Cleaned actual text. */
  s: string;
  /** Folded actual text, made on first use (see folded): most results never need it. */
  f: string | null;
  /** The reading of a plain number text ("97%", "0,97"), else null (see plainReading). */
  plain: Reading | null;
}

const CTX: Ctx = { t: { kind: 'none' }, lang: 'vi', why: false, raw: null, s: '', f: null, plain: null };

/** Is the officer's actual result enough for the target? Never throws. */
export function evaluateThreshold(t: Threshold, actual: unknown, lang: Lang = 'vi'): CheckOutcome {
  return evaluate(t, actual, lang, true);
}

/**
 * evaluateThreshold(t, actual).status without writing the reason, for thresholds parseTarget made
 * (a malformed one from a host could differ where writing its reason throws). Validation asks this
 * of every row with a result and needs the words only for unmet rows: formatting a reason for
 * each met row was ~5 % of an analysis.
 */
export function thresholdStatus(t: Threshold, actual: unknown): CheckOutcome['status'] {
  return evaluate(t, actual, 'vi', false).status;
}

/**
 * Whether thresholdStatus(t, actual) depends on the actual value alone: a qualitative target
 * naming no deadline is settled by the result's words ("Đã thực hiện", "Chưa thực hiện"), the
 * same for every such target. Validation then judges each distinct result once per sheet
 * instead of once per row (one result on thousands of rows: ~0.5 µs a row saved).
 */
export function statusByActualAlone(t: Threshold): boolean {
  if (t.kind !== 'qualitative') return false;
  const due = deadlineOf(t);
  return due !== due; // NaN: no deadline
}

// Outcomes without a reason, for thresholdStatus.
const MET: CheckOutcome = Object.freeze({ status: 'met', reason: '' });
const UNMET: CheckOutcome = Object.freeze({ status: 'unmet', reason: '' });
const NOT_EVALUABLE: CheckOutcome = Object.freeze({ status: 'not-evaluable', reason: '' });

function evaluate(t: Threshold, actual: unknown, lang: Lang, why: boolean): CheckOutcome {
  const plain = typeof actual === 'string' ? plainReading(actual) : null;
  let s: string;
  try {
    s = typeof actual === 'number' ? '' : plain ? (actual as string) : cleanText(actual); // plain numbers are clean
  } catch {
    s = '';
  }
  const isNum = typeof actual === 'number' && Number.isFinite(actual);
  if (!isNum && !s) return notEvaluable(msg(lang, 'Chưa nhập kết quả thực tế', 'No actual value entered'));
  // The one context, filled per call: evaluate never runs inside another evaluate, and a context
  // per check was ~0.6 MB of garbage a 10,000-row sheet (a late scavenge costs ~4 ms).
  const ctx = CTX;
  ctx.t = t;
  ctx.lang = lang;
  ctx.why = why;
  ctx.raw = actual;
  ctx.s = s;
  ctx.f = null;
  ctx.plain = plain;
  try {
    switch (t.kind) {
      case 'compare':
      case 'range':
        return evalNumeric(ctx, t);
      case 'none':
        return evalNone(ctx);
      case 'relative':
        return evalRelative(ctx, t);
      case 'qualitative':
        return evalQualitative(ctx);
      default:
        return notEvaluable(msg(lang, 'Chỉ tiêu không hợp lệ', 'Invalid target'));
    }
  } catch {
    return notEvaluable(msg(lang, 'Không đánh giá được', 'Cannot evaluate'));
  }
}

function msg(lang: Lang, vi: string, en: string): string {
  return lang === 'en' ? en : vi;
}

function notEvaluable(reason: string): CheckOutcome {
  return { status: 'not-evaluable', reason };
}

function verdict(ok: boolean, ctx: Ctx, actualText: string): CheckOutcome {
  if (!ctx.why) return ok ? MET : UNMET;
  const need = formatThreshold(ctx.t, ctx.lang);
  const reason =
    ctx.lang === 'en' ? `Needs ${need}, actual ${actualText}` : `Cần ${need}, thực tế ${actualText}`;
  return { status: ok ? 'met' : 'unmet', reason };
}

/** verdict with the actual text, quoted, as what was found (written only with the reason). */
function verdictOnText(ok: boolean, ctx: Ctx): CheckOutcome {
  return verdict(ok, ctx, ctx.why ? quoted(ctx.s) : '');
}

function quoted(s: string): string {
  return `«${s.length > 60 ? `${s.slice(0, 57)}…` : s}»`;
}

/** The whole folded actual text, folded on first use. */
function folded(ctx: Ctx): string {
  return (ctx.f ??= fold(ctx.s));
}

// The rules on leading words match at most 16 folded characters ("khong hoan thanh") and then
// read one more: the first LEAD_MAX folded characters are all they see (a few spare; each
// character more costs about 2 ns a check).
const LEAD_MAX = 20;

/**
 * The folded text as the rules on leading words (FAIL_RE, OK_RE, …) see it: its first LEAD_MAX
 * characters (all of it once folded). The rules all start with a letter, and a text starting
 * with a digit ("97%", "52 TTHC") folds to one starting with it: "" then, without folding.
 */
function leadingWords(ctx: Ctx): string {
  const c = ctx.s.charCodeAt(0);
  if (c >= 48 && c <= 57) return '';
  return ctx.f ?? foldHead(ctx.s, LEAD_MAX);
}

function cannotRead(ctx: Ctx): CheckOutcome {
  if (!ctx.why) return NOT_EVALUABLE;
  const need = formatThreshold(ctx.t, ctx.lang);
  if (OK_RE.test(leadingWords(ctx))) {
    return notEvaluable(
      msg(ctx.lang, `Cần số liệu cụ thể (${need}), thực tế ${quoted(ctx.s)}`, `Needs a figure (${need}), actual ${quoted(ctx.s)}`),
    );
  }
  return notEvaluable(
    msg(ctx.lang, `Không đọc được số liệu từ ${quoted(ctx.s)}`, `Cannot read a number from ${quoted(ctx.s)}`),
  );
}

function unitMismatch(ctx: Ctx): CheckOutcome {
  if (!ctx.why) return NOT_EVALUABLE;
  const need = formatThreshold(ctx.t, ctx.lang);
  const shown = ctx.s ? quoted(ctx.s) : String(ctx.raw);
  return notEvaluable(
    msg(ctx.lang, `Đơn vị không khớp: cần ${need}, thực tế ${shown}`, `Unit mismatch: needs ${need}, actual ${shown}`),
  );
}

/** Drop float noise such as 0.97 * 100: n to 12 significant digits (and -0 as 0). */
export function dropFloatNoise(n: number): number {
  // Most readings (97, 93.5) have 12 significant digits or fewer, which 12-digit rounding gives
  // back exactly: only float noise pays for toPrecision, the slow part of evaluating.
  if ((Number.isInteger(n) && Math.abs(n) < 1e12) || significantDigits(String(n)) <= 12) return n + 0;
  return Number(n.toPrecision(12));
}

/** Significant digits of a number's shortest form ("0.0125" → 3, "1.5e-7" → 2). */
function significantDigits(shortest: string): number {
  let d = 0;
  let started = false;
  for (let i = 0; i < shortest.length; i++) {
    const ch = shortest.charCodeAt(i);
    if (ch === 101) break; // "e"
    if (ch < 48 || ch > 57) continue;
    if (ch !== 48) started = true;
    if (started) d++;
  }
  return d;
}

const ACTUAL_TOKEN = new RegExp(
  `(?<![\\p{L}\\p{N}.,/])(?:(?<=^|\\s)([+\\-\\u2212]))?(${NUM})(?:\\s*\\/\\s*(${NUM}))?(\\s*%)?`,
  'gu',
);

/** The number an officer wrote, preferring a percent for "%" targets. */
function readNumber(ctx: Ctx, wantPercent: boolean): Reading | null {
  if (typeof ctx.raw === 'number') {
    if (!Number.isFinite(ctx.raw)) return null;
    return { value: ctx.raw, percent: false, ratio: false, sign: ctx.raw < 0 ? -1 : 0, unitWord: '' };
  }
  if (ctx.plain) return ctx.plain;
  // Phrases ("Đạt 97%", "52 TTHC") skip the parse.
  const p = couldBeNumber(ctx.s) && mayBeNumberText(ctx.s) ? parseViNumber(ctx.s) : null;
  if (p && p.ok) {
    const sign = /^[^\d]*\+/.test(ctx.s) ? 1 : p.value < 0 ? -1 : 0;
    return { value: p.value, percent: p.percent, ratio: false, sign, unitWord: '' };
  }
  const lone = lonePercentAtEnd(ctx.s);
  if (lone) return lone;
  const found = tokensIn(ctx.s, wantPercent);
  if (!found.length) return null;
  const pick =
    (wantPercent && (found.find((r) => r.percent && !r.ratio) ?? found.find((r) => r.ratio))) ||
    found.find((r) => !r.percent) ||
    found[0];
  return pick;
}

/**
 * The reading of "97%", "0,97", "100.000" — digits, "." and "," then at most a final "%", the
 * usual result — as readNumber gives it (parseViNumber's own fast case; no sign, and no word for
 * the folded-text rules to find), else null.
 */
function plainReading(s: string): Reading | null {
  const body = plainNumberBody(s);
  const value = body ? plainNumberValue(s, body) : null;
  if (value === null) return null;
  // Like CTX, one reading for every plain number: readers use it at once and keep none.
  const r = PLAIN;
  r.value = value;
  r.percent = body < s.length;
  return r;
}

const PLAIN: Reading = { value: 0, percent: false, ratio: false, sign: 0, unitWord: '' };

/**
 * "Tăng 7%", "Đạt 97,5%": the text's only digits are a number at its end, after a space and
 * with "%" — the one token tokensIn would find (no sign: a space precedes it; nothing after it),
 * and so readNumber's pick. Read without lower-casing the text and the token regex; else null.
 */
function lonePercentAtEnd(s: string): Reading | null {
  const n = s.length;
  if (n < 3 || n > 2000 || s.charCodeAt(n - 1) !== 37) return null;
  let start = n - 1;
  while (start > 0 && isNumberChar(s.charCodeAt(start - 1))) start--;
  if (start === 0 || s.charCodeAt(start - 1) !== 32 || !isDigitCode(s.charCodeAt(start))) return null;
  for (let i = 0; i < start; i++) if (isDigitCode(s.charCodeAt(i))) return null;
  const value = digitsToNumber(s.slice(start, n - 1)); // null unless the whole run is one number
  return value === null ? null : { value, percent: true, ratio: false, sign: 0, unitWord: '' };
}

/** A digit, "." or ",": what a number token is made of. */
function isNumberChar(c: number): boolean {
  return isDigitCode(c) || c === 46 || c === 44;
}

function tokensIn(s: string, wantPercent: boolean): Reading[] {
  const lc = lowerSameLength(s.slice(0, 2000));
  const out: Reading[] = [];
  // The one shared global regex from lastIndex 0, not a copy compiled per call: nothing in the loop scans with it again.
  const re = ACTUAL_TOKEN;
  re.lastIndex = 0;
  for (let m = re.exec(lc); m && out.length < 20; m = re.exec(lc)) {
    const end = m.index + m[0].length;
    if (/^\s*\/\s*\d/.test(lc.slice(end, end + 6))) continue; // a date such as 17/6/2019
    if (!m[4] && wordAtEnd(lc.slice(Math.max(0, m.index - 8), m.index), 'năm') >= 0) continue;
    const r = tokenReading(m, lc.slice(end, end + 40), wantPercent);
    if (r) out.push(r);
  }
  return out;
}

function tokenReading(m: RegExpExecArray, after: string, wantPercent: boolean): Reading | null {
  const a = digitsToNumber(m[2]);
  if (a === null) return null;
  const sign: -1 | 0 | 1 = m[1] === '+' ? 1 : m[1] ? -1 : 0;
  let unitWord = m[4] ? '' : (/^\s*(\p{L}[\p{L}\p{N}]*)/u.exec(after)?.[1] ?? '');
  // "95 phần trăm" is "95%", as in targets.
  if ((unitWord === 'phần' || unitWord.startsWith('per')) && percentWordEnd(after, skipSpaces(after, 0, after.length)) >= 0) {
    return { value: sign < 0 ? -a : a, percent: true, ratio: false, sign, unitWord: '' };
  }
  if (m[3] !== undefined) {
    const b = digitsToNumber(m[3]);
    if (wantPercent && b) return { value: (a / b) * 100, percent: true, ratio: true, sign, unitWord: '' };
  }
  return { value: sign < 0 ? -a : a, percent: Boolean(m[4]), ratio: false, sign, unitWord };
}

/** Fraction rule (see above) and float clean-up. */
function scaled(r: Reading, unit: string | undefined, ref: number | undefined): number {
  const v = r.value;
  const fraction = unit === '%' && !r.percent && !r.ratio && v > 0 && v <= 1 && ref !== undefined && ref > 1;
  return dropFloatNoise(fraction ? v * 100 : v);
}

/** A "%" target given a count ("52 TTHC"), or a count target given a percent. */
function wrongUnit(r: Reading, unit: string | undefined): boolean {
  if (unit === '%') return !r.percent && !r.ratio && r.unitWord !== '' && !FILLER_WORDS.has(r.unitWord);
  return Boolean(unit) && r.percent;
}

function showValue(v: number, unit: string | undefined, lang: Lang): string {
  const n = lang === 'en' ? viToEnNumber(formatViNumber(v, 2)) : formatViNumber(v, 2);
  return unit === '%' ? `${n}%` : unit ? `${n} ${unit}` : n;
}

function compareOp(op: ThresholdOp, a: number, b: number): boolean {
  const eps = EPS * Math.max(1, Math.abs(b));
  switch (op) {
    case '>=':
      return a >= b - eps;
    case '>':
      return a > b + eps;
    case '<=':
      return a <= b + eps;
    case '<':
      return a < b - eps;
    default:
      return Math.abs(a - b) <= eps;
  }
}

function evalNumeric(ctx: Ctx, t: Extract<Threshold, { kind: 'compare' | 'range' }>): CheckOutcome {
  if (!ctx.plain && FAIL_RE.test(leadingWords(ctx))) return verdictOnText(false, ctx); // a plain number has no words
  const r = readNumber(ctx, t.unit === '%');
  if (!r) return cannotRead(ctx);
  if (wrongUnit(r, t.unit)) return unitMismatch(ctx);
  const k = timeScale(r.unitWord, t.unit);
  if (k !== k) return unitMismatch(ctx); // NaN: "1 tháng" against working days, "48 giờ" against days
  const ref = t.kind === 'compare' ? t.value : t.max;
  const v = k === 1 ? scaled(r, t.unit, ref) : dropFloatNoise(r.value * k);
  const ok = t.kind === 'compare' ? compareOp(t.op, v, t.value) : compareOp('>=', v, t.min) && compareOp('<=', v, t.max);
  return verdict(ok, ctx, ctx.why ? shownConverted(ctx, showValue(v, t.unit, ctx.lang), k) : '');
}

/** The value as the target's unit shows it, with what was written when it was converted ("10 ngày làm việc («2 tuần»)"). */
function shownConverted(ctx: Ctx, shown: string, k: number): string {
  return k === 1 ? shown : `${shown} (${quoted(ctx.s)})`;
}

/**
 * Time units in days, in working days, in months and in hours (0: not in that measure). A
 * week is 7 days or 5 working days; a month about 30 days, and no fixed number of working days
 * or hours; a day no fixed number of hours (24 or 8 working ones). "ngày" also counts working
 * days: officers write "5 ngày" against "6 ngày làm việc", and only the first word after a
 * number is read.
 */
const TIME_UNITS = new Map<string, { days: number; workDays: number; months: number; hours: number }>([
  ['ngày', { days: 1, workDays: 1, months: 0, hours: 0 }],
  ['ngày làm việc', { days: 0, workDays: 1, months: 0, hours: 0 }],
  ['tuần', { days: 7, workDays: 5, months: 0, hours: 0 }],
  ['tháng', { days: 30, workDays: 0, months: 1, hours: 0 }],
  ['quý', { days: 91, workDays: 0, months: 3, hours: 0 }],
  ['năm', { days: 365, workDays: 0, months: 12, hours: 0 }],
  ['giờ', { days: 0, workDays: 0, months: 0, hours: 1 }],
  ['h', { days: 0, workDays: 0, months: 0, hours: 1 }],
  ['tiếng', { days: 0, workDays: 0, months: 0, hours: 1 }],
  ['phút', { days: 0, workDays: 0, months: 0, hours: 1 / 60 }],
]);
// English plans and results ("at most 5 days" against "1 week"; unknown, a week had read as 1
// day): each name as the Vietnamese unit it means.
for (const [vi, names] of [
  ['ngày', ['day', 'days']],
  ['ngày làm việc', ['working day', 'working days', 'business day', 'business days']],
  ['tuần', ['week', 'weeks']],
  ['tháng', ['month', 'months']],
  ['quý', ['quarter', 'quarters']],
  ['năm', ['year', 'years']],
  ['giờ', ['hour', 'hours']],
  ['phút', ['minute', 'minutes']],
] as const) {
  for (const en of names) TIME_UNITS.set(en, TIME_UNITS.get(vi)!);
}

/**
 * What a reading in time unit `word` (lower case, as read) is multiplied by to be in the
 * target's time unit: 1 when either is no time unit or they are the same (counts are read
 * loosely: "5 giải pháp" against "03 sáng kiến"), NaN when no conversion holds.
 */
function timeScale(word: string, unit: string | undefined): number {
  if (!word || !unit || unit === '%' || word === unit) return 1; // most readings: no word after the number
  const a = TIME_UNITS.get(word);
  if (!a) return 1;
  const t = TIME_UNITS.get(unit) ?? TIME_UNITS.get(unit.toLowerCase());
  if (!t || a === t) return 1;
  if (a.months && t.months) return a.months / t.months; // exact between months, quarters and years
  if (t.hours || a.hours) return a.hours && t.hours ? a.hours / t.hours : NaN;
  if (!t.days) return a.workDays ? a.workDays / t.workDays : NaN; // a working-day target
  return a.days ? a.days / t.days : NaN;
}

function evalNone(ctx: Ctx): CheckOutcome {
  const f = leadingWords(ctx);
  if (FAIL_RE.test(f)) return verdictOnText(false, ctx);
  if (typeof ctx.raw !== 'number' && /^(khong|none|no)( |$)/.test(f)) return verdictOnText(true, ctx);
  const r = readNumber(ctx, false);
  if (r) {
    if (r.value < 0) return cannotRead(ctx);
    return verdict(r.value === 0, ctx, !ctx.why ? '' : ctx.s ? quoted(ctx.s) : showValue(r.value, undefined, ctx.lang));
  }
  if (/^(dat|hoan thanh|dam bao)( |$)/.test(f)) return verdictOnText(true, ctx);
  if (/^co [a-z]/.test(f)) return verdictOnText(false, ctx); // "Có sai phạm"
  if (!ctx.why) return NOT_EVALUABLE;
  return notEvaluable(
    msg(ctx.lang, `Không rõ có hay không: ${quoted(ctx.s)}`, `Unclear whether any occurred: ${quoted(ctx.s)}`),
  );
}

const ZERO_CHANGE_RE = /^(khong tang|khong giam|khong doi|khong thay doi|giu nguyen|bang|khong vuot|unchanged|no change)( |$)/;
const INCREASE_RE = /(^| )(tang|cao hon|vuot|nhieu hon|increase|increased|higher|up|exceeded)( |$)/;
const DECREASE_RE = /(^| )(giam|thap hon|it hon|decrease|decreased|lower|down)( |$)/;

function wordSign(f: string): -1 | 0 | 1 {
  const inc = f.search(INCREASE_RE); // where the match starts, as exec's index, without its array
  const dec = f.search(DECREASE_RE);
  if (inc >= 0 && dec >= 0) return inc <= dec ? 1 : -1;
  return inc >= 0 ? 1 : dec >= 0 ? -1 : 0;
}

function evalRelative(ctx: Ctx, t: Relative): CheckOutcome {
  const f = ctx.plain ? '' : folded(ctx); // the direction words need all of it; a plain number has none
  if (FAIL_RE.test(f)) return verdictOnText(false, ctx);
  const dir = t.direction === 'increase' ? 1 : -1;
  const zero = ZERO_CHANGE_RE.test(f);
  const words = zero ? 0 : wordSign(f);
  const quota = !zero && (t.unit === undefined || t.unit === '%') && QUOTA_RE.test(t.baseline);
  const r = zero ? null : readNumber(ctx, t.unit === '%' || quota); // "1.300/1.250" is a share of a quota
  if (r && quota && (r.ratio || (!r.sign && !words))) return evalQuotaLevel(ctx, t, r, dir);
  let change: number;
  let exact = true;
  if (r) {
    if (t.atLeast !== undefined && wrongUnit(r, t.unit)) return unitMismatch(ctx);
    const k = t.atLeast !== undefined ? timeScale(r.unitWord, t.unit) : 1; // "giảm 1 tuần" against "giảm ≥ 3 ngày"
    if (k !== k) return unitMismatch(ctx);
    const m =
      k !== 1
        ? dropFloatNoise(Math.abs(r.value) * k)
        : Math.abs(scaled({ value: Math.abs(r.value), percent: r.percent, ratio: r.ratio, sign: r.sign, unitWord: r.unitWord }, t.unit, t.atLeast));
    const sign = r.sign || words || dir; // unsigned: a change in the target's direction
    change = sign * m;
  } else if (zero) {
    change = 0;
  } else if (words) {
    if (t.atLeast !== undefined && t.atLeast > 0) return cannotRead(ctx); // need the amount
    change = words;
    exact = false;
  } else {
    return cannotRead(ctx);
  }
  const moved = dir * change;
  const ok = t.atLeast === undefined ? moved > EPS : compareOp('>=', moved, t.atLeast);
  return verdict(ok, ctx, ctx.why ? showChange(ctx.lang, change, exact, r?.percent ? '%' : t.unit) : '');
}

/** A baseline that is a quota, reached at 100%: "chỉ tiêu được giao", "số biên chế được giao", "kế hoạch". */
const QUOTA_RE = /(?<![\p{L}\p{N}])(?:chỉ tiêu|kế hoạch|dự toán|mục tiêu|định mức|giao)(?![\p{L}\p{N}])/iu;

/**
 * Against a quota ("vượt chỉ tiêu được giao", "không vượt quá số biên chế được giao"), a
 * percentage without a direction word or sign, or "used/quota", is the level reached, the quota
 * being 100%: "đạt 98% chỉ tiêu" is 2% short of it, not a rise of 98%; "1.300/1.250" is 4% over.
 * A bare count ("1.240 biên chế") says nothing without the quota.
 */
function evalQuotaLevel(ctx: Ctx, t: Relative, r: Reading, dir: number): CheckOutcome {
  let level: number;
  if (r.percent || r.ratio) level = dropFloatNoise(r.value);
  else if (r.value >= 0 && r.value <= 1 && !r.unitWord) level = dropFloatNoise(r.value * 100); // a percent-formatted cell
  else return needShare(ctx);
  const change = dropFloatNoise(level - 100);
  const ok = t.atLeast === undefined ? dir * change > EPS : compareOp('>=', dir * change, t.atLeast);
  if (!ctx.why) return ok ? MET : UNMET;
  const shown = showValue(level, '%', ctx.lang);
  return verdict(ok, ctx, msg(ctx.lang, `đạt ${shown}`, `reached ${shown}`));
}

function needShare(ctx: Ctx): CheckOutcome {
  if (!ctx.why) return NOT_EVALUABLE;
  const need = formatThreshold(ctx.t, ctx.lang);
  const shown = ctx.s ? quoted(ctx.s) : String(ctx.raw);
  return notEvaluable(
    msg(
      ctx.lang,
      `Cần tỷ lệ đạt (vd. 98% hoặc 1.200/1.250) để so với: ${need}; thực tế ${shown}`,
      `Needs the share reached (e.g. 98% or 1,200/1,250) to check: ${need}; actual ${shown}`,
    ),
  );
}

function showChange(lang: Lang, change: number, exact: boolean, unit: string | undefined): string {
  if (change === 0) return msg(lang, 'không đổi', 'no change');
  const word = change > 0 ? msg(lang, 'tăng', 'increase') : msg(lang, 'giảm', 'decrease');
  return exact ? `${word} ${showValue(Math.abs(change), unit, lang)}` : word;
}

function evalQualitative(ctx: Ctx): CheckOutcome {
  const f = leadingWords(ctx);
  if (FAIL_RE.test(f) || /^(khong|chua|no)$|^(tre han|cham|qua han)( |$)/.test(f)) {
    return verdictOnText(false, ctx);
  }
  const ok = ctx.s !== '' && OK_RE.test(f);
  // A deadline ("Trước 31/12/2023", "Hoàn thành trong quý II/2023") against the date the result states.
  const due = deadlineOf(ctx.t as Extract<Threshold, { kind: 'qualitative' }>); // NaN for most targets
  if (due === due) {
    const day = actualDay(ctx, ok, f); // NaN when the result states no date
    if (day === day) return verdict(day <= due, ctx, !ctx.why ? '' : ctx.s && typeof ctx.raw === 'string' ? quoted(ctx.s) : showDay(day));
  }
  if (ok) {
    // "Hoàn thành 80%" is not done; "Đạt 90%" may or may not be what the target asks.
    if (namesPartialShare(ctx)) return COMPLETED_RE.test(f) ? verdictOnText(false, ctx) : manualReview(ctx);
    return verdictOnText(true, ctx);
  }
  return manualReview(ctx);
}

function manualReview(ctx: Ctx): CheckOutcome {
  if (!ctx.why) return NOT_EVALUABLE;
  const need = formatThreshold(ctx.t, ctx.lang);
  return notEvaluable(msg(ctx.lang, `Cần đánh giá thủ công: ${need}`, `Needs manual review: ${need}`));
}

const COMPLETED_RE = /^(da )?(hoan thanh|xong|done|completed)( |$)/;

/** Whether the result names a percentage below 100 ("Hoàn thành 80%"): only part of the work. */
function namesPartialShare(ctx: Ctx): boolean {
  if (!hasDigit(ctx.s)) return false;
  const r = readNumber(ctx, true);
  return r !== null && r.percent && !r.ratio && r.value < 100 - EPS;
}

/**
 * Whether s has a year: exactly four digits from 1900 to 2199 (every date a deadline names has
 * one; "đợt 1002", a batch number, does not).
 */
function hasYear(s: string): boolean {
  let run = 0;
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length && isDigitCode(s.charCodeAt(i))) {
      run++;
      continue;
    }
    if (run === 4) {
      const head = (s.charCodeAt(i - 4) - 48) * 10 + (s.charCodeAt(i - 3) - 48);
      if (head >= 19 && head <= 21) return true;
    }
    run = 0;
  }
  return false;
}

function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isDigitCode(s.charCodeAt(i))) return true;
  return false;
}

// --- deadlines --------------------------------------------------------------------------
//
// Days are counted from 1970-01-01 (UTC, as cleanText writes a Date). Vietnamese dates only:
// d/m/yyyy (also "-" or "."), "ngày d tháng m năm yyyy"; a quarter or month is its last day,
// "trước" a period the day before it ("Trước quý II/2023": by 31/3/2023). "Trước 31/12/2023" is
// due by 31/12/2023 itself: plans write "trước ngày …" for the last day work may be handed in, and
// a row finished on it must not lose its points.

const NO_DEADLINE = Number.NaN;
const DAY_MS = 86_400_000;
const DATE_PART = '(\\d{1,2})\\s*(?<sep>[/.-])\\s*(\\d{1,2})\\s*\\k<sep>\\s*(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})';
const DUE_RE = new RegExp(
  `${WB}(trước|before|chậm nhất(?:\\s+là)?|không muộn hơn|hạn chót(?:\\s+là)?|thời hạn(?:\\s+là)?|trong|đến|by|no later than)\\s*:?\\s+(?:(?:ngày|hết)\\s+)?(?:${DATE_PART}|(quý|tháng)\\s+(iv|i{1,3}|\\d{1,2})\\s*(?:/|-|năm)\\s*(\\d{4}))${WE}`,
  'u',
);
const DATE_RE = new RegExp(`${WB}(?:${DATE_PART})${WE}`, 'u');
const ROMAN_QUARTER: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

/**
 * Deadlines by threshold object: a sheet parses each distinct target text once (reader.ts
 * targetsOf) and its rows share the object, so each is read once per sheet and forgotten with it.
 * (By text, a bounded map thrashed on a 10,000-row sheet's thousands of distinct texts.)
 */
const DUE_BY_THRESHOLD = new WeakMap<object, number>();

/** The last day a qualitative target's deadline allows, NO_DEADLINE (NaN) when it names none. */
function deadlineOf(t: { text: string }): number {
  const text = t.text;
  // Most targets name no year, so no date ("đợt 18" has digits): no regex and no entry for them.
  if (typeof text !== 'string' || !hasYear(text)) return NO_DEADLINE;
  let day = DUE_BY_THRESHOLD.get(t);
  if (day === undefined) {
    day = readDeadline(text.slice(0, 2000).toLowerCase());
    DUE_BY_THRESHOLD.set(t, day);
  }
  return day;
}

function readDeadline(t: string): number {
  const m = DUE_RE.exec(t);
  if (!m) return NO_DEADLINE;
  const before = m[1] === 'trước' || m[1] === 'before';
  if (m[9]) {
    const n = ROMAN_QUARTER[m[10]!] ?? Number(m[10]);
    const y = Number(m[11]);
    const months = m[9] === 'quý' ? 3 : 1;
    if (!(n >= 1 && n <= (months === 3 ? 4 : 12)) || y < 1900 || y > 2199) return NO_DEADLINE;
    // The period's last day, or the day before its first for "trước".
    return Math.round(Date.UTC(y, before ? (n - 1) * months : n * months, 0) / DAY_MS);
  }
  return dayOf(m, 2);
}

/** The day of a DATE_PART match whose groups start at m[at] (d, separator, m, y; or d, m, y written out), else NaN. */
function dayOf(m: RegExpExecArray, at: number): number {
  if (m[at] !== undefined) return validDay(Number(m[at + 3]), Number(m[at + 2]), Number(m[at]));
  return validDay(Number(m[at + 6]), Number(m[at + 5]), Number(m[at + 4]));
}

function validDay(y: number, mo: number, d: number): number {
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return Number.NaN;
  const t = Date.UTC(y, mo - 1, d);
  return new Date(t).getUTCDate() === d ? t / DAY_MS : Number.NaN;
}

/**
 * The day a result states it was done, else NaN: a date cell, an Excel date serial (2000–2099),
 * or the first date of a text that is a date ("15/01/2024", "Ngày 15/01/2024") or starts with a
 * word of completion ("Hoàn thành ngày 15/01/2024") — not a document cited in passing.
 */
function actualDay(ctx: Ctx, ok: boolean, f: string): number {
  const raw = ctx.raw;
  if (raw instanceof Date) {
    const t = raw.getTime();
    return t === t ? Math.floor(t / DAY_MS) : Number.NaN;
  }
  if (typeof raw === 'number') return raw >= 36526 && raw < 73051 ? Math.floor(raw) - 25569 : Number.NaN;
  const s = ctx.s;
  if (!ok && !isDigitCode(s.charCodeAt(0)) && !f.startsWith('ngay ')) return Number.NaN;
  const m = DATE_RE.exec(s.slice(0, 2000).toLowerCase());
  return m ? dayOf(m, 1) : Number.NaN;
}

function showDay(day: number): string {
  const d = new Date(day * DAY_MS);
  const two = (n: number) => (n < 10 ? `0${n}` : String(n));
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}
