// The task pane's Office side: add self-assessment columns, check (marks only), recognise,
// remove marks (keeping filled self-assessment columns), select a cell, the saved preferences and
// the column-mapping correction. Driven over test/browser/office-stub.js, the in-memory Excel the
// browser test also uses (requests run at sync, reads before a sync throw), and office-addin-mock.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { OfficeMockObject } from 'office-addin-mock';
import ExcelJS from 'exceljs';
import { analyzeSheet, buildCellNotes, buildInlineMarks, KIND_LABELS, type FindingKind, type SheetSnapshot } from '../model';
import { columnLetter } from '../model/text';
import { analyzeExcelWorkbook, applyScore } from '../xlsx/score-workbook';
import { clearParscore } from '../addin/office/clear';
import { queueSelectCell } from '../addin/office/navigate';
import { officeCapabilities } from '../addin/office/pane-host';
import { defaultPreferences, parsePreferences, serializePreferences } from '../addin/office/preferences';
import { readActiveSheet } from '../addin/office/recognise';
import { addSelfAssessmentColumns } from '../addin/office/self-assessment';
import { locateAddedColumns, planSelfAssessmentColumns, pointsValidationFormula, usedRight } from '../addin/office/self-assessment-plan';
import { scoreAndSummarise } from '../addin/office/score-and-summarise';
import { parseState, STATE_KEY } from '../addin/office/state';
import { buildOverrides, columnChoices, duplicateChoice, roleLetters } from '../addin/taskpane/mapping';
import { TEXT } from '../addin/taskpane/text';
import { createExcelStub, parseAddress, type ExcelStub, type StubLogEntry, type StubSheetSpec } from './browser/office-stub';
import { EXAMPLE, LAOCAI, loadSnapshot, setCell } from './helpers/fixtures';
import { cleanLaoCai, COL } from './helpers/self-assessment';

const ROOT = path.join(__dirname, '..');
const ALL = () => true;
const UP_TO = (max: number) => (set: string, version: string) => set !== 'ExcelApi' || Number(version.split('.')[1]) <= max;

function stubOf(...sheets: SheetSnapshot[]): ExcelStub {
  return createExcelStub({ sheets: sheets.map((s) => ({ name: s.name, values: s.values, merges: s.merges, origin: s.origin ?? { row: 1, col: 1 } })) });
}

/** Writes (anything with an address) to one sheet. */
const writesTo = (stub: ExcelStub, sheet: string, from = 0): StubLogEntry[] => stub.book.log.slice(from).filter((e) => e.sheet === sheet && e.address);

