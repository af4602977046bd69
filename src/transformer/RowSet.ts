import { widened } from "./widened.js";

/** A set of positions 0..n−1 with O(1) insert and membership, listed in increasing order on demand. */
export class RowSet {
  private mark: Uint8Array;
  private items: Int32Array;
  private size = 0;

  constructor(public n: number) {
    this.mark = new Uint8Array(n);
    this.items = new Int32Array(n);
  }

  /** Admits positions 0..to − 1 (every member must be below to); the arrays widen to twice their size when full. */
  resize(to: number): void {
    if (to > this.mark.length) {
      const c = Math.max(to, 2 * this.mark.length);
      this.mark = widened(this.mark, c);
      this.items = widened(this.items, c);
    }
    this.n = to;
  }

  has(i: number): boolean {
    return this.mark[i] === 1;
  }

  add(i: number): void {
    if (this.mark[i]) return;
    this.mark[i] = 1;
    this.items[this.size++] = i;
  }

  get length(): number {
    return this.size;
  }

  /** The members in the order they were added (a view, valid until the set changes). */
  members(): Int32Array {
    return this.items.subarray(0, this.size);
  }

  /** The members in increasing order (a view, valid until the set changes). */
  sorted(): Int32Array {
    const list = this.items.subarray(0, this.size);
    list.sort();
    return list;
  }

  clear(): void {
    for (let r = 0; r < this.size; r++) this.mark[this.items[r]] = 0;
    this.size = 0;
  }

  fill(): void {
    this.clear();
    for (let i = 0; i < this.n; i++) this.add(i);
  }
}
