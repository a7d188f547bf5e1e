// addin/functions/logic.ts: the pure side of the CCHC.* custom functions (no Office needed).
import assert from 'node:assert/strict';
import {
  analyzeSheet,
  buildSummaryTables,
  evaluateThreshold,
  formatThreshold,
  parseTarget,
  SHEET_NAMES,
  uiMessage,
  type Analysis,
  type Lang,
  type SheetSnapshot,
} from '../model';
import { MAX_GRID_CELLS } from '../model/grid';
import {
  CHECK_WORDS,
  createFunctionsLogic,
  FUNCTION_MESSAGES,
  FunctionInputError,
  LruCache,
  parseMeasure,
  sameTable,
  setFunctionsLanguage,
  sheetOfAddress,
  tableKey,
  tableToMatrix,
  type FunctionsEngine,
  type FunctionsLogic,
  type Measure,
} from '../addin/functions/logic';
import { parscore, parsummary } from '../addin/functions/functions';
import { EXAMPLE, LAOCAI, loadSnapshot } from './helpers/fixtures';
import { setEvidencePolicy } from '../addin/shared/policy';

const REAL: FunctionsEngine = { analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold };

function throwsInput(fn: () => unknown, code: 'invalidValue' | 'notAvailable', key?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FunctionInputError, String(e));
    assert.equal(e.code, code);
    if (key) assert.equal(e.key, key);
    assert.ok(e.message.length > 0);
    return true;
  });
}

/** An engine that counts analyses and returns a fixed analysis (only the fields the logic reads). */
function countingEngine(analysis: Partial<Analysis> = {}): FunctionsEngine & { calls: number } {
  const base = {
    ok: true,
    error: null,
    appendix: { hasPoints: true, columns: [{ role: 'selfPoints' }] },
    score: { totals: { max: 100, claimed: 80, accepted: 70, atRisk: 10, indexPercent: 70 } },
    ...analysis,
  } as unknown as Analysis;
  const engine = {
    calls: 0,
    analyzeSheet(_s: SheetSnapshot) {
      engine.calls++;
      return base;
    },
    buildSummaryTables: REAL.buildSummaryTables,
    parseTarget: REAL.parseTarget,
    evaluateThreshold: REAL.evaluateThreshold,
    formatThreshold: REAL.formatThreshold,
  };
  return engine;
}

