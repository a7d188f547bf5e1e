// addin/office: the pure helpers, and the commands over a recording fake of Excel's request
// context that counts context.sync() calls and refuses reads before a sync.
import assert from 'node:assert/strict';
import {
  analyzeSheet,
  buildInlineMarks,
  buildCellNotes,
  buildSummaryTables,
  type Analysis,
  type CellNote,
  type InlineMarks,
  type SheetSnapshot,
  type SummaryTable,
} from '../model';
import { blockAddress, formulaReferencesColumn, parseAreasAddress, quoteSheetName } from '../addin/office/a1';
import { clearParscore } from '../addin/office/clear';
import { argbToHex, cfFormula, layoutSummaryTable, marksBlock, TEXT_FORMAT } from '../addin/office/layout';
import { BatchBudget, chunkRows, utf8Length } from '../addin/office/payload';
import { scoreAndSummarise, type CommandEngine } from '../addin/office/score-and-summarise';
import { READ_WINDOW } from '../addin/office/snapshot';
import { locateOwnColumns, parseState, planSummarySheets, serializeState, STATE_KEY, type ParscoreState } from '../addin/office/state';
import path from 'node:path';
import { FIXTURES, loadSnapshot, setCell } from './helpers/fixtures';
import { cleanLaoCai, COL } from './helpers/self-assessment';

// ------------------------------------------------------------------------------------------
// A fake Excel.RequestContext: loaded properties become readable only after sync(); every
// write is recorded as a line in `log`.

interface FakeCf {
  type: string;
  formula: string;
}

interface FakeBook {
  active: SheetSnapshot;
  sheets: string[];
  state?: ParscoreState;
  cfs?: FakeCf[];
  /** Extra sheets' values for clearParscore. */
  others?: Record<string, SheetSnapshot>;
  /** Formulas of the active sheet by 1-based cell (their value is the snapshot's, e.g. ""). */
  formulas?: { row: number; col: number; formula: string }[];
  /** The used range's size Excel reports when larger than the values (a stray cell far away). */
  usedSize?: { rows: number; cols: number };
  /** Cell notes and threaded comments already on the active sheet (1-based cells). */
  notes?: { row: number; col: number; content: string }[];
  comments?: { row: number; col: number }[];
  /** A1:N3 of other sheets (what tells parscore's summary sheets from an officer's of the same name). */
  tops?: Record<string, unknown[][]>;
  /** Workbook-level defined names and their values (a named range's value is its address). */
  names?: { name: string; value: string }[];
  /**
   * Chart sheets: in the workbook but not in `worksheets` (Office.js lists no chart sheet), so
   * adding a worksheet of that name fails the sync with ItemAlreadyExists. As in Excel, what the
   * batch queued before the failing add has run (sheets it added or deleted are listed so from then
   * on), and the error carries the traces queued before it (`traceMessages`).
   */
  chartSheets?: string[];
  /** A failing batch leaves the sheet list as it was (to show the command does not rely on the above). */
  rollback?: boolean;
  /** No context.trace (a host without it): the failed add is found from the sheet list. */
  noTrace?: boolean;
  /** A1:N3 a summary sheet gets when added, by its base name ("Tổng hợp điểm (2)" → "Tổng hợp điểm"). */
  layoutTops?: Record<string, unknown[][]>;
  /** Cells of the active sheet that get a note between parscore's read and its write: adding one fails with ItemAlreadyExists. */
  notedMeanwhile?: string[];
  /** Tables, charts and PivotTables (by name) on other sheets, and whether each is protected; none by default. */
  objects?: Record<string, { tables?: string[]; charts?: string[]; pivots?: string[]; protected?: boolean; shapes?: { name: string; type: string }[]; filtered?: boolean; slicers?: string[] }>;
}

function recorder(path: string, log: string[]): any {
  return new Proxy(function () {}, {
    get: (_t, prop) => (prop === 'then' ? undefined : recorder(`${path}.${String(prop)}`, log)),
    set: (_t, prop, value) => {
      log.push(`${path}.${String(prop)} = ${JSON.stringify(value)}`);
      return true;
    },
    apply: (_t, _this, args) => {
      const call = `${path}(${args.map((a) => JSON.stringify(a)).join(', ')})`;
      log.push(call);
      return recorder(call, log);
    },
  });
}

