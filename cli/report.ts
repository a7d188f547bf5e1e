// The readable text report of `parscore check` (the JSON report is toJsonReport's, untouched).
import { ROLE_LABELS } from '../model/column-roles';
import { formatPoints, KIND_LABELS, renderFinding, SEVERITY_LABELS, type Analysis, type FindingKind, type Lang } from '../model';

const T = {
  vi: {
    sheet: 'Trang tính', index: 'Loại chỉ số', columns: 'Cột đã nhận', rows: 'Số dòng', score: 'Điểm',
    max: 'tối đa', claimed: 'tự đánh giá', accepted: 'được chấp nhận', atRisk: 'có rủi ro', pct: 'chỉ số',
    fields: 'Theo lĩnh vực / chỉ số', agencies: 'Theo cơ quan chủ trì', findings: 'Vấn đề', none: 'Không có vấn đề',
    policy: 'Chính sách thiếu TLKC', skipped: 'dòng tiêu đề lặp bỏ qua', joined: 'dòng nối',
    policies: { zero: 'không chấp nhận điểm', explain: 'chấp nhận nếu có giải trình', flag: 'chỉ cảnh báo' },
    year: 'Năm đánh giá', yearFrom: { option: '--year', title: 'theo tiêu đề bảng', default: 'mặc định' },
    more: (n: number) => `… và ${n} cơ quan nữa (xem --json hoặc trang "Theo cơ quan")`,
  },
  en: {
    sheet: 'Sheet', index: 'Index', columns: 'Columns mapped', rows: 'Rows', score: 'Score',
    max: 'max', claimed: 'claimed', accepted: 'accepted', atRisk: 'at risk', pct: 'index',
    fields: 'By field / index', agencies: 'By lead agency', findings: 'Findings', none: 'No findings',
    policy: 'Missing-evidence policy', skipped: 'repeated header rows skipped', joined: 'rows joined',
    policies: { zero: 'points not accepted', explain: 'accepted with an explanation', flag: 'flag only' },
    year: 'Assessment year', yearFrom: { option: '--year', title: "from the table's title", default: 'default' },
    more: (n: number) => `… and ${n} more (see --json or the "by agency" sheet)`,
  },
};

/** Points as the reports print them (the model's formatPoints, which the browser checker shows too). */
export const pointsText = formatPoints;

export function textReport(a: Analysis, file: string, lang: Lang, maxFindings = 200): string {
  const t = T[lang];
  const ap = a.appendix;
  const out: string[] = [];
  out.push(`parscore — ${file}`);
  // The policy in words, with the option's value an officer would type (--policy zero).
  out.push(`${t.sheet}: "${a.sheet}" · ${t.index}: ${a.index}${ap.frameworkId ? ` (${ap.frameworkId})` : ''} · ${t.policy}: ${t.policies[a.evidencePolicy]} (${a.evidencePolicy})${a.year !== null && a.yearFrom ? ` · ${t.year}: ${a.year} (${t.yearFrom[a.yearFrom]})` : ''}`);
  out.push(`${t.columns}: ${ap.columns.map((c) => `${c.letter}=${ROLE_LABELS[lang][c.role]}`).join(', ')}`);
  out.push(`${t.rows}: ${ap.items.length} (${ap.repeatedHeaderRows.length} ${t.skipped}, ${ap.continuationRows.length} ${t.joined}) · ${tasksText(a.score.taskCount, lang)}`);
  const s = a.score.totals;
  if (ap.hasPoints) {
    out.push(`${t.score}: ${t.max} ${pointsText(s.max, lang)} · ${t.claimed} ${pointsText(s.claimed, lang)} · ${t.accepted} ${pointsText(s.accepted, lang)} · ${t.atRisk} ${pointsText(s.atRisk, lang)} · ${t.pct} ${pointsText(s.indexPercent, lang)}%`);
  }
  out.push('', `${t.fields}:`);
  if (ap.hasPoints) {
    for (const f of a.score.fields) {
      out.push(`  ${f.code.padEnd(5)} ${trim(f.name, 50).padEnd(50)} ${pointsText(f.max, lang).padStart(6)} ${pointsText(f.claimed, lang).padStart(6)} ${pointsText(f.accepted, lang).padStart(6)} ${pointsText(f.atRisk, lang).padStart(6)}`);
    }
  } else {
    for (const l of a.score.tasks) {
      const b = l.baseline;
      const base = b ? ` · ${b.year ?? ''}: ${pointsText(b.score, lang)}${b.rank !== null ? ` #${b.rank}/${b.rankOf ?? ''}` : ''} → #${b.targetRank ?? '–'}/${b.targetRankOf ?? ''}` : '';
      out.push(`  ${l.code.padEnd(5)} ${trim(l.name, 55).padEnd(55)} ${tasksText(l.tasks, lang, 3)}${base}`);
    }
  }
  out.push('', `${t.agencies}:`);
  for (const g of a.score.agencies.slice(0, MAX_AGENCIES)) {
    out.push(`  ${trim(g.name, 55).padEnd(55)} ${ap.hasPoints ? `${pointsText(g.max, lang).padStart(6)} ${pointsText(g.accepted, lang).padStart(6)}` : tasksText(g.tasks, lang, 3)}${g.unknown ? ' (?)' : ''}`);
  }
  // Cut for the screen, never silently: the count left out and where the whole list is.
  if (a.score.agencies.length > MAX_AGENCIES) out.push(`  ${t.more(a.score.agencies.length - MAX_AGENCIES)}`);
  out.push('', `${t.findings} (${a.findings.length}):`);
  if (!a.findings.length) out.push(`  ${t.none}`);
  const counts = new Map<FindingKind, number>();
  for (const f of a.findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  for (const [k, c] of counts) out.push(`  ${KIND_LABELS[lang][k]} (${k}): ${c}`);
  if (a.findings.length) out.push('');
  for (const f of a.findings.slice(0, maxFindings)) {
    const r = renderFinding(f, lang);
    out.push(`  ${`${f.column}${f.row}`.padEnd(6)} ${SEVERITY_LABELS[lang][f.severity].padEnd(9)} ${f.code ? `[${f.code}] ` : ''}${r.message}`);
  }
  if (a.findings.length > maxFindings) out.push(`  … +${a.findings.length - maxFindings}`);
  return out.join('\n');
}

/** Agencies the text report lists (the JSON report and the "by agency" sheet hold them all). */
const MAX_AGENCIES = 15;

/** "1 task", "3 tasks": an English count (Vietnamese does not inflect). */
export function englishCount(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "3 nhiệm vụ", "1 task", "3 tasks"; the count padded to `width`. */
export function tasksText(n: number, lang: Lang, width = 0): string {
  const count = lang === 'vi' ? `${n} nhiệm vụ` : englishCount(n, 'task');
  return ' '.repeat(Math.max(0, width - String(n).length)) + count;
}

function trim(s: string, w: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > w ? `${one.slice(0, w - 1)}…` : one;
}
