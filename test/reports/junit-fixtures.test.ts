import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readInputs } from "../../src/io/read-inputs.js";
import { UserError } from "../../src/errors.js";
import type { Counts } from "../../src/model.js";
import { sharedJunit, skipShared } from "../shared-fixtures.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Read-only; CI checks it out next to the repository.
const sharedDir = sharedJunit;
const ownDir = path.resolve(repoRoot, "test/fixtures/junit");

type Expected = [tests: number, passed: number, failed: number, errored: number, skipped: number];

/**
 * Counts checked by hand against each XML file, under the counting rule in src/reports/junit.ts.
 * Comments note the cases where the rule decides something a quick look at the file would not.
 */
const SHARED: Record<string, Expected | { error: RegExp } | { counts: Expected; warning: RegExp }> = {
  // NUnit 3 format (<test-run>), not JUnit: refused with a message saying what it is.
  "dorny-test-reporter/dotnet-nunit.xml": { error: /root is <test-run>/ },
  "dorny-test-reporter/external/nunit-sample.xml": { error: /root is <test-run>/ },
  "dorny-test-reporter/empty/java-junit.xml": [0, 0, 0, 0, 0],
  "dorny-test-reporter/empty/jest-junit-empty-testsuite.xml": [0, 0, 0, 0, 0],
  "dorny-test-reporter/empty/jest-junit.xml": [0, 0, 0, 0, 0],
  "dorny-test-reporter/empty/phpunit-empty.xml": [0, 0, 0, 0, 0],
  // TestNG retry: the same test skipped (TestNG's mark for a retried run) then failed,
  // adjacent: one test, failed.
  "dorny-test-reporter/external/java/TEST-org.apache.pulsar.AddMissingPatchVersionTest.xml": [1, 0, 1, 0, 0],
  "dorny-test-reporter/external/java/empty_failures.xml": [3, 2, 1, 0, 0],
  "dorny-test-reporter/external/java/junit4-basic.xml": [6, 5, 1, 0, 0],
  "dorny-test-reporter/external/java/junit4-complete.xml": [8, 5, 1, 1, 1],
  // 808 testcase elements; the skipped+failed retry pair above folds into one (807). Other
  // repeated names are passing data-provider runs, counted each (ids of passes are not kept).
  "dorny-test-reporter/external/java/pulsar-test-report.xml": [807, 793, 1, 0, 13],
  "dorny-test-reporter/external/jest/jest-react-component-test-results.xml": [1, 1, 0, 0, 0],
  // 4239 testcases; "gets changed files for hg" fails in two different suites: two tests.
  "dorny-test-reporter/external/jest/jest-test-results.xml": [4239, 4207, 2, 0, 30],
  "dorny-test-reporter/external/phpunit/junit-basic.xml": [9, 8, 1, 0, 0],
  "dorny-test-reporter/external/phpunit/phpcheckstyle-phpunit.xml": [30, 28, 2, 0, 0],
  "dorny-test-reporter/jest-junit-eslint.xml": [1, 1, 0, 0, 0],
  "dorny-test-reporter/jest-junit.xml": [6, 1, 4, 0, 1],
  "dorny-test-reporter/junit-with-message.xml": [1, 0, 1, 0, 0],
  "dorny-test-reporter/nette-tester/BootstrapFormRenderer-report.xml": [4, 4, 0, 0, 0],
  "dorny-test-reporter/nette-tester/tester-v1.7-report.xml": [65, 61, 1, 0, 3],
  "dorny-test-reporter/phpunit/phpunit-paths.xml": [6, 0, 6, 0, 0],
  "dorny-test-reporter/phpunit/phpunit.xml": [12, 10, 2, 0, 0],
  "dorny-test-reporter/python-xunit-pytest.xml": [10, 6, 2, 0, 2],
  "dorny-test-reporter/python-xunit-unittest.xml": [8, 4, 1, 1, 2],
  "dorny-test-reporter/swift-xunit.xml": [3, 2, 1, 0, 0],
  "dorny-test-reporter/test-errors/jest/jest-test-results.xml": [2, 0, 0, 2, 0],
  "mikepenz-action-junit-report/catch2/report.xml": [1, 0, 1, 0, 0],
  "mikepenz-action-junit-report/container-structure/test.xml": [3, 3, 0, 0, 0],
  // Cut inside the failing test's <system-out> CDATA: its failure is complete and kept.
  "mikepenz-action-junit-report/corrupt-junit/e2e-tests/corrupt/target/sf-reports/TEST-test.CorruptTest.xml": {
    counts: [1, 0, 1, 0, 0],
    warning: /TEST-test\.CorruptTest\.xml: truncated after 0 testcases.*"testEM" is kept as failed/,
  },
  "mikepenz-action-junit-report/cunit/testEmpty.xml": [0, 0, 0, 0, 0],
  "mikepenz-action-junit-report/cunit/testFailure.xml": [4, 3, 1, 0, 0],
  // Three attempts failed, failed, errored: one test, errored, two prior attempts.
  "mikepenz-action-junit-report/flaky_retries/flaky_all_failures.xml": [1, 0, 0, 1, 0],
  // passed, failed, errored (adjacent): one test, errored.
  "mikepenz-action-junit-report/flaky_retries/flaky_success_first.xml": [1, 0, 0, 1, 0],
  // test_foo failed, errored, passed: one passed test with two prior attempts; + 2 others.
  "mikepenz-action-junit-report/flaky_retries/flaky_with_classname_file.xml": [3, 3, 0, 0, 0],
  // 10 testcases with status='disabled' and no child: skipped.
  "mikepenz-action-junit-report/issues/testDisabled.xml": [22, 6, 4, 2, 10],
  // status="disabled" but with a <failure>: failed.
  "mikepenz-action-junit-report/issues/testFailedDisabled.xml": [1, 0, 1, 0, 0],
  // gotestsum rerun: TestWebSocketReconnectRace failed, then passed at the end of the suite.
  "mikepenz-action-junit-report/junit-server-test/report.xml": [3, 2, 0, 0, 1],
  // time="<<computed>>" is not well-formed (a '<' in an attribute): warned, read on.
  "mikepenz-action-junit-report/junit-web-test/expected.xml": {
    counts: [6, 4, 1, 0, 1],
    warning: /expected\.xml: line 9: malformed XML/,
  },
  // As above plus "retried flaky test" failed then passed: one passed test.
  "mikepenz-action-junit-report/junit-web-test/expectedRetries.xml": {
    counts: [7, 5, 1, 0, 1],
    warning: /expectedRetries\.xml: line 9: malformed XML/,
  },
  "mikepenz-action-junit-report/junit_flaky_failure/marathon_junit_report.xml": [1, 1, 0, 0, 0],
  "mikepenz-action-junit-report/junit_flaky_failure/mixed_flaky_and_passed.xml": [3, 3, 0, 0, 0],
  "mikepenz-action-junit-report/marathon_tests/com.mikepenz.DummyTest#test_02_dummy.xml": [1, 1, 0, 0, 0],
  "mikepenz-action-junit-report/marathon_tests/com.mikepenz.DummyTest3#test_01.xml": [1, 0, 1, 0, 0],
  "mikepenz-action-junit-report/marathon_tests/com.mikepenz.DummyUtilTest#test_01_dummy.xml": [1, 0, 1, 0, 0],
  "mikepenz-action-junit-report/maven_surefire_flaky/surefire-report.xml": [1, 1, 0, 0, 0],
  "mikepenz-action-junit-report/mocha/mocha.xml": [1, 1, 0, 0, 0],
  "mikepenz-action-junit-report/multiple/test_10.xml": [3, 3, 0, 0, 0],
  "mikepenz-action-junit-report/multiple/test_11.xml": [3, 2, 1, 0, 0],
  "mikepenz-action-junit-report/multiple/test_12.xml": [3, 2, 0, 0, 1],
  // testWithFailureAndError has both: counted once, errored.
  "mikepenz-action-junit-report/multiple_failures/test_multiple_errors.xml": [3, 1, 0, 2, 0],
  "mikepenz-action-junit-report/multiple_failures/test_multiple_failures.xml": [4, 1, 2, 0, 1],
  // Names A and B recur in sibling suites TestA/TestB/packet: five distinct tests.
  "mikepenz-action-junit-report/nested/junit.xml": [5, 2, 3, 0, 0],
  "mikepenz-action-junit-report/nested/multi-level.xml": [3, 3, 0, 0, 0],
  "mikepenz-action-junit-report/nextest/basic.xml": [3, 2, 1, 0, 0],
  "mikepenz-action-junit-report/perl/result.xml": [1, 1, 0, 0, 0],
  "mikepenz-action-junit-report/python/report.xml": [3, 1, 2, 0, 0],
  "mikepenz-action-junit-report/python/report_flaky.xml": [4, 2, 2, 0, 0],
  "mikepenz-action-junit-report/tests/email/target/surefire-reports/TEST-action.surefire.report.email.EmailAddressTest.xml": [9, 2, 2, 5, 0],
  "mikepenz-action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.AllOkTest.xml": [1, 1, 0, 0, 0],
  "mikepenz-action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.CalcUtilsTest.xml": [2, 0, 2, 0, 0],
  "mikepenz-action-junit-report/tests/utils/target/surefire-reports/TEST-action.surefire.report.calc.StringUtilsTest.xml": [5, 2, 2, 0, 1],
  "mikepenz-action-junit-report/xunit/report.xml": [4, 3, 1, 0, 0],
  "mikepenz-action-junit-report/xunit/report_fl_on_f.xml": [4, 3, 1, 0, 0],
};

