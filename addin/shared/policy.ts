// The evidence policy the officer chose in the task pane (saved in the workbook), shared with the
// custom functions as the language is (addin/shared/language.ts): PARSCORE must give the number the
// pane shows for the same range.
import type { EvidencePolicy } from '../../model/types';

let current: EvidencePolicy = 'zero';

export function setEvidencePolicy(policy: EvidencePolicy): void {
  current = policy === 'explain' || policy === 'flag' ? policy : 'zero';
}

export function getEvidencePolicy(): EvidencePolicy {
  return current;
}
