// Every word the task pane shows, Vietnamese first (the default) and English, same keys.
// Findings, kinds and engine errors come worded from the model; only the pane's own text is here.
import type { EvidencePolicy, IndexKind, Lang } from '../../model/types';

export interface PaneText {
  title: string;
  language: string;
  sheetHeading: string;
  sheet: string;
  index: string;
  framework: string;
  none: string;
  headerRows: string;
  dataRows: string;
  rows: string;
  criteria: string;
  tasks: string;
  fields: string;
  fieldList: (n: number) => string;
  selfAssessment: string;
  yes: string;
  no: string;
  columnsHeading: string;
  colLetter: string;
  colRole: string;
  colHeader: string;
  noColumns: string;
  mappingSummary: string;
  mappingHint: string;
  mappingNone: string;
  mappingApply: string;
  mappingReset: string;
  mappingApplied: string;
  mappingResetDone: string;
  mappingDuplicate: (letter: string) => string;
  mappingOverridden: string;
  actionsHeading: string;
  policy: string;
  policies: Record<EvidencePolicy, string>;
  /** The assessment year field: its label, and its placeholder (the title's year, when it names one). */
  year: string;
  yearFromTitle: (year: number | null) => string;
  yearInvalid: (typed: string) => string;
  recognise: string;
  addColumns: string;
  addColumnsHint: string;
  check: string;
  score: string;
  clear: string;
  clearHint: string;
  busy: { recognise: string; addColumns: string; check: string; score: string; clear: string; select: string };
  findingsTitle: string;
  findingsHeading: (n: number) => string;
  findingsEmpty: string;
  findingsNone: string;
  findingsHelp: (label: string) => string;
  findingsMore: (n: number) => string;
  selectFinding: (address: string) => string;
  explanation: string;
  indexNames: Record<IndexKind, string>;
  summarySheet: (sheet: string) => string;
  notExcel: string;
  oldExcel: string;
  noFunctions: string;
  checkerLink: string;
  helpLink: string;
  cliHint: string;
  notSaved: string;
  failed: (detail: string) => string;
}

