// Targets staged by year ("năm 2022 đạt tối thiểu 60%, mỗi năm tiếp theo tăng 10%, đạt tối
// thiểu 90% vào năm 2025": Vĩnh Phúc's plan 232) read into their stages, and the year a
// self-assessment is checked for (a title's, a host's). A multi-year plan's appendix names one
// target per year; checked against its first stage, a 2024 result of 70% passed where the plan
// asks 80%. Which stage a year takes: stage-for-year.ts (this module is parseTarget's, and a leaf).
import type { ParsedTarget, Threshold } from './types';

/** A stage's yearly step to the next stage ("mỗi năm tiếp theo tăng 10%"), as written. */
export type YearStep = NonNullable<ParsedTarget['yearStep']>;

const YEAR_AT = /(?<![\p{L}\p{N}])năm\s+((?:19|20|21)\d\d)(?!\d)/giu;
/**
 * A stage's year before its figure: "năm 2024" (YEAR_AT), or a bare year labelling its line
 * ("2023: 95%\n2024: 97%", also after a bullet, an enumerator or ";"). Only at a line's start: after
 * a comma it may be one of a list of years ("năm 2023, 2024: 90%") or a past result ("Kết quả các
 * năm trước: 2022: 85%, 2023: 88%"), and elsewhere a bare number before a colon is not known to be
 * a year.
 */
const YEAR_LABEL = /(?<=(?:^|[\n;])[\s+•*·–-]{0,12}(?:(?:[a-zđ]|\d{1,2})[).]\s+)?)((?:19|20|21)\d\d)(?=\s*:)/u;
/** A period's first year, "giai đoạn 2024-2025": a stage over a period starts there (targetForYear takes the latest start). */
const PERIOD_AT = /(?<![\p{L}\p{N}])giai\s+đoạn\s+((?:19|20|21)\d\d)(?=\s*[-–—]\s*(?:19|20|21)\d\d)/u;
const STAGE_YEAR_AT = new RegExp(`${YEAR_AT.source}|${YEAR_LABEL.source}|${PERIOD_AT.source}`, 'giu');
/**
 * A cell that opens with a year's label ("2023: 90%", "Năm 2023: 90%"): there a bare year before a
 * colon after a comma is the next stage's label too ("2023: 90%, 2024: 95%"), as it is after ";".
 * Not elsewhere (YEAR_LABEL): "năm 2023, 2024: 90%" lists two years, "Kết quả các năm trước: 2022:
 * 85%, 2023: 88%" past results; and only right after a stage (stageByYear).
 */
const OPENS_WITH_LABEL = /^[\s+•*·–-]{0,12}(?:(?:[a-zđ]|\d{1,2})[).]\s+)?(?:năm\s+)?(?:19|20|21)\d\d\s*:/iu;
const STAGE_YEAR_LISTED = new RegExp(`${STAGE_YEAR_AT.source}|(?<=, ?)((?:19|20|21)\\d\\d)(?=\\s*:)`, 'giu');
/** After a year: the start of a stage of its own ("năm 2024 đạt …", "năm 2024: …", "năm 2024 là 70%"). */
const STAGE_START = /^ ?(?::|đạt|là|\d)/iu;
/**
 * A year that is not a stage's: a baseline ("so với năm 2018", "cùng kỳ năm 2021", "cao hơn năm
 * 2022"), a date ("ngày 15 tháng 9 năm 2022") or a document's ("Quyết định 468/QĐ-TTg năm 2021");
 * "đối với năm 2023" is a stage.
 */
