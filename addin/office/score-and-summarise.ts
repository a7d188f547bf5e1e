// The "Chấm điểm & tổng hợp" command over Office.js, in exactly two syncs for a normal appendix:
//   sync 1 — read: active sheet values + formulas + position + merges (within READ_WINDOW, and
//            the used range's size), sheet names, parscore's state, the sheet's conditional formats;
//            a sheet whose data reaches beyond READ_WINDOW costs one more read sync;
//   (pure)  — analyse, build summary tables and inline marks, plan what to remove;
//   sync 2 — write: remove parscore's old columns/rules and the summaries no longer written,
//            rewrite its summary sheets in place (or add them), write the marks, save state.
// A write batch is split (one more sync each) only past ~4 MB of payload. One more read sync, at
// most, between the two: when the officer has notes or comments of their own on the sheet (with
// ExcelApi 1.18 the offending cells get notes, notes.ts), and when sheets are named like the
// summaries (their top rows tell parscore's from the officer's: ownership.ts queueSummaryCheck).
// With `summaries: false` it is the task pane's "Kiểm tra": the same two syncs, inline marks only.
import {
  analyzeSheet,
  buildCellNotes,
  buildInlineMarks,
  buildSummaryTables,
  gridSize,
  MAX_GRID_CELLS,
  placeInlineMarks,
  type Analysis,
  type AnalyzeOptions,
  type EvidencePolicy,
  type InlineMarks,
  type Lang,
  type SheetSnapshot,
  type SummaryTable,
} from '../../model';
import { columnLetter } from '../../model/text';
import { layoutSummaryTable } from './layout';
import { queueAddNotes, queueDeleteNotes } from './notes';
import { queueSummaryCheck } from './ownership';
import { readActiveSheetAndOwnership } from './recognise';
import { BatchBudget, MAX_BATCH_BYTES } from './payload';
import { officeSupports, TOO_LARGE_HINT, type Supports } from './snapshot';
import { locateOwnColumns, planSummarySheets, sameSheetName, type ParscoreState } from './state';
import {
  queueClearColumns,
  queueDeleteConditionalFormats,
  queueDeleteNames,
  queueDeleteSheets,
  queueInlineMarks,
  queueRewriteSummarySheet,
  queueSaveState,
  queueSummarySheet,
  ADD_SHEET_TRACE,
  SHEET_ADDED_TRACE,
  type Writer,
} from './write';

export interface CommandEngine {
  analyzeSheet(snapshot: SheetSnapshot, options?: AnalyzeOptions): Analysis;
  buildSummaryTables(a: Analysis, lang?: Lang): SummaryTable[];
  buildInlineMarks(a: Analysis, lang?: Lang): InlineMarks | null;
}

export interface ScoreCommandOptions {
  lang: Lang;
  evidencePolicy?: EvidencePolicy;
  /** The assessment year (targets staged by year); absent or null: the year the table's title names. */
  year?: number | null;
  /** Manual column mapping of a sheet (the task pane's correction, stored in the workbook). */
  columnsFor?: (sheet: string) => AnalyzeOptions['columns'] | undefined;
  /** false: check and mark inline only, leave the summary sheets as they are (default true). */
  summaries?: boolean;
  supports?: Supports;
  maxBatchBytes?: number;
  engine?: CommandEngine;
}

export type CommandStatus = 'done' | 'not-appendix' | 'summary-sheet-active' | 'empty-sheet' | 'too-large';

export interface CommandResult {
  status: CommandStatus;
  ok: boolean;
  sheet: string;
  message: string;
  /** context.sync() calls this command made. */
  syncs: number;
  /** Summary sheets written, in order. */
  sheets: string[];
  analysis: Analysis | null;
}

