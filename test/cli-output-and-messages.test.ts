// The CLI's output path and its messages: a wrong output is refused before anything is written,
// a failed write says why in words (never a raw system error naming a temporary file), and every
// message is in the officer's language, numbers included.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { EXAMPLE, LAOCAI } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';
import { readZip, writeZip } from './helpers/zip';

const RAW = /\bE[A-Z]{3,}\b|\.tmp\b|\bat .+:\d+:\d+|Cannot (set|read) properties/;

describe('CLI output paths and messages', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tmpDir('cli-output');
  });

  function refusedWrite(out: string, vi: RegExp, en: RegExp): void {
    for (const [lang, re] of [['vi', vi], ['en', en]] as const) {
      const r = runCli(['score', EXAMPLE, '-o', out, '--lang', lang]);
      assert.equal(r.code, 2, `${out}: ${r.stderr}`);
      assert.match(r.stderr, re);
      assert.doesNotMatch(r.stderr, RAW);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  }

  it('an output not named .xlsx is refused before anything is read or written', () => {
    for (const name of ['bản chấm.xlsm', 'bản chấm.txt', 'bản chấm']) {
      const out = path.join(dir, name);
      refusedWrite(out, /phải có đuôi \.xlsx/, /must end in \.xlsx/);
      assert.ok(!fs.existsSync(out));
      const c = runCli(['clear', EXAMPLE, '-o', out]);
      assert.equal(c.code, 2);
      assert.ok(!fs.existsSync(out));
    }
    const empty = runCli(['score', EXAMPLE, '-o', '']);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /^Sai cú pháp lệnh: -o ""/);
  });

  it('a device or a named pipe is never replaced by the copy', () => {
    const pipe = path.join(dir, 'ống.xlsx');
    execFileSync('mkfifo', [pipe]);
    refusedWrite(pipe, /không phải tệp thông thường/, /not a regular file/);
    assert.ok(fs.statSync(pipe).isFIFO());
    const folder = path.join(dir, 'thư mục.xlsx');
    fs.mkdirSync(folder);
    refusedWrite(folder, /không phải tệp thông thường/, /not a regular file/);
    assert.ok(fs.statSync(folder).isDirectory());
  });

  it('a failed write says why in words, and leaves no temporary file', () => {
    const file = path.join(dir, 'tệp.xlsx');
    fs.copyFileSync(EXAMPLE, file);
    refusedWrite(path.join(file, 'ra.xlsx'), /là tệp, không phải thư mục/, /is a file, not a folder/);
    refusedWrite(path.join(dir, `${'Phụ lục '.repeat(40)}.xlsx`), /tên tệp hoặc đường dẫn quá dài/, /name or path is too long/);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('parscore')), []);
  });

  it('a long Vietnamese name within the 255-byte limit is written (its temporary file is not named after it)', () => {
    let name = 'Phụ lục kế hoạch cải cách hành chính năm 2024 của Ủy ban nhân dân huyện Bảo Thắng tỉnh Lào Cai.xlsx';
    while (Buffer.byteLength(name) < 250) name = `x${name}`;
    assert.ok(Buffer.byteLength(name) <= 255 && Buffer.byteLength(`.${name}.parscore-99999.tmp`) > 255);
    const r = runCli(['score', EXAMPLE, '-o', path.join(dir, name)]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fs.statSync(path.join(dir, name)).size > 0);
  });

  it('--sheet finds a sheet as Excel does (case aside, accents typed as separate marks); an unknown one lists the sheets', () => {
    for (const asked of ['phụ lục', 'PHỤ LỤC', 'Phụ lục'.normalize('NFD')]) {
      const r = runCli(['check', EXAMPLE, '--sheet', asked, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).sheet, 'Phụ lục');
    }
    const r = runCli(['check', EXAMPLE, '--sheet', 'Phụ lục 2']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim(), `Không có trang tính "Phụ lục 2" trong ${EXAMPLE} (các trang: "Phụ lục")`);
  });

  it('usage mistakes are told in Vietnamese (English with --lang en)', () => {
    const cases: [string[], RegExp, RegExp][] = [
      [['check'], /thiếu tham số <file>/, /missing required argument 'file'/],
      [['check', EXAMPLE, '--sheet'], /tùy chọn --sheet <name> cần một giá trị/, /option '--sheet <name>' argument missing/],
      [['score', EXAMPLE], /thiếu tùy chọn bắt buộc -o, --output/, /required option '-o, --output <out.xlsx\|folder>' not specified/],
      [['check', EXAMPLE, '--foo'], /không có tùy chọn --foo/, /unknown option '--foo'/],
      [['check', EXAMPLE, '--policy', 'nope'], /giá trị nope của --policy <policy> không hợp lệ \(chọn: zero, explain, flag\)/, /argument 'nope' is invalid/],
      // check and score take several files (cli-batch.test.ts); clear one.
      [['clear', EXAMPLE, EXAMPLE, '-o', 'x.xlsx'], /thừa tham số cho lệnh clear/, /too many arguments for 'clear'/],
    ];
    for (const [args, vi, en] of cases) {
      const v = runCli(args);
      assert.equal(v.code, 2, args.join(' '));
      assert.match(v.stderr, /^Sai cú pháp lệnh: /);
      assert.match(v.stderr, vi);
      const e = runCli([args[0]!, '--lang', 'en', ...args.slice(1)]);
      assert.match(e.stderr, /^Usage error: /);
      assert.match(e.stderr, en);
    }
  });

  it('English messages write numbers the English way', () => {
    const en = runCli(['check', EXAMPLE, '--lang', 'en', '--json']);
    const messages = (JSON.parse(en.stdout).findings as { kind: string; message: string }[]).filter((f) => f.kind === 'over-max').map((f) => f.message);
    assert.deepEqual(messages, ['Self-assessed points 2 exceed the maximum 1.5']);
    const unmet = (JSON.parse(en.stdout).findings as { row: number; kind: string; message: string }[]).find((f) => f.kind === 'threshold-unmet' && f.row === 44);
    assert.match(unmet!.message, /not met: Needs ≥ 95%, actual 93\.5%$/);
    const vi = JSON.parse(runCli(['check', EXAMPLE, '--json']).stdout).findings as { row: number; message: string }[];
    assert.ok(vi.some((f) => f.message === 'Điểm tự đánh giá 2 vượt điểm tối đa 1,5'));
    assert.match(vi.find((f) => f.row === 44)!.message, /Cần ≥ 95%, thực tế 93,5%$/);
  });

  it('a damaged workbook or one without sheets is named as such, not by ExcelJS internals', () => {
    const entries = readZip(fs.readFileSync(LAOCAI));
    const variant = (name: string, edit: (part: string, data: Buffer) => Buffer) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, writeZip(entries.map((e) => ({ name: e.name, data: edit(e.name, e.data) }))));
      return f;
    };
    const styles = variant('hỏng.xlsx', (n, d) => (n === 'xl/styles.xml' ? Buffer.from('<styleSheet') : d));
    const noSheets = variant('không trang.xlsx', (n, d) => (n === 'xl/workbook.xml' ? Buffer.from(d.toString().replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets></sheets>')) : d));
    for (const [f, vi, en] of [
      [styles, /bị hỏng hoặc không đúng chuẩn/, /damaged or not a valid Excel workbook/],
      [noSheets, /không có trang tính nào/, /has no sheets/],
    ] as const) {
      const v = runCli(['check', f]);
      assert.equal(v.code, 2);
      assert.match(v.stderr, vi);
      assert.doesNotMatch(v.stderr, RAW);
      assert.match(runCli(['check', f, '--lang', 'en']).stderr, en);
    }
  });
});
