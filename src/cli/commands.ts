import type { Command } from "./command.js";

/** Every `apmdm` subcommand; `apmdm help` lists them in this order. */
export const commands: readonly Command[] = [];
