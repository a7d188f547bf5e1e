// Row-level checks over a read appendix. Expected problems are findings, never exceptions.
import { evaluateThreshold, firstCheckable, statusByActualAlone, thresholdStatus } from './thresholds';
import { formatViNumber } from './numbers';
import { stagesText, targetForYear } from './stage-for-year';
import { isExcelError } from './text';
import { roleLetters } from './columns';
import { matchNode, nodeIndex, normalizeCode } from './frameworks';
import { innerMap } from './memo';
import { suggestAgency } from './agencies';
import type { Framework } from './frameworks/schema';
import type { Appendix, AppendixItem } from './report-types';
import type { AgencyRef, ColumnRole, CheckOutcome, EvidencePolicy, Finding, FindingParams, ParsedTarget, Threshold } from './types';

const EPS = 1e-9;

export interface RowCheck {
  /** Status of the first checkable target against the actual result, when both exist. */
  readonly status: CheckOutcome['status'] | null;
  readonly evidenceOk: boolean;
}

// Every RowCheck there can be, made once: one per row would be 10,000 more objects kept through
// the analysis (and copied by the scavenger) for eight distinct values.
const STATUSES = [null, 'met', 'unmet', 'not-evaluable'] as const;
const ROW_CHECKS: readonly RowCheck[] = STATUSES.flatMap((status) => [true, false].map((evidenceOk) => Object.freeze({ status, evidenceOk })));

function rowCheck(status: RowCheck['status'], evidenceOk: boolean): RowCheck {
  return ROW_CHECKS[STATUSES.indexOf(status) * 2 + (evidenceOk ? 0 : 1)]!;
}

export interface ValidationResult {
  findings: Finding[];
  /** Per item index. */
  checks: RowCheck[];
}

/** Items that carry self-assessed points (leaves of the points tree). */
export function isScoredLeaf(items: AppendixItem[], it: AppendixItem): boolean {
  if (it.maxPoints === null || it.surveyOnly || it.kind === 'total' || it.kind === 'baseline') return false;
  return !it.children.some((c) => items[c]!.maxPoints !== null || items[c]!.surveyOnly);
}

/** Items that are tasks for the task-level summary. */
const TASK_COLUMN = new WeakMap<Appendix['columns'], boolean>();

export function isTask(a: Appendix, it: AppendixItem): boolean {
  if (it.kind === 'total' || it.kind === 'baseline') return false;
  let hasTask = TASK_COLUMN.get(a.columns);
  if (hasTask === undefined) TASK_COLUMN.set(a.columns, (hasTask = a.columns.some((c) => c.role === 'task')));
  if (hasTask) return it.task !== '';
  if (it.kind === 'section') return false;
  return it.children.length === 0;
}

/**
 * Findings in sheet order: by row, then column. Column letters are A–Z only, where plain
 * comparison orders them as localeCompare did ("" < "A" < "AA" < "B"), for a fraction of the cost.
 */
export function byCell(x: Finding, y: Finding): number {
  return x.row - y.row || (x.column < y.column ? -1 : x.column > y.column ? 1 : 0);
}

/**
 * [...first, ...sorted].sort(byCell) for a `sorted` list already in byCell order (validation's):
 * `first` sorted on its own, then the two merged, `first` winning ties as the stable sort of the
 * concatenation has it. Re-sorting thousands of findings was ~0.4 ms of a 10,000-row analysis.
 */
export function mergeByCell(first: readonly Finding[], sorted: readonly Finding[]): Finding[] {
  const a = first.slice().sort(byCell);
  const out: Finding[] = new Array(a.length + sorted.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < sorted.length) out[k++] = byCell(a[i]!, sorted[j]!) <= 0 ? a[i++]! : sorted[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < sorted.length) out[k++] = sorted[j++]!;
  return out;
}

/**
 * What every check needs: the appendix, the findings so far and each role's column letter ("" when
 * the sheet has none). One object literal, no closures: per-call closures and class instances die
 * at full GCs and take the optimized checks that saw them along.
 */
interface Checker {
  readonly a: Appendix;
  readonly year: number | null;
  readonly findings: Finding[];
  readonly letters: Record<ColumnRole, string>;
  /**
   * One params object per distinct qualitative target and per (points, framework points) pair:
   * such findings recur by the thousand on a large sheet (a plan on an older framework, one
   * target phrase on many rows), and equal params let findingMessages format each message once.
   */
  readonly unparsedParams: Map<ParsedTarget, FindingParams>;
  readonly mismatchParams: Map<number, Map<number, FindingParams>>; // of the framework being checked
  /** One params object per unknown agency (the reader shares a cell text's refs), its suggestion looked up once. */
  readonly unknownParams: Map<AgencyRef, FindingParams>;
  /** The status of each distinct result against targets it settles alone (statusByActualAlone). */
  readonly settledBy: Map<string, RowCheck['status']>;
}

