// The PAPI/SIPAS task summary counts a missing product, timeframe or lead only where a finding says
// so: a plan without a product column has no "Thiếu sản phẩm" (Hà Giang).
import { strict as assert } from 'node:assert';
import { analyzeSheet } from '../model';
import { HAGIANG, loadSnapshot, VINHPHUC } from './helpers/fixtures';

describe('task summary counts', () => {
  for (const [what, file] of [['Hà Giang (no product column)', HAGIANG], ['Vĩnh Phúc', VINHPHUC]] as const) {
    it(`equal the findings behind them: ${what}`, async () => {
      const a = analyzeSheet(await loadSnapshot(file));
      const sum = (k: 'missingLead' | 'missingProduct' | 'missingDeadline') => a.score.tasks.reduce((n, t) => n + t[k], 0);
      const count = (kind: string, field?: string) => a.findings.filter((f) => f.kind === kind && (field === undefined || f.params.field === field)).length;
      assert.equal(sum('missingProduct'), count('missing-task-field', 'product'));
      assert.equal(sum('missingDeadline'), count('missing-task-field', 'deadline'));
      assert.equal(sum('missingLead'), count('missing-lead-agency'));
    });
  }
});
