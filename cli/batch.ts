// Several workbooks in one call: a Sở Nội vụ checking every agency's copy of one plan. Each file
// is checked (or scored) exactly as alone, one after the other (one workbook in memory at a time),
// a file or folder that cannot be read is told and skipped, and a table of all of them comes last.
import fs from 'node:fs';
import path from 'node:path';
import type { Analysis, Lang } from '../model';
import { check, checkQuietly, scoreFile, type CommandResult, type CommonOptions } from './commands';
import { findingsCsv } from './csv';
import { CliError } from './errors';
import { collectGarbage } from './memory';
import { pointsText, tasksText } from './report';

/**
 * Workbook names in a folder: .xlsx/.xlsm, not the "~$…" owner files Excel leaves beside a
 * workbook it has open, nor the "._…" resource forks a Mac leaves on shared drives.
 */
const WORKBOOK_FILE = /^(?!~\$|\._).+\.xls[xm]$/i;

/**
 * A name ending in .xlsx/.xlsm (also written with a "/" after it) names a workbook, even when it
 * is a folder: that is refused as "not a regular file", never taken for a folder of workbooks.
 */
export function namesWorkbook(p: string): boolean {
  return /\.xls[xm][\\/]*$/i.test(p);
}

/** A folder given for workbooks (to read, or to write the copies into); see namesWorkbook. */
function isFolder(p: string): boolean {
  if (namesWorkbook(p)) return false;
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false; // absent or unreachable: read or written as a file, which says why
  }
}

/** One input of a batch: a workbook to read, or a folder argument that gave none (and why). */
export type BatchInput = { file: string; error?: undefined } | { file: string; error: CliError };

/**
 * The file or folder itself (device and inode: links, hard links and bind mounts followed, any
 * spelling of the path), for telling two names of one apart; the path resolved when it is not there.
 */
function identity(p: string): string {
  try {
    const st = fs.statSync(p);
    return `${st.dev}:${st.ino}`;
  } catch {
    return path.resolve(p);
  }
}

/**
 * The workbooks the arguments name, in order: a file as given, a folder as its workbooks (not
 * its subfolders) sorted by name; a file named twice (also through a folder or a link) once. A
 * folder that cannot be listed or holds no workbook is an input with its error, so the others
 * still run. `several` when more than one argument or any folder was given: the output is then
 * the batch's, even for a folder holding one workbook or a file named twice.
 */
export function expandInputs(args: readonly string[]): { inputs: BatchInput[]; several: boolean } {
  const inputs: BatchInput[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const id = identity(file);
    if (seen.has(id)) return;
    seen.add(id);
    inputs.push({ file });
  };
  let folder = false;
  for (const arg of args) {
    if (!isFolder(arg)) {
      add(arg);
      continue;
    }
    folder = true;
    let names: string[];
    try {
      names = fs
        .readdirSync(arg, { withFileTypes: true })
        .filter((d) => !d.isDirectory() && WORKBOOK_FILE.test(d.name))
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b, 'vi'));
    } catch {
      inputs.push({ file: arg, error: new CliError('folder-unreadable', { file: arg }) });
      continue;
    }
    if (!names.length) inputs.push({ file: arg, error: new CliError('no-workbooks', { file: arg }) });
    for (const n of names) add(path.join(arg, n));
  }
  return { inputs, several: folder || args.length > 1 };
}

/** What the batch's table shows of one analysis (the analysis itself is not kept: one workbook's rows in memory at a time). */
interface Totals {
  index: Analysis['index'];
  hasPoints: boolean;
  totals: Analysis['score']['totals'];
  tasks: number;
  findings: number;
  errors: number;
}

/** What one file of a batch came to: its totals, or the one-line reason it was skipped. */
export interface BatchLine {
  file: string;
  totals?: Totals;
  error?: { code: string; message: string };
  exitCode: number;
}

function totalsOf(a: Analysis): Totals {
  return {
    index: a.index,
    hasPoints: a.appendix.hasPoints,
    totals: a.score.totals,
    tasks: a.score.taskCount,
    findings: a.findings.length,
    errors: a.findings.filter((f) => f.severity === 'error').length,
  };
}

