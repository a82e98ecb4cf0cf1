/**
 * Dialect detection, ids and failure places on the shared fixtures (real reports of real
 * runners, see ../shared/fixtures/junit/README.md) and on vitest's own junit output made here.
 * Every expectation below was checked by hand against the XML.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TestCase } from "../../src/model.js";
import { detectDialect, viewOf } from "../../src/reports/dialects/index.js";
import { joinInputs } from "../../src/reports/join.js";
import { JUnitReader } from "../../src/reports/junit.js";
import { extractSeed } from "../../src/seeds/extract.js";
import { failureHints } from "../../src/classify.js";
import { findHint } from "../../src/diagnose/cause-hints.js";
import { jestNamePattern } from "../../src/rerun/drivers/jest.js";
import { sharedJunit, skipShared } from "../shared-fixtures.js";

const shared = sharedJunit;
/** A test that reads the shared fixtures. */
const sharedIt = it.skipIf(skipShared);

function read(rel: string): { path: string; failing: TestCase[]; head: string; text: string } {
  const file = path.join(shared, rel);
  const text = readFileSync(file, "utf8");
  const reader = new JUnitReader(file);
  reader.write(text);
  const parsed = reader.end();
  return {
    path: file,
    failing: parsed.tests.filter((t) => t.outcome !== "passed" || (t.priorAttempts?.length ?? 0) > 0),
    head: text.slice(0, 4096),
    text,
  };
}

/** [fixture, dialect from failing tests alone, dialect with the head, first failing test's id]. */
const CASES: Array<[string, string | null, string | null, string | null]> = [
  ["mikepenz-action-junit-report/maven_surefire_flaky/surefire-report.xml", "surefire", "surefire",
    "io.sodadata.dependson.soda.integrations.msteams.MicrosoftTeamsCrudTest#createWebhook"],
  ["mikepenz-action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.CalcUtilsTest.xml", "surefire", "surefire",
    "action.surefire.report.calc.CalcUtilsTest#test error handling"],
  ["dorny-test-reporter/external/java/pulsar-test-report.xml", "surefire", "surefire",
    "org.apache.pulsar.AddMissingPatchVersionTest#testVersionStrings"],
  ["mikepenz-action-junit-report/marathon_tests/com.mikepenz.DummyTest3#test_01.xml", "surefire", "surefire", "com.mikepenz.DummyTest3#test_01"],
  // jest-junit configured with " › " between describe titles; the file from the stack frame.
  ["dorny-test-reporter/jest-junit.xml", "jest-junit", "jest-junit",
    "C:/Users/Michal/Workspace/dorny/test-check/reports/jest/__tests__/main.test.js > Test 1 > Test 1.1 > Failing test"],
  ["dorny-test-reporter/external/jest/jest-test-results.xml", "jest-junit", "jest-junit",
    "/home/dorny/dorny/jest/e2e/__tests__/jestChangedFiles.test.ts > gets changed files for hg"],
  ["mikepenz-action-junit-report/junit-server-test/report.xml", "go-junit-report", "gotestsum",
    "github.com/example/example/server/v8/channels/api4/TestWebSocketReconnectRace"],
  ["mikepenz-action-junit-report/catch2/report.xml", "catch2", "catch2", "is constant evaluated"],
  ["mikepenz-action-junit-report/nextest/basic.xml", "nextest", "nextest", "oxidized_navigation::parry3d::test_failure"],
  ["dorny-test-reporter/phpunit/phpunit-paths.xml", "phpunit", "phpunit", "SampleSuite::testFailure"],
  ["mikepenz-action-junit-report/cunit/testFailure.xml", "cunit", "cunit", "DummyClass::loadFromXMLString_When_Should2Test"],
  ["dorny-test-reporter/junit-with-message.xml", "googletest", "googletest", "Fails.Test"],
  ["mikepenz-action-junit-report/junit-web-test/expected.xml", "jest-junit", "web-test-runner",
    "packages/test-runner-junit-reporter/test/fixtures/multiple/simple-test.js > off-by-one boolean logic errors > asserts error"],
  // Comments in the Testmo example mention other dialects' attributes: ignored.
  ["dorny-test-reporter/external/java/junit4-complete.xml", null, null, "Tests.Registration::testCase5"],
  // pytest reports are the pytest id mapping's, never a dialect's.
  ["mikepenz-action-junit-report/flaky_retries/flaky_with_classname_file.xml", null, null, null],
  ["dorny-test-reporter/python-xunit-pytest.xml", null, null, null],
  ["mikepenz-action-junit-report/mocha/mocha.xml", null, "mocha", null],
];

