import { benchmarks } from "./benchmarks.js";

/** `npm run bench [NAME…]`: runs the benchmarks (all, or those whose name contains a given word). */
const filters = process.argv.slice(2);
for (const b of benchmarks) {
  if (filters.length > 0 && !filters.some((f) => b.name.includes(f))) continue;
  process.stdout.write(`${b.name}\n`);
  for (const line of await b.run()) process.stdout.write(`  ${line}\n`);
}
