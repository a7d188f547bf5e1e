// Agency matching: one name → registry entry (matchAgency), one cell → list of agencies
// (parseAgencies). Pure: registry data, folding and a small segmentation DP.
import type { AgencyRef } from './types';
import { cleanText, fold } from './text';
import { AGENCIES, PLACE_NAMED, type AgencyEntry, type AgencyLevel } from './data/agencies';

// ---------- tokens ----------

interface Tok {
  /** Folded word ("va" for "&"). */
  f: string;
  start: number;
  end: number;
  /** A soft separator (comma, dot, colon, bracket, spaced dash) precedes the token. */
  sep: boolean;
  /** Only whitespace (or nothing) precedes the token. */
  ws: boolean;
  /** A spaced dash, and no other separator, precedes the token ("Ban Dân tộc - HĐND tỉnh"). */
  dash: boolean;
  /** Leading filler: "Do" (by) or a number (a list number when a dot or bracket follows). */
  lead: 'do' | 'num' | null;
  /**
   * The word "cũ" (former), as written: "Sở TT&TT (cũ)"; 'lower' in lower case, the note's own form
   * ("Chợ Cũ" is a place). Folded, it is also "cư" (tái định cư).
   */
  old: 'lower' | 'other' | null;
  /** The word starts with a capital letter as written: a place's name ("huyện Bát Xát"). */
  cap: boolean;
  /** Only a dash, without spaces, precedes the token ("HĐND-UBND"; see tightDashAt). */
  tight: boolean;
  /** Only a dot (and spaces) precedes the token: "TP. Lào Cai", "Tp.Lào Cai". */
  dotted: boolean;
  /** The token starts a line joined back to the one before it (segmentPieces): no place runs over it. */
  afterBreak: boolean;
  /** Written in capitals throughout, two letters or more ("VNPT", "LÀO"). */
  upper: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}%]+|&/gu;
const foldCache = new Map<string, string>();

function foldWord(word: string): string {
  let f = foldCache.get(word);
  if (f === undefined) {
    f = word === '&' ? 'va' : fold(word).replace(/ /g, '');
    if (foldCache.size >= 50000) foldCache.clear();
    foldCache.set(word, f);
  }
  return f;
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let prev = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const gap = text.slice(prev, start);
    const f = foldWord(m[0]);
    const punct = /[,.:;()[\]]/.test(gap);
    const dash = !punct && /\s[-–—]|[-–—]\s/.test(gap);
    const lead = /^\d+$/.test(f) ? 'num' : m[0].toLowerCase() === 'do' ? 'do' : null;
    const old = m[0] === 'cũ' ? 'lower' : /^cũ$/iu.test(m[0]) ? 'other' : null;
    toks.push({ f, start, end: start + m[0].length, sep: punct || dash, ws: /^\s*$/.test(gap), dash, lead, old, cap: /^\p{Lu}/u.test(m[0]), tight: /^[-–—]$/.test(gap), dotted: /^\.\s*$/.test(gap), afterBreak: false, upper: m[0].length > 1 && m[0] === m[0].toUpperCase() && m[0] !== m[0].toLowerCase() });
    prev = start + m[0].length;
  }
  return toks;
}

// ---------- keys ----------

const DROPPED = new Set(['va', 'cac', '']);
// "UB" is the short form of "Ủy ban" ("UB Mặt trận Tổ quốc tỉnh", "UB MTTQ").
const EXPAND: Record<string, string> = { tp: 'thanh pho', tx: 'thi xa', ub: 'uy ban', vp: 'van phong' };
const PHRASES: [RegExp, string][] = [
  [/ uy ban nhan dan /g, ' ubnd '],
  [/ hoi dong nhan dan /g, ' hdnd '],
  [/ (?:uy ban )?mat tran to quoc(?: viet nam)? /g, ' mttq '],
  [/ (?:ubmttqvn|ubmttq|mttqvn) /g, ' mttq '],
  [/ (?:uy ban )?mttq(?: viet nam)? /g, ' mttq '],
  [/ toa an nhan dan /g, ' tand '],
];

const PHRASE_HINT = / (?:uy|hoi|mat|toa|(?:ub)?mttq\w*) /;

/** Matching key of folded words: drops "và"/"&", "các" and numbers, unifies abbreviations. */
function keyOfWords(words: readonly string[]): string {
  const kept: string[] = [];
  for (const w of words) {
    if (DROPPED.has(w) || /^\d+$/.test(w)) continue;
    kept.push(EXPAND[w] ?? w);
  }
  let s = ` ${kept.join(' ')} `;
  if (PHRASE_HINT.test(s)) for (const [re, to] of PHRASES) s = s.replace(re, to);
  return s.trim();
}

/** The first word a key keeps (skipping "và", "các" and numbers). */
function firstWord(ws: readonly string[]): string | undefined {
  return ws.find((w) => !DROPPED.has(w) && !/^\d+$/.test(w));
}

function keyOfText(text: string): string {
  return keyOfWords(tokenize(cleanText(text)).map((t) => t.f));
}

// ---------- qualifiers ("tỉnh", "cấp huyện", "trên địa bàn tỉnh") ----------

type Qual = AgencyLevel | null; // null: fits any level
const QUALIFIERS: [string, Qual][] = [
  ['tren dia ban tinh', null],
  ['tren dia ban thanh pho', null],
  ['tren dia ban huyen', null],
  ['tren dia ban', null],
  ['cap tinh', 'province'],
  ['cap huyen', 'district'],
  ['cap xa', 'commune'],
  ['cap thon', 'commune'],
  ['cap', null],
  ['tinh', 'province'],
  ['thanh pho', null],
  ['thi xa', 'district'],
  ['huyen', 'district'],
  ['thi tran', 'commune'],
  ['phuong', 'commune'],
  ['xa', 'commune'],
];

function stripQualifiers(key: string): { base: string; quals: Qual[] } {
  let base = key;
  const quals: Qual[] = [];
  for (let again = true; again; ) {
    again = false;
    for (const [q, lvl] of QUALIFIERS) {
      if (base.length > q.length && base.endsWith(` ${q}`)) {
        base = base.slice(0, -q.length - 1);
        quals.push(lvl);
        again = true;
        break;
      }
    }
  }
  return { base, quals };
}

function qualifiersFit(entry: AgencyEntry, quals: Qual[]): boolean {
  if (entry.collective || entry.level === 'other') return true;
  return quals.every((q) => q === null || q === entry.level);
}

// ---------- registry index ----------

interface IndexEntry {
  key: string;
  /** The key's words, split once for the fuzzy lookups (swapsKnownWord, suggestAgency). */
  words: string[];
  entry: AgencyEntry;
  /** Named after a place ("Báo Tuyên Quang"): see startsName. */
  placeNamed: boolean;
}

interface RegistryIndex {
  exact: Map<string, AgencyEntry>;
  /** Alias keys grouped by first word, for the fuzzy fallback. */
  byFirst: Map<string, IndexEntry[]>;
  /** First folded words of names and aliases: where a missing separator may be assumed. */
  heads: Set<string>;
  /** First words that survive key normalisation: a span starting otherwise cannot match. */
  firstWords: Set<string>;
  /** Every word of every key: a word of these is a name's word, not a typo (see swapsKnownWord). */
  words: Set<string>;
}

let index: RegistryIndex | null = null;

