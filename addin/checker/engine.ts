// The checker's work, off the page's thread: read the workbook with ExcelJS, analyse it with
// the same step as the CLI (xlsx/score-workbook.ts) and write the scored copy the CLI writes.
import ExcelJS from 'exceljs';
import { toJsonReport, type Analysis } from '../../model';
import { loadXlsx } from '../../xlsx/load';
import { analyzeExcelWorkbook, applyScore } from '../../xlsx/score-workbook';
import { WRITE_OPTIONS } from '../../xlsx/write';
import { inspectXlsx } from './inspect';
import { scoredName, type CheckError, type CheckOptions, type CheckView, type EngineSession, type Phase, type Reply, type Request } from './protocol';

class Failure extends Error {
  constructor(readonly error: CheckError) {
    super(error.code);
  }
}

export class CheckerSession implements EngineSession {
  private name = '';
  private bytes: Uint8Array | null = null;
  /** The workbook as read, untouched (scoring mutates it: it is then dropped and re-read). */
  private wb: ExcelJS.Workbook | null = null;
  private sheets: string[] = [];

  async handle(req: Request, progress: (phase: Phase) => void | Promise<void>): Promise<Reply> {
    try {
      if (req.type === 'ping') return { id: req.id, type: 'pong' };
      if (req.type === 'open') {
        this.name = req.name;
        this.bytes = new Uint8Array(req.bytes);
        this.wb = null;
        const bad = await inspectXlsx(this.bytes, this.name);
        if (bad) {
          this.bytes = null;
          throw new Failure(bad);
        }
        return { id: req.id, type: 'result', view: await this.analyze(req.options, progress) };
      }
      if (req.type === 'analyze') return { id: req.id, type: 'result', view: await this.analyze(req.options, progress) };
      const wb = await this.workbook(progress);
      this.wb = null; // applyScore writes into it
      await progress('analysing');
      const analysis = this.run(wb, req.options);
      if (!analysis.ok) throw new Failure({ code: 'no-table', params: { detail: analysis.error?.message ?? '' } });
      await progress('writing');
      applyScore(wb, analysis);
      const out = new Uint8Array(await wb.xlsx.writeBuffer(WRITE_OPTIONS));
      const bytes = out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
      return { id: req.id, type: 'scored', name: scoredName(this.name), bytes, view: this.view(analysis, req.options) };
    } catch (e) {
      if (e instanceof Failure) return { id: req.id, type: 'error', error: e.error };
      return { id: req.id, type: 'error', error: { code: 'internal', params: { detail: firstLine(e) } } };
    }
  }

  private async analyze(options: CheckOptions, progress: (phase: Phase) => void | Promise<void>): Promise<CheckView> {
    const wb = await this.workbook(progress);
    await progress('analysing');
    return this.view(this.run(wb, options), options);
  }

  private run(wb: ExcelJS.Workbook, o: CheckOptions): Analysis {
    const sheet = o.sheet !== null && wb.getWorksheet(o.sheet) ? { sheet: o.sheet } : {};
    return analyzeExcelWorkbook(wb, { lang: o.lang, evidencePolicy: o.policy, year: o.year, ...sheet });
  }

  private async workbook(progress: (phase: Phase) => void | Promise<void>): Promise<ExcelJS.Workbook> {
    if (this.wb) return this.wb;
    if (!this.bytes) throw new Failure({ code: 'no-file', params: {} });
    await progress('reading');
    const wb = new ExcelJS.Workbook();
    const bad = await loadXlsx(wb, this.bytes);
    if (bad) throw new Failure({ code: 'unreadable', params: { file: this.name, detail: bad.detail, ...(bad.problem !== 'unreadable' ? { reason: bad.problem } : {}) } });
    this.wb = wb;
    this.sheets = wb.worksheets.filter((ws) => ws.state !== 'veryHidden').map((ws) => ws.name);
    return wb;
  }

  private view(a: Analysis, options: CheckOptions): CheckView {
    const ap = a.appendix;
    return {
      file: this.name,
      sheets: this.sheets,
      options,
      ok: a.ok,
      error: a.error?.message ?? null,
      appendix: {
        sheet: a.sheet,
        index: a.index,
        frameworkId: ap.frameworkId,
        title: ap.title,
        columns: ap.columns,
        items: ap.items.length,
        firstDataRow: ap.firstDataRow,
        lastDataRow: ap.lastDataRow,
        repeatedHeaderRows: ap.repeatedHeaderRows.length,
        continuationRows: ap.continuationRows.length,
        hasPoints: ap.hasPoints,
        hasSelfAssessment: ap.hasSelfAssessment,
      },
      report: toJsonReport(a, this.name, options.lang),
    };
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200);
}
