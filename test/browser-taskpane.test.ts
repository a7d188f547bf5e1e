// The built task pane (dist/taskpane.html) in Debian's headless Chromium, with office.js replaced
// by test/browser/office-stub.js: an in-memory Excel holding the real fixtures' values and merges
// (read here with ExcelJS) that records every write. What the pane shows is compared with the
// engine run in this test on the same snapshot, never with hard-coded numbers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzeSheet, buildCellNotes, buildInlineMarks, KIND_LABELS, SHEET_NAMES, type SheetSnapshot } from '../model';
import { columnLetter } from '../model/text';
import { snapshotOf } from '../xlsx/read';
import type { ExcelStub, StubBookSpec, StubExtras, StubLogEntry, StubSheet } from './browser/office-stub';
import { CHROMIUM, CHROMIUM_ARGS, DIST, haveChromium, haveDist, serveDir, type StaticServer } from './helpers/browser';
import { EXAMPLE, FIXTURES, LAOCAI } from './helpers/fixtures';

const LIBREOFFICE = path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const STUB = fs.readFileSync(path.join(__dirname, 'browser', 'office-stub.js'), 'utf8');

/** The first sheet of a workbook as JSON (what the stub serves), via ExcelJS like the CLI. */
async function snapshotJson(file: string): Promise<SheetSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const s = snapshotOf(wb.worksheets[0]!);
  return JSON.parse(JSON.stringify({ name: s.name, values: s.values, merges: s.merges, origin: { row: 1, col: 1 } })) as SheetSnapshot;
}

function bookOf(s: SheetSnapshot, extra: Partial<StubBookSpec> = {}): StubBookSpec {
  return { sheets: [{ name: s.name, values: s.values, merges: s.merges, origin: s.origin ?? { row: 1, col: 1 } }], ...extra };
}

interface Pane {
  page: Page;
  errors: string[];
  foreign: string[];
  log(): Promise<StubLogEntry[]>;
  sheet(name: string): Promise<StubSheet | null>;
  book(): Promise<{ sheets: string[]; selected: { sheet: string; address: string } | null; docSettings: Record<string, unknown>; unsynced: number }>;
  idle(): Promise<void>;
  close(): Promise<void>;
}

