// Summary sheets as data: "Tổng hợp điểm", "Theo cơ quan", "Danh sách vấn đề".
import { findingMessages, KIND_LABELS, SEVERITY_LABELS } from './messages';
import type { Analysis, SummaryTable, TableCell } from './report-types';
import type { Lang } from './types';

export const SHEET_NAMES = { fields: 'Tổng hợp điểm', agencies: 'Theo cơ quan', findings: 'Danh sách vấn đề' } as const;

const PTS = '#,##0.00';
const PCT = '0.0';
const INT = '0';

const H = {
  vi: {
    fieldsTitle: 'TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ THEO LĨNH VỰC',
    tasksTitle: 'TỔNG HỢP NHIỆM VỤ THEO CHỈ SỐ NỘI DUNG',
    agenciesTitle: 'TỔNG HỢP THEO CƠ QUAN CHỦ TRÌ',
    findingsTitle: 'DANH SÁCH VẤN ĐỀ CẦN XỬ LÝ',
    code: 'Mã', field: 'Lĩnh vực / Chỉ số', index: 'Chỉ số nội dung', max: 'Điểm tối đa', claimed: 'Điểm tự đánh giá',
    accepted: 'Điểm được chấp nhận', atRisk: 'Điểm có rủi ro', pct: 'Chỉ số (%)', items: 'Số tiêu chí chấm điểm',
    findings: 'Số vấn đề', total: 'Tổng cộng', tasks: 'Số nhiệm vụ', noLead: 'Thiếu chủ trì', noProduct: 'Thiếu sản phẩm',
    noDeadline: 'Thiếu thời gian', baseYear: 'Năm cơ sở', baseScore: 'Điểm', baseRank: 'Xếp hạng', baseGroup: 'Nhóm',
    targetYear: 'Năm mục tiêu', targetRank: 'Hạng mục tiêu', targetGroup: 'Nhóm mục tiêu', agency: 'Cơ quan chủ trì',
    note: 'Ghi chú', unknown: 'Không có trong danh mục', no: 'STT', cell: 'Ô', severity: 'Mức độ', kind: 'Loại vấn đề',
    message: 'Nội dung', explanation: 'Giải trình', chartTitle: 'Điểm tối đa, tự đánh giá và được chấp nhận theo lĩnh vực',
  },
  en: {
    fieldsTitle: 'SELF-ASSESSMENT SCORES BY FIELD',
    tasksTitle: 'TASKS BY CONTENT INDEX',
    agenciesTitle: 'SUMMARY BY LEAD AGENCY',
    findingsTitle: 'ISSUES TO RESOLVE',
    code: 'Code', field: 'Field / index', index: 'Content index', max: 'Max points', claimed: 'Self-assessed',
    accepted: 'Accepted', atRisk: 'At risk', pct: 'Index (%)', items: 'Scored criteria',
    findings: 'Issues', total: 'Total', tasks: 'Tasks', noLead: 'No lead', noProduct: 'No product',
    noDeadline: 'No timeframe', baseYear: 'Baseline year', baseScore: 'Score', baseRank: 'Rank', baseGroup: 'Group',
    targetYear: 'Target year', targetRank: 'Target rank', targetGroup: 'Target group', agency: 'Lead agency',
    note: 'Note', unknown: 'Not in registry', no: 'No.', cell: 'Cell', severity: 'Severity', kind: 'Kind',
    message: 'Message', explanation: 'Explanation', chartTitle: 'Maximum, self-assessed and accepted points by field',
  },
};

type Words = (typeof H)['vi'];