const NOT_A_STAGE = /(?:so\s+với|(?<!đối\s+)với|kỳ|hơn|bằng|như|tháng\s+\d{1,2}|\d+\/[\p{L}\d/&-]+)\s*(?:cùng\s+kỳ\s*)?$/iu;
/** What may open a later stage's clause before its year: "; năm 2024", "và năm 2024", "trong đó năm 2023", "từ năm 2023-2025", "đến năm 2025". */
const STAGE_LEAD = /^[\s,;:.–+*•·-]*(?:(?:[a-zđ]|\d{1,2})[).]\s+)?(?:(?:và|còn|riêng|trong\s+đó|từ|đến|tới|đối\s+với|trong|vào|cuối|hết|sang|phấn\s+đấu|mục\s+tiêu|dự\s+kiến)\s+)*$/iu;
const CLAUSE_BREAK = /[,;\n]|\.(?=\s|$)/gu;
/** A yearly step's cue before its number, right after the stage it follows: ", mỗi năm tiếp theo tăng", "và hằng năm tăng thêm ít nhất". */
const STEP_BEFORE = /^[\s,;]*(?:(?:và|sau\s+đó)\s+)?(?:(?:các|những)\s+năm\s+(?:sau|tiếp\s+theo)[\s,]*)?(?:mỗi|hằng|hàng|những|các)\s+năm(?:\s+(?:tiếp\s+theo|sau(?:\s+đó)?|kế\s+tiếp))?[\s,:]*(?:(?:đều|phải)\s+)?(?:tăng|giảm)(?:\s+(?:thêm|ít\s+nhất|tối\s+thiểu|từ))*\s*$/iu;
/** …or after it: ", tăng thêm 10% mỗi năm", "và tăng 5%/năm". */
const STEP_AFTER_GAP = /^[\s,;]*(?:(?:và|sau\s+đó)\s+)?(?:tăng|giảm)(?:\s+(?:thêm|ít\s+nhất|tối\s+thiểu|từ))*\s*$/iu;
const PER_YEAR = /^ ?\(?(?:(?:mỗi|hằng|hàng) năm|\/ ?năm|so với năm (?:trước|liền trước)(?: liền kề)?)\)?/iu;
/** What may follow a step before its clause ends: nothing of another measure ("tăng 5% số lượng dịch vụ công" is not a step). */
const STEP_END = /^ ?(?:[,;.\n–-]|$|(?:và )?(?:(?:phấn đấu|đến|tới|vào|trong) )*năm (?:19|20|21)\d\d)/iu;
const PREVIOUS_YEAR = /^năm (?:trước|liền trước)(?: liền kề)?$/iu;
const NUMBER = /\d+(?:[.,]\d+)*/gu;

/**
 * The targets of one cell with their years, where the cell stages them: two or more checkable
 * targets of different years (or differing figures), or one and a yearly step. Other cells'
 * targets come back as they are (the same array). `s` is the clean text the targets were read
 * from, in order (single spaces: the patterns here take one space where they take any).
 *
 * Conservative on purpose: a figure takes the year written before it (the first figure anywhere
 * before it; a later one only when the year opens its clause: "; năm 2024 đạt 70%"), else the one
 * right after it ("30% năm 2022", "5 sáng kiến năm 2022"). A year further on in a figure's clause
 * ("80% hồ sơ được số hóa trong năm 2024") belongs to what it describes: the figure stays without
 * a year, and the year is not the next figure's (it does not open that figure's clause). Two
 * measures each with a year ("100% TTHC ban hành năm 2022, 20% TTHC năm 2023") are not staged so;
 * a cell left unstaged is checked against its first figure, as before.
 */
