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
