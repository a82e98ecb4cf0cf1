/**
 * Seed recognisers as data: a pattern that finds a seed in failure text and how to give that
 * seed back to the test. Adding a framework means adding an entry here, not a code path.
 *
 * Order is priority: specific, unambiguous announcements (MXNet, pytest-randomly, hypothesis)
 * come before the generic `seed=N` forms, which would otherwise also match inside them.
 */
import type { SeedApply } from "../model.js";

/**
 * What a recognised seed is for. `test` seeds are the primary seed of a test; `module` seeds
 * only travel as `related` next to a test seed (or stand in when no test seed was printed);
 * `example` is a hypothesis falsifying example: evidence, replayable only through a blob.
 */
export type SeedKind = "test" | "module" | "example";

export interface SeedRecogniser {
  name: string;
  /** Must have the `g` flag: extraction looks at every match and keeps the last. */
  pattern: RegExp;
  kind: SeedKind;
  /** The seed as it will be stored (`Seed.value`); null rejects the match as absurd. */
  value(match: RegExpExecArray): string | null;
  apply(match: RegExpExecArray): SeedApply;
  /**
   * The rerun driver whose command line `apply`'s arguments belong to ("vitest", "go", ...);
   * other drivers must not pass them on. Absent: the arguments are pytest's, or there are none.
   */
  runner?: string;
  /**
   * The seed only orders the tests and the reruns replay that order: go -shuffle, whose driver
   * reruns the whole package under it. A fresh seed is then a fresh order and nothing else.
   * vitest's sequence.seed and choma's CHOMA_SEED also only order tests, but their reruns run
   * the test alone (`-t`, `--grep`), so neither the recorded order nor a fresh one is replayed.
   */
  ordersOnly?: true;
  /**
   * The seed orders the tests and seeds nothing a test draws from (vitest's sequence.seed,
   * jest's --seed, googletest's random_seed, choma, Surefire's and JUnit 5's run order): given
   * back, it pins no input, so a test failing only sometimes under it may as well draw unseeded
   * values as race. Not rspec's, minitest's or PHPUnit's: they seed the language's generator too.
   */
  ordersTestsOnly?: true;
}

/** Integer seeds longer than this are not seeds (numpy accepts up to 2^128 ≈ 39 digits). */
export const MAX_SEED_DIGITS = 40;
/** A reproduce_failure blob is base64 of the choice sequence; long ones are still legitimate. */
export const MAX_HYPOTHESIS_BLOB_CHARS = 4_096;
/** Falsifying examples can print large values; keep enough to recognise the case. */
export const MAX_EXAMPLE_CHARS = 4_000;

const DIGITS = `(\\d{1,${MAX_SEED_DIGITS}})(?!\\d)`;

function group(match: RegExpExecArray, index: number): string {
  return match[index] ?? "";
}

/**
 * The falsifying call as hypothesis printed it: `f(x=1)` on one line, or `f(` + indented
 * argument lines + a line holding only `)`. Scanning stops after MAX_EXAMPLE_CHARS; a longer
 * example is kept truncated (it is evidence for a human, never re-applied).
 */
function exampleCall(match: RegExpExecArray): string {
  const input = match.input;
  const open = match.index + match[0].length - 1;
  const lineEnd = (from: number): number => {
    const i = input.indexOf("\n", from);
    return i === -1 ? input.length : i;
  };
  const firstEnd = lineEnd(open);
  const head = group(match, 1);
  const firstLine = input.slice(open, firstEnd).trimEnd();
  if (firstLine.length > 1 && firstLine.endsWith(")")) return (head + firstLine).slice(0, MAX_EXAMPLE_CHARS);
  const limit = Math.min(input.length, open + MAX_EXAMPLE_CHARS);
  for (let start = firstEnd + 1; start < limit; ) {
    const end = lineEnd(start);
    if (/^[ \t]*\)[ \t]*$/.test(input.slice(start, end))) return head + input.slice(open, end);
    start = end + 1;
  }
  return `${head}${input.slice(open, limit)} ...`;
}