/** A skipped input's line, with the exit code it would have alone (2 for input, 3 for a fault of parscore's). */
function failed(file: string, e: unknown, lang: Lang): BatchLine {
  if (e instanceof CliError) return { file, error: { code: e.code, message: e.render(lang) }, exitCode: 2 };
  return { file, error: { code: 'internal', message: `parscore: ${(e as Error)?.message ?? String(e)}` }, exitCode: 3 };
}

/**
 * One input's work, and its line; an error becomes the line (a fault of parscore's too: the
 * other files still run), with the exit code the file would have had alone. A collection before
 * each file but the first, when the last one's workbook and analysis are garbage: V8 would
 * otherwise read the next beside them (a folder of 50,000-row copies peaked at 2–3 × one file's
 * memory).
 */
async function attempt<R extends CommandResult>(input: BatchInput, lang: Lang, first: boolean, work: (file: string) => Promise<R>): Promise<{ line: BatchLine; result?: R }> {
  if (input.error) return { line: failed(input.file, input.error, lang) };
  if (!first) collectGarbage();
  try {
    const result = await work(input.file);
    return { line: { file: input.file, ...(result.analysis ? { totals: totalsOf(result.analysis) } : {}), exitCode: result.exitCode }, result };
  } catch (e) {
    return { line: failed(input.file, e, lang) };
  }
}

/** The batch's exit code: a fault of parscore's (3) over an unreadable input (2) over --strict errors (1). */
function worst(lines: readonly BatchLine[]): number {
  return lines.reduce((m, l) => Math.max(m, l.exitCode), 0);
}

export interface BatchIo {
  /** Writes s as it is (no line end added). */
  out: (s: string) => void;
  /** One line to stderr. */
  err: (s: string) => void;
  /** The batch's exit code so far, after each file (a reader that stops early still gets it). */
  status?: (code: number) => void;
}

/**
 * `parscore check` over several inputs: each report as alone, then the table; --json an array of
 * the reports (written as each file is done), --csv one table with a file column.
 */
export async function checkMany(inputs: readonly BatchInput[], o: CommonOptions & { json?: boolean; csv?: boolean }, io: BatchIo): Promise<number> {
  if (o.json && o.csv) throw new CliError('usage', { detail: '--json / --csv' });
  const lines: BatchLine[] = [];
  let csvHeader = true;
  if (o.json) io.out('[\n');
  for (const input of inputs) {
    // --csv is written here (a file column before the findings), --json and the text report by check.
    const { line, result } = await attempt(input, o.lang, !lines.length, (file) => (o.csv ? checkQuietly(file, o) : check(file, o)));
    if (line.error) io.err(line.error.message);
    if (o.json) io.out(`${lines.length ? ',\n' : ''}${result ? result.stdout : JSON.stringify({ file: line.file, error: line.error }, null, 2)}`);
    else if (o.csv) {
      const csv: string = result?.analysis ? findingsCsv(result.analysis, o.lang, { file: line.file, header: csvHeader }) : '';
      if (csv) io.out(csv);
      csvHeader &&= !csv;
    } else if (result) io.out(`${result.stdout}\n\n`);
    lines.push(line);
    io.status?.(worst(lines));
  }
  if (o.json) io.out('\n]\n');
  else if (o.csv && csvHeader) io.out(findingsCsv(null, o.lang, { file: '', header: true })); // no findings anywhere: the header alone
  else if (!o.csv) io.out(`${batchTable(lines, o.lang)}\n`);
  return worst(lines);
}

/**
 * `parscore score` over several inputs: each scored copy in the folder `outDir` under its
 * input's name, then the table. The folder must hold none of the inputs: a copy would replace an
 * input of the same name (another agency's "Phụ lục.xlsx"), and the next run would read the
 * copies as inputs.
 */
