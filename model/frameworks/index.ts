// Built-in criteria frameworks, choosing one for a sheet, and matching sheet rows to its nodes.
import type { IndexKind } from '../types';
import { Memo, MEMO_LIMIT } from '../memo';
import { fold } from '../text';
import { parseFramework, type Framework, type FrameworkNode } from './schema';
import { PAR_2019_PROVINCE } from './par-2019-province';
import { PAPI_2021 } from './papi-2018';
import { SIPAS_2017 } from './sipas-2017';

export * from './schema';

/** Name similarity at or above which two names are taken to mean the same thing. */
export const NAME_MATCH_THRESHOLD = 0.5;

function validated(fw: Framework): Framework {
  const result = parseFramework(fw);
  if (!result.ok) throw new Error(`Built-in framework "${fw.id}" is invalid:\n${result.errors.join('\n')}`);
  return fw; // keep identity: PAR_2019_PROVINCE === BUILTIN_FRAMEWORKS[0]
}

/** Validated once at module load, so bad built-in data fails at import (and in tests). */
export const BUILTIN_FRAMEWORKS: Framework[] = [PAR_2019_PROVINCE, PAPI_2021, SIPAS_2017].map(validated);

// ---------------------------------------------------------------- choosing by index and year

export function isValidIn(framework: Framework, year: number): boolean {
  return framework.validFrom <= year && (framework.validTo === undefined || year <= framework.validTo);
}

/** Newest framework of the index valid in the year (any year when omitted); null when none. */
export function frameworkFor(
  index: IndexKind,
  year?: number,
  frameworks: readonly Framework[] = BUILTIN_FRAMEWORKS,
): Framework | null {
  let best: Framework | null = null;
  for (const fw of frameworks) {
    if (fw.index !== index || (year !== undefined && !isValidIn(fw, year))) continue;
    if (!best || fw.validFrom > best.validFrom) best = fw;
  }
  return best;
}

// ---------------------------------------------------------------- name similarity

// Abbreviations common in appendices, expanded so "CCHC" meets "cải cách hành chính".
const ABBREVIATIONS: Record<string, string> = {
  cchc: 'cai cach hanh chinh',
  tthc: 'thu tuc hanh chinh',
  qppl: 'quy pham phap luat',
  vbqppl: 'van ban quy pham phap luat',
  cbccvc: 'can bo cong chuc vien chuc',
  cb: 'can bo',
  cc: 'cong chuc',
  vc: 'vien chuc',
  kt: 'kinh te',
  xh: 'xa hoi',
  cntt: 'cong nghe thong tin',
  ubnd: 'uy ban nhan dan',
  nsnn: 'ngan sach nha nuoc',
  sncl: 'su nghiep cong lap',
  cqcm: 'co quan chuyen mon',
  dvhc: 'don vi hanh chinh',
  bcci: 'buu chinh cong ich',
  pakn: 'phan anh kien nghi',
  xhh: 'xa hoi hoc',
  cnqsdd: 'chung nhan quyen su dung dat',
  ttdt: 'thong tin dien tu',
};

// Function words that carry no meaning for matching.
const STOP_WORDS = new Set(['cua', 'va', 'cac', 've', 'tai', 'theo', 'duoc', 'cho', 'o', 'nhung', 'la', 'voi', 'trong']);

// "(3) …", "1.2. …", "IV. …", "a) …" before a name.
const LEADING_NUMBER = /^\s*(?:\(\d+\)|\d+(?:\.\d+)*\.?\)?|[IVXLivxl]+[.:)]|[a-zđ]\))\s*/u;
// "Chỉ số nội dung 1: …", "Lĩnh vực 2 …", "Chỉ số hài lòng về …" (already folded).
const SECTION_PREFIX =
  /^(?:chi so hai long ve|chi so noi dung|noi dung thanh phan|noi dung|linh vuc|tieu chi thanh phan|tieu chi)(?: (?:\d+|[ivxl]+)\b)? ?/;

// A Map, not the object: a plain lookup would find "constructor" on the prototype (and makes V8
// internalise every word looked up).
const EXPANSIONS = new Map(Object.entries(ABBREVIATIONS).map(([k, v]) => [k, v.split(' ')]));

