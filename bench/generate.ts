// Synthetic appendices shaped like the Lào Cai 2019 PAR INDEX appendix with a filled
// self-assessment (examples/laocai-2019-tu-danh-gia.xlsx): columns A:J of the plan plus K:N of the
// self-assessment, the same title rows and two-row merged header, hierarchy 1 > 1.1 > 1.1.1 with
// "(n)" items, texts drawn from the real rows (so the same lengths), Vietnamese numbers ("1,75"),
// lead/coordinating cells (some merged vertically over "(n)" items), page breaks with a repeated
// header, a column-number row and a split row, and planted findings: missing evidence, unmet
// thresholds, points over the maximum, unknown agencies.
//
// Deterministic (seeded); files are cached in bench/out/ under a name carrying GEN_VERSION.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeSheet, formatViNumber, parseTarget, type AppendixItem, type Threshold } from '../model';
import { snapshotOf } from '../xlsx/read';
import { evidenceFor, meeting } from '../examples/make-example';

export const GEN_VERSION = 4;

/** The repository root, from bench/ (tsx) or from the compiled copy in bench/out/build/bench/. */
export const ROOT = (() => {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, 'package.json')) && path.dirname(d) !== d) d = path.dirname(d);
  return d;
})();
export const OUT_DIR = path.join(ROOT, 'bench', 'out');
const SOURCE = path.join(ROOT, 'examples', 'laocai-2019-tu-danh-gia.xlsx');

const WIDTH = 14; // A:N
const FIRST_DATA_ROW = 7;
/** A page break (repeated header + column numbers, sometimes a split row) every this many rows. */
const PAGE_ROWS = 250;

export interface Planted {
  missingEvidence: number;
  thresholdUnmet: number;
  overMax: number;
  unknownAgency: number;
  scoredRows: number;
  pageBreaks: number;
  continuations: number;
  verticalMerges: number;
}

export interface Generated {
  file: string;
  rows: number; // data rows (Excel rows 7 … 6 + rows, before the total row)
  planted: Planted;
  bytes: number;
}

// ---------------------------------------------------------------------------- templates

interface LeafTemplate {
  name: string;
  maxPoints: number;
  e: unknown;
  f: unknown;
  g: unknown;
  h: unknown;
  lead: string;
  coord: string;
  threshold: Threshold | undefined;
  evidenceRequired: string;
}

interface Templates {
  title: unknown[][]; // rows 1-3
  header: unknown[][]; // rows 5-6
  fields: string[];
  parents: string[];
  leaves: LeafTemplate[];
  widths: (number | undefined)[];
}

let templates: Templates | null = null;

async function loadTemplates(): Promise<Templates> {
  if (templates) return templates;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SOURCE);
  const ws = wb.worksheets[0]!;
  const snap = snapshotOf(ws);
  const a = analyzeSheet(snap);
  const cell = (row: number, col: number) => snap.values[row - 1]?.[col - 1] ?? null;
  const leaves: LeafTemplate[] = [];
  const fields: string[] = [];
  const parents: string[] = [];
  const isLeaf = (it: AppendixItem) => it.maxPoints !== null && !it.surveyOnly && it.children.length === 0 && it.kind !== 'total';
  for (const it of a.appendix.items) {
    if (it.kind === 'total' || it.maxPoints === null) continue;
    if (it.parent === -1) fields.push(it.name);
    else if (!isLeaf(it)) parents.push(it.name.replace(/^\(\d+\)\s*/, ''));
    else {
      leaves.push({
        name: it.name.replace(/^\(\d+\)\s*/, ''),
        maxPoints: it.maxPoints,
        e: cell(it.row, 5),
        f: cell(it.row, 6),
        g: cell(it.row, 7),
        h: cell(it.row, 8),
        lead: String(cell(it.row, 9) ?? ''),
        coord: String(cell(it.row, 10) ?? ''),
        threshold: it.targets.find((t) => t.threshold.kind !== 'qualitative')?.threshold,
        evidenceRequired: it.evidenceRequired,
      });
    }
  }
  templates = {
    title: [1, 2, 3].map((r) => snap.values[r - 1] ?? []),
    header: [5, 6].map((r) => (snap.values[r - 1] ?? []).slice(0, WIDTH)),
    fields,
    parents,
    leaves,
    widths: Array.from({ length: WIDTH }, (_, j) => ws.getColumn(j + 1).width),
  };
  return templates;
}

