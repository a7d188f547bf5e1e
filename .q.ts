import ExcelJS from 'exceljs';
import { parseTarget } from './model/thresholds';
async function main() {
  const specs: [string, string[], number][] = [
    ['test/fixtures/laocai-221-2019-par-index.xlsx', ['F','G'], 7],
    ['test/fixtures/vinhphuc-232-2022-papi.xlsx', ['E','F'], 6],
    ['test/fixtures/hagiang-2023-papi-city.xlsx', ['D'], 6],
  ];
  for (const [f, cols, r0] of specs) {
    const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(f);
    const ws = wb.worksheets[0];
    console.log(f, ws.rowCount);
    for (const c of cols) {
      const q: string[] = [], e: string[] = [];
      for (let r = r0; r <= ws.rowCount; r++) {
        const t = ws.getCell(c + r).text; if (!t.trim()) continue;
        const res = parseTarget(t);
        if (res.length === 0) e.push(c + r);
        else if (res[0].threshold.kind === 'qualitative') q.push(String(r));
      }
      console.log(c, 'Q:', q.join(' '), ' EMPTY:', e.join(' '));
    }
  }
}
main();
