// Nothing lost: `parscore score` adds only its two columns, its highlight rules and its summary
// sheets; every original cell (value, formula text and cached result, style), merge, rule and
// validation is still there; it never writes over its input; a failed write leaves nothing;
// `score` on its own output changes nothing but the summaries; `clear` gives the original back.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE, HAGIANG, LAOCAI, VINHPHUC } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';
import { colOf, parscoreColumns, workbookState, type SheetState } from './helpers/workbook-state';
import { SHEET_NAMES, SUMMARY_MARKER_PREFIX } from '../model';
import { CliError } from '../cli/errors';
import { saveWorkbook } from '../cli/workbook-io';

const SUMMARY = Object.values(SHEET_NAMES) as string[];
const OWN_RULE = /^ISNUMBER\(SEARCH\("[a-z-]+@[A-Z]{1,3}",\$[A-Z]{1,3}\d+\)\)$/;

/**
 * Every original sheet of `before` is in `after` unchanged, except for parscore's own columns
 * (header "parscore: …") and its conditional formats; the only new sheets are the summaries.
 */
function assertOnlyParscoreAdded(before: SheetState[], after: SheetState[], what: string): void {
  const names = after.map((s) => s.name);
  assert.deepEqual(names.filter((n) => !SUMMARY.includes(n) || before.some((b) => b.name === n)), before.map((s) => s.name), `${what}: sheets`);
  for (const b of before) {
    const a = after.find((s) => s.name === b.name)!;
    const own = parscoreColumns(a);
    assert.ok(own.length === 0 || own.length === 2, `${what}/${b.name}: parscore columns ${own}`);
    for (const [addr, cell] of b.cells) {
      assert.ok(!own.includes(colOf(addr)), `${what}/${b.name}!${addr}: parscore wrote into a column holding the officer's cell`);
      assert.deepEqual(a.cells.get(addr), cell, `${what}/${b.name}!${addr}`);
    }
    for (const addr of a.cells.keys()) {
      if (!b.cells.has(addr)) assert.ok(own.includes(colOf(addr)), `${what}/${b.name}!${addr}: a cell appeared outside parscore's columns`);
    }
    assert.deepEqual(a.merges, b.merges, `${what}/${b.name}: merges`);
    for (const m of a.merges) {
      const [l, r] = m.split(':').map(colOf) as [number, number];
      assert.ok(!own.some((c) => c >= l && c <= r), `${what}/${b.name}: parscore column inside merge ${m}`);
    }
    assert.deepEqual(a.conditional.slice(0, b.conditional.length), b.conditional, `${what}/${b.name}: the officer's conditional formats`);
    for (const extra of a.conditional.slice(b.conditional.length)) {
      for (const rule of JSON.parse(extra).rules as { formulae: string[] }[]) assert.match(rule.formulae[0]!, OWN_RULE, `${what}: foreign rule`);
    }
    assert.equal(a.validations, b.validations, `${what}/${b.name}: data validations`);
    assert.equal(a.views, b.views, `${what}/${b.name}: views`);
    assert.equal(a.state, b.state);
    for (const col of b.columns) {
      if (own.includes(col.number)) continue;
      assert.deepEqual(a.columns.find((c) => c.number === col.number), col, `${what}/${b.name}: column ${col.number}`);
    }
  }
}

/** `after` equals `before` exactly: same sheets, cells, merges, rules, validations, columns. */
function assertSameSheets(before: SheetState[], after: SheetState[], what: string): void {
  assert.deepEqual(after.map((s) => s.name), before.map((s) => s.name), `${what}: sheets`);
  for (const b of before) {
    const a = after.find((s) => s.name === b.name)!;
    assert.deepEqual([...a.cells.keys()].sort(), [...b.cells.keys()].sort(), `${what}/${b.name}: cell set`);
    for (const [addr, cell] of b.cells) assert.deepEqual(a.cells.get(addr), cell, `${what}/${b.name}!${addr}`);
    assert.deepEqual(a.merges, b.merges, `${what}/${b.name}: merges`);
    assert.deepEqual(a.conditional, b.conditional, `${what}/${b.name}: conditional formats`);
    assert.equal(a.validations, b.validations);
    assert.equal(a.views, b.views);
    const widths = (s: SheetState) => s.columns.filter((c) => c.width !== undefined || c.hidden);
    assert.deepEqual(widths(a), widths(b), `${what}/${b.name}: columns`);
  }
}

