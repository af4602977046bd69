import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { samplingPlots } from "../../src/plot/samplingPlots.js";

const dir = join(import.meta.dirname, "..", "..", "docs", "sampling-plots");

it("docs/sampling-plots is exactly what `apmdm plot sampling` produces at its committed settings", async () => {
  const committed = readdirSync(dir).sort();
  const { settings } = JSON.parse(readFileSync(join(dir, "steps-vs-depth.json"), "utf8"));
  const produced = await samplingPlots(settings);
  expect(committed).toEqual(produced.map((f) => f.name).sort());
  for (const f of produced) expect(readFileSync(join(dir, f.name), "utf8"), f.name).toBe(f.text);
  // The claims the figures illustrate, read from the data: MDM steps = d + 1, ARM steps = size, parity AP-MDM constant.
  const fits = produced.find((f) => f.name === "fits.md")!.text;
  expect(fits).toContain("| steps-vs-depth | MDM with CoT | steps ≤ c1·d + c0 | 1 | 1 |");
  expect(fits).toContain("| steps-vs-depth | ARM (fitted against size) | steps ≤ c1·size + c0 | 1 | 0 |");
  expect(fits).toContain("| parity-steps | AP-MDM, remask + insert + delete | steps ≤ c1·n + c0 | 0 | 4 |");
});