function buildIndex(): RegistryIndex {
  const idx: RegistryIndex = { exact: new Map(), byFirst: new Map(), heads: new Set(), firstWords: new Set(), words: new Set() };
  for (const entry of AGENCIES) {
    for (const text of [entry.name, ...entry.aliases]) {
      const key = keyOfText(text);
      const ws = tokenize(cleanText(text)).map((t) => t.f);
      const first = firstWord(ws);
      if (!key || !first) continue;
      idx.heads.add(ws[0]);
      idx.firstWords.add(first);
      // Not the province names of "Báo ‹tỉnh›", "VNPT ‹tỉnh›"…: "huế", "hà", "vinh" are no agency's words.
      const words = key.split(' ');
      const placeNamed = PLACE_NAMED.has(text);
      if (!placeNamed) for (const w of words) idx.words.add(w);
      if (idx.exact.has(key)) continue;
      idx.exact.set(key, entry);
      const head = words[0]!;
      const list = idx.byFirst.get(head) ?? [];
      list.push({ key, words, entry, placeNamed });
      idx.byFirst.set(head, list);
    }
  }
  // An abbreviation that expands to the start of a name ("UB" → "Ủy ban …") may start a name too.
  const starts = AGENCIES.flatMap((e) => [e.name, ...e.aliases].map((t) => ` ${fold(t)} `));
  for (const [abbr, full] of Object.entries(EXPAND)) {
    if (starts.some((t) => t.startsWith(` ${full} `))) {
      idx.heads.add(abbr);
      idx.firstWords.add(abbr);
    }
  }
  return idx;
}

function getIndex(): RegistryIndex {
  return (index ??= buildIndex());
}

// ---------- lookup ----------

interface Hit {
  entry: AgencyEntry;
  fuzzy: boolean;
}

const LEVEL_WORD: Partial<Record<AgencyLevel, string>> = { province: 'tinh', district: 'huyen', commune: 'xa' };

/**
 * The key naming the qualifiers' level the registry's way ("MTTQ cấp huyện", "MTTQ thị xã" →
 * "mttq huyen"): an entry kept apart per level must win over the level-less base entry.
 */
function levelKey(base: string, quals: Qual[]): string | null {
  const levels = new Set(quals.filter((q): q is AgencyLevel => q !== null));
  const [level] = levels;
  const word = levels.size === 1 ? LEVEL_WORD[level] : undefined;
  return word ? `${base} ${word}` : null;
}

/** Lookup by a key, then by its base without level qualifiers (the level named first). */
function qualifiedLookup(key: string, find: (k: string) => AgencyEntry | null | undefined): AgencyEntry | null {
  const direct = find(key);
  if (direct) return direct;
  const { base, quals } = stripQualifiers(key);
  if (!quals.length) return null;
  const leveled = levelKey(base, quals);
  const byLevel = leveled && leveled !== key ? find(leveled) : null;
  if (byLevel && qualifiersFit(byLevel, quals)) return byLevel;
  const entry = find(base);
  return entry && qualifiersFit(entry, quals) ? entry : null;
}

function exactHit(key: string): Hit | null {
  const idx = getIndex();
  const entry = qualifiedLookup(key, (k) => idx.exact.get(k));
  return entry ? { entry, fuzzy: false } : null;
}

/** Allowed edit distance for a key of this length. */
function maxDistance(len: number): number {
  return len < 8 ? 0 : len < 16 ? 1 : 2;
}

/** Levenshtein distance, or max + 1 as soon as it must exceed max. */
function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

const fuzzyCache = new Map<string, AgencyEntry | null>();

/** Closest alias with the same first word within the allowed distance; null when none or tied. */
function fuzzyEntry(key: string): AgencyEntry | null {
  const cached = fuzzyCache.get(key);
  if (cached !== undefined) return cached;
  const max = maxDistance(key.length);
  let best: AgencyEntry | null = null;
  let bestD = max + 1;
  let tied = false;
  const ws = key.split(' ');
  for (const cand of max > 0 ? getIndex().byFirst.get(ws[0]!) ?? [] : []) {
    if (swapsKnownWord(ws, cand.words)) continue;
    const d = boundedDistance(key, cand.key, max);
    if (d < bestD) [best, bestD, tied] = [cand.entry, d, false];
    else if (d === bestD && best && cand.entry.id !== best.id) tied = true;
  }
  const result = tied ? null : best;
  if (fuzzyCache.size > 20000) fuzzyCache.clear();
  fuzzyCache.set(key, result);
  return result;
}

/**
 * Whether two keys of as many words differ in two of the registry's own words that no one slip
 * turns into each other, or in two of its abbreviations: then they name different bodies ("văn
 * phòng hdnd tỉnh" is not "văn phòng ubnd tỉnh", "phòng dân số" not "phòng dân tộc", "hội lhtn"
 * not "hội lhpn"), however close the whole keys are. A slip is one letter added, lost or changed
 * ("Truyền thôn"), two neighbours swapped ("Đào toạ") or the word cut short ("Văn phò"). `ws`,
 * `b`: the two keys' words.
 */
function swapsKnownWord(ws: readonly string[], b: readonly string[]): boolean {
  if (ws.length !== b.length) return false;
  const known = getIndex().words;
  for (let k = 0; k < ws.length; k++) {
    const x = ws[k]!;
    const y = b[k]!;
    if (x !== y && known.has(x) && known.has(y) && (!oneSlip(x, y) || (isAcronym(x) && isAcronym(y)))) return true;
  }
  return false;
}

/**
 * A folded word without a vowel: an abbreviation ("lhpn", "ccb"), where each letter stands for a
 * word. Two of the registry's differ by a body, however few letters apart (Hội LHTN, the youth
 * federation, is no slip for Hội LHPN); an abbreviation it does not know may still be a slip
 * ("Hội LHPM").
 */
function isAcronym(w: string): boolean {
  return !/[aeiouy]/.test(w);
}

function oneSlip(x: string, y: string): boolean {
  if (x.startsWith(y) || y.startsWith(x) || boundedDistance(x, y, 1) <= 1) return true;
  if (x.length !== y.length) return false;
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
}

function fuzzyHit(key: string): Hit | null {
  const entry = qualifiedLookup(key, fuzzyEntry);
  return entry ? { entry, fuzzy: true } : null;
}

// ---------- spans ----------

const ROLE_PAIRS = new Set([
  'theo doi',
  'don doc',
  'thuc hien',
  'cong khai',
  'chu tri',
  'phoi hop',
  'tham muu',
  'trien khai',
  'giam sat',
]);
/** Words after which a following agency name is a complement, not a list item ("của UBND tỉnh"). */
const FUNCTION_WORDS = new Set(['cua', 'do', 'voi', 'cho', 'tai', 'tren', 'theo', 've', 'thuoc', 'tich', 'hoac']);

/** "Do Bộ Nội vụ…" or "1. Sở Nội vụ": a leading word that is not part of the name. */
function isLeadFiller(toks: Tok[], a: number, b: number): boolean {
  const lead = toks[a].lead;
  return b - a > 1 && (lead === 'do' || (lead === 'num' && toks[a + 1].sep));
}

/**
 * How many tokens "nay là" / "hiện nay là" / "hiện là" (now named) takes at tokens[a, b), else 0:
 * "Sở TT&TT (nay là Sở KH&CN)" names the body by its new name.
 */
function renamingAt(toks: Tok[], a: number, b: number): number {
  if (b - a >= 2 && toks[a].f === 'hien' && toks[a + 1].f === 'la') return 2;
  const h = a < b && toks[a].f === 'hien' ? 1 : 0;
  return b - a - h >= 2 && toks[a + h].f === 'nay' && toks[a + h + 1].f === 'la' ? h + 2 : 0;
}

/** How many tokens "trước đây là" / "trước là" (formerly) takes at tokens[a, b), else 0: "Sở Nội vụ (trước đây là Sở LĐTB&XH)". */
function formerAt(toks: Tok[], a: number, b: number): number {
  if (b - a < 2 || toks[a].f !== 'truoc') return 0;
  if (toks[a + 1].f === 'la') return 2;
  return b - a >= 3 && toks[a + 1].f === 'day' && toks[a + 2].f === 'la' ? 3 : 0;
}