/** A synthetic PAR-like appendix with n criteria (to show syncs do not grow with rows). */
function syntheticAppendix(n: number): SheetSnapshot {
  const values: unknown[][] = [['KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH'], [], ['STT', 'Lĩnh vực/ Tiêu chí', 'Điểm tối đa', 'Mục tiêu', 'Chủ trì']];
  values.push(['1', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', n, '', '']);
  for (let i = 1; i <= n; i++) values.push([`1.${i}`, `Tiêu chí số ${i}`, 1, 'Đạt 100%', 'Sở Nội vụ']);
  return { name: 'Phụ lục', values, merges: [{ top: 1, left: 1, bottom: 1, right: 5 }] };
}

describe('task pane adapter', () => {
  describe('addSelfAssessmentColumns', () => {
    it('adds the four columns right of the officer’s used range, writing no officer cell, in two syncs', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const officerRight = usedRight(snap);
      const stub = stubOf(snap);
      const r = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'done', r.message);
      assert.equal(r.syncs, 2);
      assert.equal(stub.book.syncs, 2);
      assert.deepEqual(
        r.added.map((c) => c.header),
        ['Kết quả thực hiện', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình'],
      );
      assert.equal(r.added[0]!.letter, 'K');
      assert.equal(officerRight, 10);

      // Every write lies right of the officer's used range; only the header row gets values.
      const writes = writesTo(stub, 'Phụ lục');
      assert.ok(writes.length > 5);
      for (const w of writes) {
        const box = parseAddress(w.address!);
        assert.ok(box.left > officerRight, `${w.op} at ${w.address} touches the officer's columns A:J`);
      }
      assert.deepEqual(
        writes.filter((w) => w.op === 'values').map((w) => [w.address, w.value]),
        [['K5:N5', [['Kết quả thực hiện', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình']]]],
      );
      assert.deepEqual(
        writes.filter((w) => w.op === 'merge').map((w) => w.address),
        ['K5:K6', 'L5:L6', 'M5:M6', 'N5:N6'],
      );
      // The officer's cells are exactly as before.
      const after = stub.sheet('Phụ lục')!;
      for (let i = 0; i < snap.values.length; i++) {
        for (let j = 0; j < officerRight; j++) {
          const before = snap.values[i]?.[j];
          const now = after.values[i]?.[j];
          assert.equal(now === '' ? null : now, before === undefined || before === '' ? null : before, `cell ${i + 1},${j + 1}`);
        }
      }
      assert.equal(stub.book.unsynced, 0);
    });

    it('keeps the points between 0 and the row maximum with one custom rule on the whole column', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      const r = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.ok(r.validation);
      const a = analyzeSheet(snap);
      const dv = stub.sheet('Phụ lục')!.validations;
      assert.equal(dv.length, 1);
      assert.equal(dv[0]!.address, `L${a.appendix.firstDataRow}:L${a.appendix.lastDataRow}`);
      assert.deepEqual(dv[0]!.rule, { custom: { formula: '=AND(ISNUMBER(L7),L7>=0,OR(NOT(ISNUMBER($C7)),L7<=$C7))' } });
      assert.equal((dv[0]!.errorAlert as { style: string }).style, 'Stop');
      assert.equal(pointsValidationFormula('P', 'E', 9), '=AND(ISNUMBER(P9),P9>=0,OR(NOT(ISNUMBER($E9)),P9<=$E9))');
    });

    it('adds no rule without ExcelApi 1.8, and everything else still', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      const r = await addSelfAssessmentColumns(stub.context(), { lang: 'en', supports: UP_TO(7) });
      assert.equal(r.status, 'done');
      assert.equal(r.validation, false);
      assert.ok(!stub.book.log.some((e) => e.op.startsWith('dataValidation')));
      assert.equal(r.syncs, 2);
    });

    it('costs the same two syncs for 100 and for 10,000 rows', async () => {
      const counts: number[] = [];
      for (const n of [100, 10_000]) {
        const stub = stubOf(syntheticAppendix(n));
        const r = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
        assert.equal(r.status, 'done', r.message);
        assert.equal(r.added.length, 4);
        counts.push(stub.book.syncs);
      }
      assert.deepEqual(counts, [2, 2]);
    });

    it('makes the new columns recognised as the self-assessment, and a second run adds nothing', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      const reading = await readActiveSheet(stub.context(), ALL);
      const a = analyzeSheet(reading.snapshot);
      assert.ok(a.ok);
      assert.deepEqual(
        a.appendix.columns.filter((c) => c.col >= 11).map((c) => `${c.letter}:${c.role}`),
        ['K:actual', 'L:selfPoints', 'M:evidence', 'N:explanation'],
      );
      const before = stub.book.log.length;
      const again = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(again.status, 'complete');
      assert.equal(again.syncs, 1);
      assert.equal(stub.book.log.length, before);
    });

    it('leaves a complete self-assessment alone (the example workbook)', async () => {
      const stub = stubOf(await loadSnapshot(EXAMPLE));
      const r = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'complete');
      assert.deepEqual(writesTo(stub, 'Phụ lục'), []);
    });

    it('replaces a previous check’s status columns (parscore’s) instead of going right of them', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const leaf = analyzeSheet(snap).appendix.items.find((i) => i.maxPoints !== null && !i.children.length && i.kind === 'criterion')!;
      setCell(snap, leaf.row, 3, 'một điểm'); // a bad number: an error the check colours
      const stub = stubOf(snap);
      const check = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL, summaries: false });
      assert.equal(check.status, 'done');
      assert.match(check.message, /cột K/);
      assert.ok(stub.sheet('Phụ lục')!.cfs.length > 0);
      const from = stub.book.log.length;
      const r = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'done');
      assert.ok(r.marksCleared);
      assert.equal(r.added[0]!.letter, 'K');
      const writes = writesTo(stub, 'Phụ lục', from);
      // Deleting parscore's own highlight rule (it colours C7:C123) is the only request over A:J.
      assert.ok(writes.some((w) => w.op === 'deleteConditionalFormat'));
      for (const w of writes.filter((x) => x.op !== 'deleteConditionalFormat')) {
        assert.ok(parseAddress(w.address!).left > 10, `${w.op} ${w.address}`);
      }
      const state = parseState(stub.book.settings[STATE_KEY]);
      assert.equal(state.marks['Phụ lục'], undefined);
      assert.deepEqual(state.added!['Phụ lục']!.columns.map((c) => c.col), [11, 12, 13, 14]);
      assert.ok(!stub.sheet('Phụ lục')!.cfs.some((cf) => /parscore|SEARCH/.test(cf.formula)));
    });

    it('says why on a sheet that is not an appendix, after one read and no write', async () => {
      const stub = stubOf({ name: 'Ghi chú', values: [['chỉ là ghi chú']], merges: [] });
      const r = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'not-appendix');
      assert.match(r.message, /Không tìm thấy bảng phụ lục/);
      assert.equal(r.syncs, 1);
      assert.deepEqual(writesTo(stub, 'Ghi chú'), []);
    });

    it('plans no points column for a task appendix without points', () => {
      const snap: SheetSnapshot = {
        name: 'PAPI',
        values: [
          ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Thời gian', 'Chủ trì'],
          ['1', 'Công khai thông tin', 'Báo cáo', 'Quý II', 'Sở Nội vụ'],
          ['2', 'Tập huấn', 'Kế hoạch', 'Quý III', 'Sở Tư pháp'],
        ],
        merges: [],
      };
      const plan = planSelfAssessmentColumns(analyzeSheet(snap), snap);
      assert.equal(plan.kind, 'plan');
      if (plan.kind !== 'plan') return;
      assert.deepEqual(plan.plan.columns.map((c) => c.role), ['actual', 'evidence', 'explanation']);
      assert.equal(plan.plan.validation, null);
      assert.equal(plan.plan.startCol, 6);
    });
  });

  describe('check (inline marks only)', () => {
    it('writes the status column and rules in two syncs, no summary sheet, and keeps the added columns in the state', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      const syncsBefore = stub.book.syncs;
      const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL, summaries: false });
      assert.equal(r.status, 'done', r.message);
      assert.equal(stub.book.syncs - syncsBefore, 2);
      assert.deepEqual(r.sheets, []);
      assert.ok(!stub.book.log.some((e) => e.op === 'addSheet'));
      assert.match(r.message, /cột O/);
      const sheet = stub.sheet('Phụ lục')!;
      // Status header in the last header row, right of the added columns K:N.
      assert.equal(sheet.values[6 - sheet.origin.row]![15 - sheet.origin.col], 'parscore: kết quả kiểm tra');
      const state = parseState(stub.book.settings[STATE_KEY]);
      assert.ok(state.added?.['Phụ lục']);
      assert.equal(state.marks['Phụ lục']!.statusCol, 15);
    });

    it('passes the column corrections to the engine', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      const r = await scoreAndSummarise(stub.context(), {
        lang: 'vi',
        supports: ALL,
        summaries: false,
        columnsFor: (sheet) => (sheet === 'Phụ lục' ? { note: ['I'], lead: ['J'] } : undefined),
      });
      assert.equal(r.analysis!.appendix.columns.find((c) => c.role === 'lead')!.letter, 'J');
    });
  });

  describe('where the status columns go and how much is read (the CLI’s rules, over the in-memory Excel)', () => {
    const STATUS = 'parscore: kết quả kiểm tra';

    /** The same sheet as an ExcelJS workbook, scored by the CLI's step: the status column it picks. */
    async function cliStatusColumn(spec: StubSheetSpec): Promise<number> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet(spec.name);
      const r0 = spec.origin?.row ?? 1;
      const c0 = spec.origin?.col ?? 1;
      spec.values.forEach((row, i) =>
        row.forEach((v, j) => {
          if (v !== null && v !== undefined && v !== '') ws.getCell(r0 + i, c0 + j).value = v as ExcelJS.CellValue;
        }),
      );
      for (const m of spec.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
      for (const f of spec.formulas ?? []) ws.getCell(f.row, f.col).value = { formula: f.formula.slice(1), result: '' } as ExcelJS.CellValue;
      const a = analyzeExcelWorkbook(wb);
      assert.ok(a.ok, a.error?.message);
      applyScore(wb, a);
      const header = ws.getRow(a.appendix.headerRows.at(-1)!);
      let col = 0;
      header.eachCell((cell, c) => {
        if (cell.value === STATUS) col = c;
      });
      return col;
    }

    /** Scores the sheet in the in-memory Excel; the status column, and proof no protected cell was written. */
    async function officeStatusColumn(spec: StubSheetSpec, protectedCells: string[]): Promise<number> {
      const stub = createExcelStub({ sheets: [spec] });
      const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'done', r.message);
      assert.equal(r.syncs, 2);
      for (const w of writesTo(stub, spec.name)) {
        if (/conditionalFormat/i.test(w.op) || /^[A-Z]+:[A-Z]+$/.test(w.address!)) continue; // rules colour the officer's cells; widths are per column
        const box = parseAddress(w.address!);
        for (const cell of protectedCells) {
          const p = parseAddress(cell);
          const hit = p.top <= box.bottom && box.top <= p.bottom && p.left <= box.right && box.left <= p.right;
          assert.ok(!hit, `${w.op} at ${w.address} writes over ${cell}`);
        }
      }
      const state = parseState(stub.book.settings[STATE_KEY]);
      return state.marks[spec.name]!.statusCol;
    }

    async function table(): Promise<StubSheetSpec> {
      const s = await cleanLaoCai(); // A:N, header rows 5–6, data from row 7
      return { name: 'Phụ lục', values: s.values, merges: s.merges };
    }

    it('never writes over a formula whose result is "" (it is not blank to parscore), and goes where the CLI goes', async () => {
      const spec = await table();
      assert.equal(buildInlineMarks(analyzeSheet({ ...spec }))!.statusCol, 15, 'the model proposes O');
      spec.formulas = [{ row: 7, col: 15, formula: '=IF(L7>C7,"vượt điểm","")' }]; // O7 shows nothing
      const office = await officeStatusColumn(spec, ['O7']);
      assert.equal(office, 16);
      assert.equal(await cliStatusColumn(spec), office);
    });

    it('never writes into a merged explanation right of the table, nor over a formula beside it', async () => {
      const spec = await table();
      setCell(spec as SheetSnapshot, 9, 15, 'Ghi chú: số liệu năm 2019 là số tạm tính, sẽ cập nhật khi có kết quả thẩm định.');
      spec.merges.push({ top: 9, left: 15, bottom: 14, right: 17 }); // O9:Q14
      spec.formulas = [{ row: 20, col: 18, formula: '=IFERROR(1/0,"")' }]; // R20 shows nothing
      const office = await officeStatusColumn(spec, ['O9:Q14', 'R20']);
      assert.equal(office, 19, 'S:T, right of the merge and the formula');
      assert.equal(await cliStatusColumn(spec), office);
      // And "Thêm cột tự đánh giá" on such a sheet starts right of them too.
      const bare = await loadSnapshot(LAOCAI); // A:J
      const stub = createExcelStub({
        sheets: [{ name: 'Phụ lục', values: bare.values, merges: bare.merges, formulas: [{ row: 7, col: 11, formula: '=""' }] }],
      });
      const added = await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(added.added[0]!.letter, 'L');
    });

    it('costs the same syncs for 100 and for 10,000 rows (check and score), reading formulas in the same sync', async () => {
      for (const summaries of [false, true]) {
        const counts: number[] = [];
        for (const n of [100, 10_000]) {
          const stub = stubOf(syntheticAppendix(n));
          const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL, summaries });
          assert.equal(r.status, 'done', r.message);
          counts.push(stub.book.syncs);
        }
        assert.deepEqual(counts, [2, 2], summaries ? 'score' : 'check');
      }
    });

    it('refuses a used range claiming A1:XFD1048576 with the engine’s message, reading no cell of it', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stray = { ...snap, values: snap.values.map((r) => r.slice()) };
      const stub = createExcelStub({ sheets: [{ name: 'Phụ lục', values: stray.values, merges: stray.merges }] });
      const ctx = stub.context();
      ctx.workbook.worksheets.getItem('Phụ lục').getRange('XFD1048576').values = [['x']];
      await ctx.sync();
      const before = stub.book.syncs;
      stub.book.cellsRead = 0;
      const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'too-large');
      assert.equal(
        r.message,
        'Trang tính "Phụ lục" quá lớn để kiểm tra: 1048576 dòng × 16384 cột (tối đa 5000000 ô). ' +
          'Hãy xoá các ô thừa xa bảng (Ctrl+End cho biết ô cuối cùng đang được dùng) rồi chạy lại.',
      );
      assert.equal(stub.book.syncs - before, 1);
      assert.deepEqual(writesTo(stub, 'Phụ lục', 1), []);
      // Only what lies within the first-sync window (the appendix) was read, never the used range.
      assert.ok(stub.book.cellsRead <= 2 * 123 * 10, `${stub.book.cellsRead} cells read`);
      // The pane's reading: the engine gives the same refusal (English too).
      const reading = await readActiveSheet(stub.context(), ALL);
      assert.equal(reading.syncs, 1);
      assert.deepEqual(reading.snapshot.extent, { rows: 1048576, cols: 16384 });
      assert.match(analyzeSheet(reading.snapshot, { lang: 'en' }).error!.message, /^Sheet "Phụ lục" is too large to check: 1048576 rows × 16384 columns/);
      const add = await addSelfAssessmentColumns(stub.context(), { lang: 'en', supports: ALL });
      assert.equal(add.status, 'too-large');
      assert.match(add.message, /Ctrl\+End/);
    });

    it('leaves values far from the table out, as the CLI does (one more read sync only past the first-sync window)', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const expected = analyzeSheet(snap).score.totals;
      // [stray cell, read syncs]: within the window 1,500 rows below; beyond it, 200 columns right.
      for (const [cell, reads] of [['B1700', 1], ['GR60', 2]] as const) {
        const stub = createExcelStub({ sheets: [{ name: 'Phụ lục', values: snap.values, merges: snap.merges }] });
        const ctx = stub.context();
        ctx.workbook.worksheets.getItem('Phụ lục').getRange(cell).values = [['1.1']];
        await ctx.sync();
        const reading = await readActiveSheet(stub.context(), ALL);
        assert.equal(reading.syncs, reads, cell);
        assert.deepEqual(reading.snapshot.values.length, 123, cell);
        assert.deepEqual(analyzeSheet(reading.snapshot).score.totals, expected, cell);
        const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL });
        assert.equal(r.status, 'done', r.message);
        assert.equal(r.syncs, reads + 1, cell);
      }
    });
  });

  describe('recognise', () => {
    it('reads the active sheet in one sync and knows parscore’s summary sheets', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      const reading = await readActiveSheet(stub.context(), ALL);
      assert.equal(stub.book.syncs, 1);
      assert.equal(reading.summarySheet, false);
      assert.equal(reading.snapshot.name, 'Phụ lục');
      const a = analyzeSheet(reading.snapshot);
      assert.equal(a.index, 'PAR');
      assert.equal(a.score.fields.length, 8);
      assert.equal(a.findings.length, analyzeSheet(snap).findings.length);

      await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL });
      stub.book.active = 'Tổng hợp điểm';
      assert.equal((await readActiveSheet(stub.context(), ALL)).summarySheet, true);
    });
  });

  describe('clearParscore and the added columns', () => {
    it('removes the added columns while they are empty', async () => {
      const stub = stubOf(await loadSnapshot(LAOCAI));
      await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      const r = await clearParscore(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.addedColumnsRemoved, 4);
      assert.equal(r.addedColumnsKept, 0);
      const sheet = stub.sheet('Phụ lục')!;
      assert.equal(sheet.origin.col + Math.max(...sheet.values.map((v) => v.length)) - 1, 10);
      assert.ok(!sheet.merges.some((m) => m.left >= 11));
      assert.deepEqual(sheet.validations, []);
      assert.equal(parseState(stub.book.settings[STATE_KEY]).added, undefined);
    });

    it('keeps an added column once the officer filled one of its cells, and says so', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const stub = stubOf(snap);
      await addSelfAssessmentColumns(stub.context(), { lang: 'vi', supports: ALL });
      // The officer types a points value in L10 (Excel, not parscore).
      const ctx = stub.context();
      ctx.workbook.worksheets.getItem('Phụ lục').getRange('L10').values = [[0.5]];
      await ctx.sync();
      const r = await clearParscore(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.addedColumnsKept, 1);
      assert.equal(r.addedColumnsRemoved, 3);
      assert.match(r.message, /Giữ lại 1 cột tự đánh giá/);
      const sheet = stub.sheet('Phụ lục')!;
      const at = (row: number, col: number) => sheet.values[row - sheet.origin.row]?.[col - sheet.origin.col];
      assert.equal(at(5, 12), 'Điểm tự đánh giá');
      assert.equal(at(10, 12), 0.5);
      assert.equal(at(5, 11) ?? '', '');
      assert.equal(at(5, 13) ?? '', '');
    });

    it('finds the added columns by header text after the officer inserted a column', () => {
      const snap: SheetSnapshot = {
        name: 'x',
        values: [['STT', 'Tên', 'Mới', 'Kết quả thực hiện', 'Giải trình'], ['1', 'a', '', '', 'có lý do']],
        merges: [],
      };
      const found = locateAddedColumns(snap, {
        headerRows: [1],
        firstRow: 2,
        lastRow: 2,
        columns: [
          { col: 3, header: 'Kết quả thực hiện' },
          { col: 4, header: 'Giải trình' },
          { col: 5, header: 'Tài liệu kiểm chứng' },
        ],
      });
      assert.deepEqual(found, [
        { col: 4, header: 'Kết quả thực hiện', empty: true },
        { col: 5, header: 'Giải trình', empty: false },
      ]);
    });
  });

  describe('cell notes (ExcelApi 1.18)', () => {
    /** Lào Cai with three planted mistakes: evidence missing on one leaf, over-max points on two. */
    async function withMistakes(): Promise<{ spec: StubSheetSpec; cells: { evidence: string; over1: string; over2: string } }> {
      const s = await cleanLaoCai();
      const leaves = analyzeSheet(s).appendix.items.filter((i) => i.maxPoints !== null && !i.children.length && !i.surveyOnly && i.kind !== 'total');
      const [a, b, c] = [leaves[0]!.row, leaves[1]!.row, leaves[2]!.row];
      setCell(s, a, COL.evidence, '');
      setCell(s, b, COL.points, 99);
      setCell(s, c, COL.points, 99);
      const L = (col: number, row: number) => `${columnLetter(col)}${row}`;
      return {
        spec: { name: 'Phụ lục', values: s.values, merges: s.merges },
        cells: { evidence: L(COL.evidence, a), over1: L(COL.points, b), over2: L(COL.points, c) },
      };
    }
    const notesOf = (stub: ExcelStub) => Object.fromEntries(stub.sheet('Phụ lục')!.notes.map((n) => [n.address, n.content]));

    it('puts the model’s messages on each offending cell, in the same two syncs', async () => {
      const { spec, cells } = await withMistakes();
      const stub = createExcelStub({ sheets: [spec] });
      const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL, summaries: false });
      assert.equal(r.status, 'done', r.message);
      assert.equal(r.syncs, 2);
      const notes = notesOf(stub);
      const expected = buildCellNotes(r.analysis!, 'vi', spec.merges);
      assert.deepEqual(Object.keys(notes).sort(), expected.map((n) => `${columnLetter(n.col)}${n.row}`).sort());
      assert.match(notes[cells.over1]!, /^parscore:\n• Điểm tự đánh giá 99 vượt điểm tối đa/);
      assert.match(notes[cells.evidence]!, /^parscore:\n• /);
      assert.ok(notes[cells.over2]);
    });

    it('never touches the officer’s notes or comments, and gives their cells no note (one more read sync)', async () => {
      const { spec, cells } = await withMistakes();
      const over2 = parseAddress(cells.over2);
      const ev = parseAddress(cells.evidence);
      spec.notes = [{ row: over2.top, col: over2.left, content: 'Anh Tuấn: điểm này chờ thẩm định lại' }];
      spec.comments = [{ row: ev.top, col: ev.left, content: 'Bổ sung quyết định số 12' }];
      const stub = createExcelStub({ sheets: [spec] });
      // Excel refuses a second note on a cell: the sync would reject if parscore tried.
      const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(r.status, 'done', r.message);
      assert.equal(r.syncs, 3);
      const notes = notesOf(stub);
      assert.equal(notes[cells.over2], 'Anh Tuấn: điểm này chờ thẩm định lại');
      assert.equal(notes[cells.evidence], undefined);
      assert.match(notes[cells.over1]!, /^parscore:/);
      assert.ok(!stub.book.log.some((e) => e.op === 'deleteNote'));
    });

    it('replaces its own notes on a re-run and removes them with “Xóa đánh dấu”, keeping the officer’s', async () => {
      const { spec, cells } = await withMistakes();
      const over2 = parseAddress(cells.over2);
      spec.notes = [{ row: over2.top, col: over2.left, content: 'Ghi chú của cán bộ' }];
      const stub = createExcelStub({ sheets: [spec] });
      await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL, summaries: false });
      const first = notesOf(stub);
      assert.ok(first[cells.over1]);
      // The officer corrects the over-max points on one row, then checks again.
      const edit = stub.context();
      edit.workbook.worksheets.getItem('Phụ lục').getRange(cells.over1).values = [[0]];
      await edit.sync();
      const again = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: ALL, summaries: false });
      assert.equal(again.status, 'done', again.message);
      const second = notesOf(stub);
      assert.equal(second[cells.over1], undefined, `the corrected cell lost its note: ${second[cells.over1]}`);
      assert.deepEqual(second, Object.fromEntries(Object.entries(first).filter(([cell]) => cell !== cells.over1)), 'never a second copy');
      stub.book.log.length = 0;
      const cleared = await clearParscore(stub.context(), { lang: 'vi', supports: ALL });
      assert.equal(cleared.notesRemoved, Object.keys(second).length - 1);
      assert.match(cleared.message, / ghi chú ô/);
      assert.deepEqual(notesOf(stub), { [cells.over2]: 'Ghi chú của cán bộ' });
    });

    it('writes no note before ExcelApi 1.18 (the status column and the issues sheet say it all)', async () => {
      const { spec } = await withMistakes();
      const stub = createExcelStub({ sheets: [spec] });
      const r = await scoreAndSummarise(stub.context(), { lang: 'vi', supports: UP_TO(17) });
      assert.equal(r.status, 'done', r.message);
      assert.equal(r.syncs, 2);
      assert.deepEqual(stub.sheet('Phụ lục')!.notes, []);
      assert.ok(r.analysis!.findings.length >= 3);
    });
  });

  describe('select a finding’s cell (office-addin-mock)', () => {
    it('activates the sheet and selects the address in one sync', async () => {
      const calls: string[] = [];
      const data = {
        workbook: {
          worksheets: {
            getItem: (name: string) => {
              calls.push(`getItem ${name}`);
              return data.workbook.worksheets.sheet;
            },
            sheet: {
              activate: () => calls.push('activate'),
              getRange: (a: string) => {
                calls.push(`getRange ${a}`);
                return data.workbook.worksheets.sheet.range;
              },
              range: { select: () => calls.push('select') },
            },
          },
        },
      };
      const mock = new OfficeMockObject(data);
      let syncs = 0;
      const sync = mock.sync.bind(mock);
      (mock as unknown as { sync: () => Promise<void> }).sync = async () => {
        syncs++;
        await sync();
      };
      await queueSelectCell(mock as unknown as Excel.RequestContext, 'Phụ lục', 'L40');
      assert.deepEqual(calls, ['getItem Phụ lục', 'activate', 'getRange L40', 'select']);
      assert.equal(syncs, 1);
    });
  });

  describe('capabilities', () => {
    it('needs ExcelApi 1.2 for the pane and CustomFunctionsRuntime 1.1 for the functions', () => {
      const only = (sets: string[]) => (set: string, v: string) => sets.includes(`${set} ${v}`);
      assert.deepEqual(officeCapabilities(true, ALL), { inExcel: true, excel: true, customFunctions: true, dataValidation: true, conditionalFormats: true });
      const old = officeCapabilities(true, only(['ExcelApi 1.1']));
      assert.equal(old.excel, false);
      const perpetual = officeCapabilities(true, only(['ExcelApi 1.2', 'ExcelApi 1.6', 'ExcelApi 1.8']));
      assert.equal(perpetual.excel, true);
      assert.equal(perpetual.customFunctions, false);
      assert.equal(officeCapabilities(false, ALL).excel, false);
    });
  });

  describe('preferences', () => {
    it('round-trips and survives junk', () => {
      const p = { lang: 'en' as const, evidencePolicy: 'explain' as const, year: 2024, columns: { 'Phụ lục': { lead: ['J'], note: ['I'] } } };
      assert.deepEqual(parsePreferences(serializePreferences(p)), p);
      assert.deepEqual(parsePreferences(serializePreferences({ ...p, year: null })), { ...p, year: null });
      assert.deepEqual(parsePreferences('{oops'), defaultPreferences());
      assert.deepEqual(parsePreferences(null), defaultPreferences());
      // Settings saved before the year existed read as "from the title".
      assert.equal(parsePreferences(JSON.stringify({ v: 1, lang: 'en', evidencePolicy: 'flag', columns: {} })).year, null);
      assert.deepEqual(
        parsePreferences({ lang: 'fr', evidencePolicy: 'maybe', year: 24, columns: { a: { lead: ['j', 'K1', 'K'], bogus: ['A'] }, b: 'x' } }),
        { lang: 'vi', evidencePolicy: 'zero', year: null, columns: { a: { lead: ['K'] } } },
      );
      assert.equal(parsePreferences({ year: '2023' }).year, 2023, 'a year kept as text by an older writer');
    });
  });

  describe('column mapping correction', () => {
    it('offers every used column with its header and builds overrides for changed roles only', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const a = analyzeSheet(snap);
      const choices = columnChoices(snap, a.appendix.headerRows);
      assert.equal(choices.length, 10);
      assert.deepEqual(choices[8], { letter: 'I', header: 'Phân công trách nhiệm / Chủ trì' });
      const now = roleLetters(a.appendix.columns);
      assert.equal(now.lead, 'I');
      assert.deepEqual(buildOverrides(a.appendix.columns, { ...now }), {});
      // Lead moved to J (J was coordinating: the officer un-maps coordinating).
      const chosen = { ...now, lead: 'J', coordinating: '' };
      assert.equal(duplicateChoice(chosen), null);
      const ov = buildOverrides(a.appendix.columns, chosen);
      assert.deepEqual(ov, { note: ['I'], lead: ['J'] });
      const fixed = analyzeSheet(snap, { columns: ov });
      assert.equal(fixed.appendix.columns.find((c) => c.role === 'lead')!.letter, 'J');
      assert.ok(!fixed.appendix.columns.some((c) => c.role === 'coordinating'));
      assert.equal(duplicateChoice({ ...now, lead: 'J' }), 'J');
    });
  });

  describe('static guarantees of the pane', () => {
    const read = (p: string) => fs.readFileSync(path.join(ROOT, p), 'utf8');
    const paneTs = fs.readdirSync(path.join(ROOT, 'addin/taskpane')).filter((f) => f.endsWith('.ts'));

    it('keeps Office calls out of the pane’s DOM code and never uses innerHTML', () => {
      assert.ok(paneTs.length >= 3);
      for (const f of paneTs) {
        const code = read(`addin/taskpane/${f}`)
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '')
          .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g, '""');
        assert.ok(!/\b(Office|Excel)\s*\./.test(code), `${f} calls Office.js directly`);
        assert.ok(!/innerHTML|outerHTML|insertAdjacentHTML|document\.write/.test(code), `${f} builds HTML from strings`);
      }
    });

    it('ships a CSP that blocks inline script, and no inline script or handler', () => {
      const html = read('addin/taskpane/taskpane.html');
      const csp = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
      assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
      assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp));
      assert.match(csp, /object-src 'none'/);
      assert.match(csp, /base-uri 'none'/);
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        assert.match(m[1]!, /\bsrc=/, 'every script is external');
        assert.equal(m[2]!.trim(), '');
      }
      assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handler');
    });

    it('has a help section for every finding kind, and the build copies it', () => {
      const help = read('addin/help/findings.html');
      for (const kind of Object.keys(KIND_LABELS.vi) as FindingKind[]) {
        assert.match(help, new RegExp(`<section id="${kind}">`), kind);
      }
      assert.match(read('webpack.config.js'), /from: 'addin\/help\/findings\.html'/);
    });

    it('words the pane in both languages with the same keys', () => {
      assert.deepEqual(Object.keys(TEXT.en).sort(), Object.keys(TEXT.vi).sort());
      assert.deepEqual(Object.keys(TEXT.en.busy).sort(), Object.keys(TEXT.vi.busy).sort());
    });
  });
});
