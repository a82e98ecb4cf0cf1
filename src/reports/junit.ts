import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Counts, Outcome, ParsedInput, PriorAttempt, TestCase } from "../model.js";
import { repeatsAreAttempts } from "./dialects/dialects.js";
import { failingLine } from "./failing-line.js";
import {
  CappedText,
  detach,
  firstLine,
  LEAN_DETAILS_CHARS,
  LEAN_OUTPUT_CHARS,
  MAX_DETAILS_CHARS,
  MAX_LEAN_RETAINED_CHARS_PER_FILE,
  MAX_MESSAGE_CHARS,
  MAX_OUTPUT_CHARS,
  MAX_PRIOR_ATTEMPTS,
  MAX_RETAINED_CHARS_PER_FILE,
  MAX_WARNINGS_PER_FILE,
  MAX_XML_DEPTH,
  MAX_XML_ERRORS,
  MINIMAL_DETAILS_CHARS,
  MINIMAL_OUTPUT_CHARS,
  REPORT_HEAD_CHARS,
} from "./limits.js";
import {
  attributeName,
  attributeValue,
  attributeValueLenient,
  charDataValid,
  ChunkIndex,
  countLineEnds,
  newStartTag,
  readCharData,
  readCharDataEnds,
  readCharDataLenient,
  escapeBareAmpersands,
  readEmptyClose,
  readShapedTag,
  readStartTag,
  runPattern,
  runValueEnd,
  runValueRange,
  runValueStart,
  shapeOf,
  type RunPattern,
  Tag,
  type TagShape,
  tagEnd,
  tagIs,
  tagName,
  type StartTag,
  valuesValid,
} from "./xml-fast.js";

/*
 * Counting rule (one rule for every dialect):
 *
 * - Each <testcase> element is one test with one outcome:
 *     errored  if it has an <error> child (also when it has a <failure> too: counted once);
 *     failed   else if it has a <failure> child;
 *     skipped  else if it has a <skipped> child, or says it did not run in an attribute
 *              (status="disabled"/"notrun"/"skipped", GoogleTest's result="skipped"/
 *              "suppressed"); a skip next to a failure/error does not count: the case failed;
 *     passed   otherwise, including Surefire cases with only <flakyFailure>/<flakyError>
 *              (passed on rerun; kept as a TestCase with the failed runs in priorAttempts).
 *   Surefire <rerunFailure>/<rerunError> are further failed runs of a failing case: they go
 *   to priorAttempts and do not change the outcome. A case with only rerun elements takes the
 *   last one's outcome.
 * - A test is identified by its innermost suite's name + classname + name (the same name in two
 *   suites is two tests). A testcase repeating the id of a test already kept (failed, errored
 *   or flaky) is another attempt of it (pytest-rerunfailures, gotestsum reruns, TestNG):
 *   the test's outcome becomes the last attempt's, earlier attempts move to priorAttempts
 *   and the counts move with it, so the test is counted once. A failing testcase right after
 *   a passing or skipped one with the same id folds that one in too. Ids of passing and
 *   skipped tests are otherwise not remembered (memory must not grow with passing tests), so
 *   other repeats of passing tests count as separate tests. Exception: in jest-junit, vitest
 *   and mocha reports (named by their root element) every testcase is a test of its own,
 *   repeated ids included: those reporters write one testcase per test, retried or not.
 * - tests = passed + failed + errored + skipped, from testcases seen; the suites' own
 *   tests=/failures= attributes are ignored (they are often wrong or missing).
 * - Exception: pytest writes a teardown error after a failed call as a second, adjacent
 *   testcase (error message "failed on teardown with ..."); it belongs to the same run, so the
 *   test becomes errored without a prior attempt.
 * - A file cut inside a testcase (truncated): testcases completed before the cut count; the
 *   cut-off one counts only if its <failure>/<error> had begun (as failed/errored), since
 *   that failure is the evidence the tool exists for.
 * - priorAttempts holds the attempts other than the one `outcome` describes, so a test ran
 *   priorAttempts.length + 1 times.
 */

type Sink = CappedText | null;

/** One open element. Elements we ignore share IGNORED so deep unknown nesting costs a pointer. */
interface Frame {
  readonly sink: Sink;
  readonly suite?: SuiteState;
  readonly testcase?: CaseState;
  readonly attempt?: AttemptState;
  /** Appended to `sink` when the element closes without having added any text to it. */
  readonly fallback?: string;
  readonly mark?: number;
}
const IGNORED: Frame = { sink: null };

interface SuiteState {
  /** Suite-level system-out/system-err: given to the suite's failing tests that have none. */
  output: CappedText | null;
  /** Failing tests of this suite (or its sub-suites) without output of their own. */
  needOutput: TestCase[];
  /** Part of test keys: the same classname+name in two suites is two tests (nested/junit.xml). */
  name: string;
}

interface AttemptState {
  outcome: "failed" | "errored";
  message: string | undefined;
  details: CappedText;
  output: CappedText;
}

interface CaseState {
  index: number;
  xmlLine: number;
  classname: string;
  name: string;
  file: string | undefined;
  time: number | undefined;
  suiteName: string;
  hasFailure: boolean;
  hasError: boolean;
  hasSkipped: boolean;
  message: string | undefined;
  details: CappedText | null;
  output: CappedText | null;
  flaky: AttemptState[];
  reruns: AttemptState[];
  /** Counted already (its end tag may still come, e.g. after a lost end tag). */
  done: boolean;
}

// Maps, not object literals: element names come from the report, and `<constructor/>` inside a
// testcase must not find Object.prototype's constructor and count as a failure.
const FAILURE_ELEMENTS: ReadonlyMap<string, "failed" | "errored"> = new Map([
  ["failure", "failed"],
  ["error", "errored"],
]);
const ATTEMPT_ELEMENTS: ReadonlyMap<string, { outcome: "failed" | "errored"; flaky: boolean }> = new Map([
  ["flakyFailure", { outcome: "failed", flaky: true }],
  ["flakyError", { outcome: "errored", flaky: true }],
  ["rerunFailure", { outcome: "failed", flaky: false }],
  ["rerunError", { outcome: "errored", flaky: false }],
]);

/** How pytest's junitxml starts the message of an error raised in a fixture's teardown. */
const PYTEST_TEARDOWN = "failed on teardown with";

/** Attribute values by which some reporters mark a testcase that did not run. */
const NOT_RUN_STATUS_WORDS = ["disabled", "notrun", "skipped"] as const;
const NOT_RUN_RESULT_WORDS = ["skipped", "suppressed"] as const;
const NOT_RUN_STATUS = new RegExp(`^(?:${NOT_RUN_STATUS_WORDS.join("|")})$`, "i");
const NOT_RUN_RESULT = new RegExp(`^(?:${NOT_RUN_RESULT_WORDS.join("|")})$`, "i");

