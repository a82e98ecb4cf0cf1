/**
 * Maps pytest's JUnit names back to node ids. pytest writes a test `tests/unit/test_x.py::
 * TestC::TestInner::test_y[p.1]` as classname `tests.unit.test_x.TestC.TestInner` and name
 * `test_y[p.1]`: the path's slashes became dots and ".py" was dropped, so where the module ends
 * and the classes begin is only known by looking at the project's files.
 */

export interface ProjectFiles {
  exists(rel: string): boolean;
  /** Directories too: lets the mapping find `tests/v1.2/test_x.py` (dots in directory names). */
  isDir?(rel: string): boolean;
}

/**
 * Directory-and-file splits of a dotted name tried at most, per test: each dot is a slash or a
 * literal dot, so the splits double with every dot; the search is pruned at directories that
 * do not exist, and this bounds what is left on pathological trees.
 */
const MAX_DOTTED_SPLITS = 256;

function normalisePath(p: string): string {
  return p.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
}

/** What a node id holds before the test's name: `file::Class::` (or nothing), and the file if it exists. */
interface NodePrefix {
  prefix: string;
  file?: string;
  /** The prefix up to its first "::" (the id's file part), made once for all its tests. */
  head?: string;
}

function prefixOf(file: string, classes: readonly string[]): string {
  return [file, ...classes, ""].join("::");
}

/**
 * The pytest node id for a JUnit classname/name, and the test file when one exists in the
 * project. `name` is kept whole: its `[...]` parameter part may contain dots, slashes and
 * escapes exactly as pytest printed them, and is never split.
 */
export function toPytestNodeId(
  classname: string,
  name: string,
  fileAttr: string | undefined,
  project: ProjectFiles,
): { id: string; file?: string } {
  return withName(nodePrefix(classname, fileAttr, project), name);
}

function withName({ prefix, file }: NodePrefix, name: string): { id: string; file?: string } {
  // Joined, not `prefix + name`: a concatenation is a two-part string that the join's maps
  // flatten into a copy when they hash it; join() makes the flat string at once.
  const id = [prefix, name].join("");
  return file === undefined ? { id } : { id, file };
}

/**
 * `toPytestNodeId` for many tests of one project: the name only ends the id, so the rest is
 * worked out once per classname and file attribute (a report of 50,000 failures has a few
 * hundred of those; each took splits, joins and file lookups).
 */
export class PytestIds {
  private readonly prefixes = new Map<string, NodePrefix>();

  constructor(private readonly project: ProjectFiles) {}

  /**
   * As toPytestNodeId, plus `head`: what precedes the id's first "::" (one string shared by the
   * tests of a classname, where the caller would otherwise cut a new one from each id).
   */
  of(classname: string, name: string, fileAttr: string | undefined): { id: string; file?: string; head?: string } {
    // NUL cannot occur in XML text, nor in a path: the key is unambiguous.
    const key = fileAttr === undefined ? classname : `${classname}\u0000${fileAttr}`;
    let p = this.prefixes.get(key);
    if (p === undefined) {
      p = nodePrefix(classname, fileAttr, this.project);
      const cut = p.prefix.indexOf("::");
      if (cut >= 0) p.head = p.prefix.slice(0, cut);
      this.prefixes.set(key, p);
    }
    const mapped: { id: string; file?: string; head?: string } = withName(p, name);
    if (p.head !== undefined) mapped.head = p.head;
    return mapped;
  }
}