/** Global-RNG forms all re-apply the same way: our pytest plugin seeds random/numpy/torch. */
function globalRng(name: string, pattern: RegExp): SeedRecogniser {
  return {
    name,
    pattern,
    kind: "test",
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "global-rng", value: group(m, 1) }),
  };
}

/** A seed that goes back to its runner as command-line arguments built from the value. */
function runnerArgs(
  name: string,
  runner: string,
  pattern: RegExp,
  args: (seed: string) => string[],
  valueGroup = 1,
): SeedRecogniser {
  return {
    name,
    pattern,
    kind: "test",
    runner,
    value: (m) => group(m, valueGroup),
    apply: (m) => ({ kind: "args", args: args(group(m, valueGroup)) }),
  };
}

/** A recogniser whose seed only orders the tests (see SeedRecogniser.ordersOnly). */
function ordering(r: SeedRecogniser): SeedRecogniser {
  return { ...r, ordersOnly: true };
}

function orderOnly(r: SeedRecogniser): SeedRecogniser {
  return { ...r, ordersTestsOnly: true };
}

/** A seed the runner cannot take back from outside: evidence, with how to replay it by hand. */
function fixedInCode(name: string, pattern: RegExp, why: (seed: string) => string, kind: SeedKind = "test"): SeedRecogniser {
  return {
    name,
    pattern,
    kind,
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "none", why: why(group(m, 1)) }),
  };
}

/** Signed seeds (jest, jqwik, JUnit, fast-check print negative ones). */
const SIGNED = `(-?\\d{1,${MAX_SEED_DIGITS}})(?!\\d)`;

/**
 * Seeds of other runners, each from the runner's own words. Where the text came from is in
 * docs/runners.md: captured from a real run here (vitest, jest, choma, fast-check) or the
 * runner's documentation and source (the rest).
 */
