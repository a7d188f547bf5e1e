// The add-in's display language: one module-level value shared by the task pane, the ribbon
// command and the custom functions (they run in one page, the shared runtime).
import type { Lang } from '../../model/types';

let current: Lang = 'vi';
const listeners = new Set<(lang: Lang) => void>();

export function setLanguage(lang: Lang): void {
  const next: Lang = lang === 'en' ? 'en' : 'vi';
  if (next === current) return;
  current = next;
  for (const l of listeners) l(next);
}

export function getLanguage(): Lang {
  return current;
}

/** Called after each change; returns the unsubscribe function. */
export function onLanguageChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
