// `parscore clear` without re-saving the officer's workbook: the copy is the input zip without
// parscore's summary sheets (their parts, their entries in the workbook, its relationships and the
// content types, the names that belong to them) and with each marked sheet's part cleared
// (clear-sheet.ts). Every other part is copied as it was — charts, drawings, notes, the Excel 2010
// data validations ExcelJS drops, printer settings. Anything unusual throws PatchUnsupported and
// the caller clears through ExcelJS instead.
import { quotedSheetName } from '../../model';
import { clearAppendixSheet } from './clear-sheet';
import { readWorkbookParts, relsOf, SUMMARY_RECORDS, type SheetEntry } from './workbook-parts';
import { attr, PatchUnsupported, withAttr, xmlText, xmlUnescape } from './xml';
import { entryText, readZip, writeZip, type ZipPart } from './zip';

/** What is parscore's in the workbook, as xlsx/write.ts tells it (ownSummaries, ownColumns). */
export interface OwnParts {
  /** parscore's summary sheets, by name. */
  sheets: readonly string[];
  /** Sheet name → parscore's two columns in it. */
  columns: ReadonlyMap<string, readonly number[]>;
}

export interface Cleared {
  bytes: Buffer;
  sheets: number;
  columns: number;
  rules: number;
  /** The officer's names that pointed into a removed summary, now #REF! as Excel makes them. */
  names: string[];
}

/**
 * `keepNames`: leave the officer's names that point into the summaries as they are, for a copy
 * that gets its summaries back under the same names (score on a scored copy).
 */
export function clearPatch(input: Uint8Array, own: OwnParts, keepNames = false): Cleared {
  const wp = readWorkbookParts(input);
  let { workbook, rels, types } = wp;
  const changed = new Map<string, string>();
  const dropped = new Set<string>();
  let columns = 0;
  let rules = 0;

  for (const s of wp.sheets) {
    const cols = own.columns.get(s.name);
    if (!cols?.length || own.sheets.includes(s.name)) continue;
    const r = clearAppendixSheet(entryText(wp.get(s.part)), cols);
    changed.set(s.part, r.xml);
    columns += cols.length;
    rules += r.rules;
  }

  const gone = wp.sheets.filter((s) => own.sheets.includes(s.name));
  if (gone.length === wp.sheets.length) throw new PatchUnsupported('a workbook of summaries only');
  for (const s of gone) {
    const sheetRels = relsOf(s.part);
    // A summary sheet parscore wrote has no parts of its own; one that has (a chart the officer
    // put there) is left to ExcelJS, which knows what else goes with it.
    if (wp.has(sheetRels) && /<Relationship[\s>]/.test(entryText(wp.get(sheetRels)))) throw new PatchUnsupported(`parts of ${s.name}`);
    dropped.add(s.part).add(sheetRels);
    workbook = workbook.replace(s.tag, '');
    rels = withoutRelationship(rels, (tag) => attr(tag, 'Id') === s.rid);
    types = withoutOverride(types, s.part);
  }
  if (gone.length) {
    workbook = renumberSheetLocal(workbook, wp.sheets, gone);
    // Excel's calculation chain names cells of the removed sheets (their links are formulas): Excel
    // rebuilds a missing chain on its own, and a stale one is what it calls a damaged file.
    const chain = wp.entries.find((e) => /^xl\/calcChain\.xml$/i.test(e.name));
    if (chain) {
      dropped.add(chain.name);
      rels = withoutRelationship(rels, (tag) => /\/calcChain$/.test(attr(tag, 'Type') ?? ''));
      types = withoutOverride(types, chain.name);
    }
  }
  // parscore's records of its summaries go with them (as clearMarks does).
  workbook = workbook.replace(SUMMARY_RECORDS, '');
  const names: string[] = [];
  if (gone.length && !keepNames) workbook = danglingToRef(workbook, gone.map((s) => s.name), names);
  workbook = workbook.replace(/<definedNames>\s*<\/definedNames>/, '');

  changed.set('xl/workbook.xml', workbook);
  changed.set('xl/_rels/workbook.xml.rels', rels);
  changed.set('[Content_Types].xml', types);
  const parts: ZipPart[] = [];
  for (const e of wp.entries) {
    if (dropped.has(e.name)) continue;
    const text = changed.get(e.name);
    parts.push(text === undefined ? { copy: e } : { name: e.name, data: Buffer.from(text, 'utf8') });
  }
  return { bytes: writeZip(parts), sheets: gone.length, columns, rules, names };
}