function fakeContext(book: FakeBook) {
  const log: string[] = [];
  /** Every load() as "what: props", to show what was (not) read. */
  const loads: string[] = [];
  let synced = 0;
  /** An object whose listed props throw until the next sync after load(). */
  const lazy = <T extends object>(props: T, extra: object = {}, what = '') => {
    let loadedAt = -1;
    const obj: any = {
      ...extra,
      load: (p?: string) => {
        loads.push(`${what}: ${p ?? ''}`);
        loadedAt = synced;
        return obj;
      },
    };
    for (const [k, v] of Object.entries(props)) {
      Object.defineProperty(obj, k, {
        get: () => {
          if (loadedAt < 0 || synced <= loadedAt) throw new Error(`read of ${k} before load + sync`);
          return v;
        },
      });
    }
    return obj;
  };
  /** The used range of a snapshot (values + formulas) clipped to rows × cols from A1. */
  const usedOf = (s: SheetSnapshot, what: string, clip = { rows: Infinity, cols: Infinity }, size = book.usedSize) => {
    const r0 = (s.origin?.row ?? 1) - 1;
    const c0 = (s.origin?.col ?? 1) - 1;
    // Formula cells are used cells, also where the snapshot's values end.
    const fs = s === book.active ? (book.formulas ?? []) : [];
    const width = Math.max(0, ...s.values.map((r) => r.length), ...fs.map((f) => f.col - c0));
    const height = Math.max(s.values.length, ...fs.map((f) => f.row - r0));
    const grid = Array.from({ length: height }, (_, i) => s.values[i] ?? []);
    const values = grid.slice(0, Math.max(0, clip.rows - r0)).map((r) => {
      const out: unknown[] = [];
      for (let j = 0; j < Math.min(width, clip.cols - c0); j++) out.push(r[j] ?? '');
      return out;
    });
    const formulas = values.map((r, i) => r.map((v, j) => fs.find((f) => f.row === r0 + i + 1 && f.col === c0 + j + 1)?.formula ?? v));
    const empty = values.length === 0 || values[0]!.length === 0;
    return lazy(
      {
        isNullObject: empty,
        values,
        formulas,
        rowIndex: r0,
        columnIndex: c0,
        rowCount: size?.rows ?? values.length,
        columnCount: size?.cols ?? values[0]?.length ?? 0,
        address: `${s.name}!A1`,
      },
      {},
      what,
    );
  };
  const sheetOf = (s: SheetSnapshot, withCfs: FakeCf[]) => {
    const base = recorder(`[${s.name}]`, log);
    const merged = lazy({
      isNullObject: s.merges.length === 0,
      address: s.merges.map((m) => `'${s.name}'!${blockAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)}`).join(', '),
    });
    const cfItems = withCfs.map((c, i) => ({
      type: c.type,
      customOrNullObject: { isNullObject: c.type !== 'Custom', rule: { formula: c.formula } },
      delete: () => log.push(`[${s.name}] cf#${i}.delete()`),
    }));
    const cfs = lazy({ items: cfItems });
    const here = s === book.active;
    const location = (row: number, col: number) => lazy({ address: `'${s.name}'!${blockAddress(row, col)}` }, {}, `[${s.name}] location`);
    const notes = lazy(
      {
        items: (here ? (book.notes ?? []) : []).map((n) => ({
          content: n.content,
          getLocation: () => location(n.row, n.col),
          delete: () => log.push(`[${s.name}] note ${blockAddress(n.row, n.col)}.delete()`),
        })),
      },
      {
        add: (cell: string, text: string) => {
          log.push(`[${s.name}].notes.add(${JSON.stringify(cell)}, ${JSON.stringify(text)})`);
          if (book.notedMeanwhile?.includes(cell)) queued.push({ op: 'exists', name: cell });
        },
      },
      `[${s.name}] notes`,
    );
    const comments = lazy(
      { items: (here ? (book.comments ?? []) : []).map((c) => ({ getLocation: () => location(c.row, c.col) })) },
      {},
      `[${s.name}] comments`,
    );
    const window = blockAddress(1, 1, READ_WINDOW.rows, READ_WINDOW.cols);
    return new Proxy(base, {
      get: (t, prop) => {
        if (prop === 'name') return s.name;
        if (prop === 'load') return () => undefined;
        if (prop === 'notes') return notes;
        if (prop === 'comments') return comments;
        if (prop === 'getUsedRangeOrNullObject' || prop === 'getUsedRange') return () => usedOf(s, `[${s.name}] used range`);
        if (prop === 'getRange')
          return (addr?: string) =>
            addr === undefined
              ? { getMergedAreasOrNullObject: () => merged, conditionalFormats: cfs }
              : addr === window
                ? { getUsedRangeOrNullObject: () => usedOf(s, `[${s.name}]!${window} used range`, READ_WINDOW, undefined) }
                : recorder(`[${s.name}]!${addr}`, log);
        return t[prop];
      },
    });
  };
  const active = sheetOf(book.active, book.cfs ?? []);
  // Sheet adds and deletes (and traces) are queued and run in order at the next sync.
  const listed = book.sheets.map((name) => ({ name }));
  const tops: Record<string, unknown[][]> = { ...(book.tops ?? {}) };
  let queued: { op: 'add' | 'delete' | 'trace' | 'exists'; name: string }[] = [];
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const runQueued = () => {
    const ops = queued;
    queued = [];
    const before = listed.slice();
    const traces: string[] = [];
    for (const { op, name } of ops) {
      if (op === 'trace') traces.push(name);
      else if (op === 'exists') throw Object.assign(new Error('A resource with the same name or identifier already exists.'), { code: 'ItemAlreadyExists', traceMessages: traces });
      else if (op === 'delete') {
        const i = listed.findIndex((l) => same(l.name, name));
        if (i >= 0) listed.splice(i, 1);
        delete tops[name];
      } else if (book.chartSheets?.some((c) => same(c, name)) || listed.some((l) => same(l.name, name))) {
        if (book.rollback) listed.splice(0, listed.length, ...before);
        const error = new Error('A resource with the same name or identifier already exists.');
        throw Object.assign(error, { code: 'ItemAlreadyExists', traceMessages: traces });
      } else {
        listed.push({ name });
        const top = book.layoutTops?.[name.replace(/ \(\d+\)$/, '')];
        if (top) tops[name] = top;
      }
    }
  };
  const sheets = lazy(
    { items: listed },
    {
      getActiveWorksheet: () => active,
      getItem: (name: string) => {
        if (book.others?.[name]) return sheetOf(book.others[name]!, book.cfs ?? []);
        const rec = recorder(`[${name}]`, log);
        const objects = book.objects?.[name] ?? {};
        const collection = (kind: 'table' | 'chart', of: string[] = []) =>
          lazy(
            {
              items: of.map((n) => ({
                name: n,
                delete: () => log.push(`[${name}] ${kind} ${n}.delete()`),
                clearFilters: () => log.push(`[${name}] ${kind} ${n}.clearFilters()`),
                convertToRange: () => log.push(`[${name}] ${kind} ${n}.convertToRange()`),
              })),
            },
            { add: (...args: unknown[]) => recorder(`[${name}].${kind}s`, log).add(...args) },
            `[${name}] ${kind}s`,
          );
        const tables = collection('table', objects.tables);
        const charts = collection('chart', objects.charts);
        const protection = lazy({ protected: objects.protected === true }, {}, `[${name}] protection`);
        const pivots = lazy({ items: (objects.pivots ?? []).map((n) => ({ name: n })) }, {}, `[${name}] pivotTables`);
        const shapes = lazy(
          { items: (objects.shapes ?? []).map((x) => ({ type: x.type, delete: () => log.push(`[${name}] shape ${x.name}.delete()`) })) },
          {},
          `[${name}] shapes`,
        );
        const autoFilter = lazy({ enabled: objects.filtered === true }, { remove: () => log.push(`[${name}].autoFilter.remove()`) }, `[${name}] autoFilter`);
        const slicers = lazy({ items: (objects.slicers ?? []).map((n) => ({ name: n, delete: () => log.push(`[${name}] slicer ${n}.delete()`) })) }, {}, `[${name}] slicers`);
        return new Proxy(rec, {
          get: (t, p) => {
            if (p === 'delete')
              return () => {
                log.push(`[${name}].delete()`);
                queued.push({ op: 'delete', name });
              };
            if (p === 'tables') return tables;
            if (p === 'charts') return charts;
            if (p === 'protection') return protection;
            if (p === 'pivotTables') return pivots;
            if (p === 'shapes') return shapes;
            if (p === 'autoFilter') return autoFilter;
            if (p === 'slicers') return slicers;
            if (p === 'getRange')
              return (addr: string) => (addr === 'A1:N3' && tops[name] ? lazy({ values: tops[name] }, {}, `[${name}]!A1:N3`) : t.getRange(addr));
            return t[p];
          },
          set: (t, p, value) => {
            // A rename, as Excel runs it at the next sync (the fake applies it at once).
            if (p === 'name') {
              const l = listed.find((x) => same(x.name, name));
              if (l) l.name = value as string;
            }
            t[p] = value;
            return true;
          },
        });
      },
      add: (name: string) => {
        log.push(`add ${JSON.stringify(name)}`);
        queued.push({ op: 'add', name });
        return recorder(`[${name}]`, log);
      },
    },
  );
  const setting = lazy({ isNullObject: !book.state, value: book.state ? serializeState(book.state) : undefined });
  const context = {
    workbook: {
      worksheets: sheets,
      names: lazy({ items: (book.names ?? []).map((n) => ({ ...n, delete: () => log.push(`name ${n.name}.delete()`) })) }, {}, 'names'),
      settings: {
        getItemOrNullObject: (key: string) => {
          assert.equal(key, STATE_KEY);
          return setting;
        },
        add: (key: string, value: string) => log.push(`settings.add ${key} ${value}`),
      },
    },
    ...(book.noTrace ? {} : { trace: (message: string) => queued.push({ op: 'trace', name: message }) }),
    sync: async () => {
      synced++;
      runQueued();
    },
  };
  return { context: context as unknown as Excel.RequestContext, log, loads, syncs: () => synced, sheetNames: () => listed.map((l) => l.name) };
}

const ALL: (set: string, version: string) => boolean = () => true;

