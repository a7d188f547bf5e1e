// Ribbon commands (ExecuteFunction actions named in manifest.xml). With the shared runtime this
// bundle runs inside taskpane.html, next to the task pane and the custom functions.
import { getLanguage } from '../shared/language';
import { loadPreferences } from '../office/preferences';
import { scoreAndSummarise, type CommandResult } from '../office/score-and-summarise';

/** DOM event the task pane listens to for the outcome of a ribbon command. */
export const COMMAND_RESULT_EVENT = 'parscore:command-result';

export type CommandOutcome = { ok: true; result: CommandResult } | { ok: false; error: string };

let lastOutcome: CommandOutcome | null = null;

/** The outcome of the last ribbon command (the task pane shows it when opened later). */
export function getLastCommandOutcome(): CommandOutcome | null {
  return lastOutcome;
}

/**
 * The ribbon's "Chấm điểm & tổng hợp", also the task pane's (same path). With
 * `summaries: false` it is the pane's "Kiểm tra": inline marks only. The evidence policy, the
 * assessment year and the sheet's column corrections come from the task pane's choices saved in the workbook.
 */
export async function runScoreAndSummarise(extra: { summaries?: boolean } = {}): Promise<CommandResult> {
  const prefs = loadPreferences();
  return Excel.run((context) =>
    scoreAndSummarise(context, {
      lang: getLanguage(),
      evidencePolicy: prefs.evidencePolicy,
      year: prefs.year,
      columnsFor: (sheet) => prefs.columns[sheet],
      ...extra,
    }),
  );
}

function publish(outcome: CommandOutcome): void {
  lastOutcome = outcome;
  if (typeof window !== 'undefined' && typeof CustomEvent === 'function') {
    window.dispatchEvent(new CustomEvent<CommandOutcome>(COMMAND_RESULT_EVENT, { detail: outcome }));
  }
}

/** A ribbon button has no UI of its own: show the task pane when there is something to read. */
function showPane(): void {
  try {
    void Office.addin?.showAsTaskpane?.();
  } catch {
    // Older hosts without SharedRuntime 1.1: the message stays available in the pane.
  }
}

async function scoreAndSummariseAction(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    const result = await runScoreAndSummarise();
    publish({ ok: true, result });
    if (!result.ok) showPane();
  } catch (e) {
    publish({ ok: false, error: e instanceof Error ? e.message : String(e) });
    showPane();
  } finally {
    event?.completed();
  }
}

// Outside Office (plain browser, tests) there is no Office.actions: nothing to register.
if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate("scoreAndSummarise", scoreAndSummariseAction);
}
