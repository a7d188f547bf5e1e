// The task pane: what parscore recognised on the active sheet, the column-mapping correction, the
// buttons (add self-assessment columns, check, score & summarise, remove marks) and the findings.
// DOM only: Office is reached through ../office (pane-host, preferences) and the ribbon's command;
// the engine through ../../model. Workbook text is only ever set with textContent.
import {
  analyzeSheet,
  KIND_LABELS,
  parseYear,
  renderFinding,
  SEVERITY_LABELS,
  type Analysis,
  type ColumnRole,
  type EvidencePolicy,
  type Finding,
  type FindingKind,
  type Lang,
  type Severity,
  type SheetSnapshot,
} from '../../model';
import { COMMAND_RESULT_EVENT, getLastCommandOutcome, runScoreAndSummarise, type CommandOutcome } from '../commands/commands';
import { addColumns, clearMarks, recognise, selectCell, whenOfficeReady, type OfficeCapabilities } from '../office/pane-host';
import { loadPreferences, preferencesPersist, savePreferences, type PanePreferences } from '../office/preferences';
import { ROLE_LABELS } from '../../model/column-roles';
import { getLanguage, onLanguageChange, setLanguage } from '../shared/language';
import { setAssessmentYear, setEvidencePolicy, setPaneTitleYear } from '../shared/policy';
import { buildOverrides, columnChoices, duplicateChoice, EDITABLE_ROLES, roleLetters } from './mapping';
import { TEXT, type PaneText } from './text';

type BusyKey = keyof PaneText['busy'];
type MessageKind = 'info' | 'success' | 'error';

interface FindingsView {
  sheet: string;
  findings: readonly Finding[];
  /** Column to select for a finding about a whole row. */
  rowLetter: string;
}

interface PaneState {
  caps: OfficeCapabilities;
  prefs: PanePreferences;
  snapshot: SheetSnapshot | null;
  summarySheet: boolean;
  /** Analysis with the officer's column corrections, and without (the automatic mapping). */
  analysis: Analysis | null;
  auto: Analysis | null;
  findings: FindingsView | null;
  message: { text: string; kind: MessageKind } | null;
  busy: BusyKey | null;
  mappingOpen: boolean;
}

const MAX_LISTED = 300;
const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

const state: PaneState = {
  caps: { inExcel: false, excel: false, customFunctions: false, dataValidation: false, conditionalFormats: false },
  prefs: loadPreferences(),
  snapshot: null,
  summarySheet: false,
  analysis: null,
  auto: null,
  findings: null,
  message: null,
  busy: null,
  mappingOpen: false,
};

// ---------------------------------------------------------------------------------------------
// DOM helpers: elements from data, text through textContent only.

type Attrs = Record<string, string | boolean | number | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else if (k === 'className') e.className = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

const t = (): PaneText => TEXT[getLanguage()];

// ---------------------------------------------------------------------------------------------
// Analysis (pure, from the last reading).

function analyze(): void {
  const snap = state.snapshot;
  if (!snap || state.summarySheet) {
    state.analysis = state.auto = null;
    setPaneTitleYear('', null);
    return;
  }
  const lang = getLanguage();
  const base = { lang, evidencePolicy: state.prefs.evidencePolicy, year: state.prefs.year };
  state.auto = analyzeSheet(snap, base);
  const columns = state.prefs.columns[snap.name];
  state.analysis = columns ? analyzeSheet(snap, { ...base, columns }) : state.auto;
  // The custom functions over a range below this sheet's title check the stage the pane does.
  setPaneTitleYear(snap.name, state.analysis.yearFrom === 'title' ? state.analysis.year : null);
}

function findingsFrom(a: Analysis): FindingsView {
  const rowLetter = a.appendix.columns.find((c) => c.role === 'code')?.letter ?? a.appendix.columns[0]?.letter ?? 'A';
  return { sheet: a.sheet, findings: a.findings, rowLetter };
}

// ---------------------------------------------------------------------------------------------
// Rendering.

