// A SIPAS appendix shaped like Tuyên Quang's 2021 plan (seed 002): five satisfaction indices in %,
// tasks with lead agencies, and an officer's self-assessment against percentage targets.
import { strict as assert } from 'node:assert';
import { analyzeSheet, buildSummaryTables, ownSummarySheets, SHEET_NAMES, type SheetSnapshot } from '../model';

function tuyenQuangSipas(): SheetSnapshot {
  const rows: unknown[][] = [
    ['PHỤ LỤC'],
    ['NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC (SIPAS) TỈNH TUYÊN QUANG NĂM 2021'],
    [],
    ['STT', 'Chỉ số thành phần / Nhiệm vụ', 'Chỉ tiêu', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kết quả thực hiện', 'Tài liệu kiểm chứng'],
    ['1', 'Chỉ số hài lòng về tiếp cận dịch vụ'],
    ['1.1', 'Đầu tư cơ sở vật chất, trang thiết bị tại Bộ phận một cửa theo đúng quy định', 'Tỷ lệ hài lòng đạt từ 85% trở lên', 'Văn phòng UBND tỉnh', 'Các Sở, ban, ngành; UBND các huyện, thành phố', 'Năm 2021', '88,4%', 'Báo cáo số 12/BC-VP ngày 05/12/2021'],
    ['2', 'Chỉ số hài lòng về thủ tục hành chính'],
    ['2.1', 'Thực hiện đúng quy định về thành phần hồ sơ, mức phí, lệ phí', 'Tỷ lệ hài lòng đạt từ 85% trở lên', 'Văn phòng UBND tỉnh', 'Các Sở, ban, ngành', 'Năm 2021', '82,25%', 'Báo cáo số 13/BC-VP ngày 05/12/2021'],
    ['3', 'Chỉ số hài lòng về công chức giải quyết công việc'],
    ['3.1', 'Bồi dưỡng nghiệp vụ, trách nhiệm, đạo đức công vụ của công chức', 'Tối thiểu 90%', 'Sở Nội vụ', 'Các Sở, ban, ngành', 'Năm 2021', '91%', ''],
    ['4', 'Chỉ số hài lòng về kết quả giải quyết công việc'],
    ['4.1', 'Kết quả giải quyết đảm bảo phù hợp với quy định, đầy đủ, chính xác', '≥ 85%', 'Văn phòng UBND tỉnh', 'UBND các huyện, thành phố', 'Năm 2021', '0,86', 'Báo cáo số 14/BC-VP ngày 05/12/2021'],
    ['5', 'Chỉ số hài lòng về tiếp nhận, xử lý góp ý, phản ánh, kiến nghị'],
    ['5.1', 'Niêm yết công khai địa chỉ tiếp nhận phản ánh, kiến nghị tại Bộ phận một cửa', '100% cơ quan, đơn vị', 'Văn phòng UBND tỉnh', 'Các Sở, ban, ngành', 'Thường xuyên', '100%', 'Báo cáo số 15/BC-VP ngày 05/12/2021'],
  ];
  return { name: 'Phụ lục SIPAS', values: rows, merges: [{ top: 1, left: 1, bottom: 1, right: 8 }, { top: 2, left: 1, bottom: 2, right: 8 }] };
}

describe('a SIPAS appendix (Tuyên Quang 2021 shape)', () => {
  const a = analyzeSheet(tuyenQuangSipas());
  it('is recognised as SIPAS with its five component indices', () => {
    assert.equal(a.ok, true);
    assert.equal(a.index, 'SIPAS');
    assert.equal(a.appendix.frameworkId, 'sipas-2017');
    assert.equal(a.score.tasks.length, 5);
    assert.equal(a.score.taskCount, 5);
  });
  it('checks satisfaction results against the % targets, fractions included', () => {
    const got = a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.kind}@${f.column}${f.row}`);
    assert.deepEqual(got, ['threshold-unmet@G8', 'missing-evidence@H10']);
  });
});

describe('a SIPAS sheet with each content index on one row with its own task', () => {
  // Tuyên Quang 2021 as some offices lay it out: index name, task, target and lead on one row, the
  // whole index's baseline line above index 1.
  const values: unknown[][] = [
    ['PHỤ LỤC'], ['NHIỆM VỤ NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC (SIPAS) TỈNH TUYÊN QUANG NĂM 2021'], [],
    ['TT', 'Chỉ số thành phần', 'Nhiệm vụ, giải pháp', 'Chỉ tiêu', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện'],
    ['', 'Năm 2020: đạt 82,25%, xếp thứ 49/63 tỉnh, thành phố. Mục tiêu: Năm 2021, trong tốp 30/63'],
    ['1', 'Chỉ số hài lòng về “Tiếp cận dịch vụ”', 'Đầu tư cơ sở vật chất, trang thiết bị tại Bộ phận một cửa', 'Trên 85%', 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', 'Trước 31/12/2021'],
    ['2', 'Chỉ số hài lòng về “Thủ tục hành chính”', 'Thực hiện đúng quy định về thành phần hồ sơ, mức phí, lệ phí', 'Từ 80% trở lên', 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', 'Thường xuyên'],
    ['3', 'Chỉ số hài lòng về “Công chức”', 'Bồi dưỡng nâng cao nghiệp vụ, đạo đức công vụ', 'Từ 85% trở lên', 'Sở Nội vụ', 'Các sở, ban, ngành', ''],
    ['4', 'Chỉ số hài lòng về “Kết quả giải quyết”', 'Nâng cao chất lượng giải quyết công việc', '100%', 'Văn phòng UBND tỉnh', 'UBND huyện, thành phố', 'Trước 31/12/2021'],
    ['5', 'Chỉ số hài lòng về “Tiếp nhận, xử lý ý kiến góp ý, phản ánh kiến nghị”', 'Niêm yết công khai địa chỉ tiếp nhận', '100%', 'Văn phòng UBND tỉnh', 'Bưu điện tỉnh', 'Trước 31/12/2021'],
  ];
  const a = analyzeSheet({ name: 'PL', values, merges: [] });
  it('counts each index\'s own task in the summary, as by lead agency', () => {
    assert.equal(a.index, 'SIPAS');
    assert.deepEqual(a.score.tasks.map((t) => [t.code, t.tasks, t.missingDeadline]), [['1', 1, 0], ['2', 1, 0], ['3', 1, 1], ['4', 1, 0], ['5', 1, 0]]);
    const byAgency = new Map(a.score.agencies.map((g) => [g.name, g.tasks]));
    assert.deepEqual([byAgency.get('Văn phòng UBND tỉnh'), byAgency.get('Sở Nội vụ')], [4, 1]);
    const fields = buildSummaryTables(a, 'vi').find((t) => t.key === 'fields')!;
    assert.equal(fields.rows[fields.totalRow]![2], 5);
  });
  it('reads the baseline line above index 1 as the whole index\'s, not as a content index or a task', () => {
    const line = a.appendix.items.find((it) => it.row === 5)!;
    assert.deepEqual([line.kind, line.parent, line.baseline?.score, line.baseline?.rank], ['baseline', -1, 82.25, 49]);
    assert.equal(a.findings.filter((f) => f.row === 5).length, 0);
  });
});

describe('SIPAS target cells holding a number (a cell formatted as %)', () => {
  const values: unknown[][] = [
    ['PHỤ LỤC'], ['NHIỆM VỤ NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC (SIPAS) NĂM 2021'], [],
    ['TT', 'Chỉ số thành phần / Nhiệm vụ', 'Chỉ tiêu', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Kết quả thực hiện', 'Tài liệu kiểm chứng'],
    ['1', 'Chỉ số hài lòng về tiếp cận dịch vụ'],
    ['1.1', 'Đầu tư cơ sở vật chất tại Bộ phận một cửa', 0.85, 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', 'Năm 2021', 0.84, 'Báo cáo số 1/BC-UBND'],
    ['1.2', 'Khảo sát mức độ hài lòng', '≥ 85%', 'Sở Nội vụ', 'Các sở, ban, ngành', 'Năm 2021', 0.84, 'Báo cáo số 3/BC-UBND'],
    ['1.3', 'Niêm yết công khai', 1, 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', 'Năm 2021', 1, 'Báo cáo số 2/BC-UBND'],
    ['1.4', 'Tổ chức hội nghị đối thoại', 2, 'Văn phòng UBND tỉnh', 'Các sở, ban, ngành', 'Năm 2021', 'Đã tổ chức 2 hội nghị', 'Báo cáo số 4/BC-UBND'],
  ];
  it('reads 0.85 (shown as 85%) as ≥ 85% and flags 84% as the typed "≥ 85%" is; 1 is 100%; other numbers stay as they were', () => {
    const a = analyzeSheet({ name: 'PL', values, merges: [] });
    const row = (n: number) => a.appendix.items.find((it) => it.row === n)!;
    assert.deepEqual(row(6).targets.map((t) => t.threshold), [{ kind: 'compare', op: '>=', value: 85, unit: '%' }]);
    assert.deepEqual([row(6).targetText, row(6).targetCol, row(6).targetPoints], ['≥ 85%', 'C', null]);
    assert.deepEqual(row(8).targets.map((t) => t.threshold), [{ kind: 'compare', op: '>=', value: 100, unit: '%' }]);
    assert.equal(row(9).targetPoints, 2);
    const got = a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.kind}@${f.column}${f.row}`);
    assert.deepEqual(got, ['threshold-unmet@G6', 'threshold-unmet@G7']);
  });
});

