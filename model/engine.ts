// The one engine call every host makes: snapshot in, analysis (findings + scores) out.
import { BUILTIN_FRAMEWORKS } from './frameworks';
import type { Framework } from './frameworks/schema';
import { gridSize, MAX_GRID_CELLS, SheetSnapshotSchema } from './grid';
import { renderFinding, uiMessage } from './messages';
import { baselineForYear } from './baseline';
import { readAppendix } from './reader';
import { score } from './score';
import { mergeByCell, validate } from './validate';
import type { Analysis, AnalyzeOptions, JsonReport } from './report-types';
import type { MergeArea, SheetSnapshot } from './types';
import { looksLikeOwnSummary } from './sheet-names';
import { parseYear, titleYear } from './stages';

export function analyzeSheet(snapshot: SheetSnapshot, options: AnalyzeOptions = {}): Analysis {
  const lang = options.lang ?? 'vi';
  const evidencePolicy = options.evidencePolicy ?? 'zero';
  const parsed = parseSnapshot(snapshot);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; ');
    return failed(typeof (snapshot as { name?: unknown })?.name === 'string' ? snapshot.name : '', lang, evidencePolicy, 'bad-snapshot', { detail });
  }
  const snap = parsed.data as SheetSnapshot;
  // parscore's own summary sheets look like tables too; analysing them would score the scores. By
  // name and content: an officer's appendix may well be called "Tổng hợp điểm".
  if (looksLikeOwnSummary(snap.name, snap.values)) return failed(snap.name, lang, evidencePolicy, 'no-table', { sheet: snap.name }, 'own-sheet');
  const size = gridSize(snap);
  if (size.cells > MAX_GRID_CELLS) {
    const p = { sheet: snap.name, rows: String(size.rows), cols: String(size.cols), limit: String(MAX_GRID_CELLS) };
    return failed(snap.name, lang, evidencePolicy, 'bad-snapshot', p, 'too-large');
  }
  if (!snap.values.some((r) => r.some((v) => v !== null && v !== undefined && v !== ''))) {
    return failed(snap.name, lang, evidencePolicy, 'empty-sheet', { sheet: snap.name });
  }
  const read = readAppendix(snap, options);
  if (!read.found || read.appendix.items.length === 0) {
    const refused = failed(snap.name, lang, evidencePolicy, 'no-table', { sheet: snap.name });
    // A header found but refused for want of its STT column comes with its columns: hosts offer
    // to map it by hand. (A header with its STT column but no rows below is just an empty table.)
    if (!read.found && read.appendix.columns.length) refused.appendix = read.appendix;
    return refused;
  }
  const a = read.appendix;
  const framework = options.framework !== undefined ? options.framework : pickFramework(a.frameworkId);
  // A framework given by the caller is the one checked against, so the one every host names.
  if (options.framework !== undefined) a.frameworkId = options.framework?.id ?? null;
  const given = parseYear(options.year);
  const titled = given ?? titleYear(a.title);
  // The default only for a table without a title ("GIAI ĐOẠN 2021 - 2025" names no single year on purpose).
  const year = titled ?? (a.title.trim() === '' ? parseYear(options.defaultYear) : null);
  const yearFrom = given !== null ? 'option' : titled !== null ? 'title' : year !== null ? 'default' : null;
  // A PAPI line's target rank for the year assessed, where the plan sets one year by year.
  if (year !== null) for (const it of a.items) if (it.baseline) it.baseline = baselineForYear(it.baseline, year);
  const v = validate(a, evidencePolicy, framework, year);
  const findings = mergeByCell(read.findings, v.findings); // v.findings come sorted
  return { ok: true, error: null, sheet: snap.name, index: a.index, lang, evidencePolicy, year, yearFrom, appendix: a, findings, score: score(a, { findings, checks: v.checks }) };
}

/** Every SheetSnapshot field, which parseSnapshot copies one by one (checked both ways below). */
type SnapshotKey = 'name' | 'values' | 'merges' | 'origin' | 'extent';
const SNAPSHOT_KEYS_COMPLETE: [Exclude<keyof SheetSnapshot, SnapshotKey>, Exclude<SnapshotKey, keyof SheetSnapshot>] extends [never, never] ? true : never = true;
void SNAPSHOT_KEYS_COMPLETE;

/**
 * SheetSnapshotSchema.safeParse without its copy of every row (10,000 arrays for a large sheet)
 * and of every merge: rows and merges are checked by hand, the rest by zod; on any problem the
 * full parse runs, so errors read exactly as before. Rows and merges are used as given (the
 * engine never writes to them).
 */
