/** What the REPL decodes with: the PRAM alone, or a decoding process beside it. */
export type ReplModel = "pram" | "mdm" | "masked-arm" | "arm" | "ap-mdm";

export const REPL_MODELS: readonly ReplModel[] = ["pram", "mdm", "masked-arm", "arm", "ap-mdm"];
