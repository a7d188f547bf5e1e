// A scored appendix sheet's part with parscore's additions taken out again: the cells of its two
// columns, its <col> widths (the officer's ranges put back from the sheet's record), its highlight
// rules and its record. Every other byte of the sheet stays as it is — what the officer changed
// after scoring included.
import { OWN_RULE } from '../../xlsx/write';
import { colsRecord, forEachCell, forEachRow, officerCols, withoutRecord, withRange } from './sheet';
import { attr, PatchUnsupported, topLevelChildren, xmlUnescape } from './xml';

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
  forEachRow(xml, pos, close, (start, end, tag, selfClosing) => {
    if (selfClosing) return;
    const body = xml.slice(start + tag.length, end - 6);
    const kept = withoutCells(body, ours);
    if (kept === body) return;
    parts.push(xml.slice(pos, start));
    // A row with only its number and nothing left in it was made by parscore (Excel writes no such row).
    const bare = tag.replace(/\s(?:r|spans)\s*=\s*("[^"]*"|'[^']*')/g, '') === '<row>';
    if (!(bare && !/<c[\s>/]/.test(kept))) parts.push(tag, kept, '</row>');
    pos = end;
  });
  parts.push(xml.slice(pos));
  return parts.join('');
}

/** A row's cells without those in parscore's columns (the body as it was when it has none). */
function withoutCells(body: string, ours: ReadonlySet<number>): string {
  const parts: string[] = [];
  let pos = 0;
  forEachCell(body, (start, end, _tag, col) => {
    if (!ours.has(col)) return;
    parts.push(body.slice(pos, start));
    pos = end;
  });
  if (!pos) return body;
  parts.push(body.slice(pos));
  return parts.join('');
}

/**
 * <cols> without parscore's two entries; the officer's ranges they were cut from (the sheet's
 * record) fill again the columns no entry covers — what the officer changed since (a width, a
 * column inserted) stays, and no two entries overlap — and pieces of one range left alike are one
 * range again. Without a record (a copy scored before there was one, or saved by a tool that drops
 * it) the columns go back to Excel's default width.
 */
function clearCols(xml: string, ours: ReadonlySet<number>): string {
  const record = colsRecord(xml);
  let out = xml;
  if (record.ext) out = withoutRecord(out, record.ext);
  const cols = officerCols(out);
  if (!cols) return out;
  const originals = record.tags
    .map((tag) => ({ tag, min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')) }))
    .filter((o) => Number.isInteger(o.min) && Number.isInteger(o.max) && o.min <= o.max);
  const kept = cols.list.filter((c) => !(c.min === c.max && ours.has(c.min)));
  for (const o of originals) {
    let from = o.min;
    const covering = kept.filter((c) => c.max >= o.min && c.min <= o.max).sort((a, b) => a.min - b.min);
    const fills: [number, number][] = [];
    for (const c of covering) {
      if (c.min > from) fills.push([from, c.min - 1]);
      from = Math.max(from, c.max + 1);
    }
    if (from <= o.max) fills.push([from, o.max]);
    for (const [a, b] of fills) kept.push({ tag: withRange(o.tag, a, b), min: a, max: b });
  }
  kept.sort((a, b) => a.min - b.min);
  const merged: { tag: string; min: number; max: number }[] = [];
  for (const c of kept) {
    const prev = merged[merged.length - 1];
    const whole = prev && originals.find((o) => prev.min >= o.min && c.max <= o.max && sameBut(prev.tag, o.tag) && sameBut(c.tag, o.tag));
    if (prev && whole && prev.max + 1 === c.min) {
      prev.max = c.max;
      prev.tag = withRange(whole.tag, prev.min, c.max);
    } else merged.push({ ...c });
  }
  const element = merged.length ? `<cols>${merged.map((k) => k.tag).join('')}</cols>` : ''; // an empty <cols> is not valid
  return out.slice(0, cols.start) + element + out.slice(cols.end);
}

function sameBut(piece: string, original: string): boolean {
  const norm = (t: string) => withRange(t, 0, 0);
  return norm(piece) === norm(original);
}

/**
 * The sheet without parscore's highlight rules: its cfRule elements (one formula of its own, see
 * OWN_RULE) taken out of every conditionalFormatting, and an element left with no rule removed.
 * Excel keeps rules sharing a range in one element, so an officer's rule may sit beside parscore's.
 */
function clearRules(xml: string): { xml: string; rules: number } {
  const elements = topLevelChildren(xml, afterSheetData(xml)).filter((c) => c.name === 'conditionalFormatting');
  let out = xml;
  let rules = 0;
  for (let i = elements.length - 1; i >= 0; i--) {
    const e = elements[i]!;
    const text = out.slice(e.start, e.end);
    let removed = 0;
    let left = 0;
    const kept = text.replace(/<cfRule\b[^>]*\/>|<cfRule\b[^>]*>[\s\S]*?<\/cfRule>/g, (rule) => {
      if (isOwnRule(rule)) {
        removed++;
        return '';
      }
      left++;
      return rule;
    });
    if (!removed) continue;
    rules += removed;
    out = out.slice(0, e.start) + (left ? kept : '') + out.slice(e.end);
  }
  return { xml: out, rules };
}

function isOwnRule(rule: string): boolean {
  const formulas = [...rule.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) => xmlUnescape(m[1]!));
  return formulas.length === 1 && OWN_RULE.test(formulas[0]!);
}

/** Where the worksheet's children after sheetData start (scanning from there skips the rows). */
function afterSheetData(xml: string): number {
  const close = xml.lastIndexOf('</sheetData>');
  if (close >= 0) return close + '</sheetData>'.length;
  const empty = /<sheetData(?:\s[^>]*)?\/>/.exec(xml);
  if (empty) return empty.index + empty[0].length;
  throw new PatchUnsupported('no sheetData');
}
