/** A run that broke one of a proof's checks, named so the counterexample says which. */
export class CheckFailure extends Error {
  constructor(
    readonly check: string,
    message: string,
  ) {
    super(message);
  }
}
