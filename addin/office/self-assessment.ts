// "Thêm cột tự đánh giá" over Office.js, in two syncs whatever the row count:
//   sync 1 — read: active sheet values + merges, parscore's state, the sheet's rules;
//   (pure)  — analyse, plan the missing columns right of the officer's used range;
//   sync 2 — write: headers (merged down the header rows), formats, widths, the points rule
//            (ExcelApi 1.8), and the state so "Xóa đánh dấu" knows the columns.
// Only the new columns' cells are ever assigned; old parscore status columns (from a previous
// check, now stale) are cleared so the new columns sit right beside the table.
import { analyzeSheet, gridSize, MAX_GRID_CELLS, type Analysis, type AnalyzeOptions, type EvidencePolicy, type Lang, type SheetSnapshot } from '../../model';
import { columnLetter } from '../../model/text';
import { blockAddress } from './a1';
import { TEXT_FORMAT } from './layout';
import { readActiveSheetAndOwnership } from './recognise';
import { BatchBudget } from './payload';
import { addedRecord, planSelfAssessmentColumns, type SelfAssessmentPlan } from './self-assessment-plan';
import { officeSupports, TOO_LARGE_HINT, type Supports } from './snapshot';
import { locateOwnColumns, type ParscoreState } from './state';
import { queueClearColumns, queueDeleteConditionalFormats, queueSaveState, type Writer } from './write';

const SMALL_OP = 256;
const HEADER_FILL = '#E2EFDA';

export type AddColumnsStatus = 'done' | 'complete' | 'not-appendix' | 'summary-sheet-active' | 'empty-sheet' | 'too-large';

export interface AddColumnsResult {
  status: AddColumnsStatus;
  ok: boolean;
  sheet: string;
  message: string;
  syncs: number;
  /** Columns written, left to right. */
  added: { letter: string; header: string }[];
  /** True when the points rule was added (ExcelApi 1.8 and a max column). */
  validation: boolean;
  /** True when a previous check's status columns were cleared to make room. */
  marksCleared: boolean;
  plan: SelfAssessmentPlan | null;
}

export interface AddColumnsOptions {
  lang: Lang;
  evidencePolicy?: EvidencePolicy;
  /** Manual column mapping of the sheet (the pane's correction). */
  columnsFor?: (sheet: string) => AnalyzeOptions['columns'] | undefined;
  supports?: Supports;
  analyze?: (snapshot: SheetSnapshot, options: AnalyzeOptions) => Analysis;
}

type Params = { sheet: string; cols: string; detail: string };

const MESSAGES: Record<Lang, Record<AddColumnsStatus, (p: Params) => string>> = {
  vi: {
    done: (p) =>
      `Đã thêm cột ${p.cols} bên phải bảng trên trang "${p.sheet}".${p.detail} Các cột này là của anh/chị: khi đã có dữ liệu, "Xóa đánh dấu" sẽ không xóa chúng.`,
    complete: (p) => `Trang "${p.sheet}" đã có đủ các cột tự đánh giá.`,
    'not-appendix': (p) => `Trang "${p.sheet}" không phải phụ lục kế hoạch: ${p.detail}`,
    'summary-sheet-active': (p) => `Trang "${p.sheet}" là trang tổng hợp do parscore tạo; hãy mở trang phụ lục.`,
    'empty-sheet': (p) => `Trang "${p.sheet}" đang trống.`,
    'too-large': (p) => `${p.detail}. ${TOO_LARGE_HINT.vi}`,
  },
  en: {
    done: (p) =>
      `Added columns ${p.cols} right of the table on sheet "${p.sheet}".${p.detail} These columns are yours: once they hold data, "Remove marks" never deletes them.`,
    complete: (p) => `Sheet "${p.sheet}" already has every self-assessment column.`,
    'not-appendix': (p) => `Sheet "${p.sheet}" is not a plan appendix: ${p.detail}`,
    'summary-sheet-active': (p) => `Sheet "${p.sheet}" is a parscore summary sheet; open the appendix sheet.`,
    'empty-sheet': (p) => `Sheet "${p.sheet}" is empty.`,
    'too-large': (p) => `${p.detail}. ${TOO_LARGE_HINT.en}`,
  },
};

const DETAILS: Record<Lang, { validation: string; marks: string }> = {
  vi: {
    validation: ' Cột điểm chỉ nhận số từ 0 đến điểm tối đa của dòng.',
    marks: ' Kết quả kiểm tra cũ đã được xoá; bấm "Kiểm tra" để cập nhật.',
  },
  en: {
    validation: ' The points column accepts numbers from 0 to the row maximum.',
    marks: ' The previous check results were removed; click "Check" to refresh them.',
  },
};

const VALIDATION_TEXT: Record<Lang, { title: string; error: string; prompt: string }> = {
  vi: {
    title: 'Điểm tự đánh giá',
    error: 'Nhập một số từ 0 đến điểm tối đa của dòng này.',
    prompt: 'Số điểm tự chấm, từ 0 đến điểm tối đa.',
  },
  en: {
    title: 'Self-assessed points',
    error: 'Enter a number from 0 to the maximum of this row.',
    prompt: 'Points claimed, from 0 to the maximum.',
  },
};

