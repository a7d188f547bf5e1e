// Targets set year by year (Vĩnh Phúc's plan 232, seed 000: "năm 2022 đạt tối thiểu 60%, mỗi năm
// tiếp theo tăng 10%, đạt tỷ lệ tối thiểu 90% vào năm 2025") are checked against the stage of the
// assessment year: the one given (CLI --year, the pane, a function's year), else the year the
// table's title names; unknown, the first stage, and a finding asks for the year.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeSheet, buildSummaryTables, columnNumber, SHEET_NAMES, evaluateThreshold, formatThreshold, parseTarget, renderFinding, targetForYear, titleYear, type Analysis, type ParsedTarget } from '../model';
import { stagesText } from '../model/stage-for-year';
import { createFunctionsLogic, FunctionInputError } from '../addin/functions/logic';
import { setAssessmentYear, setPaneTitleYear } from '../addin/shared/policy';
import { setLanguage } from '../addin/shared/language';
import { EXAMPLE, FIXTURES, HAGIANG, LAOCAI, loadSnapshot, setCell, VINHPHUC } from './helpers/fixtures';
import { runCli, tmpDir } from './helpers/cli';
import { layoutSummaryTable, PROVENANCE } from '../addin/office/layout';

// The three staged targets of seed 000 (Vĩnh Phúc), as written there.
const SEED = [
  'Hồ sơ giải quyết thủ tục hành chính được luân chuyển trong nội bộ giữa các cơ quan có thẩm quyền giải quyết hoặc các cơ quan có liên quan được thực hiện bằng phương thức điện tử năm 2022 đạt tối thiểu 60%, mỗi năm tiếp theo tăng 10%, đạt tỷ lệ tối thiểu 90% vào năm 2025.',
  '100% thủ tục hành chính có yêu cầu nghĩa vụ tài chính có thể thực hiện thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến trên tổng số giao dịch đã thực hiện đạt từ 20% trở lên trong năm 2022, mỗi năm tiếp theo tăng 5%, đạt tỷ lệ tối thiểu 40% vào năm 2025.',
  'Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ đạt tối thiểu 30% năm 2022, mỗi năm tiếp theo tăng ít nhất 5%, đạt tỷ lệ tối thiểu 50% vào năm 2025.',
];

const LIBREOFFICE = path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx');
const ROW = 105; // "Số TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ đạt từ 60% trở lên", result 62%
const STAGED = 'Năm 2019 đạt tối thiểu 60%, mỗi năm tiếp theo tăng 10%, đạt tối thiểu 90% vào năm 2022';

const stages = (ts: readonly ParsedTarget[]) => ts.map((t) => `${t.year ?? '-'} ${formatThreshold(t.threshold)}${t.yearStep ? ` +${t.yearStep.by}/năm` : ''}`);
const forYear = (text: string, year: number | null) => {
  const t = targetForYear(parseTarget(text), year).target;
  return t && formatThreshold(t.threshold);
};