describe.skipIf(skipShared)("dialect detection on the shared fixtures", () => {
  it.each(CASES)("%s", (rel, byTests, byHead, id) => {
    const r = read(rel);
    expect(detectDialect({ path: r.path, tests: r.failing })?.name ?? null).toBe(byTests);
    const withHead = detectDialect({ path: r.path, tests: r.failing, head: r.head });
    expect(withHead?.name ?? null).toBe(byHead);
    const first = r.failing[0];
    if (id !== null && first !== undefined) {
      expect(withHead === null ? first.id : viewOf(withHead, first).id).toBe(id);
    }
  });
});

/** A project holding exactly these files. */
function project(...files: string[]) {
  return { exists: (rel: string) => files.includes(rel) };
}

describe("file and line per dialect, through the join", () => {
  const join = (rel: string, ...files: string[]) => {
    const r = read(rel);
    const reader = new JUnitReader(r.path);
    reader.write(r.text);
    return joinInputs([reader.end()], project(...files));
  };

  sharedIt("Surefire: the test class's own frame, under the package in a Maven source root", () => {
    const [t] = join(
      "mikepenz-action-junit-report/maven_surefire_flaky/surefire-report.xml",
      "src/test/java/io/sodadata/dependson/soda/integrations/msteams/MicrosoftTeamsCrudTest.java",
    );
    expect(t).toMatchObject({
      file: "src/test/java/io/sodadata/dependson/soda/integrations/msteams/MicrosoftTeamsCrudTest.java",
      line: 58,
      outcome: "passed",
      priorAttempts: [{ outcome: "failed" }],
    });
  });

  sharedIt("Surefire in a module: the module directory comes from the report path; Kotlin names with spaces", () => {
    const tests = join(
      "mikepenz-action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.CalcUtilsTest.xml",
      "tests/utils/src/test/kotlin/action/surefire/report/calc/CalcUtilsTest.kt",
    );
    expect(tests.map((t) => [t.id, t.file, t.line])).toEqual([
      ["action.surefire.report.calc.CalcUtilsTest#test error handling", "tests/utils/src/test/kotlin/action/surefire/report/calc/CalcUtilsTest.kt", 27],
      ["action.surefire.report.calc.CalcUtilsTest#test scale", "tests/utils/src/test/kotlin/action/surefire/report/calc/CalcUtilsTest.kt", 15],
    ]);
  });

  sharedIt("Surefire without the sources: no guessed file", () => {
    const [t] = join("mikepenz-action-junit-report/maven_surefire_flaky/surefire-report.xml");
    expect(t?.file).toBeUndefined();
  });

  sharedIt("jest-junit: the first stack frame outside node_modules, mapped into the project by suffix", () => {
    const [t] = join("dorny-test-reporter/jest-junit.xml", "__tests__/main.test.js");
    expect(t).toMatchObject({ file: "__tests__/main.test.js", line: 10, runner: "jest" });
  });

  sharedIt("Catch2, nextest, CUnit, PHPUnit, googletest: their own file:line forms", () => {
    expect(join("mikepenz-action-junit-report/catch2/report.xml", "test/unit/detail/utility/is_constant_evaluated.cpp")[0])
      .toMatchObject({ file: "test/unit/detail/utility/is_constant_evaluated.cpp", line: 19 });
    expect(join("mikepenz-action-junit-report/nextest/basic.xml", "tests/parry3d.rs")[0]).toMatchObject({ file: "tests/parry3d.rs", line: 154 });
    expect(join("mikepenz-action-junit-report/cunit/testFailure.xml", "core/tests/testFailure.cpp")[0])
      .toMatchObject({ file: "core/tests/testFailure.cpp", line: 77 });
    expect(join("dorny-test-reporter/phpunit/phpunit-paths.xml", "src/Fake.php")[0]).toMatchObject({ file: "src/Fake.php", line: 42 });
    expect(join("dorny-test-reporter/junit-with-message.xml", "error.cpp")[0]).toMatchObject({ id: "Fails.Test", file: "error.cpp", line: 1 });
  });

  it("Go: the package's test file from the `file_test.go:42:` log line", () => {
    const go: TestCase = {
      id: "example.com/m/pkg/stats::TestMean/empty",
      classname: "example.com/m/pkg/stats",
      name: "TestMean/empty",
      outcome: "failed",
      details: "=== RUN   TestMean/empty\n    mean_test.go:42: got NaN, want 0\n--- FAIL: TestMean/empty (0.00s)",
      sources: [{ file: "report.xml", line: 3 }],
      index: 0,
    };
    const [t] = joinInputs([{ path: "report.xml", kind: "junit", tests: [go], counts: { tests: 1, passed: 0, failed: 1, errored: 0, skipped: 0 }, warnings: [] }], project("pkg/stats/mean_test.go"));
    expect(t).toMatchObject({ id: "example.com/m/pkg/stats/TestMean/empty", file: "pkg/stats/mean_test.go", line: 42, runner: "go" });
  });

  it("Go, real gotestsum 1.8.2 output (examples/go): dialect, subtest id, file and line", () => {
    const file = path.resolve(import.meta.dirname, "../fixtures/junit/gotestsum-rerun-fails.xml");
    const text = readFileSync(file, "utf8");
    const reader = new JUnitReader(file);
    reader.write(text);
    const parsed = reader.end();
    const failing = parsed.tests.filter((t) => t.outcome !== "passed" || (t.priorAttempts?.length ?? 0) > 0);
    expect(detectDialect({ path: file, tests: failing, head: text.slice(0, 4096) })?.name).toBe("gotestsum");
    expect(detectDialect({ path: file, tests: failing })?.name).toBe("go-junit-report");
    const [even] = joinInputs([parsed], project("stats/stats_test.go", "stats/stats.go")).filter((t) => t.name === "TestMedian/even_count");
    expect(even).toMatchObject({ id: "example.com/flakydemo/stats/TestMedian/even_count", file: "stats/stats_test.go", line: 38, runner: "go" });
  });
});

