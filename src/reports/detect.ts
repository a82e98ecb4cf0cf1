import type { InputKind } from "../model.js";
import { normaliseCiLog } from "./ci-log.js";
import { GTEST_MARKERS } from "./gtest-log.js";

/**
 * Detects what a report is from its first bytes (decoded), never from its file name: CI
 * artefacts are often named `output.txt` or `results` whatever they hold.
 */

/**
 * Whatever may precede an XML root: declaration, comments, processing instructions and a
 * DOCTYPE (with an internal subset). Matched repeatedly from the start of the text.
 */
// The DOCTYPE alternatives cannot overlap (an internal subset is "[...]" without "]" inside),
// so a hostile head cannot make the match backtrack exponentially.
const XML_PROLOG_ITEM = /^(?:\s+|<\?[^]*?\?>|<!--[^]*?-->|<!DOCTYPE(?:[^[\]>]|\[[^\]]*\])*>)/i;
/** An unfinished prolog item: the head ends inside a comment, PI or DOCTYPE. */
const XML_PROLOG_OPEN = /^(?:<\?|<!--|<!DOCTYPE)/i;
const JUNIT_ROOT = /^<testsuites?(?=[\s/>]|$)/;

const PYTEST_MARKERS: readonly RegExp[] = [
  /^=+ test session starts =+\s*$/m,
  /^=+ FAILURES =+\s*$/m,
  /^=+ ERRORS =+\s*$/m,
  /^=+ short test summary info =+\s*$/m,
  /^(?:FAILED|ERROR) \S+::\S/m,
  // Progress lines: "tests/test_x.py ..F.s   [ 40%]"
  /^\S+\.py [.FEsxX]+\s+\[\s*\d+%\]\s*$/m,
  // What an excerpt cut out of a failure section still shows.
  /^-+ Captured (?:log|stdout|stderr)(?: \w+)? -+$/m,
  /^[^\s:"]+\.py:\d+: (?:in \w+|[\w.]*(?:Error|Exception|Failed)\b)/m,
];

const UNITTEST_MARKERS: readonly RegExp[] = [
  /^(?:FAIL|ERROR): \w+/m,
  /^Ran \d+ tests? in /m,
  /^Traceback \(most recent call last\):/m,
  // Verbose progress: "test_x (pkg.mod.TestC.test_x) ... ok"
  /^\w+ \([\w.]+\)(?: \S.*)? \.\.\. (?:ok|FAIL|ERROR|skipped|expected failure|unexpected success)/m,
];

/** go test's own lines: `=== RUN   TestX`, `--- FAIL: TestX (0.00s)`, `-test.shuffle N`, `ok  \tpkg\t0.01s`. */
const GO_TEST_MARKERS: readonly RegExp[] = [
  /^=== RUN {3}\S/m,
  /^(?: {4})*--- (?:FAIL|PASS|SKIP): \S+ \(\d+(?:\.\d+)?s\)\s*$/m,
  /^-test\.shuffle -?\d+\s*$/m,
  /^(?:ok {2}|FAIL)\t\S+\t(?:\d+(?:\.\d+)?s|\(cached\))/m,
];

/** A test2json event line (`go test -json`, `gotestsum --jsonfile`): an object with an Action and a Package. */
const GO_TEST_EVENT = /^\s*\{(?=[^\n]*"Action":\s*"[a-z-]+")(?=[^\n]*"(?:Package|ImportPath)":\s*")[^\n]*\}\s*$/;

/**
 * Whether most of the first lines are test2json events: compiler errors and go 1.19's
 * `FAIL\tpkg [build failed]` can stand among them (or first) when stderr went to the same file.
 */
function isGoTestJson(head: string): boolean {
  const lines = head.replace(/^\uFEFF/, "").split("\n", 50).filter((l) => l.trim() !== "").slice(0, 20);
  const events = lines.filter((l) => GO_TEST_EVENT.test(l)).length;
  return events > 0 && events * 2 > lines.length;
}

/** Skips the XML prolog; says whether there was one. */
function skipProlog(text: string): { rest: string; sawProlog: boolean } {
  let rest = text.replace(/^\uFEFF/, "");
  let sawProlog = false;
  for (;;) {
    const m = XML_PROLOG_ITEM.exec(rest);
    if (m === null || m[0].length === 0) break;
    if (m[0].trim().length > 0) sawProlog = true;
    rest = rest.slice(m[0].length);
  }
  return { rest, sawProlog };
}

/** How the text looks as XML: a JUnit root, another root, or not XML at all. */
function xmlRoot(head: string): "junit" | "other-xml" | "maybe-junit" | "not-xml" {
  const { rest, sawProlog } = skipProlog(head);
  if (JUNIT_ROOT.test(rest)) return "junit";
  // The head ended inside a long comment or DOCTYPE: an XML file whose root we cannot see yet.
  // The JUnit reader will say so if it turns out not to be JUnit.
  if (XML_PROLOG_OPEN.test(rest) || (sawProlog && rest.length === 0)) return "maybe-junit";
  if (/^<[A-Za-z_]/.test(rest)) return "other-xml";
  return "not-xml";
}

/** pytest's own framing: its section separators and its counts line (`1 failed, 2 passed in 0.12s`, under -q bare). */
const PYTEST_SECTIONS = /^=+ (?:test session starts|FAILURES|ERRORS|short test summary info) =+\s*$|^(?:=+ )?\d+ (?:failed|passed|errors?)(?:, \d+ \w+)* in [\d.]+s\b/m;

/** Where the earliest of `markers` matches in `text`, or -1. */
function firstMatch(markers: readonly RegExp[], text: string): number {
  let first = -1;
  for (const re of markers) {
    const m = re.exec(text);
    if (m !== null && (first < 0 || m.index < first)) first = m.index;
  }
  return first;
}

/** The kind of input `head` (the first KiB or more of a file, decoded) starts. */
export function detectKind(head: string): InputKind {
  const xml = xmlRoot(head);
  if (xml === "junit" || xml === "maybe-junit") return "junit";
  if (xml === "other-xml") return "unknown";
  if (isGoTestJson(head)) return "go-test-json";
  // The markers are start-of-line patterns: a Jenkins/GitHub timestamp, an xdist tag or a
  // colour code in front of every line would hide them, so they are looked for in the text
  // the readers will see.
  const text = normaliseCiLog(head).text;
  if (GO_TEST_MARKERS.some((re) => re.test(text))) return "go-test-log";
  // A pytest test that runs a googletest binary prints googletest's lines, first of all under
  // -q (no session header); a googletest test may print pytest-like lines (a FAILED line, a
  // traceback frame). pytest's own section lines decide for pytest; without them the runner
  // whose lines come first ran the log.
  const pytestAt = firstMatch(PYTEST_MARKERS, text);
  const gtestAt = firstMatch(GTEST_MARKERS, text);
  if (pytestAt >= 0 && (gtestAt < 0 || pytestAt < gtestAt || PYTEST_SECTIONS.test(text))) return "pytest-log";
  if (gtestAt >= 0) return "gtest-log";
  if (UNITTEST_MARKERS.some((re) => re.test(text))) return "unittest-log";
  return "unknown";
}

/** A few words on what an unrecognised input looks like, for the error message. */
export function describeUnknown(head: string): string {
  const text = head.replace(/^\uFEFF/, "");
  if (text.trim().length === 0) return "it is empty";
  if (xmlRoot(text) === "other-xml") {
    const root = /^<([A-Za-z_][\w.:-]*)/.exec(skipProlog(text).rest)?.[1];
    return `it is XML but its root is <${root ?? "?"}>, not <testsuites> or <testsuite>`;
  }
  // Count control characters other than tab/newline/CR to tell binary data from text.
  const sample = text.slice(0, 1024);
  const controls = sample.replace(/[^\u0000-\u0008\u000e-\u001f\ufffd]/g, "").length;
  if (controls > sample.length / 10) return "it looks like binary data";
  return "it is text in none of these formats";
}
