// Scores: max / claimed / accepted / at risk by field and by lead agency, plus the task-level summary.
import { agencyKey } from './agencies';
import { roleLetters } from './columns';
import { isScoredLeaf, isTask, type ValidationResult } from './validate';
import type { AgencyLine, Appendix, AppendixItem, ScoreLine, ScoreReport, TaskSummaryLine } from './report-types';
import type { AgencyRef, Finding, ScoreTotals } from './types';

const round = (n: number) => Math.round(n * 1e6) / 1e6;

function totals(max: number, claimed: number, accepted: number, capped: number): ScoreTotals {
  return {
    max: round(max),
    claimed: round(claimed),
    accepted: round(accepted),
    atRisk: round(Math.max(0, capped - accepted)),
    indexPercent: max > 0 ? round((accepted / max) * 100) : null,
  };
}

interface Acc {
  max: number;
  claimed: number;
  accepted: number;
  capped: number;
  items: number;
  tasks: number;
  findings: number;
}
const acc = (): Acc => ({ max: 0, claimed: 0, accepted: 0, capped: 0, items: 0, tasks: 0, findings: 0 });

export function score(a: Appendix, v: ValidationResult): ScoreReport {
  const items = a.items;
  const top = topOf(items);
  const findingsByRow = countByRow(v.findings);
  const fieldAcc = new Map<number, Acc>();
  const agencyAcc = new Map<string, { ref: AgencyRef; acc: Acc }>();
  const all = acc();
  let taskCount = 0;

  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    if (it.kind === 'total' || it.kind === 'baseline') continue;
    const t = top[k]!;
    let f = fieldAcc.get(t);
    if (!f) fieldAcc.set(t, (f = acc()));
    let nFindings = 0;
    for (let x = 0; x < it.rows.length; x++) nFindings += countAt(findingsByRow, it.rows[x]!);
    f.findings += nFindings;
    const task = isTask(a, it);
    if (task) taskCount++;
    const scored = isScoredLeaf(items, it) && !it.notApplicable;
    const parts = scored ? leafScore(it, v, k, LEAF) : null;
    if (parts) add(f, parts), add(all, parts);
    if (scored) f.items++;
    if (task) f.tasks++;
    if (!scored && !task) continue;
    const lead = it.lead;
    for (let x = 0; x < lead.length; x++) {
      const ag = lead[x]!; // an index loop: for…of allocated an iterator and its results per row
      const key = agencyKey(ag);
      let e = agencyAcc.get(key);
      if (!e) agencyAcc.set(key, (e = { ref: ag, acc: acc() }));
      if (parts) add(e.acc, parts);
      if (scored) e.acc.items++;
      if (task) e.acc.tasks++;
      e.acc.findings += nFindings;
    }
  }

  const fields: ScoreLine[] = [...fieldAcc.entries()]
    .filter(([t]) => t >= 0)
    .map(([t, x]) => {
      const it = items[t]!;
      return { key: it.path, code: it.code, name: it.name, items: x.items, findings: x.findings, ...totals(x.max, x.claimed, x.accepted, x.capped) };
    });
  const agencies: AgencyLine[] = [...agencyAcc.entries()]
    .map(([key, { ref, acc: x }]) => ({ key, name: ref.name, unknown: ref.unknown, items: x.items, tasks: x.tasks, findings: x.findings, ...totals(x.max, x.claimed, x.accepted, x.capped) }))
    .sort((p, q) => q.max - p.max || q.tasks - p.tasks || p.name.localeCompare(q.name, 'vi'));
  return { totals: totals(all.max, all.claimed, all.accepted, all.capped), fields, agencies, tasks: taskSummary(a, top), taskCount };
}

interface Parts {
  max: number;
  claimed: number;
  accepted: number;
  capped: number;
}

/**
 * One leaf's points, written into the one scratch `out` (LEAF): the accumulators copy them at once,
 * and an object per scored leaf was ~0.5 MB of garbage a 10,000-row sheet.
 */
const LEAF: Parts = { max: 0, claimed: 0, accepted: 0, capped: 0 };

function leafScore(it: AppendixItem, v: ValidationResult, k: number, out: Parts): Parts {
  const max = Math.max(0, it.maxPoints ?? 0); // a negative maximum is a bad-number finding, scored as 0
  const claimed = Math.max(0, it.selfPoints ?? 0);
  const capped = Math.min(claimed, max);
  const check = v.checks[k];
  const unmet = check?.status === 'unmet';
  out.max = max;
  out.claimed = claimed;
  out.accepted = check && check.evidenceOk && !unmet ? capped : 0;
  out.capped = capped;
  return out;
}

function add(x: Acc, p: Parts): void {
  x.max += p.max;
  x.claimed += p.claimed;
  x.accepted += p.accepted;
  x.capped += p.capped;
}

/** Index of each item's top-level ancestor (field / content index), -1 for none. */
function topOf(items: AppendixItem[]): number[] {
  const out = new Array<number>(items.length);
  for (let k = 0; k < items.length; k++) {
    const p = items[k]!.parent;
    out[k] = p === -1 ? k : out[p]!;
  }
  return out;
}

/**
 * Findings that are not info, per Excel row: counts[row - first]. An array over the rows findings
 * span (within the sheet), not a Map: thousands of entries grew a Map through ever larger tables.
 */
interface RowCounts {
  first: number;
  counts: Int32Array;
}

function countByRow(findings: Finding[]): RowCounts {
  let first = Infinity;
  let last = -Infinity;
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k]!;
    if (f.severity === 'info') continue;
    if (f.row < first) first = f.row;
    if (f.row > last) last = f.row;
  }
  const counts = new Int32Array(first <= last ? last - first + 1 : 0);
  for (let k = 0; k < findings.length; k++) if (findings[k]!.severity !== 'info') counts[findings[k]!.row - first]!++;
  return { first, counts };
}

function countAt(c: RowCounts, row: number): number {
  const i = row - c.first;
  return i >= 0 && i < c.counts.length ? c.counts[i]! : 0;
}

/** `top`: topOf(a.items), which score has already made. */
function taskSummary(a: Appendix, top: readonly number[]): TaskSummaryLine[] {
  const items = a.items;
  // A field is missing only where the sheet has its column, told as validate tells it (roleLetters):
  // a plan without a product column would count every task as "Thiếu sản phẩm" with no finding behind it.
  const letters = roleLetters(a.columns);
  const [leadCol, productCol, deadlineCol] = [letters.lead !== '', letters.product !== '', letters.deadline !== ''];
  const lines = new Map<number, TaskSummaryLine>();
  for (let k = 0; k < items.length; k++) {
    const it = items[k]!;
    const t = top[k]!;
    // A top-level baseline is the whole index's line (above content index 1), not a content index.
    if (it.parent === -1 && it.kind !== 'total' && it.kind !== 'baseline') {
      lines.set(k, { code: it.code, name: it.name, tasks: 0, missingLead: 0, missingProduct: 0, missingDeadline: 0, baseline: null });
      // No continue: a content index on one row with its own task ("1 | Chỉ số hài lòng về … | <task>")
      // counts that task on its own line, as score() counts it for its lead agency.
    }
    const line = lines.get(t);
    if (!line) continue;
    if (it.kind === 'baseline') {
      line.baseline ??= it.baseline;
      continue;
    }
    if (!isTask(a, it)) continue;
    line.tasks++;
    if (leadCol && !it.lead.length) line.missingLead++;
    if (productCol && !it.product && !it.targetText) line.missingProduct++;
    if (deadlineCol && !it.deadline) line.missingDeadline++;
  }
  return [...lines.values()];
}
