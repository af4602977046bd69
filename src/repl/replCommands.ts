import { castDraft, produce } from "immer";
import { UserError } from "../errors.js";
import { instantiate } from "../pram/instantiate.js";
import { library } from "../pram/library/index.js";
import { loadProgram } from "../pram/loadProgram.js";
import { runPram } from "../pram/runPram.js";
import type { DecodeView } from "./decodeView.js";
import { decoders } from "./decoders.js";
import { pramFrames } from "./pramFrame.js";
import type { ReplCommand } from "./replCommand.js";
import { REPL_MODELS, type ReplModel } from "./replModel.js";
import type { ReplSession, ReplState } from "./replState.js";
import { renderView } from "./renderView.js";
import { renderSamplingFrame, startSampling } from "./samplingSession.js";

/** Every REPL command, in the order `help` lists them. */
export const replCommands: readonly ReplCommand[] = [
  {
    name: "load",
    usage: "load NAME|FILE",
    summary: "load a library program or a .pram file",
    complete: () => library.map((e) => e.name),
    async run(state, args) {
      const name = one(args, "load NAME|FILE");
      const program = loadProgram(name);
      const next = produce(state, (d) => {
        d.program = castDraft({ name, program });
        d.session = null;
        d.sampling = null;
        d.cursor = 0;
      });
      return { state: next, text: `loaded ${name}; now: input v1,v2,…` };
    },
  },
  {
    name: "input",
    usage: "input 3,1,4,1",
    summary: "run the loaded program on an input (n = its length) and decode it with the current model",
    async run(state, args, ctx) {
      if (!state.program) throw usage("no program loaded (load NAME|FILE first)");
      const input = one(args, "input v1,v2,…").split(",").map((v) => integer(v, "input value"));
      const session = await start(state.program.program, input, state.model);
      const next = produce(state, (d) => {
        d.session = castDraft(session);
        d.sampling = null;
        d.cursor = 0;
      });
      return { state: next, text: `${summary(session)}\n${renderView(session, 0, ctx)}` };
    },
  },
  {
    name: "model",
    usage: `model ${REPL_MODELS.join("|")}`,
    summary: "choose the decoding process shown beside the PRAM (re-runs the current input)",
    complete: () => REPL_MODELS,
    async run(state, args, ctx) {
      const model = one(args, `model ${REPL_MODELS.join("|")}`) as ReplModel;
      if (!REPL_MODELS.includes(model)) throw usage(`unknown model '${model}' (${REPL_MODELS.join(", ")})`);
      const session = state.program && state.session ? await start(state.program.program, state.session.input, model) : null;
      const next = produce(state, (d) => {
        d.model = model;
        d.session = castDraft(session);
        d.cursor = 0;
      });
      return { state: next, text: session ? `${summary(session)}\n${renderView(session, 0, ctx)}` : `model ${model}` };
    },
  },
  {
    name: "sample",
    usage: "sample NAME|FILE [n] [model] [seed]",
    summary: "decode one seeded sample of a circuit (docs/sampling.md) over compiled weights; step through its canvases",
    async run(state, args, ctx) {
      const sampling = startSampling(args);
      const next = produce(state, (d) => {
        d.sampling = castDraft(sampling);
        d.cursor = 0;
      });
      return { state: next, text: `${sampling.label}\n${renderSamplingFrame(sampling, 0, ctx.palette, ctx.width)}` };
    },
  },
  navigation("step", "step [k]", "advance k steps (default 1)", (s, k) => s.cursor + k),
  navigation("back", "back [k]", "go back k steps (default 1)", (s, k) => s.cursor - k),
  {
    name: "goto",
    usage: "goto K",
    summary: "jump to step K",
    async run(state, args, ctx) {
      const k = integer(one(args, "goto K"), "step");
      return move(state, k, ctx);
    },
  },
  {
    name: "show",
    usage: "show",
    summary: "show the current step again",
    async run(state, _args, ctx) {
      return move(state, state.cursor, ctx);
    },
  },
  {
    name: "pos",
    usage: "pos I [LAYER]",
    summary: "the residual stream of canvas position I entering LAYER (default: after the last layer), by label",
    async run(state, args) {
      const { session, inspector } = inspecting(state);
      if (args.length < 1 || args.length > 2) throw usage("usage: pos I [LAYER]");
      const position = index(args[0], "position", canvasLength(session.decode!, state.cursor));
      const layer = args.length === 2 ? index(args[1], "layer", inspector.layers + 1) : inspector.layers;
      const rows = inspector.residual(state.cursor, position, layer).filter((r) => r.value !== 0);
      const text = [`position ${position} (${session.decode!.describe(position)}), entering layer ${layer}: ${rows.length} non-zero dimensions`, ...rows.map((r) => `  ${r.label} = ${r.value}`)];
      return { state, text: text.join("\n") };
    },
  },
  {
    name: "head",
    usage: "head L H I",
    summary: "which keys head H of layer L selected for query position I",
    async run(state, args) {
      const { session, inspector } = inspecting(state);
      if (args.length !== 3) throw usage("usage: head L H I");
      const layer = index(args[0], "layer", inspector.layers);
      const head = index(args[1], "head", inspector.heads(layer));
      const query = index(args[2], "position", canvasLength(session.decode!, state.cursor));
      const keys = inspector.selected(state.cursor, layer, head, query);
      const text = [`layer ${layer} head ${head}, query ${query} (${session.decode!.describe(query)}) averages ${keys.length} key(s):`, ...keys.map((j) => `  ${j} (${session.decode!.describe(j)})`)];
      return { state, text: text.join("\n") };
    },
  },
  {
    name: "programs",
    usage: "programs",
    summary: "list the library programs",
    async run(state) {
      return { state, text: library.map((e) => `${e.name.padEnd(20)} ${e.summary}`).join("\n") };
    },
  },
];

