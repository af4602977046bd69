/** The canvas alphabet of the gate-per-position samplers: the mask and the two bits. */
export const BIT_VOCAB = ["M", "0", "1"] as const;
export const BIT_MASK = 0;
export const bitToken = (bit: number): number => 1 + bit;
export const tokenBit = (token: number): number => token - 1;