const RUNNER_RECOGNISERS: readonly SeedRecogniser[] = [
  // vitest prints this under "RUN" when sequence.shuffle is on; the seed only orders tests,
  // so it goes back together with the shuffle it belongs to.
  orderOnly(runnerArgs("vitest-seed", "vitest", new RegExp(`Running tests with seed "${DIGITS}"`, "g"), (s) => [
    "--sequence.shuffle",
    `--sequence.seed=${s}`,
  ])),
  orderOnly(runnerArgs("vitest-seed-flag", "vitest", new RegExp(`--sequence\\.seed[= ]${DIGITS}`, "g"), (s) => [
    "--sequence.shuffle",
    `--sequence.seed=${s}`,
  ])),
  // jest --randomize / --showSeed: "Seed:        -1234567" in the summary (only there), padded
  // to the column of "Tests:       " (jest seeds are signed 32-bit). The padding keeps a test's
  // own "Seed: 5" line for the generic recognisers.
  orderOnly(runnerArgs("jest-seed", "jest", new RegExp(`^[ \\t]*Seed: {4,}${SIGNED}[ \\t]*$`, "gm"), (s) => [
    "--randomize",
    `--seed=${s}`,
  ])),
  // go test -shuffle prints "-test.shuffle N" as the first line of a package's output (go 1.19,
  // real; shown for failing packages, or always with -v). The go driver reruns the whole
  // package with it: go shuffles every test before -run filters them.
  ordering(runnerArgs("go-shuffle", "go", new RegExp(`-test\\.shuffle[ =]${SIGNED}`, "g"), (s) => [`-shuffle=${s}`])),
  // mocha has no ordering seed of its own; choma (the usual shuffling plugin) prints one first:
  // "choma: to re-use this ordering, run tests with CHOMA_SEED=4DaqZgCTey".
  {
    ordersTestsOnly: true,
    name: "mocha-choma-seed",
    pattern: /\bCHOMA_SEED=([A-Za-z0-9]{1,64})\b/g,
    kind: "test",
    runner: "mocha",
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "env", env: { CHOMA_SEED: group(m, 1) } }),
  },
  runnerArgs("rspec-seed", "rspec", new RegExp(`Randomized with seed ${DIGITS}`, "g"), (s) => ["--seed", s]),
  // minitest: "Run options: --seed N"; minitest-reporters' DefaultReporter replaces it with
  // "# Running tests with run options --seed N:".
  runnerArgs(
    "minitest-seed",
    "minitest",
    new RegExp(`(?:Run options:|Running tests with run options)[^\\n]{0,200}?--seed[ =]${DIGITS}`, "g"),
    (s) => ["--seed", s],
  ),
  orderOnly(
    runnerArgs(
      "googletest-shuffle-seed",
      "gtest",
      new RegExp(`Note: Randomizing tests' orders with a seed of ${DIGITS}`, "g"),
      (s) => ["--gtest_shuffle", `--gtest_random_seed=${s}`],
    ),
  ),
  runnerArgs("catch-rng-seed", "catch2", new RegExp(`Randomness seeded to: ${DIGITS}`, "g"), (s) => ["--rng-seed", s]),
  // The same seeds as the JUnit reports carry them, once for the whole run (TestCase.reportContext):
  // googletest's root attribute (written only when shuffling), Catch2's and rspec_junit_formatter's
  // suite properties.
  orderOnly(runnerArgs("googletest-xml-random-seed", "gtest", new RegExp(`<testsuites\\b[^>]*\\srandom_seed="${DIGITS}"`, "g"), (s) => [
    "--gtest_shuffle",
    `--gtest_random_seed=${s}`,
  ])),
  runnerArgs("catch-xml-random-seed", "catch2", new RegExp(`<property name="random-seed" value="${DIGITS}"`, "g"), (s) => ["--rng-seed", s]),
  runnerArgs("rspec-xml-seed", "rspec", new RegExp(`<property name="seed" value="${DIGITS}"`, "g"), (s) => ["--seed", s]),
  // PHPUnit's header pads the label to "Random Seed:   " (three spaces, capital S).
  runnerArgs("phpunit-random-seed", "phpunit", new RegExp(`Random Seed: {3}${DIGITS}`, "g"), (s) => [
    "--order-by=random",
    `--random-order-seed=${s}`,
  ]),
  // Surefire's runOrder=random announcement, and JUnit 5's random method order, both as the
  // system properties that reproduce them.
  orderOnly(
    runnerArgs(
      "surefire-run-order-seed",
      "maven",
      new RegExp(`-Dsurefire\\.runOrder\\.random\\.seed=${SIGNED}`, "g"),
      (s) => [`-Dsurefire.runOrder.random.seed=${s}`],
    ),
  ),
  orderOnly(
    runnerArgs(
      "junit-jupiter-random-order-seed",
      "maven",
      new RegExp(`junit\\.jupiter\\.execution\\.order\\.random\\.seed\\]?(?:=| with value \\[)${SIGNED}`, "g"),
      (s) => [`-Djunit.jupiter.execution.order.random.seed=${s}`],
    ),
  ),
  // jqwik's report table: "seed = 42859154278924201      | random seed to reproduce generated values".
  fixedInCode(
    "jqwik-seed",
    new RegExp(`^[ \\t]*seed = ${SIGNED}[ \\t]*\\|`, "gm"),
    (s) => `jqwik takes its seed from code: add seed = "${s}" to the @Property annotation`,
  ),
  // fast-check (and other QuickCheck ports) print the run's seed and shrink path.
  fixedInCode(
    "fast-check-seed",
    new RegExp(`\\{ seed: ${SIGNED}, path: "[0-9:]{0,4000}"`, "g"),
    (s) => `fast-check takes its seed from code: pass { seed: ${s}, path, endOnFailure: true } to fc.assert`,
  ),
  runnerArgs(
    "quickcheck-replay",
    "quickcheck",
    /--quickcheck-replay=("?)([^\s"]{1,200})\1/g,
    (s) => [`--quickcheck-replay=${s}`],
    2,
  ),
  // proptest's persistence line: a regression seed the next run replays once it is in the
  // proptest-regressions file.
  fixedInCode(
    "proptest-regression",
    /^cc ([0-9a-f]{64})\b/gm,
    (s) => `proptest replays persisted failures: add the line "cc ${s}" to the test's proptest-regressions file`,
  ),
  fixedInCode(
    "proptest-minimal-input",
    /minimal failing input: ([^\n]{1,4000})/g,
    () => "proptest shrank the failure to this input; it replays it from the proptest-regressions file",
    "example",
  ),
  // A JVM generator seeded in code: the seed is fixed, so reruns reproduce it as is.
  fixedInCode(
    "java-new-random",
    new RegExp(`\\bnew (?:java\\.util\\.)?Random\\(\\s*${SIGNED}L?\\s*\\)`, "g"),
    () => "the test seeds java.util.Random in code: it replays the same values on every run",
  ),
];

