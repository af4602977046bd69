import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeSafetensors } from "../../src/transformer/decodeSafetensors.js";
import { encodeSafetensors } from "../../src/transformer/encodeSafetensors.js";

// Written by the reference implementation (Python safetensors 0.8.0, safetensors.numpy.save_file):
// {"b": arange(6).reshape(2, 3), "a": [1.5], "z": zeros((0, 4))} as float64, metadata {"k": "v"}.
const fixture = readFileSync(new URL("./fixtures/python.safetensors", import.meta.url));
const tensors = [
  { name: "a", shape: [1], data: Float64Array.from([1.5]) },
  { name: "b", shape: [2, 3], data: Float64Array.from([0, 1, 2, 3, 4, 5]) },
  { name: "z", shape: [0, 4], data: new Float64Array(0) },
];

describe("safetensors", () => {
  it("reads a file written by the reference implementation", () => {
    expect(decodeSafetensors(fixture, "python.safetensors")).toEqual({ tensors, metadata: { k: "v" } });
  });

  it("writes the same bytes as the reference implementation", () => {
    expect(Buffer.from(encodeSafetensors(tensors, { k: "v" })).equals(fixture)).toBe(true);
  });

  const corrupt = (edit: (header: Record<string, any>) => void, data = 56): Uint8Array => {
    const header = JSON.parse(fixture.subarray(8, 8 + Number(fixture.readBigUInt64LE(0))).toString());
    edit(header);
    const json = Buffer.from(JSON.stringify(header));
    const out = Buffer.alloc(8 + json.length + data);
    out.writeBigUInt64LE(BigInt(json.length));
    json.copy(out, 8);
    return out;
  };
  it.each([
    ["too short", Uint8Array.from([1, 0, 0]), /3 bytes is too short/],
    ["header length beyond the file", Uint8Array.from([200, 0, 0, 0, 0, 0, 0, 0, 123, 125]), /header length 200 exceeds the 2 bytes/],
    ["header not JSON", Uint8Array.from([2, 0, 0, 0, 0, 0, 0, 0, 123, 123]), /not valid JSON/],
    ["header not UTF-8", Uint8Array.from([2, 0, 0, 0, 0, 0, 0, 0, 0xc3, 0x28]), /not valid UTF-8/],
    ["header an array", Uint8Array.from([2, 0, 0, 0, 0, 0, 0, 0, 91, 93]), /not a JSON object/],
    ["dtype", corrupt((h) => (h.a.dtype = "F32")), /tensor a has dtype "F32"; only F64/],
    ["shape vs bytes", corrupt((h) => (h.b.shape = [3, 3])), /tensor b has 48 bytes but shape \[3,3\] of F64 needs 72/],
    ["negative shape", corrupt((h) => (h.b.shape = [-2, -3])), /not a list of non-negative integers/],
    ["extra key", corrupt((h) => (h.a.extra = 1)), /tensor a has keys/],
    ["offsets reversed", corrupt((h) => (h.a.data_offsets = [8, 0])), /not \[begin, end\]/],
    ["offset beyond the data", corrupt((h) => (h.b.data_offsets = [16, 64])), /ends at byte 64, beyond the 56 bytes/],
    ["overlap", corrupt((h) => ((h.a.data_offsets = [8, 16]), (h.b.data_offsets = [0, 48]), (h.z.data_offsets = [56, 56])), 56), /overlaps/],
    ["gap", corrupt((h) => (h.b.data_offsets = [16, 64]), 64), /8 unused bytes before tensor b/],
    ["trailing bytes", corrupt(() => undefined, 64), /8 trailing bytes after the last tensor/],
    ["metadata value", corrupt((h) => (h.__metadata__ = { k: 1 })), /__metadata__.k is not a string/],
  ])("rejects %s", (_, bytes, message) => {
    expect(() => decodeSafetensors(bytes, "f.safetensors")).toThrow(expect.objectContaining({ code: "model/corrupt", message: expect.stringMatching(message) }));
  });
});
