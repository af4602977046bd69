import { UserError } from "../errors.js";

/** An E-FASP program that is ill-formed, or that cannot be evaluated or compiled exactly; names the feature. */
export class EfaspError extends UserError {
  constructor(message: string) {
    super("efasp", message);
    this.name = "EfaspError";
  }
}