/**
 * How many tokens a leader's title takes at tokens[a, b) when a name follows it with no separator:
 * "Chủ tịch UBND các huyện", "Thủ trưởng các sở, ban, ngành", "Phó Giám đốc Công an tỉnh",
 * "Trưởng Ban Dân tộc", "Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tư pháp": the task is the
 * body's. "Trưởng" only before "ban" / "phòng" and "Chánh" only before
 * "văn phòng" / "thanh tra": folded, "trưởng" is also "Trường" (a school).
 */
function leaderAt(toks: Tok[], a: number, b: number): number {
  const n = titleWords(toks[a].f, toks[a + 1]?.f, toks[a + 2]?.f);
  return n && a + n < b && !toks[a + n].sep ? n : 0;
}
const TITLES = new Set(['chu tich', 'thu truong', 'giam doc', 'lanh dao']);

/** How many of the folded words w0 w1 w2 are a leader's title (see leaderAt), else 0. */
function titleWords(w0: string, w1: string | undefined, w2: string | undefined): number {
  const pho = w0 === 'pho' ? 1 : 0;
  const [x, y] = pho ? [w1, w2] : [w0, w1];
  if (TITLES.has(`${x} ${y}`)) return pho + 2;
  return (x === 'truong' && (y === 'ban' || y === 'phong')) || (x === 'chanh' && (y === 'van' || y === 'thanh')) ? pho + 1 : 0;
}

/** A key without a leader's title in front ("chu tich hdnd" → "hdnd"), for a name read word by word. */
function untitled(key: string): string {
  const ws = key.split(' ');
  const n = titleWords(ws[0]!, ws[1], ws[2]);
  return n && n < ws.length ? ws.slice(n).join(' ') : key;
}

/** How many tokens "(hiện) nay là" or "trước đây là" takes at tokens[a, b): words about the name, not of it. */
function nameNoteAt(toks: Tok[], a: number, b: number): number {
  return renamingAt(toks, a, b) || formerAt(toks, a, b);
}

/** The agency words of tokens[i, j): role words, "Do", "và", list numbers, "(hiện) nay là" / "trước đây là" and a lone or last "cũ" trimmed. */
function coreRange(toks: Tok[], i: number, j: number): [number, number] {
  let a = i;
  let b = j;
  for (let changed = true, note = 0; changed && a < b; ) {
    changed = false;
    if (toks[a].f === 'va' || isLeadFiller(toks, a, b)) {
      a++;
      changed = true;
    } else if ((note = nameNoteAt(toks, a, b))) {
      a += note;
      changed = true;
    } else if (b - a === 1 && toks[a].old) {
      a++; // "(cũ)": a note on the name before it
      changed = true;
    } else if (b - a >= 2 && toks[b - 1].old === 'lower') {
      b--; // "Sở TT&TT cũ", the note without its brackets (not "Chợ Cũ", a place)
      changed = true;
    } else if (toks[b - 1].f === 'va') {
      b--;
      changed = true;
    } else if (b - a >= 2 && ROLE_PAIRS.has(`${toks[b - 2].f} ${toks[b - 1].f}`)) {
      b -= 2;
      changed = true;
    } else if (b - a >= 2 && ROLE_PAIRS.has(`${toks[a].f} ${toks[a + 1].f}`)) {
      a += 2;
      if (a < b && toks[a].f === 'voi') a++;
      changed = true;
    }
  }
  return [a, b];
}

function words(toks: Tok[], a: number, b: number): string[] {
  return toks.slice(a, b).map((t) => t.f);
}

/** "cấp xã" after "UBND cấp huyện, …": borrow the words before the earlier "cấp". */
function ellipsisHit(toks: Tok[], a: number, b: number): Hit | null {
  if (toks[a].f !== 'cap') return null;
  for (let k = a - 1; k > 0; k--) {
    if (toks[k].f !== 'cap' || toks[k].sep || toks[k - 1].f === 'va') continue;
    for (let m = 1; m <= 3 && k - m >= 0; m++) {
      if (m > 1 && toks[k - m + 1].sep) break;
      const hit = exactHit(keyOfWords([...words(toks, k - m, k), ...words(toks, a, b)]));
      if (hit) return hit;
    }
    return null;
  }
  return null;
}

type SpanKind = 'exact' | 'fuzzy' | 'unknown' | 'empty';
interface SpanResult {
  kind: SpanKind;
  score: number;
  entry?: AgencyEntry;
  core: [number, number];
  /** The tokens of a place named after the level (placeHit): no part of the name. */
  place?: [number, number];
}

const MAX_SPAN = 16;
const wordsCache = new Map<string, { key: string; hit: Hit | null }>();

/** Whether tokens[a, b) can start like a registry name at all (cheap pre-check). */
function mayMatch(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const f = toks[k].f;
    if (!DROPPED.has(f) && !/^\d+$/.test(f)) return getIndex().firstWords.has(f);
  }
  return false;
}

/** Key and exact hit for a word sequence, cached: the same spans recur across cells. */
function lookupWords(ws: string[]): { key: string; hit: Hit | null } {
  const joined = ws.join(' ');
  const cached = wordsCache.get(joined);
  if (cached) return cached;
  const key = keyOfWords(ws);
  return remember(wordsCache, joined, { key, hit: key ? exactHit(key) : null });
}

function scoreSpan(toks: Tok[], i: number, j: number, natural: boolean): SpanResult {
  const span = scoreCore(toks, coreRange(toks, i, j), natural);
  if (span.kind !== 'unknown') return span;
  // A leader's title before a body: the body, where the rest is one ("Chủ tịch UBND tỉnh"); else
  // the name as written ("Chánh Văn phòng" is no "Văn phòng").
  const [a, b] = span.core;
  const n = leaderAt(toks, a, b);
  const body = n ? scoreCore(toks, [a + n, b], natural) : null;
  return body && (body.kind === 'exact' || body.kind === 'fuzzy') ? body : span;
}

function scoreCore(toks: Tok[], core: [number, number], natural: boolean): SpanResult {
  const [a, b] = core;
  if (a >= b) return { kind: 'empty', score: 0, core };
  const unknown: SpanResult = { kind: 'unknown', score: -1, core };
  if (b - a > MAX_SPAN) return unknown;
  if (!mayMatch(toks, a, b)) {
    const hit = ellipsisHit(toks, a, b);
    return hit ? { kind: 'exact', score: 10, entry: hit.entry, core } : unknown;
  }
  const { key, hit } = lookupWords(words(toks, a, b));
  const exact = hit ?? ellipsisHit(toks, a, b);
  if (exact) return { kind: 'exact', score: 10, entry: exact.entry, core };
  const placed = placeHit(toks, a, b, natural);
  if (placed) {
    return { kind: placed.hit.fuzzy ? 'fuzzy' : 'exact', score: placed.hit.fuzzy ? 9 : 10, entry: placed.hit.entry, core: [a, placed.place], place: [placed.place, b] };
  }
  const fuzzy = natural && key ? fuzzyHit(key) : null;
  if (fuzzy) return { kind: 'fuzzy', score: 9, entry: fuzzy.entry, core };
  return unknown;
}

/** Words of a level that a place's name follows: "tỉnh Lào Cai", "thành phố Hà Giang", "TP Lào Cai" ("quận" is left out: folded, it is also "liên quan"'s). */
const PLACE_LEVEL_ONE = new Set(['tinh', 'huyen', 'xa', 'phuong', 'tp', 'tx']);
const PLACE_LEVEL_TWO = new Set(['thanh pho', 'thi xa', 'thi tran']);
const MAX_PLACE_WORDS = 5;
/**
 * The centrally run cities, folded: "Công an thành phố Hà Nội" is a province's body, not a
 * district's. Not Huế: a city of Thừa Thiên Huế in the plans before 2025, centrally run since; its
 * bodies are read as a district's where there is such a body, as a province's where only a province
 * has one ("Sở Y tế TP. Huế"): see BOTH_LEVELS.
 */