type NewFinding = Omit<Finding, 'row' | 'code'> & { row?: number };

function addFinding(ck: Checker, it: AppendixItem, f: NewFinding): void {
  // Field by field, not a spread: one object shape for every finding, and no copy of `f`.
  const finding: Finding = { kind: f.kind, severity: f.severity, row: f.row ?? it.row, column: f.column, code: it.code, params: f.params };
  if (f.explanation !== undefined) finding.explanation = f.explanation;
  if (it.explanation) finding.explanation = it.explanation;
  ck.findings.push(finding);
}

/** `year`: the year the self-assessment is for, which picks the stage of a target staged by year (null: unknown). */
export function validate(a: Appendix, policy: EvidencePolicy, framework: Framework | null, year: number | null = null): ValidationResult {
  const items = a.items;
  const ck: Checker = { a, year, findings: [], letters: roleLetters(a.columns), unparsedParams: new Map(), mismatchParams: new Map(), unknownParams: new Map(), settledBy: new Map() };
  const letters = ck.letters;
  let topsMax: { sum: number; count: number } | null = null; // the total row's check, computed once
  const checks: RowCheck[] = new Array(items.length).fill(rowCheck(null, true)); // rows not checked

  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'baseline') continue;
    if (it.kind === 'total') {
      topsMax ??= topLevelMax(a);
      checkTotal(ck, it, topsMax);
      continue;
    }
    checkSums(ck, it);
    const leaf = it.children.length === 0;
    if (it.selfPoints !== null && it.maxPoints !== null && it.selfPoints > it.maxPoints + EPS) {
      addFinding(ck, it, { kind: 'over-max', severity: 'error', column: letters.selfPoints, params: { points: fmt(it.selfPoints), max: fmt(it.maxPoints) } });
    }
    if (it.selfPoints !== null && it.selfPoints < -EPS) {
      addFinding(ck, it, { kind: 'bad-number', severity: 'error', column: letters.selfPoints, params: { value: fmt(it.selfPoints) } });
    }
    if (it.maxPoints !== null && it.maxPoints < -EPS) {
      addFinding(ck, it, { kind: 'bad-number', severity: 'error', column: letters.maxPoints, params: { value: fmt(it.maxPoints) } });
    }
    checks[k] = checkRow(ck, it, policy);
    const needsLead = leaf && !it.surveyOnly && !it.notApplicable && (it.kind !== 'section' || !a.hasPoints);
    if (needsLead && letters.lead !== '' && it.lead.length === 0) {
      addFinding(ck, it, { kind: 'missing-lead-agency', severity: 'warning', column: letters.lead, params: {} });
    }
    // An inherited lead was checked on the row it came from.
    if (it.leadInheritedFrom === null) unknownAgencies(ck, it, it.lead);
    unknownAgencies(ck, it, it.coordinating);
    // A qualitative target the result settles (see checkRow) needs no "assess by hand" note, nor a
    // survey-scored row's "target", which names who runs the survey ("Do Bộ Nội vụ chủ trì thực hiện").
    const status = checks[k]!.status;
    const noNote = it.surveyOnly || ((status === 'met' || status === 'unmet') && firstCheckable(it.targets) === null);
    // Index loops over the row's lists here and below: for…of allocated an iterator and its
    // results per row (~0.3 MB a 10,000-row sheet, sampled with collected objects).
    const targets = it.targets;
    for (let x = 0; x < targets.length; x++) {
      const t = targets[x]!;
      if (t.threshold.kind === 'qualitative' && it.targetText && !noNote) {
        addFinding(ck, it, { kind: 'target-unparsed', severity: 'info', column: it.targetCol || letters.target, params: unparsedParams(ck, t) });
      }
    }
    if (!a.hasPoints && isTask(a, it)) checkTaskFields(ck, it); // the flag first: isTask looks up a WeakMap
  }
  if (framework) checkFramework(ck, framework);
  const findings = ck.findings;
  findings.sort(byCell);
  return { findings, checks };
}

function unknownAgencies(ck: Checker, it: AppendixItem, list: readonly AgencyRef[]): void {
  for (let x = 0; x < list.length; x++) {
    const ag = list[x]!;
    if (!ag.unknown) continue;
    const role: ColumnRole = it.lead.includes(ag) ? 'lead' : 'coordinating';
    addFinding(ck, it, { kind: 'unknown-agency', severity: 'warning', column: ck.letters[role], params: unknownParams(ck, ag) });
  }
}