/** The header row of each summary table (the tables below and the signatures after use these). */
const HEADERS = {
  fields: (h: Words) => [h.code, h.field, h.max, h.claimed, h.accepted, h.atRisk, h.pct, h.items, h.findings],
  tasks: (h: Words) => [h.code, h.index, h.tasks, h.noLead, h.noProduct, h.noDeadline, h.baseYear, h.baseScore, h.baseRank, h.baseGroup, h.targetYear, h.targetRank, h.targetGroup, h.findings],
  agencyPoints: (h: Words) => [h.agency, h.max, h.claimed, h.accepted, h.atRisk, h.pct, h.items, h.findings, h.note],
  agencyTasks: (h: Words) => [h.agency, h.tasks, h.findings, h.note],
  findings: (h: Words) => [h.no, h.cell, h.code, h.severity, h.kind, h.message, h.explanation],
};
const ALL_HEADERS: string[][] = Object.values(H).flatMap((h) => Object.values(HEADERS).map((f) => f(h)));
const ALL_TITLES = new Set<string>(Object.values(H).flatMap((h) => [h.fieldsTitle, h.tasksTitle, h.agenciesTitle, h.findingsTitle]));
/** Two neighbouring header cells of some summary table: any part of a header row gives itself away. */
const HEADER_PAIRS = new Set<string>(ALL_HEADERS.flatMap((r) => r.slice(1).map((b, j) => `${r[j]!}\u0000${b}`)));

const textOf = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * Exactly as parscore lays out a summary sheet, from A1 (the CLI, the browser checker and the
 * add-in alike): its title in A1 and a whole header row of it in row 3. What decides that a sheet
 * may be deleted or replaced, so nothing an officer would write by hand passes it.
 */
export function isSummaryLayout(rows: readonly (readonly unknown[] | undefined)[]): boolean {
  if (!ALL_TITLES.has(textOf(rows[0]?.[0]))) return false;
  const head = rows[2];
  return !!head && ALL_HEADERS.some((hr) => hr.every((t, j) => textOf(head[j]) === t));
}

/**
 * Looks like part of a summary sheet: in its first four rows, wherever the range starts, a title or
 * two neighbouring header cells. What refuses to analyse a range (a custom function over B1:I14 of
 * "Tổng hợp điểm" would score the scores); never what deletes anything.
 */
export function hasSummaryMarks(rows: readonly (readonly unknown[] | undefined)[]): boolean {
  for (let i = 0; i < Math.min(4, rows.length); i++) {
    const r = rows[i];
    if (!r) continue;
    for (let j = 0; j < r.length; j++) {
      const a = textOf(r[j]);
      if (a && (ALL_TITLES.has(a) || HEADER_PAIRS.has(`${a}\u0000${textOf(r[j + 1])}`))) return true;
    }
  }
  return false;
}

export function buildSummaryTables(a: Analysis, lang: Lang = a.lang): SummaryTable[] {
  const tables = [fieldsTable(a, lang), agenciesTable(a, lang), findingsTable(a, lang)];
  const note = yearNote(a, lang);
  if (note) for (const t of tables) t.note = note;
  return tables;
}

const YEAR_FROM = {
  vi: { option: 'đã chọn', title: 'theo tiêu đề bảng', default: 'theo tiêu đề trang tính' },
  en: { option: 'chosen', title: "from the table's title", default: "from the sheet's title" },
};

/** "Năm đánh giá: 2019 (theo tiêu đề bảng)": which year's stage the scores took, said on every summary. */
function yearNote(a: Analysis, lang: Lang): string {
  if (a.year === null || !a.yearFrom) return '';
  return `${lang === 'en' ? 'Assessment year' : 'Năm đánh giá'}: ${a.year} (${YEAR_FROM[lang][a.yearFrom]})`;
}