function nodePrefix(classname: string, fileAttr: string | undefined, project: ProjectFiles): NodePrefix {
  const parts = classname === "" ? [] : classname.split(".");

  // xunit1 names the file; the classes are what follows the file's dotted module path.
  if (fileAttr !== undefined && fileAttr !== "") {
    const file = normalisePath(fileAttr);
    const module = file.replace(/\.py$/, "").split("/");
    const matches = module.length <= parts.length && module.every((m, i) => parts[i] === m);
    // A classname that does not start with the module (junit_prefix, rootdir elsewhere):
    // the classes are the capitalised tail, which is how pytest classes are named.
    const classes = matches ? parts.slice(module.length) : trailingClasses(parts);
    const prefix = prefixOf(file, classes);
    return project.exists(file) ? { prefix, file } : { prefix };
  }

  // Longest dotted prefix that is a file: handles packages without __init__.py too, since
  // only the .py file itself is looked up.
  for (let k = parts.length; k >= 1; k--) {
    const rel = `${parts.slice(0, k).join("/")}.py`;
    if (project.exists(rel)) return { prefix: prefixOf(rel, parts.slice(k)), file: rel };
  }

  const dotted = dottedDirectoryFile(parts, project);
  if (dotted !== null) return { prefix: prefixOf(dotted.file, parts.slice(dotted.used)), file: dotted.file };

  // No file found (report from another checkout, or rootdir differs): guess that the module
  // ends before the first capitalised part and do not claim the file exists.
  const classes = trailingClasses(parts);
  const moduleParts = parts.slice(0, parts.length - classes.length);
  if (parts.length === 0) return { prefix: "" };
  if (moduleParts.length === 0) return { prefix: prefixOf(classname, []) };
  return { prefix: prefixOf(`${moduleParts.join("/")}.py`, classes) };
}

/** The trailing run of parts that look like class names (start with a capital letter). */
function trailingClasses(parts: readonly string[]): string[] {
  let i = parts.length;
  while (i > 0 && /^[A-Z]/.test(parts[i - 1] ?? "")) i--;
  // Everything capitalised means no module part at all; treat only the last as a class.
  if (i === 0 && parts.length > 0) i = parts.length - 1;
  return parts.slice(i);
}

/**
 * pytest turned both the slashes and any dots of `tests/v1.2/test_x.py` into dots, so a dot may
 * be either. Walks the directories that exist, joining parts with a literal dot or descending,
 * and returns the file using the most parts (the most specific module, as the plain search does).
 */
function dottedDirectoryFile(parts: readonly string[], project: ProjectFiles): { file: string; used: number } | null {
  if (parts.length < 2) return null;
  let best: { file: string; used: number } | null = null;
  walkDotted(parts, project, (here, used) => {
    if (project.exists(`${here}.py`) && (best === null || used > best.used)) best = { file: `${here}.py`, used };
  });
  return best;
}

/**
 * The project file `name` in the directory written as `parts` joined by dots, each dot a `/` or
 * a dot of a directory's own name (`docs.v2`, and `.docs`: an empty part): pytest's JUnit
 * classname of a text file's doctest (`docs.v2.usage.md` with name `usage.md`).
 */
export function fileInDottedDirectory(parts: readonly string[], name: string, project: ProjectFiles): string | undefined {
  if (parts.length === 0) return project.exists(name) ? name : undefined;
  let found: string | undefined;
  walkDotted(parts, project, (here, used) => {
    if (found === undefined && used === parts.length && project.exists(`${here}/${name}`)) found = `${here}/${name}`;
  });
  return found;
}

/**
 * Calls `visit` with each path that `parts` joined by dots may be (each dot a `/` or a literal
 * dot), as far as the directories it passes through exist, with the number of parts used.
 * At most MAX_DOTTED_SPLITS paths; nothing without `isDir`.
 */
function walkDotted(parts: readonly string[], project: ProjectFiles, visit: (here: string, used: number) => void): void {
  const isDir = project.isDir?.bind(project);
  if (isDir === undefined || parts.length === 0) return;
  let budget = MAX_DOTTED_SPLITS;
  // `dir` holds the directories entered so far; `segment` is the name being built from parts[start..i).
  const walk = (dir: string, segment: string, i: number): void => {
    if (budget-- <= 0) return;
    const here = dir === "" ? segment : `${dir}/${segment}`;
    visit(here, i);
    if (i >= parts.length) return;
    const next = parts[i]!;
    walk(dir, `${segment}.${next}`, i + 1);
    if (isDir(here)) walk(here, next, i + 1);
  };
  walk("", parts[0]!, 1);
}

