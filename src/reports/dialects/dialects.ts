/**
 * JUnit dialects as data: how to recognise each runner's report, the test id its runner uses,
 * where its failures point, and which rerun driver runs its tests. Adding a runner means
 * adding an entry here (dorny/test-reporter keeps one parser per dialect for the same reason;
 * here the XML reading is shared and only the conventions differ).
 */
import type { TestCase } from "../../model.js";
import { failureText, noResultMessage } from "../gtest-log.js";
import {
  catch2Places,
  cunitPlaces,
  dotnetFrames,
  goLines,
  goStackFrames,
  jsFrames,
  jvmFrames,
  leadingFileLine,
  minitestPlaces,
  phpPlaces,
  rubyFrames,
  rustPanics,
  vitestFrames,
  type Place,
} from "./locate.js";

export type DialectName =
  | "surefire"
  | "gradle"
  | "jest-junit"
  | "vitest"
  | "mocha"
  | "web-test-runner"
  | "go-junit-report"
  | "gotestsum"
  | "googletest"
  | "ctest"
  | "catch2"
  | "nextest"
  | "phpunit"
  | "rspec"
  | "minitest"
  | "cunit"
  | "swift"
  | "xunit"
  | "pytest"
  | "generic";

/** What detection sees of one report: its failing tests and, when the caller has it, its head. */
export interface DialectSample {
  /** The report's path as given (Surefire's TEST-*.xml, Gradle's build/test-results/). */
  path: string;
  tests: readonly TestCase[];
  /** The first few KiB of the XML, if available: root attributes name several runners. */
  head?: string;
}

export interface Dialect {
  name: DialectName;
  /** The built-in rerun driver for its tests, or null (then only --rerun-command runs them). */
  runner: string | null;
  /** Evidence from the report's head alone; any match decides. */
  head?: RegExp;
  /**
   * Its reporter writes one testcase per test however often the test was retried, so a
   * repeated id is another test of the same title (`test.each` with a fixed title), not another
   * attempt.
   */
  oneTestcasePerTest?: true;
  /** Evidence from one failing test: 0 none, 1 suggestive, 2 specific to this runner. */
  score(test: TestCase, path: string): number;
  /** The runner's own id for the test; undefined keeps the reader's. */
  id?(test: TestCase): string | undefined;
  /** Places the failure points at, the test's own file first; paths as printed. */
  locate?(test: TestCase): Place[];
  /** What failed, from the failure's text, for a report whose message attribute says nothing. */
  message?(test: TestCase): string | undefined;
}

const JS_TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$|(?:^|[\\/])__tests__[\\/].+\.[cm]?[jt]sx?$/;
const JVM_CLASS = /^(?:[a-z_][\w$]*\.)+[A-Z][\w$]*$/;
const GO_PACKAGE = /^[\w.-]+(?:\/[\w.~-]+)*$/;
const GO_TEST = /^(?:Test|Benchmark|Example|Fuzz)[^\s/]*(?:\/\S+)?$/;
const DOTNET_NAME = /^(?:[A-Za-z_]\w*\.)+[A-Za-z_]\w*(?:\(.*\))?$/;

const text = (t: TestCase): string => `${t.message ?? ""}\n${t.details ?? ""}`;

/** JUnit 5 under Gradle names methods `m()`; Maven's -Dtest wants `m`. */
function javaMethod(name: string): string {
  return name.endsWith("()") ? name.slice(0, -2) : name;
}

/** The test's own frame: the deepest one printed by its class (or a nested/inner class of it). */
function javaPlaces(t: TestCase): Place[] {
  const frames = jvmFrames(text(t)).filter((f) => f.frameClass === t.classname || f.frameClass.startsWith(`${t.classname}$`));
  const own = frames[0];
  if (own === undefined) return [];
  // Stack frames give a bare file name; the source tree puts it under the package directory.
  const pkg = t.classname.includes(".") ? t.classname.slice(0, t.classname.lastIndexOf(".")).replace(/\./g, "/") : "";
  const rel = pkg === "" ? own.path : `${pkg}/${own.path}`;
  const ext = own.path.slice(own.path.lastIndexOf(".") + 1);
  const lang = ext === "kt" ? "kotlin" : ext;
  const roots = [...new Set([`src/test/${lang}`, "src/test/java", `src/integrationTest/${lang}`, `src/it/${lang}`, `src/main/${lang}`, "src", "test", ""])];
  const module = moduleOf(t.sources[0]?.file ?? "");
  const places: Place[] = [];
  for (const prefix of module === "" ? [""] : [module, ""]) {
    for (const root of roots) places.push({ path: [prefix, root, rel].filter((p) => p !== "").join("/"), line: own.line ?? 0 });
  }
  return places.map((p) => (p.line === 0 ? { path: p.path, guess: true } : { ...p, guess: true }));
}

