// Acceptance on the three real appendices: what the reader recognises, row by row.
import { strict as assert } from 'node:assert';
import { analyzeSheet, buildSummaryTables, type Analysis, type SheetSnapshot } from '../model';
import { baselineForYear, parseBaseline } from '../model/baseline';
import { isExcelError } from '../model/text';
import { EXAMPLE, HAGIANG, LAOCAI, VINHPHUC, loadSnapshot, setCell } from './helpers/fixtures';

const noHtml = (a: Analysis) => {
  for (const it of a.appendix.items) {
    for (const t of [it.name, it.task, it.targetText, it.product, it.deadline, ...it.lead.map((x) => x.name)]) {
      assert.ok(!/<\/?[a-z][^>]*>/i.test(t), `HTML left in row ${it.row}: ${t}`);
    }
  }
};

describe('Lào Cai 2019 PAR INDEX appendix', () => {
  let a: Analysis;
  before(async () => {
    a = analyzeSheet(await loadSnapshot(LAOCAI));
  });
  it('is recognised as PAR with a two-row merged header', () => {
    assert.equal(a.ok, true);
    assert.equal(a.index, 'PAR');
    assert.deepEqual(a.appendix.headerRows, [5, 6]);
    const roles = Object.fromEntries(a.appendix.columns.map((c) => [c.letter, c.role]));
    assert.deepEqual(roles, { A: 'code', B: 'name', C: 'maxPoints', D: 'target', E: 'evidenceRequired', F: 'evidenceRequired', G: 'target', H: 'deadline', I: 'lead', J: 'coordinating' });
  });
  it('has 8 fields totalling 64.5 points with no sum-mismatch', () => {
    const fields = a.appendix.items.filter((it) => it.parent === -1 && it.kind !== 'total');
    assert.equal(fields.length, 8);
    assert.deepEqual(fields.map((f) => f.maxPoints), [9, 5, 13, 7.5, 7.5, 8.5, 9.5, 4.5]);
    assert.equal(a.score.totals.max, 64.5);
    assert.deepEqual(a.score.fields.map((f) => f.max), [9, 5, 13, 7.5, 7.5, 8.5, 9.5, 4.5]);
    assert.equal(a.findings.filter((f) => f.kind === 'sum-mismatch').length, 0);
  });
  it('reads "1,75" and "0,5" beside "1.75" and 0.25', () => {
    const byCode = new Map(a.appendix.items.map((it) => [it.code, it]));
    assert.equal(byCode.get('1.2')!.maxPoints, 1.75);
    assert.equal(byCode.get('1.2(1)')!.maxPoints, 0.5);
    assert.equal(byCode.get('1.2(3)')!.maxPoints, 0.25);
    assert.equal(byCode.get('5.4')!.maxPoints, 0.75);
  });
  it('puts the (1)…(5) items under 1.2 and keeps 8.1 survey-only', () => {
    const byCode = new Map(a.appendix.items.map((it) => [it.code, it]));
    const p = byCode.get('1.2')!;
    assert.deepEqual(p.children.map((k) => a.appendix.items[k]!.code), ['1.2(1)', '1.2(2)', '1.2(3)', '1.2(4)', '1.2(5)']);
    assert.equal(byCode.get('8.1')!.surveyOnly, true);
    assert.equal(byCode.get('8.1')!.maxPoints, null);
  });
  it('gives every scored leaf a lead agency but 1.4.1, which is reported, not given the lead of 1.4.2 below it', () => {
    const items = a.appendix.items;
    const leaves = items.filter((it) => it.maxPoints !== null && it.children.length === 0 && it.kind !== 'total');
    assert.ok(leaves.length > 70);
    for (const it of leaves) if (it.code !== '1.4.1') assert.ok(it.lead.length > 0, `no lead on ${it.code}`);
    // A lost vertical merge keeps its value in the top cell: 1.4.1 (row 19, first under 1.4, whose
    // row has no lead) has nothing above to take, and its empty I19 is the plan's own gap.
    const l141 = items.find((it) => it.code === '1.4.1')!;
    assert.deepEqual([l141.lead.length, l141.leadInheritedFrom], [0, null]);
    assert.deepEqual(a.findings.filter((f) => f.kind === 'missing-lead-agency').map((f) => `${f.column}${f.row}`), ['I19']);
  });
  it('keeps the numbers of "Mục tiêu đạt được" as points, also those up to 1 (a PAR sheet with maxima: not rates)', () => {
    const byCode = new Map(a.appendix.items.map((it) => [it.code, it]));
    assert.deepEqual([byCode.get('1.1')!.targetPoints, byCode.get('1.2(1)')!.targetPoints, byCode.get('1.2(3)')!.targetPoints], [1.25, 0.5, 0.25]);
    assert.equal(byCode.get('1.2(1)')!.targets.some((t) => t.threshold.kind === 'compare'), false);
  });
  it('unfolds the vertical merge E16:E17 into 1.3.2', () => {
    const it = a.appendix.items.find((x) => x.code === '1.3.2')!;
    assert.match(it.evidenceRequired, /Các thông báo kết luận của Đoàn kiểm tra/);
  });
  it('parses a checkable threshold for the percentage targets', () => {
    const it = a.appendix.items.find((x) => x.code === '3.4.1')!;
    assert.deepEqual(it.targets[0]!.threshold, { kind: 'compare', op: '>=', value: 95, unit: '%' });
  });
  it('leaves no HTML in any text', () => noHtml(a));
  it('refuses the table without its STT column (no hierarchy: the maxima would add up to several times the index)', async () => {
    const noCodes = await loadSnapshot(LAOCAI);
    noCodes.values = noCodes.values.map((r) => r.slice(1));
    noCodes.merges = [];
    noCodes.origin = { row: 1, col: 2 };
    const r = analyzeSheet(noCodes);
    assert.equal(r.ok, false);
    assert.match(r.error!.message, /cần dòng tiêu đề có STT\/TT/);
    // With the header as read, for a host's form to map the STT column by hand; not an empty
    // template, which has its STT column and nothing to map.
    assert.ok(r.appendix.columns.some((c) => c.role === 'name') && r.appendix.headerRows.length > 0);
    const template = analyzeSheet({ name: 'Mẫu', merges: [], values: [['STT', 'Nội dung', 'Điểm tối đa']] });
    assert.equal(template.ok, false);
    assert.deepEqual(template.appendix.columns, []);
    // Mapped by hand to a column of codes, it is read again.
    assert.equal(analyzeSheet(await loadSnapshot(LAOCAI), { columns: { code: ['A'] } }).ok, true);
  });
  it('finds the STT column under other headers, or under none by its codes; reads a task list without one', async () => {
    const snap = await loadSnapshot(LAOCAI);
    const expected = analyzeSheet(snap).score.totals;
    const row = snap.values.findIndex((r) => typeof r[0] === 'string' && /^STT$/i.test(r[0].trim()));
    assert.ok(row >= 0);
    for (const h of ['Thứ tự', 'STT/ Mã', 'S.T.T', 'STT (1)', 'Mã chỉ số', 'No.', '', null]) {
      const x = structuredClone(snap);
      x.values[row]![0] = h;
      const a = analyzeSheet(x);
      assert.equal(a.ok, true, String(h));
      assert.deepEqual(a.score.totals, expected, String(h));
    }
    const tasks: SheetSnapshot = { name: 'Kế hoạch', merges: [], values: [['Nhiệm vụ', 'Cơ quan chủ trì', 'Phối hợp', 'Thời gian hoàn thành', 'Sản phẩm'], ['Rà soát thủ tục hành chính', 'Sở Nội vụ', 'Các sở', 'Quý II', 'Báo cáo']] };
    assert.equal(analyzeSheet(tasks).ok, true);
  });
  it('finds Roman sections over task numbers (Vĩnh Phúc PAPI) under a blank header as under "TT"', async () => {
    const snap = await loadSnapshot(VINHPHUC);
    const row = snap.values.findIndex((r) => typeof r[0] === 'string' && /^TT$/i.test(r[0].trim()));
    assert.ok(row >= 0);
    const blank = structuredClone(snap);
    blank.values[row]![0] = '';
    const [a, b] = [analyzeSheet(snap), analyzeSheet(blank)];
    assert.equal(b.ok, true);
    assert.deepEqual(b.score, a.score);
    assert.deepEqual(b.findings, a.findings);
  });

  it('takes for codes only a column of distinct, dotted codes: not points, months, marks or categories left of it', async () => {
    const snap = await loadSnapshot(LAOCAI);
    const expected = analyzeSheet(snap).score.totals;
    const row = snap.values.findIndex((r) => typeof r[0] === 'string' && /^STT$/i.test(r[0].trim()));
    const fillers: [string, (k: number) => unknown][] = [
      ['points', (k) => String((k % 3) + 1)],
      ['months', (k) => String((k % 12) + 1)],
      ['marks', () => 'X'],
      ['categories', (k) => ['I', 'II', 'III'][k % 3]],
    ];
    for (const [what, fill] of fillers) {
      const x = structuredClone(snap);
      x.values = x.values.map((r, i) => [i > row ? fill(i) : '', ...r]);
      x.merges = x.merges.map((m) => ({ ...m, left: m.left + 1, right: m.right + 1 }));
      x.values[row]![1] = '#'; // the real code column, under a header nobody maps
      const a = analyzeSheet(x);
      assert.equal(a.ok, true, what);
      assert.deepEqual(a.score.totals, expected, what);
      assert.equal(a.appendix.columns.find((c) => c.role === 'code')?.letter, 'B', what);
      // Without the real codes, the filler alone is never taken for them: refused.
      const alone = structuredClone(x);
      alone.values = alone.values.map((r, i) => (i > row ? [r[0], '', ...r.slice(2)] : r));
      assert.equal(analyzeSheet(alone).ok, false, `${what} alone`);
    }
  });
  it('reads a column override outside the sheet block as empty, never as a cell of another row', async () => {
    // The grid keeps its cells in one row-after-row array: a column past the last one (L) or
    // left of the block (A, with the block starting at B) must not reach into the next row.
    const past = analyzeSheet(await loadSnapshot(LAOCAI), { columns: { evidence: ['L'], explanation: ['Z'] } });
    // The same table moved one column right (B:O, its STT in B): A is left of the block.
    const fromB = await loadSnapshot(LAOCAI);
    fromB.merges = fromB.merges.map((m) => ({ ...m, left: m.left + 1, right: m.right + 1 }));
    fromB.origin = { row: 1, col: 2 };
    const left = analyzeSheet(fromB, { columns: { evidence: ['A'] } });
    for (const r of [past, left]) {
      assert.equal(r.ok, true, r.error?.message);
      assert.ok(r.appendix.items.length > 70);
      for (const it of r.appendix.items) assert.equal(it.evidence + it.explanation, '', `row ${it.row}`);
    }
    // The override really was applied (else the test proves nothing): the role is mapped.
    assert.ok(past.appendix.columns.some((c) => c.role === 'evidence' && c.letter === 'L'));
    assert.ok(left.appendix.columns.some((c) => c.role === 'evidence' && c.letter === 'A'));
  });
});

