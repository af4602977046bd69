import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/bufferIo.js";

/** The command docs/cli.md records for the committed page. */
const COMMAND = ["view", "prefix-sums", "--input", "3,1,4,1", "--out"];

describe("docs/viewer/prefix-sums-mdm.html", () => {
  it("is exactly what `apmdm view prefix-sums --input 3,1,4,1 --out docs/viewer` writes now", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-viewer-docs-"));
    const r = await cli(...COMMAND, dir);
    expect(r.code, r.err).toBe(0);
    const committed = readFileSync(new URL("../../docs/viewer/prefix-sums-mdm.html", import.meta.url), "utf8");
    expect(readFileSync(join(dir, "prefix-sums-mdm.html"), "utf8") === committed, "regenerate it with the command above").toBe(true);
    expect(readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8")).toContain(`\`apmdm ${COMMAND.join(" ")} docs/viewer\``);
  });
});
