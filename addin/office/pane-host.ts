// Everything the task pane needs from Office, behind plain async functions: readiness, what this
// Excel supports, and each button's Excel.run. The pane's DOM code calls these and the model only.
import type { Lang } from '../../model/types';
import { clearParscore, type ClearResult } from './clear';
import { queueSelectCell } from './navigate';
import { loadPreferences } from './preferences';
import { readActiveSheet, type SheetReading } from './recognise';
import { addSelfAssessmentColumns, type AddColumnsResult } from './self-assessment';
import { officeSupports, type Supports } from './snapshot';

export interface OfficeCapabilities {
  /** Running inside Excel (not a plain browser). */
  inExcel: boolean;
  /** ExcelApi 1.2+: what the pane needs to read and write the sheet. */
  excel: boolean;
  /** CustomFunctionsRuntime 1.1: =CCHC.PARSCORE(…) and friends work in this Excel. */
  customFunctions: boolean;
  /** ExcelApi 1.8: data validation on the points column. */
  dataValidation: boolean;
  /** ExcelApi 1.6: highlight rules. */
  conditionalFormats: boolean;
}

export function officeCapabilities(inExcel: boolean, supports: Supports = officeSupports): OfficeCapabilities {
  return {
    inExcel,
    excel: inExcel && supports('ExcelApi', '1.2'),
    customFunctions: inExcel && supports('CustomFunctionsRuntime', '1.1'),
    dataValidation: inExcel && supports('ExcelApi', '1.8'),
    conditionalFormats: inExcel && supports('ExcelApi', '1.6'),
  };
}

/** Resolves once office.js is ready; inExcel is false in a plain browser or another host. */
export async function whenOfficeReady(): Promise<OfficeCapabilities> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return officeCapabilities(false);
  const info = await Office.onReady();
  return officeCapabilities(info.host === Office.HostType.Excel);
}

const columnsFor = (sheet: string) => loadPreferences().columns[sheet];

export function recognise(): Promise<SheetReading> {
  return Excel.run((context) => readActiveSheet(context));
}

export function addColumns(lang: Lang): Promise<AddColumnsResult> {
  const prefs = loadPreferences();
  return Excel.run((context) => addSelfAssessmentColumns(context, { lang, evidencePolicy: prefs.evidencePolicy, columnsFor }));
}

export function clearMarks(lang: Lang): Promise<ClearResult> {
  return Excel.run((context) => clearParscore(context, { lang }));
}

export function selectCell(sheet: string, address: string): Promise<void> {
  return Excel.run((context) => queueSelectCell(context, sheet, address));
}
