// Each finding kind planted in a copy of a real appendix lands on the exact row and column, and clean rows stay clean.
import { strict as assert } from 'node:assert';
import { analyzeSheet, buildCellNotes, formatViNumber, isOwnNote, MAX_CELL_NOTES, type Finding, type FindingKind, type SheetSnapshot } from '../model';
import { buildInlineMarks } from '../model/marks';
import { findingMessage, findingMessages } from '../model/messages';
import { buildSummaryTables } from '../model/tables';
import { EXAMPLE, HAGIANG, LAOCAI, loadSnapshot, setCell, VINHPHUC } from './helpers/fixtures';
import { COL, cleanLaoCai } from './helpers/self-assessment';

const problems = (s: SheetSnapshot, policy: 'zero' | 'explain' | 'flag' = 'zero') =>
  analyzeSheet(s, { evidencePolicy: policy }).findings.filter((f) => f.severity !== 'info');
const brief = (fs: Finding[]) => fs.map((f) => `${f.kind}@${f.column}${f.row}`).sort();

describe('findings planted in the Lào Cai appendix', () => {
  let base: SheetSnapshot;
  beforeEach(async () => {
    base = await cleanLaoCai();
  });

  it('a clean, complete self-assessment has no errors or warnings and scores 100%', () => {
    assert.deepEqual(brief(problems(base)), []);
    const t = analyzeSheet(base).score.totals;
    assert.deepEqual([t.max, t.claimed, t.accepted, t.atRisk, t.indexPercent], [64.5, 64.5, 64.5, 0, 100]);
  });

  const cases: [string, (s: SheetSnapshot) => void, string[]][] = [
    ['missing evidence', (s) => setCell(s, 25, COL.evidence, null), ['missing-evidence@M25']],
    ['unmet threshold (90% against ≥ 95%)', (s) => setCell(s, 44, COL.actual, '90%'), ['threshold-unmet@K44']],
    ['unmet band (65% against 70%–100%)', (s) => setCell(s, 27, COL.actual, '65 %'), ['threshold-unmet@K27']],
    ['over-max points', (s) => setCell(s, 40, COL.points, 2), ['over-max@L40']],
    ['changed parent max', (s) => setCell(s, 39, 3, 4), ['framework-mismatch@C39', 'sum-mismatch@C29', 'sum-mismatch@C39']],
    ['changed leaf max', (s) => setCell(s, 41, 3, '1,5'), ['framework-mismatch@C41', 'sum-mismatch@C39']],
    ['parent self points that differ from the children', (s) => setCell(s, 39, COL.points, 3), ['sum-mismatch@L39']],
    ['unknown agency', (s) => setCell(s, 31, 9, 'Sở Du hành Vũ trụ'), ['unknown-agency@I31']],
    // The row found by its name is 3.1.2 in the framework: the warning names the right number.
    ['duplicate code', (s) => setCell(s, 32, 1, '3.1.1'), ['duplicate-code@A32', 'framework-mismatch@A32']],
    ['bad number', (s) => setCell(s, 31, COL.points, 'một điểm'), ['bad-number@L31']],
    ['missing lead agency on a whole group', (s) => [99, 100, 101, 102, 103].forEach((r) => setCell(s, r, 9, null)),
      [99, 100, 101, 102, 103].map((r) => `missing-lead-agency@I${r}`)],
  ];
  for (const [what, plant, expected] of cases) {
    it(`${what} → ${expected.join(', ')}`, () => {
      plant(base);
      assert.deepEqual(brief(problems(base)), [...expected].sort());
    });
  }

  it('the total row is checked against the fields', () => {
    setCell(base, 123, 3, 65);
    assert.deepEqual(brief(problems(base)), ['sum-mismatch@C123']);
  });

  it('a missing lead inherits from the sibling above before being reported', () => {
    setCell(base, 100, 9, null);
    const a = analyzeSheet(base);
    assert.deepEqual(brief(a.findings.filter((f) => f.severity !== 'info')), []);
    assert.equal(a.appendix.items.find((it) => it.row === 100)!.leadInheritedFrom, 99); // 7.1.1, not 7.1.3 below
  });

  it('scores: over-max is capped, missing evidence and unmet thresholds are not accepted', () => {
    setCell(base, 40, COL.points, 2); // 3.3.1, max 1.5
    setCell(base, 25, COL.evidence, ''); // 2.1.1, max 1
    setCell(base, 44, COL.actual, '90%'); // 3.4.1, max 1.5
    const a = analyzeSheet(base);
    const t = a.score.totals;
    assert.deepEqual([t.max, t.claimed, t.accepted, t.atRisk], [64.5, 65, 62, 2.5]);
    const f3 = a.score.fields.find((f) => f.code === '3')!;
    assert.deepEqual([f3.max, f3.claimed, f3.accepted, f3.atRisk], [13, 13.5, 11.5, 1.5]);
    const noiVu = a.score.agencies.find((g) => g.name === 'Văn phòng UBND tỉnh')!;
    assert.ok(noiVu.atRisk >= 1.5);
  });

  it('evidence policy: explain accepts an explained row, flag accepts and only warns', () => {
    setCell(base, 25, COL.evidence, null);
    setCell(base, 25, COL.explanation, 'Báo cáo đang trình ký');
    const zero = analyzeSheet(base, { evidencePolicy: 'zero' });
    const explain = analyzeSheet(base, { evidencePolicy: 'explain' });
    const flag = analyzeSheet(base, { evidencePolicy: 'flag' });
    assert.equal(zero.score.totals.accepted, 63.5);
    assert.equal(explain.score.totals.accepted, 64.5);
    assert.equal(flag.score.totals.accepted, 64.5);
    const me = (x: typeof zero) => x.findings.find((f) => f.kind === 'missing-evidence')!;
    assert.equal(me(zero).severity, 'error');
    assert.equal(me(zero).explanation, 'Báo cáo đang trình ký');
    assert.equal(me(explain).severity, 'warning');
    assert.equal(me(flag).severity, 'warning');
  });

  it('"Không phát sinh" takes a row out of the maximum', () => {
    setCell(base, 41, COL.points, 'Không phát sinh');
    setCell(base, 41, COL.actual, null);
    const t = analyzeSheet(base).score.totals;
    assert.equal(t.max, 63.5);
    assert.equal(t.accepted, 63.5);
  });

  it('every finding kind has a message in both languages and renders its row', () => {
    const kinds: FindingKind[] = ['missing-evidence', 'threshold-unmet', 'over-max', 'sum-mismatch', 'missing-lead-agency', 'unknown-agency', 'duplicate-code', 'bad-number', 'target-unparsed'];
    setCell(base, 25, COL.evidence, null);
    setCell(base, 44, COL.actual, '90%');
    setCell(base, 40, COL.points, 2);
    setCell(base, 39, 3, 4);
    setCell(base, 31, 9, 'Sở Du hành Vũ trụ');
    setCell(base, 32, 1, '3.1.1');
    setCell(base, 33, COL.points, 'x');
    [99, 100, 101, 102, 103].forEach((r) => setCell(base, r, 9, null));
    // A target in words with a result that does not settle it: left to the officer.
    const q = analyzeSheet(base).appendix.items.find((i) => i.targets[0]?.threshold.kind === 'qualitative' && !i.surveyOnly && !i.children.length)!;
    setCell(base, q.row, COL.actual, 'Ban hành Kế hoạch số 12/KH-UBND');
    const a = analyzeSheet(base);
    for (const k of kinds) assert.ok(a.findings.some((f) => f.kind === k), `no ${k}`);
    for (const f of a.findings) {
      assert.ok(f.row >= 7 && f.row <= 123);
      assert.match(f.column, /^[A-N]$/);
    }
  });
});

