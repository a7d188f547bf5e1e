// The browser checker (dist/checker.html) in Debian's Chromium: the same numbers as
// `parscore check --json`, the same scored workbook as `parscore score`, nothing sent anywhere.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, DIST, haveChromium, serveDir, type StaticServer } from './helpers/browser';
import { CLI, ensureBuilt, ROOT, runCli, tmpDir } from './helpers/cli';
import { EXAMPLE, FIXTURES } from './helpers/fixtures';
import { readZip, writeZip } from './helpers/zip';
import { formatPoints, STRINGS } from '../addin/checker/i18n';
import { SHEET_NAMES, type JsonReport, type Lang } from '../model';

const FILES = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => path.join(FIXTURES, f)),
  EXAMPLE,
];
const SCREENSHOT = path.join(ROOT, 'docs', 'checker.png');
const VIEWPORT = { width: 1366, height: 768 };
const CSP = "default-src 'self'; script-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; connect-src 'self' blob: data:";

interface Checker {
  context: BrowserContext;
  page: Page;
  /** Every request the page and its worker made. */
  requests: string[];
  /** Console errors, page errors and CSP violations. */
  errors: string[];
}

interface Shown {
  engine: string;
  noPoints: boolean;
  info: Record<string, string>;
  tiles: Record<string, { value: string; text: string }>;
  kinds: Record<string, number>;
  severities: Record<string, number>;
  fields: { key: string; cells: { text: string; value?: string }[] }[];
  agencies: { key: string; cells: { text: string; value?: string }[] }[];
  findings: { kind: string; severity: string; cell: string; code: string; message: string; explanation: string }[];
  error: string;
}

