import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EditScript } from "../../src/ap-mdm/editScript.js";
import { dyckProgram } from "../../src/ap-mdm/dyck/dyckProgram.js";
import { sampleDyck } from "../../src/ap-mdm/dyck/sampleDyck.js";
import { loadCircuit } from "../../src/circuit/loadCircuit.js";
import { compiledPredictor } from "../../src/mdm/compiledPredictor.js";
import { DECODE_MODELS, type DecodeModel } from "../../src/mdm/mdmRun.js";
import { simulate } from "../../src/mdm/simulate.js";
import { instantiate } from "../../src/pram/instantiate.js";
import { loadProgram } from "../../src/pram/loadProgram.js";
import { sampleOnce } from "../../src/sampling/sampleOnce.js";
import { buildSampler, type SamplerModel } from "../../src/sampling/sampler.js";
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

/** A recorded decode as the page must show it: every canvas, and what each step did (an AP-MDM's edit scripts, or unmask counts). */
interface Recorded {
  readonly canvases: readonly Int32Array[];
  readonly vocab: readonly string[];
  readonly edits: readonly EditScript[] | null | undefined;
  readonly unmaskedPerStep: readonly number[];
}

/** Opens a page, collecting console errors and uncaught exceptions. */
async function open(browser: Browser, file: string) {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  page.on("pageerror", (e) => void errors.push(e.message));
  await page.goto(`file://${file}`);
  return { page, errors };
}

/** The page is at step k and draws canvas k from the record: every position's token, and each kind of change as many times as step k made it. */
async function expectStep(page: Page, r: Recorded, k: number) {
  const last = r.canvases.length - 1;
  expect(await page.textContent("#step")).toBe(`step ${k}/${last}`);
  const cells = await shown(page);
  const positioned = cells.filter((c) => c.position !== null);
  // every position of canvas k is shown with its token (collapsed all-masked regions count their masks)
  const collapsedMasks = cells.filter((c) => c.collapsed).reduce((s, c) => s + Number(/\((\d+)\)/.exec(c.text!)![1]), 0);
  expect(positioned.length + collapsedMasks).toBe(r.canvases[k].length);
  for (const c of positioned) expect(c.text).toBe(r.vocab[r.canvases[k][Number(c.position)]]);
  const count = (kind: string) => cells.filter((c) => c.kind === kind && !c.collapsed).length;
  if (k === 0) expect(count("unmasked")).toBe(0);
  else if (r.edits) {
    const e = r.edits[k - 1];
    expect([count("unmasked"), count("remasked"), count("inserted"), count("deleted")]).toEqual([e.unmask.length, e.remask.length, e.insert.length, e.delete.length]);
  } else expect(count("unmasked")).toBe(r.unmaskedPerStep[k - 1]);
}

async function screenshot(page: Page, file: string) {
  await page.screenshot({ path: file, fullPage: true });
  expect(readFileSync(file).subarray(1, 4).toString()).toBe("PNG");
}