// ---------------------------------------------------------------------------- helpers

/** mulberry32: small, fast, deterministic. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An actual result that misses the threshold. */
function failing(t: Threshold): string | null {
  switch (t.kind) {
    case 'compare':
      if (t.op === '>=' || t.op === '>') return t.unit === '%' ? `${formatViNumber(Math.max(0, t.value - 4.5))}%` : `${formatViNumber(Math.max(0, t.value - 2))}${t.unit ? ` ${t.unit}` : ''}`;
      if (t.op === '<=' || t.op === '<') return `${formatViNumber(t.value + 3)}${t.unit === '%' ? '%' : t.unit ? ` ${t.unit}` : ''}`;
      return null;
    case 'range':
      return `${formatViNumber(Math.max(0, t.min - 5))}${t.unit === '%' ? '%' : ''}`;
    case 'none':
      return 'Có 02 trường hợp';
    case 'relative':
      return t.direction === 'increase' ? 'Giảm 2%' : 'Tăng 3%';
    default:
      return null;
  }
}

/** A target phrase with its percentage changed and, often, a numbered suffix that is no target. */
function varyTarget(g: unknown, r: () => number, n: number): unknown {
  if (typeof g !== 'string') return g;
  let out = g.replace(/\b(\d{2,3})(\s*%)/, (_m, _d: string, pct: string) => `${60 + Math.floor(r() * 41)}${pct}`);
  if (r() < 0.6) out = `${out} (đợt ${n})`;
  return out;
}

const UNKNOWN_AGENCIES = [
  'Trung tâm Phát triển quỹ đất Phú Hưng',
  'Ban Điều phối dự án hỗ trợ đô thị miền núi',
  'Công ty cổ phần Môi trường đô thị Bắc Hà',
  'Phòng Y tế',
  'Thanh tra Sở',
];

/** Points as officers type them: mostly numbers, some Vietnamese decimal strings ("1,75"). */
function points(x: number, r: () => number): number | string {
  return !Number.isInteger(x) && r() < 0.35 ? formatViNumber(x) : x;
}

// ---------------------------------------------------------------------------- generation

type Row = unknown[];

interface Counters extends Planted {}

function newRow(): Row {
  return new Array(WIDTH).fill(null);
}

/**
 * Data rows for n rows: fields of ~150 rows (at least 8 fields, like the real appendix), each
 * with criteria that are leaves, groups of "(n)" items or groups of numbered sub-criteria.
 */