describe('cell notes (what a hover on an offending cell shows)', () => {
  it('one note per cell with each message once, at the top-left of a merged cell, in row order', async () => {
    const s = await cleanLaoCai();
    setCell(s, 40, COL.points, 2); // over-max@L40
    setCell(s, 25, COL.evidence, null); // missing-evidence@M25
    setCell(s, 30, 9, 'Sở Du hành Vũ trụ'); // unknown-agency on I30:I31, merged: one note on I30
    setCell(s, 31, 9, null);
    s.merges.push({ top: 30, left: 9, bottom: 31, right: 9 });
    const a = analyzeSheet(s);
    assert.deepEqual(brief(problems(s)).filter((f) => f.startsWith('unknown')), ['unknown-agency@I30', 'unknown-agency@I31']);
    const notes = buildCellNotes(a, 'en', s.merges);
    assert.deepEqual(notes.map((n) => `${n.col}:${n.row}`), [`${COL.evidence}:25`, '9:30', `${COL.points}:40`]);
    assert.match(notes[2]!.text, /^parscore:\n• Self-assessed points 2 exceed the maximum 1.5$/);
    assert.ok(notes.every((n) => isOwnNote(n.text)));
  });

  it('stops at MAX_CELL_NOTES cells and tells its own notes from the officer’s', async () => {
    const s = await cleanLaoCai();
    const a = analyzeSheet(s);
    const template = { kind: 'over-max', severity: 'error', column: 'L', code: '', params: { points: 2, max: 1 } } as const;
    const many = { ...a, findings: Array.from({ length: MAX_CELL_NOTES + 50 }, () => ({ ...template, row: a.appendix.firstDataRow })) };
    assert.equal(buildCellNotes(many, 'vi').length, 1, 'the same cell and message: one note, one line');
    const rows = a.appendix.lastDataRow - a.appendix.firstDataRow + 1;
    const spread = { ...a, findings: Array.from({ length: rows }, (_, i) => ({ ...template, row: a.appendix.firstDataRow + i })) };
    assert.equal(buildCellNotes(spread, 'vi').length, Math.min(rows, MAX_CELL_NOTES));
    assert.ok(isOwnNote('Nguyễn Văn A:\nparscore:\n• x'), 'after an author line');
    assert.ok(!isOwnNote('Chờ thẩm định (parscore: xem sau)'));
    assert.ok(!isOwnNote('Dòng 1\nDòng 2\nparscore: x'));
  });
});