/** `parscore check --json` (own spawn: the large workbook's report exceeds runCli's buffer). */
function cliJson(file: string, ...args: string[]): JsonReport {
  const r = spawnSync(process.execPath, [CLI, 'check', file, '--json', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as JsonReport;
}

describe('browser checker (dist/checker.html in Chromium)', function () {
  this.timeout(180000);
  let browser: Browser;
  let server: StaticServer;
  let out: string;
  const open: Checker[] = [];

  before(async () => {
    for (const f of ['checker.html', 'checker.js', 'checker-engine.js', 'checker.css']) {
      if (!fs.existsSync(path.join(DIST, f))) throw new Error(`dist/${f} is missing: run "npm run build" first (npm test builds it)`);
    }
    if (!haveChromium()) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    ensureBuilt();
    out = tmpDir('browser-checker');
    server = await serveDir(DIST);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const c of open.splice(0)) await c.context.close();
  });

  async function openChecker(url = `${server.origin}/checker.html`, viewport = VIEWPORT): Promise<Checker> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('worker', (w) => requests.push(w.url()));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    await page.waitForFunction(() => !!document.body.dataset.engine);
    const c = { context, page, requests, errors };
    open.push(c);
    return c;
  }

  /** Wait until the page shows `name` with no work under way and the findings list complete. */
  async function settled(page: Page, name: string): Promise<void> {
    await page.waitForFunction(
      (n) => {
        const b = document.body.dataset;
        const list = document.getElementById('findings')!;
        return b.view === n && b.busy === 'false' && (document.getElementById('results')!.hidden || list.dataset.complete === 'true');
      },
      name,
      { timeout: 60000 },
    );
  }

  async function openFile(page: Page, file: string): Promise<void> {
    await page.setInputFiles('#file', file);
    await settled(page, path.basename(file));
  }

  function read(page: Page): Promise<Shown> {
    // No named functions inside: tsx would wrap them in a __name() helper the page lacks.
    return page.evaluate(() => {
      const [fields, agencies] = ['#fields', '#agencies'].map((sel) =>
        [...document.querySelectorAll<HTMLTableRowElement>(`${sel} tbody tr`)].map((tr) => ({
          key: tr.dataset.key ?? '',
          cells: [...tr.cells].map((td) => ({ text: td.textContent ?? '', ...(td.dataset.value !== undefined ? { value: td.dataset.value } : {}) })),
        })),
      );
      return {
        engine: document.body.dataset.engine ?? '',
        noPoints: !document.getElementById('no-points')!.hidden,
        info: Object.fromEntries([...document.querySelectorAll<HTMLElement>('#appendix dd')].map((d) => [d.dataset.info, d.textContent])),
        tiles: Object.fromEntries(
          [...document.querySelectorAll<HTMLElement>('#totals [data-score]')].map((t) => [t.dataset.score, { value: t.dataset.value ?? '', text: t.querySelector('.value')!.textContent ?? '' }]),
        ),
        kinds: Object.fromEntries([...document.querySelectorAll<HTMLElement>('#kinds .chip')].map((c) => [c.dataset.kind, Number(c.dataset.count)])),
        severities: Object.fromEntries([...document.querySelectorAll<HTMLElement>('#severities [data-severity]')].map((c) => [c.dataset.severity, Number(c.dataset.count)])),
        fields,
        agencies,
        findings: [...document.querySelectorAll<HTMLTableRowElement>('#findings tbody tr')].map((tr) => ({
          kind: tr.dataset.kind ?? '',
          severity: tr.dataset.severity ?? '',
          cell: tr.cells[0]!.textContent ?? '',
          code: tr.cells[2]!.textContent ?? '',
          message: tr.cells[3]!.childNodes[0]?.textContent ?? '',
          explanation: tr.cells[3]!.querySelector('.explanation')?.textContent ?? '',
        })),
        error: document.getElementById('error')!.hidden ? '' : (document.getElementById('error')!.textContent ?? ''),
      } as Shown;
    });
  }

  /** Everything the page shows against `parscore check --json` for the same file and options. */
  function assertSameNumbers(shown: Shown, json: JsonReport, lang: Lang = 'vi'): void {
    const n = (x: number | null) => formatPoints(x, lang);
    assert.equal(shown.error, '');
    assert.equal(shown.info.sheet, json.sheet);
    assert.ok(shown.info.index!.startsWith(json.index), `${shown.info.index} ≠ ${json.index}`);
    assert.equal(shown.info.tasks, n(json.taskCount));
    for (const k of ['max', 'claimed', 'accepted', 'atRisk', 'indexPercent'] as const) {
      const v = json.score[k];
      assert.deepEqual(shown.tiles[k], { value: v === null ? '' : String(v), text: n(v) }, k);
    }
    assert.deepEqual(shown.tiles.taskCount, { value: String(json.taskCount), text: n(json.taskCount) });

    for (const sev of ['error', 'warning', 'info']) assert.equal(shown.severities[sev], json.findings.filter((f) => f.severity === sev).length, sev);
    const counts: Record<string, number> = { '': json.findings.length };
    for (const f of json.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    assert.deepEqual(shown.kinds, counts);
    assert.deepEqual(
      shown.findings,
      json.findings.slice(0, 3000).map((f) => ({
        kind: f.kind,
        severity: f.severity,
        cell: `${f.column || 'A'}${f.row}`,
        code: f.code,
        message: f.message,
        explanation: f.explanation ? `${STRINGS[lang].explanation}${f.explanation}` : '',
      })),
    );

    const values = (cells: { value?: string }[]) => cells.filter((c) => c.value !== undefined).map((c) => Number(c.value));
    if (!shown.noPoints) {
      const body = shown.fields.slice(0, -1);
      assert.deepEqual(body.map((r) => r.key), json.fields.map((f) => f.key));
      assert.deepEqual(
        body.map((r) => [r.cells[0]!.text, r.cells[1]!.text, ...values(r.cells)]),
        json.fields.map((f) => [f.code, f.name, f.max, f.claimed, f.accepted, f.atRisk, ...(f.indexPercent === null ? [] : [f.indexPercent]), f.items, f.findings]),
      );
      const total = shown.fields.at(-1)!;
      assert.equal(total.key, 'total');
      assert.deepEqual(values(total.cells).slice(0, 4), [json.score.max, json.score.claimed, json.score.accepted, json.score.atRisk]);
      assert.deepEqual(
        shown.agencies.map((r) => [r.key, ...values(r.cells)]),
        json.agencies.map((g) => [g.key, g.max, g.claimed, g.accepted, g.atRisk, g.findings]),
      );
    } else {
      assert.equal(json.score.max, 0);
      const body = shown.fields.slice(0, -1);
      assert.deepEqual(
        body.map((r) => [r.cells[0]!.text, r.cells[1]!.text, ...values(r.cells)]),
        json.tasks.map((t) => [t.code, t.name, t.tasks, t.missingLead, t.missingProduct, t.missingDeadline]),
      );
      assert.deepEqual(
        shown.agencies.map((r) => [r.key, ...values(r.cells)]),
        json.agencies.map((g) => [g.key, g.tasks, g.findings]),
      );
    }
    assert.deepEqual(
      shown.agencies.map((r) => r.cells[0]!.text),
      json.agencies.map((g) => (g.unknown ? `${g.name} (?)` : g.name)),
    );
  }

  async function download(page: Page, dest: string): Promise<string> {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    await dl.saveAs(dest);
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    return dl.suggestedFilename();
  }

  function assertOwnOrigin(c: Checker, origin: string): void {
    assert.ok(c.requests.length >= 4, c.requests.join('\n'));
    for (const url of c.requests) assert.ok(url.startsWith(`${origin}/`), `request outside the page's own files: ${url}`);
    assert.deepEqual(c.errors, []);
  }

  for (const file of FILES) {
    const name = path.basename(file);
    it(`${name}: shows what check --json reports, downloads what score writes, talks only to its own origin`, async () => {
      const c = await openChecker();
      assert.equal(await c.page.evaluate(() => document.body.dataset.engine), 'worker');
      await openFile(c.page, file);
      const json = cliJson(file);
      assertSameNumbers(await read(c.page), json);

      const mine = path.join(out, `browser-${name}`);
      const suggested = await download(c.page, mine);
      assert.equal(suggested, name.replace(/\.xlsx$/, '-da-cham.xlsx'));
      const cli = path.join(out, `cli-${name}`);
      const r = runCli(['score', file, '-o', cli]);
      assert.equal(r.code, 0, r.stderr);
      await assertSameWorkbook(mine, cli);
      await assertSummarySheets(mine, json);
      assertOwnOrigin(c, server.origin);
    });
  }

  it('opens a file dropped on the page (drag and drop)', async () => {
    const file = FILES.find((f) => f.includes('vinhphuc'))!;
    const c = await openChecker();
    const bytes = fs.readFileSync(file).toString('base64');
    const dt = await c.page.evaluateHandle(
      ({ b64, name }) => {
        const raw = atob(b64);
        const buf = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) buf[i] = raw.charCodeAt(i);
        const t = new DataTransfer();
        t.items.add(new File([buf], name));
        return t;
      },
      { b64: bytes, name: path.basename(file) },
    );
    await c.page.dispatchEvent('body', 'dragenter', { dataTransfer: dt });
    assert.equal(await c.page.isVisible('#drop-overlay'), true);
    await c.page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await settled(c.page, path.basename(file));
    assert.equal(await c.page.isVisible('#drop-overlay'), false);
    assertSameNumbers(await read(c.page), cliJson(file));
    assertOwnOrigin(c, server.origin);
  });

  it('several files chosen at once: a row each with the numbers check --json gives, a refused one skipped, each openable; the policy re-checks them all', async () => {
    const c = await openChecker();
    const vinhphuc = FILES.find((f) => f.includes('vinhphuc'))!;
    const files = [EXAMPLE, vinhphuc];
    await c.page.setInputFiles('#file', [
      ...files.map((f) => ({ name: path.basename(f), mimeType: 'application/octet-stream', buffer: fs.readFileSync(f) })),
      { name: 'ghi-chu.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('không phải bảng tính') },
    ]);
    const batchDone = () => c.page.waitForFunction(() => document.body.dataset.batch === 'done' && document.body.dataset.busy === 'false', undefined, { timeout: 60000 });
    await batchDone();
    const rows = () =>
      c.page.$$eval('#batch-table tbody tr', (trs) =>
        trs.map((tr) => ({
          file: (tr as HTMLElement).dataset.file ?? '',
          current: tr.getAttribute('aria-current') === 'true',
          scores: Object.fromEntries([...tr.querySelectorAll<HTMLElement>('td[data-score]')].map((td) => [td.dataset.score!, td.dataset.value ?? ''])),
          findings: tr.querySelector<HTMLElement>('td[data-findings]')?.dataset.findings ?? '',
          errors: tr.querySelector<HTMLElement>('td[data-errors]')?.dataset.errors ?? '',
          skipped: tr.querySelector('td.skipped')?.textContent ?? '',
          button: tr.querySelector('button')!.textContent ?? '',
        })),
      );
    const expectRow = (r: Awaited<ReturnType<typeof rows>>[number], file: string, ...args: string[]) => {
      const j = cliJson(file, ...args);
      assert.equal(r.file, path.basename(file));
      assert.equal(r.findings, String(j.findings.length), r.file);
      assert.equal(r.errors, String(j.findings.filter((f) => f.severity === 'error').length), r.file);
      if (j.index === 'PAR') for (const k of ['max', 'claimed', 'accepted', 'atRisk'] as const) assert.equal(Number(r.scores[k]), j.score[k], `${r.file} ${k}`);
      else assert.deepEqual(r.scores, { max: '', claimed: '', accepted: '', atRisk: '', indexPercent: '' }, r.file);
    };
    let shown = await rows();
    assert.equal(shown.length, 3);
    expectRow(shown[0]!, EXAMPLE);
    expectRow(shown[1]!, vinhphuc);
    assert.equal(shown[2]!.skipped, 'Bỏ qua: Tệp ghi-chu.xlsx không phải bảng tính Excel .xlsx/.xlsm.');
    // The last file is the one open (refused here); another opens with its button, as alone.
    assert.deepEqual(shown.map((r) => r.current), [false, false, true]);
    await c.page.click('#batch-table tbody tr[data-file="laocai-2019-tu-danh-gia.xlsx"] button');
    await settled(c.page, path.basename(EXAMPLE));
    assertSameNumbers(await read(c.page), cliJson(EXAMPLE));
    // Its table above the results, the page still within 1366×768 and never sideways.
    const layout = await c.page.evaluate(() => ({
      sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      bottom: Math.max(...[...document.querySelectorAll('.panel')].map((p) => p.getBoundingClientRect().bottom)),
      batchBottom: document.getElementById('batch')!.getBoundingClientRect().bottom,
      resultsTop: document.getElementById('results')!.getBoundingClientRect().top,
    }));
    assert.equal(layout.sideways, false);
    assert.ok(layout.bottom <= VIEWPORT.height, `panels end at ${layout.bottom}px`);
    assert.ok(layout.batchBottom <= layout.resultsTop, 'the table sits above the results');
    shown = await rows();
    assert.deepEqual(shown.map((r) => [r.current, r.button]), [[true, 'Đang xem'], [false, 'Xem'], [false, 'Xem']]);
    // A policy applies to every file: all are checked again, and the open one stays in view.
    await c.page.selectOption('#policy', 'explain');
    await c.page.waitForFunction(() => document.body.dataset.batch === 'running', undefined, { timeout: 60000 }).catch(() => undefined);
    await batchDone();
    await settled(c.page, path.basename(EXAMPLE));
    shown = await rows();
    expectRow(shown[0]!, EXAMPLE, '--policy', 'explain');
    assert.notEqual(Number(shown[0]!.scores.accepted), cliJson(EXAMPLE).score.accepted, 'the policy should matter for this file');
    assert.equal(shown[0]!.current, true);
    assertSameNumbers(await read(c.page), cliJson(EXAMPLE, '--policy', 'explain'));
    // One file again: the table goes.
    await openFile(c.page, vinhphuc);
    assert.equal(await c.page.isVisible('#batch'), false);
    // Files chosen while one still opens: that one's results never show under the new table.
    await c.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(document.body.dataset.view ?? '')).observe(document.body, { attributes: true, attributeFilter: ['data-view'] });
    });
    // Both choices in one task of the page, so the first file is surely still opening when the
    // second choice comes (two setInputFiles calls raced: a loaded machine let it finish first).
    const asFile = (f: string) => ({ name: path.basename(f), base64: fs.readFileSync(f).toString('base64') });
    await c.page.evaluate(
      ({ first, batch }) => {
        // No named functions in here: tsx would wrap them in a __name() helper the page lacks.
        const input = document.getElementById('file') as HTMLInputElement;
        for (const files of [[first], batch]) {
          const dt = new DataTransfer();
          for (const f of files) {
            const bin = atob(f.base64);
            const bytes = new Uint8Array(bin.length);
            for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
            dt.items.add(new File([bytes], f.name));
          }
          input.files = dt.files;
          input.dispatchEvent(new Event('change'));
        }
      },
      { first: asFile(EXAMPLE), batch: [asFile(vinhphuc), asFile(FILES.find((f) => f.includes('hagiang'))!)] },
    );
    await batchDone();
    const seen = await c.page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    assert.ok(!seen.includes(path.basename(EXAMPLE)), seen.join(', '));
    assert.equal(seen.at(-1), 'hagiang-2023-papi-city.xlsx');
    assert.deepEqual(c.errors, []);
    assertOwnOrigin(c, server.origin);
  });

  it('picks a sheet and an evidence policy as --sheet / --policy do, and scores with them', async () => {
    // A scored copy has four sheets: the appendix and the three summaries.
    const scored = path.join(out, 'four-sheets.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '-o', scored]).code, 0);
    const c = await openChecker();
    await openFile(c.page, scored);
    assert.equal(await c.page.isVisible('#sheet'), true);
    const options = await c.page.$$eval('#sheet option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(options, ['', 'Phụ lục', ...Object.values(SHEET_NAMES)]);
    assertSameNumbers(await read(c.page), cliJson(scored));

    // parscore's own summary sheet is refused with the engine's message, as the CLI refuses it.
    await c.page.selectOption('#sheet', SHEET_NAMES.agencies);
    await c.page.waitForSelector('#error:not([hidden])');
    const refused = runCli(['check', scored, '--sheet', SHEET_NAMES.agencies]);
    assert.equal(refused.code, 2);
    assert.equal((await c.page.textContent('#error'))?.trim(), refused.stderr.trim());

    await c.page.selectOption('#sheet', 'Phụ lục');
    await c.page.selectOption('#policy', 'explain');
    await settled(c.page, 'four-sheets.xlsx');
    const json = cliJson(scored, '--sheet', 'Phụ lục', '--policy', 'explain');
    assert.notDeepEqual(json.score, cliJson(scored, '--sheet', 'Phụ lục').score, 'the policy should matter for this file');
    assertSameNumbers(await read(c.page), json);

    const mine = path.join(out, 'browser-four-sheets.xlsx');
    assert.equal(await download(c.page, mine), 'four-sheets-da-cham.xlsx');
    const cli = path.join(out, 'cli-four-sheets.xlsx');
    assert.equal(runCli(['score', scored, '--sheet', 'Phụ lục', '--policy', 'explain', '-o', cli]).code, 0);
    await assertSameWorkbook(mine, cli);
    assertOwnOrigin(c, server.origin);
  });

  it('checks a target set year by year for the year typed, as --year does; blank, the title\'s year', async () => {
    const staged = path.join(out, 'staged.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx'));
    // Row 105's target (G) staged from 2019; its result is 62%, its points 1.
    wb.worksheets[0]!.getCell('G105').value = 'Năm 2019 đạt tối thiểu 60%, mỗi năm tiếp theo tăng 10%, đạt tối thiểu 90% vào năm 2022';
    await wb.xlsx.writeFile(staged);
    const c = await openChecker();
    await openFile(c.page, staged);
    assert.equal(await c.page.getAttribute('#year', 'placeholder'), STRINGS.vi.yearFromTitle(2019));
    assertSameNumbers(await read(c.page), cliJson(staged));
    await c.page.fill('#year', '2020');
    await c.page.dispatchEvent('#year', 'change');
    const json = cliJson(staged, '--year', '2020');
    assert.notDeepEqual(json.score, cliJson(staged).score, 'the year should matter for this file');
    await settled(c.page, 'staged.xlsx');
    assertSameNumbers(await read(c.page), json);
    // Not a year: said so, and the year in use stays.
    await c.page.fill('#year', '20');
    await c.page.dispatchEvent('#year', 'change');
    assert.equal((await c.page.textContent('#status'))?.trim(), STRINGS.vi.yearInvalid('20'));
    assert.equal(await c.page.inputValue('#year'), '2020');
    assertSameNumbers(await read(c.page), json);
    await c.page.focus('#year');
    await c.page.keyboard.press('Control+A');
    await c.page.keyboard.type('2024e');
    await c.page.dispatchEvent('#year', 'change');
    assert.equal((await c.page.textContent('#status'))?.trim(), STRINGS.vi.yearInvalid(''));
    assertSameNumbers(await read(c.page), json);
    assertOwnOrigin(c, server.origin);
  });

  it('is Vietnamese by default, switches to English and remembers it', async () => {
    const c = await openChecker();
    assert.equal(await c.page.textContent('label[for="file"]'), STRINGS.vi.open);
    assert.equal(await c.page.getAttribute('html', 'lang'), 'vi');
    await openFile(c.page, EXAMPLE);
    await c.page.selectOption('#lang', 'en');
    await c.page.waitForFunction(() => document.documentElement.lang === 'en');
    await settled(c.page, path.basename(EXAMPLE));
    await c.page.waitForFunction((m) => document.querySelector('#findings tbody tr td:last-child')?.textContent?.startsWith(m) ?? false, cliJson(EXAMPLE, '--lang', 'en').findings[0]!.message);
    assert.equal(await c.page.textContent('label[for="file"]'), STRINGS.en.open);
    assert.equal(await c.page.textContent('#download'), STRINGS.en.download);
    assertSameNumbers(await read(c.page), cliJson(EXAMPLE, '--lang', 'en'), 'en');

    const mine = path.join(out, 'browser-en.xlsx');
    await download(c.page, mine);
    const cli = path.join(out, 'cli-en.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '--lang', 'en', '-o', cli]).code, 0);
    await assertSameWorkbook(mine, cli);

    await c.page.reload();
    await c.page.waitForFunction(() => !!document.body.dataset.engine);
    assert.equal(await c.page.getAttribute('html', 'lang'), 'en');
    assert.equal(await c.page.textContent('label[for="file"]'), STRINGS.en.open);
    assertOwnOrigin(c, server.origin);
  });

  it('refuses what is not an .xlsx workbook with the CLI-style message, and recovers', async () => {
    const c = await openChecker();
    await c.page.setInputFiles('#file', { name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a workbook') });
    await settled(c.page, '');
    assert.equal((await read(c.page)).error, 'Tệp notes.xlsx không phải bảng tính Excel .xlsx/.xlsm.');
    // The refusal stays when the language or the policy changes (it once became "open the file again").
    await c.page.selectOption('#lang', 'en');
    await c.page.waitForFunction(() => document.getElementById('error')!.textContent === 'notes.xlsx is not an .xlsx/.xlsm workbook.');
    await c.page.selectOption('#policy', 'flag');
    await c.page.selectOption('#lang', 'vi');
    await settled(c.page, '');
    assert.equal((await read(c.page)).error, 'Tệp notes.xlsx không phải bảng tính Excel .xlsx/.xlsm.');
    await c.page.selectOption('#policy', 'zero');
    const ole = Buffer.alloc(512);
    ole.writeUInt32BE(0xd0cf11e0, 0);
    await c.page.setInputFiles('#file', { name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: ole });
    await c.page.waitForFunction(() => document.getElementById('error')!.textContent!.includes('old.xls'));
    assert.match((await read(c.page)).error, /đặt mật khẩu .* \.xls cũ/);
    assert.equal(await c.page.isDisabled('#download'), true);
    // Zips the page used to hand to ExcelJS: the same guard as the CLI (xlsx/zip-guard.ts), here
    // inflating with Chromium's DecompressionStream, refuses them with the CLI's message.
    const parts = readZip(fs.readFileSync(EXAMPLE));
    const text = Buffer.from('<x>'.repeat(5000));
    const hostile: [string, Buffer][] = [
      ['liar.xlsx', writeZip([...parts, { name: 'xl/media/image1.png', data: Buffer.alloc(100 * 1024 * 1024), centralSize: 1024, localSize: 1024 }])],
      ['local-liar.xlsx', writeZip(parts.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, localSize: e.data.length * 1000 } : e)))],
      ['junk.xlsx', writeZip([...parts, { name: 'xl/media/junk.xml', data: text, packed: Buffer.concat([zlib.deflateRawSync(text), Buffer.from('junk')]) }])],
      ['van-ban.xlsx', writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }])],
      ['count-liar.xlsx', writeZip([...parts, { name: 'xl/media/zeros.bin', data: Buffer.alloc(60 * 1024 * 1024) }], { eocdCount: parts.length })],
      // Past the zip guard, damaged for ExcelJS: worded as the CLI words them, not ExcelJS's internals.
      ['cut.xlsx', fs.readFileSync(EXAMPLE).subarray(0, 9000)],
      ['no-styles.xlsx', writeZip(parts.map((e) => (e.name === 'xl/styles.xml' ? { ...e, data: Buffer.from('<styleSheet') } : e)))],
      ['no-sheets.xlsx', writeZip(parts.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, data: Buffer.from(e.data.toString().replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets></sheets>')) } : e)))],
    ];
    for (const [name, buffer] of hostile) {
      const f = path.join(out, name);
      fs.writeFileSync(f, buffer);
      const cli = runCli(['check', f]);
      assert.equal(cli.code, 2, `${name}: ${cli.stdout}`);
      const expected = `${cli.stderr.trim().replace(f, name).replace(/ \(đổi bằng --max-mb\)$/, '')}.`;
      await c.page.setInputFiles('#file', { name, mimeType: 'application/octet-stream', buffer });
      await c.page.waitForFunction((n) => document.getElementById('error')!.textContent!.includes(n), name);
      assert.equal((await read(c.page)).error, expected, name);
      assert.equal(await c.page.isDisabled('#download'), true);
    }
    await openFile(c.page, EXAMPLE);
    assert.equal((await read(c.page)).error, '');
    assertOwnOrigin(c, server.origin);
  });

  it('works from file:// (workers are refused there: the engine runs in the page)', async () => {
    const c = await openChecker(`file://${DIST}/checker.html`);
    assert.equal(await c.page.evaluate(() => document.body.dataset.engine), 'page');
    const phases = await watchPhases(c.page);
    await openFile(c.page, EXAMPLE);
    assert.deepEqual(await phases(), ['reading', 'analysing']);
    const json = cliJson(EXAMPLE);
    assertSameNumbers(await read(c.page), json);
    const mine = path.join(out, 'browser-file-url.xlsx');
    await download(c.page, mine);
    const cli = path.join(out, 'cli-file-url.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '-o', cli]).code, 0);
    await assertSameWorkbook(mine, cli);
    for (const url of c.requests) assert.ok(url.startsWith(`file://${DIST}/`), `request outside dist/: ${url}`);
    assert.deepEqual(c.errors, []);
  });

  it('keeps a large workbook off the page thread, with progress for each phase', async () => {
    const big = path.join(out, 'large-appendix.xlsx');
    await writeLargeAppendix(big, 150, 100); // 15,000 criteria, ~10,000 findings
    const c = await openChecker();
    const phases = await watchPhases(c.page);
    const gaps = await c.page.evaluateHandle(() => {
      // A 10 ms heartbeat: the longest pause is the longest time the page could not respond.
      const g = { max: 0 };
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        g.max = Math.max(g.max, now - last);
        last = now;
      }, 10);
      return g;
    });
    await openFile(c.page, big);
    assert.deepEqual(await phases(), ['reading', 'analysing']);
    const json = cliJson(big);
    assert.ok(json.findings.length > 3000, String(json.findings.length));
    assertSameNumbers(await read(c.page), json);
    assert.equal(await c.page.textContent('#more'), `Hiển thị 3000/${json.findings.length} vấn đề; bản đã chấm có đủ danh sách.`);
    await download(c.page, path.join(out, 'browser-large.xlsx'));
    assert.deepEqual(await phases(), ['analysing', 'writing']);
    const longest = await gaps.evaluate((g) => g.max);
    assert.ok(longest < 1000, `the page stopped responding for ${Math.round(longest)} ms`);
    assertOwnOrigin(c, server.origin);
  });

  it('fits 1366×768 without sideways scrolling (screenshot: docs/checker.png)', async () => {
    const c = await openChecker();
    await openFile(c.page, EXAMPLE);
    const box = await c.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      bottom: Math.max(...[...document.querySelectorAll('.panel')].map((p) => p.getBoundingClientRect().bottom)),
      tablesScroll: [...document.querySelectorAll('#results .scroll')].map((s) => getComputedStyle(s).overflow),
    }));
    assert.ok(box.scrollWidth <= box.clientWidth, `page scrolls sideways: ${box.scrollWidth} > ${box.clientWidth}`);
    assert.ok(box.bottom <= VIEWPORT.height, `panels end at ${box.bottom}px, below the window`);
    assert.deepEqual(box.tablesScroll, ['auto', 'auto', 'auto']);
    assert.equal(await c.page.isVisible('#batch'), false);
    const png = await c.page.screenshot({ type: 'png' });
    assert.ok(png.length < 300 * 1024, `screenshot is ${png.length} bytes`);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    if (!fs.existsSync(SCREENSHOT) || !fs.readFileSync(SCREENSHOT).equals(png)) fs.writeFileSync(SCREENSHOT, png);
    assertOwnOrigin(c, server.origin);
  });

  it('ships a strict Content-Security-Policy and no reference to another origin', () => {
    const html = fs.readFileSync(path.join(DIST, 'checker.html'), 'utf8');
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html);
    assert.equal(csp?.[1], CSP);
    assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//i);
    assert.doesNotMatch(fs.readFileSync(path.join(DIST, 'checker.css'), 'utf8'), /url\(|@import/);
  });
});

