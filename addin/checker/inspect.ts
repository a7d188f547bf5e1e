// The checker's side of the checks before ExcelJS sees a byte: the same guard as the CLI
// (xlsx/zip-guard.ts), inflating with the browser's DecompressionStream('deflate-raw').
import { cappedInflateStream, DEFAULT_ZIP_LIMITS, guardXlsx, type CappedInflate, type ZipLimits } from '../../xlsx/zip-guard';
import type { CheckError } from './protocol';

/** Same limits as the CLI's defaults. */
export const LIMITS: ZipLimits = DEFAULT_ZIP_LIMITS;

/** The capped inflater over DecompressionStream; null in a browser without 'deflate-raw'. */
export function browserInflate(): CappedInflate | null {
  if (typeof DecompressionStream !== 'function') return null;
  try {
    new DecompressionStream('deflate-raw');
  } catch {
    return null;
  }
  return cappedInflateStream(DecompressionStream);
}

/**
 * null when the bytes may be handed to ExcelJS; else why not. Without an inflater (an old
 * browser) a workbook that would need one is refused, never read unchecked.
 */
export async function inspectXlsx(
  buf: Uint8Array,
  file: string,
  limits: ZipLimits = LIMITS,
  inflate: CappedInflate | null = browserInflate(),
): Promise<CheckError | null> {
  let missing = false;
  const bad = await guardXlsx(
    buf,
    limits,
    inflate ??
      (() => {
        missing = true;
        throw new Error('no inflater');
      }),
  );
  if (missing) return { code: 'old-browser', params: { file } };
  return bad ? { code: bad.code, params: { file, ...bad.params } } : null;
}
