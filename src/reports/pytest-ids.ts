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

function nodeId(file: string, classes: readonly string[], name: string): string {
  return [file, ...classes, name].join("::");
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
  const parts = classname === "" ? [] : classname.split(".");

  // xunit1 names the file; the classes are what follows the file's dotted module path.
  if (fileAttr !== undefined && fileAttr !== "") {
    const file = normalisePath(fileAttr);
    const module = file.replace(/\.py$/, "").split("/");
    const matches = module.length <= parts.length && module.every((m, i) => parts[i] === m);
    // A classname that does not start with the module (junit_prefix, rootdir elsewhere):
    // the classes are the capitalised tail, which is how pytest classes are named.
    const classes = matches ? parts.slice(module.length) : trailingClasses(parts);
    const id = nodeId(file, classes, name);
    return project.exists(file) ? { id, file } : { id };
  }

  // Longest dotted prefix that is a file: handles packages without __init__.py too, since
  // only the .py file itself is looked up.
  for (let k = parts.length; k >= 1; k--) {
    const rel = `${parts.slice(0, k).join("/")}.py`;
    if (project.exists(rel)) return { id: nodeId(rel, parts.slice(k), name), file: rel };
  }

  const dotted = dottedDirectoryFile(parts, project);
  if (dotted !== null) return { id: nodeId(dotted.file, parts.slice(dotted.used), name), file: dotted.file };

  // No file found (report from another checkout, or rootdir differs): guess that the module
  // ends before the first capitalised part and do not claim the file exists.
  const classes = trailingClasses(parts);
  const moduleParts = parts.slice(0, parts.length - classes.length);
  if (parts.length === 0) return { id: name };
  if (moduleParts.length === 0) return { id: nodeId(classname, [], name) };
  return { id: nodeId(`${moduleParts.join("/")}.py`, classes, name) };
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
  const isDir = project.isDir?.bind(project);
  if (isDir === undefined || parts.length < 2) return null;
  let best: { file: string; used: number } | null = null;
  let budget = MAX_DOTTED_SPLITS;
  // `dir` holds the directories entered so far; `segment` is the name being built from parts[start..i).
  const walk = (dir: string, segment: string, i: number): void => {
    if (budget-- <= 0) return;
    const here = dir === "" ? segment : `${dir}/${segment}`;
    if (project.exists(`${here}.py`) && (best === null || i > best.used)) best = { file: `${here}.py`, used: i };
    if (i >= parts.length) return;
    const next = parts[i]!;
    walk(dir, `${segment}.${next}`, i + 1);
    if (isDir(here)) walk(here, next, i + 1);
  };
  walk("", parts[0]!, 1);
  return best;
}
