// The CLI's words: the report in the officer's language throughout (column roles and the policy in
// words, not option names alone), nothing cut silently, and errors that say what is wrong and where.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { CliError } from '../cli/errors';
import { tasksText } from '../cli/report';
import { EXAMPLE, VINHPHUC } from './helpers/fixtures';
import { ensureBuilt, runCli, tmpDir } from './helpers/cli';

describe('CLI wording', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = tmpDir('cli-wording');
  });

  it('names the columns and the missing-evidence policy in the report’s language', () => {
    const vi = runCli(['check', EXAMPLE]).stdout;
    assert.match(vi, /Cột đã nhận: A=Số thứ tự \/ mã, B=Lĩnh vực \/ tiêu chí, C=Điểm tối đa/);
    assert.match(vi, /Chính sách thiếu TLKC: không chấp nhận điểm \(zero\)/);
    assert.doesNotMatch(vi, /=maxPoints|=code\b/);
    const en = runCli(['check', EXAMPLE, '--lang', 'en', '--policy', 'explain']).stdout;
    assert.match(en, /Columns mapped: A=No\. \/ code, B=Field \/ criterion, C=Maximum points/);
    assert.match(en, /Missing-evidence policy: accepted with an explanation \(explain\)/);
  });

  it('says how many agencies the text report leaves out, and where they all are', () => {
    const json = JSON.parse(runCli(['check', VINHPHUC, '--json']).stdout) as { agencies: unknown[] };
    assert.ok(json.agencies.length > 15, 'the fixture has more agencies than the report lists');
    const vi = runCli(['check', VINHPHUC]).stdout;
    assert.match(vi, new RegExp(`… và ${json.agencies.length - 15} cơ quan nữa \\(xem --json hoặc trang "Theo cơ quan"\\)`));
    assert.match(runCli(['check', VINHPHUC, '--lang', 'en']).stdout, new RegExp(`… and ${json.agencies.length - 15} more`));
  });

  it('counts in English with the right number', () => {
    assert.equal(tasksText(1, 'en'), '1 task');
    assert.equal(tasksText(2, 'en', 3), '  2 tasks');
    assert.equal(tasksText(1, 'vi'), '1 nhiệm vụ');
  });

  it('a framework file that is missing, not JSON, or not a framework: said as such, in the chosen language', () => {
    const missing = runCli(['check', EXAMPLE, '--framework', path.join(dir, 'khong-co.json')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^Không tìm thấy tệp: .*khong-co\.json\n$/);
    const broken = path.join(dir, 'broken.json');
    fs.writeFileSync(broken, '{\n  "id": "x",\n  bad\n}');
    const vi = runCli(['check', EXAMPLE, '--framework', broken]);
    assert.equal(vi.code, 2);
    assert.match(vi.stderr, /không phải JSON hợp lệ \(lỗi ở dòng 3, cột 3\)/);
    assert.doesNotMatch(vi.stderr, /Unexpected|Expected|position/);
    assert.match(runCli(['check', EXAMPLE, '--framework', broken, '--lang', 'en']).stderr, /not valid JSON \(error at line 3, column 3\)/);
    const wrong = path.join(dir, 'wrong.json');
    fs.writeFileSync(wrong, JSON.stringify({ id: 'x' }));
    assert.match(runCli(['check', EXAMPLE, '--framework', wrong]).stderr, /Khung chỉ số .* không hợp lệ: nội dung không đúng mẫu khung chỉ số \(chi tiết: /);
  });

  it('a file over --max-mb is measured as it is on disk, not "unpacked"', () => {
    const r = runCli(['check', EXAMPLE, '--max-mb', '0.01']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /quá lớn: [\d.,]+ MB, giới hạn 0,01 MB/);
    assert.doesNotMatch(r.stderr, /giải nén/);
  });

  it('a write that fails for want of its folder says so', () => {
    assert.equal(new CliError('write-failed', { file: 'x.xlsx', reason: 'ENOENT', detail: 'ENOENT: no such file' }).render('vi'), 'Không ghi được tệp x.xlsx: thư mục không tồn tại và không tạo được ở đó');
    assert.equal(new CliError('write-failed', { file: 'x.xlsx', reason: 'ENOENT' }).render('en'), 'Cannot write x.xlsx: the folder does not exist and cannot be made there');
  });
});
