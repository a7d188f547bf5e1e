// PAPI/SIPAS baseline-and-target lines: "Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60 … Mục tiêu: Năm 2022, trong tốp 20/63 …".
import type { BaselineInfo } from './report-types';
import { fold } from './text';

const GROUPS: [RegExp, string][] = [
  [/trung binh cao/, 'trung bình cao'],
  [/trung binh thap/, 'trung bình thấp'],
  [/cao nhat/, 'cao nhất'],
  [/thap nhat/, 'thấp nhất'],
];

function groupOf(text: string): string {
  const f = fold(text);
  let best = '';
  let at = Infinity;
  for (const [re, name] of GROUPS) {
    const m = re.exec(f);
    if (m && m.index < at) {
      at = m.index;
      best = name;
    }
  }
  return best;
}

const num = (s: string | undefined): number | null => {
  if (!s) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
};

/*
 * Made once: a literal in parseBaseline was a new RegExp object for every uncoded row read.
 * "Năm 2021: Đạt 4,72/10 điểm", "(Kết quả năm 2021: Đạt 4,72/10, xếp thứ 31/60…)", "Năm 2019, chỉ số
 * tổng hợp PAPI của tỉnh đạt 44,07 điểm, xếp hạng 24/63": the year, ":" or ",", words up to "đạt"
 * (no digit, no ":;."), the score, its scale, its unit. parseBaseline says which of them make a
 * baseline; a row that does not start with "(", "kết quả" or "năm" fails at once.
 */
