// Property-based tests: for arbitrary text and arbitrary (hostile) cell grids shaped like real
// appendices, the engine never throws, always answers, and keeps its invariants.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  analyzeSheet,
  buildInlineMarks,
  buildSummaryTables,
  columnNumber,
  couldBeNumber,
  evaluateThreshold,
  formatThreshold,
  formatViNumber,
  matchAgency,
  parseAgencies,
  parseTarget,
  parseViNumber,
  type Analysis,
  type MergeArea,
  type ScoreTotals,
  type SheetSnapshot,
  type Threshold,
} from '../model';
import { cleanText } from '../model/text';

// PARSCORE_PROPERTY_SCALE=20 npm test runs 20× as many cases (a deeper hunt; the default keeps the file fast).
const SCALE = Number(process.env.PARSCORE_PROPERTY_SCALE ?? 1) || 1;
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * SCALE)) });
const RUNS = runs(200);
const EPS = 1e-6;

// ---------------------------------------------------------------------------------------------
// Arbitraries

const nfd = (s: string) => s.normalize('NFD');

/** Objects a host might hand over by mistake, including ones that refuse to become text. */
const HOSTILE_OBJECTS: unknown[] = [
  Object.create(null),
  { toString: () => { throw new Error('no'); } },
  { valueOf: () => { throw new Error('no'); }, toString: () => { throw new Error('no'); } },
  { [Symbol.toPrimitive]: () => { throw new Error('no'); } },
  { richText: [{ text: 'Sở ' }, { text: 'Nội vụ' }] },
  { richText: 'not an array' },
  { formula: 'SUM(A1:A3)', result: 7 },
  { sharedFormula: 'A1', result: '=1+1' },
  { error: '#REF!' },
  { text: 'link', hyperlink: 'http://evil' },
  new Date(Number.NaN),
  new Date(8.64e15),
  new Date(-8.64e15),
  [1, 2, 3],
  new Map([[1, 2]]),
  Symbol('cell'),
  10n ** 30n,
  () => 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
];

const HUGE = ['x'.repeat(100_000), 'Sở Nội vụ, '.repeat(5_000), '≥ 95% '.repeat(10_000), '1,'.repeat(30_000), 'ạ'.repeat(40_000), nfd('Ủy ban nhân dân ').repeat(3_000)];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(nfd) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '\r\n', '<br>', '&nbsp;', '=1+1', '+cmd', '-1', '@SUM(1)', '\u200b', '\u00a0') },
);

