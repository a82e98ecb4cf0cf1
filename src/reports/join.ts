/**
 * Joins the evidence several inputs hold about the same test. A pytest run typically leaves a
 * JUnit report (structured, but without what the test logged: `junit_logging = no` is pytest's
 * default) and a console log (where the seed lines are); nose/unittest runs leave a console log,
 * sometimes an xunit report. Tests are matched by id, the failing line is resolved, and paths
 * printed on another machine are mapped into the project.
 */
import { posix } from "node:path";
import type { LogLines, ParsedInput, SourceRef, TestCase } from "../model.js";
import { failingLine } from "./failing-line.js";
import { headlineOf } from "./pytest-log.js";
import { doctestKind, failedWithImportMismatch, fileInDottedDirectory, nodeIdFile, PytestIds, withoutXdistGroup } from "./pytest-ids.js";
import { detectDialect, dialectNamed, viewOf, type Dialect, type Place } from "./dialects/index.js";
import { isUninformativeMessage } from "./message.js";
import { reportSeedContext } from "../seeds/extract.js";

/** The project's files as the join may see them; kept an interface so this module stays pure. */
export interface ProjectView {
  exists(relPath: string): boolean;
  /** Whether a directory exists (optional: only the pytest id mapping uses it, for dotted directory names). */
  isDir?(relPath: string): boolean;
}

interface Evidence {
  test: TestCase;
  kind: ParsedInput["kind"];
  /** Runner-native id after mapping JUnit names to pytest node ids. */
  id: string;
  /** Test file already resolved by the id mapping, if any. */
  mappedFile?: string;
  /** `id` up to its first "::" when the id mapping knows it (shared by a classname's tests). */
  idHead?: string;
  /** Where the report's dialect says the failure is (paths as printed), and its rerun driver. */
  dialectPlaces?: Place[];
  runner?: string;
  /** Position of the input and of the test in it: ties in run order keep input order. */
  order: number;
}

