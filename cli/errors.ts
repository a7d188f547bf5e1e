// CLI-level errors: one line, Vietnamese first (English with --lang en), never a stack trace.
import type { Lang } from '../model';
import { LOAD_REASONS } from '../xlsx/load';
import { paramText } from '../xlsx/zip-guard';

export type CliErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'not-xlsx'
  | 'truncated'
  | 'encrypted'
  | 'too-large'
  | 'too-large-file'
  | 'bomb'
  | 'zip-mismatch'
  | 'same-file'
  | 'no-table'
  | 'bad-framework'
  | 'usage'
  | 'write-failed'
  | 'no-sheet'
  | 'bad-output'
  | 'no-workbooks'
  | 'output-folder'
  | 'folder-unreadable'
  | 'output-holds-input';

const MESSAGES: Record<Lang, Record<CliErrorCode, string>> = {
  vi: {
    'not-found': 'Không tìm thấy tệp: {file}',
    unreadable: 'Không đọc được tệp Excel {file}: {detail}',
    'not-xlsx': 'Tệp {file} không phải bảng tính Excel .xlsx/.xlsm',
    truncated: 'Tệp {file} bị cắt cụt hoặc hỏng (thiếu phần cuối của tệp nén): hãy tải về hoặc sao chép lại',
    encrypted: 'Tệp {file} được đặt mật khẩu (mã hóa) hoặc là định dạng .xls cũ: hãy bỏ mật khẩu / lưu lại dạng .xlsx rồi thử lại',
    'too-large': 'Tệp {file} quá lớn: {size} MB khi giải nén, giới hạn {limit} MB (đổi bằng --max-mb)',
    'too-large-file': 'Tệp {file} quá lớn: {size} MB, giới hạn {limit} MB (đổi bằng --max-mb)',
    bomb: 'Tệp {file} có tỷ lệ nén bất thường ({ratio}:1), từ chối đọc để an toàn',
    'zip-mismatch': 'Tệp {file} bị hỏng hoặc có cấu trúc nén giả mạo (kích thước khai báo không khớp), từ chối đọc để an toàn',
    'same-file': 'Không ghi đè lên tệp đầu vào {file}: hãy chọn tệp kết quả khác',
    'no-table': '{detail}',
    'bad-framework': 'Khung chỉ số {file} không hợp lệ: {detail}',
    usage: 'Sai cú pháp lệnh: {detail} (xem parscore --help)',
    'write-failed': 'Không ghi được tệp {file}: {detail}',
    'no-sheet': 'Không có trang tính "{sheet}" trong {file} (các trang: {sheets})',
    'bad-output': 'Tệp kết quả "{file}" phải có đuôi .xlsx: parscore ghi bảng tính .xlsx (không kèm macro)',
    'no-workbooks': 'Thư mục {file} không có tệp Excel .xlsx/.xlsm nào',
    'output-folder': 'Nhiều tệp đầu vào: -o phải là một thư mục (ví dụ -o da-cham/), không phải tệp "{file}"',
    'folder-unreadable': 'Không đọc được thư mục {file} (không có quyền hoặc không truy cập được)',
    'output-holds-input': 'Thư mục kết quả {file} chứa tệp đầu vào {input}: bản đã chấm sẽ thay tệp cùng tên, và lần chạy sau sẽ đọc cả bản đã chấm. Hãy chọn thư mục khác',
  },
  en: {
    'not-found': 'File not found: {file}',
    unreadable: 'Cannot read Excel file {file}: {detail}',
    'not-xlsx': '{file} is not an .xlsx/.xlsm workbook',
    truncated: '{file} is cut short or damaged (the end of the zip is missing): download or copy it again',
    encrypted: '{file} is password-protected (encrypted) or a legacy .xls: remove the password / save as .xlsx and retry',
    'too-large': '{file} is too large: {size} MB unpacked, limit {limit} MB (change with --max-mb)',
    'too-large-file': '{file} is too large: {size} MB, limit {limit} MB (change with --max-mb)',
    bomb: '{file} has an abnormal compression ratio ({ratio}:1); refusing to read it',
    'zip-mismatch': '{file} is corrupt or has forged zip headers (declared sizes do not match); refusing to read it',
    'same-file': 'Refusing to overwrite the input file {file}: choose another output',
    'no-table': '{detail}',
    'bad-framework': 'Framework {file} is invalid: {detail}',
    usage: 'Usage error: {detail} (see parscore --help)',
    'write-failed': 'Cannot write {file}: {detail}',
    'no-sheet': 'No sheet "{sheet}" in {file} (its sheets: {sheets})',
    'bad-output': 'The output "{file}" must end in .xlsx: parscore writes an .xlsx workbook (without macros)',
    'no-workbooks': 'The folder {file} holds no .xlsx/.xlsm workbook',
    'output-folder': 'Several input workbooks: -o must name a folder (e.g. -o scored/), not the file "{file}"',
    'folder-unreadable': 'Cannot read the folder {file} (no permission, or unreachable)',
    'output-holds-input': 'The output folder {file} holds the input {input}: a scored copy would replace a file of its name, and the next run would read the copies too. Choose another folder',
  },
};

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
  render(lang: Lang): string {
    return MESSAGES[lang][this.code].replace(/\{(\w+)\}/g, (_, k: string) => (k === 'detail' ? this.detail(lang) : paramText(this.params[k], lang)));
  }

  /** `reason` (an errno code of a failed write) in words, else the detail given in this language, else `detail`. */
  private detail(lang: Lang): string {
    const reason = this.params.reason;
    if (typeof reason === 'string' && reason in REASONS[lang]) return REASONS[lang][reason as Reason];
    return String(this.params[`detail_${lang}`] ?? this.params.detail ?? '');
  }
}

