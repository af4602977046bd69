import fc from "fast-check";
import type { PositionFeature } from "./positionFeature.js";

const quotient = { offset: fc.integer({ min: -3, max: 3 }), divisor: fc.integer({ min: 1, max: 4 }), modulus: fc.option(fc.integer({ min: 1, max: 5 })) };

/** Any feature of the position menu, with small parameters (for property tests and the proofs' generated programs). */
export const arbitraryPositionFeature: fc.Arbitrary<PositionFeature> = fc.oneof(
  fc.record({ kind: fc.constant("index" as const), ...quotient, power: fc.constantFrom(1 as const, 2 as const) }),
  fc.record({ kind: fc.constant("bit" as const), ...quotient, bit: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("length" as const), power: fc.constantFrom(1 as const, 2 as const) }),
  fc.constant({ kind: "one" as const }),
);