// Names recur (the same criterion in every agency's sheet, a custom function recalculating the
// same table): their tokens are kept (model/memo.ts).
const TOKENS = new Memo<string, readonly string[]>(MEMO_LIMIT);

/** Folded, de-numbered, abbreviation-expanded content words of a name, without repeats (shared: never mutate). */
export function nameTokens(name: string): readonly string[] {
  return TOKENS.get(name) ?? TOKENS.set(name, tokensOf(name));
}

function tokensOf(name: string): string[] {
  const folded = fold(name.replace(LEADING_NUMBER, '')).replace(SECTION_PREFIX, '');
  const out: string[] = [];
  let seen: Set<string> | null = null; // only for long names: includes() is cheaper below that
  const words = folded.split(' ');
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const expanded = EXPANSIONS.get(word);
    const n = expanded === undefined ? 1 : expanded.length;
    for (let e = 0; e < n; e++) {
      const t = expanded === undefined ? word : expanded[e]!;
      if (!t || STOP_WORDS.has(t)) continue;
      if (seen) {
        if (seen.has(t)) continue;
        seen.add(t);
      } else if (out.includes(t)) continue;
      out.push(t);
      if (!seen && out.length > 32) seen = new Set(out);
    }
  }
  return out;
}

/** One insertion, deletion or substitution apart (or equal). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Equal, or a one-letter typo in a longer word with the same first letter. */
function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  return a.length >= 4 && b.length >= 4 && a[0] === b[0] && withinOneEdit(a, b);
}

function sharedTokens(a: readonly string[], b: readonly string[]): number {
  // Which tokens of b are taken: bits for the first 31 (names are short), a set beyond.
  let bits = 0;
  let more: Set<number> | null = null;
  let shared = 0;
  for (const t of a) {
    for (let k = 0; k < b.length; k++) {
      if (k < 31 ? bits & (1 << k) : more?.has(k)) continue;
      if (!sameToken(t, b[k]!)) continue;
      if (k < 31) bits |= 1 << k;
      else (more ??= new Set()).add(k);
      shared++;
      break;
    }
  }
  return shared;
}

/** The similarity of two token lists of lengths la and lb that share `shared` tokens. */
function similarityOf(shared: number, la: number, lb: number): number {
  const jaccard = shared / (la + lb - shared);
  const small = Math.min(la, lb);
  return shared === small ? Math.max(jaccard, small / (small + 1)) : jaccard;
}

/**
 * Token Jaccard, or, when one name lies wholly inside the other ("Công chức" in "Công chức
 * giải quyết công việc"), n/(n+1) for its n words, so very short names weigh less.
 */
function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  return similarityOf(sharedTokens(a, b), a.length, b.length);
}

/** Similarity of two names in [0, 1]: fold, drop numbering and function words, token overlap. */
export function nameSimilarity(a: string, b: string): number {
  return tokenSimilarity(nameTokens(a), nameTokens(b));
}

// ---------------------------------------------------------------- node index

interface NodeEntry {
  node: FrameworkNode;
  depth: number;
  tokens: readonly string[];
}

interface FrameworkIndex {
  byCode: Map<string, FrameworkNode>;
  entries: NodeEntry[];
  tokensOf: Map<FrameworkNode, readonly string[]>;
  /** Distinct framework tokens; a token's id is its position. */
  vocabulary: string[];
  /** Token ids of each entry (entry tokens are distinct, so one id occurs once per entry). */
  entryIds: Int32Array[];
  /** Per depth (0: any depth), per token id, the entries having it. */
  postings: Map<number, Int32Array[]>;
  /** Token ids by first character (sameToken needs the same first character). */
  byFirst: Map<string, number[]>;
  /** Row word → ids of the framework tokens it is sameToken with (the word stock of names is small). */
  matches: Map<string, number[]>;
  /** bestByRowName's answers by depth, then by name. */
  best: Map<number, Memo<string, NodeEntry | null>>;
  /** Scratch space for bestByName. */
  stamp: Int32Array;
  count: Int32Array;
  tokenStamp: Int32Array;
  generation: number;
  candidates: Int32Array;
  matched: number[][];
}

const INDEX_CACHE = new WeakMap<Framework, FrameworkIndex>();
const MATCHES_LIMIT = 50_000;

