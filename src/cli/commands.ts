import type { Command } from "./command.js";
import { compileCommand } from "./compileCommand.js";
import { demoCommand } from "./demoCommand.js";
import { maxflowCommand } from "./maxflowCommand.js";
import { mdmRunCommand } from "./mdmRunCommand.js";
import { modelInspectCommand } from "./modelInspectCommand.js";
import { modelRunCommand } from "./modelRunCommand.js";
import { dyckSampleCommand } from "./dyckSampleCommand.js";
import { parityCommand } from "./parityCommand.js";
import { plotCommand } from "./plotCommand.js";
import { plotSamplingCommand } from "./plotSamplingCommand.js";
import { pramListCommand } from "./pramListCommand.js";
import { pramRunCommand } from "./pramRunCommand.js";
import { pramShowCommand } from "./pramShowCommand.js";
import { proveCommand } from "./proveCommand.js";
import { replCommand } from "./replCommand.js";
import { sudokuSolveCommand } from "./sudokuSolveCommand.js";
import { sampleCommand } from "./sampleCommand.js";
import { thm2Command } from "./thm2Command.js";
import { viewCommand } from "./viewCommand.js";

/** Every `apmdm` subcommand; `apmdm help` lists them in this order. */
export const commands: readonly Command[] = [demoCommand, pramListCommand, pramShowCommand, pramRunCommand, mdmRunCommand, viewCommand, compileCommand, modelInspectCommand, modelRunCommand, replCommand, plotCommand, plotSamplingCommand, proveCommand, dyckSampleCommand, parityCommand, thm2Command, maxflowCommand, sampleCommand, sudokuSolveCommand];
