// Wording lives apart from the engine: one table per language, same keys (a test checks parity).
import type { Finding, FindingKind, FindingParams, Lang, RenderedFinding, Severity } from './types';
import { innerMap } from './memo';
import { viToEnNumber } from './numbers';

type Template = (p: FindingParams) => string;

const s = (v: string | number | undefined) => (v === undefined ? '' : String(v));

const n = (v: string | number | undefined) => viToEnNumber(s(v));

/** "1 child", "3 children" (English only: Vietnamese does not inflect). */
const kids = (v: string | number | undefined) => `${s(v)} ${s(v) === '1' ? 'child' : 'children'}`;

export const FINDING_MESSAGES: Record<Lang, Record<FindingKind, Template>> = {
  vi: {
    'missing-evidence': (p) =>
      p.policy === 'explain'
        ? 'Đã nhập kết quả/điểm nhưng chưa có tài liệu kiểm chứng và chưa có giải trình'
        : p.policy === 'flag'
          ? 'Đã nhập kết quả/điểm nhưng chưa có tài liệu kiểm chứng'
          : 'Đã nhập kết quả/điểm nhưng chưa có tài liệu kiểm chứng: điểm không được chấp nhận',
    'threshold-unmet': (p) => `Chưa đạt mục tiêu "${s(p.target)}": ${s(p.reason)}`,
    'over-max': (p) => `Điểm tự đánh giá ${s(p.points)} vượt điểm tối đa ${s(p.max)}`,
    'sum-mismatch': (p) =>
      p.what === 'self'
        ? `Điểm tự đánh giá ${s(p.value)} khác tổng điểm tự đánh giá của ${s(p.children)} mục con (${s(p.sum)})`
        : p.what === 'total'
          ? `Tổng số ${s(p.value)} khác tổng điểm tối đa của ${s(p.children)} lĩnh vực (${s(p.sum)})`
          : `Điểm tối đa ${s(p.value)} khác tổng điểm tối đa của ${s(p.children)} mục con (${s(p.sum)})`,
    'missing-lead-agency': () => 'Chưa có cơ quan chủ trì',
    'unknown-agency': (p) => `Cơ quan không có trong danh mục: "${s(p.name)}"${p.suggestion ? ` (có phải "${s(p.suggestion)}"?)` : ''}`,
    'duplicate-code': (p) => `Mã ${s(p.code)} trùng với dòng ${s(p.firstRow)}`,
    'bad-number': (p) => `Không đọc được số: "${s(p.value)}"`,
    'target-unparsed': (p) => `Mục tiêu định tính, cần đánh giá thủ công: "${s(p.text)}"`,
    'target-by-year': (p) => `Chỉ tiêu theo từng năm (${s(p.stages)}): chưa rõ năm đánh giá nên đã kiểm tra theo mốc năm ${s(p.year)}. Chọn năm đánh giá để kiểm tra đúng mốc`,
    'framework-mismatch': (p) =>
      p.what === 'unknown-code'
        ? `Khung chỉ số ${s(p.framework)} không có tiêu chí ${s(p.code)}: kiểm tra lại số thứ tự`
        : p.what === 'code'
          ? `Tiêu chí này có số ${s(p.expected)} trong khung chỉ số ${s(p.framework)}, không phải ${s(p.code)}: kiểm tra lại số thứ tự`
        : p.what === 'survey-only'
          ? `Tiêu chí do điều tra xã hội học đánh giá trong khung chỉ số ${s(p.framework)}: không có điểm để tự chấm (ghi "Điều tra XHH")`
          : `Điểm tối đa ${s(p.value)} khác khung chỉ số ${s(p.framework)} (${s(p.expected)})`,
    'missing-task-field': (p) => (p.field === 'deadline' ? 'Nhiệm vụ chưa có thời gian thực hiện' : 'Nhiệm vụ chưa có sản phẩm/kết quả'),
  },
  en: {
    'missing-evidence': (p) =>
      p.policy === 'explain'
        ? 'Result/points entered without evidence and without an explanation'
        : p.policy === 'flag'
          ? 'Result/points entered without evidence'
          : 'Result/points entered without evidence: points not accepted',
    'threshold-unmet': (p) => `Target "${s(p.target)}" not met: ${s(p.reasonEn ?? p.reason)}`,
    'over-max': (p) => `Self-assessed points ${n(p.points)} exceed the maximum ${n(p.max)}`,
    'sum-mismatch': (p) =>
      p.what === 'self'
        ? `Self-assessed points ${n(p.value)} differ from the sum over ${kids(p.children)} (${n(p.sum)})`
        : p.what === 'total'
          ? `Total ${n(p.value)} differs from the sum of the maxima of ${String(p.children) === '1' ? 'its 1 field' : `the ${s(p.children)} fields`} (${n(p.sum)})`
          : `Maximum ${n(p.value)} differs from the sum of the maxima of its ${kids(p.children)} (${n(p.sum)})`,
    'missing-lead-agency': () => 'No lead agency',
    'unknown-agency': (p) => `Agency not in the registry: "${s(p.name)}"${p.suggestion ? ` (did you mean "${s(p.suggestion)}"?)` : ''}`,
    'duplicate-code': (p) => `Code ${s(p.code)} repeats row ${s(p.firstRow)}`,
    'bad-number': (p) => `Not a number: "${s(p.value)}"`,
    'target-unparsed': (p) => `Qualitative target, assess by hand: "${s(p.text)}"`,
    'target-by-year': (p) => `Target set year by year (${s(p.stages)}): the assessment year is not known, so it was checked against ${s(p.year)}. Choose the assessment year to check the right stage`,
    'framework-mismatch': (p) =>
      p.what === 'unknown-code'
        ? `Framework ${s(p.framework)} has no criterion ${s(p.code)}: check the numbering`
        : p.what === 'code'
          ? `This criterion is ${s(p.expected)} in framework ${s(p.framework)}, not ${s(p.code)}: check the numbering`
        : p.what === 'survey-only'
          ? `A criterion scored by a survey in framework ${s(p.framework)}: no points to self-assess (write "Điều tra XHH")`
          : `Maximum ${n(p.value)} differs from framework ${s(p.framework)} (${n(p.expected)})`,
    'missing-task-field': (p) => (p.field === 'deadline' ? 'Task has no timeframe' : 'Task has no product/result'),
  },
};