export function stageByYear(s: string, found: ParsedTarget[]): ParsedTarget[] {
  if (found.length < 2) return found;
  const spans = numberSpans(s, found);
  if (!spans) return found;
  const labelled = OPENS_WITH_LABEL.test(s);
  const out: ParsedTarget[] = [];
  const seen = new Set<number>();
  let steps = 0;
  let from = 0; // where the words of the next target begin: past the last figure (its unit, and a year read after it)
  let figures = 0; // checkable figures read so far
  let last = -1; // the staged target a step right after it belongs to
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const t = f.threshold;
    const [start, end] = spans[k]!;
    if (t.kind === 'compare' || t.kind === 'range') {
      // A label after a comma only right after a stage: "2025: 100%. Kết quả: 2022: 85%, 2023: 88%" lists past results.
      const before = yearBefore(s, from, start, figures === 0, labelled && last >= 0 ? STAGE_YEAR_LISTED : STAGE_YEAR_AT);
      // …and only a later year than that stage's: "Năm 2025: 100%, 2022: 85%, 2023: 88%" lists past results.
      const listedBack = before?.listed === true && last >= 0 && before.year <= out[last]!.year!;
      const stage = before && !listedBack ? stageYears(s, before) : null;
      let year = stage?.year ?? null;
      const until = stage?.until ?? null;
      figures++;
      from = pastUnit(s, end, t.unit);
      if (year === null) {
        const after = yearRightAfter(s, from);
        if (after) {
          year = after.year;
          from = after.end;
        }
      }
      if (year === null) {
        out.push(f);
        last = -1;
        continue;
      }
      seen.add(year);
      last = out.length;
      out.push(until ? { text: f.text, threshold: t, year, until } : { text: f.text, threshold: t, year });
      continue;
    }
    const step = t.kind === 'relative' && t.atLeast !== undefined && (!t.baseline || PREVIOUS_YEAR.test(t.baseline)) && last >= 0 && last === out.length - 1
      ? stepAt(s, from, start, end, t.atLeast, t.direction, t.unit ?? '')
      : null;
    from = step ? step.end : pastUnit(s, end, t.kind === 'relative' ? (t.unit ?? '') : '');
    if (step && stepFits(out[last]!.threshold, step.step)) {
      out[last] = { ...out[last]!, yearStep: step.step };
      steps++;
    }
    out.push(f);
    last = -1;
  }
  if (seen.size === 1 && steps === 0) return found;
  if (seen.size === 0) return found;
  // A year inside another stage's period is an exception to it, not a stage after it ("Giai đoạn
  // 2021-2025 đạt 100%, riêng năm 2023 đạt 80%": 2024 asks 100%), which stages cannot say.
  // Its last year may be a stage of its own: "giai đoạn 2023-2025 đạt 80%, năm 2025 đạt 100%".
  for (const p of out) if (p.until !== undefined && out.some((x) => x.year !== undefined && x.year > p.year! && x.year < p.until!)) return found;
  // Stages that all ask the same ("100% tổ chức năm 2023, 100% cá nhân năm 2024") leave nothing to choose.
  if (steps === 0) {
    const asks = new Set(out.filter((x) => x.year !== undefined).map((x) => JSON.stringify(x.threshold)));
    if (asks.size < 2) return found;
  }
  return out;
}

/** Past a figure's "%" and "trở lên / xuống", or its unit ("50 hồ sơ"), from its number's end. */
function pastUnit(s: string, end: number, unit: string): number {
  let p = end;
  const skip = (re: RegExp) => {
    const m = re.exec(s.slice(p, p + 40));
    if (m) p += m[0].length;
  };
  skip(/^ ?%/u);
  if (unit && unit !== '%' && s.startsWith(` ${unit}`, p)) p += unit.length + 1;
  skip(/^ ?trở (?:lên|xuống)/iu);
  return p;
}