function render(): void {
  const app = document.getElementById('app');
  if (!app) return;
  const lang = getLanguage();
  const text = t();
  document.documentElement.lang = lang;
  document.title = `parscore — ${text.title}`;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  app.replaceChildren(
    header(lang, text),
    notices(text),
    recognitionSection(text),
    actionsSection(text),
    findingsSection(lang, text),
    columnsSection(text),
    footer(text),
  );
  applyBusy();
  if (focused) document.getElementById(focused)?.focus();
}

function header(lang: Lang, text: PaneText): HTMLElement {
  const select = h('select', { id: 'lang' });
  for (const [value, label] of [['vi', 'Tiếng Việt'], ['en', 'English']] as const) {
    const o = h('option', { value, text: label });
    o.selected = value === lang;
    select.append(o);
  }
  select.addEventListener('change', () => void changeLanguage(select.value === 'en' ? 'en' : 'vi'));
  return h(
    'header',
    { className: 'pane-header' },
    h('h1', { id: 'title', text: text.title }),
    h('div', { className: 'lang' }, h('label', { for: 'lang', text: text.language }), select),
  );
}

function notices(text: PaneText): HTMLElement {
  const box = h('div', { id: 'notices' });
  const caps = state.caps;
  const checker = () => h('a', { href: 'checker.html', target: '_blank', rel: 'noopener', text: text.checkerLink });
  const notice = (id: string, body: string) =>
    h('div', { id, className: 'notice warning', role: 'alert' }, h('p', { text: body }), h('p', {}, checker(), ' · ', h('span', { text: text.cliHint })));
  if (!caps.inExcel) box.append(notice('notice-not-excel', text.notExcel));
  else if (!caps.excel) box.append(notice('notice-old-excel', text.oldExcel));
  else if (!caps.customFunctions) box.append(notice('notice-no-functions', text.noFunctions));
  if (caps.excel && !preferencesPersist()) box.append(h('p', { className: 'notice info', text: text.notSaved }));
  return box;
}

function recognitionSection(text: PaneText): HTMLElement {
  const section = h('section', { id: 'recognition', className: 'card', 'aria-labelledby': 'recognition-h' }, h('h2', { id: 'recognition-h', text: text.sheetHeading }));
  if (!state.caps.excel) return section;
  const snap = state.snapshot;
  if (!snap) return section;
  if (state.summarySheet) {
    section.append(h('p', { id: 'rec-error', className: 'error', role: 'alert', text: text.summarySheet(snap.name) }));
    return section;
  }
  const a = state.analysis;
  if (!a) return section;
  if (!a.ok) {
    section.append(h('p', { id: 'rec-error', className: 'error', role: 'alert', text: a.error?.message ?? '' }));
    return section;
  }
  const ap = a.appendix;
  const range = (rows: number[]) => (rows.length ? (rows.length > 1 ? `${rows[0]}–${rows[rows.length - 1]}` : `${rows[0]}`) : text.none);
  const criteria = ap.items.filter((i) => i.kind === 'criterion').length;
  const facts: [string, string, string][] = [
    ['rec-sheet', text.sheet, a.sheet],
    ['rec-index', text.index, text.indexNames[a.index]],
    ['rec-framework', text.framework, ap.frameworkId ?? text.none],
    ['rec-header-rows', text.headerRows, range(ap.headerRows)],
    ['rec-data-rows', text.dataRows, ap.firstDataRow ? range([ap.firstDataRow, ap.lastDataRow]) : text.none],
    ['rec-rows', text.rows, String(ap.items.length)],
    ['rec-criteria', text.criteria, String(criteria)],
    ['rec-tasks', text.tasks, String(a.score.taskCount)],
    ['rec-fields', text.fields, String(a.score.fields.length)],
    ['rec-self', text.selfAssessment, ap.hasSelfAssessment ? text.yes : text.no],
  ];
  const dl = h('dl', { className: 'facts' });
  for (const [id, label, value] of facts) dl.append(h('dt', { text: label }), h('dd', { id, text: value }));
  section.append(dl);

  if (a.score.fields.length) {
    const ol = h('ol', { id: 'rec-field-list', className: 'field-list' });
    for (const f of a.score.fields) ol.append(h('li', {}, h('span', { className: 'code', text: f.code }), ' ', h('span', { text: f.name })));
    section.append(h('details', {}, h('summary', { text: text.fieldList(a.score.fields.length) }), ol));
  }
  return section;
}

