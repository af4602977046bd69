import { type Compiled, compile } from "../../efasp/compile.js";
import { sudokuProgram } from "./sudokuProgram.js";

let compiled: Compiled | null = null;

/** The Sudoku program compiled to transformer weights, once per process (the program is the same for every puzzle). */
export function sudokuModel(): Compiled {
  compiled ??= compile(sudokuProgram());
  return compiled;
}