/** Any cell value: text, numbers (also as text), booleans, Dates, null, objects, huge strings. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
  { weight: 1, arbitrary: fc.double().map((x) => String(x).replace('.', ',')) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_OBJECTS) },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
);

const maybeNfd = (a: fc.Arbitrary<string>) => fc.tuple(a, fc.boolean()).map(([s, d]) => (d ? nfd(s) : s));

const ROLES = ['code', 'name', 'maxPoints', 'selfPoints', 'evidence', 'actual', 'lead', 'target', 'explanation', 'junk'] as const;
type Role = (typeof ROLES)[number];

const HEADERS: Record<Role, string[]> = {
  code: ['STT', 'TT', 'stt', 'Số TT'],
  name: ['Tên tiêu chí', 'Lĩnh vực/ Tiêu chí/ Tiêu chí thành phần', 'TÊN TIÊU CHÍ', 'Nội dung'],
  maxPoints: ['Điểm tối đa', 'Điểm  tối   đa', 'ĐIỂM TỐI ĐA'],
  selfPoints: ['Điểm tự đánh giá', 'Điểm tự chấm'],
  evidence: ['Tài liệu kiểm chứng', 'Minh chứng'],
  actual: ['Kết quả thực hiện', 'Kết quả đạt được'],
  lead: ['Cơ quan chủ trì', 'Chủ trì', 'Đơn vị chủ trì'],
  target: ['Mục tiêu', 'Chỉ tiêu'],
  explanation: ['Giải trình'],
  junk: ['Ghi chú', 'Cột trống', '=HYPERLINK("http://evil","x")', ''],
};

const VALUES: Record<Role, fc.Arbitrary<unknown>> = {
  code: fc.oneof(
    fc.constantFrom('1', '1.1', '1.2', '1.10', '2', '2.1', '2.1.1', '3.3.1', 'I', 'II', 'IV', 'a', 'b', '(1)', '1.1.', '1)', ''),
    fc.integer({ min: 1, max: 12 }).map(String),
    fc.constantFrom(1, 2, 1.1, 1.2, 2.1, 3),
    anyCell,
  ),
  name: fc.oneof(
    maybeNfd(fc.constantFrom('CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC', 'Ban hành kế hoạch CCHC', '(1) Ban hành đúng thời gian', '(2) Kịp thời', 'Tổng cộng', 'Tổng', 'Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu: Năm 2022, trong tốp 20/63', 'tiếp theo của dòng trên', '+cmd|\' /C calc\'!A0')),
    anyCell,
  ),
  maxPoints: fc.oneof(fc.constantFrom(0.5, 1, 1.5, 2, 10, '1,5', '0,25', '1.75', '2', 'abc', 'Điều tra XHH', 'Không phát sinh', 'KPS', '-1', -3, '1e308', '100.000'), fc.double({ min: -5, max: 100, noNaN: true }), anyCell),
  selfPoints: fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 20, '1,5', '-0,5', 'một điểm', 'KAD'), fc.double({ min: -5, max: 100, noNaN: true }), anyCell),
  evidence: fc.oneof(fc.constantFrom('', 'Quyết định số 12/QĐ-UBND', 'Báo cáo 5/BC-SNV'), anyCell),
  actual: fc.oneof(fc.constantFrom('Đạt', '97%', 'Không đạt', '52/54 hồ sơ', 96, 0.9, 'Không phát sinh', '', 'Tăng 5%', 'Hoàn thành'), anyCell),
  lead: fc.oneof(
    maybeNfd(fc.constantFrom('Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Tư pháp; Sở Tài chính', 'UBND cấp huyện', 'Sở Nôi vụ', 'Các Sở, ban, ngành', 'Sở Nội vụ chủ trì, phối hợp Sở Tư pháp', '=HYPERLINK("http://evil","x")', '@SUM(1)')),
    anyCell,
  ),
  target: fc.oneof(maybeNfd(fc.constantFrom('≥ 95%', 'Đạt 100%', 'ít nhất 01 lần/năm', 'Tăng so với năm 2018', 'Không có sai phạm', 'từ 5 đến 10 lớp', '1,25', 'Giảm 5%/năm', 'không vượt quá số lượng biên chế được giao')), anyCell),
  explanation: fc.oneof(fc.constantFrom('', 'Đang chờ quyết định'), anyCell),
  junk: anyCell,
};

type RowSpec =
  | { kind: 'data'; cells: Partial<Record<Role, unknown>> }
  | { kind: 'empty' }
  | { kind: 'header' }
  | { kind: 'numbers' }
  | { kind: 'raw'; cells: unknown[] };

const dataRow: fc.Arbitrary<RowSpec> = fc.record(
  Object.fromEntries(ROLES.map((r) => [r, VALUES[r]])) as Record<Role, fc.Arbitrary<unknown>>,
  { requiredKeys: [] },
).map((cells) => ({ kind: 'data' as const, cells }));

const rowSpec: fc.Arbitrary<RowSpec> = fc.oneof(
  { weight: 12, arbitrary: dataRow },
  { weight: 1, arbitrary: fc.constant<RowSpec>({ kind: 'empty' }) },
  { weight: 1, arbitrary: fc.constant<RowSpec>({ kind: 'header' }) },
  { weight: 1, arbitrary: fc.constant<RowSpec>({ kind: 'numbers' }) },
  { weight: 1, arbitrary: fc.array(anyCell, { maxLength: 14 }).map((cells): RowSpec => ({ kind: 'raw', cells })) },
);

/** Merges anywhere: inside, overlapping, past the sheet's edge, inverted, and (rarely) invalid. */
const merge: fc.Arbitrary<MergeArea> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ top: fc.integer({ min: 1, max: 50 }), left: fc.integer({ min: 1, max: 16 }), h: fc.integer({ min: 0, max: 4 }), w: fc.integer({ min: 0, max: 4 }) }).map(({ top, left, h, w }) => ({ top, left, bottom: top + h, right: left + w })) },
  { weight: 2, arbitrary: fc.record({ top: fc.integer({ min: 1, max: 1_048_576 }), left: fc.integer({ min: 1, max: 16_384 }), bottom: fc.integer({ min: 1, max: 1_048_576 }), right: fc.integer({ min: 1, max: 16_384 }) }) },
  { weight: 1, arbitrary: fc.record({ top: fc.integer({ min: -3, max: 5 }), left: fc.double(), bottom: fc.integer(), right: fc.integer({ min: 0, max: 3 }) }) },
);

