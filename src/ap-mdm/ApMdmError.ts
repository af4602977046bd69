import { UserError } from "../errors.js";

/** A bad request to one of the AP-MDM constructions (Dyck-k, parity, max-flow): names the argument and why. */
export class ApMdmError extends UserError {
  constructor(
    readonly kind: "dyck-k" | "dyck-length" | "parity-input" | "maxflow-graph",
    message: string,
  ) {
    super(`ap-mdm/${kind}`, message);
    this.name = "ApMdmError";
  }
}
