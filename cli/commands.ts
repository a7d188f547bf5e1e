// The CLI's commands as plain async functions (main.ts only parses arguments and exits).
import fs from 'node:fs';
import path from 'node:path';
import {
  parseFramework,
  toJsonReport,
  type Analysis,
  type EvidencePolicy,
  type Framework,
  type Lang,
} from '../model';
import { CliError } from './errors';
import { findingsCsv } from './csv';
import { textReport } from './report';
import { clearMarks } from '../xlsx/write';
import { analyzeExcelWorkbook, applyScore } from '../xlsx/score-workbook';
import { DEFAULT_LIMITS, openWorkbook, saveWorkbook, type OpenLimits } from './workbook-io';
import type ExcelJS from 'exceljs';

export interface CommonOptions {
  sheet?: string;
  lang: Lang;
  policy: EvidencePolicy;
  framework?: string;
  strict?: boolean;
  limits?: OpenLimits;
}

export interface CommandResult {
  stdout: string;
  exitCode: number;
  analysis?: Analysis;
}

function loadFramework(file: string | undefined): Framework | undefined {
  if (!file) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new CliError('bad-framework', { file, detail: String((e as Error).message).split('\n')[0]! });
  }
  const r = parseFramework(json);
  if (!r.ok) throw new CliError('bad-framework', { file, detail: r.errors.slice(0, 3).join('; ') });
  return r.framework;
}

export async function analyzeFile(file: string, o: CommonOptions): Promise<{ wb: ExcelJS.Workbook; analysis: Analysis }> {
  const framework = loadFramework(o.framework);
  const wb = await openWorkbook(file, o.limits ?? DEFAULT_LIMITS);
  if (o.sheet !== undefined && !wb.getWorksheet(o.sheet)) throw new CliError('no-sheet', { sheet: o.sheet, file });
  const opts = { lang: o.lang, evidencePolicy: o.policy, ...(framework ? { framework } : {}), ...(o.sheet !== undefined ? { sheet: o.sheet } : {}) };
  const analysis = analyzeExcelWorkbook(wb, opts);
  if (!analysis.ok) throw new CliError('no-table', { detail: analysis.error?.message ?? '' });
  return { wb, analysis };
}

function exitFor(a: Analysis, strict: boolean | undefined): number {
  return strict && a.findings.some((f) => f.severity === 'error') ? 1 : 0;
}

export async function check(file: string, o: CommonOptions & { json?: boolean; csv?: boolean }): Promise<CommandResult> {
  if (o.json && o.csv) throw new CliError('usage', { detail: '--json / --csv' });
  const { analysis } = await analyzeFile(file, o);
  const stdout = o.json
    ? JSON.stringify(toJsonReport(analysis, file, o.lang), null, 2)
    : o.csv
      ? findingsCsv(analysis, o.lang)
      : textReport(analysis, file, o.lang);
  return { stdout, exitCode: exitFor(analysis, o.strict), analysis };
}

/** Score: the input's copy with inline marks and the three summary sheets; never the input itself. */
export async function scoreFile(file: string, out: string, o: CommonOptions): Promise<CommandResult> {
  const { wb, analysis } = await analyzeFile(file, o);
  applyScore(wb, analysis);
  await saveWorkbook(wb, out, file);
  const done = o.lang === 'vi' ? `Đã ghi ${out}` : `Wrote ${out}`;
  return { stdout: `${textReport(analysis, file, o.lang, 20)}\n\n${done}`, exitCode: exitFor(analysis, o.strict), analysis };
}

export async function clearFile(file: string, out: string, o: Pick<CommonOptions, 'lang' | 'limits'>): Promise<CommandResult> {
  const wb = await openWorkbook(file, o.limits ?? DEFAULT_LIMITS);
  const r = clearMarks(wb);
  await saveWorkbook(wb, out, file);
  const msg =
    o.lang === 'vi'
      ? `Đã xóa ${r.sheets} trang tổng hợp, ${r.columns} cột trạng thái, ${r.rules} quy tắc tô màu → ${out}`
      : `Removed ${r.sheets} summary sheets, ${r.columns} status columns, ${r.rules} highlight rules → ${out}`;
  return { stdout: msg, exitCode: 0 };
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