/** Files in the fixture dir that are not reports: what the reader says about them. */
const NOT_REPORTS: Record<string, RegExp> = {
  "README.md": /README\.md: not a JUnit XML report/,
  "dorny-test-reporter/SOURCE_COMMIT": /SOURCE_COMMIT: not a JUnit XML report/,
  "mikepenz-action-junit-report/SOURCE_COMMIT": /SOURCE_COMMIT: not a JUnit XML report/,
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function asCounts([tests, passed, failed, errored, skipped]: Expected): Counts {
  return { tests, passed, failed, errored, skipped };
}

describe.skipIf(skipShared)("every shared JUnit fixture", () => {
  // Collected even when skipped: no walk of a directory that is not there.
  const files = (skipShared ? [] : walk(sharedDir))
    .map((f) => path.relative(sharedDir, f).split(path.sep).join("/"))
    .sort();

  it("has an expectation for every file in the directory", () => {
    const known = new Set([...Object.keys(SHARED), ...Object.keys(NOT_REPORTS)]);
    expect(files.filter((f) => !known.has(f))).toEqual([]);
    expect([...known].filter((f) => !files.includes(f))).toEqual([]);
  });

  for (const rel of files) {
    it(rel, async () => {
      const expected = SHARED[rel];
      const notReport = NOT_REPORTS[rel];
      if (notReport !== undefined || (expected !== undefined && "error" in expected)) {
        const err = await readInputs([rel], { cwd: sharedDir }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UserError);
        expect((err as Error).message).toMatch(notReport ?? (expected as { error: RegExp }).error);
        return;
      }
      const [input] = await readInputs([rel], { cwd: sharedDir });
      if (input === undefined || expected === undefined) throw new Error("no result");
      expect(input.kind).toBe("junit");
      if (Array.isArray(expected)) {
        expect(input.counts).toEqual(asCounts(expected));
        expect(input.warnings).toEqual([]);
      } else if ("counts" in expected) {
        expect(input.counts).toEqual(asCounts(expected.counts));
        expect(input.warnings.some((w) => expected.warning.test(w))).toBe(true);
      }
      const c = input.counts;
      expect(c.tests).toBe(c.passed + c.failed + c.errored + c.skipped);
      // Only failing, erroring and flaky tests are kept in full.
      const kept = input.tests.filter((t) => t.outcome === "failed" || t.outcome === "errored");
      expect(kept.length).toBe(c.failed + c.errored);
      for (const t of input.tests) {
        if (t.outcome === "passed") expect(t.priorAttempts?.length ?? 0).toBeGreaterThan(0);
      }
    });
  }
});

describe("pytest fixtures produced by regenerate.sh", () => {
  // 21 testcase elements: test_fails_and_teardown_errors appears twice (call failure, then
  // teardown error, as pytest writes it) and is one errored test.
  const expected: Counts = { tests: 20, passed: 9, failed: 6, errored: 2, skipped: 3 };

  for (const family of ["xunit1", "xunit2"]) {
    it(`pytest-${family}.xml`, async () => {
      const [input] = await readInputs([`pytest-${family}.xml`], { cwd: ownDir });
      if (input === undefined) throw new Error("no result");
      expect(input.counts).toEqual(expected);
      expect(input.warnings).toEqual([]);
      const byName = new Map(input.tests.map((t) => [t.name, t]));
      const seeded = byName.get("test_allclose_with_seed");
      expect(seeded?.output).toContain("use MXNET_TEST_SEED=1234567 to reproduce");
      expect(seeded?.message).toBe("AssertionError: Not equal to tolerance rtol=1e-05, atol=1e-06");
      expect(seeded?.details).toContain("Not equal to tolerance rtol=1e-05, atol=1e-06");
      expect(byName.get("test_param_ids[$(touch PWNED)]")?.classname).toBe("tests.test_basic");
      expect(byName.get("test_nested[2.5]")?.classname).toBe("tests.test_basic.TestOuter.TestInner");
      expect(byName.get("test_setup_error")?.outcome).toBe("errored");
      const both = byName.get("test_fails_and_teardown_errors");
      expect(both?.outcome).toBe("errored");
      // The teardown error is part of the same run, not a rerun.
      expect(both?.priorAttempts).toBeUndefined();
      expect(both?.message).toBe("AssertionError: call failed");
      expect(both?.details).toContain("RuntimeError: teardown failed");
      if (family === "xunit1") {
        expect(seeded?.file).toBe("tests/numeric/test_tolerance.py");
        // The failing line comes from the traceback, not the def line attribute.
        expect(seeded?.line).toBe(14);
      } else {
        expect(seeded?.file).toBeUndefined();
      }
    });
  }
});