function buildIndex(framework: Framework): FrameworkIndex {
  const byCode = new Map<string, FrameworkNode>();
  const entries: NodeEntry[] = [];
  const tokensOf = new Map<FrameworkNode, readonly string[]>();
  const walk = (nodes: readonly FrameworkNode[], depth: number): void => {
    for (const node of nodes) {
      byCode.set(normalizeCode(node.code), node);
      const tokens = nameTokens(node.name);
      entries.push({ node, depth, tokens });
      tokensOf.set(node, tokens);
      walk(node.children ?? [], depth + 1);
    }
  };
  walk(framework.nodes, 1);
  const vocabulary: string[] = [];
  const idOf = new Map<string, number>();
  const byFirst = new Map<string, number[]>();
  const entryIds = entries.map((e) =>
    Int32Array.from(e.tokens, (t) => {
      let id = idOf.get(t);
      if (id === undefined) {
        id = vocabulary.length;
        vocabulary.push(t);
        idOf.set(t, id);
        const first = t[0] ?? '';
        const same = byFirst.get(first);
        if (same) same.push(id);
        else byFirst.set(first, [id]);
      }
      return id;
    }),
  );
  const lists = new Map<number, number[][]>();
  const post = (depth: number, id: number, k: number) => {
    let byId = lists.get(depth);
    if (!byId) lists.set(depth, (byId = vocabulary.map(() => [])));
    while (byId.length < vocabulary.length) byId.push([]);
    byId[id]!.push(k);
  };
  entryIds.forEach((ids, k) => {
    for (const id of ids) {
      post(0, id, k);
      post(entries[k]!.depth, id, k);
    }
  });
  const postings = new Map<number, Int32Array[]>();
  for (const [depth, byId] of lists) {
    const out: Int32Array[] = [];
    for (let id = 0; id < vocabulary.length; id++) out.push(Int32Array.from(byId[id] ?? []));
    postings.set(depth, out);
  }
  return {
    byCode,
    entries,
    tokensOf,
    vocabulary,
    entryIds,
    postings,
    byFirst,
    matches: new Map(),
    best: new Map(),
    stamp: new Int32Array(entries.length),
    count: new Int32Array(entries.length),
    tokenStamp: new Int32Array(vocabulary.length),
    generation: 0,
    candidates: new Int32Array(entries.length),
    matched: [],
  };
}

function indexOf(framework: Framework): FrameworkIndex {
  let index = INDEX_CACHE.get(framework);
  if (!index) {
    index = buildIndex(framework);
    INDEX_CACHE.set(framework, index);
  }
  return index;
}

/** Every node of the framework by (normalised) code; built once per framework object. */
export function nodeIndex(framework: Framework): Map<string, FrameworkNode> {
  return indexOf(framework).byCode;
}

/**
 * /^[0-9A-Z]+(?:\.[0-9A-Z]+)*(?:\([0-9A-Z]+\))*$/.test(s) by hand: a code already in normal form
 * ("1.2", "1.2(3)", "IV"). Asked of every scored row's code (~18,000 regex calls a 10,000-row sheet).
 */
export function isPlainCode(s: string): boolean {
  const n = s.length;
  let i = alnumEnd(s, 0);
  if (i === 0) return false;
  while (i < n && s.charCodeAt(i) === 46) {
    const end = alnumEnd(s, i + 1);
    if (end === i + 1) return false;
    i = end;
  }
  while (i < n && s.charCodeAt(i) === 40) {
    const end = alnumEnd(s, i + 1);
    if (end === i + 1 || s.charCodeAt(end) !== 41) return false;
    i = end + 1;
  }
  return i === n;
}

/** Where the run of [0-9A-Z] starting at `from` ends. */
function alnumEnd(s: string, from: number): number {
  let i = from;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90))) break;
  }
  return i;
}