/*
 * Fast path. saxes reads character by character and builds text line by line; on a big report
 * that is nearly all of the time: passing testcases, which are nearly all one empty element
 * (`<testcase classname=".." name=".." time=".."/>`) we only count, and the multi-KB attribute
 * values and character data of failures and their output. So write() reads those itself
 * whenever saxes stands cleanly in an element's text (see clean()), with the functions of
 * xml-fast.ts, which accept only what saxes reads without an error:
 *   - a bare testcase (self-closing, or closed with only whitespace inside) is counted as
 *     finishCase would count it; saxes never sees it;
 *   - any other start tag is read with its attributes decoded as saxes decodes them, and saxes
 *     is given the same tag without attributes (`<failure>`), so it keeps its element stack, end
 *     tag checks and errors, and the handler gets the attributes read here;
 *   - character data up to the next `<` is checked and decoded as saxes would (line ends,
 *     predefined entities, character references) and handed to the text handler.
 * Anything else, and anything saxes would report, goes to saxes as written, so errors, warnings
 * and line numbers are unchanged; end tags, comments, CDATA and processing instructions are
 * always read by saxes. One deliberate exception: an `&` that starts no reference (`a && b` in
 * text or a value, from a writer that forgot to escape it) is read as a literal `&` with one
 * warning per file, where saxes would take everything up to the next `;` in the file, tags and
 * testcases included, for an entity name. Line ends in what saxes does not see are counted here
 * (lazily, per region, with native searches), so saxes' line plus ours is the line saxes alone
 * would give.
 */
const TESTCASE = "testcase";
/**
 * A start tag longer than this goes to saxes, and so does character data this long cut by the end
 * of a chunk. Bounds what write() holds back for the next chunk, so a 50 MB attribute value cannot
 * make scanning quadratic; the longest tags of real reports (a failure message attribute with a
 * whole assertion diff) fit.
 */
const MAX_FAST_TAG_CHARS = 64 * 1024;

/**
 * saxes' state number for "in text content". Its parser keeps the state in a field that its
 * typings hide; we read it only to know that skipping an element leaves saxes where it would
 * have been. The value is learnt from saxes itself, and if it cannot be told apart from the
 * states inside a comment, CDATA or tag, the fast path stays off.
 */
const SAXES_TEXT_STATE: number | undefined = (() => {
  const parserAfterRoot = (): unknown => {
    const p = new SaxesParser({ xmlns: false });
    p.write("<a/>");
    return p;
  };
  const stateAfter = (xml: string): unknown => {
    const p = new SaxesParser({ xmlns: false });
    p.on("error", () => undefined);
    p.write(xml);
    return (p as unknown as { state?: unknown }).state;
  };
  const p = new SaxesParser({ xmlns: false });
  p.write("<a>");
  const internals = p as unknown as Partial<SaxesInternals>;
  const text = internals.state;
  if (typeof text !== "number" || internals.text !== "" || internals.tags?.length !== 1) return undefined;
  // After its root element, saxes reports every start tag: the fast path must know it is there.
  if (internals.closedRoot !== false || (parserAfterRoot() as Partial<SaxesInternals>).closedRoot !== true) return undefined;
  if (stateAfter("<a>x") !== text) return undefined;
  for (const other of ["<a><!-- ", "<a><![CDATA[ ", "<a b='", "<a>&am", "<a><", "<a></a"]) {
    if (stateAfter(other) === text) return undefined;
  }
  return text;
})();

/** Run patterns (see countRun) made per file at most: reporters write testcases one or two ways. */
const MAX_RUN_PATTERNS = 16;

/** Steps of at most one `>` each given to saxes in a row before it gets the rest of a chunk. */
const MAX_CATCH_UP_STEPS = 64;

/** What the fast path reads of saxes' parser (fields its typings hide). */
interface SaxesInternals {
  state: unknown;
  text: unknown;
  tags: { length: number };
  closedRoot: unknown;
}

/** The attributes of a bare testcase that the counting rule reads, by their index in this list. */
const BARE_ATTRIBUTES = ["name", "classname", "status", "result"] as const;
const BARE_NAME = 0;
const BARE_CLASSNAME = 1;
const BARE_STATUS = 2;
const BARE_RESULT = 3;

/** An attribute of a bare testcase as keptAttr would keep it ("" when absent, undefined when saxes would report it). */
function bareAttribute(ix: ChunkIndex, tag: StartTag, wanted: number): string | undefined {
  const k = tag.found[wanted] ?? -1;
  if (k < 0) return "";
  const v = attributeValue(ix, tag, k);
  return v !== undefined && v.length > MAX_MESSAGE_CHARS ? v.slice(0, MAX_MESSAGE_CHARS) : v;
}

/** The testcase read last, when it was only counted (passed or skipped): a failing repeat folds it in. */
interface CountedCase {
  suiteName: string;
  classname: string;
  name: string;
  outcome: Outcome;
  index: number;
  /**
   * When the fast path counted it from plain values: the text they are in, and where. Its name
   * and classname are sliced out only if the next testcase needs them (most never do: slicing
   * them for every passing testcase was a good part of the reader's garbage).
   */
  text: string | null;
  nameFrom: number;
  nameTo: number;
  classFrom: number;
  classTo: number;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
}

/** Attribute values as kept: bounded and detached from saxes' buffers. */
function keptAttr(tag: SaxesTagPlain, name: string, max = MAX_MESSAGE_CHARS): string | undefined {
  const v = attr(tag, name);
  if (v === undefined) return undefined;
  return detach(v.length > max ? v.slice(0, max) : v);
}

function parseNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  // Some JVM reporters write locale-formatted times ("1,234.5").
  const n = Number(s.trim().replace(/,/g, ""));
  return s.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function emptyCounts(): Counts {
  return { tests: 0, passed: 0, failed: 0, errored: 0, skipped: 0 };
}