const MESSAGES: Record<Lang, Record<CommandStatus, (p: { sheet: string; detail: string; n: number }) => string>> = {
  vi: {
    done: (p) => `Đã kiểm tra trang "${p.sheet}": ${p.n} vấn đề. Đã ghi: ${p.detail}.`,
    'not-appendix': (p) => `Trang "${p.sheet}" không phải phụ lục kế hoạch: ${p.detail}`,
    'summary-sheet-active': (p) => `Trang "${p.sheet}" là trang tổng hợp do parscore tạo; hãy mở trang phụ lục rồi chạy lại.`,
    'empty-sheet': (p) => `Trang "${p.sheet}" đang trống.`,
    'too-large': (p) => `${p.detail}. ${TOO_LARGE_HINT.vi}`,
  },
  en: {
    done: (p) => `Checked sheet "${p.sheet}": ${p.n} issues. Wrote: ${p.detail}.`,
    'not-appendix': (p) => `Sheet "${p.sheet}" is not a plan appendix: ${p.detail}`,
    'summary-sheet-active': (p) => `Sheet "${p.sheet}" is a parscore summary sheet; open the appendix sheet and run again.`,
    'empty-sheet': (p) => `Sheet "${p.sheet}" is empty.`,
    'too-large': (p) => `${p.detail}. ${TOO_LARGE_HINT.en}`,
  },
};

const CHECKED: Record<Lang, (p: { sheet: string; n: number; col: string }) => string> = {
  vi: (p) => `Đã kiểm tra trang "${p.sheet}": ${p.n} vấn đề.` + (p.col ? ` Kết quả ghi ở cột ${p.col}.` : ''),
  en: (p) => `Checked sheet "${p.sheet}": ${p.n} issues.` + (p.col ? ` Results are in column ${p.col}.` : ''),
};

const DEFAULT_ENGINE: CommandEngine = { analyzeSheet, buildSummaryTables, buildInlineMarks };

/**
 * Sheet names Excel holds but does not list among worksheets: a chart sheet is not in
 * `workbook.worksheets` (Office.js has no chart-sheet API), so a summary planned under its name
 * fails at `worksheets.add` with ItemAlreadyExists. The command then runs again from its read,
 * with that name taken; a normal run pays nothing for this.
 */
interface NameConflicts {
  /** Names found taken by a failed add. */
  hidden: string[];
  /** The new sheets the failed attempt meant to add, in the order it added them. */
  tried: string[];
  /** The name the failed add traced (queueSummarySheet), when the host reports traces. */
  failedName: string | null;
  /** Sheets failed attempts added before their failing add: parscore's, whatever their name. */
  created: string[];
  /** The failed attempt's error, rethrown when the retry cannot name the sheet it failed on. */
  error: unknown;
}

/** Retries for taken names: each must find a new one, so this only bounds a pathological workbook. */
const MAX_NAME_RETRIES = 8;

const isNameTaken = (e: unknown): boolean => (e as { code?: unknown } | null)?.code === 'ItemAlreadyExists';

/**
 * What the error's traces (OfficeExtension.Error.traceMessages: those run before the error) say
 * failed: the sheet of an add traced last without its "added" after it; null when the failure was
 * elsewhere (after an add went through, or before any); undefined when the host reports no traces.
 */
function tracedAdd(e: unknown): string | null | undefined {
  const traces = (e as { traceMessages?: unknown } | null)?.traceMessages;
  if (!Array.isArray(traces)) return undefined;
  for (let i = traces.length - 1; i >= 0; i--) {
    const t: unknown = traces[i];
    if (t === SHEET_ADDED_TRACE) return null;
    if (typeof t === 'string' && t.startsWith(ADD_SHEET_TRACE)) return t.slice(ADD_SHEET_TRACE.length);
  }
  return null;
}

