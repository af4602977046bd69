/**
 * The E-FASP embedded DSL in one namespace (the public API's `efasp`): sources (token, position), local
 * operations that compile to ReLU MLPs, and aggregations that compile to one average-hard head each.
 */
export { token, position } from "./sources.js";
export { linear, constant, add, sub, scale, offset, relu, compare, select, min, max, floorDiv, lookup, all, any, not, assume } from "./local.js";
export { attend, lin, one, term, matchTerms, bonus } from "./attend.js";