export const BUILTIN_RECOGNISERS: readonly SeedRecogniser[] = [
  ...RUNNER_RECOGNISERS,
  {
    // MXNet's with_seed / setup_module log line, with whatever logger prefix precedes it.
    name: "mxnet-test-seed",
    pattern: new RegExp(`\\bMXNET_TEST_SEED=${DIGITS}`, "g"),
    kind: "test",
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "env", env: { MXNET_TEST_SEED: group(m, 1) } }),
  },
  {
    name: "mxnet-module-seed",
    pattern: new RegExp(`\\bMXNET_MODULE_SEED=${DIGITS}`, "g"),
    kind: "module",
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "env", env: { MXNET_MODULE_SEED: group(m, 1) } }),
  },
  {
    // pytest-randomly's report header; `-p randomly` makes sure the plugin is loaded on rerun.
    name: "pytest-randomly",
    pattern: new RegExp(`Using --randomly-seed=${DIGITS}`, "g"),
    kind: "test",
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "args", args: ["-p", "randomly", `--randomly-seed=${group(m, 1)}`] }),
  },
  {
    // Printed with print_blob=True (or on CI profiles): the exact failing choice sequence.
    name: "hypothesis-reproduce-failure",
    pattern: new RegExp(
      `@reproduce_failure\\(\\s*(['"])([0-9][0-9A-Za-z.+-]{0,40})\\1\\s*,\\s*b(['"])([A-Za-z0-9+/=]{1,${MAX_HYPOTHESIS_BLOB_CHARS}})\\3\\s*\\)`,
      "g",
    ),
    kind: "test",
    value: (m) => group(m, 4),
    apply: (m) => ({ kind: "hypothesis", decorator: m[0] }),
  },
  {
    // Hypothesis prints this when a failure did not reproduce on replay (flaky / unreliable).
    name: "hypothesis-seed",
    pattern: new RegExp(`--hypothesis-seed=${DIGITS}`, "g"),
    kind: "test",
    value: (m) => group(m, 1),
    apply: (m) => ({ kind: "args", args: [`--hypothesis-seed=${group(m, 1)}`] }),
  },
  {
    // Only the head is matched; the call's extent is read by `exampleCall` from the match.
    name: "hypothesis-falsifying-example",
    pattern: /Falsifying (?:explicit )?example: ([A-Za-z_][\w.]{0,200})\(/g,
    kind: "example",
    value: exampleCall,
    apply: () => ({
      kind: "none",
      why:
        "hypothesis printed a falsifying example but no @reproduce_failure blob; " +
        "enable @settings(print_blob=True) or paste the example as @example(...)",
    }),
  },
  globalRng("numpy-seed-call", new RegExp(`\\bnp\\.random\\.seed\\(\\s*${DIGITS}\\s*\\)`, "g")),
  globalRng("torch-manual-seed", new RegExp(`\\btorch\\.(?:cuda\\.)?manual_seed(?:_all)?\\(\\s*${DIGITS}\\s*\\)`, "g")),
  globalRng("python-random-seed", new RegExp(`(?<![\\w.])random\\.seed\\(\\s*${DIGITS}\\s*\\)`, "g")),
  {
    // A test that announces its seed as an environment variable ("set TEST_SEED=586376494 to
    // reproduce", "CALC_SEED=42"): it reads that variable, so the seed goes back through it.
    // SEED must be the name's last word: N_SEEDS=50 is a count, and PYTHONHASHSEED cannot
    // change inside a running interpreter. MXNet's own variables have their recognisers above
    // (the module seed is only related). After the explicit seeding calls, which name the
    // generator the test uses.
    name: "env-seed-variable",
    // "SEED=" outside the groups: the literal that rules the pattern out of most texts.
    pattern: new RegExp(`\\b(?!MXNET_)((?:[A-Z][A-Z0-9_]{0,60}_)?)SEED=${DIGITS}(?![\\w.])`, "g"),
    kind: "test",
    value: (m) => group(m, 2),
    apply: (m) => ({ kind: "env", env: { [`${group(m, 1)}SEED`]: group(m, 2) } }),
  },
  globalRng("random-seed-label", new RegExp(`\\bRandom seed:\\s*${DIGITS}`, "gi")),
  // Word boundary on the left keeps MXNET_TEST_SEED=, randomly_seed= etc. out of this one.
  globalRng("seed-assignment", new RegExp(`\\bseed\\s*[=:]\\s*${DIGITS}`, "gi")),
];

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/**
 * Variables a name read from a report must never set in a rerun: a user pattern's `env` group
 * takes its name from untrusted text, and `PATH=5`, `BASH_ENV`, `LD_PRELOAD`, `NODE_OPTIONS`,
 * `PYTHONSTARTUP` or `GOFLAGS` would change what the rerun runs, not the seed it uses.
 */