/** "1.2.(3)" / "1.2 (3)" → "1.2(3)", "1.1." → "1.1", "iv" → "IV". */
export function normalizeCode(code: string): string {
  if (isPlainCode(code)) return code; // already normal: most codes ("1.2", "1.2(3)")
  return code
    .trim()
    .replace(/\s+/g, '')
    .replace(/\.+(?=\()/g, '')
    .replace(/\.+$/, '')
    .toUpperCase();
}

/** Tree depth a code implies ("1" → 1, "1.2(3)" → 3); undefined when it is not numeric. */
export function codeDepth(code: string): number | undefined {
  return depthOfNormal(normalizeCode(code));
}

/** depth of "1.2.3" (3) or "1.2(4)" (3); undefined unless digits, dots and one final "(digits)". Scans, no regex. */
function depthOfNormal(normal: string): number | undefined {
  const n = normal.length;
  let depth = 1;
  let digits = 0; // digits in the current part
  let i = 0;
  for (; i < n; i++) {
    const c = normal.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && digits > 0) {
      depth++;
      digits = 0;
    } else break;
  }
  if (digits === 0) return undefined;
  if (i === n) return depth;
  // "(digits)" closing the code
  if (normal.charCodeAt(i) !== 40 || normal.charCodeAt(n - 1) !== 41 || n - i < 3) return undefined;
  for (let k = i + 1; k < n - 1; k++) {
    const c = normal.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
  }
  return depth + 1;
}

/** Ids of the framework tokens a row word is sameToken with (sameToken is symmetric). */
function matchesOf(index: FrameworkIndex, word: string): number[] {
  let m = index.matches.get(word);
  if (m === undefined) {
    m = (index.byFirst.get(word[0] ?? '') ?? []).filter((id) => sameToken(index.vocabulary[id]!, word));
    if (index.matches.size >= MATCHES_LIMIT) index.matches.clear();
    index.matches.set(word, m);
  }
  return m;
}

/** sharedTokens(entry tokens, row tokens) with sameToken answered from the row words' match lists. */
function sharedTokensVia(entryIds: Int32Array, rowLength: number, matched: readonly (readonly number[])[]): number {
  let used = 0; // bit k: row token k taken (at most 31 row tokens here)
  let shared = 0;
  for (let i = 0; i < entryIds.length; i++) {
    const id = entryIds[i]!;
    for (let k = 0; k < rowLength; k++) {
      if (used & (1 << k) || !matched[k]!.includes(id)) continue;
      used |= 1 << k;
      shared++;
      break;
    }
  }
  return shared;
}

/**
 * bestByName for a row's name, remembered per framework by depth and name (names recur: the same
 * criterion in every agency's sheet, a custom function recalculating the same table).
 */
function bestByRowName(index: FrameworkIndex, depth: number | undefined, name: string): NodeEntry | null {
  let byName = index.best.get(depth ?? 0);
  if (!byName) index.best.set(depth ?? 0, (byName = new Memo(MEMO_LIMIT)));
  const known = byName.get(name);
  // The name's tokens only when it is new: a remembered answer needs none (a lookup saved per row).
  return known !== undefined ? known : byName.set(name, bestByName(index, depth, nameTokens(name)));
}

/**
 * The entry (at `depth`, or any depth when undefined) whose name is most similar to `tokens`,
 * at least NAME_MATCH_THRESHOLD; the first such entry on ties. Equivalent to scoring every entry
 * with tokenSimilarity, but only entries sharing a (sameToken) word are looked at, and those whose
 * matched words cannot beat the best so far are skipped unscored.
 */