/**
 * gotestsum 1.8.2 on go 1.19's `go test -json` of a module whose tests fail by a panic, a
 * refused connection, a missing file and plain t.Errorf (the module path on the CI machine,
 * /home/ci/gm, written over the one it ran in). gotestsum's message attribute is "Failed" for
 * every test.
 */
describe("gotestsum, a real report of panics and environment failures (test/fixtures/junit)", () => {
  const file = path.resolve(import.meta.dirname, "../fixtures/junit/gotestsum-panic-env.xml");
  const parsed = () => {
    const reader = new JUnitReader(file);
    reader.write(readFileSync(file, "utf8"));
    return reader.end();
  };

  it("the message says what failed: the panic, or the test's last log line, not 'Failed'", () => {
    const tests = joinInputs([parsed()], project("svc/svc_test.go", "envt/env_test.go", "calc/calc_test.go"));
    const byName = new Map(tests.map((t) => [t.name, t]));
    expect(byName.get("TestNilMap")?.message).toBe("panic: assignment to entry in nil map");
    expect(byName.get("TestDial")?.message).toBe("env_test.go:13: dial: dial tcp 127.0.0.1:1: connect: connection refused");
    expect(byName.get("TestAdd/two_plus_two")?.message).toBe("calc_test.go:22: Add(2, 2) = 5, want 4");
    // A parent whose subtest failed has no line of its own: gotestsum's word stays.
    expect(byName.get("TestAdd")?.message).toBe("Failed");
    expect(findHint(failureHints(byName.get("TestDial")!), "environment")).toBeDefined();
  });

  it("a TestMain that exits (no classname: the package is the suite's name) is named and rerun by its package", () => {
    // Real gotestsum 1.8.2 output of a package whose TestMain leaves when DB_URL is unset.
    const tm = path.resolve(import.meta.dirname, "../fixtures/junit/gotestsum-testmain.xml");
    const reader = new JUnitReader(tm);
    reader.write(readFileSync(tm, "utf8"));
    const [t] = joinInputs([reader.end()], project());
    // It was "/TestMain", rerun as `go test . -run ^TestMain$` in the module root ("no Go files").
    expect(t).toMatchObject({ id: "example.com/gm/tmain/TestMain", classname: "example.com/gm/tmain", runner: "go" });
    // What it printed before go's FAIL lines, not gotestsum's "Failed".
    expect(t?.message).toBe("setup: DB_URL not set");
  });

  it("a panic's place is the test file's frame of its stack", () => {
    const [nil] = joinInputs([parsed()], project("svc/svc_test.go")).filter((t) => t.name === "TestNilMap");
    expect(nil).toMatchObject({ file: "svc/svc_test.go", line: 9 });
  });
});

/**
 * mocha 11.8 + mocha-junit-reporter 2.2.1 with default options, made by
 * scripts/fixtures/mocha/regenerate.sh from its suite/ (a pass, two failures, a skipped test,
 * a nested describe); checked by hand against the XML.
 */
