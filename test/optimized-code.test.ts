// The engine keeps its optimized code from sheet to sheet: V8 drops optimized functions whose
// hidden classes die, and a hidden class made once per sheet dies between sheets unless something
// keeps it (see keptReaderShape in model/reader.ts). Run in a child process: V8's tracing flags.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuilt, ROOT } from './helpers/cli';

/** The reader's functions that take its per-sheet state: the ones a dead state map threw away. */
const READER_FUNCTIONS = ['readRow', 'pushItem', 'cellText', 'rawCell', 'excelRow', 'isBlank', 'readTargets', 'readPoints', 'registerPath', 'findParentByCode', 'fixNumericCode', 'agenciesOf', 'targetsOf', 'inheritLeads', 'ownerOfItems'];
/** Validation's and score's functions that read agency references: a spread's map (copies of cached references) died between sheets. */
const AGENCY_FUNCTIONS = ['validate', 'unknownAgencies', 'agencyKey', 'score'];

// 9,090 rows read 20 times, each after a full collection and a pause: without the kept state the
// reader's code was dropped ("weak objects") between the 3rd and the 10th read in every run tried.
const script = (step: string) => `
const { readAppendix } = require(${JSON.stringify(path.join(ROOT, 'lib', 'model', 'reader'))});
const { analyzeSheet, buildInlineMarks, buildSummaryTables } = require(${JSON.stringify(path.join(ROOT, 'lib', 'model'))});
const values = [['STT', 'Tiêu chí', 'Điểm tối đa', 'Mục tiêu', 'Chủ trì', 'Phối hợp', 'Kết quả', 'Điểm tự đánh giá']];
for (let s = 1; s <= 90; s++) {
  values.push([String(s), 'Lĩnh vực ' + s, 25, '', '', '', '', '']);
  for (let k = 1; k <= 100; k++) {
    values.push([s + '.' + k, 'Tiêu chí ' + s + '.' + k + ' về cải cách', 0.25, k % 3 ? '100%' : 'Đạt từ ' + (80 + (k % 20)) + '% trở lên',
      k % 2 ? 'Sở Nội vụ' : 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', (90 + (k % 10)) + '%', 0.25]);
  }
}
const snapshot = { name: 'Phụ lục', values, merges: [] };
(async () => {
  for (let k = 0; k < 20; k++) {
    globalThis.gc();
    await new Promise((r) => setTimeout(r, 50));
    ${step};
  }
})();
`;

/** Functions of `watched` that V8 dropped at a full collection ("weak objects") while `step` ran 20 times. */
function droppedWhile(step: string, watched: readonly string[]): string[] {
  const r = spawnSync(process.execPath, ['--expose-gc', '--trace-deopt', '-e', script(step)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /marking dependent code|bailout/, 'the child traced deoptimizations (else this test sees nothing)');
  const dropped = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    const m = /SharedFunctionInfo ([\w$]+)>.*reason: weak objects/.exec(line);
    if (m && watched.includes(m[1]!)) dropped.add(m[1]!);
  }
  return [...dropped];
}

describe('optimized code across sheets', () => {
  before(ensureBuilt);

  it("the reader's optimized functions survive the full collections between sheets", function () {
    this.timeout(60_000);
    assert.deepEqual(droppedWhile('readAppendix(snapshot)', READER_FUNCTIONS), []);
  });

  it('validation and score keep theirs too (agency references are copied by one literal)', function () {
    this.timeout(60_000);
    const step = 'const a = analyzeSheet(snapshot); buildSummaryTables(a); buildInlineMarks(a)';
    assert.deepEqual(droppedWhile(step, [...AGENCY_FUNCTIONS, ...READER_FUNCTIONS]), []);
  });
});
