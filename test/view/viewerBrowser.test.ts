import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECODE_MODELS, type DecodeModel } from "../../src/mdm/mdmRun.js";
import { simulate } from "../../src/mdm/simulate.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { cli } from "../cli/bufferIo.js";

/** Debian's chromium (.ci/run installs it); nothing here downloads a browser. Absent, the test fails. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const INPUT = [3, 1];
const instance = instantiate(loadProgram("prefix-sums"), INPUT.length);

/** What the canvas shows at the current step: each positioned cell's text and kind, by position; and the deleted ones. */
async function shown(page: Page) {
  return page.$$eval("#canvas .cell", (cells) =>
    cells.map((c) => ({ position: c.getAttribute("data-position"), text: c.textContent, kind: [...c.classList].find((k) => k.startsWith("k-"))!.slice(2), collapsed: c.parentElement!.classList.contains("collapsed") })),
  );
}

describe("apmdm view: the page in headless chromium", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
    dir = mkdtempSync(join(tmpdir(), "apmdm-view-"));
    const r = await cli("view", "prefix-sums", "--input", INPUT.join(","), "--model", DECODE_MODELS.join(","), "--capture", "0,1", "--out", dir);
    expect(r.code, r.err).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => browser?.close());

  it.each(DECODE_MODELS)("%s: loads without errors, steps with the keys and slider as the trace says, shows the PRAM and the residual stream", async (model: DecodeModel) => {
    const run = simulate(instance, INPUT, { model, trace: true });
    const canvases = run.canvases!;
    const last = canvases.length - 1;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => void errors.push(e.message));
    await page.goto(`file://${join(dir, `prefix-sums-${model}.html`)}`);

    const expectStep = async (k: number) => {
      expect(await page.textContent("#step")).toBe(`step ${k}/${last}`);
      const cells = await shown(page);
      const positioned = cells.filter((c) => c.position !== null);
      // every position of canvas k is shown with its token (collapsed all-masked regions count their masks)
      const collapsedMasks = cells.filter((c) => c.collapsed).reduce((s, c) => s + Number(/\((\d+)\)/.exec(c.text!)![1]), 0);
      expect(positioned.length + collapsedMasks).toBe(canvases[k].length);
      for (const c of positioned) expect(c.text).toBe(run.vocab[canvases[k][Number(c.position)]]);
      const count = (kind: string) => cells.filter((c) => c.kind === kind && !c.collapsed).length;
      if (k === 0) expect(count("unmasked")).toBe(0);
      else if (run.edits) {
        const e = run.edits[k - 1];
        expect([count("unmasked"), count("remasked"), count("inserted"), count("deleted")]).toEqual([e.unmask.length, e.remask.length, e.insert.length, e.delete.length]);
      } else expect(count("unmasked")).toBe(run.meters.unmaskedPerStep[k - 1]);
    };

    await expectStep(0);
    await page.keyboard.press("ArrowRight");
    await expectStep(1);
    await page.keyboard.press("End");
    await expectStep(last);
    await page.keyboard.press("ArrowLeft");
    await expectStep(last - 1);
    await page.locator("#slider").fill("1");
    await expectStep(1);
    expect(await page.textContent("#pram-step")).toMatch(/^PRAM prefix-sums, n = 2, P = 2, EREW: after step \d+\/\d+$/);
    expect(await page.locator("#pram tr").count()).toBe(1 + instance.processors);

    await page.locator("#canvas .cell[data-position='1']").click();
    expect(await page.locator("#residual tr").count()).toBe(run.transformer!.labels.length);
    const shot = join(dir, `prefix-sums-${model}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe("PNG");
    await page.keyboard.press("End");
    expect(await page.textContent("#residual")).toMatch(/was not captured \(captured: 0, 1\)/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
