/**
 * `npm run bench`: every bench in this folder, in one process, printed as a
 * table of medians (with min–max). Run one area with `npm run bench -- NAME`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, type BenchRow } from './harness.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const names = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .map((f) => f.replace(/\.bench\.js$/, ''))
  .filter((n) => only.length === 0 || only.includes(n))
  .sort();

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
for (const name of names) {
  console.log(`\n## ${name}`);
  // A computed URL, so the bundler leaves the import to run time: each bench is its own bundle.
  const mod = (await import(pathToFileURL(path.join(here, `${name}.bench.js`)).href)) as {
    default: (report: (r: BenchRow) => void) => Promise<void>;
  };
  await mod.default((r) => {
    const range =
      r.samples && r.samples.length > 1
        ? `  (min ${fmt(Math.min(...r.samples))}, max ${fmt(Math.max(...r.samples))}, n=${r.samples.length})`
        : '';
    const value = r.samples ? median(r.samples) : r.value;
    console.log(`${r.name.padEnd(58)} ${fmt(value).padStart(9)} ${r.unit}${range}${r.note ? `  ${r.note}` : ''}`);
  });
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