const CENTRAL_CITIES = new Set(['ha noi', 'ho chi minh', 'hcm', 'hai phong', 'da nang', 'can tho']);
const BOTH_LEVELS = new Set(['hue']);
/** Places whose names hold a spaced dash, folded. */
const DASHED_PLACES = new Set(['ba ria vung tau', 'phan rang thap cham', 'thua thien hue']);
/** A city's own council and committee, whatever the city's level (model/data/agencies.ts). */
const CITY_BODIES = new Set(['ubnd-thanh-pho', 'hdnd-thanh-pho']);

/**
 * A registry name with its place named after its level ("UBND tỉnh Lào Cai", "UBND huyện Bát Xát",
 * "Văn phòng HĐND-UBND thành phố Hà Giang"): the body the words up to the level name, and where
 * the place's words start (left out of the name's core). A plan names its own province or city
 * so, and a district's body is of its level's entry as "UBND huyện" is; a centrally run city's
 * body is the province's ("Công an thành phố Hà Nội"), another city's never is. The place is one to five words on the
 * name's line, after whitespace (a dot after "TP", "TX"; a spaced dash inside: "Bà Rịa - Vũng
 * Tàu"), each capitalised as places are and names are not ("Sở Nội vụ": "UBND tỉnh Sở Nội vụ" is
 * two bodies with a separator missing). No registry name, whole or begun, may start at any of its
 * words ("UBND huyện Bát Xát - MTTQ", "UBND TỈNH SỞ NỘI VỤ", "UBND tỉnh Công An").
 */
function placeHit(toks: Tok[], a: number, b: number, natural: boolean): { hit: Hit; place: number } | null {
  let dashed = false;
  for (let p = b - 1; p > a + 1 && b - p <= MAX_PLACE_WORDS; p--) {
    const t = toks[p]!;
    if (!t.cap || t.afterBreak) return null;
    const level = toks[p - 1]!.f;
    const one = PLACE_LEVEL_ONE.has(level) && !(level === 'phuong' && toks[p - 2]!.f === 'dia'); // not "địa phương"
    const two = p - 2 > a && PLACE_LEVEL_TWO.has(`${toks[p - 2]!.f} ${level}`);
    if (!one && !two) {
      if (!t.ws && !t.dash) return null;
      dashed ||= t.dash;
      continue;
    }
    if (!t.ws && !(t.dotted && (level === 'tp' || level === 'tx'))) return null;
    const levelStart = two ? p - 2 : p - 1;
    // The level word is the name's own: after whitespace on its line, not another item's first word
    // ("Sở Nội vụ, Tỉnh Đoàn Lào Cai", "Công an tỉnh và Tỉnh Đoàn …", a new line "TỈNH ĐOÀN …").
    const lv = toks[levelStart]!;
    if (levelStart <= a || !lv.ws || lv.afterBreak || toks[levelStart - 1]!.f === 'va' || (two && !toks[p - 1]!.ws)) return null;
    // A dash inside only in a place so named ("Bà Rịa - Vũng Tàu"), not before another body ("… - ĐOÀN THANH NIÊN").
    const place = words(toks, p, b).join(' ');
    if (dashed && !DASHED_PLACES.has(place)) return null;
    // Capitals throughout beside words that are not: an acronym, another body's ("Bát Xát VNPT",
    // "UBND tỉnh VNPT"); and words no place has ("UBND Tỉnh Các Sở", "UBND Xã Đảng Ủy Xã").
    if (mixedCase(toks, p, b) || (b - p === 1 && t.upper && !lv.upper) || !isPlaceWords(toks, p, b)) return null;
    // A name may start at any of its words ("… Đà Nẵng Sở LĐTB&XH"); a last word alone is no
    // name's start ("Văn Bàn": "Bàn" folds to "ban").
    for (let q = p; q < b; q++) {
      if ((q === p || b - q >= 2) && startsName(words(toks, q, b))) return null;
      for (let r = q + 1; r <= b; r++) if (lookupWords(words(toks, q, r)).hit) return null;
    }
    const city = cityLevel(level) && CENTRAL_CITIES.has(place);
    const asWritten = lookupWords(words(toks, a, p));
    // A city's own council and committee stay so named ("UBND TP Hà Nội" is the "UBND Thành phố" of its plan).
    const own = asWritten.hit !== null && CITY_BODIES.has(asWritten.hit.entry.id);
    const { key, hit } = city && !own ? lookupWords([...words(toks, a, levelStart), 'tinh']) : asWritten;
    const found = hit ?? (natural && key ? fuzzyHit(key) : null);
    // Any other city is a district's place: no province's body is named after it ("Sở Tư pháp TP. Lào Cai").
    if (found && !city && cityLevel(level) && found.entry.level === 'province' && !BOTH_LEVELS.has(place)) return null;
    return found ? { hit: found, place: p } : null;
  }
  return null;
}

/** "thành phố" (folded, its last word) or "TP": the level of a city. */
function cityLevel(level: string): boolean {
  return level === 'pho' || level === 'tp';
}

/**
 * Words that are in no place's name, capitalised in a title-cased cell ("Các", "Đảng Ủy"). Not the
 * level words: folded they are places' syllables too ("Hà Tĩnh", "Quan Hóa", "Phương Độ").
 */
const NOT_PLACE_WORDS = new Set(['cac', 'nhung', 'dang', 'uy', 'tp', 'tx']);

function isPlaceWords(toks: Tok[], p: number, b: number): boolean {
  for (let q = p; q < b; q++) if (!toks[q]!.cap || NOT_PLACE_WORDS.has(toks[q]!.f)) return false;
  return true;
}

/** One place written two ways: "TP. HCM" and "TP. Hồ Chí Minh", "Huế" and "Thừa Thiên Huế". */
const SAME_PLACE: Record<string, string> = { hcm: 'ho chi minh', 'thua thien hue': 'hue' };
function samePlace(place: string): string {
  return SAME_PLACE[place] ?? place;
}

/** Words of two letters or more both in capitals throughout and not ("Bát Xát VNPT"; not "BÁT XÁT", "Y TÝ"). */
function mixedCase(toks: Tok[], p: number, b: number): boolean {
  let upper = false;
  let other = false;
  for (let q = p; q < b; q++) {
    const t = toks[q]!;
    if (t.end - t.start < 2) continue;
    if (t.upper) upper = true;
    else other = true;
  }
  return upper && other;
}

/**
 * Whether a registry name starts with these words ("Công An" of "Công an tỉnh", "Sở Nội" cut
 * short). Not an alias named after a place, as a provincial newspaper's ("Bảo Yên" is no "Báo
 * Yên Bái").
 */
function startsName(ws: readonly string[]): boolean {
  const list = getIndex().byFirst.get(ws[0]!) ?? [];
  return list.some((c) => !c.placeNamed && c.words.length >= ws.length && ws.every((w, k) => c.words[k] === w));
}

/**
 * The province a reference's name was read with ("UBND tỉnh Lào Cai"), until parseAgencies has
 * looked at its cell: a plan names its own province so, but a cell naming two provinces
 * ("UBND tỉnh Lào Cai; UBND tỉnh Yên Bái", a merger's plan) names bodies the registry's one
 * province cannot tell apart: they stay unknown, each as written (see distinctProvinces).
 */
const provincePlaces = new WeakMap<AgencyRef, { place: string; text: string }>();

function distinctProvinces(refs: AgencyRef[]): AgencyRef[] {
  const places = new Set<string>();
  for (const r of refs) {
    const p = provincePlaces.get(r);
    if (p) places.add(p.place);
  }
  if (places.size < 2) return refs;
  return refs.map((r) => {
    const p = provincePlaces.get(r);
    return p ? { id: null, name: p.text, raw: r.raw, collective: false, unknown: true } : r;
  });
}

/** A reference with where its text lies in the piece (character offsets). */
interface Placed {
  ref: AgencyRef;
  start: number;
  end: number;
  /** It follows "nay là": the new name of the body before it, which it replaces (see withoutRenamed). */
  renames: boolean;
  /** It follows "trước đây là": the old name of the body before it, left out (see withoutRenamed). */
  former: boolean;
  /** The name's own words, without role words or fillers around them. */
  core: string;
  /** It starts where a separator was only assumed ("Thanh tra Công an tỉnh"). */
  assumed: boolean;
}