describe('task pane in Chromium (office.js stubbed)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: StaticServer;

  before(async function () {
    assert.ok(haveDist(), 'dist/ is missing or incomplete: run `npm run build` first (`npm test` builds before mocha).');
    assert.ok(haveChromium(), `no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
    server = await serveDir(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPane(book: StubBookSpec): Promise<Pane> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(`${server.origin}/`) && u !== OFFICE_JS) foreign.push(u);
    });
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: STUB }));
    await page.addInitScript({ content: `window.__PARSCORE_BOOK__ = ${JSON.stringify(book)};` });
    await page.goto(`${server.origin}/taskpane.html`);
    const idle = async () => {
      await page.waitForSelector('#app[aria-busy="false"]');
    };
    await idle();
    type W = { __parscoreStub: { book: { log: StubLogEntry[]; sheets: { name: string }[]; selected: unknown; docSettings: Record<string, unknown>; unsynced: number }; sheet(n: string): StubSheet | null } };
    return {
      page,
      errors,
      foreign,
      idle,
      log: () => page.evaluate(() => (window as unknown as W).__parscoreStub.book.log),
      sheet: (name) => page.evaluate((n) => (window as unknown as W).__parscoreStub.sheet(n), name),
      book: () =>
        page.evaluate(() => {
          const b = (window as unknown as W).__parscoreStub.book;
          return { sheets: b.sheets.map((s) => s.name), selected: b.selected as { sheet: string; address: string } | null, docSettings: b.docSettings, unsynced: b.unsynced };
        }),
      close: () => context.close(),
    };
  }

  async function click(pane: Pane, selector: string): Promise<void> {
    await pane.page.click(selector);
    await pane.idle();
  }

  const text = (pane: Pane, selector: string) => pane.page.textContent(selector).then((t) => (t ?? '').trim());

  function assertClean(pane: Pane): void {
    assert.deepEqual(pane.errors, [], 'console errors');
    assert.deepEqual(pane.foreign, [], 'requests that left the page origin');
  }

  it('shows what it recognised on the Lào Cai appendix and adds the self-assessment columns beside it', async () => {
    const snap = await snapshotJson(LAOCAI);
    const a = analyzeSheet(snap);
    const pane = await openPane(bookOf(snap));
    try {
      assert.match(await text(pane, '#rec-index'), /PAR/);
      assert.equal(await text(pane, '#rec-fields'), String(a.score.fields.length));
      assert.equal(a.score.fields.length, 8);
      assert.equal(await text(pane, '#rec-framework'), a.appendix.frameworkId);
      assert.equal(await text(pane, '#rec-rows'), String(a.appendix.items.length));
      assert.equal(await text(pane, '#rec-tasks'), String(a.score.taskCount));
      const mapped = await pane.page.$$eval('#rec-columns tbody tr', (rows) => rows.map((r) => `${r.querySelector('th')!.textContent}:${r.getAttribute('data-role')}`));
      assert.deepEqual(mapped, a.appendix.columns.filter((c) => c.role !== 'note').map((c) => `${c.letter}:${c.role}`));
      assert.equal(await text(pane, '#rec-columns tr[data-role="lead"] td'), 'Cơ quan chủ trì');
      assert.equal(await pane.page.$$eval('#map-lead option:checked', (o) => o.map((x) => (x as HTMLOptionElement).value).join()), 'I');

      await click(pane, '#btn-add-columns');
      assert.match(await text(pane, '#message'), /Đã thêm cột K, L, M, N/);
      assert.equal(await text(pane, '#rec-columns tr[data-role="actual"] th'), 'K');
      assert.equal(await text(pane, '#rec-columns tr[data-role="selfPoints"] th'), 'L');
      assert.equal(await text(pane, '#rec-self'), 'Có');
      const writes = (await pane.log()).filter((e) => e.sheet === 'Phụ lục' && e.address);
      assert.ok(writes.length > 0);
      for (const w of writes) assert.ok(!/^[A-J]\d|^[A-J]:/.test(w.address!), `${w.op} wrote ${w.address} inside the officer's A:J`);
      assert.ok(writes.some((w) => w.op === 'dataValidation.rule'));
      assert.equal((await pane.book()).unsynced, 0);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('checks the example workbook: the counts shown are the engine’s, the status column is written, the cells selectable', async () => {
    const snap = await snapshotJson(EXAMPLE);
    const a = analyzeSheet(snap);
    assert.ok(a.findings.length > 0);
    const pane = await openPane(bookOf(snap));
    try {
      assert.equal(await text(pane, '#rec-self'), 'Có');
      await click(pane, '#btn-check');

      const shown = await pane.page.$$eval('#finding-counts li', (lis) =>
        Object.fromEntries(lis.map((li) => [li.getAttribute('data-kind'), Number(li.querySelector('.count')!.textContent)])),
      );
      const expected: Record<string, number> = {};
      for (const f of a.findings) expected[f.kind] = (expected[f.kind] ?? 0) + 1;
      assert.deepEqual(shown, expected);
      for (const kind of Object.keys(expected)) {
        const link = await pane.page.$(`#finding-counts li[data-kind="${kind}"] a`);
        assert.equal((await link!.textContent())?.trim(), KIND_LABELS.vi[kind as keyof typeof KIND_LABELS.vi]);
        assert.equal(await link!.getAttribute('href'), `findings.html#${kind}`);
      }
      assert.equal(await pane.page.$$eval('#finding-list li', (l) => l.length), a.findings.length);
      assert.match(await text(pane, '#findings-h'), new RegExp(`\\(${a.findings.length}\\)`));

      // The status column parscore writes right of the officer's table, in the header row.
      const marks = buildInlineMarks(a, 'vi')!;
      const head = `${columnLetter(marks.statusCol)}${marks.headerRow}:${columnLetter(marks.codesCol)}${marks.headerRow}`;
      const log = await pane.log();
      assert.ok(
        log.some((e) => e.op === 'values' && e.address === head && JSON.stringify(e.value) === JSON.stringify([['parscore: kết quả kiểm tra', 'parscore: mã']])),
        `status header written at ${head}`,
      );
      const sheet = (await pane.sheet('Phụ lục'))!;
      const statusCells = sheet.values.map((r) => r[marks.statusCol - sheet.origin.col]).filter((v) => typeof v === 'string' && v.startsWith('•'));
      assert.ok(statusCells.length > 0);
      assert.ok(sheet.cfs.length > 0, 'highlight rules');
      assert.ok(!log.some((e) => e.op === 'addSheet'), 'Kiểm tra writes no summary sheet');

      // A click on a finding selects its cell.
      const first = (await pane.page.getAttribute('#finding-0', 'data-address'))!;
      await pane.page.click('#finding-0');
      await pane.page.waitForFunction((addr) => (window as unknown as { __parscoreStub: { book: { selected: { address: string } | null } } }).__parscoreStub.book.selected?.address === addr, first);
      assert.deepEqual((await pane.book()).selected, { sheet: 'Phụ lục', address: first });

      // Score & summarise writes the three summary sheets (and again: replaced, not duplicated).
      await click(pane, '#btn-score');
      // The officer's report quotes the total; the stub, as Excel, turns a formula referring to a
      // deleted sheet into #REF!: the second run rewrites the summaries in place, so it keeps working.
      const report = { B2: `='${SHEET_NAMES.fields}'!E12`, B3: `=SUM('${SHEET_NAMES.agencies}'!C4:C9)` };
      type Officer = { __parscoreStub: Pick<ExcelStub, 'addOfficerSheet' | 'formulasOf' | 'decorate'> };
      await pane.page.evaluate((f) => (window as unknown as Officer).__parscoreStub.addOfficerSheet('Báo cáo', f), report);
      // And on parscore's sheet itself: a picture, a slicer, a filter, a drop-down and a highlight
      // rule of the officer's, which clearing the cells does not remove: a summary written again carries none.
      const extras: StubExtras = {
        shapes: [{ name: 'Ảnh 1', type: 'Image' }],
        slicers: [{ name: 'Slicer_Lĩnh_vực' }],
        autoFilter: { address: 'A3:I11' },
        validations: [{ address: 'E12', rule: { list: { inCellDropDown: true, source: 'Đạt,Không đạt' } } }],
        cfs: [{ type: 'Custom', range: 'E4:E11', formula: '=E4<1', fill: '#FF0000' }],
      };
      await pane.page.evaluate((x) => (window as unknown as Officer).__parscoreStub.decorate(x.name, x.extras), { name: SHEET_NAMES.fields, extras });
      await click(pane, '#btn-score');
      assert.deepEqual(await pane.page.evaluate(() => (window as unknown as Officer).__parscoreStub.formulasOf('Báo cáo')), report);
      assert.ok(!(await pane.log()).some((e) => e.op === 'deleteSheet'), 'no summary sheet deleted on the second run');
      const rewritten = (await pane.sheet(SHEET_NAMES.fields))!;
      assert.deepEqual([rewritten.shapes, rewritten.slicers, rewritten.autoFilter, rewritten.validations], [[], [], null, []], 'the picture, slicer, filter and drop-down are gone');
      assert.ok(!rewritten.cfs.some((cf) => cf.formula === '=E4<1'), 'the officer’s rule on the summary is gone');
      const after = await pane.book();
      for (const name of Object.values(SHEET_NAMES)) {
        assert.equal(after.sheets.filter((s) => s === name).length, 1, name);
        const s = (await pane.sheet(name))!;
        assert.ok(s.values.length > 3, `${name} has rows`);
        assert.equal(s.tables.length, 1, `${name} is one Excel table`);
      }
      // The points summary gets its chart of max / claimed / accepted per field (8 fields, header row 3).
      const fields = (await pane.sheet(SHEET_NAMES.fields))!;
      assert.equal(fields.tables[0]!.address, 'A3:I11');
      assert.deepEqual(fields.charts.map((c) => [c.type, c.source, c.seriesBy]), [['ColumnClustered', 'B3:E11', 'Columns']]);
      assert.match(fields.charts[0]!.title, /theo lĩnh vực/);
      assert.match(await text(pane, '#message'), /Tổng hợp điểm/);

      // English: the pane, the kind labels and the saved preference.
      await pane.page.selectOption('#lang', 'en');
      await pane.page.waitForSelector('html[lang="en"]');
      assert.equal(await text(pane, '#btn-check'), 'Check');
      assert.equal(await text(pane, '#btn-score'), 'Score & summarise');
      assert.equal(await text(pane, '#recognition-h'), 'Active sheet');
      const kind = Object.keys(expected)[0] as keyof typeof KIND_LABELS.en;
      assert.equal(await text(pane, `#finding-counts li[data-kind="${kind}"] a`), KIND_LABELS.en[kind]);
      await pane.page.waitForFunction(() => {
        const s = (window as unknown as { __parscoreStub: { book: { docSettings: Record<string, unknown> } } }).__parscoreStub.book.docSettings['parscore.prefs'];
        return typeof s === 'string' && JSON.parse(s).lang === 'en';
      });
      assert.equal((await pane.book()).unsynced, 0);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('checks a target set year by year for the year typed (saved in the workbook); blank, the title\'s; a non-year refused', async () => {
    const snap = await snapshotJson(LIBREOFFICE);
    // Row 105's target (G), staged from 2019; its result (K) is 62%.
    snap.values[104]![6] = 'Năm 2019 đạt tối thiểu 60%, mỗi năm tiếp theo tăng 10%, đạt tối thiểu 90% vào năm 2022';
    const counts = (year: number | null) => {
      const out: Record<string, number> = {};
      for (const f of analyzeSheet(snap, { year }).findings) out[f.kind] = (out[f.kind] ?? 0) + 1;
      return out;
    };
    assert.notDeepEqual(counts(2020), counts(null), 'the year should matter for this sheet');
    const pane = await openPane(bookOf(snap));
    const shown = () => pane.page.$$eval('#finding-counts li', (lis) => Object.fromEntries(lis.map((li) => [li.getAttribute('data-kind'), Number(li.querySelector('.count')!.textContent)])));
    const saved = () => pane.book().then((b) => JSON.parse(String(b.docSettings['parscore.prefs'] ?? '{}')).year as unknown);
    try {
      assert.equal(await pane.page.getAttribute('#year', 'placeholder'), '2019 (theo tiêu đề bảng)');
      await click(pane, '#btn-check');
      assert.deepEqual(await shown(), counts(null));
      await pane.page.fill('#year', '2020');
      await pane.page.dispatchEvent('#year', 'change');
      await pane.idle();
      await pane.page.waitForFunction(() => {
        const s = (window as unknown as { __parscoreStub: { book: { docSettings: Record<string, unknown> } } }).__parscoreStub.book.docSettings['parscore.prefs'];
        return typeof s === 'string' && JSON.parse(s).year === 2020;
      });
      await click(pane, '#btn-check');
      assert.deepEqual(await shown(), counts(2020));
      // Not a year: said so, the saved year kept.
      await pane.page.fill('#year', '20');
      await pane.page.dispatchEvent('#year', 'change');
      await pane.idle();
      assert.match(await text(pane, '#message'), /"20" không phải năm đánh giá/);
      assert.equal(await pane.page.inputValue('#year'), '2020');
      assert.equal(await saved(), 2020);
      // What a number field cannot read ("2024e") arrives as "": not a cleared year.
      await pane.page.focus('#year');
      await pane.page.keyboard.press('Control+A');
      await pane.page.keyboard.type('2024e');
      await pane.page.dispatchEvent('#year', 'change');
      await pane.idle();
      assert.match(await text(pane, '#message'), /Giá trị vừa nhập không phải năm đánh giá/);
      assert.equal(await saved(), 2020);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('a saved column correction that leaves the table unreadable (STT mapped to nothing) can be undone', async () => {
    const snap = await snapshotJson(EXAMPLE);
    const prefs = { lang: 'vi', evidencePolicy: 'zero', columns: { [snap.name]: { note: ['A'] } } };
    const pane = await openPane(bookOf(snap, { docSettings: { 'parscore.prefs': JSON.stringify(prefs) } }));
    try {
      assert.equal(await pane.page.$('#rec-columns'), null); // refused: no table without its STT column
      assert.ok(await pane.page.$('#mapping-overridden'));
      // The form to map it by hand is there, open, with nothing chosen for STT.
      assert.equal(await pane.page.$eval('#mapping', (d) => (d as HTMLDetailsElement).open), true);
      assert.equal(await pane.page.$eval('#map-code', (s) => (s as HTMLSelectElement).value), '');
      await click(pane, '#btn-map-reset');
      assert.ok(await pane.page.$('#rec-columns'));
      assert.equal(await text(pane, '#rec-columns tr[data-role="code"] th'), 'A');
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('opens in English when the workbook says so, and removes marks but keeps filled self-assessment columns', async () => {
    const snap = await snapshotJson(EXAMPLE);
    const pane = await openPane(bookOf(snap, { docSettings: { 'parscore.prefs': JSON.stringify({ lang: 'en', evidencePolicy: 'zero', columns: {} }) } }));
    try {
      assert.equal(await pane.page.getAttribute('html', 'lang'), 'en');
      assert.equal(await text(pane, '#btn-clear'), 'Remove marks');
      await click(pane, '#btn-check');
      await click(pane, '#btn-clear');
      assert.match(await text(pane, '#message'), /Removed 0 summary sheets, 2 mark columns/);
      const sheet = (await pane.sheet('Phụ lục'))!;
      assert.equal(sheet.origin.col + Math.max(...sheet.values.map((r) => r.length)) - 1, 14, 'the officer’s K:N stay, parscore’s O:P are gone');
      assert.deepEqual(sheet.cfs, []);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('on Excel with ExcelApi 1.18 notes each offending cell, keeps the officer’s note, and removes its own with the marks', async () => {
    const snap = await snapshotJson(EXAMPLE);
    const a = analyzeSheet(snap);
    const notes = buildCellNotes(a, 'vi', snap.merges);
    assert.ok(notes.length >= 2);
    const officer = notes[0]!;
    const book = bookOf(snap, { maxExcelApi: '1.18' });
    book.sheets[0]!.notes = [{ row: officer.row, col: officer.col, content: 'Anh Tuấn: xem lại' }];
    const pane = await openPane(book);
    const addr = (n: { row: number; col: number }) => `${columnLetter(n.col)}${n.row}`;
    try {
      await click(pane, '#btn-check');
      const sheet = (await pane.sheet('Phụ lục'))!;
      const byCell = Object.fromEntries(sheet.notes.map((n) => [n.address, n.content]));
      assert.equal(byCell[addr(officer)], 'Anh Tuấn: xem lại');
      for (const n of notes.slice(1)) assert.equal(byCell[addr(n)], n.text, addr(n));
      assert.equal(sheet.notes.length, notes.length);
      await click(pane, '#btn-clear');
      assert.match(await text(pane, '#message'), new RegExp(`${notes.length - 1} ghi chú ô`));
      assert.deepEqual((await pane.sheet('Phụ lục'))!.notes, [{ address: addr(officer), content: 'Anh Tuấn: xem lại' }]);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('says plainly when Excel lacks custom functions, and shows the engine’s message for a sheet without an appendix', async () => {
    const snap: SheetSnapshot = { name: 'Ghi chú', values: [['Chỉ là ghi chú'], ['không có bảng']], merges: [], origin: { row: 1, col: 1 } };
    const a = analyzeSheet(snap);
    const pane = await openPane(bookOf(snap, { unsupported: ['CustomFunctionsRuntime'] }));
    try {
      assert.match(await text(pane, '#notice-no-functions'), /không hỗ trợ hàm tùy chỉnh/);
      assert.equal(await pane.page.getAttribute('#notice-no-functions a', 'href'), 'checker.html');
      assert.equal(await text(pane, '#rec-error'), a.error!.message);
      assert.equal(await pane.page.isEnabled('#btn-recognise'), true);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });

  it('disables the pane on Excel without ExcelApi 1.2 and points to the checker and the CLI', async () => {
    const snap = await snapshotJson(LAOCAI);
    const pane = await openPane(bookOf(snap, { maxExcelApi: '1.1' }));
    try {
      assert.match(await text(pane, '#notice-old-excel'), /ExcelApi 1\.2/);
      assert.match(await text(pane, '#notice-old-excel'), /parscore check/);
      for (const id of ['#btn-check', '#btn-score', '#btn-add-columns', '#btn-clear', '#btn-recognise']) {
        assert.equal(await pane.page.isDisabled(id), true, id);
      }
      assert.deepEqual(await pane.log(), []);
      assertClean(pane);
    } finally {
      await pane.close();
    }
  });
});
