// The CLI's commands as plain async functions (main.ts only parses arguments and exits).
import fs from 'node:fs';
import path from 'node:path';
import {
  parseFramework,
  sameSheetName,
  toJsonReport,
  type Analysis,
  type EvidencePolicy,
  type Framework,
  type Lang,
} from '../model';
import { CliError } from './errors';
import { collectGarbage } from './memory';
import { findingsCsv } from './csv';
import { englishCount, textReport } from './report';
import { clearMarks, ownParts, WRITE_OPTIONS } from '../xlsx/write';
import { analyzeExcelWorkbook, applyScore, scoreAdditions } from '../xlsx/score-workbook';
import { clearPatch, danglingNamesPatch, type OwnParts } from './patch/clear-patch';
import { scorePatch } from './patch/score-patch';
import { readWorkbookParts } from './patch/workbook-parts';
import { PatchUnsupported } from './patch/xml';
import { checkOutput, DEFAULT_LIMITS, loadWorkbook, openWorkbookBytes, saveBytes, saveWorkbook, type OpenLimits } from './workbook-io';
import type ExcelJS from 'exceljs';

export interface CommonOptions {
  sheet?: string;
  lang: Lang;
  policy: EvidencePolicy;
  framework?: string;
  strict?: boolean;
  limits?: OpenLimits;
  /** Assessment year (targets staged by year); absent: the year the table's title names. */
  year?: number;
}

export interface CommandResult {
  stdout: string;
  exitCode: number;
  analysis?: Analysis;
}

function loadFramework(file: string | undefined): Framework | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('not-found', { file });
    throw new CliError('bad-framework', { file, reason: code === 'EISDIR' ? 'EISDIR' : code === 'EACCES' || code === 'EPERM' ? 'read-denied' : 'unreadable', detail: code ?? '' });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    // Where the JSON breaks, as an editor shows it (line and column), in the officer's language.
    const at = Number(/position (\d+)/.exec(String((e as Error).message))?.[1]);
    const before = Number.isFinite(at) ? text.slice(0, at).split('\n') : null;
    const where = before ? { line: before.length, column: before[before.length - 1]!.length + 1 } : null;
    throw new CliError('bad-framework', {
      file,
      detail_vi: `không phải JSON hợp lệ${where ? ` (lỗi ở dòng ${where.line}, cột ${where.column})` : ''}`,
      detail_en: `not valid JSON${where ? ` (error at line ${where.line}, column ${where.column})` : ''}`,
    });
  }
  const r = parseFramework(json);
  if (!r.ok) {
    // The validator's own words name the field (nodes[3].max …); in Vietnamese they are framed as such.
    const errors = r.errors.slice(0, 3).join('; ');
    throw new CliError('bad-framework', { file, detail_vi: `nội dung không đúng mẫu khung chỉ số (chi tiết: ${errors})`, detail_en: errors });
  }
  return r.framework;
}

export async function analyzeFile(file: string, o: CommonOptions): Promise<{ wb: ExcelJS.Workbook; bytes: Buffer; analysis: Analysis; framework: Framework | undefined }> {
  const framework = loadFramework(o.framework);
  const { wb, bytes } = await openWorkbookBytes(file, o.limits ?? DEFAULT_LIMITS);
  return { wb, bytes, analysis: analyzeLoaded(wb, file, o, framework), framework };
}

function analyzeLoaded(wb: ExcelJS.Workbook, file: string, o: CommonOptions, framework: Framework | undefined): Analysis {
  const sheet = o.sheet === undefined ? undefined : sheetNamed(wb, o.sheet);
  if (sheet === null) {
    throw new CliError('no-sheet', { sheet: o.sheet!, file, sheets: wb.worksheets.map((w) => `"${w.name}"`).join(', ') });
  }
  const opts = { lang: o.lang, evidencePolicy: o.policy, ...(o.year !== undefined ? { year: o.year } : {}), ...(framework ? { framework } : {}), ...(sheet !== undefined ? { sheet } : {}) };
  const analysis = analyzeExcelWorkbook(wb, opts);
  if (!analysis.ok) throw new CliError('no-table', { detail: analysis.error?.message ?? '' });
  return analysis;
}

/**
 * The workbook's name for the sheet asked for: as typed, else as Excel would find it (case aside)
 * and as typed on a keyboard that composes accents separately (Unikey's "Unicode tổ hợp").
 */
function sheetNamed(wb: ExcelJS.Workbook, asked: string): string | null {
  if (wb.worksheets.some((w) => w.name === asked)) return asked;
  const nfc = asked.normalize('NFC');
  return wb.worksheets.find((w) => sameSheetName(w.name.normalize('NFC'), nfc))?.name ?? null;
}