interface Built {
  snap: SheetSnapshot;
  cols: number;
}

const appendixSheet: fc.Arbitrary<Built> = fc
  .record({
    name: fc.oneof(fc.constantFrom('Phụ lục', nfd('Phụ lục 1'), "Sheet 'A'", ''), fc.string({ maxLength: 31 })),
    title: fc.array(fc.array(anyCell, { maxLength: 3 }), { maxLength: 3 }),
    order: fc.shuffledSubarray([...ROLES], { minLength: ROLES.length }),
    keep: fc.array(fc.boolean(), { minLength: ROLES.length, maxLength: ROLES.length }),
    labels: fc.array(fc.nat(), { minLength: ROLES.length, maxLength: ROLES.length }),
    nfdHeader: fc.boolean(),
    subHeader: fc.boolean(),
    rows: fc.array(rowSpec, { maxLength: 40 }),
    merges: fc.array(merge, { maxLength: 8 }),
    origin: fc.option(fc.record({ row: fc.integer({ min: 1, max: 9 }), col: fc.integer({ min: 1, max: 4 }) }), { nil: undefined }),
  })
  .map(({ name, title, order, keep, labels, nfdHeader, subHeader, rows, merges, origin }) => {
    const roles = order.filter((r, i) => r === 'code' || r === 'name' || keep[i]);
    const header = roles.map((r, i) => {
      const list = HEADERS[r];
      const h = list[labels[i]! % list.length]!;
      return nfdHeader ? nfd(h) : h;
    });
    const values: unknown[][] = [...title.map((r) => [...r])];
    values.push(header);
    if (subHeader) values.push(roles.map((r) => (r === 'lead' ? 'Chủ trì' : null)));
    for (const spec of rows) {
      if (spec.kind === 'empty') values.push([]);
      else if (spec.kind === 'header') values.push([...header]);
      else if (spec.kind === 'numbers') values.push(roles.map((_, i) => `(${i + 1})`));
      else if (spec.kind === 'raw') values.push([...spec.cells]);
      else values.push(roles.map((r) => spec.cells[r] ?? null));
    }
    let cols = 0;
    for (const r of values) cols = Math.max(cols, r.length);
    const snap: SheetSnapshot = { name, values, merges };
    if (origin) snap.origin = origin;
    return { snap, cols };
  });

// ---------------------------------------------------------------------------------------------
// Invariants

function totalsOk(t: ScoreTotals, what: string): void {
  for (const k of ['max', 'claimed', 'accepted', 'atRisk'] as const) assert.ok(Number.isFinite(t[k]), `${what}.${k} = ${t[k]}`);
  const cap = Math.min(t.claimed, t.max);
  assert.ok(t.accepted >= -EPS, `${what}: accepted ${t.accepted} < 0`);
  assert.ok(t.accepted <= cap + EPS, `${what}: accepted ${t.accepted} > min(claimed ${t.claimed}, max ${t.max})`);
  assert.ok(cap <= t.max + EPS, `${what}: min(claimed, max) > max`);
  assert.ok(t.atRisk >= 0, `${what}: atRisk ${t.atRisk} < 0`);
  assert.ok(t.indexPercent === null || Number.isFinite(t.indexPercent), `${what}: indexPercent ${t.indexPercent}`);
}