describe('targets set year by year', () => {
  it('reads each stage with its year and the yearly step between them (seed 000)', () => {
    assert.deepEqual(stages(parseTarget(SEED[0])), ['2022 ≥ 60% +10/năm', '- tăng ≥ 10%', '2025 ≥ 90%']);
    // The first figure is another measure (all payable procedures online): not staged, and first.
    assert.deepEqual(stages(parseTarget(SEED[1])), ['- ≥ 100%', '2022 ≥ 20% +5/năm', '- tăng ≥ 5%', '2025 ≥ 40%']);
    assert.deepEqual(stages(parseTarget(SEED[2])), ['2022 ≥ 30% +5/năm', '- tăng ≥ 5%', '2025 ≥ 50%']);
    assert.equal(parseTarget(SEED[2])[0]!.yearStep!.text, 'mỗi năm tiếp theo tăng ít nhất 5%');
    // Years written before, after or in brackets; a decreasing bound steps down.
    assert.deepEqual(stages(parseTarget('Năm 2023 đạt 50%, năm 2024 đạt 70%, năm 2025 đạt 100%')), ['2023 ≥ 50%', '2024 ≥ 70%', '2025 ≥ 100%']);
    assert.deepEqual(stages(parseTarget('Tỷ lệ 60% (năm 2022), 70% (năm 2023)')), ['2022 ≥ 60%', '2023 ≥ 70%']);
    assert.deepEqual(stages(parseTarget('Dưới 10% năm 2022, mỗi năm tiếp theo giảm 2%, còn dưới 5% vào năm 2025')), ['2022 < 10% +2/năm', '- giảm ≥ 2%', '2025 < 5%']);
    // One stage a line: each figure takes the year written before it, not the next line's.
    assert.deepEqual(stages(parseTarget('Năm 2019: 60%\nNăm 2020: 70%\nNăm 2021: 80%')), ['2019 ≥ 60%', '2020 ≥ 70%', '2021 ≥ 80%']);
    assert.deepEqual(stages(parseTarget('Năm 2023 đạt 50% năm 2024 đạt 60%')), ['2023 ≥ 50%', '2024 ≥ 60%']);
    // A range's year after its upper bound, a count's after its unit, thousands grouped.
    assert.deepEqual(stages(parseTarget('Năm 2021 đạt 60%; 70-80% năm 2022; 80-90% năm 2023')), ['2021 ≥ 60%', '2022 70%–80%', '2023 80%–90%']);
    assert.deepEqual(stages(parseTarget('Tối thiểu 5 sáng kiến năm 2022; tối thiểu 8 sáng kiến năm 2023')), ['2022 ≥ 5 sáng kiến', '2023 ≥ 8 sáng kiến']);
    assert.deepEqual(stages(parseTarget('Năm 2022 tối thiểu 1.000 hồ sơ, năm 2023 tối thiểu 1.500 hồ sơ')), ['2022 ≥ 1000 hồ sơ', '2023 ≥ 1500 hồ sơ']);
    assert.deepEqual(stages(parseTarget('Đối với năm 2023 đạt 70%, đối với năm 2025 đạt 90%')), ['2023 ≥ 70%', '2025 ≥ 90%']);
    assert.equal(forYear('Năm 2023 ít nhất 2 lần/năm, năm 2024 ít nhất 3 lần/năm', 2024), '≥ 3 lần/năm');
    assert.equal(targetForYear(parseTarget('Năm 2023 ít nhất 2 lần/năm, năm 2024 ít nhất 3 lần/năm'), 2024).target!.text, '≥ 3 lần/năm năm 2024');
    // A step written after its number.
    assert.deepEqual(stages(parseTarget('tối thiểu 50% năm 2023 và tăng 10% mỗi năm')), ['2023 ≥ 50% +10/năm', '- tăng ≥ 10%']);
    assert.equal(parseTarget('Năm 2022 đạt 60%, tăng thêm 10% mỗi năm, đạt 90% vào năm 2025')[0]!.yearStep!.text, 'tăng thêm 10% mỗi năm');
    assert.equal(parseTarget('Năm 2022 đạt 60%, tăng 5%/năm')[0]!.yearStep!.text, 'tăng 5%/năm');
    assert.equal(parseTarget('Đạt 60% năm 2022, mỗi năm tiếp theo tăng 10% so với năm trước')[0]!.yearStep!.by, 10);
    // Steps in the stage's unit: counts and days.
    assert.deepEqual(stages(parseTarget('Năm 2022 có ít nhất 50 hồ sơ, mỗi năm tiếp theo tăng 10 hồ sơ')), ['2022 ≥ 50 hồ sơ +10/năm', '- tăng ≥ 10 hồ sơ']);
    assert.equal(forYear('Năm 2023 tối đa 10 ngày, mỗi năm tiếp theo giảm 1 ngày', 2025), '≤ 8 ngày');
    assert.deepEqual(stages(parseTarget('Năm 2023 đạt 50% năm 2024 đạt 60% năm 2025 đạt 70%')), ['2023 ≥ 50%', '2024 ≥ 60%', '2025 ≥ 70%']);
    // A year that opens the next stage is not the one before's ("50% năm 2024 đạt 60%"); one inside a clause that is no stage ("năm 2024 tăng cường …") is no one's.
    assert.deepEqual(stages(parseTarget('Đạt 50% năm 2024 đạt 60%, năm 2025 đạt 70%')), ['- ≥ 50%', '2024 ≥ 60%', '2025 ≥ 70%']);
    assert.deepEqual(stages(parseTarget('Năm 2023 đạt 60% và năm 2024 tăng cường kiểm tra, đạt 100% vào năm 2025')), ['2023 ≥ 60%', '2025 ≥ 100%']);
    // Bullets, enumerators, "phấn đấu", a full stop; a stage right after a step.
    assert.deepEqual(stages(parseTarget('+ Năm 2023: 60%;\n+ Năm 2024: 70%;\n+ Năm 2025: 80%')), ['2023 ≥ 60%', '2024 ≥ 70%', '2025 ≥ 80%']);
    assert.deepEqual(stages(parseTarget('a) Năm 2023: 60%; b) năm 2024: 70%')), ['2023 ≥ 60%', '2024 ≥ 70%']);
    assert.deepEqual(stages(parseTarget('Năm 2023: 60%; năm 2024: 70%; phấn đấu năm 2025: 80%')), ['2023 ≥ 60%', '2024 ≥ 70%', '2025 ≥ 80%']);
    assert.deepEqual(stages(parseTarget('Năm 2023 đạt 60%. Năm 2024 phấn đấu đạt 70%.')), ['2023 ≥ 60%', '2024 ≥ 70%']);
    assert.deepEqual(stages(parseTarget('Năm 2022 đạt 60%, mỗi năm tăng 10% và năm 2025 đạt 90%')), ['2022 ≥ 60% +10/năm', '- tăng ≥ 10%', '2025 ≥ 90%']);
    assert.deepEqual(stages(parseTarget('Năm 2022 đạt 60%, tăng 10% mỗi năm, phấn đấu đến năm 2025 đạt 90%')), ['2022 ≥ 60% +10/năm', '- tăng ≥ 10%', '2025 ≥ 90%']);
    assert.equal(parseTarget('Đạt tối thiểu 50% trong năm 2023 và tăng 5% mỗi năm so với năm trước')[0]!.yearStep!.text, 'tăng 5% mỗi năm so với năm trước');
    // Never below none.
    assert.equal(forYear('Không quá 3 ngày năm 2023, mỗi năm giảm 1 ngày', 2027), '≤ 0 ngày');
  });

  it('reads a bare year that labels its line as that line\'s stage ("2023: 95%")', () => {
    for (const text of ['2023: 95%\n2024: 97%', '- 2023: ≥ 95%\n- 2024: ≥ 97%', '2023: 95%; 2024: 97%', 'a) 2023: 95%\nb) 2024: 97%', 'Năm 2023: 95%\n2024: 97%']) {
      assert.deepEqual(stages(parseTarget(text)), ['2023 ≥ 95%', '2024 ≥ 97%'], text);
      assert.equal(forYear(text, 2024), '≥ 97%', text);
    }
    // Not after a comma: there it may be one of a list of years, whose stage is the list's.
    assert.equal(forYear('Năm 2022: 80%; năm 2023, 2024: 90%; năm 2025: 100%', 2023), '≥ 90%');
    // …unless the cell opens with such a label and the year follows a stage: then the comma lists stages.
    for (const text of ['2023: 95%, 2024: 97%', 'Năm 2023: 95%, 2024: 97%', '- 2023: 95%, 2024: 97%']) {
      assert.deepEqual(stages(parseTarget(text)), ['2023 ≥ 95%', '2024 ≥ 97%'], text);
      assert.equal(forYear(text, 2024), '≥ 97%', text);
    }
    assert.deepEqual(stages(parseTarget('2023: 90%, 2024: 95%, 2025: 98%')), ['2023 ≥ 90%', '2024 ≥ 95%', '2025 ≥ 98%']);
  });

  it('reads a stage over a period from its first year, and names it by the period ("giai đoạn 2024-2025", "từ năm 2023-2025")', () => {
    const periods = 'Giai đoạn 2021-2023: 85%; giai đoạn 2024 - 2025: 95%';
    assert.deepEqual(stages(parseTarget(periods)), ['2021 ≥ 85%', '2024 ≥ 95%']);
    assert.deepEqual(parseTarget(periods).map((t) => t.until), [2023, 2025]);
    assert.equal(forYear(periods, 2022), '≥ 85%');
    assert.equal(forYear(periods, 2024), '≥ 95%');
    assert.equal(targetForYear(parseTarget(periods), 2022).target!.text, '≥ 85% năm 2021-2023');
    assert.equal(stagesText(parseTarget(periods)), '2021-2023: ≥ 85%; 2024-2025: ≥ 95%');
    // "từ năm" opens a later stage's clause; "năm 2023-2025" is a period too.
    // "Từ năm … đến năm …" is a period from its first year, the first stage or a later one.
    assert.deepEqual(stages(parseTarget('Từ năm 2022 đến năm 2023 đạt 70%; đến năm 2025 đạt 90%')), ['2022 ≥ 70%', '2025 ≥ 90%']);
    assert.equal(targetForYear(parseTarget('Từ năm 2022 đến năm 2023 đạt 70%; đến năm 2025 đạt 90%'), 2022).target!.text, '≥ 70% năm 2022-2023');
    assert.equal(stagesText(parseTarget('Năm 2021 đạt 50%; từ năm 2022 đến năm 2024 đạt 70%; năm 2025 đạt 90%')), '2021: ≥ 50%; 2022-2024: ≥ 70%; 2025: ≥ 90%');
    assert.equal(stagesText(parseTarget('Từ năm 2024 đến năm 2022 đạt 70%; năm 2025 đạt 90%')), '2022: ≥ 70%; 2025: ≥ 90%', 'written backwards: no period');
    // A period's last year may be a stage of its own (not an exception inside it).
    const last = 'Năm 2022 đạt 60%, giai đoạn 2023-2025 đạt 80%, năm 2025 đạt 100%';
    assert.deepEqual([2022, 2024, 2025].map((y) => forYear(last, y)), ['≥ 60%', '≥ 80%', '≥ 100%']);
    for (const text of ['Năm 2022 đạt 60%; từ năm 2023-2025 đạt 80%', 'Năm 2022 đạt 60%; năm 2023 - 2025 đạt 80%']) {
      assert.deepEqual(stages(parseTarget(text)), ['2022 ≥ 60%', '2023 ≥ 80%'], text);
      assert.equal(targetForYear(parseTarget(text), 2024).target!.text, '≥ 80% năm 2023-2025', text);
    }
  });

  it('a cell of 12,000 figures below one stage reads in linear time (each figure\'s year was searched for to the end of the text)', () => {
    const text = `năm 2023: 5%\n${'1%\n'.repeat(12_000)}`;
    const start = process.hrtime.bigint();
    const found = parseTarget(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.equal(found.length, 12_001);
    assert.ok(ms < 3000, `${ms} ms`); // ~10 s when quadratic
  });

  it('leaves one-year targets, baselines and dates alone', () => {
    for (const text of [
      'Đạt 95% trong năm 2019',
      'Giảm 10% so với năm 2015; đạt 95% năm 2019',
      'Tăng so với năm 2018, đạt từ 90% trở lên',
      '100% hồ sơ trước ngày 15 tháng 9 năm 2022, 95% năm 2022',
      'Tăng 10%/năm, đạt 80% năm 2025',
      // A step of another measure (after a ";" and a subject), or in another unit, or against the bound's direction.
      'Tỷ lệ hài lòng đạt 95% năm 2022; số hồ sơ trực tuyến hằng năm tăng 10%',
      'Năm 2022 có ít nhất 20 dịch vụ, mỗi năm tiếp theo tăng 10%',
      'Năm 2022 đạt tối đa 60%, mỗi năm tiếp theo tăng 10%',
      'Năm 2023 đạt 90%; mỗi năm tiếp theo tăng 5% số lượng dịch vụ công',
      // A figure's own year further on belongs to what it describes, never to the next figure.
      'Năm 2023 đạt 60%; 80% hồ sơ được số hóa trong năm 2024; 100% hồ sơ được số hóa trong năm 2025',
      // Two measures, each with its year; a later clause's year after its subject.
      'Rà soát 100% TTHC ban hành năm 2022, đơn giản hoá ít nhất 20% TTHC năm 2023',
      'Giải quyết 100% hồ sơ tồn đọng năm 2022 và 95% hồ sơ phát sinh năm 2023',
      'Số hồ sơ trực tuyến năm 2023 đạt 50%, số hồ sơ thanh toán trực tuyến năm 2024 đạt 30%',
      // A document's year, a past result in brackets, and stages that ask the same.
      'Kế hoạch số 10/KH-UBND năm 2022: 100% cơ quan triển khai; năm 2024 đạt 90% hồ sơ trực tuyến',
      'Tỷ lệ hài lòng năm 2023 đạt trên 90% (năm 2022 đạt 87%)',
      'Năm 2023 đạt 60%, năm 2024 đạt 60%',
      // A bare year labels a stage only at its line's start: mid-line, or a period, it is none.
      'Đạt 95% 2024: 97%',
      'Quyết định 2023: 95%, 97%',
      'Theo Thông tư 15/2023: 95%; năm 2024: 97%',
      '2023 - 2025: 90%; 2026: 95%',
      // After a comma a bare year may be a past result, also in a cell that opens with a label.
      'Năm 2025 đạt 100%. Kết quả các năm trước: 2022: 85%, 2023: 88%',
      'Năm 2025: 100%. Kết quả các năm trước: 2022: 85%, 2023: 88%',
      // A bare year after a comma in a cell that does not open with a label: not known to label a stage.
      'Đạt 100% năm 2025, 2024: 95%',
      // …nor one for an earlier year than the stage before it: past results listed after the target.
      'Năm 2025: 100%, 2022: 85%, 2023: 88%',
      '2024: 95%, 2022: 85%',
      // A year inside a period's stage is an exception to the period, which stages cannot say.
      'Giai đoạn 2021-2025 đạt 100%, riêng năm 2023 đạt 80%',
      'Giai đoạn 2021-2025 đạt 95%; năm 2022 đạt 90%',
      // One period's stage; a period compared with is no stage.
      'Giai đoạn 2021-2025 đạt 90%',
      'Đạt 80% so với giai đoạn 2016-2020; giai đoạn 2021-2025 đạt 90%',
    ]) {
      assert.ok(parseTarget(text).every((t) => t.year === undefined && t.yearStep === undefined), text);
    }
  });

  it('no target of the fixtures or the example is read as staged', async () => {
    for (const file of [LAOCAI, VINHPHUC, HAGIANG, LIBREOFFICE, EXAMPLE]) {
      const a = analyzeSheet(await loadSnapshot(file));
      assert.ok(a.appendix.items.length > 10);
      for (const it of a.appendix.items) assert.ok(it.targets.every((t) => t.year === undefined), `${file} row ${it.row}`);
    }
  });

  it('the stage of a year: the named one, the step in between, the first before and the last after', () => {
    const table = (text: string) => [2021, 2022, 2023, 2024, 2025, 2026].map((y) => forYear(text, y));
    assert.deepEqual(table(SEED[0]), ['≥ 60%', '≥ 60%', '≥ 70%', '≥ 80%', '≥ 90%', '≥ 90%']);
    // 30 + 3 × 5 is 45: the plan names 50 for 2025, and that stands.
    assert.deepEqual(table(SEED[2]), ['≥ 30%', '≥ 30%', '≥ 35%', '≥ 40%', '≥ 50%', '≥ 50%']);
    // Without a step, a year between two stages keeps the earlier one.
    assert.deepEqual(table('Năm 2022: 60%; năm 2025: 90%'), ['≥ 60%', '≥ 60%', '≥ 60%', '≥ 60%', '≥ 90%', '≥ 90%']);
    // A step never carries a bound past the next stage, nor past 100%.
    assert.deepEqual(table('Năm 2022 đạt 60%, mỗi năm tiếp theo tăng 30%, năm 2024 đạt 95%'), ['≥ 60%', '≥ 60%', '≥ 90%', '≥ 95%', '≥ 95%', '≥ 95%']);
    assert.equal(forYear('Đạt 80% năm 2022, hằng năm tăng 10%', 2030), '≥ 100%');
    // Unknown year: the first stage, and it says the year decided nothing.
    assert.deepEqual(targetForYear(parseTarget(SEED[0]), null), { target: { text: '≥ 60% năm 2022', threshold: parseTarget(SEED[0])[0]!.threshold, year: 2022 }, staged: true });
    // The first written, not the earliest.
    assert.equal(targetForYear(parseTarget('Phấn đấu đến năm 2025 đạt 100%, trong đó năm 2023 đạt 70%'), null).target!.text, '≥ 100% năm 2025');
    assert.deepEqual([2023, 2024, 2025].map((y) => forYear('Phấn đấu đến năm 2025 đạt 100%, trong đó năm 2023 đạt 70%', y)), ['≥ 70%', '≥ 70%', '≥ 100%']);
    assert.equal(targetForYear(parseTarget('Đạt 95% trong năm 2019'), 2024).staged, false);
    const derived = targetForYear(parseTarget(SEED[0]), 2024).target!;
    assert.equal(derived.text, '≥ 80% năm 2024 (≥ 60% năm 2022, mỗi năm tiếp theo tăng 10%)');
  });

  it('takes the assessment year from the title when it names one, never from the plan\'s date or a period', async () => {
    const year = async (file: string) => {
      const a = analyzeSheet(await loadSnapshot(file));
      return [a.year, a.yearFrom];
    };
    assert.deepEqual(await year(LAOCAI), [2019, 'title']); // "… (PAR INDEX) NĂM 2019 (Kèm theo Kế hoạch số 221/KH-UBND ngày 17/6/2019 …)"
    assert.deepEqual(await year(HAGIANG), [2023, 'title']);
    assert.deepEqual(await year(VINHPHUC), [null, null]); // "GIAI ĐOẠN 2022 - 2025 (Kèm theo … ngày 15 tháng 9 năm 2022 …)"
    const s = await loadSnapshot(VINHPHUC);
    const given = analyzeSheet(s, { year: 2024 });
    assert.deepEqual([given.year, given.yearFrom], [2024, 'option']);
    assert.deepEqual([analyzeSheet(s, { year: 24 }).year, analyzeSheet(s, { year: null }).year], [null, null]);
    assert.deepEqual(
      ['PHỤ LỤC I (Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2024) DANH MỤC NHIỆM VỤ CCHC NĂM 2024', 'KẾ HOẠCH NĂM 2021 VÀ 2022', 'NHIỆM VỤ NĂM 2021, 2022', 'Kế hoạch ban hành ngày 15 tháng 9 năm 2022'].map(titleYear),
      [2024, null, null, null],
    );
  });

  describe('on a sheet', () => {
    let snap: Awaited<ReturnType<typeof loadSnapshot>>;
    let targetCol = 0;
    let points = 0;
    before(async () => {
      snap = await loadSnapshot(LIBREOFFICE);
      const it = analyzeSheet(snap).appendix.items.find((i) => i.row === ROW)!;
      targetCol = columnNumber(it.targetCol);
      points = it.selfPoints!;
      assert.ok(points > 0 && /60% trở lên/.test(it.targetText) && it.actual === '62%');
      setCell(snap, ROW, targetCol, STAGED);
    });
    const unmet = (a: Analysis) => a.findings.filter((f) => f.kind === 'threshold-unmet' && f.row === ROW);
    const byYear = (a: Analysis) => a.findings.filter((f) => f.kind === 'target-by-year');

    it('checks the title\'s year (2019: ≥ 60%, met) and a given year\'s stage (2020: ≥ 70%, unmet, its points lost)', () => {
      const title = analyzeSheet(snap);
      assert.deepEqual([title.year, unmet(title).length, byYear(title).length], [2019, 0, 0]);
      const later = analyzeSheet(snap, { year: 2020 });
      assert.equal(unmet(later).length, 1);
      assert.match(renderFinding(unmet(later)[0]!, 'vi').message, /≥ 70% năm 2020 \(≥ 60% năm 2019, mỗi năm tiếp theo tăng 10%\)/);
      assert.equal(Math.round((title.score.totals.accepted - later.score.totals.accepted) * 1e6) / 1e6, points);
      assert.equal(unmet(analyzeSheet(snap, { year: 2022 }))[0]!.params.target, '≥ 90% năm 2022');
    });

    it('the summary tables name the year they took, in both languages; none when no year is known', () => {
      const notes = (a: Analysis, lang: 'vi' | 'en' = 'vi') => [...new Set(buildSummaryTables(a, lang).map((t) => t.note))];
      assert.deepEqual(notes(analyzeSheet(snap)), ['Năm đánh giá: 2019 (theo tiêu đề bảng)']);
      assert.deepEqual(notes(analyzeSheet(snap, { year: 2021 }), 'en'), ['Assessment year: 2021 (chosen)']);
      const fields = buildSummaryTables(analyzeSheet(snap, { year: 2021 }), 'vi')[0]!;
      assert.equal(layoutSummaryTable(fields, 'vi').values[1]![0], `${PROVENANCE.vi} Năm đánh giá: 2021 (đã chọn).`);
    });

    it('without a year: the first stage, and an info finding that asks for the year, in both languages', () => {
      const s = structuredClone(snap);
      const titleRow = s.values.findIndex((r) => r.some((v) => typeof v === 'string' && /NĂM 2019/.test(v)));
      const col = s.values[titleRow]!.findIndex((v) => typeof v === 'string' && /NĂM 2019/.test(v));
      s.values[titleRow]![col] = String(s.values[titleRow]![col]).replace('NĂM 2019', 'GIAI ĐOẠN 2019 - 2022');
      const a = analyzeSheet(s);
      assert.deepEqual([a.year, a.yearFrom, unmet(a).length], [null, null, 0]);
      const f = byYear(a);
      assert.deepEqual(f.map((x) => [x.row, x.column, x.severity]), [[ROW, targetLetter(a), 'info']]);
      assert.equal(renderFinding(f[0]!, 'vi').message, 'Chỉ tiêu theo từng năm (2019: ≥ 60%, mỗi năm tiếp theo tăng 10%; 2022: ≥ 90%): chưa rõ năm đánh giá nên đã kiểm tra theo mốc năm 2019. Chọn năm đánh giá để kiểm tra đúng mốc');
      assert.match(renderFinding(f[0]!, 'en').message, /^Target set year by year \(.*\): the assessment year is not known, so it was checked against 2019\./);
      assert.ok(buildSummaryTables(a).every((t) => t.note === undefined), 'no year, no line');
      // Given a year, no question.
      assert.equal(byYear(analyzeSheet(s, { year: 2021 })).length, 0);
      assert.equal(unmet(analyzeSheet(s, { year: 2021 })).length, 1);
    });

    it('PARSCORE, PARSUMMARY and PARCHECK take the year as an argument, else the pane\'s, and refuse a non-year', () => {
      setLanguage('vi');
      const logic = createFunctionsLogic({ analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold });
      const cells = snap.values;
      try {
        const pane = analyzeSheet(snap, { year: 2020 }).score.totals.accepted;
        assert.equal(logic.score(cells, 'accepted', '', undefined, 2020), pane);
        assert.equal(logic.score(cells, 'accepted', '', undefined, '2020'), pane);
        assert.equal(logic.score(cells), analyzeSheet(snap).score.totals.accepted);
        assert.equal(logic.score(cells) - pane, points);
        setAssessmentYear(2020);
        assert.equal(logic.score(cells), pane, 'the pane\'s year when the argument is left out');
        assert.equal(logic.check(STAGED, '75%'), 'Đạt');
        assert.equal(logic.check(STAGED, '75%', 2021), 'Chưa đạt: cần ≥ 80%');
        setAssessmentYear(2021);
        assert.equal(logic.check(STAGED, '75%'), 'Chưa đạt: cần ≥ 80%');
        assert.deepEqual(logic.summary(cells, '', undefined, 2019), logic.summary(cells, '', undefined, '2019'));
        setAssessmentYear(null);
        assert.equal(logic.check(STAGED, '75%'), 'Đạt', 'no year anywhere: the first stage');
        for (const bad of ['năm ngoái', 24, 2024.5, 1800]) {
          assert.throws(() => logic.check(STAGED, '75%', bad), (e: unknown) => e instanceof FunctionInputError && e.key === 'bad-year' && e.code === 'invalidValue');
        }
      } finally {
        setAssessmentYear(null);
      }
    });

    it('a function\'s range below the title checks the stage of the year the pane read from that sheet\'s title, as the pane does', () => {
      setLanguage('vi');
      const logic = createFunctionsLogic({ analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold });
      const s = structuredClone(snap);
      // From 2018: the title's 2019 asks 65% of the 62% result, the first stage 55%.
      const from2018 = 'Năm 2018 đạt tối thiểu 55%, mỗi năm tiếp theo tăng 10%, đạt tối thiểu 90% vào năm 2022';
      setCell(s, ROW, targetCol, from2018);
      const pane = analyzeSheet(s);
      assert.deepEqual([pane.year, unmet(pane).length], [2019, 1]);
      const header = pane.appendix.headerRows[0]!;
      const below = s.values.slice(header - 1); // A5:N123, as the README writes it
      try {
        assert.equal(logic.score(s.values, 'accepted', 'Phụ lục'), pane.score.totals.accepted, 'the whole sheet has its title');
        assert.equal(logic.score(below, 'accepted', 'Phụ lục') - pane.score.totals.accepted, points, 'no title, no pane: the first stage');
        assert.equal(logic.check(from2018, '62%', undefined, 'Phụ lục'), 'Đạt');
        setPaneTitleYear('Phụ lục', 2019);
        assert.equal(logic.score(below, 'accepted', 'Phụ lục'), pane.score.totals.accepted);
        assert.equal(logic.score(below, 'accepted', 'phụ lục'), pane.score.totals.accepted, 'sheet names compared as Excel does');
        assert.equal(logic.check(from2018, '62%', undefined, 'Phụ lục'), 'Chưa đạt: cần ≥ 65%');
        const a = logic.analyze(below, 'Phụ lục');
        assert.deepEqual([a.year, a.yearFrom], [2019, 'default']);
        // Only on the pane's sheet: a range or a target cell elsewhere (or a typed target) does not take it.
        assert.equal(logic.score(below, 'accepted', 'Phụ lục 2') - pane.score.totals.accepted, points);
        assert.equal(logic.check(from2018, '62%'), 'Đạt');
        // Only for a range without a title: a title naming a period keeps its question.
        const period = structuredClone(s);
        const titleRow = period.values.findIndex((r) => r.some((v) => typeof v === 'string' && /NĂM 2019/.test(v)));
        const col = period.values[titleRow]!.findIndex((v) => typeof v === 'string' && /NĂM 2019/.test(v));
        period.values[titleRow]![col] = String(period.values[titleRow]![col]).replace('NĂM 2019', 'GIAI ĐOẠN 2018 - 2022');
        const p = logic.analyze(period.values, 'Phụ lục');
        assert.deepEqual([p.year, p.findings.some((f) => f.kind === 'target-by-year')], [null, true]);
        // A year chosen in the pane, or given, comes first.
        setAssessmentYear(2018);
        assert.equal(logic.check(from2018, '62%', undefined, 'Phụ lục'), 'Đạt');
        assert.equal(logic.check(from2018, '62%', 2020, 'Phụ lục'), 'Chưa đạt: cần ≥ 75%');
      } finally {
        setAssessmentYear(null);
        setPaneTitleYear('', null);
      }
    });

    it('the CLI takes --year, reports it, and refuses a non-year with a message', async () => {
      const dir = tmpDir('staged');
      const file = path.join(dir, 'staged.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(LIBREOFFICE);
      wb.worksheets[0]!.getCell(ROW, targetCol).value = STAGED;
      await wb.xlsx.writeFile(file);
      const json = (args: string[]) => JSON.parse(runCli(['check', file, '--json', ...args]).stdout) as { year: number | null; yearFrom: string | null; findings: { kind: string; row: number }[] };
      const title = json([]);
      assert.deepEqual([title.year, title.yearFrom, title.findings.some((f) => f.kind === 'threshold-unmet' && f.row === ROW)], [2019, 'title', false]);
      const given = json(['--year', '2020']);
      assert.deepEqual([given.year, given.yearFrom, given.findings.some((f) => f.kind === 'threshold-unmet' && f.row === ROW)], [2020, 'option', true]);
      assert.match(runCli(['check', file, '--year', '2020']).stdout, /Năm đánh giá: 2020 \(--year\)/);
      assert.match(runCli(['check', file, '--lang', 'en']).stdout, /Assessment year: 2019 \(from the table's title\)/);
      const bad = runCli(['check', file, '--year', '20']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--year 20/);
      // The scored copy's summaries say which year's stages they took (A2, under the title).
      const out = path.join(dir, 'scored.xlsx');
      assert.equal(runCli(['score', file, '--year', '2020', '-o', out]).code, 0);
      const scored = new ExcelJS.Workbook();
      await scored.xlsx.readFile(out);
      for (const name of Object.values(SHEET_NAMES)) assert.equal(scored.getWorksheet(name)!.getCell('A2').value, 'Năm đánh giá: 2020 (đã chọn)', name);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });
});

function targetLetter(a: Analysis): string {
  return a.appendix.items.find((i) => i.row === ROW)!.targetCol;
}
