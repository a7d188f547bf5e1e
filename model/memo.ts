// A bounded memo for pure answers by key, with two generations instead of one map cleared when
// full: a lookup that hits the older generation moves the entry to the newer one, and when the
// newer one is full the older one is dropped. A working set up to `limit` never thrashes (a
// single map cleared at the limit would re-parse everything on each pass over a larger sheet).
// get/set rather than get-or-make: no closure allocated per lookup on the hot paths.
// What it holds stays in memory for the life of the process or the add-in: it is used for what
// is small and recurs across sheets (criterion names and their framework matches), never for
// per-row texts. MEMO_LIMIT per generation is far more names than any plan has.
export const MEMO_LIMIT = 50_000;

/** outer's map for `key`, made empty on first use: the inner level of a two-key lookup. */
export function innerMap<K, K2, V>(outer: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let inner = outer.get(key);
  if (!inner) outer.set(key, (inner = new Map()));
  return inner;
}
export class Memo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: K, value: V): V {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
    return value;
  }
}
