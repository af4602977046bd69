import { UserError } from "../errors.js";

/**
 * A model or canvas Theorem 2's compiler cannot turn into an exact PRAM(1) program: "attention" (not
 * average-hard), "not-integer" (a weight, position value or tie average is not an integer), "word-size" (a
 * value the program computes needs more bits than a PRAM word has), "canvas" (a token outside the
 * vocabulary, or an empty canvas), "too-large" (memory or step bound beyond the interpreter's limits, or past `apmdm thm2 --max-steps`).
 * The message is one line naming the tensor, entry, step, layer, head or position.
 */
export class Thm2Error extends UserError {
  constructor(
    readonly kind: "attention" | "not-integer" | "word-size" | "canvas" | "too-large",
    message: string,
  ) {
    super(`thm2/${kind}`, message);
    this.name = "Thm2Error";
  }
}