/** Streaming JUnit XML reader: feed decoded text with write(), then call end() once. */
export class JUnitReader {
  private readonly path: string;
  private readonly parser: SaxesParser<{ xmlns: false; position: true }>;
  private readonly stack: Frame[] = [];
  private readonly suites: SuiteState[] = [];
  private readonly tests: TestCase[] = [];
  /** Kept (non-passing or flaky) tests by suite+classname+name, to fold repeated attempts. */
  private readonly kept = new Map<string, TestCase>();
  /** nameKey of kept tests' names: most passing testcases are told apart from them without building a key. */
  private readonly keptNames = new Set<number>();
  /** The id of the previous testcase, and how it was counted when it was only counted. */
  private lastCase: CountedCase | null = null;
  private lastCaseCounted = false;
  private readonly counts = emptyCounts();
  private readonly warnings: string[] = [];
  private suppressedWarnings = 0;
  private testcaseIndex = 0;
  /** The testcase being read, if any. */
  private openCase: CaseState | null = null;
  private completed = 0;
  private xmlErrors = 0;
  private retainedChars = 0;
  private droppedAttempts = 0;
  private sawRoot = false;
  private sawContent = false;
  /** Text held back from saxes: a tag or character data cut by the end of the last chunk. */
  private carry = "";
  /** The carry came from a text known to hold no character XML forbids. */
  private carryControlFree = false;
  private warnedBareAmpersand = false;
  /** Line ends in text that the fast path kept from saxes (saxes' own line count misses them). */
  private skippedLines = 0;
  /** The text being scanned, and how far into it skippedLines has counted. */
  private ix: ChunkIndex | null = null;
  private countedTo = 0;
  /** The last text given to saxes ended in a CR or a high surrogate, which saxes holds back. */
  private fedHeldBack = false;
  private readonly tag: StartTag = newStartTag(BARE_ATTRIBUTES);
  /** How the last testcase read in full was written, to read the next ones like it. */
  private shape: TagShape | null = null;
  /**
   * The pattern of the last bare testcase's shape, for countRun. Only a bare one's: pytest
   * writes a passing testcase `.../>` and a failing one `...>`, and the run must outlive the
   * failures between passing testcases (else the first passing testcase after each failure
   * goes the slow way, and learns its shape again).
   */
  private run: RunPattern | null = null;
  private runsMade = 0;
  /** Attributes read by the fast path for the tag saxes is being given without them. */
  private pendingAttributes: Record<string, string> | null = null;
  private stopped = false;
  private ended = false;
  /** The report's first characters, for dialect and report-level seed detection. */
  private head = "";
  /** See repeatsAreAttempts; undefined until the first testcase needs it. */
  private attemptsRepeat: boolean | undefined;

  /** Whether write() may spare saxes (see the fast path above); off only to test it against saxes alone. */
  private readonly fast: boolean;

  /**
   * `repeatsAreTests`: every testcase is a test of its own, repeated ids included, whatever the
   * head says (the user named a runner whose reports are written so: `--runner jest`).
   */
  constructor(path: string, options: { fastPath?: boolean; repeatsAreTests?: boolean } = {}) {
    this.path = path;
    if (options.repeatsAreTests === true) this.attemptsRepeat = false;
    this.fast = options.fastPath !== false && SAXES_TEXT_STATE !== undefined;
    // position:true gives line numbers for warnings; namespaces are off because JUnit has none
    // and namespace checks only add errors for reports that use stray prefixes.
    this.parser = new SaxesParser({ xmlns: false, position: true });
    this.parser.on("opentag", (tag) => {
      const attributes = this.pendingAttributes;
      if (attributes !== null) {
        this.pendingAttributes = null;
        tag.attributes = attributes;
      }
      this.open(tag);
    });
    this.parser.on("closetag", (tag) => this.close(tag));
    this.parser.on("text", (text) => this.text(text));
    this.parser.on("cdata", (text) => this.text(text));
    this.parser.on("error", (err) => this.xmlError(err));
    // saxes never expands DTD entities (only the five predefined ones and character
    // references): a DOCTYPE is passed to this event as text and otherwise ignored, and
    // references to entities it declares are reported as "undefined entity" and left as
    // literal text. So billion-laughs and external (XXE) entities cannot expand or fetch.
    this.parser.on("doctype", () => {
      this.warn(`${this.path}: has a DOCTYPE; its entity declarations were not expanded`);
    });
  }

  /**
   * Reads the next piece of the report. `controlFree` says the piece is known to hold none of the
   * characters XML forbids (see io/control-scan.ts), so the fast path need not look for them.
   */
  write(chunk: string, controlFree = false): void {
    if (this.stopped || this.ended || chunk.length === 0) return;
    if (!this.sawContent && /\S/.test(chunk)) this.sawContent = true;
    if (this.head.length < REPORT_HEAD_CHARS) this.head = detach(this.head + chunk.slice(0, REPORT_HEAD_CHARS - this.head.length));
    const text = this.carry.length > 0 ? this.carry + chunk : chunk;
    const free = controlFree && (this.carry.length === 0 || this.carryControlFree);
    this.carry = "";
    try {
      if (!this.fast) this.feed(text, 0, text.length);
      else this.scan(text, free);
    } catch (err) {
      this.stop(err);
    }
  }

  end(): ParsedInput {
    if (!this.ended) {
      this.ix = null;
      if (this.carry.length > 0 && !this.stopped) {
        try {
          this.feed(this.carry, 0, this.carry.length);
        } catch (err) {
          this.stop(err);
        }
      }
      this.carry = "";
      this.ended = true;
      this.finish();
    }
    return {
      path: this.path,
      kind: "junit",
      tests: this.tests,
      counts: { ...this.counts },
      warnings: this.finalWarnings(),
      ...(this.head.length > 0 ? { head: this.head } : {}),
    };
  }

  /** Gives saxes text[from, to) as written, or `piece` in its place (the same line ends). */
  private feed(text: string, from: number, to: number, piece?: string): void {
    if (from >= to || this.stopped) return;
    this.countSkipped(from);
    this.countedTo = to; // saxes counts the line ends it is given
    this.parser.write(piece ?? (from === 0 && to === text.length ? text : text.slice(from, to)));
    const last = text.charCodeAt(to - 1);
    this.fedHeldBack = last === 0x0d || (last >= 0xd800 && last <= 0xdbff);
  }

  /**
   * feed() for character data that goes on past this text: a `&` in it that certainly starts no
   * reference is given to saxes as `&amp;` (see passText), with the same warning.
   */
  private feedCharData(text: string, from: number, to: number): void {
    const repaired = escapeBareAmpersands(text, from, to);
    if (repaired === null) {
      this.feed(text, from, to);
      return;
    }
    if (this.stopped) return;
    this.bareAmpersand(from);
    this.feed(text, from, to, repaired.text);
  }

  /**
   * Gives saxes `bare`: the start tag that ends at `to`, written without its attributes, which
   * the opentag handler gets from here instead.
   */
  private feedStartTag(to: number, bare: string, attributes: Record<string, string>): void {
    // saxes reports the tag at its `>`: every line end inside it comes before.
    this.countSkipped(to);
    this.pendingAttributes = attributes;
    try {
      this.parser.write(bare);
    } finally {
      this.pendingAttributes = null;
    }
    this.fedHeldBack = false;
  }

  /** Adds the line ends of the text skipped since the last count, up to `to`. */
  private countSkipped(to: number): void {
    if (this.ix === null || to <= this.countedTo) return;
    this.skippedLines += countLineEnds(this.ix, this.countedTo, to);
    this.countedTo = to;
  }

