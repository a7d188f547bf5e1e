// The engine's fast paths (bench/: "npm run bench") must give exactly what the plain code gives.
// Each fast function is compared with its reference on the real appendices and on variations.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BUILTIN_FRAMEWORKS, matchNode, matchNodeSlow } from '../model/frameworks';
import { analyzeSheet, type SheetSnapshot } from '../model';
import { cleanText, fold, foldSlow } from '../model/text';
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

describe('engine fast paths: no step grows with the square of the rows', () => {
  /** A points appendix: header, one section, then `n` criteria 1.1 … 1.n (uncoded past 1.999). */
  function sheet(n: number, lead: (k: number) => string): SheetSnapshot {
    const values: unknown[][] = [['STT', 'Tiêu chí', 'Điểm tối đa', 'Chủ trì']];
    values.push(['1', 'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', n * 0.25, '']);
    // Codes have at most three digits a level; unnumbered rows are siblings of the row above.
    for (let k = 1; k <= n; k++) values.push([n < 1000 ? `1.${k}` : '', `Tiêu chí số ${k}`, 0.25, lead(k)]);
    return { name: 'Phụ lục', values, merges: [] };
  }

  it('an empty lead takes the nearest sibling lead after it, else before it', () => {
    const leads: Record<number, string> = { 2: 'Sở Nội vụ', 5: 'Sở Tư pháp' };
    const a = analyzeSheet(sheet(6, (k) => leads[k] ?? ''));
    const byCode = new Map(a.appendix.items.map((it) => [it.code, it]));
    const got = (code: string) => [byCode.get(code)!.lead.map((l) => l.name).join(), byCode.get(code)!.leadInheritedFrom];
    assert.deepEqual(got('1.1'), ['Sở Nội vụ', 4]); // row of 1.2
    assert.deepEqual(got('1.3'), ['Sở Tư pháp', 7]); // row of 1.5, after it
    assert.deepEqual(got('1.6'), ['Sở Tư pháp', 7]); // nothing after: the nearest before
    assert.deepEqual(got('1.2'), ['Sở Nội vụ', null]);
  });

  it('20,000 siblings without a lead inherit in linear time', () => {
    const start = process.hrtime.bigint();
    const a = analyzeSheet(sheet(20_000, (k) => (k === 20_000 ? 'Sở Nội vụ' : '')));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.ok(a.appendix.items.filter((it) => it.leadInheritedFrom !== null).length === 19_999);
    assert.ok(ms < 8000, `${ms} ms`);
  });

  it('a name made of JavaScript property words matches nothing and breaks nothing', () => {
    for (const fw of BUILTIN_FRAMEWORKS) {
      assert.equal(matchNode(fw, '9.9.9', 'constructor toString hasOwnProperty __proto__'), null);
    }
    assert.ok(analyzeSheet(sheet(3, () => 'constructor')).ok);
  });
});
