// Small, exact string helpers for the OOXML parts the patch writer edits. Parts come from Excel,
// LibreOffice, ExcelJS or other writers; whatever a helper does not recognise makes the caller
// fall back to the ExcelJS writer (PatchUnsupported), never a guess.

export class PatchUnsupported extends Error {}

/** Text for XML content or an attribute value; characters XML 1.0 cannot hold are dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\ud800-\udbff\udc00-\udfff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function xmlUnescape(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (m, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : m;
  });
}

const ATTR_RES = new Map<string, RegExp>();

/** Regex source for an attribute up to its value: ` name = ` (name escaped). */
function attrStart(name: string): string {
  return `\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*`;
}

/** Attribute value of one start tag ("<sheet name=… r:id=…/>"); null when absent. */
export function attr(tag: string, name: string): string | null {
  let re = ATTR_RES.get(name);
  if (!re) ATTR_RES.set(name, (re = new RegExp(`${attrStart(name)}("([^"]*)"|'([^']*)')`)));
  const m = re.exec(tag);
  if (!m) return null;
  const v = m[2] ?? m[3] ?? '';
  return v.includes('&') ? xmlUnescape(v) : v;
}

/** Inserts `text` before the first match of `before` (a regex), or throws PatchUnsupported. */
export function insertBefore(xml: string, before: RegExp, text: string): string {
  const m = before.exec(xml);
  if (!m) throw new PatchUnsupported(`no ${before.source}`);
  return xml.slice(0, m.index) + text + xml.slice(m.index);
}

/**
 * The root element's children from `from` on, as [name, start, end) — nested elements skipped, so
 * a `<pageMargins>` inside `<customSheetViews>` or an `<extLst>` inside `<autoFilter>` is never
 * taken for the worksheet's own. Stops at the root's closing tag.
 */
export function topLevelChildren(xml: string, from: number): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g;
  tag.lastIndex = from;
  let depth = 0;
  let open: { name: string; start: number } | null = null;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (!m[2]) continue; // a comment or a processing instruction
    const closing = m[1] === '/';
    const selfClosing = m[3] === '/';
    if (closing) {
      if (depth === 0) break; // the root's own closing tag
      depth--;
      if (depth === 0 && open) {
        out.push({ name: open.name, start: open.start, end: m.index + m[0].length });
        open = null;
      }
    } else if (selfClosing) {
      if (depth === 0) out.push({ name: m[2], start: m.index, end: m.index + m[0].length });
    } else {
      if (depth === 0) open = { name: m[2], start: m.index };
      depth++;
    }
  }
  return out;
}

/** The same start tag with an attribute set (replaced whatever its quotes, or added). */
export function withAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(${attrStart(name)})("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${xmlText(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${xmlText(value)}"$1>`);
}