/** Lào Cai with a clean self-assessment and two planted mistakes on one row. */
async function laoCaiWithMistakes(): Promise<SheetSnapshot> {
  const s = await cleanLaoCai();
  const a = analyzeSheet(s);
  const it = a.appendix.items.find((i) => i.maxPoints !== null && !i.children.length && !i.surveyOnly && i.kind !== 'total')!;
  setCell(s, it.row, COL.evidence, '');
  setCell(s, it.row, COL.points, 99);
  s.name = 'Phụ lục';
  return s;
}

const realEngine: CommandEngine = { analyzeSheet, buildSummaryTables, buildInlineMarks };

/** A1:N3 of the summary sheet parscore writes for each sheet name (layoutSummaryTable's first rows). */
async function summaryTops(): Promise<Record<string, unknown[][]>> {
  const tables = buildSummaryTables(analyzeSheet(await laoCaiWithMistakes()), 'vi');
  return Object.fromEntries(tables.map((t) => [t.sheetName, layoutSummaryTable(t, 'vi').values.slice(0, 3)]));
}

/** An engine whose tables have n rows (to show the sync count does not grow with rows). */
function bigEngine(n: number, analysis: Analysis): CommandEngine {
  return {
    analyzeSheet: () => analysis,
    buildSummaryTables: () => [
      {
        key: 'findings',
        sheetName: 'Danh sách vấn đề',
        title: 'T',
        header: ['STT', 'Ô', 'Nội dung'],
        rows: Array.from({ length: n }, (_, i) => [i + 1, `B${i + 7}`, `Vấn đề số ${i + 1}: thiếu tài liệu kiểm chứng cho tiêu chí này`]),
        numberFormats: ['0', null, null],
        links: Array.from({ length: n }, (_, i) => ({ sheet: 'Phụ lục', address: `B${i + 7}` })),
        totalRow: -1,
      } satisfies SummaryTable,
    ],
    buildInlineMarks: (): InlineMarks => ({
      headerRow: 6,
      firstRow: 7,
      lastRow: 6 + n,
      statusCol: 15,
      codesCol: 16,
      statusHeader: 'parscore: kết quả kiểm tra',
      codesHeader: 'parscore: mã',
      status: Array.from({ length: n }, (_, i) => `• Thiếu tài liệu kiểm chứng ${i}`),
      codes: Array.from({ length: n }, () => 'missing-evidence@M'),
      rules: [{ range: `M7:M${6 + n}`, formula: 'ISNUMBER(SEARCH("missing-evidence@M",$P7))', kind: 'missing-evidence', severity: 'error', color: 'FFFFC7CE' }],
      cells: [],
    }),
  };
}

// ------------------------------------------------------------------------------------------