function toRef(text: string, toks: Tok[], i: number, j: number, span: SpanResult): AgencyRef {
  const raw = text.slice(toks[i].start, toks[j - 1].end);
  if (span.entry) {
    const ref = { id: span.entry.id, name: span.entry.name, raw, collective: !!span.entry.collective, unknown: false };
    if (span.place && span.entry.level === 'province') {
      const [p, q] = span.place;
      provincePlaces.set(ref, { place: samePlace(words(toks, p, q).join(' ')), text: text.slice(toks[span.core[0]].start, toks[q - 1].end) });
    }
    return ref;
  }
  const [a, b] = span.core;
  const name = a < b ? text.slice(toks[a].start, toks[b - 1].end) : raw;
  return { id: null, name, raw, collective: false, unknown: true };
}

// ---------- segmentation ----------

interface Step {
  score: number;
  segs: number;
  /** Tokens inside registry hits. */
  known: number;
  from: number;
  span: SpanResult | null;
}

const MISSING_SEPARATOR_PENALTY = 2;
/**
 * What a name or alias found whole gains for each separator it could have been split at: more
 * than two names less the penalty (10 + 10 − 2) at an assumed one, so "Ban Dân tộc UBND tỉnh" reads
 * as the one body it names, not as Ban Dân tộc + UBND tỉnh; at a spaced dash, which costs no
 * penalty, the penalty more ("Ban Dân tộc - HĐND tỉnh" is the HĐND's committee). Names with nothing
 * whole between them ("Sở Nội vụ Sở Tư pháp", "Sở Nội vụ - Sở Tư pháp") are two as before.
 */
const WHOLE_NAME_BONUS = 8.5;
const MAX_TOKENS = 200;

/** Boundary kinds: 1 = soft separator (comma, "và", dash, before "(hiện) nay là"), 2 = assumed missing separator, 0 = none. */
function boundaries(toks: Tok[]): number[] {
  const heads = getIndex().heads;
  return toks.map((t, b) => {
    if (b === 0) return 1;
    if (t.sep || t.f === 'va' || toks[b - 1].f === 'va' || nameNoteAt(toks, b, toks.length) || tightDashAt(toks, b)) return 1;
    const prev = toks[b - 1].f;
    // "Chi cục" is one word's two halves: no "Cục …" starts inside it.
    return t.ws && heads.has(t.f) && !FUNCTION_WORDS.has(prev) && !(prev === 'chi' && t.f === 'cuc') ? 2 : 0;
  });
}

/**
 * A dash without spaces between two words that each start a registry name ("HĐND-UBND thành phố"):
 * a separator, as a comma is: a name written so whole still reads whole ("Văn phòng HĐND-UBND
 * thành phố"). Between other words it joins one name ("Phòng Tài chính-Kế hoạch", "Ban KT-NS").
 */
function tightDashAt(toks: Tok[], k: number): boolean {
  if (!toks[k].tight || k === 0) return false;
  const heads = getIndex().heads;
  return heads.has(toks[k].f) && heads.has(toks[k - 1].f);
}

function better(a: Step | undefined, score: number, segs: number, known: number): boolean {
  return !a || score > a.score || (score === a.score && (segs < a.segs || (segs === a.segs && known > a.known)));
}

/**
 * Best segmentation of one piece: most registry hits, then fewest segments, then the most text
 * inside hits ("Ban Dân tộc và Tôn giáo, Quỹ …" is the Sở and one unknown, not the Ban and an
 * unknown "Tôn giáo, Quỹ …").
 */
function segmentPlaced(text: string, breakAt = -1): Placed[] {
  const toks = tokenize(text);
  if (!toks.length) return [];
  if (breakAt >= 0) {
    const first = toks.find((t) => t.start > breakAt);
    if (first) first.afterBreak = true;
  }
  if (toks.length > MAX_TOKENS) return [placed(text, toks, 0, toks.length, scoreSpan(toks, 0, toks.length, false))];
  const kinds = boundaries(toks);
  const n = toks.length;
  const best: (Step | undefined)[] = [{ score: 0, segs: 0, known: 0, from: -1, span: null }];
  for (let j = 1; j <= n; j++) {
    if (j < n && !kinds[j]) continue;
    for (let i = 0; i < j; i++) {
      const start = best[i];
      if (!start || !kinds[i]) continue;
      const natural = kinds[i] === 1 && (j === n || kinds[j] === 1);
      if (j - i > MAX_SPAN && kinds[i] !== 1) continue; // long spans only as plain unknown text
      const span = scoreSpan(toks, i, j, natural);
      if (kinds[i] === 2 && span.kind !== 'exact') continue;
      let score = start.score + span.score - (kinds[i] === 2 ? MISSING_SEPARATOR_PENALTY : 0);
      if (span.kind === 'exact') {
        for (let k = i + 1; k < j; k++) score += kinds[k] === 2 ? WHOLE_NAME_BONUS : toks[k].dash ? WHOLE_NAME_BONUS + MISSING_SEPARATOR_PENALTY : 0;
      }
      const segs = start.segs + (span.kind === 'empty' ? 0 : 1);
      const known = start.known + (span.kind === 'exact' || span.kind === 'fuzzy' ? j - i : 0);
      if (better(best[j], score, segs, known)) best[j] = { score, segs, known, from: i, span };
    }
  }
  const refs = pathRefs(text, toks, best, kinds);
  unitOfSo(text, refs, breakAt);
  unitOfOwner(text, refs);
  sharedLevel(refs);
  placeParts(refs);
  // Never drop a piece entirely: text that is only role words or numbers stays as unknown.
  return refs.length ? refs : [{ ref: unknownRef(text), start: 0, end: text.length, renames: false, former: false, core: text, assumed: false }];
}

/**
 * A part that is only a place, with its level or without ("tỉnh Tuyên Quang", "xã Bát Xát",
 * "Tuyên Quang"): the folded place and whether it is a province's, else null.
 */
function placeOnly(core: string): { place: string; province: boolean } | null {
  const toks = tokenize(core);
  const two = toks.length > 2 && PLACE_LEVEL_TWO.has(`${toks[0]!.f} ${toks[1]!.f}`);
  const p = two ? 2 : toks.length > 1 && PLACE_LEVEL_ONE.has(toks[0]!.f) ? 1 : 0;
  if (toks.length === p || toks.length - p > MAX_PLACE_WORDS || !isPlaceWords(toks, p, toks.length)) return null;
  // "Tỉnh Đoàn Lào Cai", "TỈNH ĐOÀN LÀO CAI" are bodies: a place starting with a name's first word is none.
  if (getIndex().heads.has(toks[p]!.f)) return null;
  for (let q = p; q < toks.length; q++) {
    const t = toks[q]!;
    if ((q > p && !t.ws && !t.dash) || lookupWords(words(toks, q, q + 1)).hit) return null;
  }
  if (startsName(words(toks, p, toks.length))) return null;
  const place = samePlace(words(toks, p, toks.length).join(' '));
  const level = p ? toks[p - 1]!.f : '';
  return { place, province: level === 'tinh' || (cityLevel(level) && CENTRAL_CITIES.has(place)) };
}

/**
 * A place's new name after a body, "(nay là …)". A province's ("Sở Nội vụ tỉnh Hà Giang (nay là
 * tỉnh Tuyên Quang)", the 2025 mergers) is the body's province renamed, not the body renamed "tỉnh
 * Tuyên Quang", which would have replaced the Sở: dropped. Another place's is kept beside the body,
 * reported, and renames nothing. Parts that only name a place without "nay là" are left as they
 * are, reported as written: "UBND xã Tả Phìn, huyện Bát Xát" names where, "Phòng Nội vụ, xã Tả
 * Phìn" who, and only the officer knows.
 */