describe('messages in the findings table and the inline marks', () => {
  it('the findings table and the inline marks show findingMessage of each finding, in either language and order', async () => {
    let marked = 0;
    for (const f of [LAOCAI, VINHPHUC, HAGIANG, EXAMPLE]) {
      for (const [first, second] of [['vi', 'en'], ['en', 'vi']] as const) {
        const a = analyzeSheet(await loadSnapshot(f));
        marked += a.findings.filter((x) => x.severity !== 'info').length;
        for (const lang of [first, second]) {
          // Marks before the table for the first language, after it for the second: neither may
          // carry the other language's text (a cache of rendered messages would have to key both).
          const marks = lang === first ? buildInlineMarks(a, lang)! : null;
          const table = buildSummaryTables(a, lang).find((t) => t.key === 'findings')!;
          const marksAfter = marks ?? buildInlineMarks(a, lang)!;
          a.findings.forEach((x, i) => assert.equal(table.rows[i]![5], findingMessage(x, lang), `${f} ${lang}: row ${i + 1}`));
          const status = new Map<number, string>();
          for (const x of a.findings) {
            if (x.severity === 'info' || x.row < a.appendix.firstDataRow || x.row > a.appendix.lastDataRow) continue;
            const k = x.row - a.appendix.firstDataRow;
            status.set(k, status.has(k) ? `${status.get(k)}\n• ${findingMessage(x, lang)}` : `• ${findingMessage(x, lang)}`);
          }
          marksAfter.status.forEach((text, k) => assert.equal(text, status.get(k) ?? '', `${f} ${lang}: status of row ${k + a.appendix.firstDataRow}`));
        }
      }
    }
    assert.ok(marked > 0, 'some fixture has findings to mark');
  });

  it('findings of a kind that say the same share one params object, and so one message', async () => {
    const s = await loadSnapshot(LAOCAI);
    const before = analyzeSheet(s);
    // Three leaf criteria given 9 points: two whose framework points are equal, one other.
    const leaves = before.appendix.items.filter((it) => it.code && it.maxPoints !== null && it.kind === 'criterion' && !it.children.length);
    const x = leaves.find((it) => leaves.some((o) => o !== it && o.maxPoints === it.maxPoints));
    const y = leaves.find((o) => o !== x && o.maxPoints === x?.maxPoints);
    const z = leaves.find((it) => it.maxPoints !== x?.maxPoints);
    assert.ok(x && y && z, 'the Lào Cai appendix has leaf criteria with equal and with other points');
    const maxCol = before.appendix.columns.find((c) => c.role === 'maxPoints')?.col;
    assert.ok(maxCol, 'a max points column');
    for (const it of [x, y, z]) setCell(s, it.row, maxCol, 9);
    const a = analyzeSheet(s);
    const mismatch = (it: { row: number }) => {
      const f = a.findings.find((g) => g.kind === 'framework-mismatch' && g.row === it.row);
      assert.ok(f, `a framework mismatch on row ${it.row}`);
      return f;
    };
    const [fx, fy, fz] = [mismatch(x), mismatch(y), mismatch(z)];
    assert.deepEqual(fx.params, { value: '9', expected: formatViNumber(x.maxPoints!), framework: a.appendix.frameworkId });
    assert.equal(fx.params, fy.params, 'the same points against the same framework points');
    assert.notEqual(fx.params, fz.params);
    assert.deepEqual(fz.params, { value: '9', expected: formatViNumber(z.maxPoints!), framework: a.appendix.frameworkId });
    // Qualitative targets: one params object per parsed target (items with equal target text share it).
    const paramsOf = new Map<unknown, Set<unknown>>();
    for (const it of a.appendix.items) {
      const qualitative = it.targets.filter((t) => t.threshold.kind === 'qualitative');
      if (qualitative.length !== 1 || it.surveyOnly) continue; // a survey row's "target" names who runs it
      const f = a.findings.find((g) => g.kind === 'target-unparsed' && g.row === it.row);
      assert.ok(f, `a qualitative target finding on row ${it.row}`);
      if (!paramsOf.has(qualitative[0])) paramsOf.set(qualitative[0], new Set());
      paramsOf.get(qualitative[0])!.add(f.params);
    }
    const shared = [...paramsOf.values()];
    assert.ok(shared.length >= 5, 'the Lào Cai appendix has qualitative targets');
    assert.ok(shared.every((ps) => ps.size === 1), 'one params object per parsed target');
    assert.equal(new Set(shared.map((ps) => [...ps][0])).size, shared.length, 'and another for another target');
    const unparsed = a.findings.filter((f) => f.kind === 'target-unparsed');
    assert.ok(new Set(unparsed.map((f) => f.params)).size < unparsed.length, 'the appendix repeats qualitative targets');
    for (const lang of ['vi', 'en'] as const) {
      assert.deepEqual(findingMessages(a.findings, lang), a.findings.map((f) => findingMessage(f, lang)));
      // The marks' codes cells name each finding's kind and column once.
      const marks = buildInlineMarks(a, lang)!;
      for (const f of a.findings) {
        if (f.severity === 'info' || f.row < marks.firstRow || f.row > marks.lastRow) continue;
        const codes = marks.codes[f.row - marks.firstRow]!.split(' ');
        assert.equal(codes.filter((c) => c === `${f.kind}@${f.column}`).length, 1, `codes of row ${f.row}: ${codes.join(' ')}`);
      }
    }
  });

  it('formats a findings list once per language, and again once its findings changed', async () => {
    const a = analyzeSheet(await loadSnapshot(EXAMPLE));
    const findings = [...a.findings];
    assert.ok(findings.length > 2, 'the example has findings');
    const vi = findingMessages(findings, 'vi');
    assert.deepEqual(vi, findings.map((f) => findingMessage(f, 'vi')));
    assert.equal(findingMessages(findings, 'vi'), vi, 'the second call gives the list made by the first');
    const en = findingMessages(findings, 'en');
    assert.deepEqual(en, findings.map((f) => findingMessage(f, 'en')));
    assert.notDeepEqual(en, vi);
    assert.equal(findingMessages(findings, 'vi'), vi, 'English did not replace Vietnamese');
    // Another list holding the same findings has its own messages.
    assert.deepEqual(findingMessages(findings.slice(0, 1), 'vi'), [vi[0]]);
    const current = () => assert.deepEqual(findingMessages(findings, 'vi'), findings.map((f) => findingMessage(f, 'vi')));
    findings.reverse(); // same length, other order
    current();
    findings[0] = { kind: 'missing-lead-agency', severity: 'error', row: 99, column: 'I', code: '9.9', params: {} }; // replaced
    current();
    findings.push({ kind: 'duplicate-code', severity: 'error', row: 100, column: 'A', code: '9.9', params: { code: '9.9', firstRow: 99 } });
    current();
    findings.splice(0, 2);
    current();
  });
});
