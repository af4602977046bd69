import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPlots } from "../../src/plot/buildPlots.js";
import type { FigureData } from "../../src/plot/figure.js";
import { FITS_BEGIN, FITS_END } from "../../src/plot/fitsTable.js";
import { seriesSources } from "../../src/plot/seriesSources.js";

const root = join(import.meta.dirname, "..", "..");
const plots = join(root, "docs", "plots");

/** Every Markdown file a reader sees: README.md and docs/**. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
  );
}

describe("docs/plots", () => {
  it("is exactly what `apmdm plot` produces now at the committed settings, and the docs quote its fits verbatim", async () => {
    const committed = readdirSync(plots).sort();
    const data = committed.filter((f) => f.endsWith(".json")).map((f) => JSON.parse(readFileSync(join(plots, f), "utf8")) as FigureData);
    expect(data.length).toBeGreaterThan(0);
    const settings = data[0].settings;
    for (const d of data) expect(d.settings).toEqual(settings);

    const produced = await buildPlots(settings, seriesSources);
    expect(committed).toEqual(produced.map((f) => f.name).sort());
    for (const f of produced) expect(readFileSync(join(plots, f.name), "utf8"), f.name).toBe(f.text);

    const fits = produced.find((f) => f.name === "fits.md")!.text.trimEnd();
    const pages = [join(root, "README.md"), ...markdownFiles(join(root, "docs"))].filter((p) => p !== join(plots, "fits.md"));
    for (const page of pages) {
      const text = readFileSync(page, "utf8");
      for (let at = text.indexOf(FITS_BEGIN); at >= 0; at = text.indexOf(FITS_BEGIN, at + 1)) {
        const end = text.indexOf(FITS_END, at);
        expect(end, `${page}: ${FITS_BEGIN} without ${FITS_END}`).toBeGreaterThan(at);
        expect(text.slice(at, end + FITS_END.length), page).toBe(fits);
      }
    }
  });
});
