// Nothing injected: text copied from the appendix into the status column and the summary sheets is
// always written as text, never as a formula; the only formulas parscore writes are its own
// HYPERLINK("#'sheet'!A1") links in "Danh sách vấn đề"; `check --csv` neutralises formula starts.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';
import { readZip } from './helpers/zip';
import { SHEET_NAMES } from '../model';
import { csvField } from '../cli/csv';

const PLANTED: [string, string][] = [
  ['I8', '=HYPERLINK("#evil","x")'], // lead agency (unknown: copied into Theo cơ quan and a finding)
  ['J8', '@SUM(1)'], // coordinating agency
  ['B7', '=SUM(1,2)'], // name of field 1 (copied into Tổng hợp điểm)
  ['B10', "+cmd|' /C calc'!A0"], // criterion name
  ['B11', '@SUM(1)'],
  ['N11', '=1+1'], // explanation of a row with a finding (copied into Danh sách vấn đề)
  ['N27', '-2+3'],
  ['N40', '\t=cmd|"/c calc"!A1'],
  ['I44', '-cmd'],
  ['I27', '=cmd|\' /C calc\'!A0'],
  ['A40', '+1+1'], // a code (row 40 has a finding)
  ['M14', '=WEBSERVICE("http://evil")'], // evidence
];

const OWN_LINK = /^HYPERLINK\("#'((?:[^']|'')*)'!([A-Z]{1,3}\d+)","([A-Z]{1,3}\d+)"\)$/;

/** RFC 4180 parser (quotes, doubled quotes, CRLF inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field), rows.push(row), (row = []), (field = ''), i++;
    } else field += ch;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('nothing injected', function () {
  this.timeout(120000);
  let dir: string;
  let planted: string;
  let scored: string;

  before(async () => {
    ensureBuilt();
    dir = tmpDir('injection');
    planted = path.join(dir, 'planted.xlsx');
    scored = path.join(dir, 'planted-scored.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(EXAMPLE);
    const ws = wb.worksheets[0]!;
    ws.name = "Phụ lục 'A' \"1\"";
    for (const [addr, v] of PLANTED) ws.getCell(addr).value = v;
    await wb.xlsx.writeFile(planted);
    const r = runCli(['score', planted, '-o', scored]);
    assert.equal(r.code, 0, r.stderr);
  });

  it('planted text stays text in the input (the test plants strings, not formulas)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(planted);
    for (const [addr, v] of PLANTED) {
      const c = wb.worksheets[0]!.getCell(addr);
      assert.equal(c.type, ExcelJS.ValueType.String, addr);
      assert.equal(c.value, v);
    }
  });

  it('no cell of the scored workbook is a formula but parscore’s own links to the analysed sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    const sheetName = wb.worksheets[0]!.name;
    let links = 0;
    const copied = new Set<string>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') for (const [, v] of PLANTED) if (cell.value.includes(v.trim())) copied.add(`${ws.name}!${cell.address}`);
          const isFormula = cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined || (typeof cell.value === 'object' && cell.value !== null && ('formula' in cell.value || 'sharedFormula' in cell.value));
          if (!isFormula) return;
          const where = `${ws.name}!${cell.address}`;
          assert.equal(ws.name, SHEET_NAMES.findings, `formula in ${where}: ${cell.formula}`);
          assert.equal(cell.col, 2, where);
          const m = OWN_LINK.exec(cell.formula!);
          assert.ok(m, `${where}: ${cell.formula}`);
          assert.equal(m[1]!.replace(/''/g, "'").replace(/""/g, '"'), sheetName, where);
          assert.equal(m[2], m[3]);
          links++;
        }),
      );
    }
    assert.ok(links > 10, `${links} links`);
    // The planted text was copied (so the test means something) and stayed a plain string.
    const textCell = (sheet: string, want: (v: string) => boolean) => {
      let hit = false;
      wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((c) => (hit ||= c.type === ExcelJS.ValueType.String && want(String(c.value)))));
      return hit;
    };
    assert.ok(textCell(SHEET_NAMES.fields, (v) => v === '=SUM(1,2)'), 'field name');
    assert.ok(textCell(SHEET_NAMES.findings, (v) => v === '+1+1'), 'code');
    assert.ok(textCell(SHEET_NAMES.findings, (v) => v === '=1+1'), 'explanation');
    assert.ok(textCell(SHEET_NAMES.agencies, (v) => v.includes('HYPERLINK("#evil"')), 'agency');
    assert.ok(textCell(sheetName, (v) => v.startsWith('•') && v.includes('HYPERLINK("#evil"')), 'status column');
    assert.ok(copied.size > PLANTED.length);
  });

  it('the file itself holds no <f> element but the links (checked in the XML, not through ExcelJS)', () => {
    for (const e of readZip(fs.readFileSync(scored))) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)) continue;
      const xml = e.data.toString('utf8');
      for (const f of xml.matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>|<f\s[^>]*\/>/g)) {
        const text = (f[1] ?? '').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
        assert.match(text, OWN_LINK, `${e.name}: ${f[0]}`);
      }
      assert.ok(!/<c [^>]*t="str"[^>]*><f>/.test(xml.replace(/<f>HYPERLINK[^<]*<\/f>/g, '')), e.name);
    }
  });

  it('check --csv writes every finding with RFC 4180 quoting and formula starts neutralised', () => {
    const r = runCli(['check', planted, '--csv']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFF'));
    assert.ok(r.stdout.endsWith('\r\n') && !r.stdout.endsWith('\r\n\r\n'));
    const rows = parseCsv(r.stdout.slice(1));
    assert.deepEqual(rows[0], ['sheet', 'cell', 'row', 'column', 'code', 'severity', 'kind', 'message', 'explanation']);
    const json = JSON.parse(runCli(['check', planted, '--json']).stdout);
    assert.equal(rows.length - 1, json.findings.length);
    const unprefix = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
    rows.slice(1).forEach((row, i) => {
      const f = json.findings[i];
      assert.equal(row.length, 9);
      for (const v of row) assert.ok(!/^[=+\-@\t\r]/.test(v), `field starts a formula: ${JSON.stringify(v)}`);
      assert.deepEqual(row.map(unprefix), [json.sheet, `${f.column}${f.row}`, String(f.row), f.column, f.code, f.severity, f.kind, f.message, f.explanation ?? '']);
    });
    // The planted explanation and code came through, neutralised.
    assert.ok(rows.some((row) => row[8] === "'=1+1"), 'planted explanation');
    assert.ok(rows.some((row) => row[4] === "'+1+1"), 'planted code');
    const en = runCli(['check', planted, '--csv', '--lang', 'en']);
    assert.match(en.stdout, /Agency not in the registry/);
  });

  it('csvField: RFC 4180 quoting and the OWASP prefix', () => {
    const cases: [string | number | null, string][] = [
      ['plain', 'plain'],
      ['a,b', '"a,b"'],
      ['say "hi"', '"say ""hi"""'],
      ['two\nlines', '"two\nlines"'],
      ['=1+1', `"'=1+1"`],
      ['+1', `"'+1"`],
      ['-1', `"'-1"`],
      ['@SUM(1)', `"'@SUM(1)"`],
      ['\t=1', `"'\t=1"`],
      ['\r=1', `"'\r=1"`],
      ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
      ['a=1', 'a=1'],
      [12, '12'],
      [null, ''],
      ['', ''],
    ];
    for (const [v, want] of cases) assert.equal(csvField(v), want, JSON.stringify(v));
  });
});
