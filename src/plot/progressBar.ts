/**
 * A one-line progress bar redrawn in place on a terminal stream: "[#####-----] 12/40 prefix-sums n=8 MDM".
 * `progressBar(null)` is a no-op bar, used when the stream is not a terminal.
 */
export function progressBar(stream: { write(s: string): unknown; columns?: number } | null) {
  let drawn = false;
  return {
    update(done: number, total: number, what: string): void {
      if (!stream) return;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${what}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 80) - 1)}`);
      drawn = true;
    },
    /** Clears the line so what follows starts on a clean row. */
    finish(): void {
      if (stream && drawn) stream.write("\r\x1b[2K");
    },
  };
}