function exitFor(a: Analysis, strict: boolean | undefined): number {
  return strict && a.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export async function check(file: string, o: CommonOptions & { json?: boolean; csv?: boolean }): Promise<CommandResult> {
  if (o.json && o.csv) throw new CliError('usage', { detail: '--json / --csv' });
  const { analysis, exitCode } = await checkQuietly(file, o);
  const stdout = o.json
    ? JSON.stringify(toJsonReport(analysis, file, o.lang), null, 2)
    : o.csv
      ? findingsCsv(analysis, o.lang)
      : textReport(analysis, file, o.lang);
  return { stdout, exitCode, analysis };
}

/** check without a report (stdout ""): for a caller that prints the analysis its own way (the batch's CSV). */
export async function checkQuietly(file: string, o: CommonOptions): Promise<CommandResult & { analysis: Analysis }> {
  const { analysis } = await analyzeFile(file, o);
  return { stdout: '', exitCode: exitFor(analysis, o.strict), analysis };
}

/**
 * Score: the input's copy with inline marks and the three summary sheets; never the input itself.
 * The copy is the input's zip with only the parts parscore changes rewritten (cli/patch); a
 * workbook that already holds parscore's marks, or anything the patch writer does not handle,
 * goes through ExcelJS's load-and-save instead.
 */
export async function scoreFile(file: string, out: string, o: CommonOptions): Promise<CommandResult> {
  checkOutput(out); // before the reading: a wrong output name is told at once
  const prepared = await prepareScore(file, o);
  const { bytes, additions, own, framework } = prepared;
  let analysis: Analysis | null = prepared.analysis;
  if (own) {
    // Scored before: the copy is analysed again once cleared, so this first analysis (~30 MB at
    // 50,000 rows) need not stay alive through that second read. The fallback below analyses
    // again if it needs one.
    prepared.analysis = null;
    analysis = null;
  }
  // ExcelJS's model is garbage now: collect it before the copy is built (or the copy read again).
  collectAfterLarge(bytes);
  let patched: Buffer | null = null;
  try {
    if (additions && analysis) patched = scorePatch(bytes, { sheet: analysis.sheet, ...additions });
    else if (own) {
      // Scored before: its own marks taken out by the patch writer, then scored as a fresh copy,
      // so the officer's charts and Excel 2010 validations survive a second run too.
      const again = await rescorePatched(own, bytes, file, o, framework);
      patched = again.bytes;
      analysis = again.analysis;
    }
  } catch (e) {
    if (!(e instanceof PatchUnsupported)) throw e;
  }
  if (patched && analysis) await saveBytes(patched, out, file);
  else {
    // What the patch writers do not handle: ExcelJS's load-and-save (read again: one workbook in memory at a time).
    const wb = await loadWorkbook(bytes, file);
    analysis ??= analyzeLoaded(wb, file, o, framework); // the framework as read the first time
    applyScore(wb, analysis);
    await saveWorkbook(wb, out, file);
  }
  const done = o.lang === 'vi' ? `Đã ghi ${out}` : `Wrote ${out}`;
  return { stdout: `${textReport(analysis, file, o.lang, 20)}\n\n${done}`, exitCode: exitFor(analysis, o.strict), analysis };
}

/** Inputs from this size (packed; ~1,000 appendix rows) get a collection between reading and writing. */
const LARGE_INPUT_BYTES = 256 * 1024;

/** A full collection (cli/memory.ts) when the workbook's bytes are over LARGE_INPUT_BYTES: what the step before left is garbage now. */
function collectAfterLarge(bytes: Uint8Array): void {
  if (bytes.length > LARGE_INPUT_BYTES) collectGarbage();
}

/**
 * The analysis and what the patch writer adds, or (a workbook scored before) what of it is
 * parscore's; ExcelJS's model of the workbook is not kept, so it can be collected before the copy
 * is built.
 */
async function prepareScore(file: string, o: CommonOptions): Promise<{ bytes: Buffer; analysis: Analysis | null; framework: Framework | undefined; additions: ReturnType<typeof scoreAdditions>; own: OwnParts | null }> {
  const { wb, bytes, analysis, framework } = await analyzeFile(file, o);
  const additions = scoreAdditions(wb, analysis);
  return { bytes, analysis, framework, additions, own: additions ? null : ownParts(wb) };
}

/** The workbook's bytes and what of it is parscore's (its ExcelJS model not kept). */
async function ownPartsOf(file: string, limits: OpenLimits): Promise<{ bytes: Buffer; own: OwnParts }> {
  const { wb, bytes } = await openWorkbookBytes(file, limits);
  return { bytes, own: ownParts(wb) };
}

/** A scored workbook scored again through the patch writers: cleared, read again, scored (throws PatchUnsupported). */
async function rescorePatched(own: OwnParts, bytes: Buffer, file: string, o: CommonOptions, framework: Framework | undefined): Promise<{ bytes: Buffer; analysis: Analysis }> {
  const cleared = clearPatch(bytes, own, true); // the summaries come back under their names
  // Clearing leaves its working strings behind (~350 MB of heap for a 50,000-row scored copy):
  // collected before ExcelJS reads the cleared copy, or both peak together (re-score peak RSS
  // 1.01–1.11 GB → 0.73–0.89 GB at 50,000 rows, measured).
  collectAfterLarge(cleared.bytes);
  const { analysis, additions } = await analyzeCleared(cleared.bytes, file, o, framework);
  if (!additions) throw new PatchUnsupported('marks left after clearing');
  // The cleared copy's ExcelJS model is garbage now: collect it before the copy is built, as scoreFile does.
  collectAfterLarge(cleared.bytes);
  const scored = scorePatch(cleared.bytes, { sheet: analysis.sheet, ...additions, recalcOnLoad: own.sheets.length > 0 });
  // A summary the officer had renamed comes back under parscore's name: a name of theirs into
  // the old one now points at a sheet that is gone, and reads #REF! as clear makes it.
  const back = readWorkbookParts(scored).sheets.map((x) => x.name);
  const gone = own.sheets.filter((n) => !back.some((b) => sameSheetName(b, n)));
  return { bytes: gone.length ? danglingNamesPatch(scored, gone).bytes : scored, analysis };
}

/** The cleared copy read and analysed; its ExcelJS model not kept (a frame of its own, so nothing holds it). */
async function analyzeCleared(buf: Buffer, file: string, o: CommonOptions, framework: Framework | undefined): Promise<{ analysis: Analysis; additions: ReturnType<typeof scoreAdditions> }> {
  const fresh = await loadWorkbook(buf, file);
  const analysis = analyzeLoaded(fresh, file, o, framework); // the framework as read the first time
  return { analysis, additions: scoreAdditions(fresh, analysis) };
}

export async function clearFile(file: string, out: string, o: Pick<CommonOptions, 'lang' | 'limits'>): Promise<CommandResult> {
  checkOutput(out);
  const { bytes, own } = await ownPartsOf(file, o.limits ?? DEFAULT_LIMITS);
  // ExcelJS's model is garbage now: collect it before the copy is built.
  collectAfterLarge(bytes);
  let r: { sheets: number; columns: number; rules: number; names?: string[] };
  try {
    const cleared = clearPatch(bytes, own);
    await saveBytes(cleared.bytes, out, file);
    r = cleared;
  } catch (e) {
    if (!(e instanceof PatchUnsupported)) throw e;
    // Read again for ExcelJS's load-and-save: one workbook in memory at a time.
    const wb = await loadWorkbook(bytes, file);
    const marks = clearMarks(wb);
    const fixed = danglingNamesPatch(Buffer.from(await wb.xlsx.writeBuffer(WRITE_OPTIONS)), own.sheets);
    await saveBytes(fixed.bytes, out, file);
    r = { ...marks, names: fixed.names };
  }
  const msg =
    o.lang === 'vi'
      ? `Đã xóa ${r.sheets} trang tổng hợp, ${r.columns} cột trạng thái, ${r.rules} quy tắc tô màu → ${out}`
      : `Removed ${englishCount(r.sheets, 'summary sheet')}, ${englishCount(r.columns, 'status column')}, ${englishCount(r.rules, 'highlight rule')} → ${out}`;
  // Names of the officer's that pointed into a removed summary: said, as Excel would show them.
  const names = r.names?.length
    ? o.lang === 'vi'
      ? `\nTên (Name Manager) trỏ vào trang tổng hợp đã xóa, nay là #REF! như Excel tự làm khi xóa trang: ${r.names.join(', ')}`
      : `\nNames (Name Manager) that pointed into a removed summary now read #REF!, as Excel makes them when a sheet is deleted: ${r.names.join(', ')}`
    : '';
  return { stdout: msg + names, exitCode: 0 };
}

/** Where the bundled example lives, from the source tree or the compiled lib/ tree. */
export function examplePath(): string {
  const candidates = [path.resolve(__dirname, '../examples'), path.resolve(__dirname, '../../examples')];
  const dir = candidates.find((d) => fs.existsSync(path.join(d, EXAMPLE))) ?? candidates[0]!;
  return path.join(dir, EXAMPLE);
}

export const EXAMPLE = 'laocai-2019-tu-danh-gia.xlsx';

export async function demo(o: CommonOptions): Promise<CommandResult> {
  const input = examplePath();
  const out = path.join(path.dirname(input), 'out', 'laocai-2019-da-cham.xlsx');
  return scoreFile(input, out, o);
}
