// Verify's throughput against the floor for the same work: trials/s of
// `flaky-triage verify` (pytest plus our in-process repetition plugin) next to a bare loop, one
// python3 process that imports the fixture's test module and calls the test function N times,
// each with a different seed in MXNET_TEST_SEED (no pytest, no reporting: the cheapest way to
// run N seeded trials at all). The ratio is what pytest and our bookkeeping cost per trial.
// A third row runs pytest once per seed, as a shell loop would, for the other end of the scale.
//
//   node bench/verify.mjs [TRIALS]      (default 4000; needs python3 with pytest, and dist/ built)
//
// Prints one JSON line per row: {"row", "trials", "seconds", "trialsPerSec"}.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const trials = Number(process.argv[2] ?? 4000);
const python = process.env.FLAKY_TRIAGE_PYTHON || "python3";
const cli = join(root, "dist", "cli.js");
const project = mkdtempSync(join(tmpdir(), "ft-bench-verify-"));
cpSync(join(root, "test", "fixtures", "verify"), project, { recursive: true });
const ID = "test_known_rate.py::test_known_rate";

function timed(row, fn, n = trials) {
  const start = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ row, trials: n, seconds: Number(seconds.toFixed(3)), trialsPerSec: Number((n / seconds).toPrecision(3)) }));
}

/** A shell loop around pytest pays interpreter start and collection per trial: a few trials tell the rate. */
const SHELL_LOOP_TRIALS = 20;

// The bare loop: same seeds' shape (31-bit), same test body, same env variable.
const loop = `
import os, random, sys
sys.path.insert(0, sys.argv[1])
import test_known_rate as m
rng = random.Random(1)
failed = 0
for _ in range(int(sys.argv[2])):
    os.environ["MXNET_TEST_SEED"] = str(rng.randint(1, 2 ** 31 - 1))
    try:
        m.test_known_rate()
    except AssertionError:
        failed += 1
print(failed)
`;
try {
  timed("bare python loop (1 process)", () => execFileSync(python, ["-c", loop, project, String(trials)], { stdio: "ignore" }));
  for (const jobs of [...new Set([1, availableParallelism()])]) {
    const out = join(project, `verify-${jobs}.json`);
    timed(`flaky-triage verify --jobs ${jobs}`, () => {
      const r = spawnSync(process.execPath, [cli, "verify", ID, "--cwd", project, "--trials", String(trials), "--jobs", String(jobs),
        "--seed-env", "MXNET_TEST_SEED", "--base-seed", "bench", "--quiet", "--json", out], { stdio: "ignore" });
      if (r.status !== 0 && r.status !== 1) throw new Error(`verify exited with ${r.status}`);
    });
    const t = JSON.parse(readFileSync(out, "utf8")).tests[0];
    if (t.trials !== trials) throw new Error(`verify ran ${t.trials} of ${trials} trials`);
  }
  timed("pytest, one process per trial (a shell loop)", () => {
    for (let i = 1; i <= SHELL_LOOP_TRIALS; i++) {
      spawnSync(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", ID], { cwd: project, stdio: "ignore", env: { ...process.env, MXNET_TEST_SEED: String(i * 7919) } });
    }
  }, SHELL_LOOP_TRIALS);
  timed("flaky-triage verify --jobs 1, seed learnt by a probe run", () => {
    spawnSync(process.execPath, [cli, "verify", ID, "--cwd", project, "--trials", String(trials), "--jobs", "1", "--base-seed", "bench", "--quiet"], { stdio: "ignore" });
  });
} finally {
  rmSync(project, { recursive: true, force: true });
}