/** Distinct phases the page shows (body[data-phase]) since the last call. */
async function watchPhases(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { phasesSeen: string[] };
    w.phasesSeen = [];
    new MutationObserver(() => {
      const p = document.body.dataset.phase;
      if (p && w.phasesSeen.at(-1) !== p) w.phasesSeen.push(p);
    }).observe(document.body, { attributes: true, attributeFilter: ['data-phase'] });
  });
  return () => page.evaluate(() => (window as unknown as { phasesSeen: string[] }).phasesSeen.splice(0));
}

type Dump = { name: string; cells: Record<string, unknown>; merges: string[]; conditionalFormats: unknown; columns: unknown };

function dumpSheet(ws: ExcelJS.Worksheet): Dump {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      cells[cell.address] = v instanceof Date ? { date: v.toISOString() } : JSON.parse(JSON.stringify(v));
    });
  });
  const cf = (ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
  return {
    name: ws.name,
    cells,
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    conditionalFormats: JSON.parse(JSON.stringify(cf)),
    columns: (ws.columns ?? []).map((c) => ({ hidden: !!c.hidden, width: c.width ?? null })),
  };
}

/** Every sheet's values and formulas, merges, conditional-format rules and column layout. */
async function assertSameWorkbook(a: string, b: string): Promise<void> {
  const [wa, wb] = await Promise.all([a, b].map(async (f) => {
    const w = new ExcelJS.Workbook();
    await w.xlsx.readFile(f);
    return w;
  }));
  assert.deepEqual(wa!.worksheets.map((w) => w.name), wb!.worksheets.map((w) => w.name));
  for (const ws of wa!.worksheets) {
    const x = dumpSheet(ws);
    const y = dumpSheet(wb!.getWorksheet(ws.name)!);
    assert.ok(Object.keys(x.cells).length > 0, ws.name);
    assert.deepEqual(x, y, `sheet "${ws.name}" differs between ${path.basename(a)} and ${path.basename(b)}`);
  }
}