export async function scoreAndSummarise(context: Excel.RequestContext, options: ScoreCommandOptions): Promise<CommandResult> {
  const budget = new BatchBudget(context, options.maxBatchBytes ?? MAX_BATCH_BYTES);
  const conflicts: NameConflicts = { hidden: [], tried: [], failedName: null, created: [], error: null };
  for (let attempt = 0; ; attempt++) {
    const adding: string[] = [];
    try {
      return await scoreOnce(context, options, budget, conflicts, adding);
    } catch (e) {
      // Ops before a failed one in a batch have run: the retry reads the workbook as it now is.
      if (!isNameTaken(e) || !adding.length || attempt >= MAX_NAME_RETRIES) throw e;
      // Another operation whose item exists (a note on a cell a co-author has just noted): not ours to retry.
      const traced = typeof context.trace === 'function' ? tracedAdd(e) : undefined; // as queueSummarySheet traces
      if (traced === null) throw e;
      conflicts.tried = adding;
      conflicts.failedName = traced ?? null;
      conflicts.error = e;
    }
  }
}

async function scoreOnce(
  context: Excel.RequestContext,
  options: ScoreCommandOptions,
  budget: BatchBudget,
  conflicts: NameConflicts,
  adding: string[],
): Promise<CommandResult> {
  const { lang } = options;
  const supports = options.supports ?? officeSupports;
  const engine = options.engine ?? DEFAULT_ENGINE;
  const summaries = options.summaries !== false;
  const result = (status: CommandStatus, sheet: string, extra: Partial<CommandResult> & { detail?: string; n?: number } = {}): CommandResult => ({
    status,
    ok: status === 'done',
    sheet,
    message: MESSAGES[lang][status]({ sheet, detail: extra.detail ?? '', n: extra.n ?? 0 }),
    syncs: budget.syncs,
    sheets: extra.sheets ?? [],
    analysis: extra.analysis ?? null,
  });

  // ---- sync 1: every read (a second only for data beyond READ_WINDOW, see snapshot.ts) ----
  const { sheet: activeSheet, read, owned, summarySheet, notes: pendingNotes } = await readActiveSheetAndOwnership(
    context,
    supports,
    () => budget.sync(),
    true,
    true,
  );
  const snapshot = read.snapshot;
  const state = owned.state();
  const listed = owned.sheetNames();
  if (conflicts.tried.length) {
    // The failed add: the one it traced, else the first sheet the attempt meant to add that is
    // still not listed (the adds before it ran). No new name found: give the error up.
    const isListed = (n: string) => listed.some((l) => sameSheetName(l, n));
    const failed = conflicts.failedName ?? conflicts.tried.find((n) => !isListed(n));
    // A traced name now listed was added after all: the failure was not that name's.
    if (failed === undefined || isListed(failed) || conflicts.hidden.some((h) => sameSheetName(h, failed))) throw conflicts.error;
    conflicts.hidden.push(failed);
    // Kept from every failed attempt: a sheet one made and the next rewrote stays parscore's.
    for (const n of conflicts.tried) if (isListed(n) && !sameSheetName(n, failed)) conflicts.created.push(n);
    conflicts.tried = [];
  }
  // Taken names for planning only: a hidden (chart) sheet has no cells to read.
  const taken = [...listed, ...conflicts.hidden];
  if (summarySheet) return result('summary-sheet-active', snapshot.name);
  if (snapshot.values.length === 0 && !snapshot.extent) return result('empty-sheet', snapshot.name);

  // ---- pure: analyse and plan ----
  const columns = options.columnsFor?.(snapshot.name);
  const analysis = engine.analyzeSheet(snapshot, {
    lang,
    ...(options.evidencePolicy ? { evidencePolicy: options.evidencePolicy } : {}),
    ...(options.year ? { year: options.year } : {}),
    ...(columns ? { columns } : {}),
  });
  if (!analysis.ok) {
    const status = gridSize(snapshot).cells > MAX_GRID_CELLS ? 'too-large' : 'not-appendix';
    return result(status, snapshot.name, { detail: analysis.error?.message ?? '', analysis });
  }
  const tables = summaries ? engine.buildSummaryTables(analysis, lang) : [];
  const oldCols = locateOwnColumns(snapshot, state.marks[snapshot.name]);
  const origin = snapshot.origin ?? { row: 1, col: 1 };
  const lastRow = origin.row + snapshot.values.length - 1;
  // The status columns go where nothing of the officer's is (the CLI's rule): no value, formula or
  // merge; parscore's old columns are cleared below, so their cells do not count.
  const own = oldCols ? { cols: oldCols.cols, fromRow: oldCols.headerRow, toRow: lastRow } : null;
  const marks = placeInlineMarks(
    analysis,
    lang,
    (m) => ({ merges: snapshot.merges, filled: read.filledColumns(m.statusCol, own) }),
    (a, l) => engine.buildInlineMarks(a, l),
  );
  // Which existing summary sheets are parscore's, by content (a read only when a sheet has a
  // summary's name), in the same read sync as the officer's notes when there is one.
  const check = summaries ? queueSummaryCheck(context, listed, owned.recordedSummaries(), supports) : null;
  let read2 = false;
  const sync2 = async () => {
    read2 = true;
    await budget.sync();
  };
  // Notes (ExcelApi 1.18): one more read sync only when the officer has notes or comments here.
  const notesOnSheet = pendingNotes ? await pendingNotes.resolve(sync2) : null;
  if (check?.pending && !read2) await sync2();
  const plan = check
    ? planSummarySheets(
        tables.map((t) => t.sheetName),
        taken,
        [...check.owned(), ...conflicts.created],
      )
    : { targets: state.summarySheets.slice(), reuse: [], remove: [] };
  // Each summary rewrites parscore's sheet of that name in place; one whose cells cannot be
  // cleared (protected, a PivotTable on it) is deleted and added again, as every summary was before.
  const inPlace = plan.reuse.map((name) => {
    const c = name !== null ? check?.contents(name) : null;
    return c && !c.blocked ? { ...c, name: name! } : null;
  });
  const remove = [...plan.remove, ...plan.reuse.filter((n, i): n is string => n !== null && !inPlace[i])];
  const ruleCols = [...(oldCols?.cols ?? []), ...(marks ? [marks.codesCol] : [])];
  if (check) adding.push(...plan.targets.filter((_, i) => !inPlace[i]));

  // ---- sync 2: every write ----
  const w: Writer = { context, budget, supports };
  await queueDeleteConditionalFormats(w, owned.formatsReferencing(ruleCols));
  if (oldCols) await queueClearColumns(w, activeSheet, oldCols.cols, oldCols.headerRow, lastRow);
  await queueDeleteSheets(w, remove);
  if (check) await queueDeleteNames(w, owned.summaryMarkers());
  for (let i = 0; i < tables.length; i++) {
    const layout = layoutSummaryTable(tables[i]!, lang);
    const old = inPlace[i];
    if (old) await queueRewriteSummarySheet(w, old, plan.targets[i]!, layout, tables[i]!.chart);
    else await queueSummarySheet(w, plan.targets[i]!, layout, tables[i]!.chart);
  }
  if (marks) await queueInlineMarks(w, activeSheet, marks);
  if (notesOnSheet) {
    await queueDeleteNotes(w, notesOnSheet.ours);
    if (marks) await queueAddNotes(w, activeSheet, buildCellNotes(analysis, lang, snapshot.merges), notesOnSheet.taken);
  }
  const next: ParscoreState = {
    ...state,
    v: 1,
    summarySheets: plan.targets.slice(),
    marks: { ...state.marks },
  };
  if (marks) {
    next.marks[snapshot.name] = {
      headerRow: marks.headerRow,
      statusHeader: marks.statusHeader,
      codesHeader: marks.codesHeader,
      statusCol: marks.statusCol,
      codesCol: marks.codesCol,
    };
  } else delete next.marks[snapshot.name];
  await queueSaveState(w, next);
  activeSheet.activate();
  await budget.sync();

  if (!summaries) {
    const col = marks ? columnLetter(marks.statusCol) : '';
    return { ...result('done', snapshot.name, { analysis }), message: CHECKED[lang]({ sheet: snapshot.name, n: analysis.findings.length, col }) };
  }
  return result('done', snapshot.name, {
    sheets: plan.targets,
    analysis,
    n: analysis.findings.length,
    detail: plan.targets.map((s) => `"${s}"`).join(', '),
  });
}
