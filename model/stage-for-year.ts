// The stage of a target set year by year (model/stages.ts reads the stages) that a result is
// checked against in the assessment year, and the words the findings name stages by. Apart from
// stages.ts: that one is read by parseTarget, this one uses thresholds.ts (no import cycle).
import { firstCheckable, formatThreshold } from './thresholds';
import type { ParsedTarget, Threshold } from './types';

/**
 * The target a result is checked against in `year`: the first checkable one, or where that one
 * is staged by year, the stage for the year (the latest stage up to it, moved on by its yearly
 * step, never past the next stage; the earliest stage before them all). `year` null: the first
 * checkable target as written, and `staged` says the year would have mattered (see the
 * target-by-year finding). A stage's text names its year: "≥ 70% năm 2023".
 */
export function targetForYear(targets: readonly ParsedTarget[], year: number | null): { target: ParsedTarget | null; staged: boolean } {
  const first = firstCheckable(targets);
  if (!first || first.year === undefined) return { target: first, staged: false };
  if (year === null) return { target: named(first), staged: true };
  let earliest: ParsedTarget | null = null;
  let base: ParsedTarget | null = null;
  let next: ParsedTarget | null = null;
  for (const t of targets) {
    if (t.year === undefined) continue;
    if (!earliest || t.year < earliest.year!) earliest = t;
    if (t.year <= year && (!base || t.year > base.year!)) base = t;
    if (t.year > year && (!next || t.year < next.year!)) next = t;
  }
  const stage = base ?? earliest!;
  const step = stage.yearStep;
  if (stage.year === year || !base || !step || stage.threshold.kind !== 'compare') {
    return { target: named(stage), staged: true };
  }
  const from = stage.threshold;
  let value = from.value + (step.direction === 'increase' ? 1 : -1) * step.by * (year - stage.year!);
  // Never past the next stage the plan names, nor below 0 or past 100 %.
  const bound = next?.threshold.kind === 'compare' && next.threshold.unit === from.unit ? next.threshold.value : null;
  if (step.direction === 'increase') value = Math.min(value, bound ?? Infinity, from.unit === '%' ? 100 : Infinity);
  else value = Math.max(value, bound ?? -Infinity, 0); // no count, day or rate below none
  value = Number(value.toPrecision(12));
  const threshold: Threshold = { ...from, value };
  const text = `${formatThreshold(threshold, 'vi')} năm ${year} (${formatThreshold(from, 'vi')} năm ${yearsOf(stage)}, ${step.text})`;
  return { target: { text, threshold, year }, staged: true };
}

/** A stage as a finding names it, by its figure and year ("≥ 60% năm 2022"): the cell's words around it often run into the next stage's. */
function named(t: ParsedTarget): ParsedTarget {
  return { text: `${formatThreshold(t.threshold, 'vi')} năm ${yearsOf(t)}`, threshold: t.threshold, year: t.year! };
}

/** A stage's year, or its period ("2024-2025"). */
function yearsOf(t: ParsedTarget): string {
  return t.until ? `${t.year}-${t.until}` : String(t.year);
}

/** The stages of a staged target list, "2022: ≥ 60%; 2025: ≥ 90%" (with each yearly step), for the finding that asks for the year. */
export function stagesText(targets: readonly ParsedTarget[]): string {
  const parts: string[] = [];
  const staged = targets.filter((t) => t.year !== undefined).sort((x, y) => x.year! - y.year!);
  for (const t of staged) parts.push(`${yearsOf(t)}: ${formatThreshold(t.threshold, 'vi')}${t.yearStep ? `, ${t.yearStep.text}` : ''}`);
  return parts.join('; ');
}
