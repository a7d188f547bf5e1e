// Several workbooks in one call: a Sở Nội vụ checking every agency's copy of one plan. Each file
// is checked (or scored) exactly as alone, one after the other (one workbook in memory at a time),
// a file that cannot be read is told and skipped, and a table of all of them comes last.
import fs from 'node:fs';
import path from 'node:path';
import { formatViNumber, type Analysis, type Lang } from '../model';
import { check, scoreFile, type CommandResult, type CommonOptions } from './commands';
import { findingsCsv } from './csv';
import { CliError } from './errors';

/** Workbook names in a folder: .xlsx/.xlsm, not the "~$…" owner files Excel leaves beside a workbook it has open. */
const WORKBOOK_FILE = /^(?!~\$).+\.xls[xm]$/i;

/**
 * A folder given for workbooks (to read, or to write the copies into). A name ending in .xlsx
 * names a workbook even when it is a folder: that is refused as "not a regular file", never
 * taken for a folder of workbooks.
 */
function isFolder(p: string): boolean {
  if (/\.xls[xm]$/i.test(p)) return false;
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false; // absent or unreachable: read or written as a file, which says why
  }
}

/**
 * The workbooks the arguments name, in order: a file as given, a folder as its workbooks (not
 * its subfolders) sorted by name. `several` when that is more than one file or any folder: the
 * output is then the batch's, even for a folder holding one workbook.
 */
export function expandInputs(args: readonly string[]): { files: string[]; several: boolean } {
  const files: string[] = [];
  let folder = false;
  for (const arg of args) {
    if (!isFolder(arg)) {
      files.push(arg);
      continue;
    }
    folder = true;
    const names = fs
      .readdirSync(arg, { withFileTypes: true })
      .filter((d) => !d.isDirectory() && WORKBOOK_FILE.test(d.name))
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b, 'vi'));
    if (!names.length) throw new CliError('no-workbooks', { file: arg });
    files.push(...names.map((n) => path.join(arg, n)));
  }
  return { files, several: folder || files.length > 1 };
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

/**
 * One file's work, and its line; an error becomes the line (a bug too: the other files still
 * run), with the exit code the file would have had alone.
 */
async function attempt<R extends CommandResult>(file: string, lang: Lang, work: () => Promise<R>): Promise<{ line: BatchLine; result?: R }> {
  try {
    const result = await work();
    return { line: { file, ...(result.analysis ? { totals: totalsOf(result.analysis) } : {}), exitCode: result.exitCode }, result };
  } catch (e) {
    if (e instanceof CliError) return { line: { file, error: { code: e.code, message: e.render(lang) }, exitCode: 2 } };
    return { line: { file, error: { code: 'internal', message: `parscore: ${(e as Error)?.message ?? String(e)}` }, exitCode: 3 } };
  }
}

/** The batch's exit code: a bug (3) over an unreadable file (2) over --strict errors (1). */
function worst(lines: readonly BatchLine[]): number {
  return lines.reduce((m, l) => Math.max(m, l.exitCode), 0);
}

export interface BatchIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** `parscore check` over several files: each report as alone, then the table; JSON an array, CSV one table with a file column. */
export async function checkMany(files: readonly string[], o: CommonOptions & { json?: boolean; csv?: boolean }, io: BatchIo): Promise<number> {
  if (o.json && o.csv) throw new CliError('usage', { detail: '--json / --csv' });
  const lines: BatchLine[] = [];
  const json: string[] = [];
  let csvHeader = true;
  for (const file of files) {
    // --csv is written here (a file column before the findings), --json and the text report by check.
    const { line, result } = await attempt(file, o.lang, () => check(file, { ...o, csv: false }));
    lines.push(line);
    if (line.error) io.err(line.error.message);
    if (o.json) json.push(result ? result.stdout : JSON.stringify({ file, error: line.error }, null, 2));
    else if (o.csv && result?.analysis) {
      io.out(findingsCsv(result.analysis, o.lang, { file, header: csvHeader }));
      csvHeader = false;
    } else if (result) io.out(`${result.stdout}\n`);
  }
  if (o.json) io.out(`[\n${json.join(',\n')}\n]`);
  else if (!o.csv) io.out(batchTable(lines, o.lang));
  return worst(lines);
}