function bestByName(index: FrameworkIndex, depth: number | undefined, tokens: readonly string[]): NodeEntry | null {
  if (!tokens.length) return null;
  if (tokens.length > 31) return bestByNameSlow(index.entries.filter((e) => depth === undefined || e.depth === depth), tokens);
  const postings = index.postings.get(depth ?? 0);
  if (!postings) return null; // no node at that depth
  const gen = ++index.generation;
  if (gen >= 0x7fffffff) {
    index.generation = 0;
    index.stamp.fill(0);
    index.tokenStamp.fill(0);
    return bestByName(index, depth, tokens);
  }
  const matched = index.matched;
  matched.length = tokens.length;
  for (let i = 0; i < tokens.length; i++) matched[i] = matchesOf(index, tokens[i]!);
  // Candidates and, for each, how many of its tokens some row word matches (each id once).
  const { stamp, count, tokenStamp, candidates } = index;
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const ids = matched[i]!;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      if (tokenStamp[id] === gen) continue;
      tokenStamp[id] = gen;
      const list = postings[id]!;
      for (let p = 0; p < list.length; p++) {
        const k = list[p]!;
        if (stamp[k] !== gen) {
          stamp[k] = gen;
          count[k] = 1;
          candidates[n++] = k;
        } else count[k] = count[k]! + 1;
      }
    }
  }
  // A candidate cannot share more words than it has matched: most are skipped unscored. Any
  // order gives the plain scan's answer (highest score, first entry on ties).
  let best = -1;
  let bestScore = NAME_MATCH_THRESHOLD;
  for (let c = 0; c < n; c++) {
    const k = candidates[c]!;
    const la = index.entryIds[k]!.length;
    const most = Math.min(count[k]!, tokens.length, la);
    // Below the threshold whatever it shares (3s < la + lb and not contained): no float work.
    if (3 * most < la + tokens.length && most !== Math.min(la, tokens.length)) continue;
    const ub = similarityOf(most, la, tokens.length);
    if (ub < bestScore || (ub === bestScore && best >= 0 && k > best)) continue;
    const score = similarityOf(sharedTokensVia(index.entryIds[k]!, tokens.length, matched), la, tokens.length);
    if (score > bestScore || (score === bestScore && (best < 0 || k < best))) {
      best = k;
      bestScore = score;
    }
  }
  return best >= 0 ? index.entries[best]! : null;
}

