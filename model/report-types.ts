// What the engine returns to hosts: analysis, scores, summary tables and inline marks.
import type {
  AgencyRef,
  ColumnRole,
  EvidencePolicy,
  Finding,
  FindingKind,
  IndexKind,
  Lang,
  ParsedTarget,
  RenderedFinding,
  ScoreTotals,
  Severity,
} from './types';

/** A column the reader mapped to a meaning. */
export interface MappedColumn {
  /** 1-based Excel column. */
  col: number;
  letter: string;
  role: ColumnRole;
  /** Header text as read (group header and sub-header joined with " / "). */
  header: string;
}

/** One logical appendix row (continuation rows already joined into it). */
export interface AppendixItem {
  /** 1-based Excel row of the item's first physical row. */
  row: number;
  /** All physical rows joined into this item. */
  rows: number[];
  kind: 'section' | 'criterion' | 'task' | 'baseline' | 'total';
  /** Code as written ("1.2.3", "I", "3") or derived ("1.2(3)"); "" when none. */
  code: string;
  /** Unique path used for duplicate detection and hierarchy ("I/3", "1.2.3"). */
  path: string;
  level: number;
  /** Index into Appendix.items of the parent, or -1. */
  parent: number;
  /** Indexes of children in Appendix.items. */
  children: readonly number[];
  name: string;
  task: string;
  maxPoints: number | null;
  targetPoints: number | null;
  surveyOnly: boolean;
  notApplicable: boolean;
  targetText: string;
  /** Column letter the target text came from (first target column with text). */
  targetCol: string;
  targets: readonly ParsedTarget[];
  evidenceRequired: string;
  deadline: string;
  product: string;
  lead: readonly AgencyRef[];
  /** Row the lead agencies were taken from when the item's own cell was empty. */
  leadInheritedFrom: number | null;
  coordinating: readonly AgencyRef[];
  actual: string;
  actualRaw: unknown;
  selfPoints: number | null;
  evidence: string;
  explanation: string;
  /** PAPI baseline/target line parsed (kind 'baseline'). */
  baseline: BaselineInfo | null;
}

export interface BaselineInfo {
  year: number | null;
  score: number | null;
  scaleMax: number | null;
  rank: number | null;
  rankOf: number | null;
  group: string;
  targetYear: string;
  targetRank: number | null;
  targetRankOf: number | null;
  targetGroup: string;
  text: string;
}

export interface Appendix {
  sheet: string;
  index: IndexKind;
  /** The criteria framework recognised from the sheet, or the one given in AnalyzeOptions.framework (checked against). */
  frameworkId: string | null;
  title: string;
  /** 1-based rows of the (first) header block. */
  headerRows: number[];
  /** Header rows repeated at page breaks that were skipped. */
  repeatedHeaderRows: number[];
  /** Physical rows joined into the row above them. */
  continuationRows: number[];
  columns: MappedColumn[];
  /** Last 1-based column of the table (widest mapped or header column). */
  lastCol: number;
  /** Last 1-based column holding anything of the officer's (parscore's own columns excluded). */
  usedLastCol: number;
  /** Status column parscore wrote on an earlier run (reused so re-runs never add a second). */
  ownStatusCol: number | null;
  firstDataRow: number;
  lastDataRow: number;
  items: AppendixItem[];
  hasPoints: boolean;
  hasSelfAssessment: boolean;
}

export interface ScoreLine extends ScoreTotals {
  key: string;
  code: string;
  name: string;
  /** Number of scored (leaf) rows. */
  items: number;
  findings: number;
}

export interface AgencyLine extends ScoreTotals {
  key: string;
  name: string;
  unknown: boolean;
  items: number;
  tasks: number;
  findings: number;
}

export interface TaskSummaryLine {
  code: string;
  name: string;
  tasks: number;
  missingLead: number;
  missingProduct: number;
  missingDeadline: number;
  baseline: BaselineInfo | null;
}

