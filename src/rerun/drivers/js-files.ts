/**
 * The test file a jest or vitest rerun names on its command line. It comes from the report (a
 * file attribute, a classname, the id), so it is untrusted: a leading `-` would be read as an
 * option (`--config=evil.js`), and a path outside the project would run a file the project
 * does not hold.
 */
import path from "node:path";

/** `file` as an argument the runner reads as a path: `./` before a leading `-`. */
export function fileArgument(file: string): string {
  return file.startsWith("-") ? `./${file}` : file;
}

/** Why the runner must not be given `file`, or null: absolute, or climbing out of the project. */
export function fileOutsideProject(file: string): string | null {
  const norm = path.posix.normalize(file.replace(/\\/g, "/"));
  if (path.posix.isAbsolute(norm) || /^[A-Za-z]:\//.test(norm) || norm === ".." || norm.startsWith("../")) {
    return `its test file ${JSON.stringify(file.slice(0, 200))} is outside the project`;
  }
  return null;
}
