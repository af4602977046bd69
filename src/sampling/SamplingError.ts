import { UserError } from "../errors.js";

/** A sampling request that cannot be served: a model that does not apply, or an enumeration too large. */
export class SamplingError extends UserError {
  constructor(
    readonly kind: "model" | "too-large",
    message: string,
  ) {
    super(`sampling/${kind}`, message);
    this.name = "SamplingError";
  }
}