describe("parscore's own summary sheets", () => {
  it('are never analysed as an appendix, even when picked by name, in either language and under a "(2)" name', () => {
    const a = analyzeSheet(tuyenQuangSipas());
    for (const lang of ['vi', 'en'] as const) {
      for (const t of buildSummaryTables(a, lang)) {
        for (const name of [t.sheetName, `${t.sheetName} (2)`, t.sheetName.toUpperCase()]) {
          const summary: SheetSnapshot = { name, values: [[t.title], [], t.header, ...t.rows], merges: [] };
          const r = analyzeSheet(summary);
          assert.equal(r.ok, false, name);
          assert.equal(r.error?.code, 'no-table');
          assert.match(r.error!.message, /trang tổng hợp do parscore tạo/);
          assert.match(analyzeSheet(summary, { lang: 'en' }).error!.message, /summary parscore wrote/);
          // Read from the header row down (a custom function's range below the title): still refused.
          const fromHeader = analyzeSheet({ ...summary, values: summary.values.slice(2), origin: { row: 3, col: 1 } });
          assert.match(fromHeader.error?.message ?? '', /trang tổng hợp do parscore tạo/, name);
          // Or from column B (PARSCORE('Tổng hợp điểm'!B1:I14)), with or without the origin known.
          const fromB = summary.values.map((r) => r.slice(1));
          for (const origin of [{ row: 1, col: 2 }, undefined]) {
            const r2 = analyzeSheet({ ...summary, values: fromB, ...(origin ? { origin } : {}) });
            assert.match(r2.error?.message ?? '', /trang tổng hợp do parscore tạo/, `${name} from B`);
          }
        }
      }
    }
  });

  it("an officer's appendix that happens to carry a summary sheet's name is analysed like any other", () => {
    const s = tuyenQuangSipas();
    const expected = analyzeSheet(s);
    for (const name of [...Object.values(SHEET_NAMES), 'TỔNG HỢP ĐIỂM', 'Theo cơ quan (2)']) {
      const a = analyzeSheet({ ...s, name });
      assert.equal(a.ok, true, name);
      assert.deepEqual(a.score.totals, expected.score.totals);
      assert.deepEqual(a.findings, expected.findings);
    }
  });
});