/** The year right after a figure's unit (from pastUnit): "trong / vào / (" only between; not the next stage's "năm 2024 đạt". */
function yearRightAfter(s: string, from: number): { year: number; end: number } | null {
  let p = from;
  const open = /^ ?[([]/u.exec(s.slice(p, p + 3));
  if (open) p += open[0].length;
  const m = /^ ?(?:(?:trong|vào|đến|tới|cuối|hết) )*năm ((?:19|20|21)\d\d)(?!\d)/iu.exec(s.slice(p, p + 60));
  if (!m) return null;
  const yearEnd = p + m[0].length;
  if (STAGE_START.test(s.slice(yearEnd, yearEnd + 8))) return null;
  return { year: Number(m[1]), end: yearEnd };
}

/** The yearly step a relative figure at [start, end) is, right after the stage before it ([from, start) between them), else null. */
function stepAt(s: string, from: number, start: number, end: number, by: number, direction: YearStep['direction'], unit: string): { step: YearStep; end: number } | null {
  const gapStart = from; // past the stage's figure, unit and year (see stageByYear)
  const gap = s.slice(gapStart, start);
  const cueAt = gapStart + gap.length - gap.replace(/^[\s,;]+/u, '').length;
  // Through its unit: "tăng 10%", "giảm 1 ngày".
  let p = pastUnit(s, end, unit);
  // "mỗi năm", "/năm", "so với năm trước", or two of them ("tăng 5% mỗi năm so với năm trước").
  let perYears = 0;
  for (let m = PER_YEAR.exec(s.slice(p, p + 40)); m && perYears < 2; m = PER_YEAR.exec(s.slice(p, p + 40))) {
    p += m[0].length;
    perYears++;
  }
  if (!STEP_BEFORE.test(gap) && !(STEP_AFTER_GAP.test(gap) && perYears > 0)) return null;
  if (!STEP_END.test(s.slice(p, p + 40))) return null;
  return { step: { by, direction, unit, text: s.slice(cueAt, p).trim().replace(/^(?:và|sau\s+đó)\s+/u, '') }, end: p };
}

/**
 * Where each target's figure is in s: [start, end) of its first number token of the threshold's
 * value (a range: to the end of its upper bound), else the end of its text; null when a target's
 * text is not found in order.
 */
function numberSpans(s: string, found: readonly ParsedTarget[]): [number, number][] | null {
  const out: [number, number][] = [];
  let at = 0;
  for (const t of found) {
    const p = s.indexOf(t.text, at);
    if (p < 0) return null;
    const textEnd = p + t.text.length;
    const th = t.threshold;
    const value = th.kind === 'compare' ? th.value : th.kind === 'range' ? th.min : th.kind === 'relative' ? (th.atLeast ?? null) : null;
    let span: [number, number] = [textEnd, textEnd];
    NUMBER.lastIndex = p;
    for (let m = NUMBER.exec(s); m && m.index < textEnd; m = NUMBER.exec(s)) {
      if (value !== null && !sameNumber(m[0], value)) continue;
      span = [m.index, m.index + m[0].length];
      if (th.kind === 'range') {
        // Its upper bound is the next number that equals it ("70% - 100%", "từ 70 đến 100").
        for (let n = NUMBER.exec(s); n && n.index < textEnd; n = NUMBER.exec(s)) {
          if (sameNumber(n[0], th.max)) {
            span = [m.index, n.index + n[0].length];
            break;
          }
        }
      }
      break;
    }
    out.push(span);
    at = textEnd;
  }
  return out;
}

/** A number token as written ("1,5", "1.000", "1.000,5") is `value`, read either way its marks can mean. */
function sameNumber(token: string, value: number): boolean {
  const near = (v: number) => Math.abs(v - value) < 1e-9;
  if (near(Number(token.replace(',', '.')))) return true;
  const grouped = token.replace(/\.(?=\d{3}(?:\D|$))/gu, '').replace(',', '.'); // "1.000,5" → 1000.5
  return near(Number(grouped)) || near(Number(token.replace(/,(?=\d{3}(?:\D|$))/gu, '')));
}

/**
 * The stage year written before a figure, in s[from, to): the first figure's anywhere before it
 * (not a baseline's, a date's or a document's); a later figure's only where the year opens its
 * clause (STAGE_LEAD before it) and, with no clause break since the figure before, starts a stage
 * ("50% năm 2024 đạt 60%"). "(năm 2022 đạt 87%)" after a stage is a past result, not a stage.
 * `years`: the years a stage may be labelled by (STAGE_YEAR_AT, or STAGE_YEAR_LISTED in a cell
 * that opens with a label); `listed`: the year is a label after a comma (STAGE_YEAR_LISTED's own).
 */
function yearBefore(s: string, from: number, to: number, first: boolean, years: RegExp): { year: number; at: number; end: number; listed: boolean } | null {
  const part = s.slice(from, to);
  let year: { year: number; at: number; end: number; listed: boolean } | null = null;
  // Over s up to the figure, not the part alone: a bare year's line start lies before `from`
  // (and not over the rest of s: that was a scan to its end for every figure).
  const head = s.slice(0, to);
  years.lastIndex = from;
  for (let m = years.exec(head); m; m = years.exec(head)) {
    const at = m.index;
    if (NOT_A_STAGE.test(s.slice(Math.max(0, at - 24), at))) continue;
    // A label after a comma (STAGE_YEAR_LISTED) right after the stage before it: in "năm 2023, 2024: 90%" it is one of a list.
    if (m[4] !== undefined && !/^ ?, ?$/u.test(s.slice(from, at))) continue;
    if (!first) {
      const before = part.slice(0, at - from);
      CLAUSE_BREAK.lastIndex = 0;
      let clauseStart = 0;
      for (let b = CLAUSE_BREAK.exec(before); b; b = CLAUSE_BREAK.exec(before)) clauseStart = b.index;
      if (!STAGE_LEAD.test(before.slice(clauseStart))) continue;
      const after = at + m[0].length;
      if (clauseStart === 0 && !/[,;\n]|\.(?=\s)/u.test(before) && !STAGE_START.test(s.slice(after, after + 8))) continue;
    }
    const y = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    year = { year: Number(y), at, end: m.index + m[0].indexOf(y) + 4, listed: m[4] !== undefined };
  }
  return year;
}

/**
 * The years of a stage whose year yearBefore found: that year, and a period's last ("năm
 * 2022-2023"); or, where it ends a period ("từ năm 2022 đến năm 2023"), the period's first and it.
 */
function stageYears(s: string, y: { year: number; at: number; end: number }): { year: number; until: number | null } {
  const opened = PERIOD_OPENED.exec(s.slice(Math.max(0, y.at - 30), y.at));
  if (opened && Number(opened[1]) < y.year) return { year: Number(opened[1]), until: y.year };
  return { year: y.year, until: periodEnd(s, y.at, y.end, y.year) };
}

/** Right before a stage's year: "từ năm 2022 đến " (or "tới"), the first year of the period it ends. */
const PERIOD_OPENED = /(?<![\p{L}\p{N}])từ\s+năm\s+((?:19|20|21)\d\d)\s+(?:đến|tới)\s+$/iu;

/**
 * The last year of a period whose first year's match runs from `start` to `end` ("năm 2023-2025",
 * "giai đoạn 2024 - 2025", "từ năm 2022 đến năm 2024": "đến" only after "từ"), else null.
 */
function periodEnd(s: string, start: number, end: number, first: number): number | null {
  const from = /(?<![\p{L}\p{N}])từ\s+$/iu.test(s.slice(Math.max(0, start - 8), start));
  const m = (from ? /^\s*(?:[-–—]|(?:đến|tới)\s+(?:năm\s+)?)\s*((?:19|20|21)\d\d)(?!\d)/iu : /^\s*[-–—]\s*((?:19|20|21)\d\d)(?!\d)/u).exec(s.slice(end, end + 20));
  const last = m ? Number(m[1]) : null;
  return last !== null && last > first ? last : null;
}

/** A step moves a bound the way the target points (up for "at least", down for "at most"), in the bound's unit. */
function stepFits(t: Threshold, step: YearStep): boolean {
  if (t.kind !== 'compare' || t.unit !== step.unit) return false;
  return step.direction === 'increase' ? t.op === '>=' || t.op === '>' : t.op === '<=' || t.op === '<';
}

/**
 * The year an appendix's title names as its own ("… PAR INDEX NĂM 2019 (Kèm theo Kế hoạch số
 * 221/KH-UBND ngày 17/6/2019 …)" → 2019), null for a plan over several years ("GIAI ĐOẠN 2022 -
 * 2025") or none. The plan's date, in its "Kèm theo" line, is when it was signed, not assessed.
 */
export function titleYear(title: string): number | null {
  const own = title.replace(/\(\s*kèm\s+theo[^)]*\)?/giu, ' ');
  // A period or a list of years is no single year: "GIAI ĐOẠN 2022 - 2025", "NĂM 2021 VÀ 2022".
  if (/giai\s+đoạn|(?:19|20|21)\d\d\s*(?:[-–—,;]|và|đến|tới)\s*(?:năm\s+)?(?:19|20|21)\d\d/iu.test(own)) return null;
  let year: number | null = null;
  YEAR_AT.lastIndex = 0;
  for (let m = YEAR_AT.exec(own); m; m = YEAR_AT.exec(own)) {
    if (NOT_A_STAGE.test(own.slice(Math.max(0, m.index - 24), m.index))) continue;
    const y = Number(m[1]);
    if (year !== null && year !== y) return null;
    year = y;
  }
  return year;
}

/** A year as hosts take it: a whole number from 1900 to 2199 (a cell's 2024, "2024", " 2024 "), else null. */
export function parseYear(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2199 ? n : null;
}