function checkAnalysis(b: Built, a: Analysis): void {
  assert.equal(typeof a.ok, 'boolean');
  assert.ok(Array.isArray(a.findings));
  if (!a.ok) {
    assert.equal(typeof a.error?.message, 'string');
    assert.ok(a.error!.message.length > 0);
    return;
  }
  const s = a.score;
  totalsOk(s.totals, 'totals');
  s.fields.forEach((f, i) => totalsOk(f, `fields[${i}] ${f.code}`));
  s.agencies.forEach((g, i) => totalsOk(g, `agencies[${i}] ${g.name}`));
  for (const k of ['max', 'claimed', 'accepted', 'atRisk'] as const) {
    const sum = s.fields.reduce((x, f) => x + f[k], 0);
    assert.ok(Math.abs(sum - s.totals[k]) <= EPS * Math.max(1, s.fields.length, Math.abs(sum)), `totals.${k} ${s.totals[k]} ≠ Σ fields ${sum}`);
  }
  const row0 = b.snap.origin?.row ?? 1;
  const col0 = b.snap.origin?.col ?? 1;
  const lastRow = row0 + b.snap.values.length - 1;
  const lastCol = col0 + b.cols - 1;
  for (const f of a.findings) {
    assert.ok(Number.isInteger(f.row) && f.row >= row0 && f.row <= lastRow, `finding ${f.kind} row ${f.row} outside ${row0}…${lastRow}`);
    if (f.column !== '') {
      const c = columnNumber(f.column);
      assert.ok(c >= col0 && c <= lastCol, `finding ${f.kind} column ${f.column} outside the sheet's columns`);
    }
  }
  // What hosts write from the analysis is built without throwing, inside the sheet, as plain data.
  const marks = buildInlineMarks(a);
  if (marks) {
    assert.ok(marks.firstRow >= row0 && marks.lastRow <= lastRow);
    assert.equal(marks.status.length, marks.lastRow - marks.firstRow + 1);
  }
  for (const t of buildSummaryTables(a)) {
    for (const r of t.rows) for (const v of r) assert.ok(v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)), `${t.key}: ${String(v)}`);
  }
}

// ---------------------------------------------------------------------------------------------

describe('properties: analyzeSheet on arbitrary appendix-shaped grids', function () {
  this.timeout(60000);

  it('never throws, always answers, and keeps every score and finding invariant', () => {
    let real = 0;
    let runs = 0;
    fc.assert(
      fc.property(appendixSheet, (b) => {
        runs++;
        const a = analyzeSheet(b.snap);
        checkAnalysis(b, a);
        if (a.ok && a.appendix.items.length > 0) real++;
        for (const policy of ['explain', 'flag'] as const) checkAnalysis(b, analyzeSheet(b.snap, { evidencePolicy: policy, lang: 'en' }));
      }),
      RUNS,
    );
    // The properties exercise the reader, validation and scoring, not only the "no table" path.
    assert.ok(real / runs > 0.5, `only ${real}/${runs} grids were read as appendices`);
  });

  it('reads the same appendix whether header and cells are NFC or NFD', () => {
    fc.assert(
      fc.property(appendixSheet, (b) => {
        const toNfd = (v: unknown) => (typeof v === 'string' ? nfd(v) : v);
        const d: SheetSnapshot = { ...b.snap, values: b.snap.values.map((r) => r.map(toNfd)) };
        const x = analyzeSheet(b.snap);
        const y = analyzeSheet(d);
        assert.equal(y.ok, x.ok);
        assert.deepEqual(y.score, x.score);
        assert.deepEqual(
          y.findings.map((f) => [f.kind, f.row, f.column]),
          x.findings.map((f) => [f.kind, f.row, f.column]),
        );
      }),
      runs(100),
    );
  });

  it('never throws on snapshots that are not snapshots', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const a = analyzeSheet(v as SheetSnapshot);
        assert.equal(a.ok, false);
      }),
      runs(300),
    );
    for (const v of [null, undefined, 1, 'x', { name: 'x' }, { name: 'x', values: 'y', merges: [] }, { name: 1, values: [[1]], merges: [] }]) {
      assert.equal(analyzeSheet(v as unknown as SheetSnapshot).ok, false);
    }
  });

  it('refuses, without allocating it, a grid claiming A1:XFD1048576', () => {
    const last: unknown[] = [];
    last[16_383] = 'x';
    const values: unknown[][] = new Array<unknown[]>(1_048_575).fill([]);
    values.push(last);
    const t0 = Date.now();
    const a = analyzeSheet({ name: 'Phụ lục', values, merges: [{ top: 1, left: 1, bottom: 1_048_576, right: 16_384 }] });
    assert.equal(a.ok, false);
    assert.match(a.error!.message, /quá lớn để kiểm tra: 1048576 dòng × 16384 cột/);
    assert.match(analyzeSheet({ name: 'P', values, merges: [] }, { lang: 'en' }).error!.message, /too large to check/);
    assert.ok(Date.now() - t0 < 5000);
  });
});

