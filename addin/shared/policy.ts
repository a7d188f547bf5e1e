// The evidence policy and the assessment year the officer chose in the task pane (saved in the
// workbook), shared with the custom functions as the language is (addin/shared/language.ts):
// PARSCORE must give the number the pane shows for the same range.
import type { EvidencePolicy } from '../../model/types';
import { sameSheetName } from '../../model/sheet-names';
import { parseYear } from '../../model/stages';

let current: EvidencePolicy = 'zero';
let year: number | null = null;

export function setEvidencePolicy(policy: EvidencePolicy): void {
  current = policy === 'explain' || policy === 'flag' ? policy : 'zero';
}

export function getEvidencePolicy(): EvidencePolicy {
  return current;
}

/** The year targets staged by year are checked for; null: the year the table's title names. */
export function setAssessmentYear(y: number | null): void {
  year = parseYear(y);
}

export function getAssessmentYear(): number | null {
  return year;
}

let paneTitle: { sheet: string; year: number } | null = null;

/**
 * The year the task pane read from its sheet's title: the functions' year for a range on that
 * sheet that starts below the title (A5:N123 holds none), so that PARSCORE and PARCHECK check the
 * stage the pane does. Null: the pane read no such year (or no sheet).
 */
export function setPaneTitleYear(sheet: string, y: number | null): void {
  const year = parseYear(y);
  paneTitle = year === null ? null : { sheet, year };
}

/** The pane's title year for a range on `sheet` (compared as Excel compares sheet names), else null. */
export function getPaneTitleYear(sheet: string): number | null {
  return paneTitle && sheet !== '' && sameSheetName(paneTitle.sheet, sheet) ? paneTitle.year : null;
}