function placeParts(parts: Placed[]): void {
  for (let k = 1; k < parts.length; k++) {
    const part = parts[k]!;
    if (!part.renames || !part.ref.unknown || parts[k - 1]!.ref.unknown) continue;
    const at = placeOnly(part.core);
    if (!at) continue;
    if (at.province) parts.splice(k--, 1);
    // Another place's new name ("UBND huyện Bát Xát (nay là xã Bát Xát)"): the body may be another
    // now, so the new name stays reported beside it, and renames nothing.
    else part.renames = false;
  }
}

/**
 * A Sở's unit named before the Sở ("Văn phòng Sở Nội vụ"), or its head ("Chánh Văn phòng Sở Tư
 * pháp"). A leader's title alone ("Giám đốc Sở Tư pháp") is read with the name (leaderAt).
 */
const SO_UNIT_WORDS = new Set(['van phong', 'thanh tra', 'chanh van phong', 'chanh thanh tra']);

/**
 * "Văn phòng Sở Nội vụ", "Thanh tra Sở Tư pháp": the Sở's own unit, so its task is the Sở's (in a
 * province's plan; a Sở's own plan says "Văn phòng Sở"). Read with a separator assumed before the
 * Sở, the unit's words were an unknown name of their own; they are the Sở's reference now. Not
 * across a written separator ("Văn phòng, Sở Nội vụ" is a list), a line break or a role word. A
 * city's office ("Văn phòng UBND Thành phố") is one unknown name, not the city's UBND.
 */
function unitOfSo(text: string, parts: Placed[], breakAt: number): void {
  for (let k = 0; k + 1 < parts.length; k++) {
    const unit = parts[k]!;
    const so = parts[k + 1]!;
    const city = so.ref.id !== null && CITY_BODIES.has(so.ref.id);
    if (!unit.ref.unknown || !so.assumed || so.ref.unknown || !(so.ref.id?.startsWith('so-') || city)) continue;
    if (breakAt >= unit.end && breakAt < so.start) continue; // "Thanh tra\nSở Tư pháp": one per line
    // Its words alone: "Văn phòng chủ trì Sở Nội vụ" names a role between them.
    if (!SO_UNIT_WORDS.has(keyOfText(unit.core)) || text.slice(unit.start, unit.end) !== unit.core) continue;
    const whole = text.slice(unit.start, so.end);
    let ref = so.ref;
    if (city) {
      // A city's office ("Văn phòng UBND Thành phố"): a district's one for both councils, or a
      // centrally run city's own; which, only the plan knows. One unknown name, as written.
      ref = unknownRef(whole);
    } else {
      namedWithUnit(so.ref, whole, text.slice(unit.start, so.start)); // the same reference: a province it was read with stays its own
    }
    parts.splice(k, 2, { ref, start: unit.start, end: so.end, renames: unit.renames, former: unit.former, core: city ? whole : so.core, assumed: unit.assumed });
  }
}

/**
 * A body now named with one of its units before it ("Văn phòng Sở Nội vụ", "Ban Tôn giáo thuộc Sở
 * Nội vụ"): the whole is its raw text, and the name a second province's cell shows
 * (distinctProvinces) keeps the unit's words (`unitText`, as written before the body).
 */
function namedWithUnit(ref: AgencyRef, whole: string, unitText: string): void {
  ref.raw = whole;
  const place = provincePlaces.get(ref);
  if (place) place.text = unitText + place.text;
}

/** The words a body's own unit is named with first ("Chi cục …", "Trung tâm …", "VP …"), after a list mark or "Các". */
const UNIT_HEAD = /^\s*(?:\d{1,2}[.)]\s*|[-+•*–]\s*)?(?:(?:các|những)\s+)?(?:chi\s+cục|trung\s+tâm|ban|phòng|văn\s+phòng|vp|thanh\s+tra|đội|bộ\s+phận)\s+/iu;
const OWNED_BY = /^(.*?\S)\s+(?:trực\s+)?thuộc\s+(\S.*)$/iu;

/**
 * A unit's name: a head word, then a name written as one (capitalised: "Ban Tôn giáo", not "Ban
 * hành …", "Các Phòng, ban" nor a bare "phòng"). The capital is tested without the head's
 * case-insensitive pattern, under which \p{Lu} matches lower case too.
 */
function isUnitName(text: string): boolean {
  const head = UNIT_HEAD.exec(text);
  return head !== null && /^\p{Lu}/u.test(text.slice(head[0].length));
}

/**
 * A unit named with the body it belongs to: "Ban Tôn giáo thuộc Sở Nội vụ", "Chi cục Văn thư - Lưu
 * trữ (Sở Nội vụ)", "Sở TT&TT (Trung tâm CNTT&TT)", "Trung tâm Phục vụ hành chính công thuộc Văn
 * phòng UBND tỉnh". A unit the registry knows is itself ("Phòng Nội vụ thuộc UBND huyện" is the
 * Phòng); another, its owner's task (as "Văn phòng Sở Nội vụ" is, unitOfSo), the unit kept in the
 * raw text. Read so only where the owner is one known body and the unit is named as one; else the
 * parts stay as they were (one unknown name, or a unit reported beside its owner).
 */
function unitOfOwner(text: string, parts: Placed[]): void {
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (p.renames || p.former) continue;
    // "X thuộc Y": the segmentation starts no name right after "thuộc" (a function word), so Y is
    // in the unknown part or split off where a separator was only assumed ("… thuộc Văn phòng" +
    // "UBND tỉnh"): read over those parts together.
    let q = k + 1;
    while (q < parts.length && parts[q]!.assumed) q++;
    const whole = text.slice(p.start, parts[q - 1]!.end);
    const m = p.ref.unknown ? OWNED_BY.exec(whole) : null;
    if (m) {
      const unit = segmentPlaced(m[1]!);
      const owner = segmentPlaced(m[2]!);
      // One name before "thuộc": a list ("Chi cục Kiểm lâm, Sở Tư pháp thuộc …") stays as it was.
      const one = unit.length === 1 ? unit[0]! : null;
      const own = one && !one.ref.unknown ? one : null;
      const body = one && !own && isUnitName(m[1]!) && owner.length === 1 && !owner[0]!.ref.unknown ? owner[0]! : null;
      const chosen = own ?? body;
      if (chosen) {
        if (own && owner.length === 1) own.ref = atOwnersLevel(own, owner[0]!);
        if (body) namedWithUnit(body.ref, whole, whole.slice(0, whole.length - m[2]!.length));
        else chosen.ref.raw = whole; // a unit known as itself: its text grows, not its name
        parts.splice(k, q - k, { ...p, end: parts[q - 1]!.end, ref: chosen.ref, core: chosen.core });
        continue;
      }
    }
    // "X (Y)" / "Y (X)": the unit and its owner as two parts, the second in brackets.
    const next = parts[k + 1];
    if (!next || next.renames || next.former) continue;
    if (!/^\s*\(\s*$/u.test(text.slice(p.end, next.start)) || !/^\s*\)/u.test(text.slice(next.end))) continue;
    const close = text.indexOf(')', next.end);
    if (!p.ref.unknown && !next.ref.unknown) {
      // Both known: both count, since a bracket may hold the owner, a partner or the lead ("Sở
      // Nội vụ (Văn phòng UBND tỉnh)"); a unit known at every level takes the other's level, where
      // the bracket holds that body alone ("Bộ phận Một cửa (UBND huyện)" is the district's desk).
      if (text.slice(next.start, next.end) !== next.core) continue; // "(phối hợp: UBND huyện)": a role, not the body alone
      p.ref = atOwnersLevel(p, next);
      next.ref = atOwnersLevel(next, p);
      continue;
    }
    const [unit, owner] = p.ref.unknown ? [p, next] : [next, p];
    if (!unit.ref.unknown || owner.ref.unknown || !isUnitName(unit.core || text.slice(unit.start, unit.end))) continue;
    owner.ref.raw = text.slice(p.start, close + 1);
    parts.splice(k, 2, { ...owner, start: p.start, end: close + 1, assumed: p.assumed });
  }
}

