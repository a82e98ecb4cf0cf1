// The example's red "CI run", for real: jest 30 with `--randomize --seed=15` and jest-junit
// (its default options, plus the console output the seed line travels in), the console kept
// next to the report. Seed 15 makes the normalise test draw all-zero weights. The parallelSum
// race fails about half the time, so the run is repeated (a few times at most) until it failed
// too, as it did on the CI being triaged.
//
//   node examples/jest/make-reports.mjs [OUT_DIR]     (default: examples/jest/reports)
//
// Writes junit.xml (jest-junit), results.json (jest's own --json) and jest.log (the console).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, "reports"));
// jest's seed of the CI run; the normalise test fails with it (see tests/stats.test.js).
const CI_SEED = "15";
/** Failing tests of a run that looks like the CI run: median, parallelSum, normalise, mean32. */
const EXPECTED_FAILURES = 4;
const MAX_TRIES = 30;
const jest = join(here, "node_modules", "jest", "bin", "jest.js");
if (!existsSync(jest) || !existsSync(join(here, "node_modules", "jest-junit"))) {
  console.error("make-reports: jest is not installed in examples/jest (npm ci --no-audit --no-fund --prefix examples/jest)");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const junit = join(out, "junit.xml");
const results = join(out, "results.json");
for (let i = 1; i <= MAX_TRIES; i++) {
  const run = spawnSync(
    process.execPath,
    [jest, "--ci", "--randomize", `--seed=${CI_SEED}`, "--reporters=default", "--reporters=jest-junit", "--json", `--outputFile=${results}.tmp`],
    {
      cwd: here,
      encoding: "utf8",
      env: {
        ...process.env,
        EXAMPLE_SEED: "",
        JEST_JUNIT_OUTPUT_DIR: out,
        JEST_JUNIT_OUTPUT_NAME: "junit.xml.tmp",
        NO_COLOR: "1",
        FORCE_COLOR: "0",
        CI: "1",
      },
    },
  );
  const xml = existsSync(`${junit}.tmp`) ? readFileSync(`${junit}.tmp`, "utf8") : "";
  if ((xml.match(/<failure>/g) ?? []).length === EXPECTED_FAILURES) {
    renameSync(`${junit}.tmp`, junit);
    renameSync(`${results}.tmp`, results);
    writeFileSync(join(out, "jest.log"), run.stdout + run.stderr);
    console.log(`make-reports: ${junit} (run ${i})`);
    process.exit(0);
  }
}
console.error(`make-reports: the race did not fail in ${MAX_TRIES} runs`);
process.exit(1);