describe("the viewer pages in headless chromium", () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
    dir = mkdtempSync(join(tmpdir(), "apmdm-view-"));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => browser?.close());

  describe("apmdm view: a PRAM simulation", () => {
    beforeAll(async () => {
      const r = await cli("view", "prefix-sums", "--input", INPUT.join(","), "--model", DECODE_MODELS.join(","), "--capture", "0,1", "--out", dir);
      expect(r.code, r.err).toBe(0);
    });

    it.each(DECODE_MODELS)("%s: loads without errors, steps with the keys and slider as the trace says, shows the PRAM and the residual stream", async (model: DecodeModel) => {
      const run = simulate(instance, INPUT, { model, trace: true });
      const recorded = { canvases: run.canvases!, vocab: run.vocab, edits: run.edits, unmaskedPerStep: run.meters.unmaskedPerStep };
      const last = recorded.canvases.length - 1;
      const { page, errors } = await open(browser, join(dir, `prefix-sums-${model}.html`));
      await expectStep(page, recorded, 0);
      await page.keyboard.press("ArrowRight");
      await expectStep(page, recorded, 1);
      await page.keyboard.press("End");
      await expectStep(page, recorded, last);
      await page.keyboard.press("ArrowLeft");
      await expectStep(page, recorded, last - 1);
      await page.locator("#slider").fill("1");
      await expectStep(page, recorded, 1);
      expect(await page.textContent("#state-heading")).toMatch(/^PRAM prefix-sums, n = 2, P = 2, EREW: after step \d+\/\d+$/);
      expect(await page.locator("#state tr").count()).toBe(1 + instance.processors);

      await page.locator("#canvas .cell[data-position='1']").click();
      expect(await page.locator("#residual tr").count()).toBe(run.transformer!.labels.length);
      await screenshot(page, join(dir, `prefix-sums-${model}.png`));
      await page.keyboard.press("End");
      expect(await page.textContent("#residual")).toMatch(/was not captured \(captured: 0, 1\)/);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  describe("apmdm sample --html: a sampling decode beside its circuit", () => {
    const SEED = 2;
    it.each(["mdm", "ap-mdm"] as const)("%s: every step's canvas and the circuit's gates as the trace says, the residual stream, no errors", async (model: SamplerModel) => {
      const file = join(dir, `binomial-${model}.html`);
      const r = await cli("sample", "binomial", "--n", "3", "--model", model, "--seed", String(SEED), "--html", file, "--capture", "all");
      expect(r.code, r.err).toBe(0);
      const sampler = buildSampler(loadCircuit("binomial", 3), model);
      const { predictor, model: weights } = compiledPredictor(sampler.program);
      const run = sampleOnce(sampler, predictor, SEED, true);
      const canvases = run.canvases!;
      const filled = (c: Int32Array) => c.filter((t) => t !== sampler.program.maskToken).length;
      const recorded = { canvases, vocab: sampler.program.vocab, edits: run.scripts, unmaskedPerStep: canvases.slice(1).map((c, k) => filled(c) - filled(canvases[k])) };
      const gates = sampler.circuit.gates.length;
      const { page, errors } = await open(browser, file);
      expect(await page.textContent("h1")).toContain(`output ${run.output}`);
      let forgotten = 0;
      for (let k = 0; k < canvases.length; k++) {
        if (k > 0) await page.keyboard.press("ArrowRight");
        await expectStep(page, recorded, k);
        // the circuit panel: each gate's bit where some position of canvas k holds it, "·" elsewhere
        const held = new Map<number, number>();
        canvases[k].forEach((_, i) => {
          const g = sampler.gateAt!(canvases[k], i);
          if (g) held.set(g.gate, g.bit);
        });
        const bits = await page.$$eval("#state tr[data-gate] td:last-child", (tds) => tds.map((td) => td.textContent));
        expect(bits).toEqual(Array.from({ length: gates }, (_, g) => String(held.get(g) ?? "·")));
        forgotten += await page.locator("#state td.forgotten").count();
      }
      // the MDM keeps every gate; the remasking sampler frees the slot of every gate no later gate reads
      if (model === "mdm") expect(forgotten).toBe(0);
      else expect(forgotten).toBe(run.edits!.remasked);
      expect(await page.textContent("#state .output")).toBe(run.output);
      await page.locator("#canvas .cell[data-position='0']").click();
      expect(await page.locator("#residual tr").count()).toBe(weights.labels.length);
      await screenshot(page, join(dir, `binomial-${model}.png`));
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it("dyck sample --html: insertions and deletions in their colours, step by step, over the evaluator (no residual stream)", async () => {
    const file = join(dir, "dyck.html");
    const r = await cli("dyck", "sample", "--k", "2", "--length", "6", "--seed", "3", "--html", file);
    expect(r.code, r.err).toBe(0);
    const c = dyckProgram(2, 6);
    const s = sampleDyck(c, 3, { trace: true });
    const t = s.decode.trace!;
    const recorded = { canvases: t.canvases, vocab: c.vocab.names, edits: t.edits, unmaskedPerStep: [] };
    expect(t.edits.some((e) => e.insert.length > 0) && t.edits.some((e) => e.delete.length > 0)).toBe(true);
    const { page, errors } = await open(browser, file);
    for (let k = 0; k < t.canvases.length; k++) {
      if (k > 0) await page.keyboard.press("ArrowRight");
      await expectStep(page, recorded, k);
    }
    expect(await page.textContent("#residual")).toMatch(/no residual stream/);
    await screenshot(page, join(dir, "dyck.png"));
    expect(errors).toEqual([]);
    await page.close();
  });
});