function navigation(name: string, use: string, summary: string, target: (s: ReplState, k: number) => number): ReplCommand {
  return {
    name,
    usage: use,
    summary,
    async run(state, args, ctx) {
      if (args.length > 1) throw usage(`usage: ${use}`);
      const k = args.length === 0 ? 1 : integer(args[0], "step count");
      if (k < 0) throw usage(`usage: ${use} (k ≥ 0)`);
      return move(state, target(state, k), ctx);
    },
  };
}

/** Moves the cursor to k, clamped to the frames that exist, and shows the view there. */
async function move(state: ReplState, k: number, ctx: Parameters<ReplCommand["run"]>[2]) {
  if (state.sampling) {
    const frames = state.sampling.frames.length;
    const cursor = Math.max(0, Math.min(frames - 1, k));
    const next = produce(state, (d) => {
      d.cursor = cursor;
    });
    return { state: next, text: `${renderSamplingFrame(state.sampling, cursor, ctx.palette, ctx.width)}${cursor !== k ? `\n(clamped to 0…${frames - 1})` : ""}` };
  }
  const session = state.session;
  if (!session) throw usage("nothing to step (load NAME, then input v1,v2,…)");
  const last = session.decode ? session.decode.steps : session.pram.length - 1;
  const cursor = Math.max(0, Math.min(last, k));
  const next = produce(state, (d) => {
    d.cursor = cursor;
  });
  const note = cursor !== k ? ` (clamped to 0…${last})` : "";
  return { state: next, text: `${renderView(session, cursor, ctx)}${note ? `\n${note.trim()}` : ""}` };
}

async function start(program: Parameters<typeof instantiate>[0], input: readonly number[], model: ReplModel): Promise<ReplSession> {
  const instance = instantiate(program, input.length);
  const run = runPram(instance, input, { trace: true });
  const decoder = model === "pram" ? undefined : decoders[model];
  return {
    instance,
    input,
    output: run.output,
    pram: pramFrames(instance, input, run.trace ?? []),
    decode: decoder ? await decoder(instance, input) : null,
  };
}

function summary(s: ReplSession): string {
  const decode = s.decode ? `; ${s.decode.label}: ${s.decode.steps} decoding steps` : "; decoder: none (PRAM only)";
  return `n=${s.input.length}: PRAM output ${s.output.join(",")} in ${s.pram.length - 1} parallel steps${decode}`;
}

function inspecting(state: ReplState) {
  const session = state.session;
  if (!session?.decode) throw usage("no decode loaded (input v1,v2,… with a decoding model)");
  const inspector = session.decode.inspector;
  if (!inspector) throw usage(`${session.decode.label} run has no transformer to inspect in this build`);
  return { session, inspector };
}

/** Positions on frame k's canvas (a deleted cell is shown but has no position). */
function canvasLength(decode: DecodeView, k: number): number {
  return decode.frame(k).filter((c) => c.position !== null).length;
}

function one(args: readonly string[], use: string): string {
  if (args.length !== 1) throw usage(`usage: ${use}`);
  return args[0];
}

function integer(text: string, what: string): number {
  const v = /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(v)) throw usage(`${what} must be an integer, got '${text}'`);
  return v;
}

function index(text: string, what: string, count: number): number {
  const v = integer(text, what);
  if (v < 0 || v >= count) throw usage(`${what} ${v} is out of range 0…${count - 1}`);
  return v;
}

function usage(message: string): UserError {
  return new UserError("repl/usage", message);
}