const BASELINE_LINE = /^[\s(]*(?:kết\s+quả\s+)?năm\s+(\d{4})\s*([:,])(?:[^\d:;.]{0,160}?(?<=[\s,:(])đạt(?:\s+được)?)?\s*(\d+(?:[.,]\d+)?)\s*(?:\/\s*(\d+(?:[.,]\d+)?))?\s*(điểm|%)?/iu;
const RANK = /xếp\s+(?:thứ|hạng)\s+(\d+)\s*\/\s*(\d+)/iu;
/** Where a line's targets start (before it, the past result). */
const TARGETS_START = /mục tiêu/iu;
const TOTAL_INDEX = /tổng\s+hợp|papi/iu;

/**
 * Parse a baseline line; null when the text is not one. `underSection`: the line belongs to a
 * content index (a section of the sheet), not to the whole index. A score no index can have
 * (12,4/10; a content index is 1–10, the total PAPI up to 80, a rate up to 100%) is read as null, so no
 * summary shows it: the line is still a baseline (not a task), and its score a bad number
 * (baselineScoreText gives it as written).
 */
export function parseBaseline(text: string, underSection = false): BaselineInfo | null {
  const m = BASELINE_LINE.exec(text);
  if (!m) return null;
  const colon = m[2] === ':';
  const scale = num(m[4]);
  const unit = m[5] ?? '';
  const split = text.search(TARGETS_START);
  const before = split >= 0 ? text.slice(0, split) : text;
  const after = split >= 0 ? text.slice(split) : '';
  const rank = RANK.exec(before);
  // Words before "đạt" ("Năm 2023, phấn đấu đạt 45 điểm" is a target) need a rank to be a result;
  // right after "Năm 2021:" a unit or a scale says it is a score.
  if (!rank && !(colon && (unit || scale !== null))) return null;
  const score = num(m[3]);
  return {
    year: num(m[1]),
    score: score !== null && possibleScore(score, scale, unit, underSection, before) ? score : null,
    scaleMax: scale,
    rank: num(rank?.[1]),
    rankOf: num(rank?.[2]),
    group: groupOf(before),
    ...stageTarget(targetStages(after, num(m[1]))[0] ?? ''),
    text,
  };
}

/**
 * A stage's year or period: its first "năm …" or "giai đoạn …" that is not one compared with ("so
 * với năm 2021", "cao hơn năm 2021"); a "giai đoạn …:" heading only where no year follows it
 * ("Mục tiêu giai đoạn 2021-2025: năm 2022 …" is 2022's). Group 1 the word, 2 the years, 3 a colon.
 */
const TARGET_YEAR = /(?<!(?:so\s+với|hơn|bằng|kỳ)\s+)(năm|giai\s+đoạn)\s+(\d{4}(?:\s*[-–—]\s*\d{4})?)(?!\d)(\s*:)?/giu;
const TARGET_RANK = /(?:tốp|top|thứ)\s+(\d+)\s*\/\s*(\d+)/iu;
/**
 * Where the next year's target starts: a sentence or clause opening with "(Từ / Đến) năm YYYY" or
 * "Giai đoạn YYYY"; after a comma only with the year written (", năm 2023 trong tốp 15/63"), as a
 * comma also parts "tỉnh, thành phố".
 */
const NEXT_STAGE = /([.;])(?=\s+(?:(?:từ|đến)\s+)?(?:năm|giai\s+đoạn)\s)|,(?=\s+(?:(?:từ|đến)\s+)?(?:năm|giai\s+đoạn)\s+(\d{4}))/giu;
/** A past result written after the targets ("… cao nhất (Kết quả năm 2021: …, xếp thứ 56/60)"): no target of theirs. */
const PAST_RESULT = /\(\s*kết\s+quả/iu;

/**
 * The targets part of a line ("Mục tiêu: …", without a past result after it), one entry per year's
 * stage. A stage after a comma is one only for a later year than the stage before it and the
 * line's own result (`baseYear`): ", năm 2021 xếp thứ 31/63" after "Năm 2023 trong tốp 20/63" is
 * a past rank, part of the 2023 stage.
 */
function targetStages(after: string, baseYear: number | null): string[] {
  const past = after.search(PAST_RESULT);
  const text = past >= 0 ? after.slice(0, past) : after;
  const out: string[] = [];
  let start = 0;
  NEXT_STAGE.lastIndex = 0;
  for (let m = NEXT_STAGE.exec(text); m; m = NEXT_STAGE.exec(text)) {
    if (m[1] === undefined) {
      // The year right after the comma (the lookahead's), against the stage it would end.
      const next = Number(m[2]);
      const before = stageYear(text.slice(start, m.index));
      if ((before && next <= Number(before.slice(0, 4))) || (baseYear !== null && next <= baseYear)) continue;
    }
    out.push(text.slice(start, m.index));
    start = m.index + 1;
  }
  out.push(text.slice(start));
  return out;
}

/** A stage's year or period as written ("2022", "2023 – 2025"; see TARGET_YEAR). */
function stageYear(stage: string): string | undefined {
  let heading: string | undefined;
  TARGET_YEAR.lastIndex = 0;
  for (let m = TARGET_YEAR.exec(stage); m; m = TARGET_YEAR.exec(stage)) {
    if (m[3] !== undefined && !/^năm$/iu.test(m[1]!)) {
      heading ??= m[2];
      continue;
    }
    return m[2];
  }
  return heading;
}

/** One stage's target: its year or period ("2023-2025", any dash written "-"), rank and group. */
function stageTarget(stage: string): Pick<BaselineInfo, 'targetYear' | 'targetRank' | 'targetRankOf' | 'targetGroup'> {
  const rank = TARGET_RANK.exec(stage);
  return {
    targetYear: stageYear(stage)?.replace(/\s+/g, '').replace(/[–—]/g, '-') ?? '',
    targetRank: num(rank?.[1]),
    targetRankOf: num(rank?.[2]),
    targetGroup: groupOf(stage),
  };
}

/**
 * The line with its target for `year` where the plan sets one year by year ("Mục tiêu: Năm 2022,
 * trong tốp 20/63 … Từ năm 2023-2025, trong tốp 10/63, thuộc Nhóm có điểm số cao nhất"): the
 * stage whose years hold it, else the latest stage before it, else the first written (as
 * parseBaseline gives it). Read from the line's text each time, so any year may follow another.
 */
export function baselineForYear(b: BaselineInfo, year: number | null): BaselineInfo {
  if (year === null) return b;
  const split = b.text.search(TARGETS_START);
  if (split < 0) return b;
  const stages = targetStages(b.text.slice(split), b.year);
  if (stages.length < 2) return b; // one target: the line as parsed
  let pick = 0;
  let pickFrom = -Infinity;
  stages.forEach((stage, i) => {
    const y = stageYear(stage);
    if (!y) return;
    const from = Number(y.slice(0, 4));
    if (from <= year && from > pickFrom) {
      pick = i;
      pickFrom = from;
    }
  });
  return { ...b, ...stageTarget(stages[pick]!) };
}

function possibleScore(score: number, scale: number | null, unit: string, underSection: boolean, text: string): boolean {
  if (scale !== null) return scale > 0 && score <= scale && (scale !== 10 || score >= 1); // x/10: a content index
  if (unit === '%') return score <= 100;
  if (!unit) return true;
  const total = TOTAL_INDEX.test(text); // the whole PAPI (8 content indices), not one of them
  if (underSection && !total) return score >= 1 && score <= 10; // a content index, in points
  return !total || score <= 80;
}

/** The score of a baseline line as written ("12,4/10"), for a finding; '' when the text is not one. */
export function baselineScoreText(text: string): string {
  const m = BASELINE_LINE.exec(text);
  if (!m) return '';
  return m[4] ? `${m[3]}/${m[4]}` : `${m[3]}${m[5] === '%' ? '%' : ''}`;
}
