import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../cli/bufferIo.js";

/** The committed pages: the file, and the command docs/cli.md records for it (its output path last). */
const PAGES: [string, string[]][] = [
  ["prefix-sums-mdm.html", ["view", "prefix-sums", "--input", "3,1,4,1", "--out"]],
  ["binomial-ap-mdm.html", ["sample", "binomial", "--n", "3", "--model", "ap-mdm", "--seed", "2", "--html"]],
];

describe("docs/viewer", () => {
  it.each(PAGES)("%s is exactly what its command writes now", async (file, command) => {
    const dir = mkdtempSync(join(tmpdir(), "apmdm-viewer-docs-"));
    const out = command[0] === "view" ? dir : join(dir, file);
    const r = await cli(...command, out);
    expect(r.code, r.err).toBe(0);
    const committed = readFileSync(new URL(`../../docs/viewer/${file}`, import.meta.url), "utf8");
    const docsOut = command[0] === "view" ? "docs/viewer" : `docs/viewer/${file}`;
    expect(readFileSync(join(dir, file), "utf8") === committed, `regenerate it: apmdm ${command.join(" ")} ${docsOut}`).toBe(true);
    expect(readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8")).toContain(`\`apmdm ${command.join(" ")} ${docsOut}\``);
  });
});
