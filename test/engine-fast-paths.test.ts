// The engine's fast paths (bench/: "npm run bench") must give exactly what the plain code gives.
// Each fast function is compared with its reference on the real appendices and on variations.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILTIN_FRAMEWORKS, matchNode, matchNodeSlow } from '../model/frameworks';
import { analyzeSheet, type SheetSnapshot } from '../model';
import { cleanText, columnLetter, fold, foldEquals, foldHead, foldSlow, isSpaceCode } from '../model/text';
import { blockShift, buildGrid, rowStart, rowText, textAt } from '../model/grid';
import { codeAfter, isNumericCode, isRomanCode, itemNumberInName } from '../model/reader';
import { columnNumberIn } from '../model/columns';
import { isPlainCode } from '../model/frameworks';
import { byCell, mergeByCell } from '../model/validate';
import { hasToken } from '../model/marks';
import type { Finding } from '../model/types';
import { digitsToNumber, mayBeNumberText, parseViNumber, parseViValue } from '../model/numbers';
import {
  clauseBreak,
  dropFloatNoise,
  evaluateThreshold,
  numberTokenEnd,
  numberTokenStart,
  opCue,
  parseTarget,
  phraseScan,
  relativeCue,
  statusByActualAlone,
  thresholdStatus,
  trimPhrase,
  troAt,
  wordAtEnd,
  wordCharAt,
  wordCharBefore,
} from '../model/thresholds';
import { createFunctionsLogic, sameTable } from '../addin/functions/logic';
import { EXAMPLE, HAGIANG, LAOCAI, loadSnapshot, VINHPHUC } from './helpers/fixtures';

/** Every non-empty string cell of the fixtures (names, targets, agencies, headers …). */
async function fixtureTexts(): Promise<string[]> {
  const out = new Set<string>();
  for (const f of [LAOCAI, VINHPHUC, HAGIANG, EXAMPLE]) {
    const s = await loadSnapshot(f);
    for (const row of s.values) for (const v of row) if (typeof v === 'string' && v.trim()) out.add(v);
  }
  return [...out];
}

/** One-letter typos, dropped words and swapped case: the variations officers make. */
function variations(name: string, seed: number): string[] {
  const out = [name, name.toUpperCase(), name.toLowerCase()];
  const words = name.split(/\s+/);
  if (words.length > 2) {
    out.push(words.slice(1).join(' '), words.slice(0, -1).join(' '), [...words].reverse().join(' '));
  }
  const i = seed % Math.max(1, name.length);
  out.push(name.slice(0, i) + name.slice(i + 1), `${name.slice(0, i)}x${name.slice(i)}`, `${name.slice(0, i)}a${name.slice(i + 1)}`);
  return out;
}

describe('engine fast paths', () => {
  describe('matchNode (candidate index + upper bounds) equals the plain scan', () => {
    it('on every fixture name and its variations, at every code depth, for every built-in framework', async () => {
      const names = new Set<string>();
      for (const f of [LAOCAI, VINHPHUC, HAGIANG, EXAMPLE]) {
        const a = analyzeSheet(await loadSnapshot(f));
        for (const it of a.appendix.items) if (it.name) names.add(it.name);
      }
      const codes = ['', '1', '2.1', '3.2.1', '1.2(3)', '4.1.2(2)', 'IV', 'a', '9.9.9.9', '57.3'];
      let compared = 0;
      let matched = 0;
      let n = 0;
      for (const fw of BUILTIN_FRAMEWORKS) {
        for (const name of names) {
          for (const v of variations(name, n++)) {
            for (const code of codes) {
              const fast = matchNode(fw, code, v);
              assert.equal(fast, matchNodeSlow(fw, code, v), `${fw.id} ${code} ${v}`);
              compared++;
              if (fast) matched++;
            }
          }
        }
      }
      assert.ok(compared > 10_000 && matched > compared / 10, `${compared} compared, ${matched} matched`);
    });

    it('on random word salads drawn from the framework vocabulary', () => {
      const words = [...new Set(BUILTIN_FRAMEWORKS.flatMap((fw) => JSON.stringify(fw).match(/[\p{L}]+/gu) ?? []))];
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 40 }),
          fc.constantFrom('', '1', '1.1', '1.1.1', '2(1)', 'X'),
          fc.nat(BUILTIN_FRAMEWORKS.length - 1),
          (ws, code, f) => {
            const fw = BUILTIN_FRAMEWORKS[f]!;
            const name = ws.join(' ');
            assert.equal(matchNode(fw, code, name), matchNodeSlow(fw, code, name));
          },
        ),
        { numRuns: 3000 },
      );
    });
  });

  it('has fixture texts to compare on', async () => {
    assert.ok((await fixtureTexts()).length > 500);
  });
});