function buildRows(n: number, t: Templates, c: Counters): { rows: Row[]; merges: [number, number, number, number][]; total: number } {
  const r = rng(0x5eed ^ n);
  const rows: Row[] = [];
  const merges: [number, number, number, number][] = [];
  const fieldsCount = Math.max(8, Math.round(n / 150));
  let leafNo = 0;
  let total = 0;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  let nextBreak = PAGE_ROWS;

  /** Room left before the next page break, and the page-break rows themselves. */
  const maybePageBreak = (budget: { left: number }) => {
    if (rows.length < nextBreak || budget.left < 4) return;
    nextBreak += PAGE_ROWS;
    rows.push(t.header[0]!.slice());
    rows.push([...Array.from({ length: 10 }, (_, j): unknown => `(${j + 1})`), null, null, null, null]);
    budget.left -= 2;
    c.pageBreaks++;
    // Half the breaks split the row above: its requirement text goes on in lower case.
    if (r() < 0.5 && budget.left >= 2) {
      const cont = newRow();
      cont[5] = 'và các tài liệu kiểm chứng khác có liên quan (nếu có).';
      rows.push(cont);
      budget.left -= 1;
      c.continuations++;
    }
  };

  const leafRow = (code: string, name: string, lt: LeafTemplate, lead: string | null): { row: Row; max: number } => {
    const row = newRow();
    const max = lt.maxPoints;
    leafNo++;
    c.scoredRows++;
    // Real appendices repeat agencies and deadlines but rarely names, contents or targets
    // (Lào Cai: 100% / 94% / 80% distinct): vary those so text-keyed caches get no free ride.
    const g = varyTarget(lt.g, r, leafNo);
    const threshold = typeof g === 'string' ? parseTarget(g).find((x) => x.threshold.kind !== 'qualitative')?.threshold : lt.threshold;
    row[0] = code;
    row[1] = r() < 0.9 ? `${name} (nội dung ${leafNo})` : name;
    row[2] = points(max, r);
    row[3] = row[2];
    row[4] = lt.e;
    row[5] = typeof lt.f === 'string' && r() < 0.9 ? `${lt.f} (đợt ${leafNo})` : lt.f;
    row[6] = g;
    row[7] = lt.h;
    row[8] = lead;
    row[9] = lt.coord;
    // Self-assessment, with planted mistakes.
    let actual = meeting(threshold);
    let self: number = max;
    let evidence = evidenceFor({ evidenceRequired: lt.evidenceRequired } as AppendixItem, leafNo);
    let explanation: string | null = null;
    const roll = r();
    if (roll < 0.03) {
      evidence = '';
      if (r() < 0.34) explanation = 'Tài liệu đang chờ cơ quan chủ trì tổng hợp, sẽ bổ sung trong quý IV';
      c.missingEvidence++;
    } else if (roll < 0.05 && threshold) {
      const bad = failing(threshold);
      if (bad) {
        actual = bad;
        c.thresholdUnmet++;
      }
    } else if (roll < 0.06) {
      self = max + 0.5;
      c.overMax++;
    }
    row[10] = actual;
    row[11] = points(self, r);
    row[12] = evidence;
    row[13] = explanation;
    return { row, max };
  };

  const leadFor = (lt: LeafTemplate): string | null => {
    const x = r();
    if (x < 0.02) {
      c.unknownAgency++;
      return pick(UNKNOWN_AGENCIES);
    }
    if (x < 0.05) return null; // inherited from the parent or a sibling
    return lt.lead || null;
  };

  for (let f = 1; f <= fieldsCount; f++) {
    const fieldRows = Math.floor((f * n) / fieldsCount) - Math.floor(((f - 1) * n) / fieldsCount);
    const budget = { left: fieldRows - 1 };
    const fieldRow = newRow();
    fieldRow[0] = String(f);
    fieldRow[1] = t.fields[(f - 1) % t.fields.length]!;
    for (let j = 4; j < 10; j++) fieldRow[j] = '';
    rows.push(fieldRow);
    let fieldMax = 0;
    let crit = 0;
    while (budget.left > 0) {
      maybePageBreak(budget);
      if (budget.left <= 0) break;
      crit++;
      const code = `${f}.${crit}`;
      const kind = r();
      const kids = 2 + Math.floor(r() * 3);
      if (kind < 0.55 || budget.left < kids + 1) {
        const lt = pick(t.leaves);
        const { row, max } = leafRow(code, lt.name, lt, leadFor(lt));
        rows.push(row);
        budget.left--;
        fieldMax += max;
        continue;
      }
      const parent = newRow();
      parent[0] = code;
      parent[1] = pick(t.parents);
      for (let j = 4; j < 10; j++) parent[j] = '';
      rows.push(parent);
      budget.left--;
      let parentMax = 0;
      const items = kind < 0.75; // "(1) …" items, else numbered sub-criteria
      const merge = items && r() < 0.5;
      const first = rows.length;
      for (let k = 1; k <= kids; k++) {
        const lt = pick(t.leaves);
        const lead = merge && k > 1 ? null : leadFor(lt);
        const { row, max } = items ? leafRow('', `(${k}) ${lt.name}`, lt, lead) : leafRow(`${code}.${k}`, lt.name, lt, lead);
        if (merge && k > 1) row[9] = null;
        rows.push(row);
        budget.left--;
        parentMax += max;
      }
      if (merge) {
        // Lead and coordinating cells merged over the items (I and J), as officers lay them out.
        const top = FIRST_DATA_ROW + first;
        const bottom = FIRST_DATA_ROW + rows.length - 1;
        merges.push([top, 9, bottom, 9], [top, 10, bottom, 10]);
        c.verticalMerges += 2;
      }
      parent[2] = points(parentMax, r);
      parent[3] = parent[2];
      fieldMax += parentMax;
    }
    fieldRow[2] = points(fieldMax, r);
    fieldRow[3] = fieldRow[2];
    total += fieldMax;
  }
  return { rows, merges, total };
}

