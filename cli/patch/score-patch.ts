// `parscore score` without re-saving the officer's workbook: the scored copy is the input zip with
// the appendix sheet's part patched (two columns, widths, highlight rules), the styles part
// extended, and the three summary sheets added (workbook, relationships and content types parts
// list them). Every other part is copied as it was, compressed bytes and all. Anything unusual
// (a re-run over parscore's own marks, odd XML, zip64) throws PatchUnsupported and the caller
// writes through ExcelJS instead.
import { planSummarySheets, sameSheetName, sheetReferences, SUMMARY_MARKER_PREFIX, summaryMarkerReference, type InlineMarks, type SummaryTable } from '../../model';
import { patchAppendixSheet } from './sheet';
import { StylesPatch } from './styles';
import { printTitles, summarySheetXml } from './summary';
import { readWorkbookParts, REL_NS, SUMMARY_RECORDS } from './workbook-parts';
import { insertBefore, PatchUnsupported, withAttr, xmlText } from './xml';
import { entryText, writeZip, type ZipPart } from './zip';

const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface ScorePatch {
  /** The appendix sheet's name, as the workbook lists it. */
  sheet: string;
  marks: InlineMarks | null;
  tables: SummaryTable[];
  /**
   * Ask Excel to recalculate every formula when it opens the copy (calcPr fullCalcOnLoad): for a
   * scored copy scored again, whose summaries come back with new numbers under the same names. A
   * formula of the officer's that quotes one ("='Tổng hợp điểm'!E12") holds last run's result as
   * its cached value, and Excel recalculates on open only what changed in Excel. scorePatch also
   * asks it, unasked, where a sheet's formula refers to a summary it adds.
   */
  recalcOnLoad?: boolean;
}

/** CT_Workbook's children up to definedNames, in the schema's order (each closing or self-closing). */
const BEFORE_DEFINED_NAMES = [/<\/sheets>/, /<functionGroups[^>]*\/>|<\/functionGroups>/, /<\/externalReferences>/];
const DEFINED_NAMES_END = /<definedNames\s*\/>|<\/definedNames>/;

/** workbook.xml with `element` put right after the last of `before` it holds (the schema's order). */
function insertAfterLast(workbook: string, before: readonly RegExp[], element: string): string {
  let at = -1;
  for (const re of before) {
    const m = re.exec(workbook);
    if (m) at = Math.max(at, m.index + m[0].length);
  }
  if (at < 0) throw new PatchUnsupported('workbook without its sheet list');
  return `${workbook.slice(0, at)}${element}${workbook.slice(at)}`;
}

/** workbook.xml asking for a full calculation on load: calcPr's attribute set, or a calcPr added where the schema wants it. */
export function withFullCalcOnLoad(workbook: string): string {
  const tag = /<calcPr\b[^>]*>/.exec(workbook);
  if (tag) return workbook.slice(0, tag.index) + withAttr(tag[0], 'fullCalcOnLoad', '1') + workbook.slice(tag.index + tag[0].length);
  // CT_Workbook order: sheets, functionGroups, externalReferences, definedNames, then calcPr.
  return insertAfterLast(workbook, [...BEFORE_DEFINED_NAMES, DEFINED_NAMES_END], '<calcPr fullCalcOnLoad="1"/>');
}

/** workbook.xml with these definedName elements added, where the schema wants them. */
export function withDefinedNames(workbook: string, defs: string): string {
  if (/<definedNames\s*\/>/.test(workbook)) return workbook.replace(/<definedNames\s*\/>/, `<definedNames>${defs}</definedNames>`);
  if (/<\/definedNames>/.test(workbook)) return insertBefore(workbook, /<\/definedNames>/, defs);
  // CT_Workbook order: sheets, functionGroups, externalReferences, then definedNames.
  return insertAfterLast(workbook, BEFORE_DEFINED_NAMES, `<definedNames>${defs}</definedNames>`);
}