export interface ScoreReport {
  totals: ScoreTotals;
  fields: ScoreLine[];
  agencies: AgencyLine[];
  /** Task-level summary (PAPI/SIPAS appendices, or any appendix without points). */
  tasks: TaskSummaryLine[];
  taskCount: number;
}

export interface AnalyzeOptions {
  lang?: Lang;
  evidencePolicy?: EvidencePolicy;
  /** Replace the built-in framework (already validated with parseFramework). */
  framework?: import('./frameworks/schema').Framework | null;
  /** Manual column mapping by column letter, overriding what the reader found. */
  columns?: Partial<Record<ColumnRole, string[]>>;
  /**
   * The year the self-assessment is for (1900–2199): picks the stage of a target staged by year.
   * Absent or null: the year the appendix's title names as its own, if it names one.
   */
  year?: number | null;
  /**
   * The year to take for a table without a title when `year` is not given (the custom functions:
   * the year the task pane read from the title of the sheet the range is on).
   */
  defaultYear?: number | null;
}

export interface AnalysisError {
  code: 'no-table' | 'bad-snapshot' | 'empty-sheet';
  message: string;
}

export interface Analysis {
  ok: boolean;
  error: AnalysisError | null;
  sheet: string;
  index: IndexKind;
  lang: Lang;
  evidencePolicy: EvidencePolicy;
  /** The assessment year the targets staged by year were checked for, and where it came from; null when unknown. */
  year: number | null;
  yearFrom: 'option' | 'title' | 'default' | null;
  appendix: Appendix;
  findings: readonly Finding[];
  score: ScoreReport;
}

export type TableCell = string | number | null;

/** A summary sheet as data: any host writes header + rows as they are. */
export interface SummaryTable {
  key: 'fields' | 'agencies' | 'findings';
  /** Sheet name (fixed Vietnamese names so re-runs replace, never duplicate). */
  sheetName: string;
  title: string;
  /** A line under the title: the assessment year the targets set year by year were checked for, when one is known. */
  note?: string;
  header: string[];
  rows: TableCell[][];
  /** Excel number format per column (null = General / text). */
  numberFormats: (string | null)[];
  /** Per data row: the cell in the appendix sheet it points to (findings table). */
  links: ({ sheet: string; address: string } | null)[];
  /** Index of the totals row in rows, or -1. */
  totalRow: number;
  /**
   * A chart the host may draw beside the table (Office.js can; ExcelJS cannot): one category
   * column and adjacent series columns, 0-based, over the data rows without the totals row.
   */
  chart?: { title: string; categoryCol: number; seriesCols: number[] };
}

/** The parscore-owned columns beside the table and the highlight rules. */
export interface InlineMarks {
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** 1-based column for the status text, and the one after it for the kind codes. */
  statusCol: number;
  codesCol: number;
  statusHeader: string;
  codesHeader: string;
  /** One entry per table row from firstRow to lastRow ("" when clean). */
  status: string[];
  codes: string[];
  /** Conditional-format rules: range in the officer's columns, formula on the codes column. */
  rules: { range: string; formula: string; kind: FindingKind; severity: Severity; color: string }[];
  /** Cells to highlight (for hosts that cannot use formula rules). */
  cells: { row: number; col: number; kind: FindingKind; severity: Severity }[];
}

/** The JSON contract of `parscore check --json`. */
export interface JsonReport {
  file: string;
  sheet: string;
  index: IndexKind;
  /** Id of the criteria framework the appendix was checked against (recognised or given), if any. */
  framework: string | null;
  /** The assessment year targets staged by year were checked for ("option": given; "title": the appendix's title; "default": defaultYear), else null. */
  year: number | null;
  yearFrom: 'option' | 'title' | 'default' | null;
  score: { max: number; claimed: number; accepted: number; atRisk: number; indexPercent: number | null };
  fields: ScoreLine[];
  agencies: AgencyLine[];
  tasks: TaskSummaryLine[];
  taskCount: number;
  findings: RenderedFinding[];
}
