// A target in words ("Đúng thời gian quy định", "Có thực hiện") is settled by a result that says so
// — the table, the score and PARCHECK agree — and left to the officer otherwise.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { analyzeSheet, evaluateThreshold, parseTarget } from '../model';
import { createFunctionsLogic } from '../addin/functions/logic';
import { buildSummaryTables, formatThreshold } from '../model';
import { FIXTURES, loadSnapshot, setCell } from './helpers/fixtures';

const LIBREOFFICE = path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx');
const ACTUAL = 11; // K: "Kết quả thực hiện"

describe('qualitative targets', () => {
  it('a result that says it failed is unmet, costs its points, and PARCHECK says the same', async () => {
    const s = await loadSnapshot(LIBREOFFICE);
    const before = analyzeSheet(s);
    const row10 = before.appendix.items.find((i) => i.row === 10)!;
    const row62 = before.appendix.items.find((i) => i.row === 62)!;
    assert.deepEqual([row10.targets[0]!.threshold.kind, row62.targets[0]!.threshold.kind], ['qualitative', 'qualitative']);
    setCell(s, 10, ACTUAL, 'Chậm 5 ngày so với quy định');
    setCell(s, 62, ACTUAL, 'Chưa thực hiện');
    const after = analyzeSheet(s);
    const unmet = after.findings.filter((f) => f.kind === 'threshold-unmet').map((f) => `${f.column}${f.row}`);
    assert.ok(unmet.includes('K10') && unmet.includes('K62'), unmet.join());
    const lost = (row10.selfPoints ?? 0) + (row62.selfPoints ?? 0);
    assert.ok(lost > 0);
    assert.equal(Math.round((before.score.totals.accepted - after.score.totals.accepted) * 1e6) / 1e6, lost);
    // No "assess by hand" note where the result settled it.
    assert.ok(!after.findings.some((f) => f.kind === 'target-unparsed' && (f.row === 10 || f.row === 62)));
    const engine = { analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold };
    const logic = createFunctionsLogic(engine);
    assert.match(logic.check(row10.targetText, 'Chậm 5 ngày so với quy định'), /^Chưa đạt/);
    assert.match(logic.check(row62.targetText, 'Chưa thực hiện'), /^Chưa đạt/);
  });

  it('a result the words do not settle stays for the officer, with its note and its points', async () => {
    const s = await loadSnapshot(LIBREOFFICE);
    const before = analyzeSheet(s);
    setCell(s, 10, ACTUAL, 'Ban hành Kế hoạch số 12/KH-UBND');
    const after = analyzeSheet(s);
    assert.ok(!after.findings.some((f) => f.kind === 'threshold-unmet' && f.row === 10));
    assert.ok(after.findings.some((f) => f.kind === 'target-unparsed' && f.row === 10));
    assert.equal(after.score.totals.accepted, before.score.totals.accepted);
  });
});

describe('deadline targets', () => {
  it('rows with one result are judged each against its own deadline (validation shares a verdict only where no deadline is named)', async () => {
    const s = await loadSnapshot(LIBREOFFICE);
    const target = analyzeSheet(s).appendix.columns.find((c) => c.role === 'target')!.col;
    // Same result text on both rows, deadlines either side of its date, in both orders.
    for (const [first, second] of [['31/12/2023', '31/3/2023'], ['31/3/2023', '31/12/2023']]) {
      setCell(s, 10, target, `Hoàn thành trước ${first}`);
      setCell(s, 62, target, `Hoàn thành trước ${second}`);
      setCell(s, 10, ACTUAL, 'Hoàn thành ngày 15/6/2023');
      setCell(s, 62, ACTUAL, 'Hoàn thành ngày 15/6/2023');
      const unmet = analyzeSheet(s).findings.filter((f) => f.kind === 'threshold-unmet').map((f) => f.row);
      assert.deepEqual([unmet.includes(10), unmet.includes(62)], [first === '31/3/2023', second === '31/3/2023'], `${first} / ${second}: ${unmet.join()}`);
    }
  });

  const judge = (target: string, actual: unknown) => evaluateThreshold(parseTarget(target)[0]!.threshold, actual, 'vi').status;
  it('a year makes a date, a batch number does not', () => {
    assert.equal(judge('Hoàn thành trước 31/12/2023', 'Hoàn thành ngày 15/01/2024'), 'unmet');
    assert.equal(judge('Hoàn thành trước 31/12/2023', 'Hoàn thành ngày 31/12/2023'), 'met');
    assert.equal(judge('Có thực hiện (đợt 1002)', 'Hoàn thành ngày 15/01/2024'), 'met');
  });
});