/** The columns as mapped (letter → meaning) and the form to correct the mapping. */
function columnsSection(text: PaneText): HTMLElement | string {
  const snap = state.snapshot;
  const a = state.analysis;
  if (!state.caps.excel || !snap || !a || state.summarySheet) return '';
  if (!a.ok) {
    // A header read but refused (no STT column, engine.ts): the form to map it by hand.
    if (a.appendix.columns.length) {
      const refused = h('section', { id: 'columns', className: 'card', 'aria-labelledby': 'columns-h' }, h('h2', { id: 'columns-h', text: text.columnsHeading }));
      if (state.prefs.columns[snap.name]) refused.append(h('p', { id: 'mapping-overridden', className: 'hint', text: text.mappingOverridden }));
      refused.append(mappingForm(text, snap, a, true));
      return refused;
    }
    // A saved correction can be what makes the table unreadable ("code" mapped to none): offer to
    // undo it, or the officer is stuck with it (the form needs a header to show).
    if (!state.prefs.columns[snap.name]) return '';
    const reset = h('button', { type: 'button', id: 'btn-map-reset', className: 'action', text: text.mappingReset });
    reset.addEventListener('click', () => void resetMapping());
    return h(
      'section',
      { id: 'columns', className: 'card', 'aria-labelledby': 'columns-h' },
      h('h2', { id: 'columns-h', text: text.columnsHeading }),
      h('p', { id: 'mapping-overridden', className: 'hint', text: text.mappingOverridden }),
      h('div', { className: 'button-row' }, reset),
    );
  }
  const ap = a.appendix;
  const section = h('section', { id: 'columns', className: 'card', 'aria-labelledby': 'columns-h' }, h('h2', { id: 'columns-h', text: text.columnsHeading }));
  if (state.prefs.columns[a.sheet]) section.append(h('p', { id: 'mapping-overridden', className: 'hint', text: text.mappingOverridden }));
  if (ap.columns.length) {
    const body = h('tbody');
    for (const c of ap.columns) {
      if (c.role === 'note') continue;
      body.append(
        h('tr', { 'data-role': c.role }, h('th', { scope: 'row', className: 'letter', text: c.letter }), h('td', { text: ROLE_LABELS[getLanguage()][c.role] }), h('td', { className: 'muted', text: c.header })),
      );
    }
    section.append(
      h(
        'table',
        { id: 'rec-columns', className: 'columns' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: text.colLetter }), h('th', { scope: 'col', text: text.colRole }), h('th', { scope: 'col', text: text.colHeader }))),
        body,
      ),
    );
  } else section.append(h('p', { text: text.noColumns }));
  section.append(mappingForm(text, snap, a));
  return section;
}

/** `refused`: the table was refused for want of its STT column: the form is the way forward, open (without changing the officer's open/closed choice for readable tables). */
function mappingForm(text: PaneText, snap: SheetSnapshot, a: Analysis, refused = false): HTMLElement {
  const details = h('details', { id: 'mapping', className: 'mapping' });
  details.open = refused || state.mappingOpen;
  details.addEventListener('toggle', () => {
    if (!refused) state.mappingOpen = details.open;
  });
  const choices = columnChoices(snap, a.appendix.headerRows);
  const current = roleLetters(a.appendix.columns);
  const lang = getLanguage();
  const grid = h('div', { className: 'mapping-grid' });
  const selects: [ColumnRole, HTMLSelectElement][] = [];
  for (const role of EDITABLE_ROLES) {
    const id = `map-${role}`;
    const select = h('select', { id, 'data-role': role });
    select.append(h('option', { value: '', text: text.mappingNone }));
    for (const c of choices) {
      const o = h('option', { value: c.letter, text: c.header ? `${c.letter} — ${clip(c.header, 40)}` : c.letter });
      o.selected = current[role] === c.letter;
      select.append(o);
    }
    selects.push([role, select]);
    grid.append(h('label', { for: id, text: ROLE_LABELS[lang][role] }), select);
  }
  const apply = h('button', { type: 'button', id: 'btn-map-apply', className: 'primary action', text: text.mappingApply });
  apply.addEventListener('click', () => void applyMapping(Object.fromEntries(selects.map(([role, s]) => [role, s.value]))));
  const reset = h('button', { type: 'button', id: 'btn-map-reset', className: 'action', text: text.mappingReset });
  reset.addEventListener('click', () => void resetMapping());
  details.append(h('summary', { text: text.mappingSummary }), h('p', { className: 'hint', text: text.mappingHint }), grid, h('div', { className: 'button-row' }, apply, reset));
  return details;
}