describe('custom functions logic', () => {
  afterEach(() => setFunctionsLanguage('vi'));

  describe('tableKey', () => {
    // The cache finds its candidates by this key and proves them with sameTable: equal ranges
    // must share the key (else a repeat is a miss), and a small range (every cell sampled)
    // should not share it with any changed one.
    const t = [
      ['Mã', 'Tên', 1.5],
      ['1.1', null, true],
    ];

    it('is equal for ranges sameTable calls equal', () => {
      const key = tableKey(t);
      assert.equal(tableKey(structuredClone(t)), key);
      assert.equal(tableKey([['Mã', 'Tên', 1.5], ['1.1', undefined, true]]), key);
      const objects = [[0, NaN, new Date(5), { type: 'Double', basicValue: 2 }]];
      const same = [[-0, NaN, new Date(5), { type: 'Double', basicValue: 2 }]];
      assert.ok(sameTable(objects, same));
      assert.equal(tableKey(same), tableKey(objects));
      // A range large enough that only some cells are sampled (rows skipped whole), ragged, with
      // the blanks Excel may give either way.
      const big = Array.from({ length: 1000 }, (_, r) => Array.from({ length: 3 + (r % 5) }, (_, c) => ((r + c) % 7 === 0 ? null : (r + c) % 11 === 0 ? 0 : `ô ${r}:${c}`)));
      const twin = big.map((row) => row.map((v) => (v === null ? undefined : v === 0 ? -0 : v)));
      assert.ok(sameTable(big, twin));
      assert.equal(tableKey(twin), tableKey(big));
    });

    it('differs for a changed cell, type, text length or shape in a small range', () => {
      const key = tableKey(t);
      const variants: unknown[][][] = [
        [['Mã', 'Tên', 1.5], ['1.1', '', true]],
        [['Mã', 'Tên', '1.5'], ['1.1', null, true]],
        [['Mã', 'Tên', 1.5], ['1.1', null, false]],
        [['Mã', 'Tên', 1.5, null], ['1.1', null, true]],
        [['Mã', 'Tên'], [1.5, '1.1', null, true]],
        [['MãTên', '', 1.5], ['1.1', null, true]],
        [['Mã', 'Tê', 1.5], ['1.1', null, true]],
        [['Mã', 'Tên', 1.5], ['1.2', null, true]],
        [['M', 'ãTên', 1.5], ['1.1', null, true]],
        [['Mã', 'Tên', 1.5], ['1.1', null, { type: 'Double', basicValue: 2 }]],
      ];
      // A length never reads as a character: neither of the two hashes (the key's last 16 hex digits) is shared.
      const [a, b] = [tableKey([[1, '#ab']]), tableKey([[13, 'ab']])];
      assert.notEqual(a.slice(-16, -8), b.slice(-16, -8));
      assert.notEqual(a.slice(-8), b.slice(-8));
      for (const v of variants) assert.notEqual(tableKey(v), key, JSON.stringify(v));
    });
  });

  describe('LruCache', () => {
    it('keeps the most recently used entries up to its capacity', () => {
      const c = new LruCache<number>(3);
      c.set('a', 1);
      c.set('b', 2);
      c.set('c', 3);
      assert.equal(c.get('a'), 1); // a is now the newest
      c.set('d', 4); // evicts b
      assert.equal(c.size, 3);
      assert.equal(c.get('b'), undefined);
      assert.deepEqual([c.get('a'), c.get('c'), c.get('d')], [1, 3, 4]);
    });
  });

  describe('parseMeasure', () => {
    it('defaults to accepted and reads English and Vietnamese names', () => {
      const cases: [unknown, string][] = [
        [undefined, 'accepted'],
        [null, 'accepted'],
        ['', 'accepted'],
        ['accepted', 'accepted'],
        ['MAX', 'max'],
        ['claimed', 'claimed'],
        ['risk', 'atRisk'],
        ['at-risk', 'atRisk'],
        ['index', 'indexPercent'],
        ['%', 'indexPercent'],
        ['Tối đa', 'max'],
        ['tự đánh giá', 'claimed'],
        ['Điểm được chấp nhận', 'accepted'],
        ['rủi ro', 'atRisk'],
        ['Chỉ số', 'indexPercent'],
      ];
      for (const [input, want] of cases) assert.equal(parseMeasure(input), want, String(input));
    });

    it('rejects anything else with #VALUE!', () => {
      throwsInput(() => parseMeasure('average'), 'invalidValue', 'bad-measure');
      // PARSUMMARY's own column headers name the measures, in both languages.
      const measureOf: Record<number, Measure> = { 2: 'max', 3: 'claimed', 4: 'accepted', 5: 'atRisk', 6: 'indexPercent' };
      for (const lang of ['vi', 'en'] as const) {
        const t = buildSummaryTables(analyzeSheet({ name: 'x', values: [['STT', 'Tiêu chí', 'Điểm tối đa'], ['1', 'A', 2]], merges: [] }), lang)[0]!;
        for (const [col, m] of Object.entries(measureOf)) assert.equal(parseMeasure(t.header[Number(col)]), m, `${lang} ${t.header[Number(col)]}`);
      }
      throwsInput(() => parseMeasure(3), 'invalidValue', 'bad-measure');
    });
  });

  describe('tableToMatrix', () => {
    it('returns a rectangular header + rows matrix without nulls or NaN', () => {
      const m = tableToMatrix({ header: ['Mã', 'Tên', 'Điểm'], rows: [['1', 'A', 2.5], ['2', null], [null, 'T', Number.NaN]] });
      assert.deepEqual(m, [
        ['Mã', 'Tên', 'Điểm'],
        ['1', 'A', 2.5],
        ['2', '', ''],
        ['', 'T', ''],
      ]);
    });
  });

  describe('createFunctionsLogic (fake engine)', () => {
    it('analyses a range once however many cells call it, for every measure', () => {
      const engine = countingEngine();
      const logic = createFunctionsLogic(engine);
      const table = [['Mã', 'Điểm'], ['1', 2]];
      const got = [];
      for (let i = 0; i < 200; i++) got.push(logic.score(structuredClone(table), ['accepted', 'max', 'risk', 'index'][i % 4]));
      assert.equal(engine.calls, 1);
      assert.deepEqual(got.slice(0, 4), [70, 100, 10, 70]);
    });

    it('re-analyses when the content or the language changes, and bounds the cache', () => {
      const engine = countingEngine();
      const logic = createFunctionsLogic(engine, { cacheSize: 4 });
      logic.score([['a']]);
      logic.score([['b']]);
      assert.equal(engine.calls, 2);
      setFunctionsLanguage('en');
      logic.score([['a']]);
      assert.equal(engine.calls, 3);
      for (let i = 0; i < 10; i++) logic.score([[`x${i}`]]);
      assert.equal(logic.cache.size, 4);
    });

    it('turns an unusable table into #VALUE! with the engine’s message, or its own in the add-in language', () => {
      const engine = countingEngine({ ok: false, error: { code: 'bad-snapshot', message: 'the engine says why' } });
      const logic = createFunctionsLogic(engine);
      throwsInput(() => logic.score([['x']]), 'invalidValue', 'bad-snapshot');
      assert.throws(() => logic.summary([['x']]), /^FunctionInputError: the engine says why$/);
      // No table in the range: the range's fault, in the function's words (see 'no appendix table' below).
      const refused = { ok: false, appendix: { hasPoints: false, columns: [] } as unknown as Analysis['appendix'] };
      const noTable = createFunctionsLogic(countingEngine({ ...refused, error: { code: 'no-table', message: 'the engine says why' } }));
      throwsInput(() => noTable.score([['x']]), 'invalidValue', 'no-table');
      // Without a message from the engine, the function's own wording.
      const silent = createFunctionsLogic(countingEngine({ ...refused, error: null }));
      setFunctionsLanguage('en');
      assert.throws(() => silent.summary([['x']]), /No appendix table/);
      throwsInput(() => logic.score('not a range' as unknown as unknown[][]), 'invalidValue', 'table-not-range');
      throwsInput(() => logic.score([[null, '']]), 'invalidValue', 'table-empty');
      throwsInput(() => logic.score([[' ', '\u00a0'], ['\t', '\u1680', '\ufeff']]), 'invalidValue', 'table-empty'); // only spaces: the range's message, not a sheet's
    });

    it('gives #N/A for a task appendix without points and an undefined index', () => {
      const noPoints = createFunctionsLogic(countingEngine({ appendix: { hasPoints: false } as Analysis['appendix'] }));
      throwsInput(() => noPoints.score([['x']]), 'notAvailable', 'no-points');
      const noMax = createFunctionsLogic(
        countingEngine({ score: { totals: { max: 0, claimed: 0, accepted: 0, atRisk: 0, indexPercent: null } } as Analysis['score'] }),
      );
      throwsInput(() => noMax.score([['x']], 'index'), 'notAvailable', 'no-max');
      assert.equal(noMax.score([['x']], 'max'), 0);
    });

    it('does not cache an engine crash', () => {
      let n = 0;
      const logic = createFunctionsLogic({
        ...REAL,
        analyzeSheet: () => {
          n++;
          throw new Error('boom');
        },
      });
      assert.throws(() => logic.score([['x']]), /boom/);
      assert.throws(() => logic.score([['x']]), /boom/);
      assert.equal(n, 2);
    });
  });

  describe('when the real engine refuses the range: #VALUE! with its message (vi, en)', () => {
    /** The #VALUE! a function call gives, in both languages, through the real engine. */
    function refusal(call: (logic: FunctionsLogic) => unknown): Record<Lang, FunctionInputError> {
      const out = {} as Record<Lang, FunctionInputError>;
      for (const lang of ['vi', 'en'] as const) {
        setFunctionsLanguage(lang);
        const logic = createFunctionsLogic(REAL);
        try {
          call(logic);
        } catch (e) {
          assert.ok(e instanceof FunctionInputError, String(e));
          assert.equal(e.code, 'invalidValue');
          out[lang] = e;
          continue;
        }
        assert.fail(`${lang}: no error`);
      }
      return out;
    }

    it('a range of more than MAX_GRID_CELLS cells: the engine’s “too large”, with its size', () => {
      const width = 2_000;
      const rows = Math.floor(MAX_GRID_CELLS / width) + 1;
      // Data across the whole width (no gap wider than SNAPSHOT_GAP): nothing to cut away.
      const row = Array.from({ length: width }, (_, j) => (j === 0 ? 'STT' : j % 50 === 0 || j === width - 1 ? 'x' : ''));
      const table = Array.from({ length: rows }, () => row);
      // Without the range's address (PARSCORE here) the message speaks of the range; with it, of its sheet.
      const cases: [(l: FunctionsLogic) => unknown, string, string][] = [
        [(l) => l.score(table), 'Vùng dữ liệu', 'The range'],
        [(l) => l.summary(table, 'Phụ lục'), 'Trang tính "Phụ lục"', 'Sheet "Phụ lục"'],
      ];
      for (const [fn, vi, en] of cases) {
        const e = refusal(fn);
        assert.equal(e.vi.key, 'bad-snapshot');
        assert.equal(e.vi.message, `${vi} quá lớn để kiểm tra: ${rows} dòng × ${width} cột (tối đa ${MAX_GRID_CELLS} ô)`);
        assert.equal(e.en.message, `${en} is too large to check: ${rows} rows × ${width} columns (at most ${MAX_GRID_CELLS} cells)`);
      }
    });

    it('whole columns or rows (=CCHC.PARSCORE(A:N), (1:123)) score as the table they hold', async () => {
      const snap = await loadSnapshot(EXAMPLE);
      const logic = createFunctionsLogic(REAL);
      const expected = logic.score(snap.values, 'max', 'Phụ lục');
      const empty = new Array<unknown>(14).fill('');
      const columns = [...snap.values, ...Array.from({ length: 400_000 - snap.values.length }, () => empty)];
      assert.ok(columns.length * 14 > MAX_GRID_CELLS); // refused as "too large" before it was cut
      assert.equal(logic.score(columns, 'max', 'Phụ lục'), expected);
      // Blank rows above the table beyond the reader's 60-row header search (A1:N400, table from row 60).
      const below = [...Array.from({ length: 200 }, () => empty), ...snap.values];
      assert.equal(logic.score(below, 'max', 'Phụ lục'), expected);
      const wide = snap.values.map((r) => [...r, ...new Array<unknown>(16_384 - r.length).fill('')]);
      assert.equal(logic.score(wide, 'max', 'Phụ lục'), expected);
      assert.equal(logic.score(wide, undefined, 'Phụ lục'), logic.score(snap.values, undefined, 'Phụ lục'));
    });

    it('scores with the evidence policy chosen in the pane, as the pane does', async () => {
      const snap = await loadSnapshot(EXAMPLE);
      const logic = createFunctionsLogic(REAL);
      try {
        for (const policy of ['zero', 'explain', 'flag'] as const) {
          setEvidencePolicy(policy);
          assert.equal(logic.score(snap.values, undefined, 'Phụ lục'), analyzeSheet(snap, { evidencePolicy: policy }).score.totals.accepted, policy);
        }
        assert.notEqual(analyzeSheet(snap, { evidencePolicy: 'explain' }).score.totals.accepted, analyzeSheet(snap).score.totals.accepted);
      } finally {
        setEvidencePolicy('zero');
      }
    });

    it('no appendix table: the range is named and blamed, not its sheet (the engine’s words would say “in sheet …”)', () => {
      const table = [['Ghi chú của Sở'], ['chỉ là ghi chú']];
      const address = "'Ghi chú'!B2:B3";
      for (const fn of [(l: FunctionsLogic) => l.score(table, 'max', 'Ghi chú', address), (l: FunctionsLogic) => l.summary(table, 'Ghi chú', address)]) {
        const e = refusal(fn);
        assert.equal(e.vi.key, 'no-table');
        assert.equal(e.vi.message, FUNCTION_MESSAGES.vi['no-table']({ range: "'Ghi chú'!B2:B3" }));
        assert.equal(e.en.message, FUNCTION_MESSAGES.en['no-table']({ range: "'Ghi chú'!B2:B3" }));
        assert.doesNotMatch(e.vi.message, /trang tính/);
        assert.doesNotMatch(e.en.message, /sheet/);
      }
    });

    it('without a parameter address the message speaks of the range, never of a sheet named ""', () => {
      const table = [['Ghi chú của Sở'], ['chỉ là ghi chú']];
      const e = refusal((l) => l.score(table, 'max'));
      // The engine's wording for a range without address (model/messages.ts), then what to change.
      assert.ok(e.vi.message.startsWith(`${uiMessage('vi', 'no-table', { sheet: '' })}: `), e.vi.message);
      assert.ok(e.en.message.startsWith(`${uiMessage('en', 'no-table', { sheet: '' })}: `), e.en.message);
      const tooWide = analyzeSheet({ name: '', values: [], merges: [], extent: { rows: 1_048_576, cols: 16_384 } }, { lang: 'en' });
      assert.match(tooWide.error!.message, /^The range is too large to check: 1048576 rows × 16384 columns/);
      for (const lang of ['vi', 'en'] as const) assert.doesNotMatch(analyzeSheet({ name: '', values: [[' ']], merges: [] }, { lang }).error!.message, /""/);
    });

    it('a range on parscore’s own summary sheet is refused as such; the same values elsewhere are not', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const fields = buildSummaryTables(analyzeSheet(snap), 'vi').find((t) => t.key === 'fields')!;
      const table = [[fields.title], [], fields.header, ...fields.rows];
      for (const fn of [(l: FunctionsLogic) => l.score(table, 'max', SHEET_NAMES.fields), (l: FunctionsLogic) => l.summary(table, SHEET_NAMES.fields)]) {
        const e = refusal(fn);
        assert.equal(e.vi.message, 'Trang tính "Tổng hợp điểm" là trang tổng hợp do parscore tạo, không phải phụ lục: hãy chọn trang phụ lục');
        assert.equal(e.en.message, 'Sheet "Tổng hợp điểm" is a summary parscore wrote, not an appendix: choose the appendix sheet');
      }
      // The sheet is part of the cache key: the same cells copied to another sheet are analysed.
      const logic = createFunctionsLogic(REAL);
      assert.throws(() => logic.score(table, 'max', SHEET_NAMES.fields), FunctionInputError);
      assert.equal(typeof logic.score(table, 'max', 'Bản sao'), 'number');
    });

    it('PARSCORE / PARSUMMARY as Excel calls them: #VALUE! carrying that message, the sheet taken from the address', async () => {
      const snap = await loadSnapshot(LAOCAI);
      const fields = buildSummaryTables(analyzeSheet(snap), 'vi').find((t) => t.key === 'fields')!;
      const table = [[fields.title], [], fields.header, ...fields.rows];
      const onSummary = { parameterAddresses: [`'${SHEET_NAMES.fields}'!A1:I14`] } as CustomFunctions.Invocation;
      const excelError = (fn: () => unknown, message: string) =>
        assert.throws(fn, (e: unknown) => {
          assert.equal((e as { code?: unknown }).code, '#VALUE!');
          assert.equal((e as Error).message, message);
          return true;
        });
      setFunctionsLanguage('en');
      excelError(() => parscore(table, undefined, null, onSummary), uiMessage('en', 'own-sheet', { sheet: SHEET_NAMES.fields }));
      setFunctionsLanguage('vi');
      excelError(() => parsummary(table, null, onSummary), uiMessage('vi', 'own-sheet', { sheet: SHEET_NAMES.fields }));
      excelError(() => parscore([['ghi chú']], 'max', null, { parameterAddresses: ['Sheet1!A1'] } as CustomFunctions.Invocation), FUNCTION_MESSAGES.vi['no-table']({ range: "'Sheet1'!A1" }));
      // An older runtime without parameter addresses: analysed without a sheet name.
      assert.equal(typeof parscore(table, 'max'), 'number');
    });

    it('reads the sheet from the parameter address Excel passes', () => {
      assert.equal(sheetOfAddress("'Tổng hợp điểm'!A1:I20"), 'Tổng hợp điểm');
      assert.equal(sheetOfAddress('Sheet1!$A$1:$P$200'), 'Sheet1');
      assert.equal(sheetOfAddress("'O''Brien ! 2'!B2"), "O'Brien ! 2");
      assert.equal(sheetOfAddress("'[Kế hoạch.xlsx]Phụ lục'!A1:B2"), 'Phụ lục');
      assert.equal(sheetOfAddress('[Book1]Sheet1!A1'), 'Sheet1');
      assert.equal(sheetOfAddress('A1:B2'), '');
      assert.equal(sheetOfAddress(undefined), '');
    });
  });

  describe('check and target (real thresholds)', () => {
    const logic = createFunctionsLogic(REAL);

    it('PARCHECK says met / not met with the normalised threshold / undetermined', () => {
      assert.equal(logic.check('Đạt từ 95% trở lên', 0.96), 'Đạt');
      assert.equal(logic.check('Đạt từ 95% trở lên', 0.9), 'Chưa đạt: cần ≥ 95%');
      assert.equal(logic.check('Đạt từ 95% trở lên', ''), 'Không xác định');
      assert.equal(logic.check('Đạt từ 95% trở lên', 'đang tổng hợp'), 'Không xác định');
      setFunctionsLanguage('en');
      assert.equal(logic.check('Đạt từ 95% trở lên', '97%'), CHECK_WORDS.en.met);
      assert.equal(logic.check('Đạt từ 95% trở lên', 0.5), 'Not met: needs ≥ 95%');
    });

    it('PARCHECK answers as the table check does: the first checkable target of the text', () => {
      setFunctionsLanguage('vi');
      const text = 'Có ít nhất 96% kết quả giải quyết đúng hạn; có văn bản xin lỗi đối với 100% hồ sơ có kết quả giải quyết trễ hạn';
      assert.equal(logic.check(text, 0.97), 'Đạt');
      assert.equal(logic.check(text, 0.9), 'Chưa đạt: cần ≥ 96%');
      // The same row in a table: met, its points accepted.
      const table: SheetSnapshot = {
        name: 'Phụ lục',
        merges: [],
        values: [
          ['STT', 'Tiêu chí', 'Điểm tối đa', 'Chỉ tiêu', 'Kết quả thực hiện', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
          ['1', 'Giải quyết hồ sơ', 2, text, 0.97, 2, 'Báo cáo số 1'],
        ],
      };
      const a = analyzeSheet(table);
      assert.equal(a.score.totals.accepted, 2);
      assert.ok(!a.findings.some((f) => f.kind === 'threshold-unmet'));
    });

    it('PARCHECK rejects an empty target', () => {
      throwsInput(() => logic.check('', 1), 'invalidValue', 'target-empty');
    });

    it('PARCHECK / PARTARGET take a number target cell above 0 up to 1 as a rate (Excel stores 95% so) and refuse any other number', () => {
      setFunctionsLanguage('vi');
      assert.equal(logic.target(0.95), '≥ 95%');
      assert.equal(logic.target(1), '≥ 100%');
      assert.equal(logic.target(0.07), '≥ 7%'); // 0.07 × 100 is 7.000000000000001
      assert.equal(logic.target(2.5e-7), '≥ 0,000025%'); // no exponent reaches the parser ("2.5e-5")
      assert.equal(logic.check(0.95, 0.97), 'Đạt');
      assert.equal(logic.check(0.95, '93,5%'), 'Chưa đạt: cần ≥ 95%');
      assert.equal(logic.check(1, 1), 'Đạt');
      assert.equal(logic.check(0.95, 'đang tổng hợp'), 'Không xác định');
      // The same as the target typed as text.
      assert.equal(logic.check(0.95, 0.9), logic.check('95%', 0.9));
      // 1 is 100% (a count of one is written as text: "≥ 1", "Ít nhất 1 mô hình"): 3 is read as 3%, as for "100%".
      assert.equal(logic.check(1, 3), logic.check('100%', 3));
      assert.equal(logic.check('Ít nhất 1 mô hình', 3), 'Đạt');
      // Any other number is refused, with the number: a count (12), a year (2025), a date (Excel
      // hands 31/12/2025 over as 46022: as a minimum, a finish on 15/01/2026 would pass), 150%, 0.
      for (const n of [12, 2025, 46022, 1.5, 0, -5, 1e21]) {
        assert.throws(() => logic.target(n), (e: unknown) => e instanceof FunctionInputError && e.key === 'target-number', String(n));
        assert.throws(() => logic.check(n, 46037), FunctionInputError);
      }
      assert.throws(() => logic.target(1.5), { message: /^Ô chỉ tiêu chứa số 1,5: .*"≥ 1,5"/ });
      assert.throws(() => logic.target(1e21), { message: /số 1000000000000000000000:/ });
      assert.equal(logic.check('≥ 12', 15), 'Đạt'); // the same target as text
      setFunctionsLanguage('en');
      assert.equal(logic.check(0.95, 0.9), 'Not met: needs ≥ 95%');
      assert.throws(() => logic.target(1.5), { message: /^The target cell holds the number 1\.5: .*"≥ 1\.5"/ });
      setFunctionsLanguage('vi');
    });

    it('PARTARGET normalises one or several targets and leaves an empty cell empty', () => {
      assert.equal(logic.target('Đạt từ 95% trở lên'), '≥ 95%');
      assert.equal(logic.target(''), '');
      assert.equal(logic.target(null), '');
      const several = logic.target('100% TTHC được công khai; tỷ lệ hồ sơ trễ hạn dưới 5%');
      assert.ok(several.includes('; '), several);
    });
  });

  describe('on the Lào Cai appendix (real engine)', () => {
    let values: unknown[][] = [];
    before(async () => {
      values = (await loadSnapshot(LAOCAI)).values;
    });

    it('PARSCORE equals the engine totals of the same range', async () => {
      const logic = createFunctionsLogic(REAL);
      const assessed = (await loadSnapshot(EXAMPLE)).values; // the same plan with its self-assessment
      const a = analyzeSheet({ name: '', values: structuredClone(assessed), merges: [] }, { lang: 'vi' });
      assert.ok(a.ok);
      for (const m of ['accepted', 'max', 'claimed', 'risk', 'index'] as const) {
        assert.equal(logic.score(assessed, m), a.score.totals[parseMeasure(m)], m);
      }
      // The plan alone (no self-assessment columns): its maximum, and #N/A for the rest.
      assert.equal(logic.score(values, 'max'), analyzeSheet({ name: '', values: structuredClone(values), merges: [] }).score.totals.max);
      throwsInput(() => logic.score(values), 'notAvailable', 'no-self-points');
    });

    it('PARSUMMARY spills the by-field table: header then rows, rectangular', () => {
      const logic = createFunctionsLogic(REAL);
      const m = logic.summary(values);
      const a = analyzeSheet({ name: '', values: structuredClone(values), merges: [] }, { lang: 'vi' });
      const fields = buildSummaryTables(a, 'vi').find((t) => t.key === 'fields')!;
      assert.deepEqual(m[0], fields.header);
      assert.equal(m.length, fields.rows.length + 1);
      assert.ok(m.every((r) => r.length === m[0]!.length));
      assert.ok(m.flat().every((c) => c !== null && c !== undefined));
    });

    it('200 calls over the same range cost one analysis', () => {
      const logic = createFunctionsLogic(REAL);
      const start = process.hrtime.bigint();
      for (let i = 0; i < 200; i++) logic.score(values.map((r) => r.slice()), 'max');
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      assert.equal(logic.cache.misses, 1);
      assert.ok(ms < 2000, `${ms} ms`);
    });
  });

  it('every message exists in both languages', () => {
    assert.deepEqual(Object.keys(FUNCTION_MESSAGES.vi).sort(), Object.keys(FUNCTION_MESSAGES.en).sort());
    for (const lang of ['vi', 'en'] as const) {
      for (const [key, f] of Object.entries(FUNCTION_MESSAGES[lang])) {
        assert.ok(f({ measure: 'm', text: 't', detail: 'd' }).length > 0, `${lang}.${key}`);
      }
    }
  });
});
