#!/usr/bin/env node
import { runCli } from "./runCli.js";

const io = {
  out: (s: string) => void process.stdout.write(s),
  err: (s: string) => void process.stderr.write(s),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`apmdm: internal error (a bug, please report it):\n${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 70;
  },
);