type Reason = 'EACCES' | 'EPERM' | 'EBUSY' | 'EROFS' | 'ENOSPC' | 'EDQUOT' | 'ENAMETOOLONG' | 'ENOTDIR' | 'EEXIST' | 'EISDIR' | 'ENOENT' | 'not-file' | 'read-denied' | 'unreadable' | 'corrupt' | 'no-sheets';

/** Why a read or write failed, for the officer (the system's text names a temporary file, ExcelJS's its internals). */
const REASONS: Record<Lang, Record<Reason, string>> = {
  vi: {
    EACCES: 'không có quyền ghi vào thư mục này',
    // Windows: renaming over a workbook open in Excel.
    EPERM: 'tệp đang mở trong chương trình khác (Excel?) hoặc không có quyền ghi ở đó',
    EBUSY: 'tệp đang mở trong chương trình khác (Excel?)',
    EROFS: 'ổ đĩa chỉ cho đọc',
    ENOSPC: 'ổ đĩa đã đầy',
    EDQUOT: 'đã hết dung lượng được cấp',
    ENAMETOOLONG: 'tên tệp hoặc đường dẫn quá dài',
    ENOTDIR: 'một phần của đường dẫn là tệp, không phải thư mục',
    EEXIST: 'một phần của đường dẫn là tệp, không phải thư mục',
    EISDIR: 'đó là một thư mục',
    // A write into a place that cannot hold files (/proc, a drive that went away).
    ENOENT: 'thư mục không tồn tại và không tạo được ở đó',
    'read-denied': 'không có quyền đọc tệp này',
    unreadable: 'không đọc được tệp này',
    'not-file': 'đó không phải tệp thông thường (thiết bị, đường ống hoặc thư mục)',
    ...LOAD_REASONS.vi,
  },
  en: {
    EACCES: 'no permission to write in that folder',
    EPERM: 'the file is open in another program (Excel?) or writing there is not allowed',
    EBUSY: 'the file is open in another program (Excel?)',
    EROFS: 'the drive is read-only',
    ENOSPC: 'the drive is full',
    EDQUOT: 'the disk quota is used up',
    ENAMETOOLONG: 'the file name or path is too long',
    ENOTDIR: 'part of the path is a file, not a folder',
    EEXIST: 'part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    ENOENT: 'the folder does not exist and cannot be made there',
    'read-denied': 'no permission to read it',
    unreadable: 'the file cannot be read',
    'not-file': 'it is not a regular file (a device, a pipe or a folder)',
    ...LOAD_REASONS.en,
  },
};

export const CLI_ERROR_MESSAGES = MESSAGES;
