// Excel custom functions, typed by users as =CCHC.PARSCORE(...) (the namespace comes from the
// manifest). The JSDoc blocks ARE the metadata: custom-functions-metadata-plugin turns them into
// functions.json and appends `CustomFunctions.associate("ID", fn)` calls to this file.
// All logic lives in ./logic (pure, tested in Node); this file only maps errors to Excel errors.
import { analyzeSheet, buildSummaryTables, evaluateThreshold, formatThreshold, parseTarget } from '../../model';
import { createFunctionsLogic, FunctionInputError, FUNCTION_MESSAGES, getFunctionsLanguage, sheetOfAddress } from './logic';
import { customFunctionsHost } from './host';

// Shadows the global on purpose: the appended associate calls then bind to the real runtime
// inside Excel and to an inert stand-in in a plain browser.
const CustomFunctions = customFunctionsHost();

const logic = createFunctionsLogic({ analyzeSheet, buildSummaryTables, parseTarget, evaluateThreshold, formatThreshold });

/**
 * The sheet the table argument lies on, so the engine can refuse parscore's own summary sheets
 * and name the sheet in its messages. Excel passes parameter addresses from CustomFunctionsRuntime
 * 1.3; older runtimes leave them out and the table is analysed without a sheet name.
 */
function tableSheet(invocation: CustomFunctions.Invocation | undefined): string {
  return sheetOfAddress(tableAddress(invocation));
}

/** The table argument's address, to name the range in messages about it (undefined before 1.3). */
function tableAddress(invocation: CustomFunctions.Invocation | undefined): string | undefined {
  return invocation?.parameterAddresses?.[0];
}

/** Runs fn synchronously; every failure becomes a #VALUE! / #N/A carrying a message. */
function run<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof FunctionInputError) {
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode[e.code], e.message);
    }
    const detail = e instanceof Error ? e.message : String(e);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      FUNCTION_MESSAGES[getFunctionsLanguage()].internal({ detail }),
    );
  }
}

/**
 * Tổng điểm của bảng phụ lục kế hoạch (mặc định: điểm được chấp nhận).
 * @customfunction PARSCORE
 * @param table Vùng bảng phụ lục, gồm cả dòng tiêu đề (ví dụ A1:P200).
 * @param [measure] Loại điểm: "accepted" (được chấp nhận, mặc định), "max" (tối đa), "claimed" (tự đánh giá), "risk" (có rủi ro) hoặc "index" (chỉ số %).
 * @param [year] Năm đánh giá, cho chỉ tiêu theo từng năm (ví dụ 2024); bỏ trống: năm chọn trong ngăn parscore, hoặc năm ở tiêu đề bảng (nếu vùng bắt đầu dưới tiêu đề: năm ngăn parscore đọc ở tiêu đề trang tính đó).
 * @param invocation Excel gives the address of the table range (its sheet name; see tableSheet).
 * @returns Điểm theo loại đã chọn.
 * @requiresParameterAddresses
 */
export function parscore(table: any[][], measure?: string, year?: any, invocation?: CustomFunctions.Invocation): number {
  return run(() => logic.score(table, measure, tableSheet(invocation), tableAddress(invocation), year));
}

/**
 * Bảng tổng hợp điểm theo lĩnh vực (tràn ra các ô bên dưới, gồm dòng tiêu đề).
 * @customfunction PARSUMMARY
 * @param table Vùng bảng phụ lục, gồm cả dòng tiêu đề.
 * @param [year] Năm đánh giá, cho chỉ tiêu theo từng năm (ví dụ 2024); bỏ trống: năm chọn trong ngăn parscore, hoặc năm ở tiêu đề bảng (nếu vùng bắt đầu dưới tiêu đề: năm ngăn parscore đọc ở tiêu đề trang tính đó).
 * @param invocation Excel gives the address of the table range (its sheet name; see tableSheet).
 * @returns Dòng tiêu đề và một dòng cho mỗi lĩnh vực, dòng cuối là tổng cộng.
 * @requiresParameterAddresses
 */
export function parsummary(table: any[][], year?: any, invocation?: CustomFunctions.Invocation): any[][] {
  return run(() => logic.summary(table, tableSheet(invocation), tableAddress(invocation), year));
}

/**
 * Kiểm tra kết quả thực hiện so với chỉ tiêu: "Đạt", "Chưa đạt: cần …" hoặc "Không xác định".
 * @customfunction PARCHECK
 * @param target Chỉ tiêu như trong kế hoạch (ví dụ "Đạt từ 95% trở lên"), hoặc ô số từ trên 0 đến 1, là tỷ lệ (95% → ≥ 95%, 1 là 100%).
 * @param actual Kết quả thực hiện (số, tỷ lệ % hoặc văn bản).
 * @param [year] Năm đánh giá, khi chỉ tiêu ghi theo từng năm ("năm 2022 đạt 60%, mỗi năm tiếp theo tăng 10%"); bỏ trống: năm chọn trong ngăn parscore, hoặc năm ngăn parscore đọc ở tiêu đề trang tính của ô chỉ tiêu, không thì mốc ghi đầu tiên.
 * @param invocation Excel gives the address of the target cell (its sheet: the pane's title year there).
 * @returns Kết luận đạt / chưa đạt.
 * @requiresParameterAddresses
 */
export function parcheck(target: any, actual: any, year?: any, invocation?: CustomFunctions.Invocation): string {
  return run(() => logic.check(target, actual, year, sheetOfAddress(tableAddress(invocation))));
}

/**
 * Chuẩn hoá chỉ tiêu thành ngưỡng có thể kiểm tra (ví dụ "≥ 95%"); nhiều chỉ tiêu cách nhau bằng "; ".
 * @customfunction PARTARGET
 * @param text Câu chỉ tiêu như trong kế hoạch, hoặc ô số từ trên 0 đến 1, là tỷ lệ (95% → ≥ 95%).
 * @returns Ngưỡng đã chuẩn hoá.
 */
export function partarget(text: any): string {
  return run(() => logic.target(text));
}
