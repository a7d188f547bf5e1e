import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { pointsText } from '../cli/report';
import { formatPoints as checkerPoints } from '../addin/checker/i18n';
import { formatPoints, formatViExact, formatViNumber, parseViNumber, plainNumberBody, viToEnNumber } from '../model/numbers';
import type { ThresholdOp } from '../model/types';

const ok = (value: number, percent = false, op?: ThresholdOp) =>
  op ? { ok: true, value, percent, op } : { ok: true, value, percent };

describe('parseViNumber', () => {
  const good: [unknown, object][] = [
    [1.75, ok(1.75)],
    [0, ok(0)],
    [-3, ok(-3)],
    ['1,75', ok(1.75)],
    ['0.25', ok(0.25)],
    ['93,5%', ok(93.5, true)],
    ['100.000', ok(100000)],
    ['1.234', ok(1234)],
    ['1.25', ok(1.25)],
    ['0.5', ok(0.5)],
    ['0.500', ok(0.5)],
    ['1234.567', ok(1234.567)],
    ['1.000.000', ok(1000000)],
    ['1,234,567', ok(1234567)],
    ['1.234,5', ok(1234.5)],
    ['1,234.5', ok(1234.5)],
    ['12.345.678,9', ok(12345678.9)],
    [' 64.5 ', ok(64.5)],
    ['\u00a064,5\t', ok(64.5)],
    ['100 %', ok(100, true)],
    ['100%', ok(100, true)],
    ['+5', ok(5)],
    ['-5', ok(-5)],
    ['\u22125,5', ok(-5.5)],
    ['- 2', ok(-2)],
    ['-0', ok(0)],
    ['01', ok(1)],
    ['≥ 80%', ok(80, true, '>=')],
    ['>= 80 %', ok(80, true, '>=')],
    ['=> 80', ok(80, false, '>=')],
    ['>95%', ok(95, true, '>')],
    ['<5', ok(5, false, '<')],
    ['≤ 3', ok(3, false, '<=')],
    ['<= 3', ok(3, false, '<=')],
    ['= 7', ok(7, false, '=')],
    ['100'.normalize('NFD'), ok(100)],
    [BigInt(42), ok(42)],
  ];
  for (const [input, expected] of good) {
    it(`reads ${JSON.stringify(String(input))}`, () => {
      assert.deepEqual(parseViNumber(input), expected);
    });
  }

  const empty: unknown[] = [null, undefined, '', '   ', '\n\t', '\u00a0'];
  for (const input of empty) {
    it(`empty for ${JSON.stringify(input)}`, () => {
      assert.deepEqual(parseViNumber(input), { ok: false, empty: true, raw: '' });
    });
  }

  const bad: unknown[] = [
    'abc',
    '1.2.3',
    '1,2,3',
    '12.34.567',
    '1.234.5',
    '1,234.5,6',
    '5 TTHC',
    '%',
    '≥',
    '1e5',
    'Infinity',
    'NaN',
    '.5',
    '5.',
    '1' + '0'.repeat(400),
    NaN,
    Infinity,
    -Infinity,
    true,
    {},
    [],
    new Date(0),
  ];
  for (const input of bad) {
    it(`not a number: ${typeof input === 'string' ? JSON.stringify(input.slice(0, 20)) : String(input)}`, () => {
      const r = parseViNumber(input);
      assert.equal(r.ok, false);
      if (!r.ok) assert.equal(r.empty, false);
    });
  }

  it('keeps the raw text of what it could not read', () => {
    assert.deepEqual(parseViNumber('  abc '), { ok: false, empty: false, raw: 'abc' });
  });

  it('never throws, whatever the input', () => {
    const odd: unknown[] = [Object.create(null), Symbol('x'), () => 1, new Map(), 'x'.repeat(1_000_000)];
    for (const v of odd) assert.doesNotThrow(() => parseViNumber(v));
    fc.assert(fc.property(fc.anything(), (v) => typeof parseViNumber(v).ok === 'boolean'));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (v) => typeof parseViNumber(v).ok === 'boolean'));
  });
});

