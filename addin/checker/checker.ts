// Browser checker page (dist/checker.html): no Office, no server, files never leave the computer.
// This thread only renders; the engine (ExcelJS + the model, checker-engine.js) runs in a Web
// Worker, or in the page where workers cannot start (file://). Workbook text is shown with
// textContent only.
import { KIND_LABELS, SEVERITY_LABELS } from '../../model/messages';
import type { EvidencePolicy, FindingKind, Lang, RenderedFinding } from '../../model/types';
import { EngineClient } from './client';
import { fill, formatPoints, LANG_KEY, STRINGS, type Strings } from './i18n';
import type { CheckError, CheckOptions, CheckView, Phase } from './protocol';
import { LOAD_REASONS } from '../../xlsx/load';
import { paramText } from '../../xlsx/zip-guard';
import { parseYear } from '../../model/stages';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Findings listed on the page (the scored workbook lists all of them). */
const MAX_LISTED = 3000;
/** Findings rows added per task, so a long list never freezes the page. */
const ROWS_PER_TASK = 250;
const PHASE_VALUE: Record<Phase, number> = { reading: 15, analysing: 55, writing: 80 };

const el = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`#${id} missing`);
  return e as T;
};

function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | null, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

/** One file of several opened at once: what it last gave (its view, or why it was refused), and the sheet chosen for it. */
interface BatchRow {
  file: File;
  sheet: string | null;
  view: CheckView | null;
  error: CheckError | null;
}

interface State {
  lang: Lang;
  policy: EvidencePolicy;
  /** The assessment year typed; null: the year the table's title names. */
  year: number | null;
  sheet: string | null;
  file: File | null;
  view: CheckView | null;
  error: CheckError | null;
  status: ((t: Strings) => string) | null;
  filter: FindingKind | null;
  /** Several files opened at once (every agency's copy of a plan): a row each; null for one file. */
  batch: BatchRow[] | null;
  /** How far checking the batch is (1-based), while it runs. */
  batchAt: number;
}

const state: State = { lang: storedLang(), policy: 'zero', year: null, sheet: null, file: null, view: null, error: null, status: null, filter: null, batch: null, batchAt: 0 };
/** Only the newest batch runs on (a new choice of files, or a new policy, starts over). */
let batchSeq = 0;
const client = new EngineClient();
/** Only the newest open/analyse result is shown (requests queue in the engine). */
let viewSeq = 0;
let active = 0;
let ticker: ReturnType<typeof setInterval> | undefined;

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function t(): Strings {
  return STRINGS[state.lang];
}

function options(): CheckOptions {
  return { sheet: state.sheet, policy: state.policy, lang: state.lang, year: state.year };
}

// ---------------------------------------------------------------- work

async function openFile(file: File, sheet: string | null = null): Promise<void> {
  state.file = file;
  state.sheet = sheet;
  state.filter = null;
  await run(async () => ({ type: 'open', name: file.name, bytes: await file.arrayBuffer(), options: options() }), true);
}

/** The files chosen or dropped: one as ever; several as a batch, each checked in turn. */
async function openFiles(files: readonly File[]): Promise<void> {
  batchSeq++; // a batch still running stops
  viewSeq++; // and a file still opening is not shown when it comes back
  if (files.length < 2) {
    state.batch = null;
    state.batchAt = 0;
    if (files[0]) await openFile(files[0]);
    return;
  }
  state.batch = files.map((file) => ({ file, sheet: null, view: null, error: null }));
  // Nothing of an earlier file stays on screen under the new table while it fills.
  Object.assign(state, { file: null, view: null, error: null, sheet: null, filter: null });
  await runBatch(null);
}

/**
 * Checks every file of the batch in turn with the page's options and each file's own sheet,
 * without changing what the page shows (the engine holds one workbook at a time, so each is
 * opened there); then opens `show` (the file that was on screen), else the last one. Meanwhile
 * the sheet picker, the rows' buttons and the download wait. A newer batch, policy or language
 * starts over.
 */