/**
 * danglingToRef on a copy ExcelJS wrote (clear's fallback: ExcelJS keeps such a name as it was,
 * and cannot hold a "#REF!" one): only the workbook part changes, every other part is copied.
 */
export function danglingNamesPatch(bytes: Buffer, sheets: readonly string[]): { bytes: Buffer; names: string[] } {
  const entries = readZip(bytes);
  const book = entries?.find((e) => e.name === 'xl/workbook.xml');
  if (!entries || !book) return { bytes, names: [] };
  const names: string[] = [];
  const text = danglingToRef(entryText(book), sheets, names).replace(/<definedNames>\s*<\/definedNames>/, '');
  if (text === entryText(book)) return { bytes, names: [] };
  try {
    return { bytes: writeZip(entries.map((e) => (e === book ? { name: e.name, data: Buffer.from(text, 'utf8') } : { copy: e }))), names };
  } catch (e) {
    // No zip writer here (Node before 20.15, zip64): the copy as ExcelJS wrote it, as before.
    if (e instanceof PatchUnsupported) return { bytes, names: [] };
    throw e;
  }
}

/**
 * The officer's names that refer to a removed sheet refer to #REF! there instead ("'Tổng hợp
 * điểm'!$C$5" → "#REF!$C$5"), as Excel rewrites them when a sheet is deleted: a name naming a
 * sheet the workbook no longer has is what Excel repairs as a damaged file ("Removed Records:
 * Named range"). Excel's own names for a removed sheet (_xlnm.Print_Area, _xlnm._FilterDatabase:
 * ExcelJS drops their localSheetId) go with it. The names rewritten are pushed to `out`, but for
 * hidden ones, which the Name Manager does not show. Text inside a formula's string literals and
 * references into other workbooks ("[1]…") are left alone; a 3-D reference with a removed end is
 * #REF! as a whole.
 */
export function danglingToRef(workbook: string, sheets: readonly string[], out: string[]): string {
  const refs = sheets.map((name) => {
    const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : null;
    return { quoted: quotedRef(name), bare: bare?.toLowerCase() ?? null };
  });
  return workbook.replace(/(<definedName\s[^>]*>)([^<]*)(<\/definedName>)/g, (el, open: string, text: string, close: string) => {
    const formula = xmlUnescape(text);
    const rewritten = rewriteSheetRefs(formula, refs);
    if (rewritten === formula) return el;
    const name = xmlUnescape(attr(open, 'name') ?? '');
    if (name.startsWith('_xlnm.')) return '';
    if (attr(open, 'hidden') !== '1' && attr(open, 'hidden') !== 'true') out.push(name);
    return `${open}${xmlText(rewritten)}${close}`;
  });
}

/** A sheet's reference prefix as a formula writes it, lower case ("'tổng hợp điểm'!"): how rewriteSheetRefs compares. */
function quotedRef(sheet: string): string {
  return `${quotedSheetName(sheet)}!`.toLowerCase();
}

/** Where the quote closing the one at s[i] is ("" or '' inside is one quote character), else s.length. */
function closingQuote(s: string, i: number): number {
  const q = s[i];
  let j = i + 1;
  while (j < s.length && !(s[j] === q && s[j + 1] !== q)) j += s[j] === q ? 2 : 1;
  return j;
}

