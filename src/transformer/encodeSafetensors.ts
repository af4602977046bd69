/** A named F64 tensor: its shape and its row-major entries. */
export interface NamedTensor {
  readonly name: string;
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

/**
 * The standard safetensors layout: an 8-byte little-endian header length H, H bytes of JSON header
 * (`__metadata__` first, then per tensor {dtype: "F64", shape, data_offsets: [begin, end]} with offsets
 * relative to the data section), padded with spaces so that the data starts at a multiple of 8, then the
 * tensors' little-endian float64 entries packed contiguously in the given order.
 */
export function encodeSafetensors(tensors: readonly NamedTensor[], metadata: Readonly<Record<string, string>>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== count) throw new Error(`encodeSafetensors: tensor ${t.name} has ${t.data.length} entries, its shape [${t.shape}] needs ${count}`);
    header[t.name] = { dtype: "F64", shape: t.shape, data_offsets: [offset, offset + 8 * count] };
    offset += 8 * count;
  }
  let json = JSON.stringify(header);
  const unpadded = new TextEncoder().encode(json).length;
  json += " ".repeat((8 - ((8 + unpadded) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const bytes = new Uint8Array(8 + headerBytes.length + offset);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, BigInt(headerBytes.length), true);
  bytes.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of tensors) {
    for (let e = 0; e < t.data.length; e++, at += 8) view.setFloat64(at, t.data[e], true);
  }
  return bytes;
}
