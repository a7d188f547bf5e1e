// Builds examples/laocai-2019-tu-danh-gia.xlsx: the Lào Cai 2019 appendix with a filled self-assessment
// (result, points, evidence, explanation) and a handful of realistic mistakes, for the demo and tests.
// Run: npx tsx examples/make-example.ts
import path from 'node:path';
import ExcelJS from 'exceljs';
import { analyzeSheet, formatViNumber, type AppendixItem, type Threshold } from '../model';
import { snapshotOf } from '../xlsx/read';

const SRC = path.join(__dirname, '../test/fixtures/laocai-221-2019-par-index.xlsx');
const OUT = path.join(__dirname, 'laocai-2019-tu-danh-gia.xlsx');

/** Mistakes an officer really makes, by criterion code. */
const PLANTED: Record<string, { actual?: string; points?: number; evidence?: string; explanation?: string }> = {
  '1.2(2)': { evidence: '' }, // points claimed, evidence forgotten
  '2.2': { actual: '65%' }, // below the 70%–100% band
  '3.3.1': { points: 2 }, // more than the 1.5 maximum
  '3.4.1': { actual: '93,5%' }, // needs ≥ 95%
  '5.6': { evidence: '', explanation: 'Báo cáo đào tạo, bồi dưỡng đang chờ Sở Nội vụ tổng hợp' },
  '7.2.2': { actual: '35%' }, // needs ≥ 40%
  '8.4': { points: 1 }, // partial self-assessment, fine
};

/** An actual result that meets the threshold, as an officer would write it. */
export function meeting(t: Threshold | undefined): string {
  if (!t) return 'Đã thực hiện đúng quy định';
  switch (t.kind) {
    case 'compare': {
      const v = t.op === '>' ? t.value + 1 : t.op === '<' ? t.value - 1 : t.op === '<=' ? t.value : Math.min(t.unit === '%' ? 100 : Infinity, t.value + (t.unit === '%' ? 2 : 5));
      return `${formatViNumber(v)}${t.unit === '%' ? '%' : t.unit ? ` ${t.unit}` : ''}`;
    }
    case 'range':
      return `${formatViNumber(t.max)}%`;
    case 'none':
      return 'Không có';
    case 'relative':
      return `${t.direction === 'increase' ? 'Tăng' : 'Giảm'} ${formatViNumber((t.atLeast ?? 5) + 2)}${t.unit ?? '%'}`;
    default:
      return 'Đạt';
  }
}

/** A document citation in the usual "Báo cáo số 52/BC-UBND ngày 12/3/2019" form. */
export function evidenceFor(it: AppendixItem, n: number): string {
  const kind = /^báo cáo/i.test(it.evidenceRequired) ? 'BC' : /quyết định/i.test(it.evidenceRequired) ? 'QĐ' : 'KH';
  const month = (n % 12) + 1;
  return `${kind === 'BC' ? 'Báo cáo' : kind === 'QĐ' ? 'Quyết định' : 'Kế hoạch'} số ${100 + n}/${kind}-UBND ngày ${10 + (n % 18)}/${month}/2019`;
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SRC);
  const ws = wb.worksheets[0]!;
  const a = analyzeSheet(snapshotOf(ws));
  const headers = ['Kết quả thực hiện', 'Điểm tự đánh giá', 'Tài liệu kiểm chứng', 'Giải trình'];
  const first = 11; // K
  headers.forEach((h, k) => {
    const c = ws.getCell(5, first + k);
    c.value = h;
    c.font = { bold: true };
    c.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    ws.mergeCells(5, first + k, 6, first + k);
    ws.getColumn(first + k).width = k === 2 ? 36 : 16;
  });
  let n = 0;
  for (const it of a.appendix.items) {
    if (it.maxPoints === null || it.surveyOnly || it.children.length || it.kind === 'total') continue;
    n++;
    const p = PLANTED[it.code] ?? {};
    const threshold = it.targets.find((t) => t.threshold.kind !== 'qualitative')?.threshold;
    ws.getCell(it.row, first).value = p.actual ?? meeting(threshold);
    ws.getCell(it.row, first + 1).value = p.points ?? it.maxPoints;
    ws.getCell(it.row, first + 2).value = p.evidence ?? evidenceFor(it, n);
    if (p.explanation) ws.getCell(it.row, first + 3).value = p.explanation;
  }
  await wb.xlsx.writeFile(OUT);
  process.stdout.write(`wrote ${OUT} (${n} scored rows)\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${String(e)}\n`);
    process.exitCode = 1;
  });
}
