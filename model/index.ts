// Public API of the engine: every host (add-in, custom functions, CLI, browser checker) calls these.
export * from './types';
export * from './report-types';
export { analyzeSheet, analyzeWorkbook, toJsonReport } from './engine';
export { buildSummaryTables, SHEET_NAMES } from './tables';
export { isOwnSummarySheet, isSummarySheetName, looksLikeOwnSummary, ownSummarySheets, planSummarySheets, quotedSheetName, sameSheetName, sheetOfReference, SUMMARY_MARKER_PREFIX, summaryMarkerReference } from './sheet-names';
export { buildCellNotes, buildInlineMarks, isOwnHeader, isOwnNote, MAX_CELL_NOTES, STATUS_HEADERS, CODES_HEADER } from './marks';
export type { CellNote } from './marks';
export { freeStatusColumn, placeInlineMarks, LAST_COLUMN, type ColumnOccupancy } from './free-column';
export { dataBlock, denseDataBlock, SNAPSHOT_GAP, type DataBlock, type SparseRow } from './sheet-block';
export { gridSize, MAX_GRID_CELLS } from './grid';
export { renderFinding, uiMessage, FINDING_MESSAGES, KIND_LABELS, SEVERITY_LABELS } from './messages';
export { parseTarget, evaluateThreshold, formatThreshold } from './thresholds';
export { couldBeNumber, parseViNumber, formatViNumber, formatPoints } from './numbers';
export { parseAgencies, matchAgency } from './agencies';
export { parseFramework, FrameworkSchema } from './frameworks/schema';
export type { Framework } from './frameworks/schema';
export { BUILTIN_FRAMEWORKS } from './frameworks';
export { columnLetter, columnNumber } from './text';