/** `.../module/target/surefire-reports/TEST-x.xml` -> `.../module` (Gradle: build/test-results). */
function moduleOf(reportPath: string): string {
  const m = /^(.*?)(?:^|[\\/])(?:target[\\/](?:surefire|failsafe)-reports|build[\\/]test-results)[\\/]/.exec(reportPath);
  return m?.[1] ?? "";
}

/** The JS test file of a jest/mocha failure: the first frame outside node_modules. */
function jsOwnPlaces(t: TestCase): Place[] {
  return jsFrames(text(t)).filter((p) => !/node_modules|^node:|^internal[\\/]/.test(p.path));
}

/** jest-junit's suite name or `file` attribute, when it is the test file. */
function jestFile(t: TestCase): string | undefined {
  if (t.file !== undefined && t.file !== "") return t.file;
  return jsOwnPlaces(t).find((p) => JS_TEST_FILE.test(p.path))?.path;
}

/**
 * jest-junit's name parts. Its default templates write "{classname} {title}" into both
 * attributes (describe titles joined by spaces, then the test); configured ones often write
 * the describe chain (joined by " › ") as classname and the title as name.
 */
export function jestNameParts(t: TestCase): string[] {
  // jest-junit's default templates are "{classname} {title}": a test outside any describe block
  // has an empty classname, so its name starts with the one space that joined nothing to it.
  const name = t.name.startsWith(" ") && !t.name.startsWith("  ") ? t.name.slice(1) : t.name;
  const cls = t.classname.trim();
  if (cls === "" || cls === name || name.startsWith(`${cls} `)) return [name];
  return [...cls.split(/ › | > /), name];
}

/**
 * What failed, from a CTest test's output: googletest's failure (`file:line: Failure` and the
 * lines after it, as its own XML's message holds them), else the test that started and never
 * finished (CTest's JUnit does not say whether it crashed or timed out), else the output's last
 * line.
 */
