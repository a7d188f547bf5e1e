// Host-neutral data shapes shared by the engine and every adapter (Office.js, ExcelJS, browser).
// Nothing here may import Office.js, Node or ExcelJS.

/** A merged area, 1-based inclusive Excel coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A sheet as the engine sees it: 2-D values plus merged areas.
 * values[0][0] is the cell at (origin.row, origin.col), 1-based; origin defaults to A1,
 * so the Excel row of values[i] is origin.row + i.
 */
export interface SheetSnapshot {
  name: string;
  values: unknown[][];
  merges: MergeArea[];
  origin?: { row: number; col: number };
  /**
   * The sheet's used range (rows × columns) when the host did not read its values because it is
   * beyond what the engine analyses (MAX_GRID_CELLS): the engine refuses it by this size, with
   * the same message as for values that large.
   */
  extent?: { rows: number; cols: number };
}

export type Lang = 'vi' | 'en';

export type IndexKind = 'PAR' | 'PAPI' | 'SIPAS' | 'unknown';

/** What a column of the appendix means. Several columns may share a role (e.g. target). */
export type ColumnRole =
  | 'code'
  | 'name'
  | 'task'
  | 'maxPoints'
  | 'targetPoints'
  | 'target'
  | 'evidenceRequired'
  | 'deadline'
  | 'lead'
  | 'coordinating'
  | 'product'
  | 'actual'
  | 'selfPoints'
  | 'evidence'
  | 'explanation'
  | 'note';

export type Severity = 'error' | 'warning' | 'info';

export type FindingKind =
  | 'missing-evidence'
  | 'threshold-unmet'
  | 'over-max'
  | 'sum-mismatch'
  | 'missing-lead-agency'
  | 'unknown-agency'
  | 'duplicate-code'
  | 'bad-number'
  | 'target-unparsed'
  | 'target-by-year'
  | 'framework-mismatch'
  | 'missing-task-field';

/** Parameters a message template may use; values are already plain data. */
export type FindingParams = Record<string, string | number>;

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** 1-based Excel row. */
  row: number;
  /** Excel column letter ("" when the finding concerns the whole row). */
  column: string;
  /** Criterion / task code the finding concerns (may be "" for uncoded rows). */
  code: string;
  /** Read only: findings that say the same share one params object (see Checker in validate.ts). */
  params: Readonly<FindingParams>;
  /** Officer's explanation (giải trình) from the row, when the sheet has such a column. */
  explanation?: string;
}

/** A finding with its message rendered in one language (what hosts display / serialise). */
export interface RenderedFinding {
  kind: FindingKind;
  severity: Severity;
  row: number;
  column: string;
  code: string;
  message: string;
  explanation?: string;
}

/** Result of parsing one agency cell. */
export interface AgencyRef {
  /** Canonical registry id, or null when unknown. */
  id: string | null;
  /** Display name: the registry's canonical name, or the text as written when unknown. */
  name: string;
  /** Text as it appeared in the cell. */
  raw: string;
  /** Collective phrase ("Các Sở, ban, ngành") rather than one agency. */
  collective: boolean;
  /** True when the text matched nothing in the registry. */
  unknown: boolean;
}

export type ThresholdOp = '>=' | '>' | '<=' | '<' | '=';

/** A checkable target derived from a target phrase. */
export type Threshold =
  | { kind: 'compare'; op: ThresholdOp; value: number; unit: string; per?: string }
  | { kind: 'range'; min: number; max: number; unit: string }
  | { kind: 'none' } // "Không có sai phạm…": nothing of the kind may occur (count must be 0)
  | {
      kind: 'relative';
      direction: 'increase' | 'decrease';
      /** Minimum change (in unit) when stated: "Giảm từ 10% trở lên" → 10 (%). */
      atLeast?: number;
      unit?: string;
      /** What it is compared with: "năm 2015", "năm trước liền kề", "chỉ tiêu được giao". */
      baseline: string;
    }
  | { kind: 'qualitative'; text: string };

export interface ParsedTarget {
  /** The phrase the threshold came from (trimmed). */
  text: string;
  threshold: Threshold;
  /**
   * The year this stage applies to, in a cell that stages its target by year (two or more years'
   * targets, or one and a yearly step: see model/stages.ts); absent elsewhere.
   */
  year?: number;
  /** A stage over a period ("giai đoạn 2024-2025", "từ năm 2023-2025"): its last year (`year` is its first). */
  until?: number;
  /** The yearly step from this stage on ("mỗi năm tiếp theo tăng 10%": by 10, in "%", as written). */
  yearStep?: { by: number; direction: 'increase' | 'decrease'; unit: string; text: string };
}

export type CheckOutcome =
  | { status: 'met'; reason: string }
  | { status: 'unmet'; reason: string }
  | { status: 'not-evaluable'; reason: string };

/** Result of parsing a Vietnamese-formatted number. */
export type ParsedNumber =
  | { ok: true; value: number; percent: boolean; op?: ThresholdOp }
  | { ok: false; empty: boolean; raw: string };

export type EvidencePolicy = 'zero' | 'explain' | 'flag';

export interface ScoreTotals {
  max: number;
  claimed: number;
  accepted: number;
  atRisk: number;
  /** accepted / max × 100, or null when max is 0. */
  indexPercent: number | null;
}