async function runBatch(show: BatchRow | null): Promise<void> {
  const seq = ++batchSeq;
  const rows = state.batch ?? [];
  for (let i = 0; i < rows.length; i++) {
    state.batchAt = i + 1;
    render(false);
    await checkRow(rows[i]!);
    if (seq !== batchSeq) return;
  }
  const target = show ?? rows[rows.length - 1];
  if (!target) return;
  if (target === rows[rows.length - 1]) {
    // The engine holds it already, opened with these options: show it without reading it again.
    state.batchAt = 0;
    Object.assign(state, { file: target.file, sheet: target.sheet, view: target.view, error: target.error, filter: null });
    setStatus(target.view ? (s) => fill(s.checked, { file: target.file.name }) : null);
    render();
    return;
  }
  await openFile(target.file, target.sheet);
  if (seq !== batchSeq) return;
  state.batchAt = 0;
  render(false);
}

/** One file of a batch through the engine, into its row; the page's view stays as it is. */
async function checkRow(row: BatchRow): Promise<void> {
  const started = performance.now();
  begin();
  try {
    const request: Body = { type: 'open', name: row.file.name, bytes: await row.file.arrayBuffer(), options: { ...options(), sheet: row.sheet } };
    const reply = await client.request(request, (phase) => progress(phase, started));
    row.view = reply.type === 'result' ? reply.view : null;
    row.error = reply.type === 'error' ? reply.error : null;
  } catch (e) {
    row.view = null;
    row.error = internalError(e);
  } finally {
    end();
  }
}

/** The batch's row of the file on screen. */
function shownRow(): BatchRow | null {
  return state.batch?.find((r) => r.file === state.file) ?? null;
}

/** What the engine just gave for the open file, kept in its batch row (its sheet and policy as now chosen). */
function recordInBatch(): void {
  const row = shownRow();
  if (!row) return;
  row.view = state.view;
  row.error = state.error;
  row.sheet = state.sheet;
}

/** A failure of the page or the engine itself, as an error the page shows. */
function internalError(e: unknown): CheckError {
  return { code: 'internal', params: { detail: String((e as Error)?.message ?? e) } };
}

/**
 * The policy or the language changed: the open file is analysed again; a batch's files are all
 * checked again (the policy changes every file's accepted points), the open one kept in view.
 */
function recheck(): void {
  if (state.batch) void runBatch(shownRow());
  else void analyze();
}

async function analyze(): Promise<void> {
  if (!state.file) return;
  // A refused file is not analysed again (the engine has let it go, and would answer "open it
  // again"): its refusal stays on the page, in the language now chosen.
  if (!state.view && state.error) return;
  await run({ type: 'analyze', options: options() }, true);
}

type Body = Parameters<EngineClient['request']>[0];

async function run(body: Body | (() => Promise<Body>), shows: boolean): Promise<void> {
  const seq = shows ? ++viewSeq : viewSeq;
  const started = performance.now();
  const name = state.file?.name ?? '';
  let changed = false;
  begin();
  try {
    const request = typeof body === 'function' ? await body() : body;
    const reply = await client.request(request, (phase) => progress(phase, started));
    if (reply.type === 'scored') {
      save(reply.bytes, reply.name);
      const seconds = secondsSince(started);
      setStatus((s) => fill(s.saved, { name: reply.name, seconds: formatPoints(seconds, state.lang) }));
      state.error = null;
    } else if (reply.type === 'result') {
      if (seq !== viewSeq) return;
      state.view = reply.view;
      state.error = null;
      changed = true;
      setStatus((s) => fill(s.checked, { file: name }));
    } else if (reply.type === 'error') {
      if (shows && seq !== viewSeq) return;
      if (shows) state.view = null;
      state.error = reply.error;
      changed = true;
      setStatus(null);
    }
  } catch (e) {
    state.error = internalError(e);
    setStatus(null);
  } finally {
    if (shows && seq === viewSeq) recordInBatch();
    end();
    render(changed);
  }
}