function actionsSection(text: PaneText): HTMLElement {
  const policy = h('select', { id: 'policy' });
  for (const p of ['zero', 'explain', 'flag'] as EvidencePolicy[]) {
    const o = h('option', { value: p, text: text.policies[p] });
    o.selected = state.prefs.evidencePolicy === p;
    policy.append(o);
  }
  policy.addEventListener('change', () => void changePolicy(policy.value as EvidencePolicy));
  // Blank: the year the table's title names (shown as the placeholder), as the CLI without --year.
  const titleYear = state.analysis?.yearFrom === 'title' ? state.analysis.year : null;
  const year = h('input', { id: 'year', type: 'number', min: '1900', max: '2199', step: '1', inputMode: 'numeric', placeholder: text.yearFromTitle(titleYear) });
  year.value = state.prefs.year === null ? '' : String(state.prefs.year);
  // A number field gives "" for what is no number ("2024e"): validity tells it from a cleared field.
  year.addEventListener('change', () => void changeYear(year.value, year.validity?.badInput === true));

  const button = (id: string, label: string, cls: string, onClick: () => void) => {
    const b = h('button', { type: 'button', id, className: `action ${cls}`, text: label });
    b.addEventListener('click', onClick);
    return b;
  };
  const message = h('p', { id: 'message', role: 'status', 'aria-live': 'polite', className: `message ${state.message?.kind ?? ''}`, text: state.message?.text ?? '' });
  return h(
    'section',
    { id: 'actions', className: 'card', 'aria-labelledby': 'actions-h' },
    h('h2', { id: 'actions-h', text: text.actionsHeading }),
    h('div', { className: 'field' }, h('label', { for: 'policy', text: text.policy }), policy),
    h('div', { className: 'field' }, h('label', { for: 'year', text: text.year }), year),
    h(
      'div',
      { className: 'button-row' },
      button('btn-check', text.check, 'primary', () => void doCheck()),
      button('btn-score', text.score, 'primary', () => void doScore()),
      button('btn-recognise', text.recognise, '', () => void runAction('recognise', doRecognise)),
    ),
    h('div', { className: 'button-row' }, button('btn-add-columns', text.addColumns, '', () => void doAddColumns())),
    h('p', { className: 'hint', id: 'add-columns-hint', text: text.addColumnsHint }),
    h('div', { className: 'button-row' }, button('btn-clear', text.clear, 'danger', () => void doClear())),
    h('p', { className: 'hint', id: 'clear-hint', text: text.clearHint }),
    h('div', { id: 'progress', className: 'progress', role: 'status', 'aria-live': 'polite', hidden: true }, h('span', { className: 'bar', 'aria-hidden': 'true' }), h('span', { id: 'progress-text' })),
    message,
  );
}