/** The three summary sheets exist and their totals equal the JSON report. */
async function assertSummarySheets(file: string, json: JsonReport): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const names = wb.worksheets.map((w) => w.name);
  assert.deepEqual(names.slice(-3), [SHEET_NAMES.fields, SHEET_NAMES.agencies, SHEET_NAMES.findings]);
  const sum = wb.getWorksheet(SHEET_NAMES.fields)!;
  const rows = json.score.max > 0 ? json.fields.length : json.tasks.length;
  const total = sum.getRow(4 + rows);
  assert.equal(total.getCell(2).value, 'Tổng cộng');
  if (json.score.max > 0) {
    assert.deepEqual([3, 4, 5, 6].map((c) => total.getCell(c).value), [json.score.max, json.score.claimed, json.score.accepted, json.score.atRisk]);
  } else {
    assert.equal(total.getCell(3).value, json.tasks.reduce((n, t) => n + t.tasks, 0));
  }
  assert.equal(wb.getWorksheet(SHEET_NAMES.agencies)!.rowCount - 3, json.agencies.length);
  const issues = wb.getWorksheet(SHEET_NAMES.findings)!;
  assert.equal(Math.max(3, issues.rowCount) - 3, json.findings.length);
  const appendix = wb.getWorksheet(json.sheet)!;
  const cf = (appendix as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? [];
  // Errors and warnings in a cell are coloured by a rule (info findings are not).
  if (json.findings.some((f) => f.column && f.severity !== 'info')) assert.ok(cf.length > 0, 'no highlight rules on the appendix sheet');
}

/** A PAR-style appendix of sections × criteria with self-assessment, some rows flawed. */
async function writeLargeAppendix(file: string, sections: number, per: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['PHỤ LỤC KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH']);
  ws.addRow(['STT', 'Lĩnh vực / Tiêu chí', 'Điểm tối đa', 'Mục tiêu', 'Cơ quan chủ trì', 'Kết quả thực hiện', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng']);
  for (let s = 1; s <= sections; s++) {
    ws.addRow([String(s), `LĨNH VỰC ${s}`, per * 0.5, null, 'Sở Nội vụ']);
    for (let j = 1; j <= per; j++) {
      ws.addRow([`${s}.${j}`, `Tiêu chí ${s}.${j}`, 0.5, '100%', j % 7 ? 'Sở Nội vụ' : 'Sở Không Có', j % 3 ? '100%' : '90%', 0.5, j % 5 ? `Văn bản số ${j}/${s}` : null]);
    }
  }
  await wb.xlsx.writeFile(file);
}