export const TEXT: Record<Lang, PaneText> = {
  vi: {
    title: 'Chấm điểm CCHC',
    language: 'Ngôn ngữ',
    sheetHeading: 'Trang tính đang mở',
    sheet: 'Trang tính',
    index: 'Chỉ số',
    framework: 'Khung chỉ số',
    none: '—',
    headerRows: 'Dòng tiêu đề',
    dataRows: 'Dòng dữ liệu',
    rows: 'Số dòng nội dung',
    criteria: 'Số tiêu chí',
    tasks: 'Số nhiệm vụ',
    fields: 'Số lĩnh vực',
    fieldList: (n) => `Các lĩnh vực (${n})`,
    selfAssessment: 'Cột tự đánh giá',
    yes: 'Có',
    no: 'Chưa có',
    columnsHeading: 'Cột đã nhận diện',
    colLetter: 'Cột',
    colRole: 'Ý nghĩa',
    colHeader: 'Tiêu đề trong bảng',
    noColumns: 'Chưa nhận diện được cột nào.',
    mappingSummary: 'Sửa nhận diện cột',
    mappingHint:
      'Nếu parscore hiểu sai một cột, chọn lại cột đúng cho từng ý nghĩa rồi bấm "Áp dụng". Lựa chọn được lưu trong sổ tính và dùng cho Kiểm tra, Chấm điểm và nút trên dải băng.',
    mappingNone: '— không có —',
    mappingApply: 'Áp dụng',
    mappingReset: 'Khôi phục tự động',
    mappingApplied: 'Đã áp dụng cách nhận diện cột mới.',
    mappingResetDone: 'Đã trở lại cách nhận diện cột tự động.',
    mappingDuplicate: (l) => `Cột ${l} được chọn cho hơn một ý nghĩa; mỗi cột chỉ có một ý nghĩa.`,
    mappingOverridden: 'Đang dùng cách nhận diện cột do anh/chị sửa.',
    actionsHeading: 'Thao tác',
    policy: 'Khi thiếu tài liệu kiểm chứng',
    year: 'Năm đánh giá (chỉ tiêu theo từng năm)',
    yearFromTitle: (y) => (y === null ? 'chưa rõ: nhập năm, ví dụ 2024' : `${y} (theo tiêu đề bảng)`),
    yearInvalid: (v) => `${v ? `"${v}"` : 'Giá trị vừa nhập'} không phải năm đánh giá: ghi năm có 4 chữ số (ví dụ 2024), hoặc để trống để dùng năm ở tiêu đề bảng.`,
    policies: {
      zero: 'Không chấp nhận điểm (như hội đồng thẩm định)',
      explain: 'Chấp nhận nếu có giải trình',
      flag: 'Chỉ cảnh báo',
    },
    recognise: 'Nhận diện lại',
    addColumns: 'Thêm cột tự đánh giá',
    addColumnsHint:
      'Thêm các cột Kết quả thực hiện, Điểm tự đánh giá, Tài liệu kiểm chứng và Giải trình bên phải bảng, không ghi đè ô nào của anh/chị. Khi đã nhập dữ liệu, các cột này là của anh/chị.',
    check: 'Kiểm tra',
    score: 'Chấm điểm & tổng hợp',
    clear: 'Xóa đánh dấu',
    clearHint:
      'Xóa mọi thứ parscore đã thêm (cột kết quả kiểm tra, tô màu, các trang tổng hợp). Cột tự đánh giá chỉ bị xóa khi còn trống; cột đã có dữ liệu được giữ nguyên.',
    busy: {
      recognise: 'Đang đọc trang tính…',
      addColumns: 'Đang thêm cột tự đánh giá…',
      check: 'Đang kiểm tra và đánh dấu…',
      score: 'Đang chấm điểm và ghi các trang tổng hợp…',
      clear: 'Đang xóa đánh dấu…',
      select: 'Đang chọn ô…',
    },
    findingsTitle: 'Vấn đề phát hiện',
    findingsHeading: (n) => `Vấn đề phát hiện (${n})`,
    findingsEmpty: 'Bấm "Kiểm tra" để xem các vấn đề của bảng.',
    findingsNone: 'Không phát hiện vấn đề nào.',
    findingsHelp: (label) => `Giải thích: ${label}`,
    findingsMore: (n) => `… và ${n} vấn đề khác (xem trang "Danh sách vấn đề" sau khi Chấm điểm & tổng hợp).`,
    selectFinding: (a) => `Chọn ô ${a}`,
    explanation: 'Giải trình',
    indexNames: { PAR: 'PAR INDEX (Chỉ số CCHC)', PAPI: 'PAPI', SIPAS: 'SIPAS', unknown: 'Chưa xác định' },
    summarySheet: (s) => `Trang "${s}" là trang tổng hợp do parscore tạo. Hãy mở trang phụ lục kế hoạch rồi bấm "Nhận diện lại".`,
    notExcel: 'Trang này là ngăn tác vụ của bổ trợ parscore và cần chạy trong Excel.',
    oldExcel:
      'Phiên bản Excel này không hỗ trợ bổ trợ (add-in) của parscore: cần Excel hỗ trợ ExcelApi 1.2 trở lên. Hãy dùng trang kiểm tra hoặc dòng lệnh parscore.',
    noFunctions:
      'Excel này không hỗ trợ hàm tùy chỉnh của parscore (=CCHC.PARSCORE, PARSUMMARY, PARCHECK, PARTARGET), ví dụ Excel 2016/2019 bản mua một lần. Các nút trong ngăn này vẫn dùng được; để có các hàm đó, hãy dùng trang kiểm tra hoặc dòng lệnh parscore.',
    checkerLink: 'Trang kiểm tra (checker.html)',
    helpLink: 'Giải thích các loại vấn đề',
    cliHint: 'Dòng lệnh: npx parscore check tệp.xlsx',
    notSaved: 'Excel này không lưu được thiết lập vào sổ tính; lựa chọn chỉ giữ đến khi đóng ngăn.',
    failed: (d) => `Không thực hiện được: ${d}`,
  },
  en: {
    title: 'PAR scoring',
    language: 'Language',
    sheetHeading: 'Active sheet',
    sheet: 'Sheet',
    index: 'Index',
    framework: 'Framework',
    none: '—',
    headerRows: 'Header rows',
    dataRows: 'Data rows',
    rows: 'Content rows',
    criteria: 'Criteria',
    tasks: 'Tasks',
    fields: 'Fields',
    fieldList: (n) => `Fields (${n})`,
    selfAssessment: 'Self-assessment columns',
    yes: 'Yes',
    no: 'Not yet',
    columnsHeading: 'Recognised columns',
    colLetter: 'Column',
    colRole: 'Meaning',
    colHeader: 'Header in the table',
    noColumns: 'No column was recognised.',
    mappingSummary: 'Correct the column mapping',
    mappingHint:
      'If parscore misread a column, pick the right column for each meaning and click "Apply". The choice is saved in the workbook and used by Check, Score and the ribbon button.',
    mappingNone: '— none —',
    mappingApply: 'Apply',
    mappingReset: 'Back to automatic',
    mappingApplied: 'The corrected column mapping is applied.',
    mappingResetDone: 'Back to the automatic column mapping.',
    mappingDuplicate: (l) => `Column ${l} is chosen for more than one meaning; a column has one meaning.`,
    mappingOverridden: 'Using your corrected column mapping.',
    actionsHeading: 'Actions',
    policy: 'When evidence is missing',
    year: 'Assessment year (targets set year by year)',
    yearFromTitle: (y) => (y === null ? 'unknown: enter a year, e.g. 2024' : `${y} (from the table's title)`),
    yearInvalid: (v) => `${v ? `"${v}"` : 'That'} is not an assessment year: write a four-digit year (e.g. 2024), or leave it blank for the title's year.`,
    policies: {
      zero: 'Points not accepted (as appraisal councils do)',
      explain: 'Accepted with an explanation',
      flag: 'Flag only',
    },
    recognise: 'Recognise again',
    addColumns: 'Add self-assessment columns',
    addColumnsHint:
      'Adds Actual result, Self-assessed points, Evidence and Explanation columns right of the table, never over one of your cells. Once you enter data, these columns are yours.',
    check: 'Check',
    score: 'Score & summarise',
    clear: 'Remove marks',
    clearHint:
      'Removes everything parscore added (check-result columns, highlights, summary sheets). Self-assessment columns are removed only while still empty; columns holding data are kept.',
    busy: {
      recognise: 'Reading the sheet…',
      addColumns: 'Adding self-assessment columns…',
      check: 'Checking and marking…',
      score: 'Scoring and writing the summary sheets…',
      clear: 'Removing marks…',
      select: 'Selecting the cell…',
    },
    findingsTitle: 'Issues found',
    findingsHeading: (n) => `Issues found (${n})`,
    findingsEmpty: 'Click "Check" to see the issues of the table.',
    findingsNone: 'No issues found.',
    findingsHelp: (label) => `Explain: ${label}`,
    findingsMore: (n) => `… and ${n} more (see the "Danh sách vấn đề" sheet after Score & summarise).`,
    selectFinding: (a) => `Select cell ${a}`,
    explanation: 'Explanation',
    indexNames: { PAR: 'PAR INDEX', PAPI: 'PAPI', SIPAS: 'SIPAS', unknown: 'Unknown' },
    summarySheet: (s) => `Sheet "${s}" is a summary sheet written by parscore. Open the plan appendix sheet and click "Recognise again".`,
    notExcel: 'This page is the parscore add-in task pane and must run inside Excel.',
    oldExcel:
      'This version of Excel lacks add-in support for parscore: it needs ExcelApi 1.2 or later. Use the checker page or the parscore command line instead.',
    noFunctions:
      "This Excel lacks add-in support for parscore's functions (=CCHC.PARSCORE, PARSUMMARY, PARCHECK, PARTARGET), as in Excel 2016/2019 perpetual. The buttons in this pane still work; for the functions, use the checker page or the parscore command line.",
    checkerLink: 'Checker page (checker.html)',
    helpLink: 'What each kind of issue means',
    cliHint: 'Command line: npx parscore check file.xlsx',
    notSaved: 'This Excel cannot save settings in the workbook; your choices last until the pane closes.',
    failed: (d) => `Could not complete: ${d}`,
  },
};
