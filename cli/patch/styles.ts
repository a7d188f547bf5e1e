// parscore's few cell styles appended to the workbook's styles part (xl/styles.xml): the officer's
// styles keep their indexes, parscore's get the next ones — the same styles xlsx/write.ts has
// ExcelJS write.
import { HEADER_FILL_ARGB, STATUS_FONT_ARGB } from '../../xlsx/write';
import { attr, insertBefore, PatchUnsupported, xmlText } from './xml';

export interface CellStyle {
  font?: 'bold' | 'title' | 'status';
  /** The header fill (light violet, as the ExcelJS writer uses). */
  fill?: boolean;
  numFmt?: string;
  wrap?: boolean;
  vertical?: 'top' | 'center';
}

/** parscore's header cells: bold on the header fill, wrapped, centred vertically. */
export const HEADER_STYLE: CellStyle = { font: 'bold', fill: true, wrap: true, vertical: 'center' };
// Built-in number formats (ECMA-376 18.8.30) that need no numFmt element.
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

interface Section {
  /** The section's element name and a regex finding its start tag. */
  name: string;
  open: RegExp;
  /** The children's element name and a regex finding their start tags. */
  tag: string;
  child: RegExp;
}

/** A section by its element's and its children's names (the regexes made from them, once). */
function section(name: string, tag: string): Section {
  return { name, open: new RegExp(`<${name}[\\s>/]`), tag, child: new RegExp(`<${tag}[\\s>/]`, 'g') };
}
const HEADER_FILL_XML = `<fill><patternFill patternType="solid"><fgColor rgb="${HEADER_FILL_ARGB}"/></patternFill></fill>`;
const FONTS = section('fonts', 'font');
const FILLS = section('fills', 'fill');
const XFS = section('cellXfs', 'xf');
const DXFS = section('dxfs', 'dxf');
const NUMFMTS = section('numFmts', 'numFmt');
const CELLSTYLES = section('cellStyles', 'cellStyle');

/** Where a section is: [start of its open tag, end of the whole element]; null when absent. */
function locate(xml: string, s: Section): { start: number; end: number; selfClosing: boolean } | null {
  const m = s.open.exec(xml);
  if (!m) return null;
  const tagEnd = xml.indexOf('>', m.index);
  if (tagEnd < 0) throw new PatchUnsupported(`broken <${s.name}>`);
  if (xml[tagEnd - 1] === '/') return { start: m.index, end: tagEnd + 1, selfClosing: true };
  const close = xml.indexOf(`</${s.name}>`, tagEnd);
  if (close < 0) throw new PatchUnsupported(`no </${s.name}>`);
  return { start: m.index, end: close + s.name.length + 3, selfClosing: false };
}

function countChildren(xml: string, s: Section): number {
  const at = locate(xml, s);
  if (!at || at.selfClosing) return 0;
  return xml.slice(at.start, at.end).match(s.child)?.length ?? 0;
}

/** Appends children to a section (creating it before `before` when absent) and sets its count. */
function append(xml: string, s: Section, children: string, before: RegExp): string {
  if (!children) return xml;
  const at = locate(xml, s);
  const added = children.match(s.child)?.length ?? 0;
  if (!at) return insertBefore(xml, before, `<${s.name} count="${added}">${children}</${s.name}>`);
  const count = countChildren(xml, s) + added;
  const body = at.selfClosing ? '' : xml.slice(xml.indexOf('>', at.start) + 1, at.end - s.name.length - 3);
  return `${xml.slice(0, at.start)}<${s.name} count="${count}">${body}${children}</${s.name}>${xml.slice(at.end)}`;
}

