import type { NamedTensor } from "./encodeSafetensors.js";
import { JsonEntryCounter, type JsonEntryLimits } from "./JsonEntryCounter.js";
import { ModelError } from "./ModelError.js";
import { MODEL_LIMITS } from "./modelLimits.js";

export interface Safetensors {
  /** In data order. */
  readonly tensors: readonly NamedTensor[];
  readonly metadata: Readonly<Record<string, string>>;
}

interface Entry {
  readonly name: string;
  readonly shape: number[];
  readonly begin: number;
  readonly end: number;
}

/**
 * Reads a safetensors file strictly (see encodeSafetensors): the header length must fit the file, the
 * header must be UTF-8 JSON of an object whose entries are `__metadata__` (string values) or tensors with
 * exactly dtype "F64", a shape of non-negative integers and data_offsets [begin, end] with end − begin =
 * 8 × (product of the shape); the tensors must tile the data section exactly: no gap, no overlap, no
 * trailing bytes. The header's entries are counted against `limits` before it is parsed (decodeModel allows
 * one per tensor its config implies). Anything else is a ModelError naming `file` and why.
 */
export function decodeSafetensors(bytes: Uint8Array, file: string, limits: JsonEntryLimits = { depth: 8, entries: () => Infinity }): Safetensors {
  const corrupt = (why: string) => new ModelError("corrupt", file, why);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataLength = safetensorsDataBytes(bytes, file);
  const dataStart = bytes.length - dataLength;
  new JsonEntryCounter(limits, file).feed(bytes.subarray(8, dataStart));
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, dataStart));
  } catch {
    throw corrupt("header is not valid UTF-8");
  }
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch (e) {
    throw corrupt(`header is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isObject(header)) throw corrupt("header is not a JSON object");
  let metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === "__metadata__") metadata = readMetadata(value, corrupt);
    else entries.push(readEntry(name, value, dataLength, corrupt));
  }
  entries.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const e of entries) {
    if (e.begin < at) throw corrupt(`tensor ${e.name} (bytes ${e.begin}..${e.end}) overlaps the tensor before it (which ends at ${at})`);
    if (e.begin > at) throw corrupt(`${e.begin - at} unused bytes before tensor ${e.name}`);
    at = e.end;
  }
  if (at < dataLength) throw corrupt(`${dataLength - at} trailing bytes after the last tensor`);
  const tensors = entries.map(({ name, shape, begin, end }) => {
    const data = new Float64Array((end - begin) / 8);
    for (let k = 0; k < data.length; k++) data[k] = view.getFloat64(dataStart + begin + 8 * k, true);
    return { name, shape, data };
  });
  return { tensors, metadata };
}

/**
 * The byte length of the data section, from the 8-byte header length alone (nothing is decoded): the
 * header length must fit the file and stay within MODEL_LIMITS.safetensorsHeaderBytes.
 */
function safetensorsDataBytes(bytes: Uint8Array, file: string): number {
  const corrupt = (why: string) => new ModelError("corrupt", file, why);
  if (bytes.length < 8) throw corrupt(`${bytes.length} bytes is too short for the 8-byte header length`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true);
  if (headerLength > BigInt(bytes.length - 8)) throw corrupt(`header length ${headerLength} exceeds the ${bytes.length - 8} bytes after it`);
  const limit = MODEL_LIMITS.safetensorsHeaderBytes;
  if (headerLength > BigInt(limit)) throw corrupt(`header length ${headerLength} exceeds the limit of ${limit} bytes (docs/semantics.md, "Limits")`);
  return bytes.length - 8 - Number(headerLength);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readMetadata(value: unknown, corrupt: (why: string) => ModelError): Record<string, string> {
  if (!isObject(value)) throw corrupt("__metadata__ is not an object");
  for (const [k, v] of Object.entries(value)) if (typeof v !== "string") throw corrupt(`__metadata__.${k} is not a string`);
  return value as Record<string, string>;
}

function readEntry(name: string, value: unknown, dataLength: number, corrupt: (why: string) => ModelError): Entry {
  if (!isObject(value)) throw corrupt(`tensor ${name} is not an object`);
  const keys = Object.keys(value).sort().join(",");
  if (keys !== "data_offsets,dtype,shape") throw corrupt(`tensor ${name} has keys {${keys}}, expected {data_offsets, dtype, shape}`);
  if (value.dtype !== "F64") throw corrupt(`tensor ${name} has dtype ${JSON.stringify(value.dtype)}; only F64 is supported`);
  const shape = value.shape;
  if (!Array.isArray(shape) || !shape.every(isCount)) throw corrupt(`tensor ${name} has shape ${JSON.stringify(shape)}, not a list of non-negative integers`);
  const offsets = value.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount) || offsets[0] > offsets[1]) {
    throw corrupt(`tensor ${name} has data_offsets ${JSON.stringify(offsets)}, not [begin, end] with 0 ≤ begin ≤ end`);
  }
  const [begin, end] = offsets as number[];
  if (end > dataLength) throw corrupt(`tensor ${name} ends at byte ${end}, beyond the ${dataLength} bytes of data`);
  let bytes = 8;
  for (const s of shape as number[]) bytes *= s;
  if (end - begin !== bytes) throw corrupt(`tensor ${name} has ${end - begin} bytes but shape [${shape}] of F64 needs ${bytes}`);
  return { name, shape: shape as number[], begin, end };
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}
