import type { LibraryEntry } from "./libraryEntry.js";

/** The program library, in the order `apmdm pram list` shows it. */
export const library: readonly LibraryEntry[] = [];
