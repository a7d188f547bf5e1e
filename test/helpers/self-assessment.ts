// A Lào Cai snapshot with a clean, complete self-assessment in K:N, for planting one mistake at a time.
import { analyzeSheet, type SheetSnapshot } from '../../model';
import { evidenceFor, meeting } from '../../examples/make-example';
import { LAOCAI, loadSnapshot, setCell } from './fixtures';

export const COL = { actual: 11, points: 12, evidence: 13, explanation: 14 } as const;

export async function cleanLaoCai(): Promise<SheetSnapshot> {
  const s = await loadSnapshot(LAOCAI);
  // 1.4.1 (row 19) has no lead in the plan and takes none from 1.4.2 below it: a complete
  // self-assessment names one (column I), here the agencies of 1.4.2.
  setCell(s, 19, 9, s.values[20 - 1]![9 - 1]);
  const a = analyzeSheet(s);
  setCell(s, 5, COL.actual, 'Kết quả thực hiện');
  setCell(s, 5, COL.points, 'Điểm tự đánh giá');
  setCell(s, 5, COL.evidence, 'Tài liệu kiểm chứng');
  setCell(s, 5, COL.explanation, 'Giải trình');
  for (const c of Object.values(COL)) s.merges.push({ top: 5, left: c, bottom: 6, right: c });
  let n = 0;
  for (const it of a.appendix.items) {
    if (it.maxPoints === null || it.surveyOnly || it.children.length || it.kind === 'total') continue;
    n++;
    const t = it.targets.find((x) => x.threshold.kind !== 'qualitative')?.threshold;
    setCell(s, it.row, COL.actual, meeting(t));
    setCell(s, it.row, COL.points, it.maxPoints);
    setCell(s, it.row, COL.evidence, evidenceFor(it, n));
  }
  return s;
}