  /** The current line: saxes' count plus the line ends the fast path kept from it. */
  private get line(): number {
    return this.parser.line + this.skippedLines;
  }

  /**
   * Whether saxes has consumed everything given to it and stands in an element's text with
   * nothing buffered: then text up to the next `<`, or a start tag, may bypass it.
   */
  private clean(): boolean {
    const p = this.parser as unknown as SaxesInternals;
    return (
      !this.stopped &&
      !this.fedHeldBack &&
      p.state === SAXES_TEXT_STATE &&
      p.text === "" &&
      p.tags.length > 0 &&
      p.closedRoot === false &&
      this.stack.length > 0 &&
      // XML 1.1 has other line ends and characters; leave such files to saxes.
      this.parser.xmlDecl.version !== "1.1"
    );
  }

  /**
   * Feeds `text` to saxes except what it can be spared: character data between tags (handed
   * to the text handler as saxes would hand it), start tags (given to saxes without their
   * attributes) and bare testcases (counted here). Holds back a tag cut by the end of `text`
   * until the next write().
   */
  private scan(text: string, controlFree: boolean): void {
    const ix = new ChunkIndex(text, controlFree);
    this.ix = ix;
    this.countedTo = 0;
    let fed = 0;
    let catchUp = 0;
    while (fed < text.length && !this.stopped) {
      if (!this.clean()) {
        // saxes is inside a tag, comment, CDATA or buffered text: let it read on to the next
        // `>`, where it is usually clean again. A long run of such steps (many `>` inside one
        // comment or attribute) hands it the rest of this text at once, and so does anything
        // after the root element: saxes reports text there where a run of it ends, and a step
        // would end it early, moving the line that error names. Text before the root element
        // (not markup: no `<` here) is handed over up to the `<` that ends it, for the same
        // reason: a `>` in it ("x>") ended the step there.
        const p = this.parser as unknown as SaxesInternals;
        const afterRoot = p.closedRoot === true;
        const beforeRoot = !afterRoot && p.tags.length === 0 && text.charCodeAt(fed) !== 0x3c;
        const gt = catchUp >= MAX_CATCH_UP_STEPS || afterRoot ? -1 : beforeRoot ? text.indexOf("<", fed) - 1 : text.indexOf(">", fed);
        const to = gt < 0 ? text.length : gt + 1;
        this.feed(text, fed, to);
        fed = to;
        catchUp++;
        continue;
      }
      catchUp = 0;
      if (this.run !== null && this.openCase === null) {
        const after = this.countRun(text, fed, this.run);
        if (after > fed) {
          fed = after;
          continue;
        }
      }
      const lt = ix.lt.at(fed);
      if (lt >= text.length) {
        // Character data cut by the end of the chunk: read with the next one (saxes would
        // buffer it until its `<` comes, then read on slowly).
        if (text.length - fed < MAX_FAST_TAG_CHARS) fed = this.hold(text, fed);
        else {
          this.feedCharData(text, fed, text.length);
          fed = text.length;
        }
        break;
      }
      if (lt > fed) {
        if (!this.passText(ix, fed, lt)) this.feed(text, fed, lt);
        fed = lt;
        continue;
      }
      const next = text.charCodeAt(lt + 1);
      if (next !== 0x2f && next !== 0x21 && next !== 0x3f) {
        const end = this.readStartTag(ix, lt);
        if (end >= 0) {
          fed = end;
          continue;
        }
        if (end === Tag.Incomplete) {
          fed = this.hold(text, lt);
          break;
        }
      }
      const end = tagEnd(text, lt);
      if (end < 0) {
        if (text.length - lt < MAX_FAST_TAG_CHARS) fed = this.hold(text, lt);
        else {
          this.feed(text, lt, text.length);
          fed = text.length;
        }
        break;
      }
      this.feed(text, lt, end);
      fed = end;
    }
    if (!this.stopped) this.countSkipped(fed);
    this.ix = null;
  }

  /** Keeps text from `lt` on for the next write(); returns where this text's reading stops. */
  private hold(text: string, lt: number): number {
    this.countSkipped(lt);
    this.carry = text.slice(lt);
    this.carryControlFree = this.ix?.controlFree === true;
    return lt;
  }

  /**
   * The start tag at `lt`, read by the fast path: a bare testcase is counted, any other tag is
   * given to saxes without its attributes. Returns where reading goes on, Tag.Incomplete when the
   * text ends inside it, or Tag.No when saxes must read it as written.
   */
  private readStartTag(ix: ChunkIndex, lt: number): number {
    const tag = this.tag;
    const limit = lt + MAX_FAST_TAG_CHARS;
    let end = this.shape === null ? Tag.No : readShapedTag(ix, lt, limit, this.shape, tag);
    const shaped = end !== Tag.No;
    if (!shaped) {
      end = readStartTag(ix, lt, limit, tag);
      if (end < 0) return end;
      if (tagIs(ix, tag, TESTCASE)) this.shape = shapeOf(ix, tag);
    }
    if (this.openCase === null && tagIs(ix, tag, TESTCASE) && this.stack[this.stack.length - 1]?.suite !== undefined) {
      const caseEnd = tag.selfClosing ? end : readEmptyClose(ix, end, limit, TESTCASE);
      if (caseEnd === Tag.Incomplete) return Tag.Incomplete;
      if (caseEnd >= 0 && this.countBare(ix, tag)) {
        // A second bare testcase in a row written the same way: runs are likely. Not on the
        // first (a report whose testcases each have other attributes would compile a pattern
        // per testcase: 10 times slower, and V8 keeps every one), and not past a few shapes.
        if (shaped && this.shape !== null && this.shape.key !== this.run?.shape.key && this.runsMade < MAX_RUN_PATTERNS) {
          this.run = this.runOf(this.shape);
          this.runsMade++;
        }
        return caseEnd;
      }
    }
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (let k = 0; k < tag.count; k++) {
      let v = attributeValue(ix, tag, k);
      if (v === undefined) {
        // An unescaped `&` (see passText): saxes would read the rest of the file as its name.
        const lenient = attributeValueLenient(ix, tag, k);
        if (lenient === undefined) return Tag.No;
        if (lenient.bare > 0) this.bareAmpersand(lt);
        v = lenient.text;
      }
      attributes[attributeName(ix, tag, k)] = v;
    }
    const name = tagName(ix, tag);
    this.feedStartTag(end, tag.selfClosing ? `<${name}/>` : `<${name}>`, attributes);
    return end;
  }

