// CLI-level errors: one line, Vietnamese first (English with --lang en), never a stack trace.
import type { Lang } from '../model';

export type CliErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'not-xlsx'
  | 'encrypted'
  | 'too-large'
  | 'bomb'
  | 'zip-mismatch'
  | 'same-file'
  | 'no-table'
  | 'bad-framework'
  | 'usage'
  | 'write-failed'
  | 'no-sheet';

const MESSAGES: Record<Lang, Record<CliErrorCode, string>> = {
  vi: {
    'not-found': 'Không tìm thấy tệp: {file}',
    unreadable: 'Không đọc được tệp Excel {file}: {detail}',
    'not-xlsx': 'Tệp {file} không phải bảng tính Excel .xlsx/.xlsm',
    encrypted: 'Tệp {file} được đặt mật khẩu (mã hóa) hoặc là định dạng .xls cũ: hãy bỏ mật khẩu / lưu lại dạng .xlsx rồi thử lại',
    'too-large': 'Tệp {file} quá lớn: {size} MB khi giải nén, giới hạn {limit} MB (đổi bằng --max-mb)',
    bomb: 'Tệp {file} có tỷ lệ nén bất thường ({ratio}:1), từ chối đọc để an toàn',
    'zip-mismatch': 'Tệp {file} bị hỏng hoặc có cấu trúc nén giả mạo (kích thước khai báo không khớp), từ chối đọc để an toàn',
    'same-file': 'Không ghi đè lên tệp đầu vào {file}: hãy chọn tệp kết quả khác',
    'no-table': '{detail}',
    'bad-framework': 'Khung chỉ số {file} không hợp lệ: {detail}',
    usage: 'Sai cú pháp lệnh: {detail} (xem parscore --help)',
    'write-failed': 'Không ghi được tệp {file}: {detail}',
    'no-sheet': 'Không có trang tính "{sheet}" trong {file}',
  },
  en: {
    'not-found': 'File not found: {file}',
    unreadable: 'Cannot read Excel file {file}: {detail}',
    'not-xlsx': '{file} is not an .xlsx/.xlsm workbook',
    encrypted: '{file} is password-protected (encrypted) or a legacy .xls: remove the password / save as .xlsx and retry',
    'too-large': '{file} is too large: {size} MB unpacked, limit {limit} MB (change with --max-mb)',
    bomb: '{file} has an abnormal compression ratio ({ratio}:1); refusing to read it',
    'zip-mismatch': '{file} is corrupt or has forged zip headers (declared sizes do not match); refusing to read it',
    'same-file': 'Refusing to overwrite the input file {file}: choose another output',
    'no-table': '{detail}',
    'bad-framework': 'Framework {file} is invalid: {detail}',
    usage: 'Usage error: {detail} (see parscore --help)',
    'write-failed': 'Cannot write {file}: {detail}',
    'no-sheet': 'No sheet "{sheet}" in {file}',
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
    return MESSAGES[lang][this.code].replace(/\{(\w+)\}/g, (_, k: string) => String(this.params[k] ?? ''));
  }
}

export const CLI_ERROR_MESSAGES = MESSAGES;
