// The file floor as a process of its own: a fresh Node that only reads the workbook with ExcelJS
// and writes an untouched copy (what `parscore score` costs before parscore does anything).
//   node bench/out/build/bench/floor.js <in.xlsx> <out.xlsx>
import fs from 'node:fs';
import ExcelJS from 'exceljs';

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: floor.js <in.xlsx> <out.xlsx>');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(input) as unknown as ArrayBuffer); // as cli/workbook-io.ts does
  await wb.xlsx.writeFile(output);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error)?.message ?? e}\n`);
  process.exitCode = 1;
});