  /**
   * Character data text[from, to) (ending before a `<`) handed to the text handler as saxes
   * would. Returns false, doing nothing, for anything saxes would report, so that saxes reads
   * it and reports it.
   */
  private passText(ix: ChunkIndex, from: number, to: number): boolean {
    const sink = this.stack[this.stack.length - 1]?.sink ?? null;
    const kept = sink !== null;
    if (!kept && charDataValid(ix, from, to)) return true;
    if (kept && sink.keepsLittleOf(to - from)) {
      const ends = readCharDataEnds(ix, from, to);
      if (ends !== undefined) {
        sink.appendEnds(ends);
        return true;
      }
    }
    const out = kept ? readCharData(ix, from, to) : undefined;
    if (out !== undefined) {
      this.text(out);
      return true;
    }
    // An unescaped `&` would make saxes read the rest of the file as an entity name.
    const lenient = readCharDataLenient(ix, from, to);
    if (lenient === undefined) return false;
    if (lenient.bare > 0) this.bareAmpersand(from);
    if (kept) this.text(lenient.text);
    return true;
  }

  /** Warns, once per file, of the first `&` the writer forgot to escape (read as a literal `&`). */
  private bareAmpersand(from: number): void {
    if (this.warnedBareAmpersand) return;
    this.warnedBareAmpersand = true;
    this.countSkipped(from);
    this.warn(`${this.path}: line ${this.line}: an unescaped "&", read as a literal "&" (the report's writer should write it as &amp;)`);
  }

  /**
   * Counts a bare testcase as finishCase counts a passing or skipped one. Returns false, counting
   * nothing, when its id is a kept test's (folding it in is the slow path's job) or saxes would
   * report one of its references.
   */
  private countBare(ix: ChunkIndex, tag: StartTag): boolean {
    return tag.plain ? this.countPlain(ix, tag) : this.countBareSliced(ix, tag);
  }

  /** countBare for any tag: its values decoded and sliced out. */
  private countBareSliced(ix: ChunkIndex, tag: StartTag): boolean {
    if (!valuesValid(ix, tag)) return false;
    const name = bareAttribute(ix, tag, BARE_NAME);
    const classname = bareAttribute(ix, tag, BARE_CLASSNAME);
    if (name === undefined || classname === undefined) return false;
    const suiteName = this.suites[this.suites.length - 1]?.name ?? "";
    if (this.keptNames.has(nameKey(name)) && this.kept.has(caseKey(suiteName, classname, name))) return false;
    const status = bareAttribute(ix, tag, BARE_STATUS);
    const result = bareAttribute(ix, tag, BARE_RESULT);
    if (status === undefined || result === undefined) return false;
    const outcome: Outcome = NOT_RUN_STATUS.test(status) || NOT_RUN_RESULT.test(result) ? "skipped" : "passed";
    return this.countAs(this.setPrevious(suiteName, classname, name), outcome);
  }

  /** Counts the bare testcase setPrevious has just recorded as `last`. */
  private countAs(last: CountedCase, outcome: Outcome): true {
    this.completed++;
    last.outcome = outcome;
    last.index = this.testcaseIndex++;
    this.lastCaseCounted = true;
    this.counts.tests++;
    this.counts[outcome]++;
    return true;
  }

  /**
   * countBare for a tag whose values need no decoding (nearly every passing testcase): the
   * name is told apart from kept tests' by its key, computed where it lies in the text.
   */
  private countPlain(ix: ChunkIndex, tag: StartTag): boolean {
    const s = ix.text;
    const kn = tag.found[BARE_NAME] ?? -1;
    const kc = tag.found[BARE_CLASSNAME] ?? -1;
    const nameFrom = kn < 0 ? 0 : (tag.starts[kn] ?? 0);
    const nameTo = kn < 0 ? 0 : (tag.ends[kn] ?? 0);
    const classFrom = kc < 0 ? 0 : (tag.starts[kc] ?? 0);
    const classTo = kc < 0 ? 0 : (tag.ends[kc] ?? 0);
    if (nameTo - nameFrom > MAX_MESSAGE_CHARS || classTo - classFrom > MAX_MESSAGE_CHARS) return this.countBareSliced(ix, tag);
    const suiteName = this.suites[this.suites.length - 1]?.name ?? "";
    if (this.keptNames.has(rangeKey(s, nameFrom, nameTo))) {
      const key = caseKey(suiteName, s.slice(classFrom, classTo), s.slice(nameFrom, nameTo));
      if (this.kept.has(key)) return false;
    }
    const ks = tag.found[BARE_STATUS] ?? -1;
    const kr = tag.found[BARE_RESULT] ?? -1;
    const skipped =
      (ks >= 0 && NOT_RUN_STATUS.test(s.slice(tag.starts[ks] ?? 0, tag.ends[ks] ?? 0))) ||
      (kr >= 0 && NOT_RUN_RESULT.test(s.slice(tag.starts[kr] ?? 0, tag.ends[kr] ?? 0)));
    const last = this.setPrevious(suiteName, "", "");
    last.text = s;
    last.nameFrom = nameFrom;
    last.nameTo = nameTo;
    last.classFrom = classFrom;
    last.classTo = classTo;
    return this.countAs(last, skipped ? "skipped" : "passed");
  }

  /**
   * Counts the bare passing testcases from `from` on that are written in the last bare
   * testcase's shape with plain values, one native match each (RunPattern): what readStartTag,
   * readShapedTag and countPlain would do for each of them and the blanks before it, at well
   * under half the cost (most of a big report is such runs). Stops before anything else, and
   * before a kept test's repeat (the slow path folds it). Returns where the run ends (`from`
   * when there is none).
   */
  private countRun(text: string, from: number, run: RunPattern): number {
    const top = this.stack[this.stack.length - 1];
    if (top?.suite === undefined || top.sink !== null) return from;
    const { pattern, shape } = run;
    const suiteName = this.suites[this.suites.length - 1]?.name ?? "";
    const checkKept = this.keptNames.size > 0;
    let at = from;
    let lastStart = -1;
    pattern.lastIndex = from;
    while (pattern.test(text)) {
      if (checkKept) {
        const nameFrom = runValueStart(text, at, shape, run.name);
        const nameTo = runValueEnd(text, nameFrom, run.name, MAX_MESSAGE_CHARS);
        if (this.keptNames.has(rangeKey(text, nameFrom, nameTo))) {
          const [classFrom, classTo] = runValueRange(text, at, shape, run.classname, MAX_MESSAGE_CHARS);
          if (this.kept.has(caseKey(suiteName, text.slice(classFrom, classTo), text.slice(nameFrom, nameTo)))) break;
        }
      }
      lastStart = at;
      at = pattern.lastIndex;
      this.completed++;
      this.testcaseIndex++;
      this.counts.tests++;
      this.counts.passed++;
    }
    if (lastStart < 0) return from;
    // As countPlain and countAs leave it after the last of them.
    const last = this.setPrevious(suiteName, "", "");
    [last.nameFrom, last.nameTo] = runValueRange(text, lastStart, shape, run.name, MAX_MESSAGE_CHARS);
    [last.classFrom, last.classTo] = runValueRange(text, lastStart, shape, run.classname, MAX_MESSAGE_CHARS);
    last.text = text;
    last.outcome = "passed";
    last.index = this.testcaseIndex - 1;
    this.lastCaseCounted = true;
    return at;
  }

