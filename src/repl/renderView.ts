import { renderCanvas } from "./renderCanvas.js";
import { renderPram } from "./renderPram.js";
import type { ReplContext } from "./replCommand.js";
import type { ReplSession } from "./replState.js";
import { sideBySide } from "./sideBySide.js";
import { visibleWidth } from "./visibleWidth.js";
import { maxOf } from "../minMax.js";

/**
 * The view at the cursor: with a decode, the PRAM at the matching parallel step beside the canvas
 * (stacked when the terminal is too narrow for both); without one, the PRAM at step `cursor`.
 */
export function renderView(session: ReplSession, cursor: number, ctx: ReplContext): string {
  const { decode, pram, instance } = session;
  if (!decode) return renderPram(instance, pram, cursor, ctx.palette, ctx.width).join("\n");
  const t = Math.min(decode.pramStep(cursor), pram.length - 1);
  const left = renderPram(instance, pram, t, ctx.palette, Math.floor(ctx.width / 2) - 3);
  const leftWidth = maxOf(left.map(visibleWidth));
  if (leftWidth + 3 + 40 > ctx.width) {
    return [...left, "", ...renderCanvas(decode, cursor, ctx.palette, ctx.width)].join("\n");
  }
  return sideBySide(left, renderCanvas(decode, cursor, ctx.palette, ctx.width - leftWidth - 3), leftWidth).join("\n");
}
