// English finding messages count in the singular where there is one.
import { strict as assert } from 'node:assert';
import { renderFinding, type Finding } from '../model';

const sum = (what: string, children: number): Finding => ({ kind: 'sum-mismatch', severity: 'error', row: 9, column: 'C', code: '1.2', params: { what, value: '2', sum: '1,5', children } });

describe('finding wording in English', () => {
  it('one child, one field; several children, several fields', () => {
    assert.equal(renderFinding(sum('max', 1), 'en').message, 'Maximum 2 differs from the sum of the maxima of its 1 child (1.5)');
    assert.equal(renderFinding(sum('max', 3), 'en').message, 'Maximum 2 differs from the sum of the maxima of its 3 children (1.5)');
    assert.equal(renderFinding(sum('self', 1), 'en').message, 'Self-assessed points 2 differ from the sum over 1 child (1.5)');
    assert.equal(renderFinding(sum('total', 1), 'en').message, 'Total 2 differs from the sum of the maxima of its 1 field (1.5)');
    assert.equal(renderFinding(sum('total', 8), 'en').message, 'Total 2 differs from the sum of the maxima of the 8 fields (1.5)');
  });
});