/** The plain scan bestByName stands for (first entry wins ties). */
function bestByNameSlow(entries: readonly NodeEntry[], tokens: readonly string[]): NodeEntry | null {
  let best: NodeEntry | null = null;
  let bestScore = NAME_MATCH_THRESHOLD;
  for (const entry of entries) {
    const score = tokenSimilarity(entry.tokens, tokens);
    if (score > bestScore || (score === bestScore && !best)) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The framework node a sheet row refers to: by code when the name agrees (or is empty),
 * otherwise the best name match among nodes at the code's depth (all nodes for odd codes).
 */
export function matchNode(framework: Framework, code: string, name: string): FrameworkNode | null {
  const index = indexOf(framework);
  const normal = normalizeCode(code);
  const byCode = index.byCode.get(normal);
  if (byCode) {
    const tokens = nameTokens(name);
    if (!tokens.length || tokenSimilarity(index.tokensOf.get(byCode) ?? nameTokens(byCode.name), tokens) >= NAME_MATCH_THRESHOLD) return byCode;
  }
  // A name without tokens matches nothing by name: bestByName answers null for it.
  return bestByRowName(index, depthOfNormal(normal), name)?.node ?? null;
}

/** matchNode by the plain scan over every node (kept as the reference the fast path must equal). */
export function matchNodeSlow(framework: Framework, code: string, name: string): FrameworkNode | null {
  const index = indexOf(framework);
  const tokens = nameTokens(name);
  const byCode = index.byCode.get(normalizeCode(code));
  if (byCode && (!tokens.length || tokenSimilarity(nameTokens(byCode.name), tokens) >= NAME_MATCH_THRESHOLD)) return byCode;
  if (!tokens.length) return null;
  const depth = codeDepth(code);
  const pool = depth === undefined ? index.entries : index.entries.filter((e) => e.depth === depth);
  return bestByNameSlow(pool, tokens)?.node ?? null;
}

// ---------------------------------------------------------------- recognising the index

export interface IndexRecognition {
  index: IndexKind;
  framework: Framework | null;
  confidence: number;
}

type Known = Exclude<IndexKind, 'unknown'>;

interface TitleCue {
  index: Known;
  re: RegExp;
  weight: number;
  /** Generic wording that yields to PAPI wording in the same title. */
  generic?: boolean;
}

// Matched against the folded title.
const TITLE_CUES: TitleCue[] = [
  { index: 'PAPI', re: /\bpapi\b/, weight: 0.85 },
  { index: 'PAPI', re: /\bhieu qua quan tri (?:va )?hanh chinh cong\b/, weight: 0.8 },
  { index: 'SIPAS', re: /\bsipas\b/, weight: 0.85 },
  { index: 'SIPAS', re: /\b(?:su|chi so) hai long\b/, weight: 0.75 },
  { index: 'PAR', re: /\bpar(?: index)?\b/, weight: 0.85 },
  { index: 'PAR', re: /\bcai cach hanh chinh\b|\bcchc\b/, weight: 0.7, generic: true },
];

interface TitleVote {
  score: number;
  /** Position of the first cue in the title (earlier wins ties). */
  at: number;
}

function titleVotes(folded: string): Map<Known, TitleVote> {
  const votes = new Map<Known, TitleVote>();
  const hasPapi = TITLE_CUES.some((c) => c.index === 'PAPI' && c.re.test(folded));
  for (const cue of TITLE_CUES) {
    const m = cue.re.exec(folded);
    if (!m || (cue.generic && hasPapi)) continue;
    const prev = votes.get(cue.index);
    votes.set(cue.index, { score: Math.max(prev?.score ?? 0, cue.weight), at: Math.min(prev?.at ?? m.index, m.index) });
  }
  return votes;
}

/** Year the title is about: "NĂM 2019", "GIAI ĐOẠN 2022 - 2025" → 2022, else any year. */
export function titleYear(title: string): number | undefined {
  const folded = fold(title);
  const m = /\b(?:nam|giai doan)\s+((?:19|20)\d{2})\b/.exec(folded) ?? /\b((?:19|20)\d{2})\b/.exec(folded);
  return m ? Number(m[1]) : undefined;
}

/**
 * Share of the sheet's top-level names that match distinct top-level nodes of the framework.
 * At least three names are needed for full weight: one matching name proves little.
 */
function topLevelScore(framework: Framework, names: readonly (readonly string[])[]): number {
  const index = indexOf(framework);
  const hit = new Set<FrameworkNode>();
  for (const tokens of names) {
    const best = bestByName(index, 1, tokens);
    if (best) hit.add(best.node);
  }
  return hit.size ? hit.size / Math.max(names.length, Math.min(framework.nodes.length, 3)) : 0;
}

interface Candidate {
  index: Known;
  framework: Framework | null;
  confidence: number;
  at: number;
}

/** Best framework of the index by top-level names (newest on ties), with its score. */
function bestFramework(
  index: Known,
  names: (readonly string[])[],
  pool: readonly Framework[],
): { framework: Framework | null; score: number } {
  let framework: Framework | null = null;
  let score = 0;
  for (const fw of pool) {
    if (fw.index !== index) continue;
    const s = topLevelScore(fw, names);
    if (!framework || s > score || (s === score && fw.validFrom > framework.validFrom)) {
      framework = fw;
      score = s;
    }
  }
  return { framework, score };
}

/** Names count towards the index even when no framework of it is valid in the title's year. */
function candidateFor(
  index: Known,
  title: TitleVote | undefined,
  names: (readonly string[])[],
  all: readonly Framework[],
  valid: readonly Framework[],
): Candidate {
  const nameScore = bestFramework(index, names, all).score;
  // Either kind of evidence alone suffices; both together make it near certain.
  const confidence = 1 - (1 - (title?.score ?? 0)) * (1 - 0.9 * nameScore);
  const framework = bestFramework(index, names, valid).framework;
  return { index, framework, confidence, at: title?.at ?? Number.MAX_SAFE_INTEGER };
}

const MIN_CONFIDENCE = 0.25;

/**
 * Which index a sheet belongs to, from its title words and its top-level names, and the best
 * framework of that index valid in the title's year (null when none is valid or known).
 */
export function recognizeIndex(
  titleText: string,
  topLevelNames: string[],
  frameworks: readonly Framework[] = BUILTIN_FRAMEWORKS,
): IndexRecognition {
  const votes = titleVotes(fold(titleText));
  const year = titleYear(titleText);
  const valid = year === undefined ? frameworks : frameworks.filter((fw) => isValidIn(fw, year));
  const names = topLevelNames.map(nameTokens).filter((t) => t.length > 0);
  let best: Candidate | null = null;
  for (const index of ['PAR', 'PAPI', 'SIPAS'] as const) {
    const c = candidateFor(index, votes.get(index), names, frameworks, valid);
    if (!best || c.confidence > best.confidence || (c.confidence === best.confidence && c.at < best.at)) best = c;
  }
  if (!best || best.confidence < MIN_CONFIDENCE) return { index: 'unknown', framework: null, confidence: 0 };
  return { index: best.index, framework: best.framework, confidence: Math.round(best.confidence * 1000) / 1000 };
}
