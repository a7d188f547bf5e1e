// An officer's own sheets may carry the names parscore gives its summaries ("Tổng hợp điểm" is an
// ordinary Vietnamese sheet name). parscore must neither replace, nor delete, nor trip over them.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';
import { readZip, writeZip } from './helpers/zip';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHARTSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml';

const OFFICER: Record<string, Record<string, string | number>> = {
  // The officer's own summary, under parscore's very title: still not parscore's layout (no header row 3).
  'Tổng hợp điểm': { A1: 'TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ THEO LĨNH VỰC', B2: 123 },
  // Differs from parscore's "Danh sách vấn đề" in case only: Excel (and ExcelJS) count it as the same name.
  'danh sách vấn đề': { A1: 'Việc cần làm của phòng', C3: 'giữ nguyên' },
  // Headed like parscore's agencies table, in row 1.
  'Theo cơ quan': { A1: 'Cơ quan chủ trì', B1: 'Số nhiệm vụ', A2: 'Sở Nội vụ', B2: 5 },
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
    const names = [appendix, ...Object.keys(OFFICER), 'Tổng hợp điểm (2)', 'Theo cơ quan (2)', 'Danh sách vấn đề (2)'];
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
    const officers = runCli(['check', second, '--sheet', 'danh sách vấn đề']);
    assert.doesNotMatch(officers.stderr, /do parscore tạo/);

    const cleared = path.join(dir, 'cleared.xlsx');
    const r3 = runCli(['clear', second, '-o', cleared]);
    assert.equal(r3.code, 0, r3.stderr);
    const wb3 = await load(cleared);
    assert.deepEqual(wb3.worksheets.map((w) => w.name), [appendix, ...Object.keys(OFFICER)]);
    assertOfficerSheetsIntact(wb3, 'clear');
  });

  it('a chart sheet named like a summary (which ExcelJS does not list) keeps its name and its part', async () => {
    const entries = readZip(fs.readFileSync(EXAMPLE));
    const edit = (name: string, data: Buffer): Buffer => {
      const x = data.toString('utf8');
      if (name === 'xl/workbook.xml') return Buffer.from(x.replace('</sheets>', '<sheet name="Tổng hợp điểm" sheetId="99" r:id="rIdChart1"/></sheets>'));
      if (name === 'xl/_rels/workbook.xml.rels') {
        return Buffer.from(x.replace('</Relationships>', `<Relationship Id="rIdChart1" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`));
      }
      if (name === '[Content_Types].xml') return Buffer.from(x.replace('</Types>', `<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="${CHARTSHEET}"/></Types>`));
      return data;
    };
    const chart = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>';
    const input = path.join(dir, 'có biểu đồ.xlsx');
    fs.writeFileSync(input, writeZip([...entries.map((e) => ({ name: e.name, data: edit(e.name, e.data) })), { name: 'xl/chartsheets/sheet1.xml', data: Buffer.from(chart) }]));
    const out = path.join(dir, 'có biểu đồ - đã chấm.xlsx');
    const r = runCli(['score', input, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const zipped = readZip(fs.readFileSync(out));
    const workbook = zipped.find((e) => e.name === 'xl/workbook.xml')!.data.toString('utf8');
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(names.slice(1), ['Tổng hợp điểm', 'Tổng hợp điểm (2)', 'Theo cơ quan', 'Danh sách vấn đề']);
    assert.equal(zipped.find((e) => e.name === 'xl/chartsheets/sheet1.xml')!.data.toString('utf8'), chart);
  });

  it('Excel’s copy of a summary ("Tổng hợp điểm (2)", last run’s scores kept) survives score and clear', async () => {
    const scored = path.join(dir, 'đã chấm lần 1.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '-o', scored]).code, 0);
    const wb = await load(scored);
    const original = wb.getWorksheet('Tổng hợp điểm')!;
    const copy = wb.addWorksheet('Tổng hợp điểm (2)');
    original.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
    copy.getCell('B4').value = 'điểm tháng trước';
    const kept = path.join(dir, 'có bản sao.xlsx');
    await wb.xlsx.writeFile(kept);
    const cells = async (file: string) => {
      const ws = (await load(file)).getWorksheet('Tổng hợp điểm (2)');
      const out: Record<string, unknown> = {};
      ws?.eachRow((row) => row.eachCell((c) => (out[c.address] = c.value)));
      return out;
    };
    const before = await cells(kept);
    assert.equal(before.B4, 'điểm tháng trước');
    for (const args of [['score', kept, '-o', path.join(dir, 'lần 2.xlsx')], ['clear', kept, '-o', path.join(dir, 'lần 2 xóa.xlsx')]]) {
      const r = runCli(args);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(await cells(args[3]!), before, args[0]);
    }
    const names = (await load(path.join(dir, 'lần 2.xlsx'))).worksheets.map((w) => w.name);
    assert.deepEqual(names.slice(1), ['Tổng hợp điểm (2)', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
  });

  it('a copy stays the officer’s when they also retitle, delete or replace parscore’s original, or rename the copy "(1)"', async () => {
    const scored = path.join(dir, 'gốc.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '-o', scored]).code, 0);
    const variants: [string, (wb: ExcelJS.Workbook) => void][] = [
      ['retitled', (wb) => (wb.getWorksheet('Tổng hợp điểm')!.getCell('A1').value = 'Điểm tháng 11 (đã sửa)')],
      ['replaced', (wb) => {
        wb.removeWorksheet(wb.getWorksheet('Tổng hợp điểm')!.id);
        wb.addWorksheet('Tổng hợp điểm').getCell('A1').value = 'Của phòng';
      }],
    ];
    for (const [what, change] of variants) {
      for (const copyName of ['Tổng hợp điểm (2)', 'Tổng hợp điểm (1)']) {
        const wb = await load(scored);
        const copy = wb.addWorksheet(copyName);
        wb.getWorksheet('Tổng hợp điểm')!.eachRow((row, r) => row.eachCell((c, col) => (copy.getCell(r, col).value = c.value)));
        copy.getCell('B4').value = 'GIỮ';
        change(wb);
        const input = path.join(dir, `bản sao ${what} ${copyName}.xlsx`);
        await wb.xlsx.writeFile(input);
        for (const cmd of ['score', 'clear']) {
          const out = path.join(dir, `${cmd} ${what} ${copyName}.xlsx`);
          const r = runCli([cmd, input, '-o', out]);
          assert.equal(r.code, 0, r.stderr);
          const kept = (await load(out)).getWorksheet(copyName);
          assert.equal(kept?.getCell('B4').value, 'GIỮ', `${cmd}, original ${what}, copy ${copyName}`);
        }
      }
    }
  });

  it('clear on the officer’s workbook alone removes nothing', async () => {
    const out = path.join(dir, 'cleared-input.xlsx');
    const r = runCli(['clear', input, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assertOfficerSheetsIntact(await load(out), 'clear');
  });
});
