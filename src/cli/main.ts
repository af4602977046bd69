#!/usr/bin/env node
import { armInterruptHold, deliverHeldInterrupt } from "./holdInterrupt.js";
import { runCli } from "./runCli.js";

const io = {
  out: (s: string) => void process.stdout.write(s),
  err: (s: string) => void process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

armInterruptHold(); // Ctrl-C: src/cli/holdInterrupt.ts
runCli(process.argv.slice(2), io)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`apmdm: internal error (a bug, please report it):\n${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 70;
    },
  )
  .then(deliverHeldInterrupt);