describe('properties: numbers', () => {
  it('parseViNumber never throws and returns a well-formed result for anything', () => {
    fc.assert(
      fc.property(anyCell, (v) => {
        const p = parseViNumber(v);
        if (p.ok) {
          assert.ok(Number.isFinite(p.value));
          assert.equal(typeof p.percent, 'boolean');
        } else {
          assert.equal(typeof p.raw, 'string');
          assert.equal(typeof p.empty, 'boolean');
        }
      }),
      runs(300),
    );
  });

  it('parseViNumber is blind to NFC/NFD and to surrounding spaces', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.double().map(String), fc.constantFrom('≥ 95%', '1,75', '100.000', '−3', '1.234,5')), (s) => {
        assert.deepEqual(parseViNumber(nfd(s)), parseViNumber(s.normalize('NFC')));
        const p = parseViNumber(s);
        const q = parseViNumber(` \u00a0${s}\t `);
        assert.equal(q.ok, p.ok);
        if (p.ok && q.ok) assert.equal(q.value, p.value);
      }),
      runs(300),
    );
  });

  it('reads numbers written as text the Vietnamese way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }), fc.boolean(), fc.boolean(), (i, frac, pct, neg) => {
        const grouped = String(i).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        const f = frac === undefined ? '' : `,${String(frac).padStart(3, '0')}`;
        const s = `${neg ? '-' : ''}${grouped}${f}${pct ? '%' : ''}`;
        const p = parseViNumber(s);
        const expected = Number(`${i}${frac === undefined ? '' : `.${String(frac).padStart(3, '0')}`}`) * (neg ? -1 : 1);
        assert.ok(p.ok, s);
        assert.equal(p.value, expected === 0 ? 0 : expected, s);
        assert.equal(p.percent, pct);
      }),
      runs(300),
    );
  });

  it('couldBeNumber never turns away text parseViNumber reads as a number (callers skip the parse on it)', () => {
    const piece = fc.constantFrom('1', '0', '12', '.', ',', '%', '≥', '≤', '<', '>', '=', '+', '-', '−', ' ', '\u00a0', '\u2009', '\u200b', '\ufeff', '\u3000', '\u2028', '\u1680', '\t', '\n', 'a', 'Đ', 'ạ', 'e', 'x');
    fc.assert(
      fc.property(fc.oneof(fc.array(piece, { maxLength: 8 }).map((p) => p.join('')), text), (s) => {
        if (!couldBeNumber(s)) assert.ok(!parseViNumber(s).ok, JSON.stringify(s));
      }),
      runs(1000),
    );
  });

  it('formatViNumber never throws, and what it writes reads back', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), fc.oneof(fc.integer({ min: -5, max: 30 }), fc.double()), (x, d) => {
        const s = formatViNumber(x, d);
        assert.equal(typeof s, 'string');
        if (!Number.isFinite(x)) return assert.equal(s, '');
        assert.match(s, /^-?\d+(\.\d{3})*(,\d+)?$/);
        const p = parseViNumber(s);
        assert.ok(p.ok, s);
        // Within the rounding formatViNumber did (maxDecimals clamped to 0…20).
        const digits = Number.isFinite(d) ? Math.min(20, Math.max(0, Math.floor(d))) : 2;
        assert.ok(Math.abs(p.value - x) <= 0.5 * 10 ** -digits * (1 + 1e-9) + Math.abs(x) * 1e-15, `${x} → ${s} → ${p.value}`);
      }),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** Target-like text: real phrases and numbers mixed with noise, so the parser's real paths run. */
const targetText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('≥', '>', '<', '≤', 'ít nhất', 'tối thiểu', 'không quá', 'từ', 'đến', 'trở lên', 'tăng', 'giảm', 'so với', 'năm 2018', 'không có', 'không vượt quá', 'vượt', 'đạt', '%', '/năm', 'lần', 'TTHC', 'hồ sơ', ';', ',', '.', '\n', 'Mức 3', 'liền kề') },
      { weight: 3, arbitrary: fc.oneof(fc.integer({ min: 0, max: 100000 }).map(String), fc.integer({ min: 1, max: 9999 }).map((x) => String(x / 100).replace('.', ','))) },
      { weight: 1, arbitrary: text },
    ),
    { maxLength: 12 },
  )
  .map((ws) => ws.join(' '));

const anyThreshold: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.record({ kind: fc.constantFrom('compare', 'range', 'none', 'relative', 'qualitative', 'x'), op: fc.anything(), value: fc.anything(), unit: fc.anything(), per: fc.anything(), min: fc.anything(), max: fc.anything(), direction: fc.anything(), atLeast: fc.anything(), baseline: fc.anything(), text: fc.anything() }, { requiredKeys: ['kind'] }),
);

