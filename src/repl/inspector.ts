/** Looks inside the transformer's forward pass over the canvas of one frame of a decode. */
export interface Inspector {
  readonly layers: number;
  readonly heads: (layer: number) => number;
  /**
   * The residual stream at a position of frame k's canvas entering layer `layer` (0: the embedding;
   * `layers`: after the last layer), as (label, value) per dimension.
   */
  readonly residual: (frame: number, position: number, layer: number) => readonly { readonly label: string; readonly value: number }[];
  /** The key positions head `head` of layer `layer` averaged over for query `query` (average-hard: every tied maximum). */
  readonly selected: (frame: number, layer: number, head: number, query: number) => readonly number[];
}