describe("mocha-junit-reporter, a real report with failures (test/fixtures/junit)", () => {
  const own = path.resolve(import.meta.dirname, "../fixtures/junit");
  const parse = (name: string) => {
    const file = path.join(own, name);
    const text = readFileSync(file, "utf8");
    const reader = new JUnitReader(file);
    reader.write(text);
    return { file, text, parsed: reader.end() };
  };

  it("counts the testcases written: the skipped test is not one of them", () => {
    const { parsed, text } = parse("mocha-junit-reporter-failures.xml");
    // The root says tests="4" skipped="1", but without includePending the reporter writes no
    // testcase for it, and suite attributes are not counted (src/reports/junit.ts).
    expect(text).toMatch(/<testsuites name="Mocha Tests" [^>]*tests="4" failures="2" skipped="1">/);
    expect(parsed.counts).toEqual({ tests: 3, passed: 1, failed: 2, errored: 0, skipped: 0 });
  });

  it("detects mocha from the tests and the head; the id is the full title, the line from `at Context.<anonymous>`", () => {
    const { file, text, parsed } = parse("mocha-junit-reporter-failures.xml");
    const failing = parsed.tests.filter((t) => t.outcome !== "passed");
    expect(detectDialect({ path: file, tests: failing })?.name).toBe("mocha");
    expect(detectDialect({ path: file, tests: failing, head: text.slice(0, 4096) })?.name).toBe("mocha");
    // classname is the test's own title, name the full title (what --grep matches).
    expect(failing.map((t) => [t.classname, t.name])).toEqual([
      ["is the mean of the middle two", "median of an even count is the mean of the middle two"],
      ["throws on an empty string", "parse throws on an empty string"],
    ]);
    // Frames are relative to mocha's cwd; the suite's file attribute is absolute.
    const joined = joinInputs([parsed], project("test/stats.spec.js"));
    expect(joined.map((t) => [t.id, t.file, t.line])).toEqual([
      ["median of an even count is the mean of the middle two", "test/stats.spec.js", 15],
      ["parse throws on an empty string", "test/stats.spec.js", 26],
    ]);
  });

  it("choma prints its seed first, as the env var that replays the order", () => {
    const log = readFileSync(path.join(own, "mocha-choma.log"), "utf8");
    const m = /^choma: to re-use this ordering, run tests with CHOMA_SEED=([A-Za-z0-9]{10})$/m.exec(log);
    expect(m).not.toBeNull();
    const { parsed } = parse("mocha-junit-reporter-failures.xml");
    const seed = extractSeed({ ...parsed.tests[0]!, output: log }, []);
    expect(seed).toMatchObject({ value: m?.[1], recogniser: "mocha-choma-seed", apply: { kind: "env", env: { CHOMA_SEED: m?.[1] } } });
  });
});

describe("jest-junit, tests outside any describe block (a real jest 30 run, test/fixtures/junit)", () => {
  const file = path.resolve(import.meta.dirname, "../fixtures/junit/jest-junit-top-level.xml");
  const text = readFileSync(file, "utf8");
  const reader = new JUnitReader(file);
  reader.write(text);
  const parsed = reader.end();
  const joined = joinInputs([parsed], project("tests/random.test.js", "tests/race.test.js", "tests/timeout.test.js"));

  it("the space the default templates put before the title is not part of the name: ids and -t patterns match jest's", () => {
    // "{classname} {title}" with no describe block: both attributes start with that space.
    expect(parsed.tests.map((t) => t.name)).toEqual([" sampled ratios stay finite", " worker pool drains the queue", " download finishes"]);
    expect(joined.map((t) => [t.id, t.file, t.line])).toEqual([
      ["tests/random.test.js > sampled ratios stay finite", "tests/random.test.js", 11],
      ["tests/race.test.js > worker pool drains the queue", "tests/race.test.js", 5],
      ["tests/timeout.test.js > download finishes", "tests/timeout.test.js", 1],
    ]);
    expect(joined.map((t) => jestNamePattern(t))).toEqual(["^sampled ratios stay finite$", "^worker pool drains the queue$", "^download finishes$"]);
  });

  it("jest's 'Exceeded timeout of N ms for a test' is a timeout", () => {
    const hints = failureHints(joined[2]!);
    expect(hints.map((h) => h.kind)).toContain("timeout");
    expect(findHint(hints, "timeout")?.evidence).toMatch(/^Exceeded timeout of 1200 ms for a test\./);
  });
});