/** A section's children as written, in order (their index is their position). */
function childrenOf(xml: string, s: Section): string[] {
  const at = locate(xml, s);
  if (!at || at.selfClosing) return [];
  const body = xml.slice(xml.indexOf('>', at.start) + 1, at.end - s.name.length - 3);
  const tag = s.tag;
  // None of these children nests an element of its own name.
  return [...body.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?/>|<${tag}(?:\\s[^>]*)?>[\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);
}

export class StylesPatch {
  private readonly xfs: string[] = [];
  private readonly keys = new Map<string, number>();
  private readonly fonts: string[] = [];
  private readonly fontIds = new Map<string, number>();
  private readonly numFmts: string[] = [];
  private readonly numFmtIds = new Map<string, number>();
  private readonly dxfs: string[] = [];
  private readonly dxfIds = new Map<string, number>();
  private fillId: number | null = null;
  private fillReused = false;
  private readonly baseXf: number;
  private readonly baseFont: number;
  private readonly baseFill: number;
  private readonly baseDxf: number;
  private nextNumFmt: number;
  /**
   * What the part holds already, so a copy scored again (its old marks cleared, their styles left
   * in the part) reuses its earlier styles instead of adding them once more.
   */
  private readonly existing: { fonts: string[]; fills: string[]; xfs: string[]; dxfs: string[] };

  constructor(private readonly xml: string) {
    if (!/<styleSheet[\s>]/.test(xml) || !locate(xml, XFS) || !locate(xml, FONTS) || !locate(xml, FILLS)) {
      throw new PatchUnsupported('styles part without the usual sections');
    }
    this.baseXf = countChildren(xml, XFS);
    this.baseFont = countChildren(xml, FONTS);
    this.baseFill = countChildren(xml, FILLS);
    this.baseDxf = countChildren(xml, DXFS);
    let max = 163;
    const fmts = locate(xml, NUMFMTS);
    if (fmts && !fmts.selfClosing) {
      for (const m of xml.slice(fmts.start, fmts.end).matchAll(/<numFmt\s[^>]*>/g)) {
        const id = Number(attr(m[0], 'numFmtId'));
        const code = attr(m[0], 'formatCode');
        if (Number.isInteger(id)) max = Math.max(max, id);
        if (code !== null && Number.isInteger(id)) this.numFmtIds.set(code, id);
      }
    }
    this.nextNumFmt = max + 1;
    this.existing = { fonts: childrenOf(xml, FONTS), fills: childrenOf(xml, FILLS), xfs: childrenOf(xml, XFS), dxfs: childrenOf(xml, DXFS) };
    // Counts as listed (what Excel indexes by) must agree with the children found, or reuse could point wrong.
    if (this.existing.fonts.length !== this.baseFont || this.existing.fills.length !== this.baseFill || this.existing.xfs.length !== this.baseXf || this.existing.dxfs.length !== this.baseDxf) {
      this.existing = { fonts: [], fills: [], xfs: [], dxfs: [] };
    }
  }

  private font(kind: NonNullable<CellStyle['font']>): number {
    let id = this.fontIds.get(kind);
    if (id === undefined) {
      // Exactly the fonts xlsx/write.ts gives ExcelJS (size and name left to Excel's defaults), so
      // a copy patched here and one written by ExcelJS read back the same.
      const body = kind === 'bold' ? '<b/>' : kind === 'title' ? '<b/><sz val="13"/>' : `<color rgb="${STATUS_FONT_ARGB}"/>`;
      const font = `<font>${body}</font>`;
      id = this.existing.fonts.indexOf(font);
      if (id < 0) {
        id = this.baseFont + this.fonts.length;
        this.fonts.push(font);
      }
      this.fontIds.set(kind, id);
    }
    return id;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.numFmtIds.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.push(`<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`);
      this.numFmtIds.set(code, id);
    }
    return id;
  }

  /** The cellXfs index of a style (the same index for the same style). */
  xf(s: CellStyle): number {
    const key = JSON.stringify([s.font ?? '', !!s.fill, s.numFmt ?? '', !!s.wrap, s.vertical ?? '']);
    let id = this.keys.get(key);
    if (id !== undefined) return id;
    const fontId = s.font ? this.font(s.font) : 0;
    // Fills 0 and 1 are Excel's reserved "none" and "gray125": the header fill comes after them.
    if (s.fill && this.fillId === null) {
      const had = this.existing.fills.indexOf(HEADER_FILL_XML);
      this.fillId = had >= 2 ? had : Math.max(this.baseFill, 2);
      this.fillReused = had >= 2;
    }
    const fillId = s.fill ? this.fillId! : 0;
    const numFmtId = s.numFmt ? this.numFmt(s.numFmt) : 0;
    const align = s.wrap || s.vertical ? `<alignment${s.wrap ? ' wrapText="1"' : ''}${s.vertical ? ` vertical="${s.vertical}"` : ''}/>` : '';
    const applies = `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applies}`;
    const xf = align ? `${open}>${align}</xf>` : `${open}/>`;
    id = this.existing.xfs.indexOf(xf);
    if (id < 0) {
      id = this.baseXf + this.xfs.length;
      this.xfs.push(xf);
    }
    this.keys.set(key, id);
    return id;
  }

  /** The dxfs index of a solid background (a highlight rule's format). */
  dxf(argb: string): number {
    let id = this.dxfIds.get(argb);
    if (id === undefined) {
      const dxf = `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${xmlText(argb)}"/></patternFill></fill></dxf>`;
      id = this.existing.dxfs.indexOf(dxf);
      if (id < 0) {
        id = this.baseDxf + this.dxfs.length;
        this.dxfs.push(dxf);
      }
      this.dxfIds.set(argb, id);
    }
    return id;
  }

  /** The styles part with parscore's styles appended. */
  result(): string {
    let xml = this.xml;
    xml = append(xml, NUMFMTS, this.numFmts.join(''), /<fonts[\s>/]/);
    xml = append(xml, FONTS, this.fonts.join(''), /<\/styleSheet>/);
    if (this.fillId !== null && !this.fillReused) {
      const reserved = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'].slice(this.baseFill);
      xml = append(xml, FILLS, reserved.join('') + HEADER_FILL_XML, /<\/styleSheet>/);
    }
    xml = append(xml, XFS, this.xfs.join(''), /<\/styleSheet>/);
    if (this.dxfs.length && !locate(xml, DXFS)) {
      // dxfs follows cellStyles (or cellXfs) in CT_Stylesheet.
      const after = locate(xml, CELLSTYLES) ?? locate(xml, XFS)!;
      xml = `${xml.slice(0, after.end)}<dxfs count="0"/>${xml.slice(after.end)}`;
    }
    xml = append(xml, DXFS, this.dxfs.join(''), /<\/styleSheet>/);
    return xml;
  }
}
