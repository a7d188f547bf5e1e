// Text helpers shared by the reader, agency matching and header mapping.

const HTML_TAG = /<\/?[a-zA-Z][^<>]*>/g;
const HTML_ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/**
 * A cell value as clean display text: NFC, HTML tags left by copy-paste removed
 * (block tags become line breaks), spaces collapsed per line, line breaks kept.
 */
export function cleanText(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else if (value instanceof Date) s = value.toISOString().slice(0, 10);
  else s = String(value);
  s = s.normalize('NFC');
  if (s.includes('<')) {
    s = s.replace(/<\s*(br|\/p|\/li|\/div)\s*\/?>/gi, '\n').replace(HTML_TAG, '');
  }
  if (s.includes('&')) s = s.replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (m) => HTML_ENTITIES[m] ?? m);
  s = s.replace(/\r\n?/g, '\n').replace(/[\u00a0\t\u200b]/g, ' ');
  const lines = s.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim());
  // Drop empty lines at the ends but keep the officer's inner line structure.
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/**
 * Fold text for matching: lower case, no diacritics (đ → d), punctuation as spaces,
 * whitespace collapsed. "Văn phòng UBND Tỉnh." → "van phong ubnd tinh".
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Excel column letter for a 1-based column number. */
export function columnLetter(col: number): string {
  let n = Math.max(1, Math.floor(col));
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** 1-based column number for a column letter ("A" → 1, "AA" → 27); 0 when invalid. */
export function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter.toUpperCase()) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) return 0;
    n = n * 26 + (c - 64);
  }
  return n;
}