function findingsSection(lang: Lang, text: PaneText): HTMLElement {
  const view = state.findings;
  const section = h('section', { id: 'findings', className: 'card', 'aria-labelledby': 'findings-h' });
  section.append(h('h2', { id: 'findings-h', text: view ? text.findingsHeading(view.findings.length) : text.findingsTitle }));
  if (!view) {
    section.append(h('p', { className: 'muted', text: text.findingsEmpty }));
    return section;
  }
  if (!view.findings.length) {
    section.append(h('p', { id: 'findings-none', text: text.findingsNone }));
    return section;
  }
  const byKind = new Map<FindingKind, { n: number; severity: Severity }>();
  for (const f of view.findings) {
    const k = byKind.get(f.kind) ?? { n: 0, severity: f.severity };
    k.n++;
    if (SEVERITY_ORDER.indexOf(f.severity) < SEVERITY_ORDER.indexOf(k.severity)) k.severity = f.severity;
    byKind.set(f.kind, k);
  }
  const kinds = [...byKind.entries()].sort(
    (x, y) => SEVERITY_ORDER.indexOf(x[1].severity) - SEVERITY_ORDER.indexOf(y[1].severity) || y[1].n - x[1].n,
  );
  const counts = h('ul', { id: 'finding-counts', className: 'kind-counts' });
  for (const [kind, k] of kinds) {
    const label = KIND_LABELS[lang][kind];
    counts.append(
      h(
        'li',
        { 'data-kind': kind, className: `sev-${k.severity}` },
        h('span', { className: 'count', text: String(k.n) }),
        h('span', { className: 'sev', text: SEVERITY_LABELS[lang][k.severity] }),
        h('a', { href: `findings.html#${kind}`, target: '_blank', rel: 'noopener', title: text.findingsHelp(label), className: 'kind', text: label }),
      ),
    );
  }
  section.append(counts);

  const list = h('ol', { id: 'finding-list', className: 'finding-list' });
  // Errors first, then warnings, then information; by row within each.
  const ordered = view.findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => SEVERITY_ORDER.indexOf(x.f.severity) - SEVERITY_ORDER.indexOf(y.f.severity) || x.i - y.i)
    .map((x) => x.f);
  ordered.slice(0, MAX_LISTED).forEach((f, i) => {
    const r = renderFinding(f, lang);
    const address = `${f.column || view.rowLetter}${f.row}`;
    const b = h(
      'button',
      { type: 'button', id: `finding-${i}`, className: `finding sev-${f.severity}`, 'data-address': address, 'data-kind': f.kind, title: text.selectFinding(address) },
      h('span', { className: 'cell', text: address }),
      h('span', { className: 'code', text: f.code }),
      h('span', { className: 'msg', text: r.message }),
      r.explanation ? h('span', { className: 'explanation', text: `${text.explanation}: ${r.explanation}` }) : null,
    );
    b.addEventListener('click', () => void goTo(view.sheet, address));
    list.append(h('li', {}, b));
  });
  section.append(list);
  if (view.findings.length > MAX_LISTED) section.append(h('p', { className: 'muted', text: text.findingsMore(view.findings.length - MAX_LISTED) }));
  return section;
}

function footer(text: PaneText): HTMLElement {
  return h(
    'footer',
    { className: 'pane-footer' },
    h('a', { href: 'findings.html', target: '_blank', rel: 'noopener', text: text.helpLink }),
    ' · ',
    h('a', { href: 'checker.html', target: '_blank', rel: 'noopener', text: text.checkerLink }),
  );
}