/** `parscore score` over several files: each scored copy in the folder `outDir` under its input's name, then the table. */
export async function scoreMany(files: readonly string[], outDir: string, o: CommonOptions, io: BatchIo): Promise<number> {
  const lines: BatchLine[] = [];
  const taken = new Set<string>();
  for (const file of files) {
    const out = path.join(outDir, freeName(scoredName(file), taken));
    const { line, result } = await attempt(file, o.lang, () => scoreFile(file, out, o));
    lines.push(line);
    if (line.error) io.err(line.error.message);
    if (result) io.out(`${file} → ${out}`);
  }
  io.out(batchTable(lines, o.lang));
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
  let candidate = name;
  for (let k = 2; taken.has(candidate.normalize('NFC').toLowerCase()); k++) candidate = `${base} (${k})${ext}`;
  taken.add(candidate.normalize('NFC').toLowerCase());
  return candidate;
}

/** Whether `-o` names a folder to write into: it ends in a path separator, or it is one (not named .xlsx). */
export function isOutputFolder(out: string): boolean {
  return /[\\/]$/.test(out) || isFolder(out);
}

const W = {
  vi: { title: 'Tổng hợp', files: 'tệp', file: 'Tệp', index: 'Chỉ số', max: 'Tối đa', claimed: 'Tự đánh giá', accepted: 'Được chấp nhận', atRisk: 'Có rủi ro', pct: '%', findings: 'Vấn đề (lỗi)', tasks: 'nhiệm vụ', skipped: 'bỏ qua' },
  en: { title: 'Summary of', files: 'files', file: 'File', index: 'Index', max: 'Max', claimed: 'Claimed', accepted: 'Accepted', atRisk: 'At risk', pct: '%', findings: 'Findings (errors)', tasks: 'tasks', skipped: 'skipped' },
};

/** The batch's table: a line per file (its totals, or why it was skipped). */
export function batchTable(lines: readonly BatchLine[], lang: Lang): string {
  const w = W[lang];
  const num = (x: number | null | undefined) => (x === null || x === undefined ? '–' : lang === 'vi' ? formatViNumber(x) : String(Math.round(x * 100) / 100));
  const names = lines.map((l) => clip(path.basename(l.file), 40));
  const width = Math.max(w.file.length, ...names.map((n) => n.length));
  const cols = [w.index, w.max, w.claimed, w.accepted, w.atRisk, w.pct, w.findings];
  const out = [`\n${w.title} ${lines.length} ${w.files}:`, `  ${w.file.padEnd(width)}  ${cols.map((c, i) => (i === 0 ? c.padEnd(6) : c.padStart(Math.max(c.length, 8)))).join('  ')}`];
  lines.forEach((l, i) => {
    const name = names[i]!.padEnd(width);
    const a = l.totals;
    if (!a) {
      out.push(`  ${name}  ${w.skipped}: ${l.error?.message ?? ''}`);
      return;
    }
    const t = a.totals;
    const cells = [
      a.index.padEnd(6),
      ...[t.max, t.claimed, t.accepted, t.atRisk, t.indexPercent].map((x, k) => (a.hasPoints ? num(x) : '–').padStart(Math.max(cols[k + 1]!.length, 8))),
      `${a.findings} (${a.errors})`.padStart(Math.max(w.findings.length, 8)),
    ];
    out.push(`  ${name}  ${cells.join('  ')}${a.hasPoints ? '' : `  ${a.tasks} ${w.tasks}`}`);
  });
  return out.join('\n');
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
