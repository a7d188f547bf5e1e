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

// Made once: a literal in parseBaseline was a new RegExp object for every uncoded row read.
const BASELINE_LINE = /^\s*năm\s+(\d{4})\s*:\s*(?:đạt\s+)?(\d+(?:[.,]\d+)?)\s*(?:\/\s*(\d+(?:[.,]\d+)?))?\s*(?:điểm|%)/iu;

/** Parse a baseline line; null when the text is not one. */
export function parseBaseline(text: string): BaselineInfo | null {
  const m = BASELINE_LINE.exec(text);
  if (!m) return null;
  const split = text.search(/mục tiêu/iu);
  const before = split >= 0 ? text.slice(0, split) : text;
  const after = split >= 0 ? text.slice(split) : '';
  const rank = /xếp\s+(?:thứ|hạng)\s+(\d+)\s*\/\s*(\d+)/iu.exec(before);
  const tYear = /năm\s+(\d{4}(?:\s*[-–]\s*\d{4})?)/iu.exec(after);
  const tRank = /(?:tốp|top|thứ)\s+(\d+)\s*\/\s*(\d+)/iu.exec(after);
  const firstTarget = after.split(/[.;](?=\s+(?:từ\s+)?năm)/iu)[0] ?? after;
  return {
    year: num(m[1]),
    score: num(m[2]),
    scaleMax: num(m[3]),
    rank: num(rank?.[1]),
    rankOf: num(rank?.[2]),
    group: groupOf(before),
    targetYear: tYear?.[1]?.replace(/\s+/g, '') ?? '',
    targetRank: num(tRank?.[1]),
    targetRankOf: num(tRank?.[2]),
    targetGroup: groupOf(firstTarget),
    text,
  };
}