// Parts after the first may start with a digit or hold a hyphen: they may be directory names
// (`tests/v1.2/` is written `tests.v1.2.`, `tests/e2e-api/` as `tests.e2e-api.`).
const DOTTED_MODULE_PATH = /^[A-Za-z_][\w-]*(?:\.[\w-]+)*$/;
/** Stack frames of JVM languages: a dotted classname that is not a Python module. */
const OTHER_SOURCE_LINE = /\.(?:c|cc|cpp|cxx|h|hpp|go|rs|rb|php|cs|swift|m|mm|js|mjs|cjs|ts|tsx|jsx)(?::|\(|, line )\d+/;
const JVM_FRAME = /\bat [\w$.<>]+\([\w$]+\.(?:java|kt|scala|groovy):\d+\)/;

function keep(t: TestCase): boolean {
  if (t.outcome === "failed" || t.outcome === "errored") return true;
  return t.outcome === "passed" && (t.priorAttempts?.length ?? 0) > 0;
}

/**
 * Whether a JUnit test came from pytest: a dotted module path as classname, and Python evidence
 * (a .py file attribute or traceback, python-style test module names, or the module existing).
 */
function pytestJUnit(t: TestCase, ids: PytestIds, project: ProjectView): { id: string; file?: string; head?: string; runner?: string } | null {
  // A module pytest could not import or collect: no classname, the module's dotted path as the
  // name, message "collection failure". Its id is the file, as the console says it ("ERROR
  // collecting tests/test_api.py"), so the two join and the rerun collects that file.
  if (t.classname === "" && t.message === "collection failure" && DOTTED_MODULE_PATH.test(t.name)) {
    const found = ids.of(t.name, "x", t.file).file;
    // A directory's conftest.py that fails to import is named by the directory (`tests.sub`).
    const dir = t.name.replace(/\./g, "/");
    if (found === undefined && project.isDir?.(dir) === true) return { id: dir, runner: "pytest" };
    const file = found ?? `${dir}.py`;
    return { id: file, file };
  }
  // A text file's doctest (--doctest-glob): the file's path with its separators written as dots,
  // and the file's name (`docs.usage.md`, `usage.md`; `test_notes.txt` twice at the root).
  if ((t.classname === t.name || t.classname.endsWith("." + t.name)) && doctestKind(`${t.name}::${t.name}`) === "text") {
    const file = fileInDottedDirectory(t.classname.slice(0, t.classname.length - t.name.length).split(".").slice(0, -1), t.name, project);
    if (file !== undefined) return { id: `${file}::${t.name}`, file, runner: "pytest" };
  }
  if (!DOTTED_MODULE_PATH.test(t.classname)) return null;
  const details = t.details ?? "";
  if (JVM_FRAME.test(details) || (t.file !== undefined && !/\.py$/.test(t.file))) return null;
  // A failure that points into another language's source and never at a .py file is not
  // pytest's, whatever its classname looks like (C++ test binaries are often named x_test).
  if (OTHER_SOURCE_LINE.test(details) && !/\.py\b/.test(details)) return null;
  const mapped = ids.of(t.classname, t.name, t.file);
  const python =
    t.file !== undefined ||
    /\.py\b/.test(details) ||
    t.classname.split(".").some((p) => /^test_|_test$/.test(p)) ||
    mapped.file !== undefined;
  return python ? mapped : null;
}

/** `a/b/../c.py` -> `a/c.py`, Windows separators to `/`; no file system access. */
function cleanPath(p: string): string {
  let c = cleanCache.get(p);
  if (c === undefined) {
    // Bounded: a report naming millions of distinct paths must not grow this without end.
    if (cleanCache.size >= CLEAN_CACHE_MAX) cleanCache.clear();
    c = cleanUncached(p);
    cleanCache.set(p, c);
  }
  return c;
}

/** Cleaned paths, memoised: 50,000 failures name the same few hundred files again and again. */
const cleanCache = new Map<string, string>();
const CLEAN_CACHE_MAX = 10_000;

function cleanUncached(p: string): string {
  return posix.normalize(p.replace(/\\/g, "/")).replace(/^\.\//, "");
}

/**
 * The project-relative file for a path as printed: itself if it exists, else the longest
 * suffix that exists (`/work/mxnet/tests/python/unittest/x.py` -> `tests/python/unittest/x.py`).
 */
export function resolveInProject(printed: string, project: ProjectView): string | undefined {
  if (project instanceof MemoView) return project.resolve(printed);
  return resolveUncached(printed, project);
}

function resolveUncached(printed: string, project: ProjectView): string | undefined {
  const clean = cleanPath(printed);
  const parts = clean.replace(/^[A-Za-z]:\//, "/").split("/").filter((s) => s.length > 0 && s !== "..");
  for (let k = 0; k < parts.length; k++) {
    const rel = parts.slice(k).join("/");
    if (project.exists(rel)) return rel;
  }
  return undefined;
}

/**
 * A view that asks the project once per path, and resolves each printed path once: a report
 * with 50,000 failures names the same few hundred files over and over (as the file attribute,
 * the node id's file and the traceback), and every suffix of each is a lookup.
 */
class MemoView implements ProjectView {
  private readonly known = new Map<string, boolean>();
  private readonly resolved = new Map<string, string | null>();

  private readonly dirs = new Map<string, boolean>();

  constructor(private readonly project: ProjectView) {}

  isDir(relPath: string): boolean {
    let v = this.dirs.get(relPath);
    if (v === undefined) {
      v = this.project.isDir?.(relPath) ?? false;
      this.dirs.set(relPath, v);
    }
    return v;
  }

  exists(relPath: string): boolean {
    let v = this.known.get(relPath);
    if (v === undefined) {
      v = this.project.exists(relPath);
      this.known.set(relPath, v);
    }
    return v;
  }

  resolve(printed: string): string | undefined {
    // One lookup, not has() then get(): null stands for "resolves to nothing".
    const known = this.resolved.get(printed);
    if (known !== undefined) return known ?? undefined;
    const rel = resolveUncached(printed, this);
    this.resolved.set(printed, rel ?? null);
    return rel;
  }
}

function isRelative(p: string): boolean {
  const c = cleanPath(p);
  return !c.startsWith("/") && !c.startsWith("../") && !/^[A-Za-z]:\//.test(c);
}

/** Console ids that are pytest headlines (`TestC.test_y[p]`) because no node id was printed. */
function headlineOnly(e: Evidence): boolean {
  // A file (`ERROR collecting tests/test_api.py`) is an id, not a headline.
  return e.kind === "pytest-log" && !e.id.includes("::") && !e.id.endsWith(".py");
}

function aliases(e: Evidence): string[] {
  const a = [e.id];
  if (e.test.classname !== "") a.push(`${e.test.classname}.${e.test.name}`);
  return a;
}

/** Which evidence's id names the merged test: the runner's own console format first. */
function idRank(e: Evidence): number {
  if (e.kind === "unittest-log") return 0;
  if (e.kind === "pytest-log" && e.id.includes("::")) return 1;
  if (e.kind === "junit") return 2;
  return 3;
}

function mergeGroup(group: Evidence[], project: ProjectView): TestCase {
  const primary = group.find((e) => e.kind === "junit") ?? group[0];
  if (primary === undefined) throw new Error("empty group");
  // The first evidence of the lowest rank (what a stable sort would put first).
  let named = group[0] ?? primary;
  for (const e of group) if (idRank(e) < idRank(named)) named = e;
  // Primary first, then the rest in group order (visiting primary twice changes no answer below).
  const all = group.length === 1 && group[0] === primary ? group : [primary, ...group.filter((e) => e !== primary)];
  const p = primary.test;
  const out: TestCase = {
    id: named.id,
    classname: p.classname,
    name: p.name,
    outcome: p.outcome,
    sources: [],
    index: p.index,
  };
  // A message that says what failed, from whichever source has one (gotestsum writes "Failed").
  const message = first(all, informativeMessageOf) ?? first(all, messageOf);
  if (message !== undefined) out.message = message;
  const details = first(all, detailsOf);
  if (details !== undefined) out.details = details;
  const duration = first(all, durationOf);
  if (duration !== undefined) out.durationSec = duration;
  const runner = group.find((e) => e.runner !== undefined)?.runner;
  if (runner !== undefined) out.runner = runner;
  const prior = first(all, priorOf);
  if (prior !== undefined) out.priorAttempts = prior;
  const context = first(all, contextOf);
  if (context !== undefined) out.reportContext = context;

  // Every captured output counts (JUnit system-out and the console's captured log are
  // different texts); the same text seen twice is kept once.
  const outputs: string[] = [];
  for (const e of all) {
    const o = e.test.output;
    if (o === undefined || o.length === 0 || outputs.some((x) => x.includes(o))) continue;
    const covered = outputs.findIndex((x) => o.includes(x));
    if (covered >= 0) outputs.splice(covered, 1);
    outputs.push(o);
  }
  if (outputs.length > 0) out.output = outputs.join("\n");

  // Line maps hold only where the kept text is one console input's text, unchanged.
  const mapped = all.find(
    (e) => e.test.logLines !== undefined && (out.details === e.test.details || out.output === e.test.output),
  );
  const map = mapped?.test.logLines;
  if (mapped !== undefined && map !== undefined) {
    const lines: LogLines = { file: map.file };
    if (map.details !== undefined && out.details === mapped.test.details) lines.details = map.details;
    if (map.output !== undefined && out.output === mapped.test.output) lines.output = map.output;
    if (lines.details !== undefined || lines.output !== undefined) out.logLines = lines;
  }

  // File: a path that exists in the project wins; else a relative path as given (the node id's).
  const candidates: { path: string; line?: number; guess?: boolean }[] = [];
  for (const e of all) {
    if (e.mappedFile !== undefined) candidates.push({ path: e.mappedFile });
    if (e.test.file !== undefined) {
      candidates.push(e.test.line === undefined ? { path: e.test.file } : { path: e.test.file, line: e.test.line });
    }
    candidates.push(...(e.dialectPlaces ?? []));
    if (e.idHead !== undefined) candidates.push({ path: e.idHead });
    else if (e.id.includes("::")) candidates.push({ path: e.id.slice(0, e.id.indexOf("::")) });
  }
  const rels = candidates.map((c) => resolveInProject(c.path, project));
  let file = rels.find((rel) => rel !== undefined);
  for (let i = 0; file === undefined && i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.guess === true) continue;
    const clean = cleanPath(c.path);
    if (isRelative(clean) && /\.\w+$/.test(clean)) file = clean;
  }
  if (file !== undefined) {
    out.file = file;
    const sameFile = candidates.find((c, i) => c.line !== undefined && (rels[i] === file || cleanPath(c.path) === file));
    let line = sameFile?.line;
    for (let i = 0; line === undefined && i < group.length; i++) line = failingLine(group[i]!.test.details ?? "", file);
    if (line !== undefined) out.line = line;
  }

  // A unittest/nose id has no file in it: the rerun driver needs the pytest node id of the
  // same test (pytest collects unittest classes and nose-style functions alike).
  if (named.kind === "unittest-log" && !named.id.includes("::")) {
    const node = unittestNodeId(named.test, project);
    if (node !== null) {
      out.id = node.id;
      if (out.file === undefined) out.file = node.file;
    }
  }

  // The common case, one evidence with one source, has nothing to deduplicate. Built by map,
  // not push: an array grown from empty by push keeps room for 17 elements, and there is one
  // per failing test (4.8 MB of the 500 MB bench report's 31,000).
  const only = group.length === 1 ? group[0]!.test.sources : undefined;
  if (only !== undefined && only.length <= 1) {
    out.sources = only.map((s) => ({ ...s }) satisfies SourceRef);
    return out;
  }
  const seen = new Set<string>();
  const sources: SourceRef[] = [];
  for (const e of group) {
    for (const s of e.test.sources) {
      const key = `${s.file}\u0000${s.line ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sources.push({ ...s } satisfies SourceRef);
    }
  }
  out.sources = sources.slice();
  return out;
}

/**
 * The first of the group's values of one field (primary first). One getter per field, not
 * `test[key]`: a load by a key that changes from call to call is a slow generic lookup, and this
 * runs for every failing test.
 */
function first<T>(all: readonly Evidence[], get: (t: TestCase) => T | undefined): T | undefined {
  for (const e of all) {
    const v = get(e.test);
    if (v !== undefined) return v;
  }
  return undefined;
}

const messageOf = (t: TestCase): string | undefined => t.message;
const informativeMessageOf = (t: TestCase): string | undefined => (t.message !== undefined && !isUninformativeMessage(t.message) ? t.message : undefined);
const detailsOf = (t: TestCase): string | undefined => t.details;
const durationOf = (t: TestCase): number | undefined => t.durationSec;
const contextOf = (t: TestCase): string | undefined => t.reportContext;
const priorOf = (t: TestCase): TestCase["priorAttempts"] => (t.priorAttempts !== undefined && t.priorAttempts.length > 0 ? t.priorAttempts : undefined);

const TRACEBACK_FRAME = /^\s*File "([^"]+)", line \d+, in (\S+)/gm;

/**
 * The pytest node id of a unittest/nose test, when its module is a file in the project.
 *
 * The module is looked for at the project root and next to every file the traceback names,
 * in the directories as printed (before `..` is folded): MXNet's `test_operator_gpu` imports
 * its tests from `../unittest/test_operator.py`, so the failing test's own frame is in
 * `tests/python/gpu/../unittest/`, and the module that ran it, `test_operator_gpu.py`, sits in
 * `tests/python/gpu/`. Rerunning the defining file instead would run another module (a CPU
 * context instead of a GPU one), so when the module itself is not found there is no node id.
 */
export function unittestNodeId(test: TestCase, project: ProjectView): { id: string; file: string } | null {
  // Generator tests (`mod.test_gen(1, 2)`) and class fixtures have no node id of their own.
  if (!/^[A-Za-z_]\w*$/.test(test.name) || test.classname === "") return null;
  const parts = test.classname.split(".");
  if (!parts.every((p) => /^[A-Za-z_]\w*$/.test(p))) return null;
  const printed: string[] = [];
  if (test.file !== undefined) printed.push(test.file);
  for (const m of (test.details ?? "").matchAll(TRACEBACK_FRAME)) printed.push(m[1] ?? "");
  const dirs: string[] = [""];
  for (const p of printed) {
    const segs = p.replace(/\\/g, "/").split("/");
    // Every directory on the path, deepest first, as a prefix the suffix match may resolve.
    for (let j = segs.length - 1; j >= 1; j--) {
      const d = segs.slice(0, j).join("/");
      if (d.length > 0 && !dirs.includes(d)) dirs.push(d);
    }
  }
  for (let k = parts.length; k >= 1; k--) {
    const rel = `${parts.slice(0, k).join("/")}.py`;
    for (const d of dirs) {
      const file = d === "" ? (project.exists(rel) ? rel : undefined) : resolveInProject(`${d}/${rel}`, project);
      if (file === undefined) continue;
      return { id: [file, ...parts.slice(k), test.name].join("::"), file };
    }
  }
  return null;
}

/**
 * JS runners' ids start with the test file, which jest-junit takes from a stack frame: an
 * absolute path on the CI machine. The project-relative path keeps ids the same on every
 * machine (history, reruns in another checkout), as the runner's own `file > ...` ids are.
 */
function projectRelativeId(id: string, project: ProjectView): string {
  const cut = id.indexOf(" > ");
  if (cut <= 0 || !/^(?:\/|[A-Za-z]:[\\/])/.test(id)) return id;
  const rel = resolveInProject(id.slice(0, cut), project);
  return rel === undefined ? id : rel + id.slice(cut);
}

/**
 * pytest run from a subdirectory (`cd tests && pytest gpu`) prints node ids relative to where it
 * ran (`gpu/test_x.py::test_a`) and writes JUnit classnames relative to its rootdir
 * (`tests.gpu.test_x`, read as `tests/gpu/test_x.py::test_a`). A console id whose file is not in
 * the project takes the one JUnit id that ends with it at a directory boundary, so the two join:
 * the seed and captured output the console holds land on the test that is rerun, by its
 * rootdir id. Ids that are in the project, or that end none or several JUnit ids, stay.
 */
function rebaseConsoleIds(evidence: Evidence[], project: ProjectView): void {
  let bySuffix: Map<string, string[]> | undefined;
  for (const e of evidence) {
    if (e.kind !== "pytest-log" || headlineOnly(e)) continue;
    const file = nodeIdFile(e.id);
    if (project.exists(file)) continue;
    bySuffix ??= junitIdSuffixes(evidence);
    // Windows prints the path relative to the subdirectory with backslashes (gpu\test_x.py).
    const found = bySuffix.get(file.replace(/\\/g, "/") + e.id.slice(file.length));
    // A JUnit id equal to it is its own test (a project view that has no files says nothing).
    if (found?.length === 1 && found[0] !== e.id) e.id = found[0]!;
  }
}

/** The index of the next `/` in `file` from `from` on, or its length when there is none. */
function nextSlash(file: string, from: number): number {
  const i = file.indexOf("/", from);
  return i < 0 ? file.length : i;
}

/** Each JUnit pytest id under itself and every tail of its file's path (`gpu/x.py::t`, `x.py::t`). */
function junitIdSuffixes(evidence: Evidence[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const e of evidence) {
    if (e.kind !== "junit") continue;
    const file = nodeIdFile(e.id);
    if (!file.endsWith(".py")) continue;
    // Each `/` of the file, and one before its start: the whole id.
    for (let i = -1; i < file.length; i = nextSlash(file, i + 1)) {
      const key = e.id.slice(i + 1);
      const list = map.get(key);
      if (list === undefined) map.set(key, [e.id]);
      else if (!list.includes(e.id)) list.push(e.id);
    }
  }
  return map;
}

function firstOrder(group: Evidence[]): number {
  let order = Infinity;
  for (const e of group) if (e.order < order) order = e.order;
  return order;
}

/**
 * The runner dialect of an input's tests (`kept`: those the join keeps), or null (pytest's, or
 * none known). go's own output reads as its JUnit converters do: same ids, file:line places, go
 * driver.
 */
export function inputDialect(input: ParsedInput, kept: readonly TestCase[] = input.tests.filter(keep)): Dialect | null {
  if (input.kind === "junit") return detectDialect({ path: input.path, tests: kept, ...(input.head !== undefined ? { head: input.head } : {}) });
  if (input.kind === "gtest-log") return dialectNamed("googletest") ?? null;
  return input.kind === "go-test-json" || input.kind === "go-test-log" ? (dialectNamed("gotestsum") ?? null) : null;
}

/**
 * Merges the failing tests of all inputs (and passing ones with failed prior attempts) into one
 * list keyed by runner-native id (pytest node id where the run was pytest's), in run order.
 */
export function joinInputs(inputs: ParsedInput[], view: ProjectView): TestCase[] {
  const project = view instanceof MemoView ? view : new MemoView(view);
  const ids = new PytestIds(project);
  const evidence: Evidence[] = [];
  let order = 0;
  for (const input of inputs) {
    const kept = input.tests.filter(keep);
    const dialect = inputDialect(input, kept);
    const reportContext = input.kind === "junit" ? reportSeedContext(input.head) : undefined;
    for (const test of kept) {
      if (reportContext !== undefined && test.reportContext === undefined) test.reportContext = reportContext;
      // gotestsum names a package's failure outside any test (a TestMain that exits) with no
      // classname: its package is the suite's name, which the reader put in the id.
      if (dialect?.runner === "go" && test.classname === "" && test.id.endsWith(`::${test.name}`)) {
        test.classname = test.id.slice(0, test.id.length - test.name.length - 2);
      }
      const e: Evidence = { test, kind: input.kind, id: test.id, order: order++ };
      // A go log that never named the package leaves bare test names: nothing to map them with.
      if (input.kind === "junit" || (dialect !== null && test.classname !== "")) {
        // A runner of its own that names tests like dotted modules (CTest: `Suite.Test`) is not pytest.
        const mapped = input.kind === "junit" && dialect?.name !== "ctest" ? pytestJUnit(test, ids, project) : null;
        if (mapped !== null) {
          e.id = mapped.id;
          if (mapped.runner !== undefined) e.runner = mapped.runner;
          if (mapped.file !== undefined) e.mappedFile = mapped.file;
          if (mapped.head !== undefined) e.idHead = mapped.head;
        } else if (dialect !== null) {
          // The runner's own id and failure places (surefire, jest, vitest, go, ...).
          const view = viewOf(dialect, test);
          e.id = projectRelativeId(view.id, project);
          e.dialectPlaces = view.places;
          if (view.runner !== null) e.runner = view.runner;
          if (view.message !== undefined && (test.message === undefined || isUninformativeMessage(test.message))) test.message = view.message;
        }
      }
      if (e.runner === undefined || e.runner === "pytest") e.id = withoutXdistGroup(e.id);
      evidence.push(e);
    }
  }

  rebaseConsoleIds(evidence, project);

  const groups: Evidence[][] = [];
  const byAlias = new Map<string, Evidence[]>();
  const byHeadline = new Map<string, Evidence[][]>();
  const loose = evidence.filter(headlineOnly);
  // Headlines are only looked up for console sections known by a headline alone; without any,
  // a map of 50,000 headlines would be built for nothing.
  const needHeadlines = loose.length > 0;
  const place = (e: Evidence, group: Evidence[] | undefined, names: string[] = aliases(e)) => {
    const g = group ?? [];
    if (group === undefined) groups.push(g);
    g.push(e);
    for (const a of names) if (!byAlias.has(a)) byAlias.set(a, g);
    if (needHeadlines && e.id.includes("::")) {
      const h = headlineOf(e.id);
      const list = byHeadline.get(h) ?? [];
      if (!list.includes(g)) list.push(g);
      byHeadline.set(h, list);
    }
  };
  for (const e of evidence) {
    if (headlineOnly(e)) continue;
    // One alias list per evidence: each is a new string, hashed anew by every map it meets.
    const names = aliases(e);
    let group: Evidence[] | undefined;
    for (let i = 0; group === undefined && i < names.length; i++) group = byAlias.get(names[i]!);
    place(e, group, names);
  }
  // A console section known only by its headline joins the one test with that headline (and
  // the same file, when the console printed one); if several match, it stays on its own.
  for (const e of loose) {
    const matches = (byHeadline.get(e.id) ?? []).filter((g) => {
      const f = e.test.file;
      if (f === undefined) return true;
      return g.some((x) => x.id.includes("::") && cleanPath(f).endsWith(cleanPath(x.id.slice(0, x.id.indexOf("::")))));
    });
    place(e, matches.length === 1 ? matches[0] : undefined);
  }

  const joined = groups
    .map((g) => ({ test: mergeGroup(g, project), order: firstOrder(g) }))
    .sort((a, b) => a.test.index - b.test.index || a.order - b.order)
    .map((x) => x.test);
  addClashes(joined, project);
  return joined;
}

/**
 * Each pytest test file that failed to collect with "import file mismatch" gets the files it
 * clashed with (see withClashes), and also the test files of its name that failed the same way
 * before it in the run: after a partial fix (an __init__.py for the file the error names), it
 * still clashes with those.
 */
function addClashes(tests: TestCase[], project: ProjectView): void {
  const seen = new Map<string, string[]>();
  for (const t of tests) {
    if (withClashes(t, project) === null) continue;
    const base = posix.basename(t.id);
    const earlier = seen.get(base) ?? [];
    const all = [...(t.clashesWith ?? []), ...earlier.filter((e) => !(t.clashesWith ?? []).includes(e))];
    if (all.length > 0) t.clashesWith = all;
    seen.set(base, [...earlier, t.id]);
  }
}

/**
 * A pytest test file that failed to collect with "import file mismatch": another file of the same
 * name was imported first under the module name both get (`test_utils`, with no `__init__.py` to
 * tell them apart). Collected alone, it collects; `clashesWith` names the other file in the
 * project, which its rerun and reproduce command collect first, as the CI run did. Null for any
 * other test.
 */
function withClashes(test: TestCase, project: ProjectView): TestCase | null {
  if (!failedWithImportMismatch(test) || !test.id.endsWith(".py")) return null;
  // Both paths must be the project's: a test file named from elsewhere (pytest run in a
  // subdirectory, no --cwd) would be collected beside a path of another frame.
  if (!project.exists(test.id)) return null;
  const imported = IMPORTED_FILE.exec(test.details ?? "")?.[1];
  const rel = imported === undefined ? undefined : resolveInProject(imported.trim(), project);
  if (rel !== undefined && rel !== test.id) test.clashesWith = [rel];
  return test;
}

/** pytest's words for the file imported first: `has this __file__ attribute:` and its path on the next line. */
const IMPORTED_FILE = /import file mismatch:\s*\nimported module '[^'\n]{1,200}' has this __file__ attribute:\s*\n([^\n]{1,4096})/;
