/** The PRAM meters as the MDM side reports them beside its own. */
export interface PramMetersLike {
  readonly T: number;
  readonly P: number;
  readonly W: number;
  readonly S: number;
  readonly reads: number;
  readonly writes: number;
}
