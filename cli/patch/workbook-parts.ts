// The workbook's own parts as the patch writers need them: the sheet list with each sheet's part,
// the workbook's relationships and the content types. Shared by `score` (which adds sheets) and
// `clear` (which removes its own again), so both read a workbook the same way.
import { SUMMARY_MARKER_PREFIX } from '../../model';
import { attr, PatchUnsupported } from './xml';
import { entryText, readZip, type ZipEntry } from './zip';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** parscore's records of its summary sheets in workbook.xml (either quote style), to take out before writing new ones or when clearing. */
export const SUMMARY_RECORDS = new RegExp(`<definedName\\s[^>]*name=(["'])${SUMMARY_MARKER_PREFIX}[^"']*\\1[^>]*>[^<]*</definedName>`, 'g');

export interface SheetEntry {
  name: string;
  id: number;
  rid: string;
  /** The <sheet …/> tag as written in workbook.xml. */
  tag: string;
  /** Its part inside the zip ("xl/worksheets/sheet1.xml"). */
  part: string;
}

export interface WorkbookParts {
  entries: ZipEntry[];
  get(name: string): ZipEntry;
  has(name: string): boolean;
  workbook: string;
  rels: string;
  types: string;
  /** The prefix workbook.xml gives the relationships namespace ("r"). */
  prefix: string;
  sheets: SheetEntry[];
  /** Relationship id → target, from xl/_rels/workbook.xml.rels. */
  targets: Map<string, string>;
}

/** Part name inside the zip for a relationship target of xl/workbook.xml. */
export function partOf(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/');
}

/** The relationships part of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"). */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function readWorkbookParts(input: Uint8Array): WorkbookParts {
  const entries = readZip(input);
  if (!entries) throw new PatchUnsupported('zip layout');
  const byName = new Map(entries.map((e) => [e.name, e]));
  const get = (name: string): ZipEntry => {
    const e = byName.get(name);
    if (!e) throw new PatchUnsupported(`no ${name}`);
    return e;
  };
  const workbook = entryText(get('xl/workbook.xml'));
  const rels = entryText(get('xl/_rels/workbook.xml.rels'));
  const types = entryText(get('[Content_Types].xml'));
  // An .xlsm's copy would keep its macros under an .xlsx name (Excel refuses such a file);
  // ExcelJS writes it without them.
  if (/macroEnabled/i.test(types) || entries.some((e) => /vbaProject\.bin$/i.test(e.name))) throw new PatchUnsupported('macro-enabled workbook');
  // A template (.xltx) keeps its template content type in a copy: Excel refuses it under .xlsx.
  if (/\.template\.main\+xml/i.test(types)) throw new PatchUnsupported('template workbook');
  const root = /<workbook\s[^>]*>/.exec(workbook)?.[0];
  const prefix = root && [...root.matchAll(/\sxmlns:([\w.-]+)="([^"]*)"/g)].find((m) => m[2] === REL_NS)?.[1];
  if (!prefix) throw new PatchUnsupported('workbook without the relationships namespace');
  const sheetList = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbook)?.[1] ?? '';
  const sheetTags = [...sheetList.matchAll(/<sheet\s[^>]*\/>/g)].map((m) => m[0]);
  if ((sheetList.match(/<sheet[\s>/]/g)?.length ?? 0) !== sheetTags.length) throw new PatchUnsupported('sheet list');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*\/>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target);
  }
  const sheets = sheetTags.map((tag) => {
    const rid = attr(tag, `${prefix}:id`) ?? '';
    const target = targets.get(rid);
    return { name: attr(tag, 'name') ?? '', id: Number(attr(tag, 'sheetId')), rid, tag, part: target ? partOf(target) : '' };
  });
  if (!sheets.length || sheets.some((s) => !s.name || !Number.isInteger(s.id) || !s.part)) throw new PatchUnsupported('sheet list');
  return { entries, get, has: (name) => byName.has(name), workbook, rels, types, prefix, sheets, targets };
}
