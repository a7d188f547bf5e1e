// Hostile and malformed workbooks through the real CLI: a one-line message (Vietnamese, English with
// --lang en), exit code 2, no stack trace, no output and no temp file left; or, for the odd but
// legitimate ones (.xlsm, a stray cell in XFD1048576, Vietnamese names), a normal run.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { EXAMPLE, HAGIANG, LAOCAI } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';
import { readZip, writeZip, type ZipEntry } from './helpers/zip';
import { CliError } from '../cli/errors';
import { openWorkbook, DEFAULT_LIMITS } from '../cli/workbook-io';

const ENCRYPTED = path.join(__dirname, 'fixtures', 'hostile', 'encrypted-matkhau.xlsx');
const MB = 1024 * 1024;

const ONE_LINE = (s: string) => s.trim().split('\n').length === 1;
const STACK = /\bat .+:\d+:\d+|node:internal|Error: /;

describe('hostile workbooks (CLI)', function () {
  this.timeout(120000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tmpDir('hostile');
  });

  /**
   * The file is refused with one line, exit 2, nothing printed on stdout and nothing written: `check`
   * in Vietnamese and `score` in English (every command in both languages with all = true).
   */
  function refused(file: string, vi: RegExp, en: RegExp, extra: string[] = [], all = false): void {
    const outDir = path.join(dir, `out-${path.basename(file)}`);
    fs.mkdirSync(outDir, { recursive: true });
    const out = path.join(outDir, 'scored.xlsx');
    const commands = [['check', file], ['check', file, '--json'], ['score', file, '-o', out], ['clear', file, '-o', out]];
    const runs: [string[], 'vi' | 'en'][] = all
      ? commands.flatMap((c) => [[c, 'vi'], [c, 'en']] as [string[], 'vi' | 'en'][])
      : [[commands[0]!, 'vi'], [commands[2]!, 'en']];
    for (const [args, lang] of runs) {
      const r = runCli([...args, '--lang', lang, ...extra]);
      const what = `${args.join(' ')} --lang ${lang} ${extra.join(' ')}`;
      assert.equal(r.code, 2, `${what}: exit ${r.code}\n${r.stderr}`);
      assert.match(r.stderr.trim(), lang === 'vi' ? vi : en, what);
      assert.ok(ONE_LINE(r.stderr), `${what}: ${r.stderr}`);
      assert.ok(!STACK.test(r.stderr), `${what}: stack trace\n${r.stderr}`);
      assert.equal(r.stdout, '', `${what}: printed ${r.stdout}`);
      assert.deepEqual(fs.readdirSync(outDir), [], `${what} left files behind`);
    }
  }

  const NOT_XLSX = [/^Tệp .* không phải bảng tính Excel \.xlsx\/\.xlsm$/, /^.* is not an \.xlsx\/\.xlsm workbook$/] as const;

  it('a zero-byte file', () => {
    const f = path.join(dir, 'rỗng.xlsx');
    fs.writeFileSync(f, '');
    refused(f, ...NOT_XLSX, [], true);
  });

  it('random bytes, also behind a zip signature', () => {
    const f = path.join(dir, 'random.xlsx');
    // Deterministic noise (a seeded generator), so the test cannot flake on a lucky zip signature.
    const bytes = Buffer.alloc(64 * 1024);
    let x = 0x2545f491;
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    assert.equal(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), -1);
    bytes.writeUInt32BE(0x12345678, 0);
    fs.writeFileSync(f, bytes);
    refused(f, ...NOT_XLSX);
    const g = path.join(dir, 'random-pk.xlsx');
    bytes.writeUInt32LE(0x04034b50, 0);
    fs.writeFileSync(g, bytes);
    // A zip's start without a zip's end: cut short or damaged, as far as anyone can tell.
    refused(g, /^Tệp .* bị cắt cụt hoặc hỏng \(thiếu phần cuối của tệp nén\): hãy tải về hoặc sao chép lại$/, /^.* is cut short or damaged \(the end of the zip is missing\): download or copy it again$/);
  });

  it('a directory or a device named .xlsx', () => {
    const d = path.join(dir, 'thư mục.xlsx');
    fs.mkdirSync(d, { recursive: true });
    refused(d, ...NOT_XLSX);
    if (fs.existsSync('/dev/zero')) refused('/dev/zero', /^Tệp \/dev\/zero không phải bảng tính Excel/, /^\/dev\/zero is not an \.xlsx/);
  });

  it('a .docx (a real zip without xl/workbook.xml) renamed .xlsx', () => {
    const f = path.join(dir, 'văn bản.xlsx');
    fs.writeFileSync(
      f,
      writeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>') },
        { name: '_rels/.rels', data: Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
        { name: 'word/document.xml', data: Buffer.from('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Phụ lục</w:t></w:r></w:p></w:body></w:document>') },
      ]),
    );
    refused(f, ...NOT_XLSX);
    const z = path.join(dir, 'archive.xlsx');
    fs.writeFileSync(z, writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]));
    refused(z, ...NOT_XLSX);
  });

  it('a password-protected workbook (real encrypted OOXML saved by LibreOffice, password "matkhau")', () => {
    // An OLE/CFB container with the two streams of ECMA-376 encryption, not a zip.
    const buf = fs.readFileSync(ENCRYPTED);
    assert.equal(buf.readUInt32BE(0), 0xd0cf11e0);
    for (const stream of ['EncryptionInfo', 'EncryptedPackage']) assert.ok(buf.includes(Buffer.from(stream, 'utf16le')), stream);
    assert.ok(!buf.includes(Buffer.from('xl/workbook.xml')), 'plain text inside');
    refused(ENCRYPTED, /^Tệp .* được đặt mật khẩu \(mã hóa\) hoặc là định dạng \.xls cũ/, /^.* is password-protected \(encrypted\) or a legacy \.xls/, [], true);
  });

  it('an .xlsm with a VBA project is read and scored like the .xlsx; the macro is never kept or run', async () => {
    const entries = readZip(fs.readFileSync(EXAMPLE));
    const ct = entries.find((e) => e.name === '[Content_Types].xml')!;
    ct.data = Buffer.from(
      ct.data
        .toString('utf8')
        .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
        .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"'),
    );
    assert.match(ct.data.toString(), /macroEnabled/);
    const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels')!;
    rels.data = Buffer.from(
      rels.data.toString('utf8').replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
    );
    // A CFB-looking VBA project whose macro would write a marker file if anything ever ran it.
    const marker = path.join(dir, 'macro-ran.txt');
    const vba = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504), Buffer.from(`Attribute VB_Name = "Module1"\r\nSub Auto_Open()\r\nOpen "${marker}" For Output As #1\r\nEnd Sub\r\n`)]);
    const xlsm = path.join(dir, 'kế hoạch có macro.xlsm');
    fs.writeFileSync(xlsm, writeZip([...entries, { name: 'xl/vbaProject.bin', data: vba }]));

    const ref = JSON.parse(runCli(['check', EXAMPLE, '--json']).stdout);
    const r = runCli(['check', xlsm, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual({ ...j, file: '' }, { ...ref, file: '' });

    const out = path.join(dir, 'kế hoạch có macro - đã chấm.xlsx');
    const s = runCli(['score', xlsm, '-o', out]);
    assert.equal(s.code, 0, s.stderr);
    assert.ok(fs.existsSync(out));
    assert.ok(!fs.existsSync(marker), 'a macro ran');
    const names = readZip(fs.readFileSync(out)).map((e) => e.name);
    assert.ok(!names.some((n) => /vbaProject/i.test(n)), 'the VBA project was copied into the scored workbook');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
    assert.equal(wb.getWorksheet('Phụ lục')!.getCell('O6').value, 'parscore: kết quả kiểm tra');
  });

  describe('a used range claiming A1:XFD1048576', () => {
    async function withStray(file: string, out: string): Promise<void> {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      wb.worksheets[0]!.getCell('XFD1048576').value = 'x';
      await wb.xlsx.writeFile(out);
    }

    it('a value in XFD1048576 beside a normal appendix: the appendix is found, fast, and the stray value kept', async () => {
      const f = path.join(dir, 'xfd.xlsx');
      await withStray(EXAMPLE, f);
      const sheetXml = readZip(fs.readFileSync(f)).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString();
      assert.match(sheetXml, /<dimension ref="A1:XFD1048576"\/>/);
      const t0 = Date.now();
      const r = runCli(['check', f, '--json']);
      const ms = Date.now() - t0;
      assert.equal(r.code, 0, r.stderr);
      const ref = JSON.parse(runCli(['check', EXAMPLE, '--json']).stdout);
      assert.deepEqual({ ...JSON.parse(r.stdout), file: '' }, { ...ref, file: '' });
      assert.ok(ms < 15000, `${ms} ms`);
      const out = path.join(dir, 'xfd-scored.xlsx');
      const s = runCli(['score', f, '-o', out]);
      assert.equal(s.code, 0, s.stderr);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const ws = wb.getWorksheet('Phụ lục')!;
      assert.equal(ws.getCell('XFD1048576').value, 'x');
      assert.equal(ws.getCell('O6').value, 'parscore: kết quả kiểm tra');
    });

    it('a dimension ref A1:XFD1048576 with no cell out there', () => {
      const entries = readZip(fs.readFileSync(LAOCAI));
      const sheet = entries.find((e) => /^xl\/worksheets\/sheet\d*\.xml$/.test(e.name))!;
      const xml = sheet.data.toString('utf8');
      sheet.data = Buffer.from(/<dimension ref="[^"]*"\/>/.test(xml) ? xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>') : xml.replace('<sheetViews>', '<dimension ref="A1:XFD1048576"/><sheetViews>'));
      assert.match(sheet.data.toString(), /A1:XFD1048576/);
      const f = path.join(dir, 'dimension.xlsx');
      fs.writeFileSync(f, writeZip(entries));
      const r = runCli(['check', f, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).score.max, 64.5);
    });

    it('stray values far right and far below in every direction still find the appendix', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(HAGIANG);
      const ws = wb.worksheets[0]!;
      for (const a of ['XFD1', 'XFD5', 'A1048576', 'ZZ70000', 'C1048576', 'XFC200000']) ws.getCell(a).value = 'x';
      const f = path.join(dir, 'strays.xlsx');
      await wb.xlsx.writeFile(f);
      const t0 = Date.now();
      const r = runCli(['check', f, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(Date.now() - t0 < 15000);
      const ref = JSON.parse(runCli(['check', HAGIANG, '--json']).stdout);
      assert.deepEqual({ ...JSON.parse(r.stdout), file: '' }, { ...ref, file: '' });
    });
  });

  describe('decompression bombs', () => {
    let workbookParts: ZipEntry[];
    before(() => {
      workbookParts = readZip(fs.readFileSync(HAGIANG));
    });

    it('an absurd compression ratio is refused before unpacking', () => {
      const f = path.join(dir, 'ratio.xlsx');
      fs.writeFileSync(f, writeZip([...workbookParts, { name: 'xl/media/zeros.bin', data: Buffer.alloc(30 * MB) }]));
      assert.ok(fs.statSync(f).size < 200 * 1024);
      refused(f, /^Tệp .* có tỷ lệ nén bất thường \(\d+:1\), từ chối đọc để an toàn$/, /^.* has an abnormal compression ratio \(\d+:1\); refusing to read it$/);
    });

    it('more than --max-mb unpacked (default 50) is refused; the limit is configurable', () => {
      const f = path.join(dir, 'large.xlsx');
      fs.writeFileSync(f, writeZip([...workbookParts, { name: 'xl/media/zeros.bin', data: Buffer.alloc(60 * MB) }]));
      refused(f, /^Tệp .* quá lớn: 60 MB khi giải nén, giới hạn 50 MB \(đổi bằng --max-mb\)$/, /^.* is too large: 60 MB unpacked, limit 50 MB \(change with --max-mb\)$/);
      refused(f, /quá lớn: 60 MB khi giải nén, giới hạn 20 MB/, /too large: 60 MB unpacked, limit 20 MB/, ['--max-mb', '20']);
      // Over the size limit no more: the ratio still refuses it.
      refused(f, /tỷ lệ nén bất thường/, /abnormal compression ratio/, ['--max-mb', '100']);
      // A normal workbook under a tiny limit.
      // Its file alone is over the limit: measured on disk, so not called "unpacked".
      refused(LAOCAI, /quá lớn: 0,019 MB, giới hạn 0,01 MB/, /too large: 0\.019 MB, limit 0\.01 MB/, ['--max-mb', '0.01']); // never "0 MB"
    });

    it('a central directory that under-declares sizes (the bomb behind it) is caught before ExcelJS inflates anything', async () => {
      const f = path.join(dir, 'liar.xlsx');
      // Declares 1 KB; 100 MB of zeros inflate from it. Ratio and size checks on the declared sizes pass.
      fs.writeFileSync(f, writeZip([...workbookParts, { name: 'xl/media/image1.png', data: Buffer.alloc(100 * MB), centralSize: 1024, localSize: 1024 }]));
      refused(f, /^Tệp .* bị hỏng hoặc có cấu trúc nén giả mạo/, /^.* is corrupt or has forged zip headers/);
      // In-process: ExcelJS's loader is never called, and the check inflates no more than it was told.
      const XLSX = require('exceljs/lib/xlsx/xlsx') as { prototype: { load: (...a: unknown[]) => unknown } };
      const load = XLSX.prototype.load;
      let calls = 0;
      XLSX.prototype.load = function (...a: unknown[]) {
        calls++;
        return load.apply(this, a);
      };
      try {
        const rss = process.memoryUsage().rss;
        await assert.rejects(openWorkbook(f, DEFAULT_LIMITS), (e: unknown) => e instanceof CliError && e.code === 'zip-mismatch');
        assert.equal(calls, 0, 'ExcelJS was handed the bomb');
        assert.ok(process.memoryUsage().rss - rss < 100 * MB, 'the check itself inflated the bomb');
        await openWorkbook(HAGIANG, DEFAULT_LIMITS);
        assert.equal(calls, 1);
      } finally {
        XLSX.prototype.load = load;
      }
    });

    it('local headers that disagree with the central directory are refused', () => {
      const f = path.join(dir, 'local-liar.xlsx');
      const parts = workbookParts.map((e) => (e.name === 'xl/workbook.xml' ? { ...e, localSize: e.data.length * 1000 } : e));
      fs.writeFileSync(f, writeZip(parts));
      refused(f, /cấu trúc nén giả mạo/, /forged zip headers/);
    });

    it('an end-of-central-directory record that hides entries (JSZip reads them all) does not hide the bomb', () => {
      const f = path.join(dir, 'count-liar.xlsx');
      const entries = [...workbookParts, { name: 'xl/media/zeros.bin', data: Buffer.alloc(60 * MB) }];
      fs.writeFileSync(f, writeZip(entries, { eocdCount: workbookParts.length }));
      refused(f, /quá lớn: 60 MB/, /too large: 60 MB/);
    });

    it('an honest workbook still opens with the checks on (stored and deflated entries)', () => {
      const f = path.join(dir, 'stored.xlsx');
      fs.writeFileSync(f, writeZip(readZip(fs.readFileSync(LAOCAI)).map((e) => ({ ...e, store: e.name.endsWith('.rels') }))));
      const r = runCli(['check', f, '--json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout).score.max, 64.5);
    });
  });

  describe('Vietnamese sheet names and paths with spaces work', () => {
    let input: string;
    let outDir: string;
    before(async () => {
      const inDir = path.join(dir, 'đầu vào');
      outDir = path.join(dir, 'kết quả');
      fs.mkdirSync(inDir, { recursive: true });
      fs.rmSync(outDir, { recursive: true, force: true });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(EXAMPLE);
      wb.worksheets[0]!.name = 'Phụ lục 1';
      wb.addWorksheet('Ghi chú của Sở').getCell('A1').value = 'STT';
      input = path.join(inDir, 'Phụ lục kế hoạch CCHC năm 2024.xlsx');
      await wb.xlsx.writeFile(input);
    });

    it('check --sheet "Phụ lục 1"', () => {
      const r = runCli(['check', input, '--sheet', 'Phụ lục 1', '--json']);
      assert.equal(r.code, 0, r.stderr);
      const j = JSON.parse(r.stdout);
      assert.equal(j.sheet, 'Phụ lục 1');
      assert.equal(j.file, input);
      assert.equal(j.score.max, 64.5);
      const text = runCli(['check', input, '--sheet', 'Phụ lục 1']);
      assert.match(text.stdout, /Trang tính: "Phụ lục 1"/);
    });

    it('score -o "kết quả/bản đã chấm.xlsx" (a directory that does not exist yet)', async () => {
      const out = path.join(outDir, 'bản đã chấm.xlsx');
      const r = runCli(['score', input, '-o', out, '--sheet', 'Phụ lục 1']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Đã ghi .*kết quả\/bản đã chấm\.xlsx/);
      assert.deepEqual(fs.readdirSync(outDir), ['bản đã chấm.xlsx']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['Phụ lục 1', 'Ghi chú của Sở', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
      assert.equal(wb.getWorksheet('Phụ lục 1')!.getCell('O6').value, 'parscore: kết quả kiểm tra');
      const link = wb.getWorksheet('Danh sách vấn đề')!.getCell('B4').value as ExcelJS.CellFormulaValue;
      assert.match(link.formula, /^HYPERLINK\("#'Phụ lục 1'![A-Z]+\d+","[A-Z]+\d+"\)$/);
    });

    it('relative paths from another working directory', () => {
      const r = runCli(['check', path.join('đầu vào', 'Phụ lục kế hoạch CCHC năm 2024.xlsx'), '--sheet', 'Phụ lục 1', '--lang', 'en'], dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Sheet: "Phụ lục 1"/);
    });
  });
});
