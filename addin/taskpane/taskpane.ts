// Task pane (minimal for now: run the command, clear, language). The full UI comes later.
import type { Lang } from '../../model/types';
import { clearParscore } from '../office/clear';
import { COMMAND_RESULT_EVENT, getLastCommandOutcome, runScoreAndSummarise, type CommandOutcome } from '../commands/commands';
import { getLanguage, onLanguageChange, setLanguage } from '../shared/language';

const TEXT: Record<Lang, { title: string; run: string; clear: string; running: string; language: string; noExcel: string }> = {
  vi: {
    title: 'Chấm điểm CCHC',
    run: 'Chấm điểm & tổng hợp',
    clear: 'Xoá mọi thứ parscore đã thêm',
    running: 'Đang xử lý…',
    language: 'Ngôn ngữ',
    noExcel: 'Trang này cần chạy trong Excel.',
  },
  en: {
    title: 'PAR scoring',
    run: 'Score & summarise',
    clear: 'Remove everything parscore added',
    running: 'Working…',
    language: 'Language',
    noExcel: 'This page must run inside Excel.',
  },
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(document.createElement(tag), props);
}

function render(inExcel: boolean): void {
  const app = document.getElementById('app');
  if (!app) return;
  const t = TEXT[getLanguage()];
  document.documentElement.lang = getLanguage();
  const status = el('p', { id: 'status' });
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const setStatus = (s: string) => (status.textContent = s);

  const run = el('button', { id: 'run', type: 'button', textContent: t.run, disabled: !inExcel });
  run.addEventListener('click', () => {
    setStatus(t.running);
    runScoreAndSummarise().then(
      (r) => setStatus(r.message),
      (e: unknown) => setStatus(e instanceof Error ? e.message : String(e)),
    );
  });
  const clear = el('button', { id: 'clear', type: 'button', textContent: t.clear, disabled: !inExcel });
  clear.addEventListener('click', () => {
    setStatus(t.running);
    Excel.run((ctx) => clearParscore(ctx, { lang: getLanguage() })).then(
      (r) => setStatus(r.message),
      (e: unknown) => setStatus(e instanceof Error ? e.message : String(e)),
    );
  });
  const lang = el('select', { id: 'lang' });
  for (const [value, label] of [['vi', 'Tiếng Việt'], ['en', 'English']] as const) {
    lang.append(el('option', { value, textContent: label, selected: value === getLanguage() }));
  }
  lang.addEventListener('change', () => setLanguage(lang.value === 'en' ? 'en' : 'vi'));
  const langLabel = el('label', { textContent: `${t.language} ` });
  langLabel.append(lang);

  app.replaceChildren(el('h1', { id: 'title', textContent: t.title }), run, clear, langLabel, status);
  if (!inExcel) setStatus(t.noExcel);
  const last = getLastCommandOutcome();
  if (last) setStatus(outcomeText(last));
}

function outcomeText(o: CommandOutcome): string {
  return o.ok ? o.result.message : o.error;
}

Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  render(inExcel);
  onLanguageChange(() => render(inExcel));
  window.addEventListener(COMMAND_RESULT_EVENT, (e) => {
    const status = document.getElementById('status');
    if (status) status.textContent = outcomeText((e as CustomEvent<CommandOutcome>).detail);
  });
});
