// What real Excel hands the CCHC.* functions besides plain strings and numbers, and ranges cut in
// the wrong place: error cells (allowErrorForDataTypeAny), data types (allowCustomDataForDataTypeAny:
// FormattedNumber, entities…), a range without its header rows or without the self-assessment
// columns, and TRUE/FALSE arguments.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import {
  analyzeSheet,
  buildSummaryTables,
  evaluateThreshold,
  formatThreshold,
  parseTarget,
  renderFinding,
  uiMessage,
  type Analysis,
} from '../model';
import {
  CHECK_WORDS,
  createFunctionsLogic,
  excelErrorText,
  FUNCTION_MESSAGES,
  FunctionInputError,
  plainValue,
  setFunctionsLanguage,
  type FunctionsEngine,
} from '../addin/functions/logic';
import { parcheck, parscore, partarget, parsummary } from '../addin/functions/functions';
import { snapshotOf } from '../xlsx/read';
import { EXAMPLE, LAOCAI, loadSnapshot } from './helpers/fixtures';

const REAL: FunctionsEngine = { analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold };

function throwsInput(fn: () => unknown, code: 'invalidValue' | 'notAvailable', key: string, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof FunctionInputError, String(e));
    assert.equal(e.code, code);
    assert.equal(e.key, key);
    if (message) assert.match(e.message, message);
    return true;
  });
}

/** The Excel error (code and message) a wrapper in functions.ts gives. */
function excelError(fn: () => unknown): { code: unknown; message: string } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code?: unknown }).code, message: (e as Error).message };
  }
  assert.fail('no error');
}

const inv = (address: string) => ({ parameterAddresses: [address] }) as CustomFunctions.Invocation;

/** Totals and finding messages: what "the same numbers and findings" means. */
function outcome(a: Analysis): { totals: unknown; findings: string[] } {
  assert.ok(a.ok, a.error?.message);
  return { totals: a.score.totals, findings: a.findings.map((f) => `${f.row}:${f.column}:${renderFinding(f, 'vi').message}`) };
}

/** Rows r1..r2, columns c1..c2 (1-based) of a snapshot's values: a range as Excel passes it. */
function range(values: unknown[][], r1: number, c1: number, r2: number, c2: number): unknown[][] {
  return values.slice(r1 - 1, r2).map((r) => Array.from({ length: c2 - c1 + 1 }, (_, j) => r[c1 - 1 + j] ?? ''));
}

