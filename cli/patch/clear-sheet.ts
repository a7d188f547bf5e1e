// A scored appendix sheet's part with parscore's additions taken out again: the cells of its two
// columns, its <col> widths (the officer's ranges put back from the sheet's record), its highlight
// rules and its record. Every other byte of the sheet stays as it is — what the officer changed
// after scoring included.
import { columnNumber } from '../../model/text';
import { OWN_RULE } from '../../xlsx/write';
import { colsRecord, officerCols, withoutRecord } from './sheet';
import { attr, PatchUnsupported, topLevelChildren, withAttr, xmlUnescape } from './xml';

export function clearAppendixSheet(xml: string, own: readonly number[]): { xml: string; rules: number } {
  if (!/<worksheet[\s>]/.test(xml)) throw new PatchUnsupported('worksheet with a namespace prefix');
  const ours = new Set(own);
  let out = clearSheetData(xml, ours);
  out = clearCols(out, ours);
  const cf = clearRules(out);
  return { xml: cf.xml, rules: cf.rules };
}

/** sheetData without parscore's cells; a row left with nothing (one parscore made) goes too. */
function clearSheetData(xml: string, ours: ReadonlySet<number>): string {
  const open = /<sheetData(?:\s[^>]*)?>/.exec(xml);
  if (!open) return xml; // <sheetData/>: no cells at all
  const close = xml.lastIndexOf('</sheetData>');
  if (close < 0) throw new PatchUnsupported('no sheetData');
  const parts: string[] = [xml.slice(0, open.index + open[0].length)];
  let pos = open.index + open[0].length;
  const rowRe = /<row[\s>/]/g;
  rowRe.lastIndex = pos;
  for (let rm = rowRe.exec(xml); rm && rm.index < close; rm = rowRe.exec(xml)) {
    const tagEnd = xml.indexOf('>', rm.index);
    const tag = xml.slice(rm.index, tagEnd + 1);
    if (tag.endsWith('/>')) {
      rowRe.lastIndex = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf('</row>', tagEnd);
    if (end < 0) throw new PatchUnsupported('unclosed row');
    const body = xml.slice(tagEnd + 1, end);
    const kept = withoutCells(body, ours);
    if (kept !== body) {
      parts.push(xml.slice(pos, rm.index));
      // A row with only its number and nothing left in it was made by parscore (Excel writes no such row).
      const bare = tag.replace(/\s(?:r|spans)\s*=\s*("[^"]*"|'[^']*')/g, '') === '<row>';
      if (!(bare && !/<c[\s>/]/.test(kept))) parts.push(tag, kept, '</row>');
      pos = end + 6;
    }
    rowRe.lastIndex = end + 6;
  }
  parts.push(xml.slice(pos));
  return parts.join('');
}

/** A row's cells without those in parscore's columns (the body as it was when it has none). */
function withoutCells(body: string, ours: ReadonlySet<number>): string {
  const parts: string[] = [];
  let pos = 0;
  const cellRe = /<c[\s>/]/g;
  for (let cm = cellRe.exec(body); cm; cm = cellRe.exec(body)) {
    const tagEnd = body.indexOf('>', cm.index);
    const ctag = body.slice(cm.index, tagEnd + 1);
    const selfClosing = ctag.endsWith('/>');
    const close = selfClosing ? tagEnd + 1 : body.indexOf('</c>', tagEnd);
    if (close < 0) throw new PatchUnsupported('cell not closed');
    const end = selfClosing ? close : close + 4;
    const ref = attr(ctag, 'r');
    if (!ref) throw new PatchUnsupported('cell without its reference');
    if (ours.has(columnNumber(ref.replace(/\d+$/, '')))) {
      parts.push(body.slice(pos, cm.index));
      pos = end;
    }
    cellRe.lastIndex = end;
  }
  if (!pos) return body;
  parts.push(body.slice(pos));
  return parts.join('');
}

/**
 * <cols> without parscore's two entries; the officer's ranges they were cut from (the sheet's
 * record) replace the pieces left of them. Without a record (a copy scored before there was one)
 * the columns go back to Excel's default width.
 */
function clearCols(xml: string, ours: ReadonlySet<number>): string {
  const record = colsRecord(xml);
  let out = xml;
  if (record.ext) out = withoutRecord(out, record.ext);
  const cols = officerCols(out);
  if (!cols) return out;
  const originals = record.tags.map((tag) => ({ tag, min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')) }));
  const kept: { tag: string; min: number }[] = [];
  for (const c of cols.list) {
    if (c.min === c.max && ours.has(c.min)) continue; // parscore's own
    // A piece of a recorded range: inside it and alike but for min/max.
    if (originals.some((o) => c.min >= o.min && c.max <= o.max && sameBut(c.tag, o.tag))) continue;
    kept.push({ tag: c.tag, min: c.min });
  }
  for (const o of originals) if (Number.isInteger(o.min) && Number.isInteger(o.max)) kept.push({ tag: o.tag, min: o.min });
  kept.sort((a, b) => a.min - b.min);
  const element = kept.length ? `<cols>${kept.map((k) => k.tag).join('')}</cols>` : ''; // an empty <cols> is not valid
  return out.slice(0, cols.start) + element + out.slice(cols.end);
}

function sameBut(piece: string, original: string): boolean {
  const norm = (t: string) => withAttr(withAttr(t, 'min', '0'), 'max', '0');
  return norm(piece) === norm(original);
}

/** The sheet without parscore's highlight rules: conditionalFormatting elements whose every formula is one of its own. */
function clearRules(xml: string): { xml: string; rules: number } {
  const dataEnd = xml.lastIndexOf('</sheetData>');
  const from = dataEnd < 0 ? 0 : dataEnd + '</sheetData>'.length;
  const own = topLevelChildren(xml, from).filter((c) => c.name === 'conditionalFormatting' && isOwnRules(xml.slice(c.start, c.end)));
  let out = xml;
  for (let i = own.length - 1; i >= 0; i--) out = out.slice(0, own[i]!.start) + out.slice(own[i]!.end);
  return { xml: out, rules: own.length };
}

function isOwnRules(element: string): boolean {
  const formulas = [...element.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) => xmlUnescape(m[1]!));
  const rules = element.match(/<cfRule[\s>/]/g)?.length ?? 0;
  return rules > 0 && formulas.length === rules && formulas.every((f) => OWN_RULE.test(f));
}