  /** The run pattern of a bare testcase's shape (see countRun). */
  private runOf(shape: TagShape): RunPattern | null {
    const index = (w: number): number => shape.found[w] ?? -1;
    const found = { name: index(BARE_NAME), classname: index(BARE_CLASSNAME), status: index(BARE_STATUS), result: index(BARE_RESULT) };
    return runPattern(shape, found, { status: NOT_RUN_STATUS_WORDS, result: NOT_RUN_RESULT_WORDS });
  }

  /** Records the id of the testcase just read, as not counted (the caller says otherwise). */
  private setPrevious(suiteName: string, classname: string, name: string): CountedCase {
    let p = this.lastCase;
    if (p === null) {
      p = { suiteName, classname, name, outcome: "passed", index: 0, text: null, nameFrom: 0, nameTo: 0, classFrom: 0, classTo: 0 };
      this.lastCase = p;
    } else {
      p.suiteName = suiteName;
      p.classname = classname;
      p.name = name;
      p.text = null;
    }
    this.lastCaseCounted = false;
    return p;
  }

  /** The testcase read last, its name and classname sliced out if countPlain left them in the text. */
  private previous(): CountedCase | null {
    const p = this.lastCase;
    if (p !== null && p.text !== null) {
      p.name = p.text.slice(p.nameFrom, p.nameTo);
      p.classname = p.text.slice(p.classFrom, p.classTo);
      p.text = null;
    }
    return p;
  }

  private finish(): void {
    if (!this.sawContent) {
      this.warn(`${this.path}: empty file, no tests read`, true);
      return;
    }
    const truncated = !this.stopped && this.stack.length > 0;
    if (!this.stopped) {
      // Unclosed elements would each raise an "unclosed tag" error; the truncation warning
      // below says it once.
      this.stopped = true;
      try {
        this.parser.close();
      } catch {
        // close() can only report what the warnings below already say.
      }
    }
    if (truncated) {
      const complete = this.completed;
      // The cut often lands in a failing test's long output after its failure was written
      // in full; that failure is the evidence we are here for, so it is kept.
      const open = this.openCase;
      let salvaged = "";
      if (open !== null && (open.hasFailure || open.hasError)) {
        this.endCase(open);
        salvaged = `; the cut-off testcase "${open.name}" is kept as ${open.hasError ? "errored" : "failed"}`;
      }
      this.warn(`${this.path}: truncated after ${complete} testcases (the file ends inside an element)${salvaged}`, true);
    }
    // Suites left open (truncated or stopped): their output still belongs to their failing tests.
    for (let i = this.suites.length - 1; i >= 0; i--) {
      const suite = this.suites[i];
      if (suite !== undefined) this.closeSuite(suite, this.suites[i - 1]);
    }
    if (!this.sawRoot) {
      this.warn(`${this.path}: no <testsuites> or <testsuite> element found`, true);
    }
    if (this.droppedAttempts > 0) {
      this.warn(`${this.path}: ${this.droppedAttempts} attempts of repeated tests beyond ${MAX_PRIOR_ATTEMPTS} per test were not kept`, true);
    }
  }

  private stop(err: unknown): void {
    this.stopped = true;
    const why = err instanceof Error ? err.message : String(err);
    this.warn(`${this.path}: line ${this.line}: stopped reading after ${this.completed} testcases: ${why}`, true);
  }

  /** Per-error warnings are capped; `always` is for the few that say what happened to the file. */
  private warn(message: string, always = false): void {
    if (always || this.warnings.length < MAX_WARNINGS_PER_FILE) this.warnings.push(message);
    else this.suppressedWarnings++;
  }

  private finalWarnings(): string[] {
    const out = [...this.warnings];
    if (this.suppressedWarnings > 0) {
      out.push(`${this.path}: ${this.suppressedWarnings} more warnings not shown`);
    }
    return out;
  }

  private xmlError(err: Error): void {
    if (this.stopped) return;
    this.xmlErrors++;
    // saxes prefixes "line:column: "; we name the file and line ourselves.
    const what = err.message.replace(/^\d+:\d+: /, "");
    this.warn(`${this.path}: line ${this.line}: malformed XML: ${what}`);
    if (this.xmlErrors >= MAX_XML_ERRORS) {
      // Throwing out of the handler aborts the parser's current write(); write() catches it.
      throw new Error(`more than ${MAX_XML_ERRORS} XML errors`);
    }
  }

  private get top(): Frame | undefined {
    return this.stack[this.stack.length - 1];
  }

  private caps(): { details: number; output: number } {
    if (this.retainedChars < MAX_RETAINED_CHARS_PER_FILE) return { details: MAX_DETAILS_CHARS, output: MAX_OUTPUT_CHARS };
    if (this.retainedChars < MAX_LEAN_RETAINED_CHARS_PER_FILE) return { details: LEAN_DETAILS_CHARS, output: LEAN_OUTPUT_CHARS };
    return { details: MINIMAL_DETAILS_CHARS, output: MINIMAL_OUTPUT_CHARS };
  }