// The documented shapes (Excel.ErrorCellValue / FormattedNumberCellValue / DoubleCellValue /
// EntityCellValue; CustomFunctions.Error for input errors).
const NA = { type: 'Error', basicType: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' };
const REF = { type: 'Error', basicType: 'Error', basicValue: '#REF!', errorType: 'Ref' };
const formatted = (n: number) => ({ type: 'FormattedNumber', basicType: 'Double', basicValue: n, numberFormat: '0.00' });

describe('custom functions: Excel values and cut ranges', () => {
  let example: unknown[][] = [];
  before(async () => {
    example = (await loadSnapshot(EXAMPLE)).values;
  });
  afterEach(() => setFunctionsLanguage('vi'));

  describe('error cells in the table (allowErrorForDataTypeAny lets them in)', () => {
    it('read as the error text the CLI reads from the file: same numbers and findings', async () => {
      // The CLI's view: the example saved with #N/A in L8 (self-assessed points) and #REF! in K9.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(EXAMPLE);
      const ws = wb.worksheets[0]!;
      ws.getCell('L8').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
      ws.getCell('K9').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
      const cli = outcome(analyzeSheet(snapshotOf(ws)));
      assert.ok(cli.findings.some((f) => f.includes('"#N/A"')), cli.findings.join('\n'));

      // Excel's view of A1:N123: the same cells as error values, in each documented shape.
      for (const [na, ref] of [
        [NA, REF],
        [{ type: 'Error', errorType: 'NotAvailable' }, { type: 'Error', errorType: 'Ref' }], // basicValue is optional
        [{ code: '#N/A' }, { code: '#REF!' }], // a CustomFunctions.Error
      ]) {
        const values = example.map((r) => r.slice());
        values[7]![11] = na;
        values[8]![10] = ref;
        const logic = createFunctionsLogic(REAL);
        assert.deepEqual(outcome(logic.analyze(values, 'Phụ lục')), cli, JSON.stringify(na));
        assert.equal(parscore(values, 'claimed', null, inv("'Phụ lục'!A1:N123")), (cli.totals as { claimed: number }).claimed);
        assert.ok(!JSON.stringify(parsummary(values, null, inv("'Phụ lục'!A1:N123"))).includes('[object Object]'));
      }
    });

    it('excelErrorText knows the shapes and nothing else', () => {
      assert.equal(excelErrorText(NA), '#N/A');
      assert.equal(excelErrorText({ type: 'Error', errorType: 'Div0' }), '#DIV/0!');
      assert.equal(excelErrorText({ code: '#NAME?' }), '#NAME?');
      for (const v of ['#N/A', 0, true, null, undefined, formatted(1), [[1]], new Date(0), { code: 42 }]) assert.equal(excelErrorText(v), null, String(v));
    });
  });

  describe('data types (FormattedNumber, entities…) are unwrapped to their basicValue', () => {
    it('a FormattedNumber / Double points cell keeps its points; an entity is what Range.values shows', () => {
      const plain = outcome(createFunctionsLogic(REAL).analyze(example, 'Phụ lục'));
      const values = example.map((r) => r.slice());
      values[7]![2] = formatted(values[7]![2] as number); // C8, maximum points
      values[7]![11] = { type: 'Double', basicValue: values[7]![11], numberFormat: '0.00' }; // L8, self-assessed
      values[7]![3] = formatted(values[7]![3] as number);
      assert.deepEqual(outcome(createFunctionsLogic(REAL).analyze(values, 'Phụ lục')), plain);

      // An entity in the field name B7: its basicValue ("#VALUE!", what the pane and a saved file
      // hold), or its display text when it comes without one; never "[object Object]".
      const name = values[6]![1] as string;
      const withEntity = example.map((r) => r.slice());
      withEntity[6]![1] = { type: 'Entity', text: name, basicType: 'Error', basicValue: '#VALUE!', properties: {} };
      const asText = example.map((r) => r.slice());
      asText[6]![1] = '#VALUE!';
      assert.deepEqual(outcome(createFunctionsLogic(REAL).analyze(withEntity, 'Phụ lục')), outcome(createFunctionsLogic(REAL).analyze(asText, 'Phụ lục')));
      withEntity[6]![1] = { type: 'Entity', text: name, properties: {} };
      const summary = parsummary(withEntity, null, inv("'Phụ lục'!A1:N123"));
      assert.equal(summary[1]![1], name);
      assert.ok(!JSON.stringify(summary).includes('[object Object]'));
    });

    it('plainValue: basicValue, else the error text, else the display text, else "#VALUE!"', () => {
      assert.equal(plainValue(formatted(0.95)), 0.95);
      assert.equal(plainValue({ type: 'String', basicValue: 'Đạt' }), 'Đạt');
      assert.equal(plainValue({ type: 'Boolean', basicValue: false }), false);
      assert.equal(plainValue({ type: 'Error', errorType: 'Ref' }), '#REF!');
      assert.equal(plainValue({ type: 'Entity', text: 'Sở Nội vụ' }), 'Sở Nội vụ');
      assert.equal(plainValue({ type: 'WebImage', address: 'https://x' }), '#VALUE!');
      for (const v of ['x', 1, true, null, undefined]) assert.equal(plainValue(v), v);
    });

    it('PARCHECK / PARTARGET read a FormattedNumber target or result as its number', () => {
      assert.equal(partarget(formatted(0.95)), '≥ 95%');
      assert.equal(parcheck(formatted(0.95), 0.96), CHECK_WORDS.vi.met);
      assert.equal(parcheck('≥ 95%', formatted(0.96)), CHECK_WORDS.vi.met);
      assert.equal(parcheck('≥ 95%', formatted(0.9)), `${CHECK_WORDS.vi.unmet} ≥ 95%`);
      assert.equal(parcheck('Đạt', { type: 'String', basicValue: 'Đạt' }), parcheck('Đạt', 'Đạt'));
    });

    it('an error argument of PARCHECK / PARTARGET comes back as an error naming it, never read as a target text', () => {
      for (const [lang, target, actual] of [
        ['vi', 'chỉ tiêu', 'kết quả thực hiện'],
        ['en', 'target', 'actual result'],
      ] as const) {
        setFunctionsLanguage(lang);
        const t = excelError(() => partarget(NA));
        assert.equal(t.code, '#N/A'); // IFNA still catches it
        assert.ok(t.message.includes(target) && t.message.includes('#N/A'), t.message);
        const a = excelError(() => parcheck('≥ 95%', REF));
        assert.equal(a.code, '#VALUE!'); // #REF! cannot be returned by a custom function
        assert.ok(a.message.includes(actual) && a.message.includes('#REF!'), a.message);
        assert.equal(excelError(() => parcheck({ code: '#DIV/0!' }, 0.9)).code, '#VALUE!');
      }
    });
  });

  describe('a range without its header rows', () => {
    it('says the range lacks the header row and names it (Vietnamese; English with the UI language)', () => {
      const noHeader = range(example, 7, 1, 123, 14); // A7:N123, the header being rows 5–6
      const address = "'Phụ lục'!A7:N123";
      for (const lang of ['vi', 'en'] as const) {
        setFunctionsLanguage(lang);
        const e = excelError(() => parscore(noHeader, undefined, null, inv(address)));
        assert.equal(e.code, '#VALUE!');
        assert.equal(e.message, FUNCTION_MESSAGES[lang]['no-table']({ range: address }));
        assert.ok(e.message.includes(address), e.message);
        assert.match(e.message, lang === 'vi' ? /bắt đầu từ dòng tiêu đề/ : /start at the table's header row/);
        assert.doesNotMatch(e.message, lang === 'vi' ? /trang tính/ : /in sheet/);
        // The wording of a range without address (model/messages.ts), then what to change.
        assert.ok(e.message.startsWith(uiMessage(lang, 'no-table', { sheet: '' }).replace(/ in the range$|trong vùng dữ liệu$/, '')), e.message);
        assert.equal(excelError(() => parsummary(noHeader, null, inv(address))).message, e.message);
        // Without the address (CustomFunctionsRuntime before 1.3): the range, unnamed.
        assert.ok(excelError(() => parscore(noHeader)).message.startsWith(`${uiMessage(lang, 'no-table', { sheet: '' })}: `));
      }
      // The workbook part of an address is left out of the name.
      setFunctionsLanguage('vi');
      assert.ok(excelError(() => parscore(noHeader, 'max', null, inv("'[Kế hoạch.xlsx]Phụ lục'!A7:N123"))).message.includes(`vùng ${address}:`));
    });

    it('a range that leaves out the STT column says so', () => {
      const e = excelError(() => parscore(range(example, 5, 2, 123, 14), undefined, null, inv("'Phụ lục'!B5:N123")));
      assert.equal(e.code, '#VALUE!');
      assert.equal(e.message, FUNCTION_MESSAGES.vi['no-stt']({ range: "'Phụ lục'!B5:N123" }));
    });
  });

  describe('a range without the self-assessment columns', () => {
    it('PARSCORE(A5:J123) is #N/A for claimed / accepted / at risk / index, and the maximum still counts', async () => {
      for (const values of [range(example, 5, 1, 123, 10), range((await loadSnapshot(LAOCAI)).values, 5, 1, 123, 10)]) {
        const logic = createFunctionsLogic(REAL);
        for (const m of [undefined, 'claimed', 'accepted', 'risk', 'index']) {
          throwsInput(() => logic.score(values, m, 'Phụ lục'), 'notAvailable', 'no-self-points', /cột điểm tự đánh giá/);
        }
        assert.equal(logic.score(values, 'max', 'Phụ lục'), 64.5);
        assert.equal(excelError(() => parscore(values, undefined, null, inv("'Phụ lục'!A5:J123"))).code, '#N/A');
      }
      // With the columns (A5:N123) the accepted points are there.
      assert.equal(createFunctionsLogic(REAL).score(range(example, 5, 1, 123, 14)), 58.75);
    });
  });

  describe('TRUE / FALSE arguments', () => {
    it('a boolean target is #VALUE! with a message, not the target "true"', () => {
      for (const lang of ['vi', 'en'] as const) {
        setFunctionsLanguage(lang);
        for (const b of [true, false]) {
          for (const fn of [() => partarget(b), () => parcheck(b, 'Đạt'), () => parcheck(b, 1)]) {
            const e = excelError(fn);
            assert.equal(e.code, '#VALUE!');
            assert.equal(e.message, FUNCTION_MESSAGES[lang]['target-boolean']({ text: b ? 'TRUE' : 'FALSE' }));
          }
        }
      }
    });

    it('a boolean result (a ticked checkbox) is undetermined, as the table check of that row says', () => {
      for (const target of ['Đạt', 'Hoàn thành', '≥ 95%']) {
        const threshold = parseTarget(target)[0]!.threshold;
        for (const b of [true, false]) {
          assert.equal(parcheck(target, b), CHECK_WORDS.vi.unknown, `${target} / ${b}`);
          assert.equal(evaluateThreshold(threshold, b).status, 'not-evaluable'); // what validate.ts sees in the cell
        }
      }
    });
  });
});