/** The params of an unknown agency's finding: its name and, when one entry is close, what it likely means ("Trung tâm y" → Trung tâm Y tế). */
function unknownParams(ck: Checker, ag: AgencyRef): FindingParams {
  let p = ck.unknownParams.get(ag);
  if (!p) {
    const near = suggestAgency(ag.raw);
    ck.unknownParams.set(ag, (p = near ? { name: ag.raw.slice(0, 120), suggestion: near.name } : { name: ag.raw.slice(0, 120) }));
  }
  return p;
}

function fmt(n: number): string {
  return formatViNumber(n);
}

function checkRow(ck: Checker, it: AppendixItem, policy: EvidencePolicy): RowCheck {
  const a = ck.a;
  const letters = ck.letters;
  if (!a.hasSelfAssessment || it.notApplicable || it.surveyOnly) return rowCheck(null, true);
  let evidenceOk = true;
  let status: RowCheck['status'] = null;
  const claimed = (it.selfPoints ?? 0) > EPS;
  const entered = claimed || it.actual !== '';
  const hasEvidenceCol = letters.evidence !== '';
  // A failed formula (#REF!, #N/A…) in the evidence cell is no evidence.
  const evidence = it.evidence !== '' && !isExcelError(it.evidence);
  if (entered && !evidence && it.children.length === 0) {
    const explained = policy === 'explain' && it.explanation !== '' && !isExcelError(it.explanation);
    evidenceOk = policy === 'flag' || explained;
    addFinding(ck, it, {
      kind: 'missing-evidence',
      severity: policy === 'zero' || (policy === 'explain' && !explained) ? 'error' : 'warning',
      column: hasEvidenceCol ? letters.evidence : claimed ? letters.selfPoints : letters.actual,
      params: { policy },
    });
  }
  if (isExcelError(it.actual)) {
    // A failed formula as the result: nothing to check the target against, and no points for it.
    addFinding(ck, it, { kind: 'bad-number', severity: 'error', column: letters.actual, params: { value: it.actual } });
    return rowCheck('unmet', evidenceOk);
  }
  // A figure to check first; else the words of the target, which a result settles only when it
  // says so ("Chưa thực hiện", "Chậm 5 ngày" against "Đúng thời gian quy định"; "Hoàn thành") — as
  // PARCHECK judges the same cells. Anything else stays for the officer (target-unparsed).
  const forYear = targetForYear(it.targets, ck.year);
  const target = forYear.target ?? (it.targetText ? (it.targets[0] ?? null) : null);
  if (target && it.actual !== '') {
    if (forYear.staged && ck.year === null) {
      // Which year's stage applies is the officer's to say: checked against the first written, and told so.
      addFinding(ck, it, { kind: 'target-by-year', severity: 'info', column: it.targetCol || letters.target, params: { stages: stagesText(it.targets), year: target.year ?? '' } });
    }
    // The status alone for every row; the reasons, in both languages, only for unmet rows.
    status = statusOf(ck, target.threshold, it.actualRaw ?? it.actual);
    if (status === 'unmet') {
      addFinding(ck, it, { kind: 'threshold-unmet', severity: 'error', column: letters.actual, params: {
          target: target.text.slice(0, 120),
          actual: it.actual.slice(0, 60),
          reason: evaluateThreshold(target.threshold, it.actualRaw ?? it.actual, 'vi').reason,
          reasonEn: evaluateThreshold(target.threshold, it.actualRaw ?? it.actual, 'en').reason,
        },
      });
    }
  }
  return rowCheck(status, evidenceOk);
}

/** thresholdStatus, once per distinct text result where the target does not change it. */
function statusOf(ck: Checker, t: Threshold, actual: unknown): RowCheck['status'] {
  if (typeof actual !== 'string' || !statusByActualAlone(t)) return thresholdStatus(t, actual);
  let status = ck.settledBy.get(actual);
  if (status === undefined) ck.settledBy.set(actual, (status = thresholdStatus(t, actual)));
  return status;
}

function checkSums(ck: Checker, it: AppendixItem): void {
  if (it.maxPoints === null) return;
  const items = ck.a.items;
  // Sums in child order, in one pass without arrays (runs for every item with points).
  let kids = 0;
  let sum = 0;
  let selfKids = 0;
  let selfSum = 0;
  const children = it.children;
  for (let x = 0; x < children.length; x++) {
    const kid = items[children[x]!]!;
    if (kid.maxPoints === null) continue;
    kids++;
    sum += kid.maxPoints;
    if (kid.selfPoints !== null) {
      selfKids++;
      selfSum += kid.selfPoints;
    }
  }
  if (!kids) return;
  if (Math.abs(sum - it.maxPoints) > 1e-6) {
    addFinding(ck, it, { kind: 'sum-mismatch', severity: 'error', column: ck.letters.maxPoints, params: { what: 'max', value: fmt(it.maxPoints), sum: fmt(sum), children: kids } });
  }
  if (it.selfPoints !== null && selfKids) {
    if (Math.abs(selfSum - it.selfPoints) > 1e-6) {
      addFinding(ck, it, { kind: 'sum-mismatch', severity: 'warning', column: ck.letters.selfPoints, params: { what: 'self', value: fmt(it.selfPoints), sum: fmt(selfSum), children: selfKids } });
    }
  }
}