export function ctestMessage(output: string): string | undefined {
  const lines = output.split("\n", 2000);
  const failure = failureText(lines);
  if (failure !== undefined) return failure;
  const printed = lines.map((l) => l.trim()).filter((l) => l !== "");
  const last = printed.at(-1);
  const started = /^\[ RUN {6}\] (\S+)$/.exec(printed.findLast((l) => /^\[ (?:RUN {6}| {7}OK|FAILED|SKIPPED)/.test(l)) ?? "");
  if (started !== null) {
    // Its last words say how it died when anything does (an assert's "Assertion `x' failed.").
    return noResultMessage(started[1]!, last !== started[0] ? last : undefined, "the test process died or was stopped (a crash, an abort or CTest's TIMEOUT; its JUnit does not say which)");
  }
  return last?.slice(0, 500);
}

export const DIALECTS: readonly Dialect[] = [
  {
    name: "vitest",
    runner: "vitest",
    head: /<testsuites name="vitest tests"/,
    oneTestcasePerTest: true,
    // vitest's junit reporter: classname is the file, name the describe chain joined by " > ".
    score: (t) => (JS_TEST_FILE.test(t.classname) ? (vitestFrames(text(t)).length > 0 ? 2 : 1) : 0),
    id: (t) => `${t.classname} > ${t.name}`,
    locate: (t) => {
      const own = vitestFrames(text(t)).filter((p) => p.path === t.classname || t.classname.endsWith(`/${p.path}`));
      return [...own, { path: t.classname }];
    },
  },
  {
    name: "jest-junit",
    runner: "jest",
    head: /<testsuites name="jest tests"/,
    oneTestcasePerTest: true,
    score: (t) => {
      const frames = text(t);
      if (/\bat Object\.<anonymous> \(|\bexpect\(received\)/.test(frames)) return 2;
      return / › /.test(t.classname) || /\.[cm]?[jt]sx?$/.test(jestFile(t) ?? "") ? 1 : 0;
    },
    id: (t) => {
      const file = jestFile(t);
      const parts = jestNameParts(t);
      return [...(file !== undefined ? [file.replace(/\\/g, "/")] : []), ...parts].join(" > ");
    },
    locate: (t) => {
      const file = jestFile(t);
      const own = jsOwnPlaces(t);
      return file === undefined ? own : [...own.filter((p) => p.path === file || p.path.replace(/\\/g, "/").endsWith(file.replace(/\\/g, "/"))), { path: file }];
    },
  },
  {
    // @web/test-runner's junit reporter: suites named browser_launcher_file, a file attribute.
    name: "web-test-runner",
    runner: null,
    head: /<testsuite name="(?:Chrome|Chromium|Firefox|Webkit|WebKit|Safari)[^"]*_\//,
    score: () => 0,
    id: (t) => [t.file, t.classname, t.name].filter((p) => p !== undefined && p !== "").join(" > "),
    locate: jsOwnPlaces,
  },
  {
    name: "mocha",
    runner: null,
    head: /<testsuites name="Mocha Tests"|<testsuite name="Root Suite"/,
    oneTestcasePerTest: true,
    score: (t) => (/\bat Context\.<anonymous> \(/.test(text(t)) ? 2 : 0),
    // mocha-junit-reporter: name is the full title (what --grep matches), classname the test's own.
    id: (t) => t.name,
    locate: jsOwnPlaces,
  },
  {
    name: "go-junit-report",
    runner: "go",
    head: /<testsuite [^>]*\bid="\d+"[^>]*>\s*<properties>\s*<property name="go\.version"/,
    score: (t) => {
      if (!GO_TEST.test(t.name) || !GO_PACKAGE.test(t.classname) || t.classname.includes(".") && !t.classname.includes("/")) return 0;
      return goLines(text(t)).length > 0 || /^=== RUN|--- FAIL: /m.test(text(t)) ? 2 : 1;
    },
    id: (t) => `${t.classname}/${t.name}`,
    locate: (t) => goPlaces(t),
    message: goMessage,
  },
  {
    name: "gotestsum",
    runner: "go",
    // Both Go converters write go.version; go-junit-report (before this entry) also numbers its suites.
    head: /<property name="go\.version"/,
    score: () => 0,
    id: (t) => `${t.classname}/${t.name}`,
    locate: (t) => goPlaces(t),
    message: goMessage,
  },
  {
    name: "nextest",
    runner: null,
    head: /<testsuites name="nextest-run"/,
    score: (t) => (rustPanics(`${text(t)}\n${t.output ?? ""}`).length > 0 ? 2 : 0),
    locate: (t) => rustPanics(`${text(t)}\n${t.output ?? ""}`),
  },
  {
    name: "catch2",
    runner: null,
    score: (t) => (/^FAILED:\s*\n\s*(?:REQUIRE|CHECK)/m.test(t.details ?? "") ? 2 : 0),
    // Catch2 runs a test case by its name.
    id: (t) => t.name,
    locate: (t) => catch2Places(t.details ?? ""),
  },
  {
    name: "googletest",
    runner: null,
    head: /<testsuites [^>]*name="AllTests"/,
    score: (t) =>
      /^[^\s:]{1,500}\.(?:cc|cpp|cxx|c\+\+|h|hpp):\d+\s*$/m.test(t.details ?? "") &&
      /\b(?:Expected|Value of|Which is|Failure|evaluates to)\b/.test(t.details ?? "")
        ? 2
        : 0,
    // --gtest_filter=Suite.Test.
    id: (t) => (t.classname !== "" ? `${t.classname}.${t.name}` : t.name),
    locate: (t) => leadingFileLine(t.details ?? "", String.raw`cc|cpp|cxx|c\+\+|c|h|hpp`),
  },
  {
    // CTest's --output-junit (CMake >= 3.21): one testcase per CTest test, named as CTest names
    // it (gtest_discover_tests: `Suite.Test`) in both attributes, the test's output as
    // system-out and an empty failure message.
    name: "ctest",
    runner: null,
    head: /<testsuite name="[^"]*"\s*\n\s*tests="\d+"\s*\n\s*failures="\d+"\s*\n\s*disabled="\d+"\s*\n\s*skipped="\d+"\s*\n\s*hostname="/,
    score: () => 0,
    // What `ctest -R '^NAME$'` selects.
    id: (t) => t.name,
    locate: (t) => leadingFileLine(t.output ?? "", String.raw`cc|cpp|cxx|c\+\+|c|h|hpp`),
    message: (t) => ctestMessage(t.output ?? ""),
  },
  {
    name: "phpunit",
    runner: null,
    head: /<testsuite [^>]*\bassertions="[^>]*\bfile="[^"]*\.php"|<testsuite [^>]*\bfile="[^"]*\.php"[^>]*\bassertions="/,
    score: (t) => (t.file?.endsWith(".php") === true || phpPlaces(t.details ?? "").length > 0 ? 2 : 0),
    locate: (t) => phpPlaces(t.details ?? "").filter((p) => t.file === undefined || p.path === t.file),
  },
  {
    name: "rspec",
    runner: null,
    // rspec_junit_formatter: "rspec" plus TEST_ENV_NUMBER under parallel_tests.
    head: /<testsuite name="rspec\d*"/,
    score: (t) => (/_spec\.rb$/.test(t.file ?? "") || rubyFrames(text(t)).some((p) => /_spec\.rb$/.test(p.path)) ? 2 : 0),
    // The full description: what `rspec FILE -e NAME` selects.
    id: (t) => t.name,
    locate: (t) => {
      const own = t.file === undefined ? "" : t.file.replace(/^\.\//, "");
      const frames = rubyFrames(text(t)).filter((p) => own !== "" && (p.path.replace(/^\.\//, "") === own || p.path.endsWith(`/${own}`)));
      return t.file === undefined ? rubyFrames(text(t)) : [...frames, { path: t.file }];
    },
  },
  {
    name: "minitest",
    runner: null,
    score: (t) => (minitestPlaces(t.details ?? "").length > 0 ? 2 : rubyFrames(text(t)).some((p) => /(?:^|\/)test_[^/]*\.rb$|_test\.rb$/.test(p.path)) ? 1 : 0),
    // `-n NAME` needs only the method. minitest-reporters before 1.1 writes Minitest::Result
    // (minitest 5.11's result class) as every test's class: it names no test class.
    id: (t) => (t.classname === "" || t.classname === "Minitest::Result" ? t.name : `${t.classname}#${t.name}`),
    locate: (t) => [...minitestPlaces(t.details ?? ""), ...rubyFrames(text(t))],
  },
  {
    name: "cunit",
    runner: null,
    score: (t) => (cunitPlaces(t.details ?? "").length > 0 ? 2 : 0),
    locate: (t) => cunitPlaces(t.details ?? ""),
  },
  {
    name: "xunit",
    runner: null,
    // xunit.net / NUnit results converted to JUnit: name repeats the class, frames say "in file:line N".
    score: (t) => (dotnetFrames(text(t)).length > 0 ? 2 : DOTNET_NAME.test(t.name) && t.name.startsWith(`${t.classname}.`) ? 1 : 0),
    locate: (t) => dotnetFrames(text(t)),
  },
  {
    name: "swift",
    runner: null,
    score: (t) => (leadingFileLine(text(t), "swift").length > 0 ? 2 : 0),
    locate: (t) => leadingFileLine(text(t), "swift"),
  },
  {
    name: "gradle",
    runner: null,
    score: (t, path) => (JVM_CLASS.test(t.classname) && /(?:^|[\\/])build[\\/]test-results[\\/]/.test(path) ? 3 : 0),
    id: (t) => `${t.classname}#${javaMethod(t.name)}`,
    locate: javaPlaces,
  },
  {
    name: "surefire",
    runner: null,
    head: /surefire-test-report|<testsuite [^>]*name="(?:[a-z_][\w$]*\.)+[A-Z]/,
    score: (t) => {
      if (!JVM_CLASS.test(t.classname) && !/^[A-Z][\w$]*$/.test(t.classname)) return 0;
      return jvmFrames(text(t)).length > 0 ? 2 : /^[a-z_][\w$]*$/.test(t.name) && JVM_CLASS.test(t.classname) ? 1 : 0;
    },
    id: (t) => `${t.classname}#${javaMethod(t.name)}`,
    locate: javaPlaces,
  },
];

/** go's panic line, else the test's last log line (where it failed: see goPlaces). */
function goMessage(t: TestCase): string | undefined {
  const body = t.details ?? "";
  const panic = /^panic: [^\n]{1,500}/m.exec(body)?.[0];
  if (panic !== undefined) return panic.replace(/ \[recovered\]$/, "");
  const logged = [...body.matchAll(/^[ \t]*([\w.-]{1,200}\.go:\d{1,9}: [^\n]{1,500})/gm)].at(-1)?.[1];
  if (logged !== undefined) return logged.trim();
  // A TestMain that printed why it left, before go's own FAIL lines.
  const said = body.split("\n", 20).find((l) => l.trim() !== "" && !/^(?:=== |--- |FAIL\b|PASS\b|ok\b|exit status )/.test(l.trim()));
  return said?.trim().slice(0, 500);
}

function goPlaces(t: TestCase): Place[] {
  // A failing go test's log lines all look alike (`file_test.go:N: text`, t.Logf's and
  // t.Errorf's); a seeded test logs its seed first and fails after, so the last line of its own
  // log is where it failed (the message is that line's text too) and goes first.
  const own = goLines(text(t));
  const last = own.at(-1);
  const ordered = last === undefined ? own : [last, ...own.slice(0, -1)];
  // The log names a bare file; the package path (a suffix of it is the directory in the module) goes first.
  const logged = [...ordered, ...goLines(t.output ?? "")].map((p) => ({ ...p, path: `${t.classname}/${p.path}`, guess: true }));
  // A panic or a race prints no log line of the test's: its stack names the test file, by the
  // path it had on the CI machine.
  const stacks = [...goStackFrames(text(t)), ...goStackFrames(t.output ?? "")].map((p) => ({ ...p, guess: true }));
  return [...logged, ...stacks];
}

/** Python tests are the pytest id mapping's business (reports/pytest-ids.ts), not a dialect's. */
function looksPython(t: TestCase): boolean {
  return t.file?.endsWith(".py") === true || /File "[^"\n]{1,1000}\.py", line \d|\.py:\d+: /.test(t.details ?? "");
}

/**
 * The report's dialect: its head decides when it names a runner; otherwise the failing tests
 * vote (each dialect's scores summed, the highest wins; ties go to the earlier entry). A
 * report without failing tests needs no dialect: ids and drivers only matter for those.
 */
export function detectDialect(sample: DialectSample): Dialect | null {
  const byHead = sample.head !== undefined ? dialectOfHead(sample.head) : undefined;
  if (byHead !== undefined) return byHead;
  const tests = sample.tests.filter((t) => !looksPython(t));
  if (tests.length === 0) return null;
  let best: Dialect | null = null;
  let bestScore = 0;
  for (const d of DIALECTS) {
    let score = 0;
    for (const t of tests) score += d.score(t, sample.path);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** The dialect the report's head names, if any. */
export function dialectOfHead(head: string): Dialect | undefined {
  // Comments first: example reports describe attributes of other dialects in them.
  const bare = head.replace(/<!--[\s\S]*?-->/g, "");
  return DIALECTS.find((d) => d.head?.test(bare) === true);
}

/**
 * Whether a repeated testcase id in a report with this head is another attempt of one test
 * (pytest-rerunfailures, gotestsum --rerun-fails, TestNG) rather than another test.
 */
export function repeatsAreAttempts(head: string): boolean {
  return dialectOfHead(head)?.oneTestcasePerTest !== true;
}

/**
 * Whether the reports of the runner `--runner` names write one testcase per test (jest,
 * vitest): then repeats are tests whatever the root element says (jest-junit's `suiteName`
 * and vitest's junit `suiteName` options rename it).
 */
export function runnerWritesOneTestcasePerTest(runner: string | null | undefined): boolean {
  return runner != null && DIALECTS.some((d) => d.runner === runner && d.oneTestcasePerTest === true);
}

export function dialectNamed(name: string): Dialect | undefined {
  return DIALECTS.find((d) => d.name === name);
}