  private open(tag: SaxesTagPlain): void {
    if (this.stopped) return;
    // Thrown out of the parser's write(); write() stops reading and says why.
    if (this.stack.length >= MAX_XML_DEPTH) throw new Error(`elements nested more than ${MAX_XML_DEPTH} deep, which no test report does`);
    const name = tag.name;
    const parent = this.top;
    if (this.stack.length === 0) {
      if (name !== "testsuites" && name !== "testsuite") {
        const shown = name.length > 80 ? `${name.slice(0, 80)}...` : name;
        this.warn(`${this.path}: root element is <${shown}>, not <testsuites> or <testsuite>; reading any <testcase> inside it`);
      }
    }
    if (name === "testsuites" || name === "testsuite") {
      this.sawRoot = true;
      const suite: SuiteState = {
        output: null,
        needOutput: [],
        name: keptAttr(tag, "name") ?? "",
      };
      this.suites.push(suite);
      this.stack.push({ sink: null, suite });
      return;
    }
    if (name === "testcase") {
      // Testcases never nest in any dialect; one opening inside another means the outer one's
      // end tag was lost (e.g. `x=1/>` read as an attribute value), so the outer one ends here.
      if (this.openCase !== null) this.endCase(this.openCase);
      const suite = this.suites[this.suites.length - 1];
      const testcase: CaseState = {
        index: this.testcaseIndex++,
        xmlLine: this.line,
        classname: keptAttr(tag, "classname") ?? "",
        name: keptAttr(tag, "name") ?? "",
        file: keptAttr(tag, "file"),
        time: parseNumber(attr(tag, "time")),
        suiteName: suite?.name ?? "",
        hasFailure: false,
        hasError: false,
        hasSkipped: NOT_RUN_STATUS.test(attr(tag, "status") ?? "") || NOT_RUN_RESULT.test(attr(tag, "result") ?? ""),
        message: undefined,
        details: null,
        output: null,
        flaky: [],
        reruns: [],
        done: false,
      };
      this.openCase = testcase;
      this.stack.push({ sink: null, testcase });
      return;
    }

    // Children of a testcase.
    const tc = parent?.testcase;
    if (tc?.done === true) {
      this.stack.push(IGNORED);
      return;
    }
    if (tc !== undefined) {
      const failureKind = FAILURE_ELEMENTS.get(name);
      if (failureKind !== undefined) {
        if (failureKind === "errored") tc.hasError = true;
        else tc.hasFailure = true;
        const caps = this.caps();
        tc.details ??= new CappedText(caps.details);
        if (tc.details.length > 0) tc.details.append("\n\n");
        const message = attr(tag, "message");
        if (tc.message === undefined && message !== undefined) {
          tc.message = firstLine(message, MAX_MESSAGE_CHARS);
        }
        // A multi-line message attribute on an element without text is the only copy of the
        // details (assertion diffs, seeds): it becomes the details when the element closes empty.
        const fallback = message?.includes("\n") === true ? message : undefined;
        this.stack.push({ sink: tc.details, ...(fallback !== undefined ? { fallback, mark: tc.details.length } : {}) });
        return;
      }
      if (name === "skipped") {
        tc.hasSkipped = true;
        this.stack.push(IGNORED);
        return;
      }
      if (name === "system-out" || name === "system-err") {
        tc.output ??= new CappedText(this.caps().output);
        if (tc.output.length > 0) tc.output.append("\n");
        this.stack.push({ sink: tc.output });
        return;
      }
      const attemptKind = ATTEMPT_ELEMENTS.get(name);
      if (attemptKind !== undefined) {
        const caps = this.caps();
        const attempt: AttemptState = {
          outcome: attemptKind.outcome,
          message: firstLine(attr(tag, "message") ?? "", MAX_MESSAGE_CHARS),
          details: new CappedText(caps.details),
          output: new CappedText(caps.output),
        };
        (attemptKind.flaky ? tc.flaky : tc.reruns).push(attempt);
        // Text directly inside the element is its stack trace in some reporters.
        this.stack.push({ sink: attempt.details, attempt });
        return;
      }
      this.stack.push(IGNORED); // properties and unknown children
      return;
    }

    // Children of a Surefire flaky/rerun attempt.
    const attempt = parent?.attempt;
    if (attempt !== undefined) {
      if (name === "stackTrace") this.stack.push({ sink: attempt.details });
      else if (name === "system-out" || name === "system-err") {
        if (attempt.output.length > 0) attempt.output.append("\n");
        this.stack.push({ sink: attempt.output });
      } else this.stack.push(IGNORED);
      return;
    }

    // Suite-level output.
    const suite = parent?.suite;
    if (suite !== undefined && (name === "system-out" || name === "system-err")) {
      suite.output ??= new CappedText(this.caps().output);
      if (suite.output.length > 0) suite.output.append("\n");
      this.stack.push({ sink: suite.output });
      return;
    }
    this.stack.push(IGNORED);
  }

  private close(_tag: SaxesTagPlain): void {
    if (this.stopped) return;
    const frame = this.stack.pop();
    if (frame === undefined) return;
    if (frame.fallback !== undefined && frame.sink !== null && frame.sink.length === frame.mark) {
      frame.sink.append(frame.fallback);
    }
    if (frame.suite !== undefined) {
      this.suites.pop();
      this.closeSuite(frame.suite, this.suites[this.suites.length - 1]);
    } else if (frame.testcase !== undefined) {
      this.endCase(frame.testcase);
    }
  }

  private text(text: string): void {
    if (this.stopped) return;
    this.top?.sink?.append(text);
  }

  private endCase(c: CaseState): void {
    if (c.done) return;
    c.done = true;
    if (this.openCase === c) this.openCase = null;
    this.finishCase(c);
  }

  private closeSuite(suite: SuiteState, outer: SuiteState | undefined): void {
    const output = suite.output === null ? "" : suite.output.toString();
    if (output.trim().length > 0) {
      for (const t of suite.needOutput) if (t.output === undefined) t.output = output;
    } else if (outer !== undefined) {
      // Output of an enclosing suite is the next best evidence for these tests.
      for (const t of suite.needOutput) if (t.output === undefined) outer.needOutput.push(t);
    }
    suite.needOutput = [];
    suite.output = null;
  }