export const KIND_LABELS: Record<Lang, Record<FindingKind, string>> = {
  vi: {
    'missing-evidence': 'Thiếu tài liệu kiểm chứng',
    'threshold-unmet': 'Chưa đạt mục tiêu',
    'over-max': 'Vượt điểm tối đa',
    'sum-mismatch': 'Tổng không khớp',
    'missing-lead-agency': 'Thiếu cơ quan chủ trì',
    'unknown-agency': 'Cơ quan lạ',
    'duplicate-code': 'Trùng mã',
    'bad-number': 'Số không hợp lệ',
    'target-unparsed': 'Mục tiêu định tính',
    'target-by-year': 'Chỉ tiêu theo năm',
    'framework-mismatch': 'Khác khung chỉ số',
    'missing-task-field': 'Nhiệm vụ thiếu thông tin',
  },
  en: {
    'missing-evidence': 'Missing evidence',
    'threshold-unmet': 'Target not met',
    'over-max': 'Over maximum',
    'sum-mismatch': 'Totals differ',
    'missing-lead-agency': 'No lead agency',
    'unknown-agency': 'Unknown agency',
    'duplicate-code': 'Duplicate code',
    'bad-number': 'Bad number',
    'target-unparsed': 'Qualitative target',
    'target-by-year': 'Target by year',
    'framework-mismatch': 'Framework mismatch',
    'missing-task-field': 'Task incomplete',
  },
};