const BASE_STYLE: Partial<ExcelJS.Style> = {
  font: { size: 12, name: 'Times New Roman' },
  border: { left: { style: 'thin' }, right: { style: 'thin' }, top: { style: 'thin' }, bottom: { style: 'thin' } },
  alignment: { vertical: 'top', wrapText: true },
};
const BOLD_STYLE: Partial<ExcelJS.Style> = { ...BASE_STYLE, font: { ...BASE_STYLE.font, bold: true } };

export function benchFile(n: number): string {
  return path.join(OUT_DIR, `par-appendix-${n}-v${GEN_VERSION}.xlsx`);
}

/** Generates (or reuses) the n-row appendix. */
export async function generateAppendix(n: number): Promise<Generated> {
  const file = benchFile(n);
  const meta = `${file}.json`;
  if (fs.existsSync(file) && fs.existsSync(meta)) {
    const m = JSON.parse(fs.readFileSync(meta, 'utf8')) as Generated;
    return { ...m, file, bytes: fs.statSync(file).size };
  }
  const t = await loadTemplates();
  const planted: Planted = { missingEvidence: 0, thresholdUnmet: 0, overMax: 0, unknownAgency: 0, scoredRows: 0, pageBreaks: 0, continuations: 0, verticalMerges: 0 };
  const { rows, merges, total } = buildRows(n, t, planted);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục', { views: [{ state: 'frozen', ySplit: 6, topLeftCell: 'A7' }] });
  t.widths.forEach((w, j) => {
    if (w) ws.getColumn(j + 1).width = w;
  });
  t.title.forEach((vals, i) => {
    const c = ws.getCell(i + 1, 1);
    c.value = vals[0] as ExcelJS.CellValue;
    c.font = { bold: true, size: 13, name: 'Times New Roman' };
    c.alignment = { horizontal: 'center', wrapText: true };
    ws.mergeCells(i + 1, 1, i + 1, 10);
  });
  t.header.forEach((vals, i) => {
    const row = ws.getRow(5 + i);
    for (let j = 0; j < WIDTH; j++) {
      const cell = row.getCell(j + 1);
      if (vals[j] !== null && vals[j] !== undefined) cell.value = vals[j] as ExcelJS.CellValue;
      if (j < 10) cell.style = BOLD_STYLE;
    }
  });
  for (const [t1, l, b, r2] of [[5, 5, 5, 8], [5, 9, 5, 10], [5, 1, 6, 1], [5, 2, 6, 2], [5, 3, 6, 3], [5, 4, 6, 4], [5, 11, 6, 11], [5, 12, 6, 12], [5, 13, 6, 13], [5, 14, 6, 14]] as const) {
    ws.mergeCells(t1, l, b, r2);
  }
  rows.forEach((vals, i) => {
    const row = ws.getRow(FIRST_DATA_ROW + i);
    const bold = typeof vals[0] === 'string' && /^\d+$/.test(vals[0]);
    for (let j = 0; j < WIDTH; j++) {
      const v = vals[j];
      const cell = row.getCell(j + 1);
      if (v !== null && v !== undefined) cell.value = v as ExcelJS.CellValue;
      if (j < 10) cell.style = bold ? BOLD_STYLE : BASE_STYLE;
    }
  });
  for (const [t1, l, b, r2] of merges) ws.mergeCells(t1, l, b, r2);
  const totalRow = ws.getRow(FIRST_DATA_ROW + rows.length);
  totalRow.getCell(1).value = 'Tổng số:';
  totalRow.getCell(3).value = total;
  totalRow.getCell(4).value = total;
  for (let j = 1; j <= 10; j++) totalRow.getCell(j).style = BOLD_STYLE;
  ws.mergeCells(FIRST_DATA_ROW + rows.length, 1, FIRST_DATA_ROW + rows.length, 2);

  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = `${file}.tmp`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
  const out: Generated = { file, rows: rows.length, planted, bytes: fs.statSync(file).size };
  fs.writeFileSync(meta, JSON.stringify(out, null, 2));
  return out;
}

if (require.main === module) {
  (async () => {
    const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
    for (const n of sizes.length ? sizes : [100]) {
      const t0 = performance.now();
      const g = await generateAppendix(n);
      process.stdout.write(`${g.file}: ${g.rows} rows, ${(g.bytes / 1024).toFixed(0)} KB, ${((performance.now() - t0) / 1000).toFixed(1)} s ${JSON.stringify(g.planted)}\n`);
    }
  })().catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`);
    process.exit(1);
  });
}