describe('properties: targets and thresholds', function () {
  this.timeout(60000);

  it('parseTarget never throws and returns well-formed targets for anything', () => {
    fc.assert(
      fc.property(fc.oneof(anyCell, targetText), (v) => {
        const got = parseTarget(v);
        assert.ok(Array.isArray(got));
        for (const t of got) {
          assert.equal(typeof t.text, 'string');
          assert.ok(['compare', 'range', 'none', 'relative', 'qualitative'].includes(t.threshold.kind));
        }
      }),
      runs(300),
    );
  });

  it('parse-then-format round-trips every checkable threshold found in arbitrary text', () => {
    let checked = 0;
    fc.assert(
      fc.property(targetText, (s) => {
        for (const { threshold } of parseTarget(s)) {
          if (threshold.kind === 'qualitative') continue;
          const shown = formatThreshold(threshold, 'vi');
          const back = parseTarget(shown);
          assert.equal(back.length, 1, `"${s}" → ${JSON.stringify(threshold)} → "${shown}" → ${JSON.stringify(back)}`);
          assert.deepEqual(back[0]!.threshold, threshold, `"${s}" → "${shown}"`);
          checked++;
        }
      }),
      runs(300),
    );
    assert.ok(checked > 100, `only ${checked} thresholds checked`);
  });

  it('evaluateThreshold and formatThreshold never throw, whatever the threshold and the actual value', () => {
    fc.assert(
      fc.property(fc.oneof(anyThreshold, targetText.map((s) => parseTarget(s)[0]?.threshold)), anyCell, (t, actual) => {
        for (const lang of ['vi', 'en'] as const) {
          const o = evaluateThreshold(t as Threshold, actual, lang);
          assert.ok(['met', 'unmet', 'not-evaluable'].includes(o.status));
          assert.equal(typeof o.reason, 'string');
          assert.equal(typeof formatThreshold(t as Threshold, lang), 'string');
        }
      }),
      runs(300),
    );
  });
});

// ---------------------------------------------------------------------------------------------

const agencyText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: maybeNfd(fc.constantFrom('Sở Nội vụ', 'Văn phòng UBND tỉnh', 'Sở Tư pháp', 'UBND cấp huyện', 'cấp xã', 'Sở Nôi vụ', 'Các Sở, ban, ngành', 'Công an tỉnh', 'chủ trì', 'phối hợp', 'và', ',', ';', '\n- ', '/', '1.', 'Do', 'Sở Kế hoạch và Đầu tư')) },
      { weight: 1, arbitrary: text },
    ),
    { maxLength: 10 },
  )
  .map((ws) => ws.join(' '));

describe('properties: agencies', function () {
  this.timeout(60000);

  it('parseAgencies never throws, never drops a non-empty cell, never repeats an agency', () => {
    fc.assert(
      fc.property(fc.oneof(agencyText, anyCell), (v) => {
        const refs = parseAgencies(v);
        assert.ok(Array.isArray(refs));
        const keys = new Set<string>();
        for (const r of refs) {
          assert.equal(typeof r.name, 'string');
          assert.equal(typeof r.raw, 'string');
          assert.equal(r.unknown, r.id === null);
          const k = r.id ?? `?${r.name}`;
          assert.ok(!keys.has(k), `${k} twice`);
          keys.add(k);
        }
        if (typeof v === 'string' && /[\p{L}\p{N}]/u.test(cleanText(v))) assert.ok(refs.length > 0, `"${v}" lost`);
      }),
      runs(300),
    );
  });

  it('is blind to NFC/NFD; a known agency matches its own canonical name', () => {
    fc.assert(
      fc.property(agencyText, (s) => {
        const refs = parseAgencies(s);
        assert.deepEqual(parseAgencies(nfd(s)), refs);
        for (const r of refs) if (r.id !== null) assert.equal(matchAgency(r.name).id, r.id, r.name);
      }),
      runs(300),
    );
  });

  it('matchAgency never throws and always answers', () => {
    fc.assert(
      fc.property(fc.oneof(agencyText, anyCell), (v) => {
        const r = matchAgency(v as string);
        assert.equal(typeof r.name, 'string');
        assert.equal(r.unknown, r.id === null);
      }),
      runs(300),
    );
  });
});
