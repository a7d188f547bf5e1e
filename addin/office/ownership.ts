// Queued reads of what parscore owns in the workbook: its stored state, the sheet names, and the
// conditional formats of a sheet with their formulas (to find parscore's own rules).
import { formulaReferencesColumn } from './a1';
import type { Supports } from './snapshot';
import { parseState, STATE_KEY, type ParscoreState } from './state';
import { columnLetter } from '../../model/text';

export interface PendingOwnership {
  /** Valid after the sync. */
  state(): ParscoreState;
  sheetNames(): string[];
  /** Custom conditional formats of the sheet whose formula refers to one of these 1-based columns. */
  formatsReferencing(cols: readonly number[]): Excel.ConditionalFormat[];
}

export function queueOwnershipRead(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet | null,
  supports: Supports,
): PendingOwnership {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const setting = supports('ExcelApi', '1.4') ? context.workbook.settings.getItemOrNullObject(STATE_KEY) : null;
  setting?.load('value');
  // Whole-sheet range: every rule on the sheet, and never a null object.
  const formats = sheet && supports('ExcelApi', '1.6') ? sheet.getRange().conditionalFormats : null;
  formats?.load('items/type,items/customOrNullObject/rule/formula');
  return {
    state: () => (setting && !setting.isNullObject ? parseState(setting.value) : parseState(null)),
    sheetNames: () => sheets.items.map((s) => s.name),
    formatsReferencing(cols) {
      if (!formats || cols.length === 0) return [];
      const letters = [...new Set(cols.map((c) => columnLetter(c)))];
      return formats.items.filter((cf) => {
        if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) return false;
        const formula = cf.customOrNullObject.rule.formula ?? '';
        return letters.some((l) => formulaReferencesColumn(formula, l));
      });
    },
  };
}