describe('Vĩnh Phúc 2022 PAPI appendix', () => {
  let a: Analysis;
  before(async () => {
    a = analyzeSheet(await loadSnapshot(VINHPHUC));
  });
  it('is PAPI with 8 content indices and 84 tasks', () => {
    assert.equal(a.index, 'PAPI');
    const sections = a.appendix.items.filter((it) => it.kind === 'section');
    assert.deepEqual(sections.map((s) => s.code), ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII']);
    assert.equal(a.score.taskCount, 84);
    assert.deepEqual(a.score.tasks.map((t) => t.tasks), [5, 16, 5, 12, 7, 14, 4, 21]);
  });
  it('gives every task a lead agency, a timeframe and a product', () => {
    const tasks = a.appendix.items.filter((it) => it.kind === 'task');
    assert.equal(tasks.length, 84);
    for (const t of tasks) {
      assert.ok(t.lead.length > 0, `row ${t.row} lead`);
      assert.ok(t.deadline, `row ${t.row} timeframe`);
      assert.ok(t.product, `row ${t.row} product`);
    }
    for (const line of a.score.tasks) assert.deepEqual([line.missingLead, line.missingProduct, line.missingDeadline], [0, 0, 0]);
  });
  it('parses every baseline/target line', () => {
    const b = a.score.tasks.map((t) => t.baseline);
    assert.ok(b.every((x) => x !== null));
    assert.deepEqual(
      { year: b[0]!.year, score: b[0]!.score, scaleMax: b[0]!.scaleMax, rank: b[0]!.rank, rankOf: b[0]!.rankOf, group: b[0]!.group, targetYear: b[0]!.targetYear, targetRank: b[0]!.targetRank, targetRankOf: b[0]!.targetRankOf, targetGroup: b[0]!.targetGroup },
      { year: 2021, score: 4.72, scaleMax: 10, rank: 31, rankOf: 60, group: 'trung bình thấp', targetYear: '2022', targetRank: 20, targetRankOf: 63, targetGroup: 'trung bình cao' },
    );
    assert.equal(b[4]!.score, 7.77);
    assert.equal(b[4]!.rank, 1);
    assert.equal(b[4]!.targetRank, 5);
    assert.equal(b[3]!.rank, 56);
    assert.equal(b[3]!.group, 'thấp nhất');
  });
  it('gives the baseline and the target year as numbers in the summary, a period as text', () => {
    const t = buildSummaryTables(a, 'vi').find((x) => x.key === 'fields')!;
    const year = t.header.indexOf('Năm cơ sở');
    const target = t.header.indexOf('Năm mục tiêu');
    assert.deepEqual([t.rows[0]![year], t.rows[0]![target]], [2021, 2022]);
    assert.equal(t.numberFormats[target], t.numberFormats[year]);
    const period = structuredClone(a);
    period.score.tasks[0]!.baseline!.targetYear = '2022-2025';
    assert.equal(buildSummaryTables(period, 'vi').find((x) => x.key === 'fields')!.rows[0]![target], '2022-2025');
  });
  it('takes a PAPI line’s target for the year assessed where the plan sets one year by year, else its first', async () => {
    const s = await loadSnapshot(VINHPHUC);
    const targets = (year?: number) =>
      analyzeSheet(s, year ? { year } : {}).score.tasks.map((t) => [t.code, t.baseline!.targetYear, t.baseline!.targetRank, t.baseline!.targetGroup]);
    // No year (the title names none): each line's first target, as written first.
    assert.deepEqual(targets().slice(0, 4), [
      ['I', '2022', 20, 'trung bình cao'],
      ['II', '2022', 20, 'trung bình cao'],
      ['III', '2022', 15, 'cao nhất'],
      ['IV', '2022', 30, 'trung bình cao'],
    ]);
    assert.deepEqual(targets(2022), targets());
    // IV: "Năm 2022, trong tốp 30/63 … Năm 2023, trong tốp 20/63 … Năm 2024-2025, trong tốp 10/63".
    assert.deepEqual(targets(2023)[3], ['IV', '2023', 20, 'trung bình cao']);
    assert.deepEqual(targets(2024)[3], ['IV', '2024-2025', 10, 'cao nhất']);
    // I: "Năm 2022, trong tốp 20/63 … Từ năm 2023-2025, trong tốp 10/63, thuộc Nhóm có điểm số cao nhất".
    assert.deepEqual(targets(2025)[0], ['I', '2023-2025', 10, 'cao nhất']);
    // V: one period for the whole plan; a year after the last stage keeps the last; one before the first, the first.
    assert.deepEqual(targets(2024)[4], targets()[4]);
    assert.deepEqual(targets(2027)[3], ['IV', '2024-2025', 10, 'cao nhất']);
    assert.deepEqual(targets(2020)[3], targets()[3]);
    // Stages written out of order: the latest up to the year, whatever its place in the text.
    const b = parseBaseline('Năm 2021: Đạt 5/10 điểm, xếp thứ 40/60. Mục tiêu: Năm 2025, trong tốp 10/63. Năm 2023, trong tốp 20/63')!;
    assert.deepEqual([2025, 2024, 2022].map((y) => baselineForYear(b, y).targetRank), [10, 20, 10]);
    // Each stage's own rank (a first stage without one has none, not the next's); a past result
    // after the targets is no target; a period written with any dash reads "2023-2025"; a year
    // after another gives the same as alone.
    const g = parseBaseline('Năm 2021: Đạt 5/10 điểm, xếp thứ 40/60. Mục tiêu: Năm 2022, thuộc Nhóm có điểm số trung bình cao. Từ năm 2023–2025, thuộc Nhóm có điểm số cao nhất (Kết quả năm 2020: xếp thứ 50/60)')!;
    assert.deepEqual([g.targetYear, g.targetRank, g.targetGroup], ['2022', null, 'trung bình cao']);
    const later = baselineForYear(g, 2024);
    assert.deepEqual([later.targetYear, later.targetRank, later.targetGroup], ['2023-2025', null, 'cao nhất']);
    assert.deepEqual(baselineForYear(later, 2022), g);
    // Stages after a comma (with their year), "đến năm …", and periods written "giai đoạn …".
    const commas = parseBaseline('Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu: Năm 2022 trong tốp 20/63 tỉnh, thành phố, năm 2023 trong tốp 15/63, đến năm 2024 trong tốp 12/63; đến năm 2025 trong tốp 10/63')!;
    assert.deepEqual([2022, 2023, 2024, 2025].map((y) => [baselineForYear(commas, y).targetYear, baselineForYear(commas, y).targetRank]), [['2022', 20], ['2023', 15], ['2024', 12], ['2025', 10]]);
    const periods = parseBaseline('Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu: Giai đoạn 2022-2023 trong tốp 20/63; giai đoạn 2024 – 2025 trong tốp 10/63')!;
    assert.deepEqual([periods.targetYear, periods.targetRank], ['2022-2023', 20]);
    assert.deepEqual([baselineForYear(periods, 2024).targetYear, baselineForYear(periods, 2024).targetRank], ['2024-2025', 10]);
    // A year after a comma that is not later (a past rank) is no stage; a "giai đoạn" heading gives way to its stages' years.
    const pastRank = parseBaseline('Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu: Năm 2023 trong tốp 20/63, năm 2021 xếp thứ 31/63; năm 2025 trong tốp 10/63')!;
    assert.deepEqual([2022, 2024, 2025].map((y) => baselineForYear(pastRank, y).targetRank), [20, 20, 10]);
    // A past rank after a comma for a year before the stage it follows (the line's own result is older still).
    const backwards = parseBaseline('Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu: Năm 2024 trong tốp 10/63, năm 2022 xếp thứ 25/63; năm 2025 trong tốp 5/63')!;
    assert.deepEqual([2023, 2025].map((y) => baselineForYear(backwards, y).targetRank), [10, 5]);
    // A year compared with is no stage's year, before a comma or after it.
    const compared = parseBaseline('Năm 2020: Đạt 4/10 điểm, xếp thứ 31/60. Mục tiêu: Giai đoạn 2022-2023 trong tốp 20/63 (cao hơn năm 2021); giai đoạn 2024-2025 trong tốp 10/63')!;
    assert.deepEqual([compared.targetYear, baselineForYear(compared, 2024).targetYear], ['2022-2023', '2024-2025']);
    assert.equal(parseBaseline('Năm 2020: Đạt 4/10 điểm, xếp thứ 31/60. Mục tiêu: Trong tốp 20/63, cao hơn năm 2021')!.targetYear, '', 'a year compared with');
    const comparedAfter = parseBaseline('Năm 2020: Đạt 4/10 điểm, xếp thứ 31/60. Mục tiêu: Năm 2022 trong tốp 20/63, giai đoạn 2023-2025 trong tốp 10/63 so với năm 2021')!;
    assert.deepEqual([baselineForYear(comparedAfter, 2024).targetYear, baselineForYear(comparedAfter, 2024).targetRank], ['2023-2025', 10]);
    const noYear = parseBaseline('Năm 2021: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu: trong tốp 20/63, năm 2021 xếp thứ 31/63; năm 2025 trong tốp 10/63')!;
    assert.equal(baselineForYear(noYear, 2022).targetRank, 20, 'the line’s own year is past');
    const heading = parseBaseline('Năm 2020: Đạt 4,72/10 điểm, xếp thứ 31/60. Mục tiêu giai đoạn 2021-2025: năm 2022 trong tốp 20/63; năm 2024 trong tốp 10/63')!;
    assert.deepEqual([heading.targetYear, baselineForYear(heading, 2024).targetYear, baselineForYear(heading, 2024).targetRank], ['2022', '2024', 10]);
    // The summary sheet and the CLI's lines show the same (one engine call).
    const t = buildSummaryTables(analyzeSheet(s, { year: 2024 }), 'vi').find((x) => x.key === 'fields')!;
    assert.deepEqual([t.rows[3]![t.header.indexOf('Năm mục tiêu')], t.rows[3]![t.header.indexOf('Hạng mục tiêu')]], ['2024-2025', '10/63']);
  });
  it('an emptied lead takes the task above, never the one below; the first task of an index is reported', async () => {
    const s = await loadSnapshot(VINHPHUC);
    setCell(s, 24, 3, ''); // II.10, Sở LĐTBXH; II.11 below is "UBND các huyện, TP"
    setCell(s, 15, 3, ''); // II.1: section II has no lead and nothing is above it
    const r = analyzeSheet(s);
    const row = (n: number) => r.appendix.items.find((it) => it.row === n)!;
    assert.deepEqual([row(24).lead.map((l) => l.name), row(24).leadInheritedFrom], [row(23).lead.map((l) => l.name), 23]);
    assert.deepEqual([row(15).lead.length, row(15).leadInheritedFrom], [0, null]);
    assert.deepEqual(r.findings.filter((f) => f.kind === 'missing-lead-agency').map((f) => `${f.column}${f.row}`), ['C15']);
    assert.equal(r.score.tasks[1]!.missingLead, 1);
  });
  it('reads the other baseline wordings, and an impossible score as a bad number, never as a task', async () => {
    const s = await loadSnapshot(VINHPHUC);
    setCell(s, 7, 2, '(Kết quả năm 2021: Đạt 4,72/10, xếp thứ 31/60 tỉnh, thành phố, thuộc nhóm có điểm số Trung bình thấp)');
    setCell(s, 14, 2, 'Năm 2019, chỉ số tổng hợp PAPI của tỉnh Lạng Sơn đạt 44,07 điểm, xếp hạng 24/63 tỉnh, thành phố, nằm trong nhóm trung bình cao');
    setCell(s, 32, 2, 'Năm 2021: Đạt 12,4/10 điểm, xếp thứ 19/60. Mục tiêu: Năm 2022, trong tốp 15/63');
    setCell(s, 53, 2, 'Năm 2021: Đạt 17,7 điểm, xếp thứ 01/60. Mục tiêu: Từ năm 2022-2025, duy trì trong tốp 05/63');
    const r = analyzeSheet(s);
    assert.equal(r.score.taskCount, 84);
    assert.deepEqual(r.score.tasks.map((t) => t.tasks), [5, 16, 5, 12, 7, 14, 4, 21]);
    const b = r.score.tasks.map((t) => t.baseline);
    assert.deepEqual([b[0]!.year, b[0]!.score, b[0]!.scaleMax, b[0]!.rank, b[0]!.rankOf, b[0]!.group], [2021, 4.72, 10, 31, 60, 'trung bình thấp']);
    assert.deepEqual([b[1]!.year, b[1]!.score, b[1]!.scaleMax, b[1]!.rank, b[1]!.rankOf], [2019, 44.07, null, 24, 63]); // the total PAPI, up to 80
    assert.deepEqual([b[2]!.score, b[2]!.scaleMax, b[2]!.rank, b[2]!.targetRank], [null, 10, 19, 15]); // a content index is 1–10
    assert.deepEqual([b[4]!.score, b[4]!.rank], [null, 1]); // in points, under a content index
    const got = r.findings.filter((f) => [7, 14, 32, 53].includes(f.row)).map((f) => `${f.kind}@${f.column}${f.row}:${f.params.value}`);
    assert.deepEqual(got, ['bad-number@B32:12,4/10', 'bad-number@B53:17,7']);
  });
  it('takes no target for a baseline: words before "đạt" need a rank, and a score its scale allows', () => {
    assert.equal(parseBaseline('Năm 2023, phấn đấu đạt 45 điểm trở lên'), null);
    assert.equal(parseBaseline('Năm 2023: hoàn thành 100% nhiệm vụ'), null);
    assert.equal(parseBaseline('Năm 2021:Đạt 4,72/10, xếp thứ 31/60')!.score, 4.72);
    assert.equal(parseBaseline('Năm 2021: Đạt 0,5/10 điểm', true)!.score, null); // a content index is at least 1
    assert.equal(parseBaseline('Năm 2021: đạt 101,5%, xếp thứ 2/63')!.score, null);
    assert.equal(parseBaseline('Năm 2021, chỉ số PAPI của tỉnh đạt 84,1 điểm, xếp hạng 2/63', true)!.score, null); // the total is up to 80
  });
  it('reads thresholds from the product and timeframe columns', () => {
    const row = (r: number) => a.appendix.items.find((it) => it.row === r)!;
    assert.deepEqual(row(91).targets[0]!.threshold, { kind: 'compare', op: '>', value: 95, unit: '%' });
    assert.equal(row(88).targets[0]!.threshold.kind, 'compare'); // "≥1 lần/năm" in the timeframe column
  });
  it('leaves no HTML in any text', () => noHtml(a));
});

describe('Hà Giang 2023 city PAPI appendix', () => {
  let a: Analysis;
  before(async () => {
    a = analyzeSheet(await loadSnapshot(HAGIANG));
  });
  it('is PAPI with 8 indices, 29 numbered criteria and 40 tasks', () => {
    assert.equal(a.index, 'PAPI');
    const items = a.appendix.items;
    assert.equal(items.filter((it) => it.parent === -1).length, 8);
    const numbered = items.filter((it) => /^\d\.\d$/.test(it.code)).map((it) => it.code);
    assert.equal(numbered.length, 29);
    assert.equal(numbered[0], '1.1');
    assert.equal(numbered[28], '8.3');
    assert.equal(a.score.taskCount, 40);
  });
  it('skips the 9 repeated header rows and joins the 3 rows split by page breaks', () => {
    assert.deepEqual(a.appendix.repeatedHeaderRows, [15, 23, 30, 36, 44, 52, 58, 64, 71]);
    assert.deepEqual(a.appendix.continuationRows, [16, 53, 72]);
  });
  it('joins the third task of 6.1 back together', () => {
    const c61 = a.appendix.items.find((it) => it.code === '6.1')!;
    const tasks = [a.appendix.items.indexOf(c61), ...c61.children].map((k) => a.appendix.items[k]!).filter((it) => it.task);
    assert.equal(tasks.length, 3);
    const third = tasks[2]!;
    assert.deepEqual(third.lead.map((l) => l.name), ['Văn phòng HĐND-UBND thành phố']);
    assert.equal(third.deadline, 'Thường xuyên');
    assert.match(third.task, /đối với sự phục vụ của cán bộ, công chức, viên chức tại Trung tâm y tế thành phố$/);
  });
  it('keeps extra tasks under the same criterion as separate tasks', () => {
    const c22 = a.appendix.items.find((it) => it.code === '2.2')!;
    assert.equal(c22.children.length, 1);
    const extra = a.appendix.items[c22.children[0]!]!;
    assert.equal(extra.row, 17);
    assert.match(c22.task, /phường và thông qua các cuộc họp thôn, tổ dân phố\.$/);
    assert.deepEqual(extra.targets[0]!.threshold, { kind: 'compare', op: '>=', value: 30, unit: '%' });
  });
  it("gives an extra task past a page break its criterion's timeframe, as it gives the lead (G17)", () => {
    const extra = a.appendix.items.find((it) => it.row === 17)!;
    assert.deepEqual([extra.lead.map((l) => l.name), extra.leadInheritedFrom, extra.deadline], [['Phòng Lao động, Thương binh và Xã hội'], 13, 'Thường xuyên']);
    const missing = a.findings.filter((f) => f.kind === 'missing-task-field').map((f) => `${f.column}${f.row}`);
    assert.deepEqual(missing, ['G26', 'G27']); // 3.3 has no timeframe to give its extra task
  });
  it('leaves no HTML in any text', () => noHtml(a));
});

describe('Excel error values in the officer\'s cells (#DIV/0!, #N/A, #REF!: failed formulas)', () => {
  const at = (snap: SheetSnapshot, ref: string, v: unknown): SheetSnapshot => {
    const copy = structuredClone(snap);
    const col = ref.charCodeAt(0) - 64;
    const row = Number(ref.slice(1));
    copy.values[row - 1]![col - 1] = v;
    return copy;
  };
  it('a failed result earns no points and is flagged; #N/A is never "n/a"; a failed evidence cell is no evidence', async () => {
    const snap = await loadSnapshot(EXAMPLE);
    const base = analyzeSheet(snap);
    const k44 = base.appendix.items.find((x) => x.row === 44)!;
    assert.ok(base.findings.some((f) => f.kind === 'threshold-unmet' && f.row === 44)); // 93,5% of ≥ 95%: 1.5 points not accepted
    for (const err of ['#DIV/0!', '#N/A', '#VALUE!']) {
      const a = analyzeSheet(at(snap, 'K44', err));
      assert.equal(a.score.totals.accepted, base.score.totals.accepted, err); // not 1.5 points more
      assert.ok(a.findings.some((f) => f.kind === 'bad-number' && f.row === 44 && f.column === 'K' && f.params.value === err), err);
    }
    for (const col of ['C', 'L', 'K']) {
      const a = analyzeSheet(at(snap, `${col}44`, '#N/A'));
      assert.equal(a.appendix.items.find((x) => x.row === 44)!.notApplicable, false, col);
    }
    assert.equal(k44.evidence !== '', true);
    const noEvidence = analyzeSheet(at(snap, `M${k44.row}`, '#REF!'));
    assert.ok(noEvidence.findings.some((f) => f.kind === 'missing-evidence' && f.row === 44));
    // Nor is a failed formula an explanation, under the policy that accepts explained rows.
    const explainedByError = analyzeSheet(at(at(snap, `M${k44.row}`, ''), `N${k44.row}`, '#REF!'), { evidencePolicy: 'explain' });
    assert.ok(explainedByError.findings.some((f) => f.kind === 'missing-evidence' && f.row === 44 && f.severity === 'error'));
    // A text that only starts like one is the officer's own.
    assert.equal(isExcelError('#1 trong danh sách'), false);
    assert.equal(isExcelError('#N/A'), true);
  });
});