export async function scoreMany(inputs: readonly BatchInput[], outDir: string, o: CommonOptions, io: BatchIo): Promise<number> {
  if (fs.existsSync(outDir) && !isFolder(outDir)) throw new CliError('output-folder', { file: outDir });
  // The folder each input's name is in (a link to a workbook elsewhere is replaced where it is).
  const target = identity(outDir);
  const inside = inputs.find((i) => !i.error && identity(path.dirname(path.resolve(i.file))) === target);
  if (inside) throw new CliError('output-holds-input', { file: outDir, input: inside.file });
  const lines: BatchLine[] = [];
  const taken = new Set<string>();
  for (const input of inputs) {
    const out = input.error ? '' : path.join(outDir, freeName(scoredName(input.file), taken));
    const { line, result } = await attempt(input, o.lang, !lines.length, (file) => scoreFile(file, out, o));
    lines.push(line);
    io.status?.(worst(lines));
    if (line.error) io.err(line.error.message);
    if (result) io.out(`${input.file} → ${out}\n`);
  }
  io.out(`${batchTable(lines, o.lang)}\n`);
  return worst(lines);
}

/** The scored copy's name: the input's, as .xlsx (parscore writes no macros). */
export function scoredName(file: string): string {
  return path.basename(file).replace(/\.xlsm$/i, '.xlsx');
}

/** `name`, or "name (2).xlsx"… when an earlier file of the batch took it (two folders' "Phụ lục.xlsx"). */
function freeName(name: string, taken: Set<string>): string {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  const key = (n: string) => n.normalize('NFC').toLowerCase();
  let candidate = name;
  for (let k = 2; taken.has(key(candidate)); k++) candidate = `${base} (${k})${ext}`;
  taken.add(key(candidate));
  return candidate;
}

/** Whether `-o` names a folder to write into: it ends in a path separator, or it is one (not named .xlsx). */
export function isOutputFolder(out: string): boolean {
  return (/[\\/]$/.test(out) && !namesWorkbook(out)) || isFolder(out);
}

const W = {
  vi: { title: 'Tổng hợp', files: 'tệp', file: 'Tệp', index: 'Chỉ số', max: 'Tối đa', claimed: 'Tự đánh giá', accepted: 'Được chấp nhận', atRisk: 'Có rủi ro', pct: '%', findings: 'Vấn đề (lỗi)', skipped: 'bỏ qua' },
  en: { title: 'Summary of', files: 'files', file: 'File', index: 'Index', max: 'Max', claimed: 'Claimed', accepted: 'Accepted', atRisk: 'At risk', pct: '%', findings: 'Findings (errors)', skipped: 'skipped' },
};

/** Most characters of a file's name in the table: longer ones keep their end ("…/Sở Y tế/Phụ lục.xlsx"). */
const NAME_WIDTH = 48;

/** The batch's table: a line per input (its totals, or why it was skipped), named as given. */
export function batchTable(lines: readonly BatchLine[], lang: Lang): string {
  const w = W[lang];
  const names = lines.map((l) => tail(l.file.normalize('NFC'), NAME_WIDTH));
  const width = Math.max(w.file.length, ...names.map(chars));
  const pad = (s: string) => s + ' '.repeat(Math.max(0, width - chars(s)));
  const cols = [w.index, w.max, w.claimed, w.accepted, w.atRisk, w.pct, w.findings];
  const out = [`${w.title} ${lines.length} ${lang === 'en' && lines.length === 1 ? 'file' : w.files}:`, `  ${pad(w.file)}  ${cols.map((c, i) => (i === 0 ? c.padEnd(6) : c.padStart(Math.max(c.length, 8)))).join('  ')}`];
  lines.forEach((l, i) => {
    const name = pad(names[i]!);
    const a = l.totals;
    if (!a) {
      out.push(`  ${name}  ${w.skipped}: ${l.error?.message ?? ''}`);
      return;
    }
    const t = a.totals;
    const cells = [
      a.index.padEnd(6),
      ...[t.max, t.claimed, t.accepted, t.atRisk, t.indexPercent].map((x, k) => (a.hasPoints ? pointsText(x, lang) : '–').padStart(Math.max(cols[k + 1]!.length, 8))),
      `${a.findings} (${a.errors})`.padStart(Math.max(w.findings.length, 8)),
    ];
    out.push(`  ${name}  ${cells.join('  ')}${a.hasPoints ? '' : `  ${tasksText(a.tasks, lang)}`}`);
  });
  return out.join('\n');
}

/** Length in characters (code points), as a terminal shows an NFC name. */
function chars(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** s, or "…" and its last max − 1 characters. */
function tail(s: string, max: number): string {
  const cs = [...s];
  return cs.length > max ? `…${cs.slice(cs.length - max + 1).join('')}` : s;
}
