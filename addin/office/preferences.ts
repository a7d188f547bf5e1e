// The task pane's choices, saved in the workbook (Office.context.document.settings, so they travel
// with the file): display language, evidence policy, and per sheet the officer's corrections of
// the column mapping (passed to the engine as AnalyzeOptions.columns). Read synchronously (Office
// loads the settings with the document); saving is async. Without Settings they live in memory.
import type { ColumnRole, EvidencePolicy, Lang } from '../../model/types';
import { isColumnRole } from '../../model/column-roles';
import { parseYear } from '../../model/stages';

export const PREFS_KEY = 'parscore.prefs';

export type ColumnOverrides = Partial<Record<ColumnRole, string[]>>;

export interface PanePreferences {
  lang: Lang;
  evidencePolicy: EvidencePolicy;
  /** The assessment year (targets staged by year); null: the year the table's title names. */
  year: number | null;
  /** Column mapping corrections by sheet name. */
  columns: Record<string, ColumnOverrides>;
}

export function defaultPreferences(): PanePreferences {
  return { lang: 'vi', evidencePolicy: 'zero', year: null, columns: {} };
}

const POLICIES: readonly EvidencePolicy[] = ['zero', 'explain', 'flag'];
const LETTERS = /^[A-Z]{1,3}$/;

/** Tolerant read of the stored value (a JSON string or an object); junk → defaults. */
export function parsePreferences(raw: unknown): PanePreferences {
  const p = defaultPreferences();
  let v: unknown = raw;
  if (typeof raw === 'string') {
    try {
      v = JSON.parse(raw);
    } catch {
      return p;
    }
  }
  if (!v || typeof v !== 'object') return p;
  const o = v as Record<string, unknown>;
  if (o.lang === 'en' || o.lang === 'vi') p.lang = o.lang;
  if (POLICIES.includes(o.evidencePolicy as EvidencePolicy)) p.evidencePolicy = o.evidencePolicy as EvidencePolicy;
  p.year = parseYear(o.year);
  if (o.columns && typeof o.columns === 'object') {
    for (const [sheet, m] of Object.entries(o.columns as Record<string, unknown>)) {
      const ov = parseOverrides(m);
      if (ov) p.columns[sheet] = ov;
    }
  }
  return p;
}

function parseOverrides(m: unknown): ColumnOverrides | null {
  if (!m || typeof m !== 'object') return null;
  const out: ColumnOverrides = {};
  for (const [role, letters] of Object.entries(m as Record<string, unknown>)) {
    if (!isColumnRole(role) || !Array.isArray(letters)) continue;
    const ok = letters.filter((l): l is string => typeof l === 'string' && LETTERS.test(l));
    if (ok.length) out[role] = ok;
  }
  return Object.keys(out).length ? out : null;
}

export function serializePreferences(p: PanePreferences): string {
  return JSON.stringify({ v: 1, lang: p.lang, evidencePolicy: p.evidencePolicy, year: p.year, columns: p.columns });
}

/** The document settings bag, when this host has one (feature-detected, never assumed). */
function settingsBag(): Office.Settings | null {
  try {
    if (typeof Office === 'undefined') return null;
    const s = Office.context?.document?.settings;
    return s && typeof s.get === 'function' && typeof s.set === 'function' && typeof s.saveAsync === 'function' ? s : null;
  } catch {
    return null;
  }
}

export function preferencesPersist(): boolean {
  return settingsBag() !== null;
}

let memory: PanePreferences | null = null;

export function loadPreferences(): PanePreferences {
  const bag = settingsBag();
  if (!bag) return memory ? structuredCloneSafe(memory) : defaultPreferences();
  try {
    return parsePreferences(bag.get(PREFS_KEY));
  } catch {
    return defaultPreferences();
  }
}

export type SaveOutcome = 'saved' | 'memory' | 'failed';

/**
 * Saves the preferences. refreshAsync first: the bag is an in-memory copy loaded with the
 * document, and saveAsync writes the whole copy back — refreshing keeps what was saved since
 * (parscore's own state is written through the Excel API).
 */
export async function savePreferences(p: PanePreferences): Promise<SaveOutcome> {
  memory = structuredCloneSafe(p);
  const bag = settingsBag();
  if (!bag) return 'memory';
  try {
    if (typeof bag.refreshAsync === 'function') {
      await new Promise<void>((resolve) => bag.refreshAsync(() => resolve()));
    }
    bag.set(PREFS_KEY, serializePreferences(p));
    return await new Promise<SaveOutcome>((resolve) =>
      bag.saveAsync((r) => resolve(r.status === Office.AsyncResultStatus.Succeeded ? 'saved' : 'failed')),
    );
  } catch {
    return 'failed';
  }
}

function structuredCloneSafe(p: PanePreferences): PanePreferences {
  return parsePreferences(serializePreferences(p));
}