  private finishCase(c: CaseState): void {
    this.completed++;
    let outcome: Outcome;
    const prior: PriorAttempt[] = [];
    let evidence: AttemptState | undefined;
    if (c.hasError || c.hasFailure) {
      outcome = c.hasError ? "errored" : "failed";
      for (const a of c.reruns) prior.push(toPrior(a));
    } else if (c.reruns.length > 0) {
      const last = c.reruns[c.reruns.length - 1];
      outcome = last?.outcome ?? "failed";
      for (const a of c.reruns.slice(0, -1)) prior.push(toPrior(a));
      evidence = last;
    } else if (c.flaky.length > 0) {
      outcome = "passed";
      evidence = c.flaky.find((a) => a.details.length > 0 || a.output.length > 0) ?? c.flaky[0];
    } else if (c.hasSkipped) {
      outcome = "skipped";
    } else {
      outcome = "passed";
    }
    for (const a of c.flaky) prior.push(toPrior(a));

    const key = caseKey(c.suiteName, c.classname, c.name);
    const attempts = this.repeatsAreAttempts();
    const previous = attempts ? this.kept.get(key) : undefined;
    const keep = outcome === "failed" || outcome === "errored" || prior.length > 0;
    const last = this.previous();
    const adjacent = last !== null && last.suiteName === c.suiteName && last.classname === c.classname && last.name === c.name;
    const counted = attempts && adjacent && this.lastCaseCounted ? { outcome: last.outcome, index: last.index } : null;
    this.setPrevious(c.suiteName, c.classname, c.name);
    if (previous === undefined && !keep) {
      this.counts.tests++;
      this.counts[outcome]++;
      const mine = this.lastCase as CountedCase;
      mine.outcome = outcome;
      mine.index = c.index;
      this.lastCaseCounted = true;
      return;
    }
    let index = c.index;
    if (previous === undefined && counted !== null) {
      // A retry right after a passing (or, as TestNG reports retried runs, skipped) attempt:
      // that attempt was counted as its own test; it becomes a prior attempt of this one.
      this.counts.tests--;
      this.counts[counted.outcome]--;
      if (counted.outcome === "passed") prior.unshift({ outcome: "passed" });
      index = counted.index;
    }

    const message = c.message ?? evidence?.message ?? firstLine(c.details?.toString() ?? "", MAX_MESSAGE_CHARS);
    const detailsText = nonEmpty(c.details) ?? (evidence !== undefined ? nonEmpty(evidence.details) : undefined);
    const outputText = nonEmpty(c.output) ?? (evidence !== undefined ? nonEmpty(evidence.output) : undefined);

    if (previous !== undefined && adjacent && outcome === "errored" && c.message?.startsWith(PYTEST_TEARDOWN) === true) {
      this.addTeardownError(previous, detailsText);
      return;
    }
    if (previous !== undefined) {
      this.foldAttempt(previous, outcome, prior, message, detailsText, outputText);
      return;
    }

    // Without a classname (jest-junit, nested suites) the suite name is what tells tests apart.
    const scope = c.classname !== "" ? c.classname : c.suiteName;
    const id = scope !== "" ? `${scope}::${c.name}` : c.name;
    const test: TestCase = {
      id,
      classname: c.classname,
      name: c.name,
      outcome,
      sources: [{ file: this.path, line: c.xmlLine }],
      index,
    };
    if (c.file !== undefined && c.file !== "") test.file = c.file;
    if (c.time !== undefined) test.durationSec = c.time;
    if (message !== undefined) test.message = message;
    if (detailsText !== undefined) test.details = detailsText;
    if (outputText !== undefined) test.output = outputText;
    if (prior.length > 0) test.priorAttempts = this.capAttempts(prior);
    const line = this.lineOf(test);
    if (line !== undefined) test.line = line;

    this.retainedChars += (detailsText?.length ?? 0) + (outputText?.length ?? 0);
    this.tests.push(test);
    if (attempts) {
      this.kept.set(key, test);
      this.keptNames.add(nameKey(c.name));
    }
    this.counts.tests++;
    this.counts[outcome]++;
    if (outputText === undefined) this.suites[this.suites.length - 1]?.needOutput.push(test);
  }

  /**
   * Whether a repeated id is another attempt of one test: not in the reports of jest-junit,
   * vitest and mocha, which write one testcase per test however often it was retried, so a
   * repeat there is another test of the same title (`test.each` with a fixed title). Folding
   * those made a failing case that a passing one of the same title followed read as passed
   * on retry. Decided by the report's head, read before its first testcase.
   */
  private repeatsAreAttempts(): boolean {
    return (this.attemptsRepeat ??= repeatsAreAttempts(this.head));
  }

  /** A repeat of a kept test: the new attempt becomes the outcome, the old one a prior attempt. */
  private foldAttempt(
    test: TestCase,
    outcome: Outcome,
    prior: PriorAttempt[],
    message: string | undefined,
    details: string | undefined,
    output: string | undefined,
  ): void {
    const attempts = test.priorAttempts ?? [];
    if (test.outcome !== "skipped") {
      const previousAttempt: PriorAttempt = { outcome: test.outcome };
      if (test.message !== undefined && test.outcome !== "passed") previousAttempt.message = test.message;
      attempts.push(previousAttempt);
    }
    attempts.push(...prior);
    test.priorAttempts = this.capAttempts(attempts);
    this.counts[test.outcome]--;
    this.counts[outcome]++;
    test.outcome = outcome;
    // A passing last attempt keeps the failing attempt's text: that is the flaky evidence.
    if (outcome === "failed" || outcome === "errored") {
      if (message !== undefined) test.message = message;
      if (details !== undefined) {
        this.retainedChars += details.length - (test.details?.length ?? 0);
        test.details = details;
      }
      if (output !== undefined) {
        this.retainedChars += output.length - (test.output?.length ?? 0);
        test.output = output;
      }
    }
  }

  /**
   * pytest reports a teardown error after a failed call as a second testcase of the same run;
   * it is part of that run, not another attempt (it would read as a recorded rerun).
   */
  private addTeardownError(test: TestCase, details: string | undefined): void {
    this.counts[test.outcome]--;
    this.counts.errored++;
    test.outcome = "errored";
    if (details === undefined) return;
    const joined = new CappedText(MAX_DETAILS_CHARS);
    if (test.details !== undefined) {
      joined.append(test.details);
      joined.append("\n\n");
    }
    joined.append(details);
    const text = joined.toString();
    this.retainedChars += text.length - (test.details?.length ?? 0);
    test.details = text;
  }

  private capAttempts(attempts: PriorAttempt[]): PriorAttempt[] {
    if (attempts.length <= MAX_PRIOR_ATTEMPTS) return attempts;
    this.droppedAttempts += attempts.length - MAX_PRIOR_ATTEMPTS;
    return attempts.slice(0, MAX_PRIOR_ATTEMPTS);
  }

  /**
   * The failing line from the trace. The `line` attribute (pytest xunit1, some JS reporters) is
   * where the test is defined, not where it failed, so it is not used: the model's `line` is the
   * failure's, and join.ts prefers a reader's line over reading traces itself.
   */
  private lineOf(test: TestCase): number | undefined {
    if (test.file === undefined || test.details === undefined) return undefined;
    return failingLine(test.details, test.file);
  }

}

/**
 * A number from a name's length and its last 24 characters (where names of one report differ:
 * parameters, numbers): equal names have equal keys, and nearly all different names do not.
 * Cheaper than a Set of strings, which flattens and hashes the name of every passing testcase.
 */
function nameKey(name: string): number {
  return rangeKey(name, 0, name.length);
}

/** nameKey of s.slice(from, to), without slicing it. */
function rangeKey(s: string, from: number, to: number): number {
  let h = to - from;
  for (let i = to - from > 24 ? to - 24 : from; i < to; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  // 30 bits: a small integer V8 keeps unboxed, so looking a key up allocates nothing.
  return h & 0x3fffffff;
}

/** Identifies a test within a file: the same classname and name in two suites are two tests. */
function caseKey(suiteName: string, classname: string, name: string): string {
  return `${suiteName}\u0000${classname}\u0000${name}`;
}

function toPrior(a: AttemptState): PriorAttempt {
  const p: PriorAttempt = { outcome: a.outcome };
  if (a.message !== undefined) p.message = a.message;
  else {
    const m = firstLine(a.details.toString(), MAX_MESSAGE_CHARS);
    if (m !== undefined) p.message = m;
  }
  return p;
}

function nonEmpty(t: CappedText | null): string | undefined {
  if (t === null) return undefined;
  const s = t.toString();
  return s.trim().length > 0 ? s : undefined;
}