describe('plainNumberBody', () => {
  it('is the length of the digits of a plain number text (digits, "." and ",", then at most a final "%")', () => {
    const cases: [string, number][] = [
      ['97', 2], ['97%', 2], ['1,75', 4], ['100.000%', 7], ['0,97', 4], ['7.', 2], ['1'.repeat(64), 64],
      ['', 0], ['%', 0], ['97 %', 0], [' 97', 0], ['+97', 0], ['97%%', 0], ['9%7', 0], ['Đạt 97%', 0], ['.5', 0], ['1'.repeat(65), 0],
    ];
    for (const [s, n] of cases) assert.equal(plainNumberBody(s), n, s);
  });
});

describe('formatPoints (the CLI report, the batch table and the browser checker)', () => {
  it('prints none and non-finite as "–", Vietnamese with the decimal comma, English plain', () => {
    for (const lang of ['vi', 'en'] as const) {
      assert.equal(formatPoints(null, lang), '–');
      assert.equal(formatPoints(NaN, lang), '–');
      assert.equal(formatPoints(Infinity, lang), '–');
    }
    assert.equal(formatPoints(1.75, 'vi'), '1,75');
    assert.equal(formatPoints(1.75, 'en'), '1.75');
    assert.equal(formatPoints(12345.678, 'vi'), '12.345,68');
    assert.equal(formatPoints(12345.678, 'en'), '12345.68');
    assert.equal(formatPoints(1 / 3, 'en'), '0.33');
  });

  it('is the one function both hosts print with', () => {
    assert.equal(pointsText, formatPoints);
    assert.equal(checkerPoints, formatPoints);
  });
});

describe('formatViNumber', () => {
  const cases: [number, number | undefined, string][] = [
    [1.75, undefined, '1,75'],
    [64.5, undefined, '64,5'],
    [100, undefined, '100'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [-0.001, undefined, '0'],
    [2019, undefined, '2019'],
    [9999.5, undefined, '9999,5'],
    [10000, undefined, '10.000'],
    [100000, undefined, '100.000'],
    [1234567.891, undefined, '1.234.567,89'],
    [-12345.5, undefined, '-12.345,5'],
    [1 / 3, undefined, '0,33'],
    [1 / 3, 4, '0,3333'],
    [2.5, 0, '3'],
    [1e21, undefined, '1.000.000.000.000.000.000.000'],
  ];
  for (const [n, d, expected] of cases) {
    it(`${n} → ${expected}`, () => assert.equal(formatViNumber(n, d), expected));
  }

  it('returns "" for non-finite numbers', () => {
    assert.equal(formatViNumber(NaN), '');
    assert.equal(formatViNumber(Infinity), '');
  });

  it('round-trips through parseViNumber for any finite number rounded to maxDecimals', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const r = Number(x.toFixed(d)) + 0; // + 0 turns -0 into 0
        const back = parseViNumber(formatViNumber(r, d));
        return back.ok && back.value === r && !back.percent;
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips everyday values', () => {
    for (const r of [0.01, 0.1, 1.05, 12.5, 95, 99.99, 1000, 1000.5, 10000.25, 123456789.12, -7.5]) {
      const back = parseViNumber(formatViNumber(r));
      assert.ok(back.ok && back.value === r, `${r}`);
    }
  });
});

describe('viToEnNumber', () => {
  it('writes what formatViNumber / formatViExact made the English way, and the same number', () => {
    assert.equal(viToEnNumber('1,5'), '1.5');
    assert.equal(viToEnNumber('12.345,5'), '12,345.5');
    assert.equal(viToEnNumber('-0,25'), '-0.25');
    assert.equal(viToEnNumber('2019'), '2019');
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        for (const vi of [formatViNumber(x, d), formatViExact(x)]) {
          const en = viToEnNumber(vi);
          assert.equal(Number(en.replace(/,/g, '')), parseViNumber(vi).ok ? (parseViNumber(vi) as { value: number }).value : NaN, `${vi} → ${en}`);
        }
      }),
    );
  });

  it('leaves any other text as it is', () => {
    for (const t of ['', 'abc', '1.2.3', '05/12/2021', '1,2,3', '93,5%', '1.5', '12.34']) assert.equal(viToEnNumber(t), t);
  });
});