/**
 * A unit the registry knows at every level ("Bộ phận Một cửa") named with its owner: the entry of
 * the owner's level where there is one ("… (UBND huyện)" is the district's desk).
 */
function atOwnersLevel(unit: Placed, owner: Placed): AgencyRef {
  const level = LEVEL_OF.get(owner.ref.id ?? '');
  const key = keyOfText(unit.core);
  // Not one named with its levels ("Bộ phận Một cửa các cấp", "MTTQ các cấp").
  if (!level || LEVEL_OF.get(unit.ref.id ?? '') !== 'other' || key.split(' ').includes('cap')) return unit.ref;
  const leveled = levelKey(key, [level]); // null for a level without its word (central, other)
  const hit = leveled ? exactHit(leveled) : null;
  return hit ? { ...unit.ref, id: hit.entry.id, name: hit.entry.name } : unit.ref;
}
const LEVEL_OF = new Map(AGENCIES.map((e) => [e.id, e.level]));

/**
 * "HĐND, UBND tỉnh", "Thường trực HĐND và UBND tỉnh": the level words of a name serve the unknown
 * names right before it in a list, when each with them is a registry name ("Thanh tra, Công an,
 * Tòa án tỉnh": the segmentation keeps "Thanh tra, Công an" as one unknown; replaced in place).
 * Not where the separator was only assumed: "Thanh tra Công an tỉnh" is the police's inspectorate.
 */
function sharedLevel(parts: Placed[]): void {
  for (let k = 0; k + 1 < parts.length; k++) {
    const a = parts[k]!.ref;
    const b = parts[k + 1]!.ref;
    if (!a.unknown || b.unknown || parts[k + 1]!.assumed) continue;
    const next = keyOfText(parts[k + 1]!.core); // without its role words ("UBND tỉnh chủ trì")
    const { base, quals } = stripQualifiers(next);
    const words = next.split(' ');
    const names = a.name.split(/\s*[,;]\s*|\s+(?:và|&)\s+/u).filter(Boolean);
    const hits: AgencyEntry[] = [];
    for (const n of names) {
      const own = untitled(keyOfText(n)); // "Chủ tịch HĐND, UBND tỉnh": the HĐND tỉnh's
      if (!own || stripQualifiers(own).quals.length) break;
      // Its level words ("HĐND, UBND tỉnh"), else its owner's too ("Ban Pháp chế, Ban KT-NS HĐND
      // tỉnh": the HĐND tỉnh's Ban Pháp chế): the next name's last two or three words where they
      // name a body (its owner, not words of its own name: "vận Tỉnh ủy" is none), between two
      // names of one kind ("Ban …, Ban …": "Các cơ quan, Sở Thông tin và Truyền thông" borrows
      // nothing), for a name of more than a head word ("Ban, Ban Dân tộc HĐND tỉnh"), into another
      // body than the next one ("Văn phòng, Văn phòng UBND tỉnh" is not that office twice).
      let hit = quals.length ? exactHit(`${own}${next.slice(base.length)}`) : null;
      const sameKind = own.includes(' ') && own.split(' ', 1)[0] === words[0];
      for (let m = 2; !hit && sameKind && m <= 3 && m < words.length; m++) {
        const owner = words.slice(-m).join(' ');
        const whole = exactHit(owner) ? exactHit(`${own} ${owner}`) : null;
        if (whole && whole.entry.id !== b.id) hit = whole;
      }
      if (!hit) break;
      hits.push(hit.entry);
    }
    if (!names.length || hits.length !== names.length) continue;
    const p = parts[k]!;
    const refs = hits.map((e, x): Placed => ({
      ref: { id: e.id, name: e.name, raw: hits.length === 1 ? a.raw : names[x]!, collective: !!e.collective, unknown: false },
      start: p.start,
      end: p.end,
      renames: p.renames && x === 0,
      former: false,
      core: names[x]!,
      assumed: p.assumed && x === 0,
    }));
    parts.splice(k, 1, ...refs);
    k += refs.length - 1;
  }
}

function placed(text: string, toks: Tok[], i: number, j: number, span: SpanResult, assumed = false): Placed {
  // Only a span that starts with the words: "Phối hợp: nay là …" (one span, the segmentation's
  // choice: more of its text inside a name) renames nothing before it.
  const renames = span.kind !== 'empty' && renamingAt(toks, i, j) > 0;
  const former = span.kind !== 'empty' && formerAt(toks, i, j) > 0;
  const [a, b] = span.core;
  const core = a < b ? text.slice(toks[a].start, toks[b - 1].end) : '';
  return { ref: toRef(text, toks, i, j, span), start: toks[i].start, end: toks[j - 1].end, renames, former, core, assumed };
}

/**
 * The references of one piece with each renamed body left out: "Sở Thông tin và Truyền thông (nay
 * là Sở Khoa học và Công nghệ)" is one task of the Sở Khoa học và Công nghệ, not one of each (the
 * old name stays in the officer's cell). The body renamed is the part right before; for the
 * piece's first part, the last of `earlier` (the references so far, changed in place) when
 * `wrapped` says the piece continues that line. A part renames only when its span starts with "nay
 * là": the segmentation keeps role words or a list number before it in the span, where they hide it.
 * A part after "trước đây là" is the old name of the body before it, and is left out the same way.
 */
function withoutRenamed(s: Segmented, earlier: AgencyRef[], wrapped: boolean): AgencyRef[] {
  const out: AgencyRef[] = [];
  for (let k = 0; k < s.parts.length; k++) {
    const p = s.parts[k]!;
    if (p.renames) {
      if (k > 0) out.pop();
      else if (wrapped) earlier.pop();
    }
    if (p.former && (k > 0 || (wrapped && earlier.length))) continue; // the body before it, by its old name
    out.push(p.ref);
  }
  return out;
}

function pathRefs(text: string, toks: Tok[], best: (Step | undefined)[], kinds: number[]): Placed[] {
  const refs: Placed[] = [];
  for (let j = toks.length; j > 0; ) {
    const step = best[j];
    if (!step || step.from < 0) break;
    if (step.span && step.span.kind !== 'empty') refs.unshift(placed(text, toks, step.from, j, step.span, kinds[step.from] === 2));
    j = step.from;
  }
  return refs;
}

interface Piece {
  text: string;
  /** Only one line break separates it from the previous piece (no ";", "/" or blank line). */
  wrapped: boolean;
  /** The line starts with a bullet (stripped from text). */
  bulleted: boolean;
}

const BULLET = /^\s*(?:[-+•*–—·]\s*)+/;

/** Hard separators: ";", line breaks (with their bullets) and "/" not between digits. */
function splitHard(text: string): Piece[] {
  const parts = text.split(/([;\n]|(?<!\d)\/|\/(?!\d))/);
  const pieces: Piece[] = [];
  let seps = '';
  for (let k = 0; k < parts.length; k += 2) {
    const raw = parts[k];
    const unbulleted = raw.replace(BULLET, '');
    const piece = unbulleted.trim();
    if (piece) {
      pieces.push({ text: piece, wrapped: pieces.length > 0 && seps === '\n', bulleted: unbulleted !== raw });
      seps = '';
    }
    seps += parts[k + 1] ?? '';
  }
  return pieces;
}

// ---------- names wrapped over two lines ----------

/*
 * A narrow column wraps one name over lines ("Sở Kế hoạch\nvà Đầu tư."), yet officers also list
 * one agency per line ("Sở Nội vụ\nSở Tư pháp"). A line is joined to the one before when a registry
 * name then spans the break and the two lines alone are not each names, or when it reads as a
 * continuation and joining keeps every known agency in fewer pieces ("Công ty cổ phần Môi
 * trường\nđô thị Hà Giang" is one unknown agency, not two).
 */