export function scorePatch(input: Uint8Array, p: ScorePatch): Buffer {
  const wp = readWorkbookParts(input);
  const { entries, get, prefix, sheets, targets } = wp;
  let { workbook, rels, types } = wp;
  const changed = new Map<string, string>();

  const styles = new StylesPatch(entryText(get('xl/styles.xml')));
  // Named against this sheet list: it also holds what ExcelJS does not list (chart sheets),
  // which the names the tables come with were chosen without.
  const free = planSummarySheets(
    p.tables.map((t) => t.sheetName),
    sheets.map((s) => s.name),
    [],
  ).targets;
  // A formula of the officer's into a summary added here (kept through a `clear`, or written
  // before the first score) holds a stale value or #REF!: Excel is asked to recalculate on open.
  // Each sheet's XML is searched as it is read (the appendix's is ~40 MB at 50,000 rows: read once).
  // Names too ("=TongDiem" for 'Tổng hợp điểm'!$E$12, defined before), but not parscore's own records.
  const refersToFree = sheetReferences(free);
  let recalc = p.recalcOnLoad === true || refersToFree(wp.workbook.replace(SUMMARY_RECORDS, ''));
  if (p.marks) {
    const sheet = sheets.find((s) => s.name === p.sheet);
    if (!sheet) throw new PatchUnsupported(`sheet ${p.sheet}`);
    const xml = entryText(get(sheet.part));
    recalc ||= refersToFree(xml);
    changed.set(sheet.part, patchAppendixSheet(xml, p.marks, styles));
  }
  for (const sheet of sheets) {
    if (recalc) break;
    if (!changed.has(sheet.part) && wp.has(sheet.part)) recalc = refersToFree(entryText(get(sheet.part)));
  }

  // Summary sheets: new parts, listed in the workbook, its relationships and the content types.
  const added: { name: string; data: string }[] = [];
  // Part names are case-insensitive; a name listed in the content types or owning a .rels file
  // (left behind by another tool) is taken too, and so is each part added here.
  const used = new Set(entries.map((e) => e.name.toLowerCase()));
  for (const m of types.matchAll(/PartName\s*=\s*["']\/?([^"']+)["']/g)) used.add(m[1]!.toLowerCase());
  const taken = (n: number) => used.has(`xl/worksheets/sheet${n}.xml`) || used.has(`xl/worksheets/_rels/sheet${n}.xml.rels`);
  let nextId = Math.max(...sheets.map((s) => s.id)) + 1;
  let part = 1;
  let rid = 1;
  const names: string[] = [];
  for (const [k, table] of p.tables.entries()) {
    const t = free[k] === table.sheetName ? table : { ...table, sheetName: free[k]! };
    if (sheets.some((s) => sameSheetName(s.name, t.sheetName))) throw new PatchUnsupported(`sheet ${t.sheetName} exists`);
    while (taken(part)) part++;
    while (targets.has(`rIdParscore${rid}`)) rid++;
    const target = `worksheets/sheet${part}.xml`;
    const name = `xl/${target}`;
    used.add(name);
    added.push({ name, data: summarySheetXml(t, styles) });
    const id = `rIdParscore${rid++}`;
    workbook = insertBefore(workbook, /<\/sheets>/, `<sheet name="${xmlText(t.sheetName)}" sheetId="${nextId++}" ${prefix}:id="${id}"/>`);
    rels = insertBefore(rels, /<\/Relationships>/, `<Relationship Id="${id}" Type="${WORKSHEET_REL}" Target="${target}"/>`);
    types = insertBefore(types, /<\/Types>/, `<Override PartName="/${name}" ContentType="${WORKSHEET_TYPE}"/>`);
    names.push(t.sheetName);
  }
  // Earlier records of summary sheets (their sheets deleted or no longer parscore's: a workbook
  // with parscore's summaries goes through ExcelJS) make way for these, as in clearMarks.
  workbook = workbook.replace(SUMMARY_RECORDS, '');
  if (names.length) {
    const marks = p.tables.map((t, i) => `<definedName name="${SUMMARY_MARKER_PREFIX}${t.key}">${xmlText(summaryMarkerReference(names[i]!))}</definedName>`);
    const defs = names.map((n, i) => printTitles(n, sheets.length + i)).join('') + marks.join('');
    workbook = withDefinedNames(workbook, defs);
  }
  if (recalc) workbook = withFullCalcOnLoad(workbook);
  changed.set('xl/workbook.xml', workbook);
  changed.set('xl/_rels/workbook.xml.rels', rels);
  changed.set('[Content_Types].xml', types);
  changed.set('xl/styles.xml', styles.result());

  const parts: ZipPart[] = entries.map((e) => {
    const text = changed.get(e.name);
    return text === undefined ? { copy: e } : { name: e.name, data: Buffer.from(text, 'utf8') };
  });
  for (const a of added) parts.push({ name: a.name, data: Buffer.from(a.data, 'utf8') });
  return writeZip(parts);
}