function parseSnapshot(snapshot: SheetSnapshot): ReturnType<typeof SheetSnapshotSchema.safeParse> {
  const values = (snapshot as { values?: unknown } | null | undefined)?.values;
  if (Array.isArray(values)) {
    let rows = true;
    for (let i = 0; i < values.length && rows; i++) rows = Array.isArray(values[i]);
    if (rows) {
      // Literals, not spreads: a spread's shape is made per call and dies at full GCs, taking the
      // optimized code that saw it along (see RowReader in reader.ts). SnapshotKey makes a new
      // SheetSnapshot field a compile error here rather than a field silently dropped.
      const s = snapshot as SheetSnapshot;
      const plain = plainMerges(s.merges);
      const rest = SheetSnapshotSchema.safeParse({ name: s.name, values: [], merges: plain ? [] : s.merges, origin: s.origin, extent: s.extent });
      if (rest.success) {
        const d = rest.data;
        const data = { name: d.name, values: values as unknown[][], merges: plain ?? d.merges, origin: d.origin, extent: d.extent };
        return { success: true, data } as ReturnType<typeof SheetSnapshotSchema.safeParse>;
      }
    }
  }
  return SheetSnapshotSchema.safeParse(snapshot);
}

/** The merges as given when each is what MergeSchema accepts (four safe integers ≥ 1), else null. */
function plainMerges(merges: unknown): MergeArea[] | null {
  if (!Array.isArray(merges)) return null;
  for (const m of merges as unknown[]) {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return null;
    const { top, left, bottom, right } = m as Record<string, unknown>;
    if (!isPosInt(top) || !isPosInt(left) || !isPosInt(bottom) || !isPosInt(right)) return null;
  }
  return merges as MergeArea[];
}

const isPosInt = (x: unknown): boolean => Number.isSafeInteger(x) && (x as number) >= 1;

function pickFramework(id: string | null): Framework | null {
  return id ? (BUILTIN_FRAMEWORKS.find((f) => f.id === id) ?? null) : null;
}

function failed(
  sheet: string,
  lang: Analysis['lang'],
  evidencePolicy: Analysis['evidencePolicy'],
  code: 'bad-snapshot' | 'no-table' | 'empty-sheet',
  params: Record<string, string>,
  messageKey: Parameters<typeof uiMessage>[1] = code,
): Analysis {
  const empty = readAppendix({ name: sheet, values: [], merges: [] }).appendix;
  return {
    ok: false,
    error: { code, message: uiMessage(lang, messageKey, { sheet, ...params }) },
    sheet,
    index: 'unknown',
    lang,
    evidencePolicy,
    year: null,
    yearFrom: null,
    appendix: empty,
    findings: [],
    score: { totals: { max: 0, claimed: 0, accepted: 0, atRisk: 0, indexPercent: null }, fields: [], agencies: [], tasks: [], taskCount: 0 },
  };
}

/** Pick the appendix sheet of a workbook: the named one, else the one with the largest table. */
export function analyzeWorkbook(sheets: SheetSnapshot[], options: AnalyzeOptions & { sheet?: string } = {}): Analysis {
  if (options.sheet !== undefined) {
    const s = sheets.find((x) => x.name === options.sheet);
    if (!s) return failed(options.sheet, options.lang ?? 'vi', options.evidencePolicy ?? 'zero', 'no-table', { sheet: options.sheet });
    return analyzeSheet(s, options);
  }
  let best: Analysis | null = null;
  for (const s of sheets) {
    const a = analyzeSheet(s, options);
    if (!best || (a.ok && (!best.ok || a.appendix.items.length > best.appendix.items.length))) best = a;
  }
  return best ?? failed('', options.lang ?? 'vi', options.evidencePolicy ?? 'zero', 'empty-sheet', { sheet: '' });
}

export function toJsonReport(a: Analysis, file: string, lang = a.lang): JsonReport {
  const t = a.score.totals;
  return {
    file,
    sheet: a.sheet,
    index: a.index,
    framework: a.appendix.frameworkId,
    year: a.year,
    yearFrom: a.yearFrom,
    score: { max: t.max, claimed: t.claimed, accepted: t.accepted, atRisk: t.atRisk, indexPercent: t.indexPercent },
    fields: a.score.fields,
    agencies: a.score.agencies,
    tasks: a.score.tasks,
    taskCount: a.score.taskCount,
    findings: a.findings.map((f) => renderFinding(f, lang)),
  };
}
