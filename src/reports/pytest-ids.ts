/**
 * Maps pytest's JUnit names back to node ids. pytest writes a test `tests/unit/test_x.py::
 * TestC::TestInner::test_y[p.1]` as classname `tests.unit.test_x.TestC.TestInner` and name
 * `test_y[p.1]`: the path's slashes became dots and ".py" was dropped, so where the module ends
 * and the classes begin is only known by looking at the project's files.
 */

export interface ProjectFiles {
  exists(rel: string): boolean;
}

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
