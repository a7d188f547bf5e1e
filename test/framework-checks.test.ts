// The framework check beyond maxima: a criterion under another number, a number the framework does
// not have, points on a survey-run index — on the LibreOffice Lào Cai fixture, changed cell by cell.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import { analyzeSheet, renderFinding } from '../model';
import { EXAMPLE, FIXTURES, HAGIANG, LAOCAI, loadSnapshot, setCell, VINHPHUC } from './helpers/fixtures';

const LIBREOFFICE = path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx');
const fm = (a: ReturnType<typeof analyzeSheet>) => a.findings.filter((f) => f.kind === 'framework-mismatch');

describe('framework check: codes and survey-run indices', () => {
  it('finds nothing on the real appendices, which follow their frameworks', async () => {
    for (const f of [LIBREOFFICE, EXAMPLE, LAOCAI, HAGIANG, VINHPHUC]) assert.deepEqual(fm(analyzeSheet(await loadSnapshot(f))), [], path.basename(f));
  });

  it('a criterion renumbered, a number the framework lacks, points on 8.1 (SIPAS, by survey)', async () => {
    const s = await loadSnapshot(LIBREOFFICE);
    setCell(s, 40, 1, '3.3.4'); // 3.3.1 by its name
    setCell(s, 42, 1, '3.3.9');
    setCell(s, 42, 2, 'Một tiêu chí không có trong khung');
    setCell(s, 117, 3, 1); // 8.1's "Điều tra XHH" replaced by a maximum
    const found = fm(analyzeSheet(s)).map((f) => [`${f.column}${f.row}`, renderFinding(f, 'vi').message, renderFinding(f, 'en').message]);
    assert.deepEqual(found, [
      ['A40', 'Tiêu chí này có số 3.3.1 trong khung chỉ số par-2019-province, không phải 3.3.4: kiểm tra lại số thứ tự', 'This criterion is 3.3.1 in framework par-2019-province, not 3.3.4: check the numbering'],
      ['A42', 'Khung chỉ số par-2019-province không có tiêu chí 3.3.9: kiểm tra lại số thứ tự', 'Framework par-2019-province has no criterion 3.3.9: check the numbering'],
      [
        'C117',
        'Tiêu chí do điều tra xã hội học đánh giá trong khung chỉ số par-2019-province: không có điểm để tự chấm (ghi "Điều tra XHH")',
        'A criterion scored by a survey in framework par-2019-province: no points to self-assess (write "Điều tra XHH")',
      ],
    ]);
  });

  it('a whole field under another number is told once, at its top, not for each criterion in it', async () => {
    const s = await loadSnapshot(LIBREOFFICE);
    const a0 = analyzeSheet(s);
    const field3 = a0.appendix.items.filter((i) => i.code === '3' || i.code.startsWith('3.'));
    assert.ok(field3.length > 5);
    // Field 3 numbered 9 (the framework has 8 fields): every code in it changes.
    for (const it of field3) setCell(s, it.row, 1, it.code.replace(/^3/, '9'));
    const found = fm(analyzeSheet(s)).filter((f) => f.params.what === 'code' || f.params.what === 'unknown-code');
    assert.deepEqual(found.map((f) => [f.params.code, f.params.expected]), [['9', '3']]);
  });
});

describe('survey-scored rows', () => {
  it('are not asked to be assessed by hand: their "target" names who runs the survey', async () => {
    const a = analyzeSheet(await loadSnapshot(LIBREOFFICE));
    const survey = a.appendix.items.find((i) => i.code === '8.1')!;
    assert.ok(survey.surveyOnly && survey.targetText, 'the fixture writes who runs 8.1');
    assert.ok(!a.findings.some((f) => f.kind === 'target-unparsed' && f.row === survey.row));
  });
});