/** The formula with each reference to one of the sheets (case aside, as Excel names sheets) made #REF!, outside "…" literals. */
function rewriteSheetRefs(formula: string, refs: readonly { quoted: string; bare: string | null }[]): string {
  let result = '';
  let i = 0;
  // Compared slice by slice: lower-casing the whole formula may change its length ("İ").
  const at = (i: number, s: string) => formula.slice(i, i + s.length).toLowerCase() === s;
  while (i < formula.length) {
    const c = formula[i]!;
    if (c === '"') {
      // A string literal: copied as it is.
      const j = closingQuote(formula, i);
      result += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    // A bare name starts a reference: not after a letter, another sheet's "Sheet1:" or a workbook's "[1]".
    const hit = refs.find((r) => at(i, r.quoted) || (r.bare !== null && at(i, `${r.bare}!`) && !/[\p{L}\p{N}_.':\]]/u.test(formula[i - 1] ?? '')));
    if (hit) {
      result += '#REF!';
      i += at(i, hit.quoted) ? hit.quoted.length : hit.bare!.length + 1;
      continue;
    }
    if (c === "'") {
      // Another quoted sheet name (it may hold "!" or a summary's name): copied whole, but a 3-D
      // reference ('Sheet1:Tổng hợp điểm'!) with a removed end, which is #REF!.
      const j = closingQuote(formula, i);
      const inner = formula.slice(i + 1, j).replace(/''/g, "'");
      const ends = formula[j + 1] === '!' && !inner.startsWith('[') ? inner.split(':') : [];
      if (ends.length === 2 && refs.some((r) => ends.some((e) => quotedRef(e) === r.quoted))) {
        result += '#REF!';
        i = j + 2;
        continue;
      }
      result += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    result += c;
    i++;
  }
  return result;
}

function withoutRelationship(rels: string, match: (tag: string) => boolean): string {
  return rels.replace(/<Relationship\s[^>]*\/>/g, (tag) => (match(tag) ? '' : tag));
}

function withoutOverride(types: string, part: string): string {
  return types.replace(/<Override\s[^>]*\/>/g, (tag) => ((attr(tag, 'PartName') ?? '').replace(/^\//, '').toLowerCase() === part.toLowerCase() ? '' : tag));
}

/**
 * Names and views that point at sheets by position: a name local to a removed sheet (its print
 * titles, its filter) goes; those of the sheets after it move down; the active and first visible
 * tabs follow their sheets.
 */
function renumberSheetLocal(workbook: string, sheets: readonly SheetEntry[], gone: readonly SheetEntry[]): string {
  const newIndex: (number | null)[] = [];
  let k = 0;
  for (const s of sheets) newIndex.push(gone.includes(s) ? null : k++);
  const mapped = (old: number): number | null => (Number.isInteger(old) && old >= 0 && old < newIndex.length ? newIndex[old]! : old);
  // The nearest visible sheet left at or before a removed one, else after it (a tab can't point
  // at a removed sheet, and Excel would show a hidden one).
  const visible = (i: number) => newIndex[i] !== null && !/^(hidden|veryHidden)$/.test(attr(sheets[i]!.tag, 'state') ?? '');
  const near = (old: number): number => {
    if (old >= 0 && old < newIndex.length && newIndex[old] !== null) return newIndex[old]!;
    for (let i = Math.min(old, newIndex.length - 1); i >= 0; i--) if (visible(i)) return newIndex[i]!;
    for (let i = Math.max(old, 0); i < newIndex.length; i++) if (visible(i)) return newIndex[i]!;
    return 0;
  };
  let out = workbook.replace(/<definedName\s[^>]*>[\s\S]*?<\/definedName>|<definedName\s[^>]*\/>/g, (el) => {
    const open = /^<definedName\s[^>]*>/.exec(el)![0];
    const local = attr(open, 'localSheetId');
    if (local === null) return el;
    const to = mapped(Number(local));
    if (to === null) return '';
    return to === Number(local) ? el : withAttr(open, 'localSheetId', String(to)) + el.slice(open.length);
  });
  out = out.replace(/<workbookView\s[^>]*>/g, (tag) => {
    let t = tag;
    for (const name of ['activeTab', 'firstSheet']) {
      const v = attr(t, name);
      if (v === null) continue;
      const to = near(Number(v));
      if (to !== Number(v)) t = withAttr(t, name, String(to));
    }
    return t;
  });
  return out;
}
