// The example's red "CI run", for real: gotestsum writing JUnit XML, go's own `go test -json`
// output (--jsonfile) and the `go test -v` console output for `go test -shuffle=N`, with
// EXAMPLE_SEED set to a seed TestNormalise fails with. TestParallelSum fails about half the
// time, so the run is repeated (a few times at most) until it failed too, as it did on the CI
// being triaged.
//
//   node examples/go/make-reports.mjs [OUT_DIR]                 (default: examples/go/reports)
//   node examples/go/make-reports.mjs --rerun-fails OUT.xml [OUT.json]
//                                                               gotestsum --rerun-fails report (and its go test -json)
//   node examples/go/make-reports.mjs --vendor                   only link vendor/
//
// Offline: testify comes from Debian's golang-github-stretchr-testify-dev (GOCODE, default
// /usr/share/gocode/src), linked into vendor/ so `go test` never asks the module proxy. The
// build cache is the example's own (.cache/go-build) unless GOCACHE is set; reruns given the
// same GOCACHE reuse it.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readlinkSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
// Seed 22 draws four numbers below 0.5: all-zero weights (see stats/stats_test.go).
const FAILING_SEED = "22";
// This shuffle seed runs TestFormatKilometres before TestFormatDefaultUnit.
const SHUFFLE_SEED = "1712345678901234567";
const MAX_TRIES = 20;
/** The failures of the red run: the race is the one that needs luck. */
const EXPECTED_FAILURES = [
  "TestMedian/even_count",
  "TestNormalise",
  "TestParallelSum",
  "TestMeanWithinDelta",
  "TestMeanWithinEpsilon",
  "TestFormatDefaultUnit",
];

/** testify 1.8.1 and what its assert package imports, as Debian installs them. */
const VENDORED = [
  { module: "github.com/davecgh/go-spew", version: "v1.1.1", packages: ["github.com/davecgh/go-spew/spew"] },
  { module: "github.com/pmezard/go-difflib", version: "v1.0.0", packages: ["github.com/pmezard/go-difflib/difflib"] },
  { module: "github.com/stretchr/testify", version: "v1.8.1", go: "1.13", packages: ["github.com/stretchr/testify/assert"] },
  { module: "gopkg.in/yaml.v3", version: "v3.0.1", packages: ["gopkg.in/yaml.v3"] },
];

function fail(message, code = 2) {
  console.error(`make-reports: ${message}`);
  process.exit(code);
}

/**
 * vendor/ as `go mod vendor` would write it, with links instead of copies. Idempotent and safe
 * to run from several processes at once (test files run in parallel): links and modules.txt
 * are put in place by rename, nothing is removed.
 */
function linkVendor() {
  const gocode = process.env.GOCODE ?? "/usr/share/gocode/src";
  const vendor = join(here, "vendor");
  const lines = [];
  for (const m of VENDORED) {
    const source = join(gocode, m.module);
    if (!existsSync(join(source, m.packages[0].slice(m.module.length)))) {
      fail(`${source} is missing: install golang-github-stretchr-testify-dev (or set GOCODE)`);
    }
    const link = join(vendor, m.module);
    mkdirSync(dirname(link), { recursive: true });
    if (linkTarget(link) !== source) {
      const temp = `${link}.${process.pid}.tmp`;
      symlinkSync(source, temp, "dir");
      renameSync(temp, link);
    }
    lines.push(`# ${m.module} ${m.version}`, m.go ? `## explicit; go ${m.go}` : "## explicit", ...m.packages);
  }
  const temp = join(vendor, `modules.txt.${process.pid}.tmp`);
  writeFileSync(temp, `${lines.join("\n")}\n`);
  renameSync(temp, join(vendor, "modules.txt"));
}

function linkTarget(path) {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}

/** What every go command of the example runs with: offline, and nothing written under $HOME. */
function goEnv(base) {
  return {
    ...base,
    GOCACHE: base.GOCACHE ?? join(here, ".cache", "go-build"),
    GOFLAGS: "-mod=vendor",
    GOPROXY: "off",
  };
}

function gotestsum(args, env) {
  return spawnSync("gotestsum", args, { cwd: here, encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
}

function failures(xml) {
  return [...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"[^>]*>\s*<failure/g)].map((m) => m[1]);
}

const args = process.argv.slice(2);
for (const [tool, flag] of [["go", "version"], ["gotestsum", "--version"]]) {
  if (spawnSync(tool, [flag], { encoding: "utf8" }).error !== undefined) {
    fail(`${tool} is not installed (apt-get install golang-go gotestsum)`);
  }
}
linkVendor();
if (args[0] === "--vendor") process.exit(0);
const env = { ...goEnv(process.env), EXAMPLE_SEED: FAILING_SEED };

if (args[0] === "--rerun-fails") {
  // gotestsum reruns each failed test up to twice, in the same report: recorded trials.
  const out = resolve(args[1] ?? fail("--rerun-fails needs an output file"));
  const json = args[2] === undefined ? [] : ["--jsonfile", resolve(args[2])];
  const run = gotestsum(
    ["--format", "standard-quiet", "--junitfile", out, ...json, "--rerun-fails=2", "--packages", "./...", "--", "-count=1", `-shuffle=${SHUFFLE_SEED}`],
    env,
  );
  if (!existsSync(out)) fail(`gotestsum wrote no report:\n${run.stdout}${run.stderr}`, 1);
  console.log(`make-reports: ${out}`);
  process.exit(0);
}

const out = resolve(args[0] ?? join(here, "reports"));
mkdirSync(out, { recursive: true });
const junit = join(out, "junit.xml");
for (let i = 1; i <= MAX_TRIES; i++) {
  const run = gotestsum(
    ["--format", "standard-verbose", "--junitfile", `${junit}.tmp`, "--jsonfile", join(out, "go-test.json"), "--", "-count=1", `-shuffle=${SHUFFLE_SEED}`, "./..."],
    env,
  );
  const xml = existsSync(`${junit}.tmp`) ? readFileSync(`${junit}.tmp`, "utf8") : "";
  const failed = failures(xml);
  if (failed.length === 0 && run.status !== 1) fail(`gotestsum exited with ${run.status}:\n${run.stdout}${run.stderr}`, 1);
  if (EXPECTED_FAILURES.every((name) => failed.includes(name))) {
    renameSync(`${junit}.tmp`, junit);
    // standard-verbose is what `go test -v` prints (then gotestsum's summary): the CI run's console log.
    writeFileSync(join(out, "go-test.log"), run.stdout);
    console.log(`make-reports: ${junit} (run ${i})`);
    process.exit(0);
  }
}
fail(`the race did not fail in ${MAX_TRIES} runs`, 1);