/** The file part of a node id (everything before the first `::`). */
export function nodeIdFile(id: string): string {
  const i = id.indexOf("::");
  return i === -1 ? id : id.slice(0, i);
}

/**
 * Whether a pytest node id names a doctest (see doctestKind).
 */
export function isDoctestId(id: string): boolean {
  return doctestKind(id) !== null;
}

/** Files whose doctests `--doctest-glob` is given for: text and documentation formats. */
const DOCTEST_TEXT_FILE = /.\.(?:txt|text|rst|rest|md|markdown|doctest)$/i;

/**
 * What kind of doctest a pytest node id names, if any:
 *  - "module": one `--doctest-modules` collects from a docstring. Its item is the dotted name of
 *    what holds the docstring (`pkg/mod.py::pkg.mod.fine`), and no test function or class name
 *    holds a dot (a parameter id may: `test_x[1.5]`, cut off first); or it is the docstring of a
 *    module outside any package, named as the module is (`tool.py::tool`, `mypkg/__init__.py::mypkg`),
 *    which no test function is under pytest's default `test` prefix (a project that collects
 *    other names, `python_functions = check_*`, and names a function as its module, `check_io.py::check_io`,
 *    is misread: its rerun, with --doctest-modules, still runs it, but its console section does
 *    not join its JUnit entry).
 *  - "text": a text file `--doctest-glob` collects (by default `test*.txt`), named by the file's
 *    name (`docs/usage.rst::usage.rst`). Only files named as documents are: a test of another
 *    runner named after its file (`a.test.ts::a.test.ts`) must not go to pytest.
 */
export function doctestKind(id: string): "module" | "text" | null {
  const i = id.indexOf("::");
  if (i < 0) return null;
  const file = id.slice(0, i);
  const item = id.slice(i + 2);
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  if (!file.endsWith(".py")) return item === base && DOCTEST_TEXT_FILE.test(base) ? "text" : null;
  if (item.includes("::")) return null;
  const bracket = item.indexOf("[");
  if ((bracket < 0 ? item : item.slice(0, bracket)).includes(".")) return "module";
  if (bracket >= 0) return null;
  // A package's own docstring is in its __init__.py and named as the package (`mypkg`, and
  // `testkit`: an __init__.py holds no test functions by pytest's default python_files).
  if (base === "__init__.py") return item === file.slice(0, -"/__init__.py".length).replace(/^.*[/\\]/, "") ? "module" : null;
  return item === base.slice(0, -3) && !item.startsWith("test") ? "module" : null;
}

/**
 * Whether a test is a collection that failed because another test file of its name was imported
 * first, under the module name both get (pytest's "import file mismatch"): its id is the file
 * (no `::`), and its text says so. A test that only printed those words is not.
 */
export function failedWithImportMismatch(test: { id: string; details?: string }): boolean {
  return !test.id.includes("::") && test.details?.includes(IMPORT_FILE_MISMATCH) === true;
}

export const IMPORT_FILE_MISMATCH = "import file mismatch";

/**
 * pytest-xdist's `--dist loadgroup` writes a test's group after its id in reports and logs
 * (`tests/x.py::test_y@precision`, `...::test_y[p]@precision`), which pytest does not take back:
 * rerun by it, the test is "not found", and its failure section (headed by the bare name) was
 * not matched to it. A function name cannot hold `@`, and a parameter id ends with its bracket.
 */
export function withoutXdistGroup(nodeId: string): string {
  if (!nodeId.includes("@") || !/\.py::/.test(nodeId)) return nodeId;
  const grouped = /@[\w.-]+$/.exec(nodeId);
  return grouped === null ? nodeId : nodeId.slice(0, grouped.index);
}
