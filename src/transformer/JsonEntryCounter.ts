import { ModelError } from "./ModelError.js";

/**
 * What a JSON document may hold, counted before it is parsed: how deep its lists and objects nest, how many
 * entries (list items, object members) each container holds, by its path, and how many all the containers
 * at a path hold together. A path names where a container sits: "" the top level, `layers` the value of the
 * top-level key "layers", `layers[]` the items of that list, `layers[].heads` their "heads" lists.
 */
export interface JsonEntryLimits {
  readonly depth: number;
  /** The most entries of one container at `path`. */
  readonly entries: (path: string) => number;
  /** The most entries of all the containers at a path together, for the paths listed. */
  readonly totals?: ReadonlyMap<string, number>;
}

/** An open list or object. */
interface Open {
  readonly path: string;
  readonly max: number;
  entries: number;
  readonly object: boolean;
  /** A list: whether its current item has begun. An object: whether its next member's key is due. */
  pending: boolean;
  /** An object: the key of the member being read ("…" for one too long to matter). */
  key: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const KEY_BYTES = 64;
const utf8 = new TextDecoder();

/**
 * Counts the entries of a JSON document's containers as its bytes stream in (feed, chunk by chunk) and
 * refuses the first path past its limit, or a container nested past the depth limit, with a ModelError
 * naming `file` — before JSON.parse would materialise a million objects (a 43 MB config.json of 10^6
 * layers took 2.8 s CPU and 347 MB before its error; refused at its 4,097th layer, it costs one chunk).
 *
 * It reads structure only, one pass without allocation per byte: bytes inside strings are skipped (in
 * UTF-8 every byte of a multi-byte character is ≥ 0x80, never a quote or a backslash), object keys are kept
 * up to 64 bytes. It does not validate: JSON.parse does that afterwards, and the counts of malformed JSON
 * are those of the brackets, commas and keys it holds.
 */
export class JsonEntryCounter {
  private readonly open: Open[] = [];
  private readonly totals = new Map<string, number>();
  private inString = false;
  private escaped = false;
  /** The bytes of the key being read, or null inside a string that is not a key. */
  private keyBytes: number[] | null = null;

  constructor(
    private readonly limits: JsonEntryLimits,
    private readonly file: string,
  ) {}

  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (this.inString) {
        if (b === QUOTE && !this.escaped) {
          this.inString = false;
          if (this.keyBytes !== null) this.open[this.open.length - 1].key = decodeKey(this.keyBytes);
        } else {
          this.escaped = !this.escaped && b === BACKSLASH;
          if (this.keyBytes !== null && this.keyBytes.length <= KEY_BYTES) this.keyBytes.push(b);
        }
        continue;
      }
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x3a) continue; // white space, ':'
      const top = this.open.at(-1);
      if (b === 0x2c) {
        if (top) top.pending = top.object; // ',': an object's next key is due; a list's next item has not begun
        continue;
      }
      if (b === 0x5d || b === 0x7d) {
        this.open.pop(); // ']' or '}'
        continue;
      }
      // A key, or the first byte of a value.
      if (top?.object && top.pending) {
        top.pending = false;
        this.count(top);
        if (b === QUOTE) this.startString([]);
        continue;
      }
      if (top && !top.object && !top.pending) {
        top.pending = true;
        this.count(top);
      }
      if (b === QUOTE) this.startString(null);
      else if (b === 0x5b || b === 0x7b) this.push(top === undefined ? "" : top.object ? (top.path === "" ? top.key : `${top.path}.${top.key}`) : `${top.path}[]`, b === 0x7b);
    }
  }

  private startString(keyBytes: number[] | null): void {
    this.inString = true;
    this.escaped = false;
    this.keyBytes = keyBytes;
  }

  private push(path: string, object: boolean): void {
    if (this.open.length >= this.limits.depth) throw new ModelError("corrupt", this.file, `nests lists and objects more than ${this.limits.depth} deep (at ${describe(path)}; docs/semantics.md, "Limits")`);
    this.open.push({ path, max: this.limits.entries(path), entries: 0, object, pending: object, key: "…" });
  }

  private count(container: Open): void {
    const { path } = container;
    if (++container.entries > container.max) this.refuse(path, container.max, "");
    const max = this.limits.totals?.get(path);
    if (max === undefined) return;
    const n = (this.totals.get(path) ?? 0) + 1;
    this.totals.set(path, n);
    if (n > max) this.refuse(path, max, ", all together,");
  }

  private refuse(path: string, max: number, all: string): never {
    throw new ModelError("corrupt", this.file, `${describe(path)}${all} has more entries than the limit of ${max} (counted before parsing; docs/semantics.md, "Limits")`);
  }
}

function describe(path: string): string {
  return path === "" ? "the top level" : path;
}

/** A key's text (its escapes resolved), or "…" for one longer than KEY_BYTES or not valid. */
function decodeKey(bytes: readonly number[]): string {
  if (bytes.length > KEY_BYTES) return "…";
  const text = utf8.decode(Uint8Array.from(bytes));
  if (!bytes.includes(BACKSLASH)) return text;
  try {
    const key: unknown = JSON.parse(`"${text}"`);
    return typeof key === "string" ? key : "…";
  } catch {
    return "…";
  }
}