export async function addSelfAssessmentColumns(context: Excel.RequestContext, options: AddColumnsOptions): Promise<AddColumnsResult> {
  const { lang } = options;
  const supports = options.supports ?? officeSupports;
  const analyze = options.analyze ?? analyzeSheet;
  const budget = new BatchBudget(context);
  const result = (status: AddColumnsStatus, sheet: string, extra: Partial<AddColumnsResult> & { detail?: string } = {}): AddColumnsResult => {
    const added = extra.added ?? [];
    return {
      status,
      ok: status === 'done' || status === 'complete',
      sheet,
      message: MESSAGES[lang][status]({ sheet, cols: added.map((c) => c.letter).join(', '), detail: extra.detail ?? '' }),
      syncs: budget.syncs,
      added,
      validation: extra.validation ?? false,
      marksCleared: extra.marksCleared ?? false,
      plan: extra.plan ?? null,
    };
  };

  // ---- sync 1: every read ----
  const { sheet, read, owned, summarySheet } = await readActiveSheetAndOwnership(context, supports, () => budget.sync(), true);
  const snapshot = read.snapshot;
  const state = owned.state();
  if (summarySheet) return result('summary-sheet-active', snapshot.name);
  if (snapshot.values.length === 0 && !snapshot.extent) return result('empty-sheet', snapshot.name);

  // ---- pure: analyse and plan ----
  const columns = options.columnsFor?.(snapshot.name);
  const analysis = analyze(snapshot, {
    lang,
    ...(options.evidencePolicy ? { evidencePolicy: options.evidencePolicy } : {}),
    ...(columns ? { columns } : {}),
  });
  if (!analysis.ok) {
    const status = gridSize(snapshot).cells > MAX_GRID_CELLS ? 'too-large' : 'not-appendix';
    return result(status, snapshot.name, { detail: analysis.error?.message ?? '' });
  }
  const own = locateOwnColumns(snapshot, state.marks[snapshot.name]);
  // Right of every value, merge and formula (one whose result is "" included) of the officer's.
  const lastRow = (snapshot.origin?.row ?? 1) + snapshot.values.length - 1;
  const filled = read.filledColumns(1, own ? { cols: own.cols, fromRow: own.headerRow, toRow: lastRow } : null);
  const outcome = planSelfAssessmentColumns(analysis, snapshot, own?.cols ?? [], Math.max(0, ...filled) + 1);
  if (outcome.kind === 'not-appendix') return result('not-appendix', snapshot.name, { detail: analysis.error?.message ?? '' });
  if (outcome.kind === 'complete') return result('complete', snapshot.name);
  const plan = outcome.plan;

  // ---- sync 2: every write ----
  const w: Writer = { context, budget, supports };
  if (own) {
    await queueDeleteConditionalFormats(w, owned.formatsReferencing(own.cols));
    await queueClearColumns(w, sheet, own.cols, own.headerRow, lastRow);
  }
  const validation = !!plan.validation && supports('ExcelApi', '1.8');
  await queueColumns(w, sheet, plan, validation ? lang : null);

  const next: ParscoreState = { ...state, marks: { ...state.marks }, added: { ...(state.added ?? {}) } };
  if (own) delete next.marks[snapshot.name];
  next.added![snapshot.name] = addedRecord(plan);
  await queueSaveState(w, next);
  await budget.sync();

  const detail = (validation ? DETAILS[lang].validation : '') + (own ? DETAILS[lang].marks : '');
  return result('done', snapshot.name, {
    added: plan.columns.map((c) => ({ letter: c.letter, header: c.header })),
    validation,
    marksCleared: !!own,
    plan,
    detail,
  });
}

/** Queues the headers, formats, widths and (when lang is given) the points rule of a plan. */
async function queueColumns(w: Writer, sheet: Excel.Worksheet, plan: SelfAssessmentPlan, validationLang: Lang | null): Promise<void> {
  const k = plan.columns.length;
  const top = plan.headerRows[0]!;
  const depth = plan.headerRows.length;
  await w.budget.reserve(SMALL_OP * (8 + 2 * k));

  const head = sheet.getRange(blockAddress(top, plan.startCol, 1, k));
  head.numberFormat = [plan.columns.map(() => TEXT_FORMAT)];
  head.values = [plan.columns.map((c) => c.header)];
  if (depth > 1) for (const c of plan.columns) sheet.getRange(blockAddress(top, c.col, depth, 1)).merge(false);
  const block = sheet.getRange(blockAddress(top, plan.startCol, depth, k));
  block.format.font.bold = true;
  block.format.fill.color = HEADER_FILL;
  block.format.wrapText = true;
  block.format.verticalAlignment = 'Center';
  block.format.horizontalAlignment = 'Center';

  const rows = plan.lastRow - plan.firstRow + 1;
  if (rows > 0) {
    const data = sheet.getRange(blockAddress(plan.firstRow, plan.startCol, rows, k));
    data.format.wrapText = true;
    data.format.verticalAlignment = 'Top';
  }
  for (const c of plan.columns) {
    const letter = columnLetter(c.col);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = c.width;
  }

  if (validationLang && plan.validation) {
    const t = VALIDATION_TEXT[validationLang];
    const dv = sheet.getRange(plan.validation.address).dataValidation;
    dv.clear();
    dv.rule = { custom: { formula: plan.validation.formula } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: t.title, message: t.error };
    dv.prompt = { showPrompt: true, title: t.title, message: t.prompt };
  }
}