export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  vi: { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

export function renderFinding(f: Finding, lang: Lang = 'vi'): RenderedFinding {
  const out: RenderedFinding = {
    kind: f.kind,
    severity: f.severity,
    row: f.row,
    column: f.column,
    code: f.code,
    message: findingMessage(f, lang),
  };
  if (f.explanation) out.explanation = f.explanation;
  return out;
}

/** A finding's message alone (the findings table needs nothing else of renderFinding). */
export function findingMessage(f: Finding, lang: Lang): string {
  return FINDING_MESSAGES[lang][f.kind](f.params);
}

/**
 * Every finding's message (findingMessage of each, in order), made once per findings list and
 * language: the findings table and the inline marks show the same messages, and formatting them
 * twice kept two copies of each (at 50,000 rows 27,000 findings: ~3 ms and ~3 MB more, all of it
 * copied by the young-generation collections of the run). Held weakly: the messages go with the
 * list. Findings are read only once made (Analysis.findings, Finding.params); a list whose
 * findings are no longer the same ones, in the same order (sorted, replaced, grown), is
 * formatted again: one pointer comparison per finding.
 */
export function findingMessages(findings: readonly Finding[], lang: Lang): readonly string[] {
  let byLang = messageLists.get(findings);
  if (!byLang) messageLists.set(findings, (byLang = { vi: null, en: null }));
  const kept = byLang[lang];
  if (kept && sameFindings(kept.of, findings)) return kept.messages;
  const messages: string[] = new Array(findings.length);
  // Findings of a kind sharing one params object (validation shares them; see Checker in
  // validate.ts) share one message.
  const made = new Map<FindingKind, Map<Readonly<FindingParams>, string>>();
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const byParams = innerMap(made, f.kind);
    let msg = byParams.get(f.params);
    if (msg === undefined) byParams.set(f.params, (msg = findingMessage(f, lang)));
    messages[i] = msg;
  }
  byLang[lang] = { of: findings.slice(), messages };
  return messages;
}

interface MessageList {
  /** The findings the messages were made for, as they were then. */
  of: readonly Finding[];
  messages: string[];
}
const messageLists = new WeakMap<readonly Finding[], Record<Lang, MessageList | null>>();

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Host-level messages (errors that are not findings), same two languages. */
export const UI_MESSAGES = {
  vi: {
    'no-table': 'Không tìm thấy bảng phụ lục (cần dòng tiêu đề có STT/TT và tên tiêu chí/nhiệm vụ) trong trang tính "{sheet}"',
    'bad-snapshot': 'Dữ liệu trang tính không hợp lệ: {detail}',
    'empty-sheet': 'Trang tính "{sheet}" trống',
    'too-large': 'Trang tính "{sheet}" quá lớn để kiểm tra: {rows} dòng × {cols} cột (tối đa {limit} ô)',
    'own-sheet': 'Trang tính "{sheet}" là trang tổng hợp do parscore tạo, không phải phụ lục: hãy chọn trang phụ lục',
  },
  en: {
    'no-table': 'No appendix table found (needs a header row with STT/TT and a criterion/task name) in sheet "{sheet}"',
    'bad-snapshot': 'Invalid sheet data: {detail}',
    'empty-sheet': 'Sheet "{sheet}" is empty',
    'too-large': 'Sheet "{sheet}" is too large to check: {rows} rows × {cols} columns (at most {limit} cells)',
    'own-sheet': 'Sheet "{sheet}" is a summary parscore wrote, not an appendix: choose the appendix sheet',
  },
} as const;

/**
 * The same messages for a table that comes without a sheet name: a cell function's range when
 * Excel does not pass its address (runtimes before CustomFunctionsRuntime 1.3). 'Trang tính ""'
 * would read as a sheet named "".
 */
const UNNAMED_MESSAGES: Record<Lang, Partial<Record<keyof (typeof UI_MESSAGES)['vi'], string>>> = {
  vi: {
    'no-table': 'Không tìm thấy bảng phụ lục (cần dòng tiêu đề có STT/TT và tên tiêu chí/nhiệm vụ) trong vùng dữ liệu',
    'empty-sheet': 'Vùng dữ liệu trống',
    'too-large': 'Vùng dữ liệu quá lớn để kiểm tra: {rows} dòng × {cols} cột (tối đa {limit} ô)',
    'own-sheet': 'Vùng dữ liệu là trang tổng hợp do parscore tạo, không phải phụ lục: hãy chọn vùng phụ lục',
  },
  en: {
    'no-table': 'No appendix table found (needs a header row with STT/TT and a criterion/task name) in the range',
    'empty-sheet': 'The range is empty',
    'too-large': 'The range is too large to check: {rows} rows × {cols} columns (at most {limit} cells)',
    'own-sheet': 'The range is a summary parscore wrote, not an appendix: choose the appendix range',
  },
};

export function uiMessage(lang: Lang, key: keyof (typeof UI_MESSAGES)['vi'], params: Record<string, string> = {}): string {
  const template = (params.sheet === '' && UNNAMED_MESSAGES[lang][key]) || UI_MESSAGES[lang][key];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}
