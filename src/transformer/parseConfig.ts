import { ModelError } from "./ModelError.js";
import { MODEL_LIMITS } from "./modelLimits.js";
import type { PositionFeature } from "./positionFeature.js";
import type { AttentionKind, HeadConfig, LayerConfig, TransformerConfig } from "./transformerConfig.js";

type Json = Record<string, unknown>;

/**
 * A TransformerConfig from parsed config.json, every field type-checked: exactly the documented keys
 * (docs/model-format.md), integers where counts are meant, a mask token inside the vocabulary, every list
 * and size within MODEL_LIMITS (a list's length is checked before its entries are read). Anything
 * else is a ModelError naming `file`, the field's path and the value found.
 */
export function parseConfig(json: unknown, file: string): TransformerConfig {
  const fail = (path: string, want: string, got: unknown): never => {
    throw new ModelError("corrupt", file, `${path} must be ${want}, got ${preview(got)}`);
  };
  const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
  const kindOf = (value: unknown, path: string): unknown => (isObject(value) ? value.kind : fail(path, "an object", value));
  const object = (value: unknown, path: string, keys: readonly string[]): Json => {
    if (!isObject(value)) return fail(path, "an object", value);
    const have = Object.keys(value);
    const unknown = have.find((k) => !keys.includes(k));
    if (unknown !== undefined) throw new ModelError("corrupt", file, `${path} has an unknown field "${unknown}"`);
    const missing = keys.find((k) => !have.includes(k));
    if (missing !== undefined) throw new ModelError("corrupt", file, `${path} lacks the field "${missing}"`);
    return value as Json;
  };
  /** A list, its length checked before any entry is parsed. */
  const array = (value: unknown, path: string, max: number): unknown[] => {
    if (!Array.isArray(value)) return fail(path, "an array", value);
    if (value.length > max) throw new ModelError("corrupt", file, `${path} has ${value.length} entries, more than the limit of ${max} (docs/semantics.md, "Limits")`);
    return value;
  };
  const integer = (value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) return fail(path, `an integer ≥ ${min}`, value);
    return value <= max ? value : fail(path, `at most ${max} (docs/semantics.md, "Limits")`, value);
  };
  const boolean = (value: unknown, path: string): boolean => (typeof value === "boolean" ? value : fail(path, "true or false", value));
  const power = (value: unknown, path: string): 1 | 2 => (value === 1 || value === 2 ? value : fail(path, "1 or 2", value));

  const quotient = (f: Json, path: string) => ({
    offset: integer(f.offset, `${path}.offset`, Number.MIN_SAFE_INTEGER),
    divisor: integer(f.divisor, `${path}.divisor`, 1),
    modulus: f.modulus === null ? null : integer(f.modulus, `${path}.modulus`, 1),
  });
  const positionFeature = (value: unknown, path: string): PositionFeature => {
    const kind = kindOf(value, path);
    switch (kind) {
      case "index": {
        const f = object(value, path, ["kind", "offset", "divisor", "modulus", "power"]);
        return { kind, ...quotient(f, path), power: power(f.power, `${path}.power`) };
      }
      case "bit": {
        const f = object(value, path, ["kind", "offset", "divisor", "modulus", "bit"]);
        const bit = integer(f.bit, `${path}.bit`, 0);
        return { kind, ...quotient(f, path), bit: bit <= 52 ? bit : fail(`${path}.bit`, "at most 52", bit) };
      }
      case "length":
        return { kind, power: power(object(value, path, ["kind", "power"]).power, `${path}.power`) };
      case "one":
        object(value, path, ["kind"]);
        return { kind };
      default:
        return fail(`${path}.kind`, `"index", "bit", "length" or "one"`, kind);
    }
  };
  const head = (value: unknown, path: string): HeadConfig => {
    const h = object(value, path, ["dQK", "dV"]);
    return { dQK: integer(h.dQK, `${path}.dQK`, 0, MODEL_LIMITS.innerWidth), dV: integer(h.dV, `${path}.dV`, 0, MODEL_LIMITS.innerWidth) };
  };
  let headsLeft: number = MODEL_LIMITS.heads;
  const layer = (value: unknown, path: string): LayerConfig => {
    const l = object(value, path, ["heads", "mlpHidden"]);
    const heads = array(l.heads, `${path}.heads`, MODEL_LIMITS.heads);
    headsLeft -= heads.length;
    if (headsLeft < 0) throw new ModelError("corrupt", file, `${path}.heads takes the heads over all layers past the limit of ${MODEL_LIMITS.heads} (docs/semantics.md, "Limits")`);
    return { heads: heads.map((h, k) => head(h, `${path}.heads[${k}]`)), mlpHidden: integer(l.mlpHidden, `${path}.mlpHidden`, 0, MODEL_LIMITS.innerWidth) };
  };
  const attention = (value: unknown, path: string): AttentionKind => {
    const kind = kindOf(value, path);
    if (kind === "average-hard") return (object(value, path, ["kind"]), { kind });
    if (kind !== "softmax") return fail(`${path}.kind`, `"average-hard" or "softmax"`, kind);
    const beta = object(value, path, ["kind", "beta"]).beta;
    return { kind, beta: typeof beta === "number" && Number.isFinite(beta) && beta >= 0 ? beta : fail(`${path}.beta`, "a finite number ≥ 0", beta) };
  };

  const c = object(json, "config", ["vocab", "maskToken", "dModel", "positionFeatures", "layers", "attention", "causal", "control"]);
  const vocab = array(c.vocab, "vocab", MODEL_LIMITS.vocab).map((t, k) => (typeof t === "string" ? t : fail(`vocab[${k}]`, "a string", t)));
  if (vocab.length === 0) fail("vocab", "a non-empty list of token names", vocab);
  const maskToken = integer(c.maskToken, "maskToken", 0);
  if (maskToken >= vocab.length) fail("maskToken", `a token id below ${vocab.length}`, maskToken);
  return {
    vocab,
    maskToken,
    dModel: integer(c.dModel, "dModel", 1, MODEL_LIMITS.dModel),
    positionFeatures: array(c.positionFeatures, "positionFeatures", MODEL_LIMITS.positionFeatures).map((f, k) => positionFeature(f, `positionFeatures[${k}]`)),
    layers: array(c.layers, "layers", MODEL_LIMITS.layers).map((l, k) => layer(l, `layers[${k}]`)),
    attention: attention(c.attention, "attention"),
    causal: boolean(c.causal, "causal"),
    control: boolean(c.control, "control"),
  };
}

/** A value as the error message shows it: JSON, cut to 40 characters. */
function preview(value: unknown): string {
  const text = value === undefined ? "nothing" : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
