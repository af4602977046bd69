/**
 * Ctrl-C and the files a command writes (docs/cli.md, "Ctrl-C").
 *
 * While a command computes, SIGINT keeps Node's default: the process ends at once (a shell reports
 * status 130; no stack trace). A listener could not do better there: it runs only when the event loop is
 * free, and a decode holds the thread until it is done. Every command computes first and writes its files
 * last, in one synchronous run; from the first write on, holdInterrupt() puts a listener in place, so an
 * interrupt waits until that run is over — every file written whole, no temporary file left — and then
 * ends the process with one line on stderr and status 130 (deliverHeldInterrupt gives the event loop the
 * turn in which that happens before the process would end). A second Ctrl-C ends it at once (the
 * listener is a `once`).
 *
 * Only the `apmdm` process arms the hold (main.ts); a command run inside another program (the tests'
 * runCli) leaves that program's signals alone.
 */
let armed = false;
let held = false;

/** Lets holdInterrupt() take over SIGINT in this process (the CLI entry point calls it). */
export function armInterruptHold(): void {
  armed = true;
}

/** Called before a command's first write: from here on an interrupt waits for the writes to finish. */
export function holdInterrupt(): void {
  if (!armed || held) return;
  held = true;
  process.once("SIGINT", () => {
    process.stderr.write("apmdm: interrupted (the files being written were finished first)\n");
    process.exit(130);
  });
}

/**
 * Resolves after one more turn of the event loop when an interrupt may be held: a signal that arrived
 * during the writes is read in that turn's poll phase (and ends the process there). Without it the process
 * could end first — its signal listener does not keep it alive — and exit 0 as if no Ctrl-C had come.
 */
export function deliverHeldInterrupt(): Promise<void> {
  if (!held) return Promise.resolve();
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
