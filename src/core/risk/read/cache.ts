// A small cache with a fixed number of entries (least recently used goes
// first). The reader compiles patterns per jurisdiction name and per defined
// term; a batch over every municipality must not keep them all, so no cache
// here grows with the number of drafts read.
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(readonly max: number) {}

  get size(): number {
    return this.map.size;
  }

  /** The value for key, made by make() and remembered when absent. */
  private lastKey: K | undefined;
  private lastValue: V | undefined;

  get(key: K, make: () => V): V {
    // The same key as last time (a draft reads one jurisdiction): no reordering needed.
    if (this.lastValue !== undefined && key === this.lastKey) return this.lastValue;
    const v = this.lookup(key, make);
    this.lastKey = key;
    this.lastValue = v;
    return v;
  }

  private lookup(key: K, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      // Re-insert: Map keeps insertion order, so the oldest entry is first.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const v = make();
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return v;
  }
}