describe('nothing lost', function () {
  this.timeout(120000);
  let dir: string;
  let built: string;
  let hostileLayout: string;

  before(async () => {
    ensureBuilt();
    dir = tmpDir('nothing-lost');
    built = path.join(dir, 'built.xlsx');
    hostileLayout = path.join(dir, 'hostile-layout.xlsx');

    // The example plus everything an officer's workbook carries: formulas (plain and shared, with
    // cached results), rich text, hyperlinks, dates, a note, a validation, the officer's own
    // conditional format, a defined name, a frozen view and a second sheet referring to the first.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    const ws = wb.worksheets[0]!;
    ws.getCell('L123').value = { formula: 'SUM(L8:L10)', result: 3.75 };
    ws.getCell('B9').value = { richText: [{ text: 'Kế hoạch ', font: { bold: true } }, { text: 'tuyên truyền CCHC', font: { italic: true, color: { argb: 'FF0000FF' } } }] };
    ws.getCell('M12').value = { text: 'Quyết định 12/QĐ-UBND', hyperlink: 'https://vanban.example.vn/qd-12' };
    ws.getCell('H20').value = new Date(Date.UTC(2019, 11, 31));
    ws.getCell('H20').numFmt = 'dd/mm/yyyy';
    ws.getCell('N8').note = 'Ghi chú của cán bộ';
    ws.getCell('L8').dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 10] };
    ws.addConditionalFormatting({ ref: 'C7:C122', rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['5'], style: { font: { bold: true } } }] });
    ws.views = [{ state: 'frozen', ySplit: 6, xSplit: 2 }];
    wb.definedNames.add("'Phụ lục'!$A$7:$N$122", 'BangPhuLuc');
    const notes = wb.addWorksheet('Ghi chú');
    notes.getCell('A1').value = 'Tổng điểm tự đánh giá';
    notes.getCell('B1').value = { formula: "'Phụ lục'!L123", result: 3.75 };
    notes.getCell('A2').value = 'Hạn nộp';
    notes.getCell('B2').value = new Date(Date.UTC(2020, 0, 15, 8, 30));
    for (let r = 4; r <= 8; r++) notes.getCell(r, 1).value = r;
    notes.fillFormula('B4:B8', 'A4*2', (row) => row * 2);
    notes.getCell('C4').value = { formula: 'IF(A4>100,"lớn","")', result: '' };
    notes.mergeCells('D4:F6');
    notes.getCell('D4').value = 'Ô gộp';
    await wb.xlsx.writeFile(built);

    // Cells where a careless status column would land, all blank to the model: an explanation
    // merged N40:P40 (row 40 has a finding), a formula with an empty cached result in Q130 (below
    // the table: the codes column is hidden), a bordered empty cell in R12.
    const h = new ExcelJS.Workbook();
    await h.xlsx.readFile(EXAMPLE);
    const hs = h.worksheets[0]!;
    hs.getCell('N40').value = 'Giải trình dài, gộp ba ô';
    hs.mergeCells('N40:P40');
    hs.getCell('Q130').value = { formula: 'IF(L20>100,"quá","")', result: '' };
    hs.getCell('R12').border = { left: { style: 'thin' } };
    await h.xlsx.writeFile(hostileLayout);
  });

  const inputs = () => [
    ['laocai (fixture)', LAOCAI],
    ['vinhphuc (fixture)', VINHPHUC],
    ['hagiang (fixture)', HAGIANG],
    ['example', EXAMPLE],
    ['built workbook', built],
    ['hostile layout', hostileLayout],
  ];

  it('score keeps every original cell, formula, merge, rule and validation; it only adds its own', async () => {
    for (const [what, file] of inputs()) {
      const out = path.join(dir, `scored-${path.basename(file!)}`);
      const r = runCli(['score', file!, '-o', out]);
      assert.equal(r.code, 0, `${what}: ${r.stderr}`);
      const before = await workbookState(file!);
      const after = await workbookState(out);
      assertOnlyParscoreAdded(before.sheets, after.sheets, what!);
      // The officer's defined names as they were; parscore adds only its records of its summary sheets.
      const names = JSON.parse(after.names) as { name: string; ranges: string[] }[];
      assert.equal(JSON.stringify(names.filter((n) => !n.name.startsWith(SUMMARY_MARKER_PREFIX))), before.names, `${what}: defined names`);
      assert.deepEqual(
        names.filter((n) => n.name.startsWith(SUMMARY_MARKER_PREFIX)).map((n) => `${n.name} ${n.ranges.join()}`),
        ["parscore_summary_fields 'Tổng hợp điểm'!$A$1", "parscore_summary_agencies 'Theo cơ quan'!$A$1", "parscore_summary_findings 'Danh sách vấn đề'!$A$1"],
        what,
      );
      const analysed = after.sheets.find((s) => parscoreColumns(s).length)!;
      assert.ok(analysed, `${what}: no status column written`);
    }
  });

  it('the status column steps around merges, formulas with empty results and the officer’s notes', async () => {
    const out = path.join(dir, 'scored-hostile-layout.xlsx');
    if (!fs.existsSync(out)) assert.equal(runCli(['score', hostileLayout, '-o', out]).code, 0);
    const s = (await workbookState(out)).sheets[0]!;
    // O:P are inside N40:P40, Q holds a formula, R a styled cell in a row parscore writes.
    assert.deepEqual(parscoreColumns(s), [colOf('S'), colOf('T')]);
    assert.equal(s.cells.get('S6')?.value, 'parscore: kết quả kiểm tra');
    assert.match(String(s.cells.get('S40')?.value), /vượt điểm tối đa/);
    assert.equal(s.cells.get('N40')?.value, 'Giải trình dài, gộp ba ô');
    assert.deepEqual(s.cells.get('Q130')?.formula, 'IF(L20>100,"quá","")');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const rules = (wb.worksheets[0] as unknown as { conditionalFormattings: { rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    assert.ok(rules.length > 0 && rules.every((c) => /\$T7\)\)$/.test(c.rules[0]!.formulae[0]!)), 'rules read the moved codes column');
  });

  it('score on its own output changes nothing but the summaries', async () => {
    for (const [what, file] of inputs()) {
      const once = path.join(dir, `once-${path.basename(file!)}`);
      const twice = path.join(dir, `twice-${path.basename(file!)}`);
      assert.equal(runCli(['score', file!, '-o', once]).code, 0);
      assert.equal(runCli(['score', once, '-o', twice]).code, 0);
      const a = (await workbookState(once)).sheets;
      const b = (await workbookState(twice)).sheets;
      assertSameSheets(a.filter((s) => !SUMMARY.includes(s.name)), b.filter((s) => !SUMMARY.includes(s.name)), `${what} (twice)`);
      assert.deepEqual(b.map((s) => s.name), a.map((s) => s.name), `${what}: sheet order`);
    }
  });

  it('clear gives back the original cells exactly: values, formulas, merges, styles, rules', async () => {
    for (const [what, file] of inputs()) {
      const scored = path.join(dir, `to-clear-${path.basename(file!)}`);
      const cleared = path.join(dir, `cleared-${path.basename(file!)}`);
      assert.equal(runCli(['score', file!, '-o', scored]).code, 0);
      const r = runCli(['clear', scored, '-o', cleared]);
      assert.equal(r.code, 0, r.stderr);
      const before = await workbookState(file!);
      const after = await workbookState(cleared);
      assertSameSheets(before.sheets, after.sheets, `${what} (cleared)`);
      assert.equal(after.names, before.names);
    }
  });

  describe('never over the input, never half a file', () => {
    let input: string;
    before(() => {
      input = path.join(dir, 'đầu vào.xlsx');
      fs.copyFileSync(LAOCAI, input);
    });

    it('refuses the input as output: same path, another spelling, a symlink, a hard link, a linked directory', () => {
      const original = fs.readFileSync(input);
      const sym = path.join(dir, 'liên kết.xlsx');
      const hard = path.join(dir, 'liên kết cứng.xlsx');
      const linkedDir = path.join(dir, 'thư mục liên kết');
      fs.rmSync(sym, { force: true });
      fs.rmSync(hard, { force: true });
      fs.rmSync(linkedDir, { force: true });
      fs.symlinkSync(input, sym);
      fs.linkSync(input, hard);
      fs.symlinkSync(dir, linkedDir);
      const targets = [
        input,
        path.join(dir, '.', 'đầu vào.xlsx'),
        path.join(dir, '..', path.basename(dir), 'đầu vào.xlsx'),
        path.relative(process.cwd(), input),
        sym,
        hard,
        path.join(linkedDir, 'đầu vào.xlsx'),
      ];
      for (const target of targets) {
        for (const cmd of ['score', 'clear']) {
          const r = runCli([cmd, input, '-o', target]);
          assert.equal(r.code, 2, `${cmd} -o ${target}: ${r.stderr}`);
          assert.match(r.stderr, /^Không ghi đè lên tệp đầu vào .*: hãy chọn tệp kết quả khác\n$/);
          assert.ok(fs.readFileSync(input).equals(original), `${target}: input changed`);
        }
      }
      // Also when the input is given through the link.
      const r = runCli(['score', sym, '-o', input, '--lang', 'en']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^Refusing to overwrite the input file/);
      assert.ok(fs.readFileSync(input).equals(original));
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.parscore-')), [], 'temp files left');
    });

    it('a write that fails after the temp file is complete leaves no output and no temp file', () => {
      // The output path is a directory: the temporary file is written in full, the rename fails.
      const target = path.join(dir, 'là thư mục.xlsx');
      fs.mkdirSync(target, { recursive: true });
      const r = runCli(['score', input, '-o', target]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /^Không ghi được tệp .*là thư mục\.xlsx: /);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.ok(fs.statSync(target).isDirectory());
      assert.deepEqual(fs.readdirSync(target), []);
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.parscore-')), [], 'temp files left');
    });

    it('a read-only destination: exit 2, one line, nothing written', () => {
      const ro = path.join(dir, 'chỉ đọc');
      fs.mkdirSync(ro, { recursive: true });
      fs.chmodSync(ro, 0o555);
      let target = path.join(ro, 'kết quả.xlsx');
      try {
        fs.accessSync(ro, fs.constants.W_OK);
        // root ignores permission bits; /proc refuses new files even to root.
        target = '/proc/parscore-read-only/kết quả.xlsx';
      } catch {
        /* not writable: the case we want */
      }
      for (const lang of ['vi', 'en']) {
        const r = runCli(['score', input, '-o', target, '--lang', lang]);
        assert.equal(r.code, 2, r.stderr);
        assert.match(r.stderr, lang === 'vi' ? /^Không ghi được tệp / : /^Cannot write /);
        assert.equal(r.stderr.trim().split('\n').length, 1);
        assert.ok(!/\bat .+:\d+:\d+/.test(r.stderr));
      }
      assert.ok(!fs.existsSync(target));
      assert.deepEqual(fs.readdirSync(ro), []);
      fs.chmodSync(ro, 0o755);
    });

    it('a write that dies half-way leaves the previous output intact and no temp file', async () => {
      const out = path.join(dir, 'bản cũ.xlsx');
      fs.writeFileSync(out, 'previous scored copy');
      const partial = {
        xlsx: {
          writeFile: async (p: string) => {
            fs.writeFileSync(p, 'PK\u0003\u0004 half a workbook');
            throw new Error('ENOSPC: no space left on device, write');
          },
        },
      } as unknown as ExcelJS.Workbook;
      await assert.rejects(saveWorkbook(partial, out, input), (e: unknown) => e instanceof CliError && e.code === 'write-failed');
      assert.equal(fs.readFileSync(out, 'utf8'), 'previous scored copy');
      assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.parscore-')), []);
    });
  });
});
