/**
 * A straight-line writer of `.pram` code that keeps, beside the text, the worst-case number of steps the
 * code can take: every helper returns the most instructions one pass through what it emitted executes
 * (a branch counts its longer arm, a loop its count times its body). The sum is the program's declared
 * step bound, so T ≤ bound is a proof obligation the interpreter checks on every run (a step-bound error).
 */
export class Asm {
  readonly lines: string[] = [];
  private labels = 0;

  /** One instruction; costs 1. */
  op(text: string): number {
    this.lines.push(`        ${text}`);
    return 1;
  }

  /** A fresh label name with a readable stem. */
  label(stem: string): string {
    return `${stem}_${this.labels++}`;
  }

  /** Places a label on the next instruction. */
  at(label: string): void {
    this.lines.push(`${label}:`);
  }

  comment(text: string): void {
    this.lines.push(`        # ${text}`);
  }

  /**
   * for reg = from, from + step, … while reg < end: body. A do-while (the count is ≥ 1 whenever it is
   * emitted): LI, then per iteration the body, ADD, LT, JNZ. `count` iterations; nothing when count = 0.
   */
  loop(reg: string, from: number, step: number, count: number, body: () => number): number {
    if (count <= 0) return 0;
    const top = this.label("loop");
    let cost = this.op(`LI ${reg}, ${from}`);
    this.at(top);
    const inner = body();
    this.op(`ADD ${reg}, ${reg}, ${step}`);
    this.op(`LT ${F}, ${reg}, ${from + step * count}`);
    this.op(`JNZ ${F}, ${top}`);
    cost += count * (inner + 3);
    return cost;
  }
}

/** The flag register every comparison writes (see registers in emitDecoder). */
export const F = "r0";