function secondsSince(start: number): number {
  return Math.round((performance.now() - start) / 100) / 10;
}

function begin(): void {
  active++;
  document.body.dataset.busy = 'true';
  const bar = el<HTMLProgressElement>('progress');
  bar.hidden = false;
  bar.value = 5;
  el('download').toggleAttribute('disabled', true);
  setStatus((s) => s.starting);
}

function progress(phase: Phase, started: number): void {
  el<HTMLProgressElement>('progress').value = PHASE_VALUE[phase];
  document.body.dataset.phase = phase;
  const tick = () => setStatus((s) => `${s.phases[phase]} ${formatPoints(Math.floor(secondsSince(started)), state.lang)} s`);
  clearInterval(ticker);
  tick();
  ticker = setInterval(tick, 500);
}

function end(): void {
  active = Math.max(0, active - 1);
  if (active) return;
  clearInterval(ticker);
  const bar = el<HTMLProgressElement>('progress');
  bar.value = 100;
  bar.hidden = true;
  delete document.body.dataset.phase;
  document.body.dataset.busy = 'false';
}

function setStatus(f: ((s: Strings) => string) | null): void {
  state.status = f;
  el('status').textContent = f ? f(t()) : '';
}

function save(bytes: ArrayBuffer, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_MIME }));
  const a = make('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------------------------------------------------------------- rendering

function renderStatic(): void {
  const s = t();
  document.documentElement.lang = state.lang;
  document.title = s.pageTitle;
  for (const e of document.querySelectorAll<HTMLElement>('[data-t]')) {
    const v = e.dataset.t!.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], s);
    if (typeof v === 'string') e.textContent = v;
  }
  el<HTMLSelectElement>('lang').value = state.lang;
  const policy = el<HTMLSelectElement>('policy');
  for (const o of policy.options) o.textContent = s.policies[o.value as EvidencePolicy];
  policy.value = state.policy;
  const report = state.view?.report;
  el<HTMLInputElement>('year').placeholder = s.yearFromTitle(report?.yearFrom === 'title' ? report.year : null);
  el('status').textContent = state.status ? state.status(s) : '';
}

/** The page's chrome; the result panels too when the view (or the language) changed. */
/** An error in the page's language, numbers with its decimal mark; a reason the shared loader gave (xlsx/load.ts) in words, not ExcelJS's text. */
function errorText(e: CheckError, lang: Lang): string {
  const reason = e.params.reason;
  const words = reason === 'corrupt' || reason === 'no-sheets' ? LOAD_REASONS[lang][reason] : null;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.params)) params[k] = paramText(v, lang);
  return fill(STRINGS[lang].errors[e.code], words ? { ...params, detail: words } : params);
}

function render(view = true): void {
  renderStatic();
  const v = state.view;
  renderSheetPicker(v);
  const error = el('error');
  const message = state.error ? errorText(state.error, state.lang) : v && !v.ok ? (v.error ?? '') : '';
  error.textContent = message;
  error.hidden = !message;
  const ok = !!v && v.ok;
  // For scripts and tests: which file the page shows, and whether work is under way.
  document.body.dataset.view = v ? v.file : '';
  el('results').hidden = !ok;
  el('empty').hidden = !!v || !!state.error || !!state.batch;
  el('download').toggleAttribute('disabled', !ok || active > 0 || state.batchAt > 0);
  el<HTMLSelectElement>('sheet').disabled = state.batchAt > 0; // it would act on the file being checked
  renderBatch();
  if (!ok || !view) return;
  renderAppendix(v!);
  renderTotals(v!);
  renderFields(v!);
  renderAgencies(v!);
  renderFindings(v!);
}