describe('office adapter', () => {
  describe('A1 helpers', () => {
    it('builds block addresses and quotes sheet names when needed', () => {
      assert.equal(blockAddress(3, 2), 'B3');
      assert.equal(blockAddress(3, 2, 10, 27), 'B3:AB12');
      assert.equal(quoteSheetName('Sheet1'), 'Sheet1');
      assert.equal(quoteSheetName('Phụ lục'), "'Phụ lục'");
      assert.equal(quoteSheetName("O'Brien"), "'O''Brien'");
      assert.equal(quoteSheetName('AB12'), "'AB12'");
    });

    it('parses RangeAreas addresses, including quoted names with commas', () => {
      assert.deepEqual(parseAreasAddress("Sheet1!A1:B2, 'Phụ lục, 1'!D4:E5,Sheet1!$C$7:$C$9"), [
        { top: 1, left: 1, bottom: 2, right: 2 },
        { top: 4, left: 4, bottom: 5, right: 5 },
        { top: 7, left: 3, bottom: 9, right: 3 },
      ]);
      assert.deepEqual(parseAreasAddress(''), []);
      assert.deepEqual(parseAreasAddress('Sheet1!A1'), []);
    });

    it('tells whether a formula refers to a column (not inside strings, not a longer column)', () => {
      assert.ok(formulaReferencesColumn('=ISNUMBER(SEARCH("over-max@L",$P7))', 'P'));
      assert.ok(formulaReferencesColumn('=P$7<>""', 'P'));
      assert.ok(!formulaReferencesColumn('=ISNUMBER(SEARCH("over-max@L",$P7))', 'L'));
      assert.ok(!formulaReferencesColumn('=AP7>0', 'P'));
      assert.ok(!formulaReferencesColumn('=SUM(Sheet1.P7)', 'P'));
    });
  });

  describe('layout', () => {
    it('lays a summary table out with text formats for strings and the model formats for numbers', () => {
      const l = layoutSummaryTable(
        {
          key: 'fields',
          sheetName: 'Tổng hợp điểm',
          title: 'TỔNG HỢP',
          header: ['Mã', 'Lĩnh vực', 'Điểm'],
          rows: [['1.10', '=hack()', 2.5], ['', 'Tổng cộng', null]],
          numberFormats: [null, null, '#,##0.00'],
          links: [{ sheet: 'Phụ lục', address: '1.10' }, null],
          totalRow: 1,
        },
        'vi',
      );
      assert.equal(l.values.length, 5);
      assert.deepEqual(l.values[3], ['1.10', '=hack()', 2.5]);
      assert.deepEqual(l.numberFormats[3], ['General', TEXT_FORMAT, '#,##0.00']);
      assert.deepEqual(l.values[4], ['', 'Tổng cộng', '']);
      assert.equal(l.headerRow, 2);
      assert.equal(l.totalRow, 4);
      assert.deepEqual(l.linkRuns, [{ row: 3, col: 0, formulas: [['=HYPERLINK("#\'Phụ lục\'!1.10","1.10")']] }]);
      assert.ok(l.values.every((r) => r.length === 3));
    });

    it('shapes inline marks and rule details', () => {
      const b = marksBlock({ firstRow: 7, lastRow: 9, status: ['a'], codes: ['x@L', '', ''] } as InlineMarks);
      assert.deepEqual(b.values, [['a', 'x@L'], ['', ''], ['', '']]);
      assert.equal(cfFormula('ISNUMBER(1)'), '=ISNUMBER(1)');
      assert.equal(cfFormula('=A1'), '=A1');
      assert.equal(argbToHex('FFFFC7CE'), '#FFC7CE');
    });
  });

  describe('payload', () => {
    it('counts UTF-8 bytes and chunks rows under the budget', () => {
      assert.equal(utf8Length('aă€😀'), 1 + 2 + 3 + 4);
      const rows = Array.from({ length: 100 }, () => ['x'.repeat(98)]);
      const chunks = chunkRows(rows, 1000);
      assert.equal(chunks[0]!.start, 0);
      assert.equal(chunks.at(-1)!.end, 100);
      assert.ok(chunks.every((c) => c.bytes <= 1000));
      assert.deepEqual(chunkRows([], 1000), []);
    });

    it('BatchBudget syncs only when the next operation would overflow', async () => {
      let n = 0;
      const b = new BatchBudget({ sync: async () => void n++ }, 100);
      await b.reserve(60);
      await b.reserve(30);
      assert.equal(n, 0);
      await b.reserve(30);
      assert.equal(n, 1);
      await b.flush();
      assert.equal(n, 2);
      await b.flush();
      assert.equal(b.syncs, 2);
    });
  });

  describe('state', () => {
    it('reads its own JSON back and survives junk', () => {
      const s: ParscoreState = {
        v: 1,
        summarySheets: ['Tổng hợp điểm'],
        marks: { 'Phụ lục': { headerRow: 6, statusHeader: 'h1', codesHeader: 'h2', statusCol: 15, codesCol: 16 } },
      };
      assert.deepEqual(parseState(serializeState(s)), s);
      assert.deepEqual(parseState('{oops'), { v: 1, summarySheets: [], marks: {} });
      assert.deepEqual(parseState({ summarySheets: [1, 'a'], marks: { x: { headerRow: 'no' } } }), { v: 1, summarySheets: ['a'], marks: {} });
    });

    it('never takes over an officer sheet of the same name', () => {
      const p = planSummarySheets(['Tổng hợp điểm', 'Theo cơ quan'], ['Phụ lục', 'tổng hợp điểm', 'Theo cơ quan', 'Cũ'], ['Theo cơ quan', 'Cũ']);
      assert.deepEqual(p.targets, ['Tổng hợp điểm (2)', 'Theo cơ quan']);
      // Its own "Theo cơ quan" is rewritten in place; "Cũ", written no more, goes.
      assert.deepEqual(p.reuse, [null, 'Theo cơ quan']);
      assert.deepEqual(p.remove, ['Cũ']);
      // Its own "(2)" of a summary takes the summary's name again once that is free; Excel's copy
      // ("(3)", no record of it) is not its own and stays.
      const q = planSummarySheets(['Tổng hợp điểm'], ['Phụ lục', 'Tổng hợp điểm (2)', 'Tổng hợp điểm (3)'], ['Tổng hợp điểm (2)']);
      assert.deepEqual(q, { targets: ['Tổng hợp điểm'], reuse: ['Tổng hợp điểm (2)'], remove: [] });
      // Both its plain and its "(2)": the plain one is rewritten, the other goes.
      const both = planSummarySheets(['Tổng hợp điểm'], ['Tổng hợp điểm (2)', 'Tổng hợp điểm'], ['Tổng hợp điểm (2)', 'Tổng hợp điểm']);
      assert.deepEqual(both, { targets: ['Tổng hợp điểm'], reuse: ['Tổng hợp điểm'], remove: ['Tổng hợp điểm (2)'] });
      // Never one sheet for two targets.
      assert.deepEqual(planSummarySheets(['A', 'A'], ['A (2)'], ['A (2)']).reuse, [null, 'A (2)']);
    });

    it('finds parscore columns by their header text', () => {
      const s: SheetSnapshot = {
        name: 'x',
        values: [[], ['Mã', 'Tên', 'parscore: kết quả kiểm tra', 'parscore: mã']],
        merges: [],
        origin: { row: 5, col: 2 },
      };
      assert.deepEqual(locateOwnColumns(s, undefined), { headerRow: 6, cols: [4, 5] });
      assert.equal(locateOwnColumns({ ...s, values: [['Mã']] }, undefined), null);
    });
  });

  describe('scoreAndSummarise over a fake Excel', () => {
    it('checks a target set year by year for the assessment year it is given (the pane\'s choice), else the title\'s', async () => {
      const snap = await loadSnapshot(path.join(FIXTURES, 'laocai-2019-libreoffice.xlsx'));
      setCell(snap, 105, 7, 'Năm 2019 đạt tối thiểu 60%, mỗi năm tiếp theo tăng 10%, đạt tối thiểu 90% vào năm 2022');
      const unmet105 = async (year?: number | null) => {
        const { context } = fakeContext({ active: structuredClone(snap), sheets: [snap.name] });
        const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine, ...(year !== undefined ? { year } : {}) });
        assert.equal(r.status, 'done', r.message);
        return [r.analysis!.year, r.analysis!.findings.some((f) => f.kind === 'threshold-unmet' && f.row === 105)];
      };
      assert.deepEqual(await unmet105(), [2019, false]); // result 62% against 2019's 60%
      assert.deepEqual(await unmet105(null), [2019, false]);
      assert.deepEqual(await unmet105(2020), [2020, true]); // against 2020's 70%
    });

    it('writes sheets, marks, rules and state in exactly two syncs', async () => {
      const snap = await laoCaiWithMistakes();
      const { context, log, syncs } = fakeContext({ active: snap, sheets: ['Phụ lục'] });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'done', r.message);
      assert.equal(syncs(), 2);
      assert.equal(r.syncs, 2);
      assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
      assert.deepEqual(log.filter((l) => l.startsWith('add ')), r.sheets.map((s) => `add ${JSON.stringify(s)}`));
      const marks = buildInlineMarks(r.analysis!, 'vi')!;
      assert.equal(log.filter((l) => l.endsWith('.conditionalFormats.add("Custom")')).length, marks.rules.length);
      assert.ok(marks.rules.length >= 2);
      const saved = log.find((l) => l.startsWith(`settings.add ${STATE_KEY} `))!;
      const state = parseState(saved.slice(`settings.add ${STATE_KEY} `.length));
      assert.deepEqual(state.summarySheets, r.sheets);
      assert.equal(state.marks['Phụ lục']!.codesCol, marks.codesCol);
      // Values go in as one assignment per block, formats before values.
      const valueWrites = log.filter((l) => l.includes('.values = '));
      assert.equal(valueWrites.length, 3 + 1 + 1); // 3 tables, marks header, marks block
      const firstFormat = log.findIndex((l) => l.includes('.numberFormat = '));
      const firstValues = log.findIndex((l) => l.includes('.values = '));
      assert.ok(firstFormat >= 0 && firstFormat < firstValues);
    });

    it('costs two syncs for 20 rows and for 5,000 rows', async () => {
      const snap = await laoCaiWithMistakes();
      const a = analyzeSheet(snap);
      for (const n of [20, 5_000]) {
        const { context, syncs } = fakeContext({ active: snap, sheets: ['Phụ lục'] });
        const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: bigEngine(n, a) });
        assert.equal(r.status, 'done');
        assert.equal(syncs(), 2, `${n} rows`);
      }
    });

    it('with cell notes (ExcelApi 1.18): deletes only its own old notes, never notes an officer’s note or comment, constant syncs', async () => {
      const snap = await laoCaiWithMistakes();
      const a = analyzeSheet(snap);
      const expected = buildCellNotes(a, 'vi', snap.merges);
      assert.ok(expected.length >= 2);
      const [n1, n2] = expected as [CellNote, CellNote];
      for (const n of [20, 5_000]) {
        const { context, log, syncs } = fakeContext({
          active: snap,
          sheets: ['Phụ lục'],
          notes: [
            { row: 3, col: 2, content: 'parscore:\n• cũ' },
            { row: n1.row, col: n1.col, content: 'Ghi chú của cán bộ' },
          ],
          comments: [{ row: n2.row, col: n2.col }],
        });
        const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: bigEngine(n, a) });
        assert.equal(r.status, 'done');
        assert.equal(syncs(), 3, `${n} rows: one more read for where the officer's notes are`);
        assert.deepEqual(log.filter((l) => l.includes(' note ')), ['[Phụ lục] note B3.delete()']);
        const added = log.filter((l) => l.startsWith('[Phụ lục].notes.add('));
        assert.equal(added.length, expected.length - 2);
        assert.ok(!added.some((l) => l.startsWith(`[Phụ lục].notes.add("${blockAddress(n1.row, n1.col)}"`)));
        assert.ok(!added.some((l) => l.startsWith(`[Phụ lục].notes.add("${blockAddress(n2.row, n2.col)}"`)));
      }
      // Without notes or comments of the officer's: the usual two syncs.
      const { context, log, syncs } = fakeContext({ active: snap, sheets: ['Phụ lục'] });
      await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(syncs(), 2);
      assert.equal(log.filter((l) => l.startsWith('[Phụ lục].notes.add(')).length, expected.length);
    });

    it('splits a write batch past the byte budget, never sending more than the budget per sync', async () => {
      const snap = await laoCaiWithMistakes();
      const a = analyzeSheet(snap);
      const { context, syncs } = fakeContext({ active: snap, sheets: ['Phụ lục'] });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: bigEngine(20_000, a), maxBatchBytes: 500_000 });
      assert.equal(r.status, 'done');
      assert.ok(syncs() > 2 && syncs() < 20, `${syncs()} syncs`);
    });

    it('on a re-run removes its old rules, columns and sheets, and leaves the officer’s alone', async () => {
      const snap = await laoCaiWithMistakes();
      const tops = await summaryTops();
      // Last run's columns at O:P (15, 16), one of our rules and one of the officer's.
      setCell(snap, 6, 15, 'parscore: kết quả kiểm tra');
      setCell(snap, 6, 16, 'parscore: mã');
      const state: ParscoreState = {
        v: 1,
        summarySheets: ['Theo cơ quan', 'Danh sách vấn đề'],
        marks: { 'Phụ lục': { headerRow: 6, statusHeader: 'parscore: kết quả kiểm tra', codesHeader: 'parscore: mã', statusCol: 15, codesCol: 16 } },
      };
      const { context, log, syncs } = fakeContext({
        active: snap,
        sheets: ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề'],
        state,
        // The officer's own "Tổng hợp điểm" (title and header typed by hand, close to parscore's).
        tops: { ...tops, 'Tổng hợp điểm': [['TỔNG HỢP ĐIỂM TỰ ĐÁNH GIÁ THEO LĨNH VỰC'], [], ['Mã', 'Lĩnh vực / Chỉ số', 'Điểm']] },
        cfs: [
          { type: 'Custom', formula: '=ISNUMBER(SEARCH("over-max@L",$P7))' },
          { type: 'Custom', formula: '=$L7>$E7' },
          { type: 'DataBar', formula: '' },
        ],
      });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'done', r.message);
      assert.equal(syncs(), 3); // one more read: the tops of the sheets named as summaries
      // Its own summaries are rewritten in place (cleared, never deleted); the officer's rule stays.
      assert.deepEqual(log.filter((l) => l.includes('.delete()')), ['[Phụ lục] cf#0.delete()']);
      for (const sheet of ['Theo cơ quan', 'Danh sách vấn đề']) assert.ok(log.includes(`[${sheet}].getRange().clear("All")`), sheet);
      assert.ok(!log.includes('[Tổng hợp điểm].getRange().clear("All")'), 'the officer’s sheet is never cleared');
      assert.ok(log.some((l) => l.startsWith('[Phụ lục]!O6:O') && l.endsWith('.clear("All")')));
      assert.ok(log.some((l) => l.startsWith('[Phụ lục]!P6:P') && l.endsWith('.clear("All")')));
      // "Tổng hợp điểm" is the officer's (not parscore's layout): parscore writes beside it.
      assert.deepEqual(r.sheets, ['Tổng hợp điểm (2)', 'Theo cơ quan', 'Danh sách vấn đề']);
    });

    it('refuses to run on its own summary sheet, after one read', async () => {
      const snap: SheetSnapshot = { name: 'Tổng hợp điểm', values: (await summaryTops())['Tổng hợp điểm']!, merges: [] };
      const { context, log, syncs } = fakeContext({
        active: snap,
        sheets: ['Tổng hợp điểm'],
        state: { v: 1, summarySheets: ['Tổng hợp điểm'], marks: {} },
      });
      const r = await scoreAndSummarise(context, { lang: 'en', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'summary-sheet-active');
      assert.match(r.message, /summary sheet/);
      assert.equal(syncs(), 1);
      assert.deepEqual(log, []);
    });

    it('scores an officer’s appendix named like a summary, whatever a stale state says', async () => {
      const snap = await laoCaiWithMistakes();
      snap.name = 'Tổng hợp điểm';
      const { context } = fakeContext({
        active: snap,
        sheets: ['Tổng hợp điểm'],
        // parscore's "Tổng hợp điểm" of an earlier run, since deleted by the officer.
        state: { v: 1, summarySheets: ['Tổng hợp điểm'], marks: {} },
        tops: { 'Tổng hợp điểm': snap.values.slice(0, 3) },
      });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'done', r.message);
      assert.deepEqual(r.sheets, ['Tổng hợp điểm (2)', 'Theo cơ quan', 'Danh sách vấn đề']);
    });

    describe('a chart sheet named like a summary (Office.js does not list it, so adding the summary fails)', () => {
      const run = async (book: Omit<FakeBook, 'active'>) => {
        const snap = await laoCaiWithMistakes();
        const fake = fakeContext({ active: snap, layoutTops: await summaryTops(), ...book });
        const r = await scoreAndSummarise(fake.context, { lang: 'vi', supports: ALL, engine: realEngine });
        assert.equal(r.status, 'done', r.message);
        assert.equal(r.syncs, fake.syncs());
        const saved = fake.log.filter((l) => l.startsWith(`settings.add ${STATE_KEY} `)).at(-1)!;
        assert.deepEqual(parseState(saved.slice(`settings.add ${STATE_KEY} `.length)).summarySheets, r.sheets, 'the state records what was written');
        return { r, fake };
      };

      it('the summary goes beside it ("Tổng hợp điểm (2)") after one more read and write, and nothing else moves', async () => {
        const { r, fake } = await run({ sheets: ['Phụ lục'], chartSheets: ['Tổng hợp điểm'] });
        assert.deepEqual(r.sheets, ['Tổng hợp điểm (2)', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.match(r.message, /"Tổng hợp điểm \(2\)"/);
        assert.equal(r.syncs, 4); // read, write (failed at its first add), read, write
        assert.deepEqual(fake.sheetNames(), ['Phụ lục', ...r.sheets]);
      });

      it('what the failed write had added is parscore’s and is rewritten, never left behind as an officer’s sheet', async () => {
        const second = await run({ sheets: ['Phụ lục'], chartSheets: ['theo cơ quan'] });
        assert.deepEqual(second.r.sheets, ['Tổng hợp điểm', 'Theo cơ quan (2)', 'Danh sách vấn đề']);
        // The sheet the failed attempt added is parscore's: rewritten in place by the retry.
        assert.deepEqual(second.fake.log.filter((l) => l.endsWith('].delete()')), []);
        assert.ok(second.fake.log.includes('[Tổng hợp điểm].getRange().clear("All")'), 'rewritten in place');
        assert.deepEqual(second.fake.sheetNames(), ['Phụ lục', ...second.r.sheets]);
        // The officer's own "Tổng hợp điểm" and two chart sheets: a "(2)" made by the first attempt
        // and rewritten by the second is still parscore's in the third.
        const officer = await run({
          sheets: ['Phụ lục', 'Tổng hợp điểm'],
          tops: { 'Tổng hợp điểm': [['Điểm của phòng'], [], ['ghi chú']] },
          chartSheets: ['Theo cơ quan', 'Danh sách vấn đề'],
        });
        assert.deepEqual(officer.r.sheets, ['Tổng hợp điểm (2)', 'Theo cơ quan (2)', 'Danh sách vấn đề (2)']);
        assert.deepEqual(officer.fake.sheetNames().sort(), ['Phụ lục', 'Tổng hợp điểm', ...officer.r.sheets].sort());
        assert.ok(!officer.fake.log.includes('[Tổng hợp điểm].delete()'), 'the officer’s sheet is never deleted');
      });

      it('one chart sheet per summary, or a chart sheet and its "(2)": every summary still finds a free name', async () => {
        const three = await run({ sheets: ['Phụ lục'], chartSheets: ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề'] });
        assert.deepEqual(three.r.sheets, ['Tổng hợp điểm (2)', 'Theo cơ quan (2)', 'Danh sách vấn đề (2)']);
        assert.deepEqual(three.fake.sheetNames().sort(), ['Phụ lục', ...three.r.sheets].sort());
        const pair = await run({ sheets: ['Phụ lục'], chartSheets: ['Danh sách vấn đề', 'Danh sách vấn đề (2)'] });
        assert.deepEqual(pair.r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề (3)']);
      });

      it('any other ItemAlreadyExists (a note a co-author added meanwhile) is no reason to retry: the summaries just written stay', async () => {
        const snap = await laoCaiWithMistakes();
        const cell = (() => {
          const n = buildCellNotes(analyzeSheet(snap), 'vi', snap.merges)[0]!;
          return blockAddress(n.row, n.col);
        })();
        for (const book of [{ officer: false }, { officer: true }]) {
          const sheets = book.officer ? ['Phụ lục', 'Danh sách vấn đề'] : ['Phụ lục'];
          const tops: Record<string, unknown[][]> = book.officer ? { 'Danh sách vấn đề': [['Việc của phòng'], [], ['ghi chú']] } : {};
          const fake = fakeContext({ active: snap, sheets, tops, layoutTops: await summaryTops(), notedMeanwhile: [cell] });
          await assert.rejects(scoreAndSummarise(fake.context, { lang: 'vi', supports: ALL, engine: realEngine }), { code: 'ItemAlreadyExists' });
          assert.equal(fake.syncs(), book.officer ? 3 : 2, 'no retry'); // read (+ the top rows of the officer's sheet), write
          const written = book.officer ? ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề (2)'] : ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề'];
          assert.deepEqual(fake.sheetNames(), [...sheets, ...written]);
          assert.deepEqual(fake.log.filter((l) => l.endsWith('].delete()')), []);
        }
      });

      it('finds the failed add by its trace when Excel keeps nothing of the failed batch, and by the sheet list without traces', async () => {
        const rolledBack = await run({ sheets: ['Phụ lục'], chartSheets: ['Theo cơ quan'], rollback: true });
        assert.deepEqual(rolledBack.r.sheets, ['Tổng hợp điểm', 'Theo cơ quan (2)', 'Danh sách vấn đề']);
        assert.deepEqual(rolledBack.fake.sheetNames(), ['Phụ lục', ...rolledBack.r.sheets]);
        const untraced = await run({ sheets: ['Phụ lục'], chartSheets: ['Theo cơ quan'], noTrace: true });
        assert.deepEqual(untraced.r.sheets, ['Tổng hợp điểm', 'Theo cơ quan (2)', 'Danh sách vấn đề']);
      });
    });

    it('any other failure of the write reaches the caller, as before', async () => {
      const snap = await laoCaiWithMistakes();
      const { context } = fakeContext({ active: snap, sheets: ['Phụ lục'] });
      let n = 0;
      const sync = context.sync.bind(context);
      (context as { sync: () => Promise<void> }).sync = async () => {
        await sync();
        if (++n === 2) throw Object.assign(new Error('busy'), { code: 'GeneralException' });
      };
      await assert.rejects(scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine }), /busy/);
      assert.equal(n, 2);
    });

    it('keeps Excel’s copy of its summary ("Tổng hợp điểm (2)": an officer keeping last run’s scores), in one read sync with the notes', async () => {
      const snap = await laoCaiWithMistakes();
      const tops = await summaryTops();
      const { context, log, syncs } = fakeContext({
        active: snap,
        sheets: ['Phụ lục', 'Tổng hợp điểm', 'Tổng hợp điểm (2)'],
        state: { v: 1, summarySheets: ['Tổng hợp điểm'], marks: {} },
        tops: { 'Tổng hợp điểm': tops['Tổng hợp điểm']!, 'Tổng hợp điểm (2)': tops['Tổng hợp điểm']! },
        notes: [{ row: 2, col: 2, content: 'ghi chú của cán bộ' }],
      });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'done', r.message);
      assert.deepEqual(log.filter((l) => l.endsWith('].delete()')), []);
      assert.ok(log.includes('[Tổng hợp điểm].getRange().clear("All")'), 'rewritten in place');
      assert.ok(!log.some((l) => l.startsWith('[Tổng hợp điểm (2)]')), 'Excel’s copy is the officer’s: untouched');
      assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
      assert.equal(syncs(), 3); // read, one more read (the tops and the notes' places), write
    });

    describe('a re-run rewrites its summary sheets in place: formulas of the officer’s that refer to them keep working', () => {
      // Excel turns a formula that refers to a deleted sheet into #REF! for good; a sheet cleared
      // and written again keeps it. The state lists all three summaries, as after a first run.
      const rerun = async (book: Partial<FakeBook>, supports: (set: string, version: string) => boolean = ALL) => {
        const snap = await laoCaiWithMistakes();
        const tops = await summaryTops();
        const names = ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề'];
        const fake = fakeContext({
          active: snap,
          sheets: ['Phụ lục', ...names],
          state: { v: 1, summarySheets: names, marks: {} },
          tops,
          objects: {
            // The chart is also in the shapes collection, as a shape that API cannot handle.
            'Tổng hợp điểm': { tables: ['Bảng1'], charts: ['Biểu đồ 1'], shapes: [{ name: 'Ảnh 1', type: 'Image' }, { name: 'Hộp chữ 2', type: 'GeometricShape' }, { name: 'Biểu đồ 1', type: 'Unsupported' }], filtered: true, slicers: ['Slicer_Lĩnh_vực'] },
            'Theo cơ quan': { tables: ['Bảng2'] },
            'Danh sách vấn đề': { tables: ['Bảng3'] },
          },
          ...book,
        });
        const r = await scoreAndSummarise(fake.context, { lang: 'vi', supports, engine: realEngine });
        assert.equal(r.status, 'done', r.message);
        return { r, ...fake };
      };

      it('clears each (its tables and chart first) and writes it again; no sheet is deleted or added, in as many syncs as before', async () => {
        const { r, log, syncs, sheetNames } = await rerun({});
        assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.deepEqual(sheetNames(), ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.deepEqual(log.filter((l) => l.endsWith('].delete()') || l.startsWith('add ')), []);
        assert.equal(syncs(), 3); // read, the summaries' tops (with their tables, charts, protection), write
        const at = (line: string) => {
          const i = log.indexOf(line);
          assert.ok(i >= 0, line);
          return i;
        };
        const sheet = 'Tổng hợp điểm';
        const cleared = at(`[${sheet}].getRange().clear("All")`);
        // The table made a plain range (structured references become addresses), its filter cleared first.
        const converted = at(`[${sheet}] table Bảng1.convertToRange()`);
        assert.ok(at(`[${sheet}] table Bảng1.clearFilters()`) < converted && converted < cleared, 'filters cleared, table converted, then the clear');
        assert.ok(!log.some((l) => l.includes('table Bảng1.delete()')), 'the table is not deleted');
        assert.ok(at(`[${sheet}] chart Biểu đồ 1.delete()`) < cleared, 'its chart deleted before the clear');
        // The officer's picture and text box go; what the shapes API cannot handle is left to its own collection.
        assert.ok(at(`[${sheet}] shape Ảnh 1.delete()`) < cleared && at(`[${sheet}] shape Hộp chữ 2.delete()`) < cleared, 'its shapes deleted before the clear');
        assert.ok(!log.includes(`[${sheet}] shape Biểu đồ 1.delete()`), 'the chart is not deleted as a shape too');
        assert.ok(at(`[${sheet}].autoFilter.remove()`) < cleared, 'its sheet filter removed');
        assert.ok(at(`[${sheet}] slicer Slicer_Lĩnh_vực.delete()`) < converted, 'its slicer deleted before its table is converted');
        assert.ok(!log.includes('[Theo cơ quan].autoFilter.remove()'), 'no filter to remove on the other');
        assert.ok(at(`[${sheet}].getRange().dataValidation.clear()`) > cleared, 'validation cleared');
        assert.ok(at(`[${sheet}].getRange().conditionalFormats.clearAll()`) > cleared, 'conditional formats cleared');
        assert.ok(at(`[${sheet}].getRange().rowHidden = false`) > cleared, 'hidden rows shown after the clear');
        assert.ok(at(`[${sheet}].getRange().columnHidden = false`) > cleared, 'hidden columns shown after the clear');
        assert.ok(at(`[${sheet}].getRange().format.useStandardWidth = true`) > cleared, 'standard widths after the clear');
        assert.ok(at(`[${sheet}].getRange().format.useStandardHeight = true`) > cleared, 'standard heights after the clear');
        assert.ok(at(`[${sheet}].freezePanes.unfreeze()`) > cleared, 'panes unfrozen after the clear');
        assert.ok(!log.some((l) => l.endsWith('.name = "Tổng hợp điểm"')), 'no rename when the name is the summary’s');
        // Then written as a new sheet is: values from A1, a new table and chart.
        const firstWrite = log.findIndex((l) => l.startsWith(`[${sheet}].getRange("A1:`) && l.includes('.values = '));
        assert.ok(firstWrite > cleared, 'written after it was cleared');
        assert.ok(log.some((l, i) => i > cleared && l.startsWith(`[${sheet}].tables.add(`)), 'a new table');
        assert.ok(log.some((l, i) => i > cleared && l.startsWith(`[${sheet}].charts.add(`)), 'a new chart');
        assert.ok(log.findIndex((l) => l.startsWith(`[${sheet}].getRange("A1:`) && l.endsWith('.format.autofitRows()')) > firstWrite, 'rows fitted after the writes');
        for (const other of ['Theo cơ quan', 'Danh sách vấn đề']) {
          const table = other === 'Theo cơ quan' ? 'Bảng2' : 'Bảng3';
          assert.ok(at(`[${other}] table ${table}.convertToRange()`) < at(`[${other}].getRange().clear("All")`), other);
        }
      });

      it('another ItemAlreadyExists (a note added meanwhile) is not retried when no sheet was added, also on a host without traces', async () => {
        const snap = await laoCaiWithMistakes();
        const n = buildCellNotes(analyzeSheet(snap), 'vi', snap.merges)[0]!;
        for (const noTrace of [false, true]) {
          const fake = fakeContext({
            active: snap,
            sheets: ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề'],
            state: { v: 1, summarySheets: ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề'], marks: {} },
            tops: await summaryTops(),
            notedMeanwhile: [blockAddress(n.row, n.col)],
            noTrace,
          });
          await assert.rejects(scoreAndSummarise(fake.context, { lang: 'vi', supports: ALL, engine: realEngine }), { code: 'ItemAlreadyExists' });
          assert.equal(fake.syncs(), 3, `no retry (noTrace ${noTrace})`); // read, the summaries' tops, write
        }
      });

      it('on ExcelApi 1.1 (no protection to read, no table conversion) each is deleted and added again, as before; so on 1.2 (no PivotTables to read)', async () => {
        const v12 = await rerun({}, (_set, version) => version === '1.1' || version === '1.2');
        assert.deepEqual(v12.log.filter((l) => l.endsWith('].delete()')).length, 3);
        const { r, log } = await rerun({}, (_set, version) => version === '1.1');
        assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.deepEqual(log.filter((l) => l.endsWith('].delete()')), ['[Tổng hợp điểm].delete()', '[Theo cơ quan].delete()', '[Danh sách vấn đề].delete()']);
        assert.ok(!log.some((l) => l.includes('.clear("All")') && !l.startsWith('[Phụ lục]')), 'no summary cleared');
      });

      it('its own "Tổng hợp điểm (2)", written beside an officer’s sheet since removed, is renamed and rewritten, not deleted', async () => {
        const tops = await summaryTops();
        const { r, log, sheetNames } = await rerun({
          sheets: ['Phụ lục', 'Tổng hợp điểm (2)'],
          state: { v: 1, summarySheets: ['Tổng hợp điểm (2)'], marks: {} },
          tops: { 'Tổng hợp điểm (2)': tops['Tổng hợp điểm']! },
          objects: {},
        });
        assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.deepEqual(log.filter((l) => l.endsWith('].delete()')), []);
        assert.ok(log.includes('[Tổng hợp điểm (2)].getRange().clear("All")'), 'rewritten in place');
        assert.ok(log.includes('[Tổng hợp điểm (2)].name = "Tổng hợp điểm"'), 'renamed');
        assert.deepEqual(sheetNames(), ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
      });

      it('one whose cells cannot be cleared (protected, or a PivotTable on it) is deleted and added again, as before', async () => {
        const { r, log } = await rerun({
          objects: { 'Tổng hợp điểm': { tables: ['Bảng1'], charts: ['Biểu đồ 1'] }, 'Theo cơ quan': { protected: true }, 'Danh sách vấn đề': { pivots: ['PivotTable1'] } },
        });
        assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.deepEqual(log.filter((l) => l.endsWith('].delete()')), ['[Theo cơ quan].delete()', '[Danh sách vấn đề].delete()']);
        assert.deepEqual(log.filter((l) => l.startsWith('add ')), ['add "Theo cơ quan"', 'add "Danh sách vấn đề"']);
        assert.ok(!log.includes('[Theo cơ quan].getRange().clear("All")'), 'the protected sheet is not cleared');
        assert.ok(!log.includes('[Danh sách vấn đề].getRange().clear("All")'), 'the sheet with a PivotTable is not cleared');
        assert.ok(log.includes('[Tổng hợp điểm].getRange().clear("All")'), 'the other is rewritten in place');
      });

      it('one whose name differs only in case is renamed to the summary’s name; before ExcelApi 1.7 widths and panes are left as they are', async () => {
        const tops = await summaryTops();
        const { r, log, loads, sheetNames } = await rerun(
          {
            sheets: ['Phụ lục', 'TỔNG HỢP ĐIỂM'],
            state: { v: 1, summarySheets: ['TỔNG HỢP ĐIỂM'], marks: {} },
            tops: { 'TỔNG HỢP ĐIỂM': tops['Tổng hợp điểm']! },
            objects: {},
          },
          (_set, version) => Number(version.split('.')[1]) < 7,
        );
        assert.deepEqual(r.sheets, ['Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.ok(log.includes('[TỔNG HỢP ĐIỂM].getRange().clear("All")'), 'rewritten in place');
        assert.ok(log.includes('[TỔNG HỢP ĐIỂM].name = "Tổng hợp điểm"'), 'renamed');
        assert.deepEqual(sheetNames(), ['Phụ lục', 'Tổng hợp điểm', 'Theo cơ quan', 'Danh sách vấn đề']);
        assert.ok(!log.some((l) => l.includes('useStandardWidth') || l.includes('unfreeze') || l.includes('dataValidation')), 'no ExcelApi 1.7 or 1.8 call');
        assert.ok(!loads.some((l) => l.includes('shapes') || l.includes('autoFilter') || l.includes('slicers')), 'shapes, the filter (ExcelApi 1.9) and slicers (1.10) not read');
        assert.ok(log.includes('[TỔNG HỢP ĐIỂM].getRange().conditionalFormats.clearAll()'), 'conditional formats cleared (ExcelApi 1.6)');
      });
    });

    it('writes nothing when the sheet is not an appendix', async () => {
      const snap: SheetSnapshot = { name: 'Ghi chú', values: [['chỉ là ghi chú']], merges: [] };
      const { context, log, syncs } = fakeContext({ active: snap, sheets: ['Ghi chú'] });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'not-appendix');
      assert.equal(syncs(), 1);
      assert.deepEqual(log, []);
    });

    it('asks Excel only for the size of a used range claiming A1:XFD1048576, and refuses it with the engine’s message', async () => {
      const snap = await laoCaiWithMistakes();
      const { context, log, loads, syncs } = fakeContext({ active: snap, sheets: ['Phụ lục'], usedSize: { rows: 1_048_576, cols: 16_384 } });
      const r = await scoreAndSummarise(context, { lang: 'en', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'too-large');
      assert.match(r.message, /^Sheet "Phụ lục" is too large to check: 1048576 rows × 16384 columns \(at most 5000000 cells\)\. Delete stray cells/);
      assert.equal(syncs(), 1);
      assert.deepEqual(log, []);
      // Values and formulas only of the used cells within the first-sync window, never of the used range.
      const window = `[Phụ lục]!${blockAddress(1, 1, READ_WINDOW.rows, READ_WINDOW.cols)} used range`;
      assert.deepEqual(loads.filter((l) => l.includes('used range')), [
        '[Phụ lục] used range: rowIndex,columnIndex,rowCount,columnCount',
        `${window}: values,formulas,rowIndex,columnIndex`,
      ]);
    });

    it('reads values and formulas in the first sync, and never writes over a formula whose result is ""', async () => {
      const snap = await laoCaiWithMistakes();
      const { context, log, loads, syncs } = fakeContext({
        active: snap,
        sheets: ['Phụ lục'],
        formulas: [{ row: 7, col: 15, formula: '=IF(L7>C7,"vượt","")' }],
      });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: ALL, engine: realEngine });
      assert.equal(r.status, 'done', r.message);
      assert.equal(syncs(), 2);
      assert.ok(loads.some((l) => l.endsWith(': values,formulas,rowIndex,columnIndex')));
      const intoO = log.filter((l) => /^\[Phụ lục\]!O\d/.test(l) && !l.includes('conditionalFormats'));
      assert.deepEqual(intoO, [], 'a write into column O');
      assert.ok(log.some((l) => l.startsWith('[Phụ lục]!P6:Q6.values = [["parscore: kết quả kiểm tra","parscore: mã"]]')));
    });

    it('degrades on old Excel: no rules, freeze panes or settings without their API sets', async () => {
      const snap = await laoCaiWithMistakes();
      const { context, log, syncs } = fakeContext({ active: snap, sheets: ['Phụ lục'] });
      const r = await scoreAndSummarise(context, { lang: 'vi', supports: () => false, engine: realEngine });
      assert.equal(r.status, 'done', r.message);
      assert.equal(syncs(), 2);
      assert.ok(!log.some((l) => /conditionalFormats|freezePanes|settings\.add/.test(l)));
      assert.ok(log.some((l) => l.includes('.formulas = [["=HYPERLINK(')), 'links need no API set');
    });
  });

  describe('clearParscore over a fake Excel', () => {
    it('removes sheets, columns and rules parscore added, in three syncs', async () => {
      const snap = await laoCaiWithMistakes();
      setCell(snap, 6, 15, 'parscore: kết quả kiểm tra');
      setCell(snap, 6, 16, 'parscore: mã');
      const state: ParscoreState = {
        v: 1,
        summarySheets: ['Tổng hợp điểm'],
        marks: { 'Phụ lục': { headerRow: 6, statusHeader: 'parscore: kết quả kiểm tra', codesHeader: 'parscore: mã', statusCol: 15, codesCol: 16 } },
      };
      const { context, log, syncs } = fakeContext({
        active: snap,
        sheets: ['Phụ lục', 'Tổng hợp điểm'],
        state,
        others: { 'Phụ lục': snap },
        tops: await summaryTops(),
        cfs: [
          { type: 'Custom', formula: '=ISNUMBER(SEARCH("over-max@L",$P7))' },
          { type: 'Custom', formula: '=$L7>$E7' },
        ],
      });
      const r = await clearParscore(context, { lang: 'vi', supports: ALL });
      assert.equal(syncs(), 3);
      assert.deepEqual(r.sheetsRemoved, ['Tổng hợp điểm']);
      assert.equal(r.columnsCleared, 2);
      assert.equal(r.rulesRemoved, 1);
      assert.ok(log.includes('[Tổng hợp điểm].delete()'));
      assert.ok(log.some((l) => l.startsWith(`settings.add ${STATE_KEY} {"v":1,"summarySheets":[],"marks":{}}`)));
    });

    it('keeps a sheet the state lists as parscore’s when the officer has since made their own of that name; removes one the CLI wrote', async () => {
      const snap = await laoCaiWithMistakes();
      const tops = await summaryTops();
      const { context, log } = fakeContext({
        active: snap,
        sheets: ['Phụ lục', 'Tổng hợp điểm', 'Danh sách vấn đề', 'Danh sách vấn đề (2)'],
        // The state remembers "Tổng hợp điểm"; the officer deleted it and made their own. The CLI
        // wrote "Danh sách vấn đề (2)" beside the officer's "Danh sách vấn đề".
        state: { v: 1, summarySheets: ['Tổng hợp điểm'], marks: {} },
        tops: {
          'Tổng hợp điểm': [['Bảng của phòng'], [], ['Mã', 'Lĩnh vực / Chỉ số']],
          'Danh sách vấn đề': [['Việc cần làm']],
          'Danh sách vấn đề (2)': tops['Danh sách vấn đề']!,
        },
        // The CLI's record of the sheet it wrote (a defined name to its A1).
        names: [{ name: 'parscore_summary_findings', value: "'Danh sách vấn đề (2)'!$A$1" }, { name: 'Vùng_in', value: 'Sheet1!$A$1:$B$2' }],
      });
      const r = await clearParscore(context, { lang: 'vi', supports: ALL });
      assert.deepEqual(r.sheetsRemoved, ['Danh sách vấn đề (2)']);
      assert.ok(!log.includes('[Tổng hợp điểm].delete()'));
      assert.deepEqual(log.filter((l) => l.startsWith('name ')), ['name parscore_summary_findings.delete()']);
    });
  });
});
