// The evidence policy and the assessment year the officer chose in the task pane (saved in the
// workbook), shared with the custom functions as the language is (addin/shared/language.ts):
// PARSCORE must give the number the pane shows for the same range.
import type { EvidencePolicy } from '../../model/types';

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
  year = Number.isInteger(y) && y! >= 1900 && y! <= 2199 ? y : null;
}

export function getAssessmentYear(): number | null {
  return year;
}

let paneTitleYear: number | null = null;

/**
 * The year the task pane read from its sheet's title: the functions' year for a range that starts
 * below the title (A5:N123 holds none), so that PARSCORE and PARCHECK check the stage the pane does.
 */
export function setPaneTitleYear(y: number | null): void {
  paneTitleYear = Number.isInteger(y) && y! >= 1900 && y! <= 2199 ? y : null;
}

export function getPaneTitleYear(): number | null {
  return paneTitleYear;
}