/** Busy state without rebuilding: aria-busy, disabled buttons and the progress line. */
function applyBusy(): void {
  const busy = state.busy;
  document.getElementById('app')?.setAttribute('aria-busy', busy ? 'true' : 'false');
  const usable = state.caps.excel;
  for (const el of document.querySelectorAll<HTMLButtonElement | HTMLSelectElement | HTMLInputElement>('button.action, #policy, #year, #mapping select')) {
    el.disabled = !!busy || !usable;
  }
  const progress = document.getElementById('progress');
  const label = document.getElementById('progress-text');
  if (progress && label) {
    progress.hidden = !busy;
    label.textContent = busy ? t().busy[busy] : '';
  }
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Actions.

function say(text: string, kind: MessageKind): void {
  state.message = { text, kind };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function runAction(key: BusyKey, fn: () => Promise<void>): Promise<void> {
  if (state.busy || !state.caps.excel) return;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  state.busy = key;
  applyBusy();
  try {
    await fn();
  } catch (e) {
    say(t().failed(errorText(e)), 'error');
  } finally {
    state.busy = null;
    render();
    if (focused) document.getElementById(focused)?.focus();
  }
}

async function doRecognise(): Promise<void> {
  const reading = await recognise();
  state.snapshot = reading.snapshot;
  state.summarySheet = reading.summarySheet;
  analyze();
}

function doAddColumns(): Promise<void> {
  return runAction('addColumns', async () => {
    const r = await addColumns(getLanguage());
    say(r.message, r.ok ? 'success' : 'error');
    if (r.status === 'done') {
      state.findings = null; // the old status columns went; the next check rewrites them
      await doRecognise();
    }
  });
}

function showCommand(r: CommandOutcome): void {
  if (!r.ok) {
    say(t().failed(r.error), 'error');
    return;
  }
  say(r.result.message, r.result.ok ? 'success' : 'error');
  const a = r.result.analysis;
  if (r.result.ok && a) state.findings = findingsFrom(a);
}

function doCheck(): Promise<void> {
  return runAction('check', async () => showCommand({ ok: true, result: await runScoreAndSummarise({ summaries: false }) }));
}

function doScore(): Promise<void> {
  return runAction('score', async () => showCommand({ ok: true, result: await runScoreAndSummarise() }));
}

function doClear(): Promise<void> {
  return runAction('clear', async () => {
    const r = await clearMarks(getLanguage());
    say(r.message, 'success');
    state.findings = null;
    await doRecognise();
  });
}

async function goTo(sheet: string, address: string): Promise<void> {
  if (state.busy) return;
  try {
    await selectCell(sheet, address);
  } catch (e) {
    say(t().failed(errorText(e)), 'error');
    const m = document.getElementById('message');
    if (m) {
      m.textContent = state.message?.text ?? '';
      m.className = 'message error';
    }
  }
}

async function persist(): Promise<void> {
  await savePreferences(state.prefs);
}

async function changeLanguage(lang: Lang): Promise<void> {
  state.prefs.lang = lang;
  setLanguage(lang); // the listener re-analyses and renders; custom functions follow the same module
  await persist();
}

async function changePolicy(policy: EvidencePolicy): Promise<void> {
  state.prefs.evidencePolicy = policy;
  setEvidencePolicy(policy); // the custom functions score as the pane does
  analyze();
  render();
  await persist();
}

/** A year typed in the pane: blank is "from the title"; anything but a year (1900–2199) is refused, the saved year kept. */
async function changeYear(value: string, badInput = false): Promise<void> {
  const year = parseYear(value);
  if (badInput || (year === null && value.trim() !== '')) {
    say(t().yearInvalid(value.trim()), 'error');
    render();
    return;
  }
  state.prefs.year = year;
  setAssessmentYear(state.prefs.year); // the custom functions check the same stage
  analyze();
  render();
  await persist();
}

async function applyMapping(chosen: Partial<Record<ColumnRole, string>>): Promise<void> {
  const snap = state.snapshot;
  if (!snap || !state.auto) return;
  const dup = duplicateChoice(chosen);
  if (dup) {
    say(t().mappingDuplicate(dup), 'error');
    render();
    return;
  }
  const overrides = buildOverrides(state.auto.appendix.columns, chosen);
  if (Object.keys(overrides).length) state.prefs.columns[snap.name] = overrides;
  else delete state.prefs.columns[snap.name];
  analyze();
  say(t().mappingApplied, 'success');
  render();
  await persist();
}

async function resetMapping(): Promise<void> {
  const snap = state.snapshot;
  if (!snap) return;
  delete state.prefs.columns[snap.name];
  analyze();
  say(t().mappingResetDone, 'success');
  render();
  await persist();
}

// ---------------------------------------------------------------------------------------------
// Start: Office ready → preferences (language first) → first reading.

async function start(): Promise<void> {
  state.caps = await whenOfficeReady();
  state.prefs = loadPreferences();
  setLanguage(state.prefs.lang);
  setEvidencePolicy(state.prefs.evidencePolicy);
  setAssessmentYear(state.prefs.year);
  onLanguageChange(() => {
    analyze(); // engine messages (e.g. "no table") in the new language
    render();
  });
  window.addEventListener(COMMAND_RESULT_EVENT, (e) => {
    showCommand((e as CustomEvent<CommandOutcome>).detail);
    render();
  });
  const last = getLastCommandOutcome();
  if (last) showCommand(last);
  render();
  if (state.caps.excel) await runAction('recognise', doRecognise);
}

void start();
