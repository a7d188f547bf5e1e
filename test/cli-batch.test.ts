// `parscore check` / `score` over several workbooks or a folder: each file as alone, the bad ones
// told and skipped, a table of all of them, the worst exit code.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE, HAGIANG, LAOCAI, VINHPHUC } from './helpers/fixtures';
import { spawnSync } from 'node:child_process';
import { CLI, ensureBuilt, runCli, tmpDir } from './helpers/cli';

const ROOT_FIXTURES = path.dirname(VINHPHUC);
const ROOT_CWD = path.join(__dirname, '..'); // runCli's working directory

interface JsonReport {
  file: string;
  index: string;
  score: { max: number; claimed: number; accepted: number; atRisk: number };
  findings: { severity: string }[];
}

describe('parscore CLI on several workbooks', function () {
  this.timeout(120000);
  let dir: string;
  let folder: string;
  const junk = () => path.join(folder, 'zz-hỏng.xlsx');
  before(() => {
    ensureBuilt();
    dir = tmpDir('cli-batch');
    folder = path.join(dir, 'Phòng ban');
    fs.mkdirSync(folder);
    for (const f of [LAOCAI, VINHPHUC, EXAMPLE]) fs.copyFileSync(f, path.join(folder, path.basename(f)));
    fs.writeFileSync(junk(), 'không phải bảng tính');
    fs.copyFileSync(LAOCAI, path.join(folder, '~$laocai-221-2019-par-index.xlsx')); // Excel's owner file of an open workbook
    fs.writeFileSync(path.join(folder, '._laocai-221-2019-par-index.xlsx'), 'Mac resource fork'); // a Mac's, on a shared drive
    fs.mkdirSync(path.join(folder, 'cu'));
    fs.copyFileSync(HAGIANG, path.join(folder, 'cu', path.basename(HAGIANG))); // subfolders are not read
  });
  const inFolder = () =>
    [LAOCAI, VINHPHUC, EXAMPLE]
      .map((f) => path.join(folder, path.basename(f)))
      .sort((a, b) => a.localeCompare(b, 'vi'));

  it('check on a folder: each workbook’s report as alone, a bad one told and skipped, then the table; exit 2', () => {
    const r = runCli(['check', folder]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), `Tệp ${junk()} không phải bảng tính Excel .xlsx/.xlsm`);
    for (const f of inFolder()) {
      const alone = runCli(['check', f]);
      assert.equal(alone.code, 0);
      assert.ok(r.stdout.includes(alone.stdout), `${f}: its report as alone`);
    }
    assert.ok(!r.stdout.includes('~$') && !r.stdout.includes('._') && !r.stdout.includes('hagiang'), 'owner files, resource forks and subfolders are left out');
    const table = r.stdout.slice(r.stdout.indexOf('Tổng hợp 4 tệp:'));
    const lines = table.trim().split('\n');
    assert.equal(lines.length, 2 + 4, table);
    assert.match(lines[1]!, /Tệp\s+Chỉ số\s+Tối đa\s+Tự đánh giá\s+Được chấp nhận\s+Có rủi ro\s+%\s+Vấn đề \(lỗi\)/);
    // Every number in the table is the file's own check --json.
    for (const f of inFolder()) {
      const j = JSON.parse(runCli(['check', f, '--json']).stdout) as JsonReport;
      const line = lines.find((l) => l.includes(path.basename(f)))!;
      const errors = j.findings.filter((x) => x.severity === 'error').length;
      assert.ok(line.includes(` ${j.index} `), line);
      assert.ok(line.endsWith(`${j.findings.length} (${errors})`) || line.includes(`${j.findings.length} (${errors})  `), line);
      if (j.index === 'PAR') for (const v of [j.score.max, j.score.accepted]) assert.ok(line.includes(String(v).replace('.', ',')), `${line} lacks ${v}`);
    }
    assert.match(lines.at(-1)!, /zz-hỏng\.xlsx\s+bỏ qua: Tệp .* không phải bảng tính Excel/);
    const en = runCli(['check', folder, '--lang', 'en']);
    assert.match(en.stdout, /Summary of 4 files:\n\s+File\s+Index\s+Max\s+Claimed\s+Accepted\s+At risk/);
    assert.match(en.stdout, /zz-hỏng\.xlsx\s+skipped: .* is not an \.xlsx\/\.xlsm workbook/);
  });

  it('check --json: an array of the reports each file gives alone, a skipped file as its error', () => {
    const r = runCli(['check', ...inFolder(), junk(), '--json']);
    assert.equal(r.code, 2);
    const all = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.equal(all.length, 4);
    inFolder().forEach((f, i) => assert.deepEqual(all[i], JSON.parse(runCli(['check', f, '--json']).stdout)));
    assert.deepEqual(all[3], { file: junk(), error: { code: 'not-xlsx', message: `Tệp ${junk()} không phải bảng tính Excel .xlsx/.xlsm` } });
    // One file: one object, as always.
    assert.ok(!Array.isArray(JSON.parse(runCli(['check', LAOCAI, '--json']).stdout)));
  });

  it('check --csv: one table, its header and byte-order mark once, a file column before each file’s records', () => {
    const r = runCli(['check', folder, '--csv']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout.split('\uFEFF').length, 2, 'one BOM');
    assert.doesNotMatch(r.stdout, /[^\r]\n/, 'CRLF only: no bare line end between the files');
    const rows = r.stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    assert.equal(rows[0], 'file,sheet,cell,row,column,code,severity,kind,message,explanation');
    let expected = 0;
    for (const f of inFolder()) {
      const alone = runCli(['check', f, '--csv']).stdout.replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1);
      expected += alone.length;
      for (const rec of alone) assert.ok(rows.includes(`${f},${rec}`), `${f}: ${rec}`);
    }
    assert.equal(rows.length - 1, expected);
    // No finding anywhere: the header alone.
    assert.equal(runCli(['check', VINHPHUC, VINHPHUC.replace(ROOT_FIXTURES, folder), '--csv']).stdout, '\uFEFFfile,sheet,cell,row,column,code,severity,kind,message,explanation\r\n');
  });

  it('exit code: --strict gives 1 when a file has errors and all were read; a file list reads as a folder', () => {
    const strict = runCli(['check', EXAMPLE, VINHPHUC, '--strict']);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /Tổng hợp 2 tệp:/);
    assert.equal(runCli(['check', VINHPHUC, VINHPHUC, '--strict']).code, 0);
    const empty = path.join(dir, 'trống');
    fs.mkdirSync(empty);
    const none = runCli(['check', empty]);
    assert.equal(none.code, 2);
    assert.equal(none.stderr.trim(), `Thư mục ${empty} không có tệp Excel .xlsx/.xlsm nào`);
    assert.equal(runCli(['check', empty, '--lang', 'en']).stderr.trim(), `The folder ${empty} holds no .xlsx/.xlsm workbook`);
    // An empty folder among others is one skipped line; the others still run.
    const mixed = runCli(['check', empty, VINHPHUC]);
    assert.equal(mixed.code, 2);
    assert.match(mixed.stdout, /Tổng hợp 2 tệp:[\s\S]*trống\s+bỏ qua: Thư mục .* không có tệp Excel[\s\S]*vinhphuc-232-2022-papi\.xlsx\s+PAPI/);
  });

  it('a file named twice (itself, through its folder, a link, a hard link) is read once, and the output stays the batch’s', () => {
    const own = path.join(folder, path.basename(VINHPHUC));
    const link = path.join(dir, 'liên kết.xlsx');
    const hard = path.join(dir, 'liên kết cứng.xlsx');
    fs.symlinkSync(own, link);
    fs.linkSync(own, hard);
    const r = JSON.parse(runCli(['check', own, folder, `${folder}${path.sep}`, link, hard, '--json']).stdout) as { file: string }[];
    assert.deepEqual(r.map((x) => x.file), [own, ...inFolder().filter((f) => f !== own), junk()]);
    const twice = JSON.parse(runCli(['check', own, `.${path.sep}${path.relative(ROOT_CWD, own)}`, '--json']).stdout) as unknown;
    assert.ok(Array.isArray(twice) && twice.length === 1, 'two arguments: an array, of one report');
  });

  it('a reader that stops early (| head) ends the run quietly, with the exit code of the files done', () => {
    const r = spawnSync('sh', ['-c', `node "${CLI}" check "${folder}" "${folder}" | head -n 1`], { encoding: 'utf8' });
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.doesNotMatch(r.stderr, /EPIPE|at /);
    // The unreadable file first: its 2 stands, however early the reader stops.
    const p = spawnSync('bash', ['-c', `set -o pipefail; node "${CLI}" check "${junk()}" "${folder}" --json | head -c 10`], { encoding: 'utf8' });
    assert.equal(p.status, 2, p.stderr);
    assert.doesNotMatch(p.stderr, /EPIPE|at /);
  });

  it('score never writes into a folder holding an input: another agency’s "Phụ lục.xlsx" is never replaced', () => {
    const [a, b] = [path.join(dir, 'Sở A'), path.join(dir, 'Sở B')];
    fs.mkdirSync(a);
    fs.mkdirSync(b);
    fs.copyFileSync(LAOCAI, path.join(a, 'Phụ lục.xlsx'));
    fs.copyFileSync(VINHPHUC, path.join(b, 'Phụ lục.xlsx'));
    const before = fs.readFileSync(path.join(b, 'Phụ lục.xlsx'));
    for (const args of [[a, b, '-o', b], [a, path.join(b, 'Phụ lục.xlsx'), '-o', `${b}${path.sep}`]]) {
      const r = runCli(['score', ...args]);
      assert.equal(r.code, 2);
      assert.equal(r.stderr.trim().split('\n').length, 1);
      assert.match(r.stderr, /^Thư mục kết quả .*Sở B.* chứa tệp đầu vào .*Phụ lục\.xlsx: /);
      assert.deepEqual(fs.readdirSync(b), ['Phụ lục.xlsx']);
      assert.ok(fs.readFileSync(path.join(b, 'Phụ lục.xlsx')).equals(before));
    }
    // Into a folder of its own: both, the second as "(2)".
    const out = path.join(dir, 'Bản chấm các Sở');
    assert.equal(runCli(['score', a, b, '-o', out]).code, 0);
    assert.deepEqual(fs.readdirSync(out).sort(), ['Phụ lục (2).xlsx', 'Phụ lục.xlsx']);
    // The folder reached another way (a link to it), and a workbook that is a link to elsewhere: still refused.
    const bLink = path.join(dir, 'Sở B (liên kết)');
    fs.symlinkSync(b, bLink);
    const elsewhere = path.join(dir, 'Sở L');
    fs.mkdirSync(elsewhere);
    fs.symlinkSync(path.join(a, 'Phụ lục.xlsx'), path.join(elsewhere, 'Phụ lục.xlsx'));
    for (const args of [[a, b, '-o', bLink], [b, elsewhere, '-o', elsewhere]]) {
      const r = runCli(['score', ...args]);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /^Thư mục kết quả .* chứa tệp đầu vào /);
    }
    assert.ok(fs.readFileSync(path.join(b, 'Phụ lục.xlsx')).equals(before));
    assert.ok(fs.lstatSync(path.join(elsewhere, 'Phụ lục.xlsx')).isSymbolicLink());
    // A name ending in .xlsx is no folder, also with a "/" after it.
    const slash = runCli(['score', a, b, '-o', `${path.join(dir, 'ra.xlsx')}${path.sep}`]);
    assert.equal(slash.code, 2);
    assert.match(slash.stderr, /^Nhiều tệp đầu vào: -o phải là một thư mục/);
    assert.ok(!fs.existsSync(path.join(dir, 'ra.xlsx')));
    const notes = path.join(dir, 'ghi chú.txt');
    fs.writeFileSync(notes, 'x');
    const file = runCli(['score', a, b, '-o', notes, '--lang', 'en']);
    assert.equal(file.code, 2);
    assert.match(file.stderr, /^Several input workbooks: -o must name a folder/);
  });

  it('score: each copy into the folder -o under its input’s name, the same as scored alone; the table; names kept apart', async () => {
    const out = path.join(dir, 'đã chấm');
    const r = runCli(['score', folder, LAOCAI, '-o', out]);
    assert.equal(r.code, 2, r.stderr);
    const names = [...inFolder().map((f) => path.basename(f)), 'laocai-221-2019-par-index (2).xlsx'];
    assert.deepEqual(fs.readdirSync(out).sort(), [...names].sort());
    assert.match(r.stdout, /Tổng hợp 5 tệp:/);
    assert.ok(r.stdout.includes(`${LAOCAI} → ${path.join(out, 'laocai-221-2019-par-index (2).xlsx')}`));
    // The same cells as the copy scored alone.
    const alone = path.join(dir, 'alone.xlsx');
    assert.equal(runCli(['score', EXAMPLE, '-o', alone]).code, 0);
    const [a, b] = [new ExcelJS.Workbook(), new ExcelJS.Workbook()];
    await a.xlsx.readFile(alone);
    await b.xlsx.readFile(path.join(out, path.basename(EXAMPLE)));
    assert.deepEqual(b.worksheets.map((w) => w.name), a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      const other = b.getWorksheet(ws.name)!;
      ws.eachRow((row, i) => assert.deepEqual(other.getRow(i).values, row.values, `${ws.name}!${i}`));
    }
  });

  it('score: several inputs need a folder as -o; one input writes into a folder -o under its name', () => {
    const r = runCli(['score', LAOCAI, VINHPHUC, '-o', path.join(dir, 'x.xlsx')]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), `Nhiều tệp đầu vào: -o phải là một thư mục (ví dụ -o da-cham/), không phải tệp "${path.join(dir, 'x.xlsx')}"`);
    assert.ok(!fs.existsSync(path.join(dir, 'x.xlsx')));
    const into = path.join(dir, 'một tệp') + path.sep;
    const one = runCli(['score', VINHPHUC, '-o', into]);
    assert.equal(one.code, 0, one.stderr);
    assert.ok(fs.existsSync(path.join(into, path.basename(VINHPHUC))));
    assert.match(one.stdout.trimEnd(), /Đã ghi .*vinhphuc-232-2022-papi\.xlsx$/);
    // Scoring a folder into itself: refused before anything is read or written.
    const self = runCli(['score', into, '-o', into]);
    assert.equal(self.code, 2);
    assert.match(self.stderr, /^Thư mục kết quả .* chứa tệp đầu vào /);
    assert.deepEqual(fs.readdirSync(into), [path.basename(VINHPHUC)]);
  });
});
