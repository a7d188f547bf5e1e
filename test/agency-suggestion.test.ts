// An unknown agency close to one in the registry says which one it likely is, in both languages:
// the Hà Giang plan's "Trung tâm y thành phố" (a typo for Trung tâm Y tế thành phố).
import { strict as assert } from 'node:assert';
import { analyzeSheet, renderFinding } from '../model';
import { HAGIANG, loadSnapshot } from './helpers/fixtures';

describe('unknown agencies with a suggestion', () => {
  it('names the likely registry entry beside the warning, and nothing for a company the registry does not hold', async () => {
    const a = analyzeSheet(await loadSnapshot(HAGIANG));
    const unknown = a.findings.filter((f) => f.kind === 'unknown-agency');
    const typo = unknown.filter((f) => f.params.name === 'Trung tâm y thành phố');
    assert.ok(typo.length >= 2, 'the fixture has the typo on several rows');
    for (const f of typo) {
      assert.equal(f.params.suggestion, 'Trung tâm Y tế');
      assert.equal(renderFinding(f, 'vi').message, 'Cơ quan không có trong danh mục: "Trung tâm y thành phố" (có phải "Trung tâm Y tế"?)');
      assert.equal(renderFinding(f, 'en').message, 'Agency not in the registry: "Trung tâm y thành phố" (did you mean "Trung tâm Y tế"?)');
    }
    // One params object for the rows sharing the cell text: the message is formatted once.
    assert.equal(new Set(typo.map((f) => f.params)).size, 1);
    const company = unknown.find((f) => /^Công ty/.test(String(f.params.name)));
    assert.ok(company, 'the fixture names a company as lead');
    assert.equal(company.params.suggestion, undefined);
  });
});
