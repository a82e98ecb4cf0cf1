/**
 * The reader alone: reads reports with src/io/read-inputs.ts and prints counts, peak heap and
 * time, without joining, seed extraction, diagnosis or rendering. bench/run.mjs bundles it
 * with ncc into bench/out/read-only.mjs so it runs the same code the CLI bundles.
 *
 *   node bench/out/read-only.mjs FILE...
 */
import { readInputs } from "../src/io/read-inputs.js";

async function main(files: string[]): Promise<void> {
  const started = performance.now();
  const inputs = await readInputs(files, { cwd: process.cwd() });
  const ms = performance.now() - started;
  process.stdout.write(
    JSON.stringify({
      ms: Math.round(ms),
      counts: inputs.map((i) => i.counts),
      kept: inputs.reduce((n, i) => n + i.tests.length, 0),
      warnings: inputs.flatMap((i) => i.warnings).length,
    }) + "\n",
  );
}

// ncc's webpack rejects top-level await in this entry.
main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
