// An officer's own sheets may carry the names parscore gives its summaries ("Tổng hợp điểm" is an
// ordinary Vietnamese sheet name). parscore must neither replace, nor delete, nor trip over them.
import { strict as assert } from 'node:assert';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';

const OFFICER: Record<string, Record<string, string | number>> = {
  'Tổng hợp điểm': { A1: 'Bảng tổng hợp CỦA CÁN BỘ, không được xóa', B2: 123 },
  // Differs from parscore's "Danh sách vấn đề" in case only: Excel (and ExcelJS) count it as the same name.
  'danh sách vấn đề': { A1: 'Việc cần làm của phòng', C3: 'giữ nguyên' },
};

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function assertOfficerSheetsIntact(wb: ExcelJS.Workbook, label: string): void {
  for (const [name, cells] of Object.entries(OFFICER)) {
    const ws = wb.worksheets.find((w) => w.name === name);
    assert.ok(ws, `${label}: sheet ${name} kept`);
    const got: Record<string, unknown> = {};
    ws.eachRow((row) => row.eachCell((c) => (got[c.address] = c.value)));
    assert.deepEqual(got, cells, `${label}: ${name}`);
  }
}

describe("an officer's sheets named like parscore's summaries (CLI)", function () {
  this.timeout(120000);
  let dir: string;
  let input: string;
  let appendix: string;
  before(async () => {
    ensureBuilt();
    dir = tmpDir('officer-names');
    const wb = await load(EXAMPLE);
    appendix = wb.worksheets[0]!.name;
    for (const [name, cells] of Object.entries(OFFICER)) {
      const ws = wb.addWorksheet(name);
      for (const [a, v] of Object.entries(cells)) ws.getCell(a).value = v;
    }
    input = path.join(dir, 'có trang trùng tên.xlsx');
    await wb.xlsx.writeFile(input);
  });

  it('score writes its tables beside them, a second score replaces only its own, clear removes only its own', async () => {
    const first = path.join(dir, 'scored.xlsx');
    const r1 = runCli(['score', input, '-o', first]);
    assert.equal(r1.code, 0, r1.stderr);
    const wb1 = await load(first);
    const names = [appendix, ...Object.keys(OFFICER), 'Tổng hợp điểm (2)', 'Theo cơ quan', 'Danh sách vấn đề (2)'];
    assert.deepEqual(wb1.worksheets.map((w) => w.name), names);
    assertOfficerSheetsIntact(wb1, 'score');
    assert.match(String(wb1.getWorksheet('Tổng hợp điểm (2)')!.getCell('A1').value), /^TỔNG HỢP/);

    // On its own output (parscore's marks present: the ExcelJS path, which clears them first).
    const second = path.join(dir, 'scored-again.xlsx');
    const r2 = runCli(['score', first, '-o', second, '--lang', 'en']);
    assert.equal(r2.code, 0, r2.stderr);
    const wb2 = await load(second);
    assert.deepEqual(wb2.worksheets.map((w) => w.name), names);
    assertOfficerSheetsIntact(wb2, 'score again');
    assert.equal(wb2.getWorksheet('Danh sách vấn đề (2)')!.getCell('A1').value, 'ISSUES TO RESOLVE');

    // Its own summary is refused as an appendix, the officer's sheet of the same name is not parscore's.
    const own = runCli(['check', second, '--sheet', 'Tổng hợp điểm (2)']);
    assert.equal(own.code, 2);
    assert.match(own.stderr, /trang tổng hợp do parscore tạo/);
    const officers = runCli(['check', second, '--sheet', 'Tổng hợp điểm']);
    assert.doesNotMatch(officers.stderr, /do parscore tạo/);

    const cleared = path.join(dir, 'cleared.xlsx');
    const r3 = runCli(['clear', second, '-o', cleared]);
    assert.equal(r3.code, 0, r3.stderr);
    const wb3 = await load(cleared);
    assert.deepEqual(wb3.worksheets.map((w) => w.name), [appendix, ...Object.keys(OFFICER)]);
    assertOfficerSheetsIntact(wb3, 'clear');
  });

  it('clear on the officer’s workbook alone removes nothing', async () => {
    const out = path.join(dir, 'cleared-input.xlsx');
    const r = runCli(['clear', input, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assertOfficerSheetsIntact(await load(out), 'clear');
  });
});