const NOT_A_SEED_VARIABLE =
  /^(?:PATH|HOME|SHELL|ENV|BASH_ENV|BASH_FUNC_\w*|IFS|PS4|CDPATH|GLOBIGNORE|TMPDIR|TEMP|TMP|CI|LD_\w*|DYLD_\w*|PYTHON(?!HASHSEED$)\w*|NODE_\w*|NPM_\w*|GO[A-Z]+|CGO_\w*|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|PERL5\w*|RUBY\w*|GIT_\w*|GITHUB_\w*|RUNNER_\w*|ACTIONS_\w*|FLAKY_TRIAGE_\w*)$/i;

/** Whether a report may name this variable as the one a seed goes back through. */
export function isSeedVariableName(name: string): boolean {
  return ENV_NAME.test(name) && !NOT_A_SEED_VARIABLE.test(name);
}

/**
 * A user pattern (`--seed-pattern`) as a recogniser: named group `seed`, optional `env`. With
 * `env` the seed goes back as that environment variable, otherwise through the global RNGs.
 */
export function userRecogniser(pattern: RegExp, index: number): SeedRecogniser {
  const flags = pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g";
  const seedOf = (m: RegExpExecArray): string => m.groups?.["seed"]?.trim() ?? "";
  const envOf = (m: RegExpExecArray): string | undefined => {
    const env = m.groups?.["env"];
    return env !== undefined && isSeedVariableName(env) ? env : undefined;
  };
  return {
    name: `user:${index}`,
    pattern: new RegExp(pattern.source, flags),
    kind: "test",
    value: (m) => {
      const seed = seedOf(m);
      // User seeds need not be integers, but they travel through argv/env: keep them short
      // and printable.
      return seed.length > 0 && seed.length <= MAX_SEED_DIGITS * 2 && /^[\x21-\x7e]+$/.test(seed)
        ? seed
        : null;
    },
    apply: (m) => {
      const env = envOf(m);
      return env !== undefined
        ? { kind: "env", env: { [env]: seedOf(m) } }
        : { kind: "global-rng", value: seedOf(m) };
    },
  };
}

/** The driver whose arguments a built-in recogniser's seed carries, if any. */
export function recogniserRunner(name: string): string | undefined {
  return BUILTIN_RECOGNISERS.find((r) => r.name === name)?.runner;
}

const ORDERING = new Set(BUILTIN_RECOGNISERS.filter((r) => r.ordersOnly === true).map((r) => r.name));
const ORDERS_TESTS = new Set(BUILTIN_RECOGNISERS.filter((r) => r.ordersOnly === true || r.ordersTestsOnly === true).map((r) => r.name));

/** Whether the seed orders the tests and seeds nothing they draw (ordersTestsOnly, or go's -shuffle). */
export function ordersTestsOnly(seed: { recogniser: string } | null): boolean {
  return seed !== null && ORDERS_TESTS.has(seed.recogniser);
}

/** Whether the seed only orders the tests: its fresh seeds are fresh orders. */
export function ordersOnly(seed: { recogniser: string } | null): boolean {
  return seed !== null && ORDERING.has(seed.recogniser);
}
