// A fake Excel.RequestContext for counting context.sync() round trips, after the one in
// test/office-adapter.test.ts: loaded properties are readable only after the next sync (a read
// before it throws, as in Office.js), every write is swallowed and counted (with the bytes of its
// JSON payload), so the command under test cannot cheat with reads it did not sync for.
import type { SheetSnapshot } from '../model';
import { blockAddress } from '../addin/office/a1';

export interface FakeStats {
  syncs: number;
  writes: number;
  calls: number;
  payloadBytes: number;
  /** Bytes queued between syncs, per batch (largest first is what the web limit cares about). */
  batches: number[];
  /** Worksheets added (a re-run over parscore's own summaries adds none: they are rewritten in place). */
  sheetsAdded: number;
}

export interface FakeWorkbook {
  active: SheetSnapshot;
  sheets: string[];
  /**
   * parscore's summary sheets of an earlier run, by name: their first rows (A1:N3, what tells them
   * from an officer's sheet) and the serialised state recording them. A re-run rewrites them in place.
   */
  summaries?: { tops: Record<string, unknown[][]>; state: string };
}

/** Office hands values back as a full rectangle with "" for empty cells. */
export function officeValues(s: SheetSnapshot): unknown[][] {
  let width = 0;
  for (const r of s.values) if (r.length > width) width = r.length;
  return s.values.map((r) => {
    const out = new Array<unknown>(width);
    for (let j = 0; j < width; j++) {
      const v = r[j];
      out[j] = v === null || v === undefined ? '' : v instanceof Date ? v.getTime() / 86400000 + 25569 : v;
    }
    return out;
  });
}

export function fakeContext(book: FakeWorkbook): { context: Excel.RequestContext; stats: FakeStats } {
  const stats: FakeStats = { syncs: 0, writes: 0, calls: 0, payloadBytes: 0, batches: [], sheetsAdded: 0 };
  let batch = 0;
  const count = (value: unknown) => {
    let bytes = 16;
    try {
      bytes += Buffer.byteLength(JSON.stringify(value) ?? '');
    } catch {
      // not serialisable: a proxy handed back to a setter
    }
    stats.payloadBytes += bytes;
    batch += bytes;
  };

  /** Swallows any chain of gets, sets and calls. */
  const sink = (): any =>
    new Proxy(function () {}, {
      get: (_t, prop) => (prop === 'then' ? undefined : sink()),
      set: (_t, _prop, value) => {
        stats.writes++;
        count(value);
        return true;
      },
      apply: (_t, _this, args) => {
        stats.calls++;
        count(args);
        return sink();
      },
    });

  /** An object whose props throw until the next sync after load(). */
  const lazy = <T extends object>(props: T, extra: object = {}) => {
    let loadedAt = -1;
    const obj: any = { ...extra, load: () => ((loadedAt = stats.syncs), obj) };
    for (const [k, v] of Object.entries(props)) {
      Object.defineProperty(obj, k, {
        get: () => {
          if (loadedAt < 0 || stats.syncs <= loadedAt) throw new Error(`read of ${k} before load + sync`);
          return v;
        },
      });
    }
    return obj;
  };

  const s = book.active;
  const values = officeValues(s);
  const used = lazy({
    isNullObject: values.length === 0,
    values,
    formulas: values,
    rowIndex: (s.origin?.row ?? 1) - 1,
    columnIndex: (s.origin?.col ?? 1) - 1,
    rowCount: values.length,
    columnCount: values[0]?.length ?? 0,
    address: `'${s.name}'!A1`,
  });
  const merged = lazy({
    isNullObject: s.merges.length === 0,
    address: s.merges.map((m) => `'${s.name}'!${blockAddress(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1)}`).join(', '),
  });
  const cfs = lazy({ items: [] });
  // Cell notes (ExcelApi 1.18): none of the officer's, so no extra read; adds are counted.
  const notes = lazy(
    { items: [] },
    {
      add: (...args: unknown[]) => {
        stats.calls++;
        count(args);
      },
    },
  );
  const comments = lazy({ items: [] });
  const activeSheet = new Proxy(sink(), {
    get: (t, prop) => {
      if (prop === 'name') return s.name;
      if (prop === 'load') return () => undefined;
      if (prop === 'notes') return notes;
      if (prop === 'comments') return comments;
      if (prop === 'getUsedRangeOrNullObject' || prop === 'getUsedRange') return () => used;
      if (prop === 'getRange')
        return (addr?: string) =>
          addr === undefined
            ? { getMergedAreasOrNullObject: () => merged, conditionalFormats: cfs }
            : // Any other range swallows writes; the first-sync read window (addin/office/snapshot.ts)
              // reports the used range (a sheet that does not fit in it is read again, as in Excel).
              new Proxy(sink(), { get: (t, p) => (p === 'getUsedRangeOrNullObject' ? () => used : t[p]) });
      return t[prop];
    },
  });
  // A summary sheet of an earlier run: its top rows, one table (and chart), no protection, PivotTable, shape, filter or slicer.
  const summarySheet = (name: string) => {
    const top = book.summaries?.tops[name];
    if (!top) return sink();
    const item = () => ({ name: 'Table1', delete: sink(), clearFilters: sink(), convertToRange: sink() });
    const parts: Record<string, unknown> = {
      tables: lazy({ items: [item()] }, { add: sink() }),
      charts: lazy({ items: [item()] }, { add: sink() }),
      protection: lazy({ protected: false }),
      pivotTables: lazy({ items: [] }),
      shapes: lazy({ items: [] }),
      autoFilter: lazy({ enabled: false }),
      slicers: lazy({ items: [] }),
    };
    return new Proxy(sink(), {
      get: (t, prop) => {
        if (typeof prop === 'string' && prop in parts) return parts[prop];
        if (prop === 'getRange') return (addr?: string) => (addr === 'A1:N3' ? lazy({ values: top }) : sink());
        return t[prop];
      },
    });
  };
  const sheets = lazy(
    { items: book.sheets.map((name) => ({ name })) },
    {
      getActiveWorksheet: () => activeSheet,
      getItem: (name: string) => summarySheet(name),
      add: (name: string) => {
        stats.calls++;
        stats.sheetsAdded++;
        count(name);
        return sink();
      },
    },
  );
  const setting = lazy({ isNullObject: !book.summaries, value: book.summaries?.state });
  const context = {
    workbook: {
      worksheets: sheets,
      names: lazy({ items: [] }),
      settings: {
        getItemOrNullObject: () => setting,
        add: (key: string, value: string) => {
          stats.calls++;
          count([key, value]);
        },
      },
    },
    sync: async () => {
      stats.syncs++;
      stats.batches.push(batch);
      batch = 0;
    },
  };
  return { context: context as unknown as Excel.RequestContext, stats };
}