/** Sum and count of the top-level maxima (once per sheet: subtotal rows may be many). */
function topLevelMax(a: Appendix): { sum: number; count: number } {
  let sum = 0;
  let count = 0;
  for (let k = 0; k < a.items.length; k++) {
    const x = a.items[k]!; // an index loop: for…of made an iterator result per item
    if (x.parent !== -1 || x.kind === 'total' || x.maxPoints === null) continue;
    sum += x.maxPoints ?? 0;
    count++;
  }
  return { sum, count };
}

function checkTotal(ck: Checker, it: AppendixItem, tops: { sum: number; count: number }): void {
  if (it.maxPoints === null) return;
  if (tops.count && Math.abs(tops.sum - it.maxPoints) > 1e-6) {
    addFinding(ck, it, { kind: 'sum-mismatch', severity: 'error', column: ck.letters.maxPoints, params: { what: 'total', value: fmt(it.maxPoints), sum: fmt(tops.sum), children: tops.count } });
  }
}

function checkTaskFields(ck: Checker, it: AppendixItem): void {
  // A role has a column exactly when it has a letter: no scan of the columns per task row.
  const missing: string[] = [];
  if (ck.letters.product !== '' && !it.product && !it.targetText) missing.push('product');
  if (ck.letters.deadline !== '' && !it.deadline) missing.push('deadline');
  for (const m of missing) {
    addFinding(ck, it, { kind: 'missing-task-field', severity: 'info', column: m === 'product' ? ck.letters.product : ck.letters.deadline, params: { field: m } });
  }
}

function checkFramework(ck: Checker, fw: Framework): void {
  const items = ck.a.items;
  const column = ck.letters.maxPoints;
  ck.mismatchParams.clear(); // its params name the framework: one framework's pairs at a time
  nodeIndex(fw); // warm the cache once for the whole sheet
  // How each item found its node: 0 none, 1 under its own code, 2 by its name under another code.
  // A scored criterion under a parent in its place that finds none is a code the framework does
  // not have ("3.3.4" where 3.3 ends at 3.3.3); one found by name elsewhere is renumbered — told
  // once, at the top of a renumbered branch, not again for each child that moved with it.
  const found = new Uint8Array(items.length);
  // An index loop: for…of here made an iterator result per item (~0.4 MB a 10,000-row sheet).
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (!it.code || it.maxPoints === null || it.kind === 'total') continue;
    const node = matchNode(fw, it.code, it.name);
    const parentFound = it.parent >= 0 ? found[it.parent]! : 1;
    if (node) found[k] = node.code === normalizeCode(it.code) ? 1 : 2;
    if (found[k] === 2 && parentFound !== 2) {
      addFinding(ck, it, { kind: 'framework-mismatch', severity: 'warning', column: ck.letters.code || column, params: { what: 'code', code: it.code, expected: node!.code, framework: fw.id } });
    }
    if (node?.surveyOnly) {
      // Points typed on a survey-run index (8.1 SIPAS): the framework gives it none to claim.
      addFinding(ck, it, { kind: 'framework-mismatch', severity: 'warning', column, params: { what: 'survey-only', value: fmt(it.maxPoints), framework: fw.id } });
    } else if (node && node.max !== undefined && Math.abs(node.max - it.maxPoints) > 1e-6) {
      addFinding(ck, it, { kind: 'framework-mismatch', severity: 'warning', column, params: mismatchParams(ck, it.maxPoints, node.max, fw.id) });
    } else if (!node && it.parent >= 0 && parentFound === 1 && items[it.parent]!.code) {
      addFinding(ck, it, { kind: 'framework-mismatch', severity: 'warning', column: ck.letters.code || column, params: { what: 'unknown-code', code: it.code, framework: fw.id } });
    }
  }
}

/** The params of a qualitative target's finding, one object per target (see Checker). */
function unparsedParams(ck: Checker, t: ParsedTarget): FindingParams {
  let p = ck.unparsedParams.get(t);
  if (!p) ck.unparsedParams.set(t, (p = { text: t.text.slice(0, 120) }));
  return p;
}

/** The params of a framework mismatch, one object per pair of points of the framework checkFramework checks (see Checker). */
function mismatchParams(ck: Checker, value: number, expected: number, framework: string): FindingParams {
  const byExpected = innerMap(ck.mismatchParams, value);
  let p = byExpected.get(expected);
  if (!p) byExpected.set(expected, (p = { value: fmt(value), expected: fmt(expected), framework }));
  return p;
}
