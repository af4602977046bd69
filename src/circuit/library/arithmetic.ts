import type { CircuitBuilder, Wire } from "../buildCircuit.js";

/** A number as wires, least significant bit first. */
export type Bits = readonly Wire[];

/** x + y by a ripple-carry adder (half adders where a carry or a bit is missing): max(|x|, |y|) + 1 bits. */
export function addBits(b: CircuitBuilder, x: Bits, y: Bits): Bits {
  const out: Wire[] = [];
  let carry: Wire | null = null;
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const terms = [x[i], y[i], carry].filter((w): w is Wire => w !== undefined && w !== null);
    if (terms.length === 1) {
      out.push(terms[0]);
      carry = null;
    } else if (terms.length === 2) {
      out.push(b.xor(terms[0], terms[1]));
      carry = b.and(terms[0], terms[1]);
    } else {
      out.push(b.xor(b.xor(terms[0], terms[1]), terms[2]));
      carry = b.maj(terms[0], terms[1], terms[2]);
    }
  }
  if (carry !== null) out.push(carry);
  return out;
}

/** The number of ones among the wires, by a balanced tree of adders. */
export function countBits(b: CircuitBuilder, wires: readonly Wire[]): Bits {
  let numbers: Bits[] = wires.map((w) => [w]);
  while (numbers.length > 1) {
    const next: Bits[] = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) next.push(addBits(b, numbers[i], numbers[i + 1]));
    if (numbers.length % 2 === 1) next.push(numbers[numbers.length - 1]);
    numbers = next;
  }
  return numbers[0];
}

/** [x ≥ t] for a constant t ≥ 0, from the least significant bit up: ge_i = t_i ? x_i ∧ ge_{i−1} : x_i ∨ ge_{i−1}. */
export function atLeast(b: CircuitBuilder, x: Bits, t: number): Wire {
  if (t >= 2 ** x.length) return b.constant(0);
  let ge: Wire = b.constant(1);
  x.forEach((xi, i) => {
    ge = (t >> i) & 1 ? b.and(xi, ge) : b.or(xi, ge);
  });
  return ge;
}

/** A balanced tree of one binary gate over the wires (the wire itself when there is one). */
export function reduceTree(wires: readonly Wire[], op: (a: Wire, b: Wire) => Wire): Wire {
  let level = [...wires];
  while (level.length > 1) {
    const next: Wire[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(op(level[i], level[i + 1]));
    if (level.length % 2 === 1) next.push(level[level.length - 1]);
    level = next;
  }
  return level[0];
}
