// Messages between the checker page (main thread: renders only) and its engine (a Web Worker, or
// the same script loaded into the page when workers cannot start, e.g. from file://).
import type { EvidencePolicy, IndexKind, JsonReport, Lang, MappedColumn } from '../../model';

export interface CheckOptions {
  /** Sheet holding the appendix; null = the largest table (as the CLI without --sheet). */
  sheet: string | null;
  policy: EvidencePolicy;
  lang: Lang;
  /** The assessment year for targets set year by year; null = the year the table's title names (as the CLI without --year). */
  year: number | null;
}

export type Phase = 'reading' | 'analysing' | 'writing';

export type Request =
  | { id: number; type: 'ping' }
  | { id: number; type: 'open'; name: string; bytes: ArrayBuffer; options: CheckOptions }
  | { id: number; type: 'analyze'; options: CheckOptions }
  | { id: number; type: 'score'; options: CheckOptions };

export type Reply =
  | { id: number; type: 'pong' }
  | { id: number; type: 'progress'; phase: Phase }
  | { id: number; type: 'result'; view: CheckView }
  | { id: number; type: 'scored'; name: string; bytes: ArrayBuffer; view: CheckView }
  | { id: number; type: 'error'; error: CheckError };

export type CheckErrorCode =
  | 'not-xlsx'
  | 'truncated'
  | 'encrypted'
  | 'too-large'
  | 'bomb'
  | 'zip-mismatch'
  | 'old-browser'
  | 'unreadable'
  | 'no-file'
  | 'no-table'
  | 'internal';

export interface CheckError {
  code: CheckErrorCode;
  params: Record<string, string | number>;
}

/** What the page shows: the recognised appendix and the CLI's JSON report for the same input. */
export interface CheckView {
  file: string;
  /** Sheets the picker offers (very hidden sheets excluded, as the reader does). */
  sheets: string[];
  options: CheckOptions;
  ok: boolean;
  /** The model's message when no appendix table was found. */
  error: string | null;
  appendix: {
    sheet: string;
    index: IndexKind;
    frameworkId: string | null;
    title: string;
    columns: MappedColumn[];
    items: number;
    firstDataRow: number;
    lastDataRow: number;
    repeatedHeaderRows: number;
    continuationRows: number;
    hasPoints: boolean;
    hasSelfAssessment: boolean;
  };
  /** Exactly `toJsonReport` — what `parscore check --json` prints (file = the file's name). */
  report: JsonReport;
}

/** The engine as both hosts of it expose it (worker message handler / script in the page). */
export interface EngineSession {
  handle(req: Request, progress: (phase: Phase) => void | Promise<void>): Promise<Reply>;
}

/** Global the engine script sets when it is loaded into a page instead of a worker. */
export const ENGINE_GLOBAL = 'parscoreCheckerEngine';
export const ENGINE_SCRIPT = 'checker-engine.js';

/** <name>-da-cham.xlsx, as the demo names its scored copy. */
export function scoredName(file: string): string {
  const base = file.replace(/\.(xlsx|xlsm)$/i, '');
  return `${base || 'phu-luc'}-da-cham.xlsx`;
}
