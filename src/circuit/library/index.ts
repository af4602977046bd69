import { binomialCount } from "./binomialCount.js";
import type { CircuitEntry } from "./circuitEntry.js";
import { diceSum } from "./diceSum.js";
import { evenParity } from "./evenParity.js";
import { evenParityPairs } from "./evenParityPairs.js";
import { firstOne } from "./firstOne.js";
import { majority, subsetThreshold } from "./thresholdOfRandomBits.js";

/** The circuit library, in the order `apmdm sample --list` shows it. */
export const circuitLibrary: readonly CircuitEntry[] = [evenParity, evenParityPairs, binomialCount, majority, subsetThreshold, diceSum, firstOne];
