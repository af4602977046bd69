import type { Command } from "./command.js";
import { demoCommand } from "./demoCommand.js";
import { mdmRunCommand } from "./mdmRunCommand.js";
import { dyckSampleCommand } from "./dyckSampleCommand.js";
import { parityCommand } from "./parityCommand.js";
import { proveCommand } from "./proveCommand.js";
import { replCommand } from "./replCommand.js";

/** Every `apmdm` subcommand; `apmdm help` lists them in this order. */
export const commands: readonly Command[] = [demoCommand, mdmRunCommand, replCommand, proveCommand, dyckSampleCommand, parityCommand];
