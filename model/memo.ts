// A bounded memo for pure answers by key, with two generations instead of one map cleared when
// full: a lookup that hits the older generation moves the entry to the newer one, and when the
// newer one is full the older one is dropped. A working set up to `limit` never thrashes (a
// single map cleared at the limit would re-parse everything on each pass over a larger sheet).
export class Memo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K, make: () => V): V {
    let v = this.young.get(key);
    if (v !== undefined) return v;
    v = this.old.get(key);
    if (v === undefined) v = make();
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
    return v;
  }
}