describe('ownSummarySheets: which summaries parscore may delete or replace', () => {
  const L = (name: string, layout = true) => ({ name, layout });
  it('its layout on a sheet it recorded writing, or under the summary’s own name where nothing is recorded', () => {
    assert.deepEqual(ownSummarySheets([L('Tổng hợp điểm'), L('Theo cơ quan', false), L('Theo cơ quan (2)')], ['Theo cơ quan (2)']), ['Tổng hợp điểm', 'Theo cơ quan (2)']);
    assert.deepEqual(ownSummarySheets([L('TỔNG HỢP ĐIỂM')]), ['TỔNG HỢP ĐIỂM']);
  });
  it('never a "(k)" without a record: Excel’s copy of its sheet, or the officer’s renaming', () => {
    assert.deepEqual(ownSummarySheets([L('Tổng hợp điểm'), L('Tổng hợp điểm (2)')]), ['Tổng hợp điểm']);
    assert.deepEqual(ownSummarySheets([L('Theo cơ quan', false), L('Theo cơ quan (2)'), L('Theo cơ quan (1)')]), []);
  });
  it('where a record names an existing sheet, the record decides: a sheet the officer edited (no layout) frees no copy', () => {
    // parscore wrote "Tổng hợp điểm"; the officer copied it ("(2)") and retitled the original.
    assert.deepEqual(ownSummarySheets([L('Tổng hợp điểm', false), L('Tổng hợp điểm (2)')], ['Tổng hợp điểm']), []);
    // parscore's "(2)" (beside the officer's "Tổng hợp điểm") is recorded: its copy "(3)" is not.
    assert.deepEqual(ownSummarySheets([L('Tổng hợp điểm', false), L('Tổng hợp điểm (2)'), L('Tổng hợp điểm (3)')], ['Tổng hợp điểm (2)']), ['Tổng hợp điểm (2)']);
  });
  it('never a sheet without its layout, whatever the record says', () => {
    assert.deepEqual(ownSummarySheets([L('Tổng hợp điểm', false)], ['Tổng hợp điểm']), []);
  });
});