/** The batch's table: a row per file (its totals, or why it was refused), the open one marked, each openable. */
function renderBatch(): void {
  const panel = el('batch');
  const rows = state.batch;
  panel.hidden = !rows;
  document.body.dataset.batch = !rows ? '' : state.batchAt ? 'running' : 'done';
  if (!rows) return;
  const s = t();
  el('batch-count').textContent = state.batchAt ? `(${fill(s.batchProgress, { n: state.batchAt, total: rows.length })})` : `(${rows.length})`;
  const thead = headerRow(
    [s.batchFile, s.info.index, s.col.max, s.col.claimed, s.col.accepted, s.col.atRisk, s.col.pct, s.batchFindings, s.batchShow],
    [false, false, true, true, true, true, true, true, false],
  );
  const tbody = make('tbody');
  for (const row of rows) {
    const tr = make('tr');
    tr.dataset.file = row.file.name;
    const current = row.file === state.file;
    if (current) tr.setAttribute('aria-current', 'true');
    tr.append(make('td', row.file.name, 'file'));
    const v = row.view;
    if (v && v.ok) {
      const r = v.report;
      const points = v.appendix.hasPoints;
      tr.append(make('td', v.appendix.index));
      for (const [key, x] of [['max', r.score.max], ['claimed', r.score.claimed], ['accepted', r.score.accepted], ['atRisk', r.score.atRisk], ['indexPercent', r.score.indexPercent]] as const) {
        const td = make('td', points ? formatPoints(x, state.lang) : '–', 'num');
        td.dataset.score = key;
        if (points && x !== null) td.dataset.value = String(x);
        tr.append(td);
      }
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      const n = make('td', `${r.findings.length} (${errors})`, 'num');
      n.dataset.findings = String(r.findings.length);
      n.dataset.errors = String(errors);
      tr.append(n);
    } else if (v || row.error) {
      const why = make('td', `${s.batchSkipped}: ${row.error ? errorText(row.error, state.lang) : (v?.error ?? '')}`, 'skipped');
      why.colSpan = 7;
      tr.append(why);
    } else {
      const wait = make('td', '…', 'muted');
      wait.colSpan = 7;
      tr.append(wait);
    }
    const cell = make('td');
    const show = make('button', current ? s.batchShowing : s.batchShow, 'button small');
    show.type = 'button';
    show.setAttribute('aria-label', `${current ? s.batchShowing : s.batchShow}: ${row.file.name}`);
    show.disabled = current || state.batchAt > 0;
    show.addEventListener('click', () => {
      // The results it opens get the focus (the table is drawn again, its button with it).
      void openFile(row.file, row.sheet).then(() => (el('results').hidden ? el('error') : el('h-appendix')).focus());
    });
    cell.append(show);
    tr.append(cell);
    tbody.append(tr);
  }
  el('batch-table').replaceChildren(thead, tbody);
  tbody.querySelector('tr[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
}

function renderSheetPicker(v: CheckView | null): void {
  const picker = el('sheet-picker');
  const select = el<HTMLSelectElement>('sheet');
  const sheets = v?.sheets ?? [];
  picker.hidden = sheets.length < 2;
  const auto = make('option', t().sheetAuto);
  auto.value = '';
  const opts = [auto, ...sheets.map((name) => Object.assign(make('option', name), { value: name }))];
  select.replaceChildren(...opts);
  select.value = state.sheet ?? '';
}

function renderAppendix(v: CheckView): void {
  const s = t();
  const a = v.appendix;
  const dl = el('appendix');
  const row = (label: string, value: string | Node, key: string) => {
    const dt = make('dt', label);
    const dd = make('dd');
    dd.dataset.info = key;
    dd.append(value);
    return [dt, dd];
  };
  const cols = make('span', null, 'columns');
  for (const c of a.columns) {
    const chip = make('span', null, 'col');
    chip.title = c.header;
    chip.append(make('b', c.letter), ` ${s.roles[c.role]}`);
    cols.append(chip);
  }
  const rows = `${a.items} (${fill(s.info.rowsDetail, { first: a.firstDataRow, last: a.lastDataRow, skipped: a.repeatedHeaderRows, joined: a.continuationRows })})`;
  dl.replaceChildren(
    ...row(s.info.file, v.file, 'file'),
    ...row(s.info.sheet, a.sheet, 'sheet'),
    ...row(s.info.index, `${a.index}${a.frameworkId ? ` (${a.frameworkId})` : ''}`, 'index'),
    ...row(s.info.rows, rows, 'rows'),
    ...row(s.info.tasks, formatPoints(v.report.taskCount, state.lang), 'tasks'),
    ...row(s.info.self, a.hasSelfAssessment ? s.info.selfYes : s.info.selfNo, 'self'),
    ...row(s.info.columns, cols, 'columns'),
  );
}

function renderTotals(v: CheckView): void {
  const s = t();
  const r = v.report.score;
  const tiles: [string, string, number | null][] = [
    ['max', s.totals.max, r.max],
    ['claimed', s.totals.claimed, r.claimed],
    ['accepted', s.totals.accepted, r.accepted],
    ['atRisk', s.totals.atRisk, r.atRisk],
    ['indexPercent', s.totals.pct, r.indexPercent],
    ['taskCount', s.totals.tasks, v.report.taskCount],
  ];
  el('totals').replaceChildren(
    ...tiles.map(([key, label, value]) => {
      const tile = make('div', null, `tile ${key}`);
      tile.dataset.score = key;
      tile.dataset.value = value === null ? '' : String(value);
      tile.append(make('span', label, 'label'), make('span', formatPoints(value, state.lang), 'value'));
      return tile;
    }),
  );
  el('no-points').hidden = v.appendix.hasPoints;
  const bySeverity = (['error', 'warning', 'info'] as const).map((sev) => {
    const n = v.report.findings.filter((f) => f.severity === sev).length;
    const e = make('span', `${SEVERITY_LABELS[state.lang][sev]}: ${n}`, `sev sev-${sev}`);
    e.dataset.severity = sev;
    e.dataset.count = String(n);
    return e;
  });
  el('severities').replaceChildren(...bySeverity);
}

type Cell = string | number | null | { text: string; title?: string; className?: string };
interface Row {
  key: string;
  cells: Cell[];
  className?: string;
}

/** A table's head: one row of column headers, numeric ones right-aligned. */
function headerRow(header: string[], numeric: boolean[]): HTMLTableSectionElement {
  const thead = make('thead');
  const htr = make('tr');
  header.forEach((h, j) => {
    const th = make('th', h);
    th.scope = 'col';
    if (numeric[j]) th.className = 'num';
    htr.append(th);
  });
  thead.append(htr);
  return thead;
}

function table(id: string, header: string[], rows: Row[], numeric: boolean[]): void {
  const thead = headerRow(header, numeric);
  const tbody = make('tbody');
  for (const r of rows) {
    const tr = make('tr');
    tr.dataset.key = r.key;
    if (r.className) tr.className = r.className;
    r.cells.forEach((c, j) => {
      const td = make('td');
      if (c !== null && typeof c === 'object') {
        td.textContent = c.text;
        if (c.title) td.title = c.title;
        if (c.className) td.className = c.className;
      } else {
        td.textContent = typeof c === 'number' ? formatPoints(c, state.lang) : (c ?? '');
      }
      if (numeric[j]) {
        td.classList.add('num');
        if (typeof c === 'number') td.dataset.value = String(c);
      }
      tr.append(td);
    });
    tbody.append(tr);
  }
  el(id).replaceChildren(thead, tbody);
}

function renderFields(v: CheckView): void {
  const s = t();
  const r = v.report;
  if (v.appendix.hasPoints) {
    el('h-fields').textContent = s.fields;
    const rows: Row[] = r.fields.map((f) => ({ key: f.key, cells: [f.code, f.name, f.max, f.claimed, f.accepted, f.atRisk, f.indexPercent, f.items, f.findings] }));
    rows.push({
      key: 'total',
      className: 'total',
      cells: ['', s.total, r.score.max, r.score.claimed, r.score.accepted, r.score.atRisk, r.score.indexPercent, sum(r.fields.map((f) => f.items)), sum(r.fields.map((f) => f.findings))],
    });
    table('fields', [s.col.code, s.col.field, s.col.max, s.col.claimed, s.col.accepted, s.col.atRisk, s.col.pct, s.col.items, s.col.findings], rows, [false, false, true, true, true, true, true, true, true]);
    return;
  }
  el('h-fields').textContent = s.taskIndexes;
  const rows: Row[] = r.tasks.map((l) => {
    const b = l.baseline;
    const base = b
      ? `${b.year ?? ''}: ${formatPoints(b.score, state.lang)}${b.rank !== null ? ` #${b.rank}/${b.rankOf ?? ''}` : ''} → #${b.targetRank ?? '–'}/${b.targetRankOf ?? ''}`
      : '';
    return { key: l.code, cells: [l.code, l.name, l.tasks, l.missingLead, l.missingProduct, l.missingDeadline, base] };
  });
  const tasks = r.tasks;
  rows.push({
    key: 'total',
    className: 'total',
    cells: ['', s.total, sum(tasks.map((l) => l.tasks)), sum(tasks.map((l) => l.missingLead)), sum(tasks.map((l) => l.missingProduct)), sum(tasks.map((l) => l.missingDeadline)), ''],
  });
  table('fields', [s.col.code, s.col.index, s.col.tasks, s.col.noLead, s.col.noProduct, s.col.noDeadline, s.col.baseline], rows, [false, false, true, true, true, true, false]);
}

function renderAgencies(v: CheckView): void {
  const s = t();
  const points = v.appendix.hasPoints;
  const rows: Row[] = v.report.agencies.map((g) => {
    const name: Cell = g.unknown ? { text: `${g.name} (?)`, title: s.unknownAgency, className: 'unknown' } : g.name;
    return { key: g.key, cells: points ? [name, g.max, g.claimed, g.accepted, g.atRisk, g.findings] : [name, g.tasks, g.findings] };
  });
  if (points) table('agencies', [s.col.agency, s.col.max, s.col.claimed, s.col.accepted, s.col.atRisk, s.col.findings], rows, [false, true, true, true, true, true]);
  else table('agencies', [s.col.agency, s.col.tasks, s.col.findings], rows, [false, true, true]);
}

function renderFindings(v: CheckView): void {
  const s = t();
  const all = v.report.findings;
  const counts = new Map<FindingKind, number>();
  for (const f of all) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  if (state.filter && !counts.has(state.filter)) state.filter = null;
  el('findings-count').textContent = `(${all.length})`;
  const chip = (kind: FindingKind | null, label: string, count: number) => {
    const b = make('button', null, 'chip');
    b.type = 'button';
    b.dataset.kind = kind ?? '';
    b.dataset.count = String(count);
    b.setAttribute('aria-pressed', String(state.filter === kind));
    b.append(make('span', label), make('span', String(count), 'n'));
    b.addEventListener('click', () => {
      state.filter = kind;
      renderFindings(v);
    });
    return b;
  };
  el('kinds').replaceChildren(chip(null, s.all, all.length), ...[...counts].map(([k, n]) => chip(k, KIND_LABELS[state.lang][k], n)));
  const shown = (state.filter ? all.filter((f) => f.kind === state.filter) : all).slice(0, MAX_LISTED);
  const total = state.filter ? (counts.get(state.filter) ?? 0) : all.length;
  const tbody = make('tbody');
  const thead = make('thead');
  const htr = make('tr');
  for (const h of [s.col.cell, s.col.severity, s.col.code, s.col.message]) {
    const th = make('th', h);
    th.scope = 'col';
    htr.append(th);
  }
  thead.append(htr);
  const tableEl = el('findings');
  tableEl.replaceChildren(thead, tbody);
  tableEl.hidden = all.length === 0;
  appendRows(tableEl, tbody, shown, s);
  const more = el('more');
  more.textContent = all.length === 0 ? s.noFindings : shown.length < total ? fill(s.more, { shown: shown.length, total }) : '';
  more.hidden = !more.textContent;
}

let listGeneration = 0;

/** Add the rows in slices between tasks; data-complete marks the end (a newer list cancels). */
function appendRows(tableEl: HTMLElement, tbody: HTMLElement, items: RenderedFinding[], s: Strings): void {
  const generation = ++listGeneration;
  tableEl.dataset.complete = 'false';
  let i = 0;
  const step = () => {
    if (generation !== listGeneration) return;
    const frag = document.createDocumentFragment();
    for (const stop = Math.min(items.length, i + ROWS_PER_TASK); i < stop; i++) frag.append(findingRow(items[i]!, s));
    tbody.append(frag);
    if (i < items.length) setTimeout(step, 0);
    else tableEl.dataset.complete = 'true';
  };
  step();
}

function findingRow(f: RenderedFinding, s: Strings): HTMLTableRowElement {
  const tr = make('tr');
  tr.dataset.kind = f.kind;
  tr.dataset.severity = f.severity;
  tr.append(
    make('td', `${f.column || 'A'}${f.row}`, 'cell'), // as the findings sheet links it
    make('td', SEVERITY_LABELS[state.lang][f.severity], `sev sev-${f.severity}`),
    make('td', f.code, 'code'),
  );
  const msg = make('td', f.message, 'message');
  if (f.explanation) msg.append(make('div', `${s.explanation}${f.explanation}`, 'explanation'));
  tr.append(msg);
  return tr;
}

function sum(xs: number[]): number {
  return xs.reduce((n, x) => n + x, 0);
}

// ---------------------------------------------------------------- wiring

function wire(): void {
  const input = el<HTMLInputElement>('file');
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file may be opened again after editing it
    if (files.length) void openFiles(files);
  });
  el<HTMLSelectElement>('sheet').addEventListener('change', (e) => {
    const value = (e.target as HTMLSelectElement).value;
    state.sheet = value === '' ? null : value;
    void analyze();
  });
  el<HTMLSelectElement>('policy').addEventListener('change', (e) => {
    state.policy = (e.target as HTMLSelectElement).value as EvidencePolicy;
    recheck();
  });
  el<HTMLInputElement>('year').addEventListener('change', (e) => {
    const input = e.target as HTMLInputElement;
    const year = parseYear(input.value);
    // A number field gives "" for what is no number ("2024e"): validity tells it from a cleared field.
    if (input.validity.badInput || (year === null && input.value.trim() !== '')) {
      // Not a year: said so, the year in use kept (blank is "from the title").
      const typed = input.value.trim();
      input.value = state.year === null ? '' : String(state.year);
      setStatus((s) => s.yearInvalid(typed));
      return;
    }
    state.year = year;
    recheck();
  });
  el<HTMLSelectElement>('lang').addEventListener('change', (e) => {
    state.lang = (e.target as HTMLSelectElement).value === 'en' ? 'en' : 'vi';
    try {
      localStorage.setItem(LANG_KEY, state.lang);
    } catch {
      // storage disabled: the choice lasts for this visit
    }
    render();
    recheck(); // the findings' messages and the scored copy's texts follow the language
  });
  el('download').addEventListener('click', () => {
    if (state.file) void run({ type: 'score', options: options() }, false);
  });

  // Drag and drop anywhere on the page; dropping never navigates away to the file.
  const overlay = el('drop-overlay');
  let depth = 0;
  const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) overlay.hidden = true;
  });
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length) void openFiles(files);
  });
}

wire();
render();
void client.ready.then(
  (mode) => {
    document.body.dataset.engine = mode;
    el('engine').textContent = '';
    el('engine').dataset.t = `engine.${mode}`;
    renderStatic();
  },
  (e: unknown) => {
    state.error = internalError(e);
    render();
  },
);