interface Segmented {
  text: string;
  parts: Placed[];
}

/** `breakAt`: where a line joined back begins (the space in place of its line break), else -1. */
function segmented(text: string, breakAt = -1): Segmented {
  return { text, parts: segmentPlaced(text, breakAt) };
}

function countKnown(parts: Placed[]): number {
  return parts.filter((p) => !p.ref.unknown).length;
}

function allKnown(parts: Placed[]): boolean {
  return parts.every((p) => !p.ref.unknown);
}

/** The next line starts in lower case or with "và"/"&", or the previous one ends with "và" or a comma/dash. */
function readsAsContinuation(prev: string, next: string): boolean {
  if (/^\p{Ll}/u.test(next) || /[,&\-–—]$/.test(prev)) return true;
  const first = /^[\p{L}\p{M}]+|^&/u.exec(next)?.[0];
  const last = /(?:^|\s)([\p{L}\p{M}]+)$/u.exec(prev)?.[1];
  return (first !== undefined && foldWord(first) === 'va') || (last !== undefined && foldWord(last) === 'va');
}

/**
 * Whether next continues prev's name (see above). A bulleted line starts a new item unless a name
 * forms across the break ("Phòng Tài chính\n- Kế hoạch").
 */
function shouldJoin(prev: Segmented, next: Segmented, bulleted: boolean, joined: Segmented): boolean {
  const at = prev.text.length; // the space put in place of the line break
  if (joined.parts.some((p) => !p.ref.unknown && p.start < at && p.end > at)) return true;
  if (bulleted || !readsAsContinuation(prev.text, next.text)) return false;
  const alone = [...prev.parts, ...next.parts];
  return countKnown(joined.parts) >= countKnown(alone) && joined.parts.length < alone.length;
}

/** The pieces' references, lines that continue one name joined back. */
function segmentPieces(pieces: Piece[]): AgencyRef[] {
  const refs: AgencyRef[] = [];
  let cur: Segmented | null = null;
  let curWrapped = false; // cur continues the line before it (one line break, no bullet)
  for (const piece of pieces) {
    const next = segmented(piece.text);
    // Lines that are each names already stay apart (and cost no second segmentation).
    if (cur && piece.wrapped && !(allKnown(cur.parts) && allKnown(next.parts))) {
      const joined = segmented(`${cur.text} ${piece.text}`, cur.text.length);
      if (shouldJoin(cur, next, piece.bulleted, joined)) {
        cur = joined;
        continue;
      }
    }
    if (cur) refs.push(...withoutRenamed(cur, refs, curWrapped));
    cur = next;
    curWrapped = piece.wrapped && !piece.bulleted;
  }
  if (cur) refs.push(...withoutRenamed(cur, refs, curWrapped));
  return refs;
}

// ---------- public API ----------

const matchCache = new Map<string, AgencyRef>();
const parseCache = new Map<string, AgencyRef[]>();
const CACHE_LIMIT = 20000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * A caller's own copy of a cached reference. A literal, not a spread: a spread's result map is
 * reached only through weak transitions, so once a full GC found no copy alive it died and took
 * every optimized function that had seen one along (validate, unknownAgencies, agencyKey and score
 * were thrown away every few sheets; test/optimized-code.test.ts, and keptReaderShape in reader.ts).
 */
function copyRef(r: AgencyRef): AgencyRef {
  return { id: r.id, name: r.name, raw: r.raw, collective: r.collective, unknown: r.unknown };
}

function unknownRef(text: string): AgencyRef {
  return { id: null, name: text, raw: text, collective: false, unknown: true };
}

/** Match one agency name against the registry (no splitting). Unknown text comes back unknown. */
export function matchAgency(text: string): AgencyRef {
  try {
    const clean = cleanText(text);
    const cached = matchCache.get(clean);
    if (cached) return copyRef(cached);
    const toks = tokenize(clean);
    const span = toks.length ? scoreSpan(toks, 0, toks.length, true) : null;
    const ref = span && span.kind !== 'empty' ? toRef(clean, toks, 0, toks.length, span) : unknownRef(clean);
    return copyRef(remember(matchCache, clean, ref));
  } catch {
    return unknownRef(typeof text === 'string' ? text : '');
  }
}

/** Whether the longer word list is the shorter one with exactly one word more. */
function oneWordMore(longer: readonly string[], shorter: readonly string[]): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let k = 0;
  while (k < shorter.length && longer[k] === shorter[k]) k++;
  for (let m = k; m < shorter.length; m++) if (longer[m + 1] !== shorter[m]) return false;
  return true;
}

/**
 * The registry entry an unknown name most likely means, for a hint beside its warning ("Trung tâm
 * y thành phố" → Trung tâm Y tế): a key one character edit beyond what matching allows, or one
 * word short or over (also without its level words). Looser than matching, so never taken as a
 * match. Only keys with the same first word are compared; null when the name is known, nothing is
 * close, or two entries are equally close ("UBND" could be any level).
 */
export function suggestAgency(text: string): { id: string; name: string } | null {
  try {
    const ref = matchAgency(text);
    if (!ref.unknown) return null;
    const key = untitled(keyOfText(ref.name));
    const ws = key.split(' ');
    const { base: baseKey, quals } = stripQualifiers(key);
    const base = baseKey.split(' ');
    const max = maxDistance(key.length) + 1;
    let best: AgencyEntry | null = null;
    let bestD = Infinity;
    let tied = false;
    // "… các cấp" names every level: no one level's body is what it means.
    const everyLevel = ws[ws.length - 1] === 'cap';
    for (const cand of key ? getIndex().byFirst.get(ws[0]) ?? [] : []) {
      if (!qualifiersFit(cand.entry, quals)) continue; // "Sở Nội vụ huyện" is not Sở Nội vụ
      if (everyLevel && !cand.entry.collective && LEVEL_WORD[cand.entry.level]) continue;
      const cw = cand.words;
      // A name of one word is never one word short ("huyện" alone is no "Huyện đoàn"); a word over
      // a one-word entry still gets its hint ("VNPT mới": VNPT, as before).
      const words = [ws, base].some((w) => w.length > 1 && (oneWordMore(cw, w) || oneWordMore(w, cw)));
      // Past max the distance is max + 1: a word short or over ranks after any character edit,
      // all such alike (no guessing the level of "Thanh tra").
      const d = swapsKnownWord(ws, cw) ? max + 1 : boundedDistance(key, cand.key, max);
      if (d > max && !words) continue;
      if (d < bestD) [best, bestD, tied] = [cand.entry, d, false];
      else if (d === bestD && best && cand.entry.id !== best.id) tied = true;
    }
    return best && !tied ? { id: best.id, name: best.name } : null;
  } catch {
    return null;
  }
}

/** Text of a cell value, including ExcelJS-style rich text and formula results. */
function cellText(value: unknown): string {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => String(r?.text ?? '')).join('');
    if (typeof v.text === 'string') return v.text;
    if (v.result !== undefined) return cellText(v.result);
  }
  return cleanText(value);
}

/** Key for grouping: the registry id, or "?" + folded name for unknown agencies. */
export function agencyKey(ref: AgencyRef): string {
  return ref.id ?? `?${fold(ref.name ?? '')}`;
}

function dedupe(refs: AgencyRef[]): AgencyRef[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = agencyKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Split a cell naming one or more agencies into registry references, in order, without duplicates. */
export function parseAgencies(value: unknown): AgencyRef[] {
  try {
    const clean = cleanText(cellText(value));
    if (!clean) return [];
    const cached = parseCache.get(clean);
    if (cached) return cached.map(copyRef);
    const refs = dedupe(distinctProvinces(segmentPieces(splitHard(clean))));
    return remember(parseCache, clean, refs).map(copyRef);
  } catch {
    return [];
  }
}