function fieldsTable(a: Analysis, lang: Lang): SummaryTable {
  const h = H[lang];
  const s = a.score;
  if (a.appendix.hasPoints) {
    const rows: TableCell[][] = s.fields.map((f) => [f.code, f.name, f.max, f.claimed, f.accepted, f.atRisk, f.indexPercent, f.items, f.findings]);
    const t = s.totals;
    rows.push(['', h.total, t.max, t.claimed, t.accepted, t.atRisk, t.indexPercent, sum(s.fields.map((f) => f.items)), sum(s.fields.map((f) => f.findings))]);
    return {
      key: 'fields', sheetName: SHEET_NAMES.fields, title: h.fieldsTitle,
      header: HEADERS.fields(h),
      rows, numberFormats: [null, null, PTS, PTS, PTS, PTS, PCT, INT, INT], links: rows.map(() => null), totalRow: rows.length - 1,
      chart: { title: h.chartTitle, categoryCol: 1, seriesCols: [2, 3, 4] },
    };
  }
  const fieldOf = new Map<string, (typeof s.fields)[number]>(); // first field of each code and name
  for (const x of s.fields) if (!fieldOf.has(`${x.code}\u0000${x.name}`)) fieldOf.set(`${x.code}\u0000${x.name}`, x);
  const rows: TableCell[][] = s.tasks.map((t) => {
    const b = t.baseline;
    const f = fieldOf.get(`${t.code}\u0000${t.name}`);
    return [t.code, t.name, t.tasks, t.missingLead, t.missingProduct, t.missingDeadline, b?.year ?? null, b?.score ?? null,
      b?.rank != null ? `${b.rank}/${b.rankOf ?? ''}` : null, b?.group || null, yearCell(b?.targetYear),
      b?.targetRank != null ? `${b.targetRank}/${b.targetRankOf ?? ''}` : null, b?.targetGroup || null, f?.findings ?? 0];
  });
  rows.push(['', h.total, sum(s.tasks.map((t) => t.tasks)), sum(s.tasks.map((t) => t.missingLead)), sum(s.tasks.map((t) => t.missingProduct)),
    sum(s.tasks.map((t) => t.missingDeadline)), null, null, null, null, null, null, null, sum(s.fields.map((f) => f.findings))]);
  return {
    key: 'fields', sheetName: SHEET_NAMES.fields, title: h.tasksTitle,
    header: HEADERS.tasks(h),
    rows, numberFormats: [null, null, INT, INT, INT, INT, INT, '0.00', null, null, INT, null, null, INT], links: rows.map(() => null), totalRow: rows.length - 1,
  };
}

/**
 * A target year as its column's cells: a number like the baseline year beside it (so both sort
 * and filter as years), a period ("2022-2025") as text.
 */
function yearCell(year: string | undefined): TableCell {
  if (!year) return null;
  return /^\d{4}$/.test(year) ? Number(year) : year;
}

function agenciesTable(a: Analysis, lang: Lang): SummaryTable {
  const h = H[lang];
  const ag = a.score.agencies;
  const note = (u: boolean) => (u ? h.unknown : null);
  if (a.appendix.hasPoints) {
    const rows: TableCell[][] = ag.map((x) => [x.name, x.max, x.claimed, x.accepted, x.atRisk, x.indexPercent, x.items, x.findings, note(x.unknown)]);
    return {
      key: 'agencies', sheetName: SHEET_NAMES.agencies, title: h.agenciesTitle,
      header: HEADERS.agencyPoints(h),
      rows, numberFormats: [null, PTS, PTS, PTS, PTS, PCT, INT, INT, null], links: rows.map(() => null), totalRow: -1,
    };
  }
  const rows: TableCell[][] = ag.map((x) => [x.name, x.tasks, x.findings, note(x.unknown)]);
  return {
    key: 'agencies', sheetName: SHEET_NAMES.agencies, title: h.agenciesTitle,
    header: HEADERS.agencyTasks(h), rows, numberFormats: [null, INT, INT, null], links: rows.map(() => null), totalRow: -1,
  };
}

function findingsTable(a: Analysis, lang: Lang): SummaryTable {
  const h = H[lang];
  const findings = a.findings;
  const messages = findingMessages(findings, lang);
  // Made at their size: grown by push, each list was copied ~20 times, its last copies in the
  // large-object space on fresh pages (27,000 findings at 50,000 rows).
  const rows: TableCell[][] = new Array(findings.length);
  const links: SummaryTable['links'] = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const address = `${f.column || 'A'}${f.row}`;
    rows[i] = [i + 1, address, f.code || null, SEVERITY_LABELS[lang][f.severity], KIND_LABELS[lang][f.kind], messages[i]!, f.explanation ?? null];
    links[i] = { sheet: a.sheet, address };
  }
  return {
    key: 'findings', sheetName: SHEET_NAMES.findings, title: h.findingsTitle,
    header: HEADERS.findings(h), rows,
    numberFormats: [INT, null, null, null, null, null, null], links, totalRow: -1,
  };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return Math.round(s * 1e6) / 1e6;
}
