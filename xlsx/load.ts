// ExcelJS's load of bytes the zip guard passed, shared by the CLI and the browser checker: what can
// still go wrong, as a reason both word the same way for the officer.
import type ExcelJS from 'exceljs';
import type { Lang } from '../model';

export type LoadProblem = 'corrupt' | 'no-sheets' | 'unreadable';

/** Why a workbook could not be used, in words (ExcelJS's own text names its internals). */
export const LOAD_REASONS: Record<Lang, Record<Exclude<LoadProblem, 'unreadable'>, string>> = {
  vi: {
    corrupt: 'nội dung tệp bị hỏng hoặc không đúng chuẩn bảng tính Excel',
    'no-sheets': 'bảng tính không có trang tính nào',
  },
  en: {
    corrupt: "the file's content is damaged or not a valid Excel workbook",
    'no-sheets': 'the workbook has no sheets',
  },
};

/**
 * Loads `bytes` into `wb`; null when it holds sheets to read, else the problem and ExcelJS's first
 * line. A TypeError is ExcelJS tripping over parts it did not expect ("Cannot read properties of
 * undefined (reading 'getStyleModel')" for a missing styles part), a SAX parse error XML that is
 * not well formed: both mean a damaged file.
 */
export async function loadXlsx(wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<{ problem: LoadProblem; detail: string } | null> {
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const detail = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200);
    const damaged = e instanceof TypeError || /^\d+:\d+: /.test(detail) || /\b(unclosed|unexpected|disallowed|invalid) /i.test(detail);
    return { problem: damaged ? 'corrupt' : 'unreadable', detail };
  }
  return wb.worksheets.length ? null : { problem: 'no-sheets', detail: '' };
}