describe('engine fast paths: text', () => {
  it('fold equals foldSlow on every BMP character alone and between letters', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `Ấ${ch}${ch}đ`, ` ${ch} `]) assert.equal(fold(s), foldSlow(s), `U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
  });

  it('fold equals foldSlow on the fixture texts and on arbitrary Unicode', async () => {
    for (const t of await fixtureTexts()) assert.equal(fold(t), foldSlow(t));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 60 })), (s) => {
        assert.equal(fold(s), foldSlow(s));
        const decomposed = s.normalize('NFD');
        assert.equal(fold(decomposed), foldSlow(decomposed));
      }),
      { numRuns: 5000 },
    );
    const long = 'Ấp Đông '.repeat(3000);
    assert.equal(fold(long), foldSlow(long));
  });

  it('foldEquals(s, x) is fold(s) === x, for x folded from the same text, its start, a neighbour or anything', async () => {
    const texts = await fixtureTexts();
    const folded = texts.map(fold);
    let equal = 0;
    for (let k = 0; k < texts.length; k++) {
      const s = texts[k]!;
      const f = folded[k]!;
      for (const x of [f, f.slice(0, -1), `${f} `, `${f}a`, f.slice(1), folded[(k + 1) % texts.length]!, '', 'stt']) {
        const want = fold(s) === x;
        if (want) equal++;
        assert.equal(foldEquals(s, x), want, JSON.stringify([s, x]));
      }
    }
    assert.ok(equal >= texts.length); // each text against its own fold at least
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', '%'), maxLength: 8 }), (s, x) => foldEquals(s, x) === (fold(s) === x) && foldEquals(s, fold(s))),
      { numRuns: 20_000 },
    );
    // Vietnamese letters, combining marks, separators: most texts fold to a shorter one.
    const letters = fc.constantFrom('Ấ', 'ấ', 'đ', 'Đ', '\u0301', 'A', 'a', 'B', ' ', ',', '\u0000', 'ß', 'İ', '1');
    fc.assert(fc.property(fc.string({ unit: letters, maxLength: 12 }), fc.string({ unit: letters, maxLength: 6 }), (s, y) => foldEquals(s, fold(y)) === (fold(s) === fold(y))), { numRuns: 20_000 });
    // At the fast path's buffer: a folded text of 8,189 characters, and a text longer than 8,192.
    const long = 'a '.repeat(4095);
    assert.equal(foldEquals(long, fold(long)), true);
    assert.equal(foldEquals(`${long}b`, fold(long)), false);
    const longer = 'x'.repeat(9000);
    assert.equal(foldEquals(longer, fold(longer)), true);
    assert.equal(foldEquals(longer, 'x'), false);
  });

  it('foldHead is the start of fold, on the fixture texts and on arbitrary Unicode', async () => {
    const texts = [...(await fixtureTexts()), 'Không  hoàn   thành đúng hạn', 'Ấp Đông '.repeat(3000)];
    for (const t of texts) for (const max of [0, 1, 5, 17, 24, 40, 100]) assert.equal(foldHead(t, max), fold(t).slice(0, max), `${max} ${t.slice(0, 80)}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 })), fc.integer({ min: 0, max: 70 }), (s, max) => {
        assert.equal(foldHead(s, max), fold(s).slice(0, max));
      }),
      { numRuns: 5000 },
    );
  });

  it('fold equals foldSlow at every folded length, short texts (made from codes) and decoded ones alike', () => {
    for (let n = 0; n <= 80; n++) {
      const letters = 'Đạt hoàn thành 97%, Tăng; '.repeat(4).slice(0, n);
      for (const s of [letters, ` ${letters}. `, letters.toUpperCase(), letters.normalize('NFD')]) assert.equal(fold(s), foldSlow(s), JSON.stringify(s));
    }
  });

  it('cleanText takes the fast path only when the full path would change nothing', async () => {
    for (const t of await fixtureTexts()) assert.equal(cleanText(t), cleanReference(t));
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'Ấ', 'ơ', ' ', '  ', '\n', '\r\n', '\t', '<b>', '&amp;', '\u00a0', '\u200b', 'x\u0301', '–', '1,5'), { maxLength: 12 }),
        (parts) => {
          const s = parts.join('');
          assert.equal(cleanText(s), cleanReference(s), JSON.stringify(s));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

/** cleanText as it was before its fast path (the reference). */
function cleanReference(input: string): string {
  let s = input.normalize('NFC');
  if (s.includes('<')) s = s.replace(/<\s*(br|\/p|\/li|\/div)\s*\/?>/gi, '\n').replace(/<\/?[a-zA-Z][^<>]*>/g, '');
  const ent: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  if (s.includes('&')) s = s.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (m) => ent[m] ?? m);
  s = s.replace(/\r\n?/g, '\n').replace(/[\u00a0\t\u200b]/g, ' ');
  const lines = s.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

describe('engine fast paths: PARSCORE cache', () => {
  const engine = () => {
    const calls: unknown[][][] = [];
    return {
      calls,
      analyzeSheet: (s: { values: unknown[][] }) => {
        calls.push(s.values);
        return { ok: true, appendix: { hasPoints: true }, score: { totals: { max: 1, claimed: 1, accepted: calls.length, atRisk: 0, indexPercent: 100 } } };
      },
      buildSummaryTables: () => [],
      parseTarget: () => [],
      evaluateThreshold: () => ({ status: 'met', reason: '' }),
      formatThreshold: () => '',
    };
  };
  const big = () => Array.from({ length: 2000 }, (_, r) => Array.from({ length: 12 }, (_, c) => (c === 2 ? r / 4 : `ô ${r}:${c} văn bản`)));

  it('a fresh but equal range is a hit; one changed character anywhere is a miss', () => {
    const e = engine();
    const logic = createFunctionsLogic(e as never);
    const t = big();
    const first = logic.score(t);
    assert.equal(logic.score(JSON.parse(JSON.stringify(t))), first);
    assert.equal(e.calls.length, 1);
    // Same length, same shape, a cell the key does not sample: only the comparison sees it.
    const changed = JSON.parse(JSON.stringify(t));
    changed[1001][7] = changed[1001][7].replace('ô', 'ơ');
    assert.notEqual(logic.score(changed), first);
    assert.equal(e.calls.length, 2);
    // Both stay cached side by side under their shared key.
    logic.score(JSON.parse(JSON.stringify(t)));
    logic.score(JSON.parse(JSON.stringify(changed)));
    assert.equal(e.calls.length, 2);
  });

  it('tells null from "", numbers from text, and -0 from nothing else', () => {
    const variants: unknown[][][] = [
      [['Mã', 'Tên', 1.5], ['1.1', null, true]],
      [['Mã', 'Tên', 1.5], ['1.1', '', true]],
      [['Mã', 'Tên', '1.5'], ['1.1', null, true]],
      [['Mã', 'Tên', 1.5], ['1.1', null, false]],
      [['Mã', 'Tên', 1.5, null], ['1.1', null, true]],
      [['Mã', 'Tên'], [1.5, '1.1', null, true]],
    ];
    for (const a of variants) {
      for (const b of variants) assert.equal(sameTable(a, b), a === b, `${JSON.stringify(a)} ~ ${JSON.stringify(b)}`);
    }
    assert.ok(sameTable([[0, null, NaN, new Date(5)]], [[-0, undefined, NaN, new Date(5)]]));
    assert.ok(!sameTable([[new Date(5)]], [[new Date(6)]]));
  });
});

describe('engine fast paths: the reader', () => {
  /** codeAfter as it was written: split, compare and join (the reference). */
  function codeAfterSlow(code: string, prev: string): string {
    const lastOf = (c: string) => Number(c.slice(c.lastIndexOf('.') + 1));
    const l = lastOf(code);
    const p = lastOf(prev);
    if (!(l === 1 && p === 9) && !(p >= 10 && l < p)) return code;
    const a = code.split('.');
    const b = prev.split('.');
    if (a.length === b.length && a.slice(0, -1).join('.') === b.slice(0, -1).join('.')) {
      const last = Number(a[a.length - 1]);
      const prevLast = Number(b[b.length - 1]);
      if (last === 1 && prevLast === 9) return [...a.slice(0, -1), '10'].join('.');
      if (prevLast >= 10 && last < prevLast && String(prevLast + 1).startsWith(String(last))) return [...a.slice(0, -1), String(prevLast + 1)].join('.');
    }
    return code;
  }

  it('codeAfter restores a lost trailing zero as the split-and-join form did, on every pair of codes', () => {
    const numbers = ['1', '2', '3', '9', '10', '11', '12', '19', '20', '21', '99', '100', '101', '110', '111', '999', '01', '09'];
    const codes = [...numbers];
    for (const a of ['1', '2', '9', '10', '11', '99']) for (const b of numbers) codes.push(`${a}.${b}`);
    for (const a of ['1', '10']) for (const b of ['1', '9', '10', '11']) for (const c of numbers) codes.push(`${a}.${b}.${c}`);
    let fixed = 0;
    for (const prev of codes) {
      for (const code of codes) {
        const want = codeAfterSlow(code, prev);
        assert.equal(codeAfter(code, prev), want, `${code} after ${prev}`);
        if (want !== code) fixed++;
      }
    }
    assert.ok(fixed > 100, `pairs restored: ${fixed}`);
    assert.equal(codeAfter('1.2.1', '1.2.9'), '1.2.10');
    assert.equal(codeAfter('1.1', '1.10'), '1.11');
    assert.equal(codeAfter('1', '9'), '10');
    assert.equal(codeAfter('2.1', '1.10'), '2.1');
  });
});

describe('engine fast paths: no step grows with the square of the rows', () => {
  /** A points appendix: header, one section, then `n` criteria 1.1 … 1.n (uncoded past 1.999). */
  function sheet(n: number, lead: (k: number) => string): SheetSnapshot {
    const values: unknown[][] = [['STT', 'Tiêu chí', 'Điểm tối đa', 'Chủ trì']];
    values.push(['1', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', n * 0.25, '']);
    // Codes have at most three digits a level; unnumbered rows are siblings of the row above.
    for (let k = 1; k <= n; k++) values.push([n < 1000 ? `1.${k}` : '', `Tiêu chí số ${k}`, 0.25, lead(k)]);
    return { name: 'Phụ lục', values, merges: [] };
  }

  it('an empty lead takes the nearest sibling lead above it, never one below (a lost merge keeps its value in its top cell)', () => {
    const leads: Record<number, string> = { 2: 'Sở Nội vụ', 5: 'Sở Tư pháp' };
    const a = analyzeSheet(sheet(6, (k) => leads[k] ?? ''));
    const byCode = new Map(a.appendix.items.map((it) => [it.code, it]));
    const got = (code: string) => [byCode.get(code)!.lead.map((l) => l.name).join(), byCode.get(code)!.leadInheritedFrom];
    assert.deepEqual(got('1.1'), ['', null]); // nothing above: reported, not given 1.2's
    assert.deepEqual(got('1.3'), ['Sở Nội vụ', 4]); // row of 1.2, above it
    assert.deepEqual(got('1.4'), ['Sở Nội vụ', 4]); // a merge over three rows
    assert.deepEqual(got('1.6'), ['Sở Tư pháp', 7]); // row of 1.5
    assert.deepEqual(got('1.2'), ['Sở Nội vụ', null]);
    assert.deepEqual(a.findings.filter((f) => f.kind === 'missing-lead-agency').map((f) => f.row), [3]);
  });

  it('20,000 siblings without a lead inherit in linear time', () => {
    const start = process.hrtime.bigint();
    const a = analyzeSheet(sheet(20_000, (k) => (k === 1 ? 'Sở Nội vụ' : '')));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(a.appendix.items.filter((it) => it.leadInheritedFrom !== null).length === 19_999);
    assert.ok(ms < 8000, `${ms} ms`);
  });

  it('a sheet 16,384 columns wide (a stray value in XFD1) reads in linear time, as the narrow one', async () => {
    const snap = await loadSnapshot(LAOCAI);
    const wide = { ...snap, values: snap.values.map((r, i) => [...r, ...new Array<unknown>(16_384 - r.length - 1).fill(''), i === 0 ? 'x' : '']) };
    const start = process.hrtime.bigint();
    const a = analyzeSheet(wide);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.deepEqual(a.score.totals, analyzeSheet(snap).score.totals);
    assert.ok(ms < 4000, `${ms} ms`); // ~10 s when each empty header cell searched leftwards for its merge
  });

  it('a name made of JavaScript property words matches nothing and breaks nothing', () => {
    for (const fw of BUILTIN_FRAMEWORKS) {
      assert.equal(matchNode(fw, '9.9.9', 'constructor toString hasOwnProperty __proto__'), null);
    }
    assert.ok(analyzeSheet(sheet(3, () => 'constructor')).ok);
  });
});

describe('engine fast paths: numbers and the target scanner equal the regexes they replace', () => {
  const JS_SPACE = /\s/;

  it('isSpaceCode is \\s on every BMP character', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), JS_SPACE.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  });

  const numberish = fc.array(fc.constantFrom('0', '1', '5', '9', '00', '123', '.', ',', '%', ' ', '\u00a0', '-', '+', '≥', '<', 'a'), { maxLength: 14 }).map((p) => p.join(''));

  it('digitsToNumber and parseViNumber equal their regex-and-split references', async () => {
    const texts = await fixtureTexts();
    const check = (s: string) => {
      assert.equal(digitsToNumber(s), digitsReference(s), JSON.stringify(s));
      assert.deepEqual(parseViNumber(s), parseViNumberReference(s), JSON.stringify(s));
    };
    for (const t of texts) check(t);
    for (const t of ['1,75', '64.5', '100.000', '0.500', '1.234,5', '1,234.5', '1.000.000', '012.345', '99999999999999999', '1e5', '97 %', '97%%']) check(t);
    fc.assert(fc.property(numberish, (s) => check(s)), { numRuns: 30_000 });
  });

  it('mayBeNumberText never turns away text parseViNumber reads', async () => {
    const check = (s: string) => assert.ok(mayBeNumberText(s) || !parseViNumber(s).ok, JSON.stringify(s));
    for (const t of await fixtureTexts()) check(t);
    // Every character class parseViNumber could meet, with the combining marks NFC would fold in.
    const chars = fc.oneof(fc.constantFrom('1', '0', '.', ',', '%', '+', '-', '\u2212', '≥', '≤', '<', '>', '=', ' ', '\u00a0', '\u2007', '\u200b', '\u3000', '\ufeff', '\u0338', '\u0301', 'a', 'Đ'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }));
    fc.assert(fc.property(fc.array(chars, { maxLength: 10 }), (p) => check(p.join(''))), { numRuns: 50_000 });
    for (let c = 0; c < 0x10000; c++) check(`1${String.fromCharCode(c)}`); // every BMP character beside a digit
    assert.equal(mayBeNumberText('79% số TTHC'), false);
    assert.equal(mayBeNumberText(' ≥ 1,5 %'), true);
  });

  it('the reader parses its target text cleaned again: decoded entities and joined columns hold no stray "<b>"', () => {
    const sheet = (d: string, e: string): SheetSnapshot => ({
      name: 'Phụ lục',
      merges: [],
      values: [
        ['STT', 'Nội dung', 'Điểm tối đa', 'Chỉ tiêu', 'Chỉ tiêu', 'Kết quả thực hiện', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng'],
        ['1', 'Tiêu chí A', 2, d, e, '95%', 2, 'QĐ 1'],
        ['2', 'Tiêu chí B', 1, '100%', '', '100%', 1, 'QĐ 2'],
      ],
    });
    for (const [d, e] of [['Đạt &lt;b&gt;95%&lt;/b&gt;', ''], ['Tỷ lệ <b', '>95%']] as const) {
      const a = analyzeSheet(sheet(d, e));
      const first = a.appendix.items.find((it) => it.code === '1')!;
      assert.deepEqual(first.targets.map((t) => t.threshold), [{ kind: 'compare', op: '>=', value: 95, unit: '%' }], `${d} | ${e}`);
      assert.ok(!a.findings.some((f) => f.kind === 'threshold-unmet'), `${d} | ${e}: 95% meets ≥ 95%`);
    }
  });

  it('dropFloatNoise is Number(n.toPrecision(12)) with -0 as 0', () => {
    const reference = (n: number) => Number(n.toPrecision(12));
    const check = (n: number) => assert.ok(Object.is(dropFloatNoise(n), reference(n)), String(n));
    for (const n of [0, -0, NaN, Infinity, -Infinity, 1e21, 1e12, 999_999_999_999, 97.00000000000001, 0.97 * 100, 93.5, -1e-7, 5e-324]) check(n);
    fc.assert(fc.property(fc.double(), (n) => check(n)), { numRuns: 30_000 });
    fc.assert(fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1000 }), (a, b) => check((a / b) * 100)), { numRuns: 30_000 });
  });

  const phrase = fc
    .array(fc.constantFrom('1', '95', '2018', '1.000', '1,5', '.', ',', ';', '\n', ' ', '\u00a0', '%', '-', '•', '*', ':', 'a', 'năm', 'từ', 'xnăm', 'btừ', 'ít nhất', 'không quá', 'không vượt quá', 'vượt quá', 'trên', 'hơn', 'dưới', 'tối đa', 'không thấp hơn', '≥', '>=', '=>', '<', '>', '=', '≤', '𝐀', 'Σ', 'thấp hơn', 'lớn hơn', 'không', 'được', 'để', 'quá', 'vượt', 'hoặc bằng', 'bằng hoặc', 'là', 'mức', 'xuống', 'xuống còn', 'no', 'not', 'below', 'more than', 'at least', 'max', 'or equal to', '≦', '⩾'), { maxLength: 16 })
    .map((p) => p.join(''));

  it('number tokens are /(?<![\\p{L}\\p{N}])(?<!\\d[.,])\\d+(?:[.,]\\d+)*/gu', () => {
    const tokens = (c: string) => {
      const out: [number, number][] = [];
      for (let ts = numberTokenStart(c, 0); ts >= 0; ts = numberTokenStart(c, out[out.length - 1]![1])) out.push([ts, numberTokenEnd(c, ts)]);
      return out;
    };
    const reference = (c: string) => [...c.matchAll(/(?<![\p{L}\p{N}])(?<!\d[.,])\d+(?:[.,]\d+)*/gu)].map((m): [number, number] => [m.index!, m.index! + m[0].length]);
    fc.assert(fc.property(phrase, (c) => assert.deepEqual(tokens(c), reference(c), JSON.stringify(c))), { numRuns: 20_000 });
  });

  it('clause breaks, phrase trimming, word-start cues and operator cues equal their regexes', () => {
    const WB = '(?<![\\p{L}\\p{N}])';
    // [negation] [bằng hoặc] comparative [hoặc bằng] [là | mức | :], else a bound or a sign (one regex:
    // its leftmost match is the longest cue with what comes before it).
    const FILLER = '(?:\\s+(?:là|mức)|\\s*:)?$';
    const signRegexes: [RegExp, string][] = [
      [/(?:≥|>=|=>|≧|⩾)/u, '>='], [/(?:≤|<=|=<|≦|⩽)/u, '<='], [/>/u, '>'], [/</u, '<'], [/=/u, '='],
    ].map(([re, op]) => [new RegExp(`${(re as RegExp).source}${FILLER}`, 'u'), op as string]);
    const GT = ['trên', 'hơn', 'lớn hơn', 'cao hơn', 'nhiều hơn', 'vượt', 'vượt quá', 'over', 'above', 'more than', 'greater than', 'higher than', 'exceed', 'exceeds', 'exceeding'];
    const LT = ['dưới', 'xuống dưới', 'thấp hơn', 'ít hơn', 'nhỏ hơn', 'kém hơn', 'below', 'under', 'less than', 'fewer than', 'lower than'];
    const AT_LEAST = ['tối thiểu', 'ít nhất', 'at least', 'min', 'minimum'];
    const AT_MOST = ['tối đa', 'at most', 'max', 'maximum', 'up to', 'xuống', 'xuống còn', 'giảm còn', 'chỉ còn', 'hạ còn', 'rút ngắn còn'];
    const NEG = '(?<neg>không(?:\\s+(?:được|để))?|not|no)\\s+';
    const OR_EQ = '(?<orEq>\\s+(?:hoặc bằng|or equal to|or equal))?';
    const wordRegex = new RegExp(
      `${WB}(?:(?:${NEG})?(?<beq>bằng hoặc\\s+)?(?<cmp>${[...GT, ...LT].join('|')})${OR_EQ}|(?<neg2>không(?:\\s+(?:được|để))?|not|no)\\s+quá(?<orEq2>\\s+(?:hoặc bằng|or equal to|or equal))?|(?<bound>${[...AT_LEAST, ...AT_MOST].join('|')}))${FILLER}`,
      'u',
    );
    const flip: Record<string, string> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>' };
    const opReference = (pre: string) => {
      const t = pre.trimEnd();
      for (const [re, op] of signRegexes) {
        const m = re.exec(t);
        if (m) return { op, index: m.index };
      }
      const m = wordRegex.exec(t);
      if (!m) return null;
      const g = m.groups!;
      if (g.bound) return { op: AT_LEAST.includes(g.bound) ? '>=' : '<=', index: m.index };
      let op = g.cmp && LT.includes(g.cmp) ? '<' : '>';
      if (g.orEq || g.orEq2 || g.beq) op += '=';
      return { op: g.neg || g.neg2 ? flip[op]! : op, index: m.index };
    };
    const breaks = (s: string) => {
      const out: number[] = [];
      for (let i = clauseBreak(s, 0); i < s.length; i = clauseBreak(s, i + 1)) out.push(i);
      return out;
    };
    fc.assert(
      fc.property(phrase, (s) => {
        assert.deepEqual(breaks(s), [...s.matchAll(/[;\n]|\.(?=\s|$)/g)].map((m) => m.index), JSON.stringify(s));
        assert.equal(trimPhrase(s, 0, s.length), s.replace(/^[\s\-•*]+/u, '').replace(/[\s;,.:]+$/u, ''), JSON.stringify(s));
        assert.deepEqual(opCue(s), opReference(s), JSON.stringify(s));
        for (const w of ['năm', 'từ']) {
          const m = new RegExp(`${WB}${w}\\s*$`, 'u').exec(s);
          assert.equal(wordAtEnd(s, w), m ? m.index : -1, `${w} ${JSON.stringify(s)}`);
        }
      }),
      { numRuns: 20_000 },
    );
    // What one random run of the property found (fast-check seed 712584528): "bằng hoặc" before a
    // comparative that "hoặc bằng" follows as well starts the cue.
    for (const s of ['bằng hoặc hơn hoặc bằng', 'không bằng hoặc hơn hoặc bằng']) assert.deepEqual(opCue(s), opReference(s), s);
  });

  // Characters and words the phrase pass tells apart: cue words in every case, split or glued,
  // clause marks, spaces cleanText refuses, and characters outside its table.
  const scanPhrase = fc
    .array(
      fc.constantFrom(
        'a', 'B', '1', '95', '1.000', ' ', '  ', '\n', ' \n', '\n ', '\n\n', ';', '.', '. ', '\t', '&', '<', '\u00a0', '\u2028', '\u200b',
        'không', 'KHÔNG', 'Không có', 'so với', 'SO VỚI', 'tăng', 'TĂNG', 'giảm', 'Giảm', 'vượt', 'VƯỢT', 'trở', 'TRỞ', 'hơn', 'HƠN', 'ơ', 'khôngx', 'xtrở',
        'đợt', 'được', 'ô', 'Ô', 'ợ', 'Ợ', 'ở', 'ă', 'Ả', 'ớ', 'Σ', 'İ', 'ß', 'ǅ', 'K', 'x\u0301', '𝐀', '\ud835', 'Ⅻ', '²', '١', 'ẞ', 'ｶ',
      ),
      { maxLength: 14 },
    )
    .map((p) => p.join(''));

  it('the phrase pass finds what cleanText\'s check, clauseBreak, the digit runs, the cue words and lower case find', async () => {
    const needsCleaning = (s: string) =>
      /^[ \n]|[ \n]$/.test(s) || /[^\n\u0020-\u0025\u0027-\u003b\u003d-\u007e\u00c0-\u02ff\u1e00-\u1eff]| [ \n]|\n /.test(s);
    const lowerReference = (s: string) => {
      const l = s.toLowerCase();
      return l.length === s.length && !s.includes('\u03a3') ? l : [...s].map((ch) => (ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch)).join('');
    };
    const cues = ['không', 'so với', 'tăng', 'giảm', 'vượt', 'trở', 'hơn'];
    const check = (s: string) => {
      const got = phraseScan(s);
      const k = JSON.stringify(s);
      assert.equal(got.clean, !needsCleaning(s), k);
      if (got.clean) assert.equal(cleanText(s), s, k);
      const breaks: number[] = [];
      for (let i = clauseBreak(s, 0); i < s.length; i = clauseBreak(s, i + 1)) breaks.push(i);
      assert.deepEqual(got.breaks, breaks, k);
      assert.deepEqual(got.digitRuns, [...s.matchAll(/(?<!\d)\d/g)].map((m) => m.index), k);
      const lower = lowerReference(s);
      assert.equal(got.lower, lower, k);
      // Text outside the pass's table gets every cue word (the scan then searches for them).
      assert.deepEqual(got.cueWords, got.odd ? cues : cues.filter((w) => lower.includes(w)), k);
    };
    for (const t of await fixtureTexts()) check(t);
    fc.assert(fc.property(scanPhrase, (s) => check(s)), { numRuns: 30_000 });
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      check(`Số ${ch}ng 1${ch}`);
      check(ch);
    }
  });

  it('troAt is its regex on the 160 characters after the number, with the word count before "trở lên"', () => {
    const TRO_RE = /^((?:(?!so với)[^\d;%<>≥≤])*?)(?<![\p{L}\p{N}])trở\s+(lên|xuống)(?![\p{L}\p{N}])/u;
    const reference = (c: string, from: number, maxWords: number) => {
      const at = c.indexOf('trở', from);
      if (at < 0 || at + 3 > from + 160) return null;
      const m = TRO_RE.exec(c.slice(from, from + 160));
      if (!m || m[1]!.trim().split(/\s+/).filter(Boolean).length > maxWords) return null;
      return { up: m[2] === 'lên', end: from + m[0].length };
    };
    const text = fc
      .array(fc.constantFrom('trở', 'lên', 'xuống', ' ', '  ', '\u2003', 'trở lên', 'trở  xuống', 'so với', 'so', 'với', 'a', 'từ', '5', '%', ';', '<', '≥', ',', 'x'.repeat(40), '𝐀', '\ud835', 'lênx', 'xtrở'), { maxLength: 14 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.nat(20), fc.constantFrom(4, 10), (c, from, maxWords) => {
        assert.deepEqual(troAt(c, from, maxWords), reference(c, from, maxWords), `${JSON.stringify(c)} ${from} ${maxWords}`);
      }),
      { numRuns: 30_000 },
    );
  });

  it('relativeCue is its regex-and-split reference', () => {
    const DIRECTION_RE = /(?<![\p{L}\p{N}])(tăng|giảm|vượt)(?![\p{L}\p{N}])/gu;
    const reference = (pre: string) => {
      if (!(pre.includes('tăng') || pre.includes('giảm') || pre.includes('vượt'))) return null;
      let last: RegExpMatchArray | null = null;
      for (const m of pre.matchAll(DIRECTION_RE)) last = m;
      if (!last || last.index === undefined) return null;
      const between = pre.slice(last.index + last[0].length);
      const words = between.trim().split(/\s+/).filter(Boolean);
      if (/[\d,;:]/.test(between) || words.length > 3 || /so với|đạt/u.test(between)) return null;
      if (['trưởng', 'cường', 'quá'].includes(words[0] ?? '')) return null;
      if (words.some((w) => ['xuống', 'lên', 'còn', 'dưới', 'đến', 'tới'].includes(w))) return null;
      if (/không\s*$/u.test(pre.slice(0, last.index))) return null;
      if (/(?<![\p{L}\p{N}])không\s+(?:được|để)\s+$/u.test(pre.slice(0, last.index))) return null;
      return { index: last.index, direction: last[1] === 'giảm' ? 'decrease' : 'increase' };
    };
    const text = fc
      .array(fc.constantFrom('tăng', 'giảm', 'vượt', 'tănggiảm', 'xtăng', 'giảmx', ' ', '\u2003', 'không', 'không ', 'được ', 'để', 'trưởng', 'cường', 'quá', 'lên', 'xuống', 'còn', 'đến', 'so với', 'đạt', 'a', 'b c', '5', ',', ':', ';', '𝐀', 'Ⅻ'), { maxLength: 12 })
      .map((p) => p.join(''));
    fc.assert(fc.property(text, (pre) => assert.deepEqual(relativeCue(pre), reference(pre), JSON.stringify(pre))), { numRuns: 30_000 });
  });

  it('wordCharAt is the (?![\\p{L}\\p{N}]) look-ahead negated, in the text up to an end', () => {
    const reference = (s: string, p: number, end: number) => /^[\p{L}\p{N}]/u.test(s.slice(p, end));
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      assert.equal(wordCharAt(s, 1), reference(s, 1, s.length), `U+${c.toString(16)}`);
    }
    for (const s of ['x𝐀', 'x𝟏', 'x\ud835', 'x\udc00y', 'x😀']) {
      for (let end = 1; end <= s.length; end++) assert.equal(wordCharAt(s, 1, end), reference(s, 1, end), `${JSON.stringify(s)} ${end}`);
    }
  });

  it('wordCharBefore is the (?<![\\p{L}\\p{N}]) look-behind negated, on every UTF-16 unit and on surrogate pairs', () => {
    const reference = (s: string, p: number) => /[\p{L}\p{N}]$/u.test(s.slice(0, p));
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}1`;
      assert.equal(wordCharBefore(s, 2), reference(s, 2), `U+${c.toString(16)}`);
    }
    for (const s of ['x𝐀1', 'x𝟏1', '\ud8351', 'x\udc001', '😀1', '\udc00\udc001']) {
      for (let p = 0; p <= s.length; p++) assert.equal(wordCharBefore(s, p), reference(s, p), `${JSON.stringify(s)} ${p}`);
    }
  });

  it('a number no rule can take ("(đợt 2)", "số 12/2019") is passed over; a cue before it, "trở lên" or a range after it still make it a target', () => {
    const kinds = (s: string) => parseTarget(s).map((t) => t.threshold);
    const cases: [string, unknown[]][] = [
      ['Thực hiện đúng quy định (đợt 2)', [{ kind: 'qualitative', text: 'Thực hiện đúng quy định (đợt 2)' }]],
      ['Theo Quyết định số 12/2019/QĐ-TTg', [{ kind: 'qualitative', text: 'Theo Quyết định số 12/2019/QĐ-TTg' }]],
      ['Ít nhất 3 lần (đợt 2)', [{ kind: 'compare', op: '>=', value: 3, unit: 'lần' }]],
      ['50 TTHC trở lên (đợt 2)', [{ kind: 'compare', op: '>=', value: 50, unit: 'TTHC' }]],
      ['Từ 5 đến 10 lần (đợt 2)', [{ kind: 'range', min: 5, max: 10, unit: 'lần' }]],
      ['Tăng 5 điểm (đợt 2)', [{ kind: 'relative', direction: 'increase', atLeast: 5, unit: 'điểm', baseline: '' }]],
      ['79% số hồ sơ (đợt 1)', [{ kind: 'compare', op: '>=', value: 79, unit: '%' }]],
      [
        'Không quá 2 lần, tăng 3 điểm so với năm 2020 (đợt 4)',
        [
          { kind: 'compare', op: '<=', value: 2, unit: 'lần' },
          { kind: 'relative', direction: 'increase', atLeast: 3, unit: 'điểm', baseline: 'năm 2020' },
        ],
      ],
    ];
    for (const [text, want] of cases) assert.deepEqual(kinds(text), want, text);
  });
});

describe('engine fast paths: the status of a threshold without its reason', () => {
  // What officers write as a result, and what they write wrongly.
  const ACTUALS: unknown[] = [
    '97%', '97,5 %', 'Đạt 97%', 'đạt 100%', '52/54', '52 TTHC', '0,97', 0.97, 97, 95, 1, 0, -3, 2.5, '1.234,5', '+3%', '-5%',
    'tăng 5%', 'giảm 3%', 'Tăng 12 hồ sơ', 'không đổi', 'Giữ nguyên', 'Không đạt', 'Chưa hoàn thành', 'Hoàn thành', 'Đúng quy định',
    'Có sai phạm', 'không', 'Không có', 'Không xảy ra', 'Đã thực hiện', 'Trễ hạn', 'ok', '', '   ', 'abc', '17/6/2019', 'năm 2020: 80%',
    '2 tuần', '1 tháng', '48 giờ', 'Đạt 98% chỉ tiêu', 'Sử dụng 1.300/1.250 biên chế', '1.240 biên chế',
    null, undefined, Number.NaN, Number.POSITIVE_INFINITY, true, new Date(2024, 0, 2), { a: 1 },
  ];

  it('every target statusByActualAlone admits judges each result as the others do (validation shares the verdict per result)', async () => {
    const texts = await fixtureTexts();
    const alone = new Map<string, ReturnType<typeof parseTarget>[number]['threshold']>();
    for (const t of texts) {
      for (const p of parseTarget(t)) if (statusByActualAlone(p.threshold)) alone.set(p.text, p.threshold);
    }
    // Targets with a year that is no deadline ("năm 2023") are admitted too; ones with a deadline are not.
    assert.equal(statusByActualAlone(parseTarget('Hoàn thành trước 31/12/2023')[0]!.threshold), false);
    assert.equal(statusByActualAlone(parseTarget('Tỷ lệ đạt 95%')[0]!.threshold), false);
    const thresholds = [...alone.values()];
    assert.ok(thresholds.length >= 50, String(thresholds.length));
    const results = [...ACTUALS, ...texts.slice(0, 400), 'Hoàn thành 80%', 'Hoàn thành ngày 15/6/2023', 'Chậm 5 ngày', 'Chưa thực hiện'];
    const seen = new Set<string>();
    for (const actual of results) {
      const first = thresholdStatus(thresholds[0]!, actual);
      seen.add(first);
      for (const t of thresholds) assert.equal(thresholdStatus(t, actual), first, JSON.stringify([t, actual]));
    }
    assert.deepEqual([...seen].sort(), ['met', 'not-evaluable', 'unmet']);
  });

  it('is evaluateThreshold(...).status for every fixture target and bench-like result', async () => {
    const targets = new Set<string>();
    const actuals = [...ACTUALS];
    for (const f of [LAOCAI, VINHPHUC, HAGIANG, EXAMPLE]) {
      for (const it of analyzeSheet(await loadSnapshot(f)).appendix.items) {
        if (it.targetText) targets.add(it.targetText);
        for (const x of [it.actual, it.product, it.deadline]) if (x) targets.add(x);
        if (it.actual) actuals.push(it.actualRaw ?? it.actual);
      }
    }
    let compared = 0;
    const seen = new Set<string>();
    for (const text of targets) {
      for (const t of parseTarget(text)) {
        for (const actual of actuals) {
          const full = evaluateThreshold(t.threshold, actual, 'vi');
          assert.equal(thresholdStatus(t.threshold, actual), full.status, `${JSON.stringify(t.threshold)} ← ${String(actual)}`);
          seen.add(full.status);
          compared++;
        }
      }
    }
    assert.ok(compared > 10_000, `only ${compared} comparisons`);
    assert.deepEqual([...seen].sort(), ['met', 'not-evaluable', 'unmet']);
  });

  it('is evaluateThreshold(...).status on generated targets and results', () => {
    const part = fc.constantFrom('95', '1,5', '2018', '%', ' ', 'từ', 'trở lên', 'trở xuống', 'đến', '-', 'không quá', 'ít nhất', 'tăng', 'giảm', 'so với năm trước', 'không có', 'vượt', 'TTHC', 'lần/năm', 'Đạt', 'không', 'hoàn thành', '/', '52', 'cao hơn năm trước', 'chỉ tiêu được giao', 'ngày làm việc', 'tuần', 'tháng');
    const text = fc.array(part, { minLength: 1, maxLength: 10 }).map((p) => p.join(' '));
    fc.assert(
      fc.property(text, fc.oneof(text, fc.double({ noNaN: false }), fc.constantFrom(...ACTUALS)), (target, actual) => {
        for (const t of parseTarget(target)) {
          assert.equal(thresholdStatus(t.threshold, actual), evaluateThreshold(t.threshold, actual).status, `${target} ← ${String(actual)}`);
        }
      }),
      { numRuns: 20_000 },
    );
  });
});

/** digitsToNumber before its by-hand paths (the reference). */
function digitsReference(token: string): number | null {
  if (!/^\d+(?:[.,]\d+)*$/.test(token)) return null;
  const groups = (s: string, sep: string) => {
    const g = s.split(sep);
    return /^\d{1,3}$/.test(g[0]!) && g.slice(1).every((x) => /^\d{3}$/.test(x));
  };
  const hasDot = token.includes('.');
  const hasComma = token.includes(',');
  let plain = token;
  if (hasDot && hasComma) {
    const dec = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    const parts = token.split(dec);
    if (parts.length !== 2 || !groups(parts[0]!, group)) return null;
    plain = `${parts[0]!.split(group).join('')}.${parts[1]}`;
  } else if (hasDot || hasComma) {
    const sep = hasDot ? '.' : ',';
    const parts = token.split(sep);
    if (parts.length > 2) {
      if (!groups(token, sep)) return null;
      plain = parts.join('');
    } else if (sep === '.' && parts[1]!.length === 3 && /^[1-9]\d{0,2}$/.test(parts[0]!)) plain = parts.join('');
    else plain = `${parts[0]}.${parts[1]}`;
  }
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/** parseViNumber for text before its by-hand path (the reference). */
function parseViNumberReference(value: string): ReturnType<typeof parseViNumber> {
  const s = value.normalize('NFC').replace(/[\u00a0\u2007\u2009\u202f\u200b\t]/g, ' ').trim();
  if (!s) return { ok: false, empty: true, raw: '' };
  const m = /^(≥|≤|>=|<=|=>|=<|>|<|=)?\s*([+\-\u2212])?\s*(\d[\d.,]*)\s*(%)?$/.exec(s);
  const abs = m ? digitsReference(m[3]!) : null;
  if (!m || abs === null) return { ok: false, empty: false, raw: s };
  const signed = m[2] && m[2] !== '+' ? -abs : abs;
  const ops: Record<string, '>=' | '<=' | '>' | '<' | '='> = { '≥': '>=', '>=': '>=', '=>': '>=', '≤': '<=', '<=': '<=', '=<': '<=', '>': '>', '<': '<', '=': '=' };
  const out: ReturnType<typeof parseViNumber> = { ok: true, value: signed === 0 ? 0 : signed, percent: m[4] === '%' };
  if (m[1]) out.op = ops[m[1]];
  return out;
}

describe('engine fast paths: the grid in blocks and the reader by hand', () => {
  // A sheet of `rows` × `cols` with text, numbers, blanks, HTML and spaces to clean.
  function sheet(rows: number, cols: number, merges: SheetSnapshot['merges'] = []): SheetSnapshot {
    const cell = (i: number, j: number): unknown => {
      const k = (i * 31 + j * 7) % 9;
      return k === 0 ? null : k === 1 ? '' : k === 2 ? i * 1000 + j : k === 3 ? ` r${i}  c${j} ` : k === 4 ? `<b>${i}:${j}</b>` : `ô ${i}.${j}`;
    };
    return { name: 'S', values: Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => cell(i, j))), merges };
  }

  it('every cell reads its clean text across block edges, for widths from 1 to past one block', () => {
    for (const [rows, cols] of [[8200, 1], [1100, 14], [40, 585], [40, 586], [3, 8192], [3, 8193]] as const) {
      const s = sheet(rows, cols);
      const g = buildGrid(s);
      assert.equal(g.text.length, Math.ceil(rows / 2 ** g.shift), `${rows}×${cols}: blocks`);
      for (const b of g.text) assert.ok(b.length <= Math.max(8192, cols), `${rows}×${cols}: a block of ${b.length} cells`);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const v = s.values[i]![j];
          const want = v === null || v === '' ? '' : cleanText(v);
          if (textAt(g, i, j) !== want) assert.fail(`${rows}×${cols}: cell (${i}, ${j}) reads ${JSON.stringify(textAt(g, i, j))}, not ${JSON.stringify(want)}`);
          if (rowText(g, i)[rowStart(g, i) + j] !== want) assert.fail(`${rows}×${cols}: row (${i}) at ${j}`);
        }
      }
      assert.equal(textAt(g, rows, 0), '');
      assert.equal(textAt(g, 0, cols), '');
    }
  });

  it('a vertical merge across a block edge unfolds its master text into every row below it', () => {
    const shift = blockShift(14);
    const top = 2 ** shift - 2; // the merge starts two rows before the second block
    const s = sheet(1100, 14, [{ top: top + 1, left: 3, bottom: top + 6, right: 3 }]);
    s.values[top]![2] = 'Sở Nội vụ';
    const g = buildGrid(s);
    for (let i = top; i <= top + 5; i++) assert.equal(textAt(g, i, 2), 'Sở Nội vụ', `row ${i}`);
    assert.notEqual(textAt(g, top + 6, 2), 'Sở Nội vụ');
    assert.equal(g.raw[top + 5]![2], 'Sở Nội vụ');
    assert.notEqual(s.values[top + 5]![2], 'Sở Nội vụ', 'the snapshot is not written');
  });

  it('a sheet of empty rows makes a grid without columns (and without looping)', () => {
    const g = buildGrid({ name: 'S', values: [[], [], []], merges: [] });
    assert.equal(g.cols, 0);
    assert.equal(textAt(g, 1, 0), '');
  });

  it('the code checks by hand equal their regexes, on fixture texts and generated codes', async () => {
    const roman = (s: string) => /^(?=[IVX]+$)X{0,3}(IX|IV|V?I{0,3})$/.test(s);
    const numeric = (s: string) => /^\d{1,3}(\.\d{1,3})*$/.test(s);
    const plain = (s: string) => /^[0-9A-Z]+(?:\.[0-9A-Z]+)*(?:\([0-9A-Z]+\))*$/.test(s);
    const colNumber = (s: string) => {
      const m = /^\(?(\d{1,2})\)?$/.exec(s);
      return m ? Number(m[1]) : -1;
    };
    const same = (s: string) => {
      assert.equal(isRomanCode(s), roman(s), `roman ${JSON.stringify(s)}`);
      assert.equal(isNumericCode(s), numeric(s), `numeric ${JSON.stringify(s)}`);
      assert.equal(isPlainCode(s), plain(s), `plain ${JSON.stringify(s)}`);
      assert.equal(columnNumberIn(s), colNumber(s), `column number ${JSON.stringify(s)}`);
    };
    const texts = await fixtureTexts();
    for (const t of texts) same(t);
    // The fixtures hold codes, Roman sections and column numbers, so the loop above compared both
    // answers of every check (codes with "(n)" come from the list and the generated strings below).
    assert.deepEqual([texts.some(isNumericCode), texts.some(isRomanCode), texts.some((t) => columnNumberIn(t) > 0), texts.some(isPlainCode)], [true, true, true, true]);
    for (const s of ['', '1', '1.', '.1', '1..2', '1.2.10', '1234', '1.2345', 'IV', 'IIII', 'XIV', 'iv', 'I ', '1.2(3)', '1.2(3', '1.2()', '1(2).3', 'A.B(C)(D)', '(1)', '1)', '(1', '()', '(', ')', '(123)', '٣']) same(s);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('(', ')', '.', '0', '1', '9', 'I', 'V', 'X', 'A', 'Z', 'a', ' ', '١'), maxLength: 9 }), (s) => {
        same(s);
        return true;
      }),
      { numRuns: 50_000 },
    );
  });

  it('itemNumberInName is /^\\((\\d{1,2})\\)\\s*/ on fixture names and generated text', async () => {
    const ref = (s: string) => {
      const m = /^\((\d{1,2})\)\s*/.exec(s);
      return m ? Number(m[1]) : -1;
    };
    for (const t of await fixtureTexts()) assert.equal(itemNumberInName(t), ref(t), t);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('(', ')', '0', '1', '7', '9', ' ', 'a', '١'), maxLength: 6 }), (s) => itemNumberInName(s) === ref(s)),
      { numRuns: 20_000 },
    );
  });

  it('columnLetter gives every column its letters, the same string on each call', () => {
    const plain = (col: number) => {
      let n = col;
      let out = '';
      while (n > 0) {
        out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
        n = Math.floor((n - 1) / 26);
      }
      return out;
    };
    for (let c = 1; c <= 16_384; c++) assert.equal(columnLetter(c), plain(c));
    assert.equal(columnLetter(16_384), 'XFD');
    assert.equal(columnLetter(16_385), 'XFE');
    assert.equal(columnLetter(0), 'A');
    assert.equal(columnLetter(2.7), 'B');
  });

  it('each item lists exactly the items whose parent it is, in sheet order', async () => {
    for (const f of [LAOCAI, VINHPHUC, HAGIANG, EXAMPLE]) {
      const items = analyzeSheet(await loadSnapshot(f)).appendix.items;
      for (let k = 0; k < items.length; k++) {
        const want = items.flatMap((it, c) => (it.parent === k ? [c] : []));
        assert.deepEqual([...items[k]!.children], want, `${f}: item ${k}`);
      }
    }
  });

  it("hasToken is list.split(' ').includes(token)", () => {
    const part = fc.constantFrom('', ' ', 'a', 'b', 'ab', 'over-max@L', 'over-max@LL', 'x@L', '@');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), part, (parts, token) => {
        const list = parts.join('');
        assert.equal(hasToken(list, token), list.split(' ').includes(token), JSON.stringify([list, token]));
      }),
      { numRuns: 20000 },
    );
  });

  it("points written as text read as parseViNumber reads them (plain number texts without its result object)", () => {
    const texts = ['3,5', '1', '0,25', '1.000', '97%', '1,2,3', '1..2', '12.5%', ' 3', '3 ', '+3', '≥ 3', 'Đạt', '', '1,75', '9'.repeat(20), '00,5'];
    for (const t of texts) {
      const p = parseViNumber(t);
      assert.equal(parseViValue(t), p.ok ? p.value : null, t);
    }
  });

  it("mergeByCell is the stable sort of both lists joined, the first list's findings first on ties", () => {
    const finding = (row: number, column: string, n: number): Finding => ({ kind: 'over-max', severity: 'error', row, column, code: String(n), params: {} });
    const cell = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('', 'A', 'B', 'AA'));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 12 }), fc.array(cell, { maxLength: 12 }), (xs, ys) => {
        const first = xs.map(([r, c], n) => finding(r, c, n));
        const sorted = ys.map(([r, c], n) => finding(r, c, 100 + n)).sort(byCell);
        const got = mergeByCell(first, sorted);
        const want = [...first, ...sorted].sort(byCell);
        assert.equal(got.length, want.length);
        got.forEach((f, k) => assert.equal(f, want[k], `place ${k}`)); // the same objects, in the same order
      }),
      { numRuns: 3000 },
    );
  });

  it('findings per field count every non-info finding on the rows of its items', async () => {
    for (const f of [LAOCAI, EXAMPLE, VINHPHUC]) {
      const a = analyzeSheet(await loadSnapshot(f));
      const items = a.appendix.items;
      const top = (k: number): number => (items[k]!.parent === -1 ? k : top(items[k]!.parent));
      const onRows = (rows: readonly number[]) => a.findings.filter((x) => x.severity !== 'info' && rows.includes(x.row)).length;
      for (const line of a.score.fields) {
        let want = 0;
        items.forEach((it, k) => {
          if (it.kind !== 'total' && it.kind !== 'baseline' && items[top(k)]!.path === line.key) want += onRows(it.rows);
        });
        assert.equal(line.findings, want, `${f}: field ${line.key}`);
      }
      if (f === EXAMPLE) assert.ok(a.score.fields.some((l) => l.findings > 0), 'the self-assessed example has fields with findings');
    }
  });
});
