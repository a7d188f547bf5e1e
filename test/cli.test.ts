// The parscore CLI on real workbooks: reports, JSON contract, scored copies, exit codes.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE, HAGIANG, LAOCAI, VINHPHUC } from './helpers/fixtures';
import { ensureBuilt, ROOT, runCli, tmpDir } from './helpers/cli';

describe('parscore CLI', function () {
  this.timeout(60000);
  let out: string;
  before(() => {
    ensureBuilt();
    out = tmpDir('cli');
  });

  it('check --json prints one JSON object with the documented keys', () => {
    const r = runCli(['check', LAOCAI, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(j).slice(0, 9), ['file', 'sheet', 'index', 'framework', 'year', 'yearFrom', 'score', 'fields', 'agencies']);
    assert.deepEqual([j.year, j.yearFrom], [2019, 'title']); // "… (PAR INDEX) NĂM 2019 (Kèm theo …)"
    assert.equal(j.index, 'PAR');
    assert.equal(j.sheet, 'Phụ lục');
    assert.equal(j.score.max, 64.5);
    assert.equal(j.fields.length, 8);
    for (const f of j.findings) assert.deepEqual(Object.keys(f).slice(0, 6), ['kind', 'severity', 'row', 'column', 'code', 'message']);
  });

  it('the README\'s JSON example is the real output for the example workbook, each list cut to its first entry', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /### JSON format[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const shown = JSON.parse(block) as Record<string, unknown>;
    const real = JSON.parse(runCli(['check', path.relative(ROOT, EXAMPLE), '--json']).stdout) as Record<string, unknown>;
    assert.deepEqual(Object.keys(shown), Object.keys(real));
    for (const [k, v] of Object.entries(shown)) {
      const r = real[k];
      if (k === 'findings') assert.deepEqual(v, [(r as { kind: string }[]).find((f) => f.kind === 'over-max')]);
      else assert.deepEqual(v, Array.isArray(r) ? r.slice(0, 1) : r, k);
    }
  });

  it('check prints a readable Vietnamese report, English with --lang en', () => {
    const vi = runCli(['check', VINHPHUC]);
    assert.equal(vi.code, 0, vi.stderr);
    assert.match(vi.stdout, /Loại chỉ số: PAPI/);
    assert.match(vi.stdout, /84 nhiệm vụ/);
    const en = runCli(['check', HAGIANG, '--lang', 'en']);
    assert.match(en.stdout, /Index: PAPI/);
    assert.match(en.stdout, /40 tasks/);
    assert.match(en.stdout, /Agency not in the registry/);
  });

  it('--strict exits 1 when error findings exist, 0 otherwise', () => {
    assert.equal(runCli(['check', EXAMPLE, '--strict']).code, 1);
    assert.equal(runCli(['check', VINHPHUC, '--strict']).code, 0);
  });

  it('score writes a scored copy with the three summary sheets and the status column, input untouched', async () => {
    const before = fs.readFileSync(EXAMPLE);
    const dest = path.join(out, 'scored.xlsx');
    const r = runCli(['score', EXAMPLE, '-o', dest]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.readFileSync(EXAMPLE).equals(before), 'input changed');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(dest);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
    const json = JSON.parse(runCli(['check', EXAMPLE, '--json']).stdout);
    const sum = wb.getWorksheet('Tổng hợp điểm')!;
    const totalRow = 4 + json.fields.length;
    assert.equal(sum.getCell(totalRow, 2).value, 'Tổng cộng');
    assert.deepEqual([3, 4, 5, 6].map((c) => sum.getCell(totalRow, c).value), [json.score.max, json.score.claimed, json.score.accepted, json.score.atRisk]);
    const issues = wb.getWorksheet('Danh sách vấn đề')!;
    assert.equal(issues.rowCount - 3, json.findings.length);
    const ws = wb.getWorksheet('Phụ lục')!;
    assert.equal(ws.getCell('O6').value, 'parscore: kết quả kiểm tra');
    assert.match(String(ws.getCell('O40').value), /vượt điểm tối đa/);
    assert.match(String(ws.getCell('P40').value), /over-max@L/);
    assert.equal(ws.getCell('O8').value, null);
  });

  it("loads ExcelJS's own Workbook without the package's streaming reader and writer", () => {
    // cli/workbook-io.ts requires exceljs/lib/doc/workbook: the same class as the entry's…
    assert.equal(require('exceljs/lib/doc/workbook'), ExcelJS.Workbook);
    // …and a whole `score` run never loads unzipper or archiver (~65 ms of every start): the CLI
    // run as officers run it, with a preloaded hook reporting the modules loaded at exit.
    const hook = path.join(out, 'loaded-modules.js');
    fs.writeFileSync(
      hook,
      `process.on('exit', (code) => console.error(JSON.stringify({ code, loaded: Object.keys(require.cache).filter((k) => /node_modules[\\\\/](unzipper|archiver|exceljs)[\\\\/]/.test(k)) })));\n`,
    );
    const scored = path.join(out, 'loaded.xlsx');
    const r = runCli(['score', LAOCAI, '-o', scored], undefined, ['--require', hook]);
    const report = JSON.parse(r.stderr.trim().split('\n').pop()!) as { code: number; loaded: string[] };
    assert.equal(report.code, 0, r.stderr);
    assert.ok(fs.existsSync(scored));
    const loaded = report.loaded.map((k) => k.replace(/\\/g, '/'));
    assert.ok(loaded.some((k) => k.endsWith('exceljs/lib/doc/workbook.js')), 'ExcelJS was loaded');
    assert.deepEqual(loaded.filter((k) => /node_modules\/(unzipper|archiver)\/|exceljs\/lib\/exceljs\.nodejs\.js$/.test(k)), []);
  });

  it('score twice on its own output replaces its marks instead of adding more', async () => {
    const a = path.join(out, 'once.xlsx');
    const b = path.join(out, 'twice.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '-o', a]).code, 0);
    assert.equal(runCli(['score', a, '-o', b]).code, 0);
    const wa = new ExcelJS.Workbook();
    const wbb = new ExcelJS.Workbook();
    await wa.xlsx.readFile(a);
    await wbb.xlsx.readFile(b);
    assert.deepEqual(wbb.worksheets.map((w) => w.name), wa.worksheets.map((w) => w.name));
    const sa = wa.getWorksheet('Phụ lục')!;
    const sb = wbb.getWorksheet('Phụ lục')!;
    assert.equal(sb.columnCount, sa.columnCount);
    assert.equal(sb.getCell('Q6').value, null);
  });

  it('clear removes everything parscore added', async () => {
    const scored = path.join(out, 'to-clear.xlsx');
    const cleared = path.join(out, 'cleared.xlsx');
    runCli(['score', EXAMPLE, '-o', scored]);
    const r = runCli(['clear', scored, '-o', cleared]);
    assert.equal(r.code, 0, r.stderr);
    const orig = new ExcelJS.Workbook();
    const back = new ExcelJS.Workbook();
    await orig.xlsx.readFile(EXAMPLE);
    await back.xlsx.readFile(cleared);
    assert.deepEqual(back.worksheets.map((w) => w.name), orig.worksheets.map((w) => w.name));
    const o = orig.worksheets[0]!;
    const c = back.worksheets[0]!;
    o.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, col) => assert.deepEqual(c.getCell(r, col).value, cell.value, `${cell.address}`));
    });
    c.eachRow((row) => row.eachCell((cell) => assert.ok(!String(cell.value).startsWith('parscore'), cell.address)));
  });

  it('refuses to write over its input, also through another path', () => {
    const copy = path.join(out, 'input.xlsx');
    fs.copyFileSync(LAOCAI, copy);
    const link = path.join(out, 'link.xlsx');
    fs.symlinkSync(copy, link);
    for (const target of [copy, link, path.join(out, '.', 'input.xlsx')]) {
      const r = runCli(['score', copy, '-o', target]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /Không ghi đè lên tệp đầu vào/);
      assert.ok(fs.readFileSync(copy).equals(fs.readFileSync(LAOCAI)));
    }
  });

  it('usage errors and unreadable files exit 2 with one line and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['check', path.join(out, 'nope.xlsx')], /^Không tìm thấy tệp/],
      [['check'], /^Sai cú pháp lệnh/],
      [['frobnicate'], /^Sai cú pháp lệnh/],
      [['check', LAOCAI, '--lang', 'fr'], /^Sai cú pháp lệnh/],
      [['score', LAOCAI], /^Sai cú pháp lệnh/],
      [['check', path.join(out, 'nope.xlsx'), '--lang', 'en'], /^File not found/],
      [['check', LAOCAI, '--sheet', 'Không có'], /^Không có trang tính "Không có"/],
    ];
    for (const [args, re] of cases) {
      const r = runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.ok(!/\bat .+:\d+:\d+/.test(r.stderr), 'stack trace');
    }
  });

  it('a user framework JSON replaces the built-in one; a bad one is a clear error', () => {
    const bad = path.join(out, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ id: 'x', index: 'PAR', name: 'x', source: 'x', validFrom: 2019, nodes: [{ code: '1', name: 'A', max: 2, children: [{ code: '1.1', name: 'B', max: 1 }] }] }));
    const r = runCli(['check', LAOCAI, '--framework', bad]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Khung chỉ số .* không hợp lệ/);
    const good = path.join(out, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ id: 'mine', index: 'PAR', name: 'x', source: 'x', validFrom: 2019, nodes: [{ code: '1', name: 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', max: 10 }] }));
    const j = JSON.parse(runCli(['check', LAOCAI, '--framework', good, '--json']).stdout);
    assert.ok(j.findings.some((f: { kind: string; row: number }) => f.kind === 'framework-mismatch' && f.row === 7));
    // The framework the rows were checked against is the one named, in the report and the JSON.
    assert.equal(j.framework, 'mine');
    assert.equal(JSON.parse(runCli(['check', LAOCAI, '--json']).stdout).framework, 'par-2019-province');
    assert.match(runCli(['check', LAOCAI, '--framework', good]).stdout, /Loại chỉ số: PAR \(mine\)/);
  });

  it('findings planted in a copy of a fixture file come back from check --json at their cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(LAOCAI);
    const ws = wb.worksheets[0]!;
    ws.getCell('C41').value = '1,5'; // 3.3.2 max raised: parent 3.3 no longer sums
    ws.getCell('I31').value = 'Sở Du hành Vũ trụ';
    ws.getCell('A32').value = '3.1.1';
    ws.getCell('C33').value = 'ba điểm'; // 3.2: unreadable, so field 3 no longer sums either
    const file = path.join(out, 'planted.xlsx');
    await wb.xlsx.writeFile(file);
    const j = JSON.parse(runCli(['check', file, '--json']).stdout);
    const got = j.findings.filter((f: { severity: string }) => f.severity !== 'info').map((f: { kind: string; column: string; row: number }) => `${f.kind}@${f.column}${f.row}`).sort();
    // I19: 1.4.1 has no lead of its own nor one above it (never 1.4.2's below).
    // A32's duplicated code: the framework knows the row by its name as another number.
    assert.deepEqual(got, ['bad-number@C33', 'duplicate-code@A32', 'framework-mismatch@A32', 'framework-mismatch@C41', 'missing-lead-agency@I19', 'sum-mismatch@C29', 'sum-mismatch@C39', 'unknown-agency@I31']);
  });

  it('demo scores the bundled example into examples/out/', () => {
    const r = runCli(['demo']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /chỉ số 91,09%/);
    assert.ok(fs.existsSync(path.join(__dirname, '..', 'examples', 'out', 'laocai-2019-da-cham.xlsx')));
  });
});
