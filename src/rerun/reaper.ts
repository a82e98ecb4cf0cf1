/**
 * A tiny Node process that sits between flaky-triage and every rerun process. Without it the
 * test's parent is flaky-triage itself: `os.kill(os.getppid(), SIGKILL)` from a test would kill
 * the triage, and `os.killpg(os.getpgid(os.getppid()), ...)` would kill the CI job's whole
 * process group. With it, the test's parent is the reaper, which leads the test's own process
 * group, so both reach only that group.
 *
 * It also ties the group's life to ours: when flaky-triage dies abruptly (SIGKILL, a second
 * Ctrl-C), the control channel closes and the reaper kills its group, so no rerun outlives us.
 *
 * Protocol on fd 3 (a socket to the parent), one JSON line: `{"exitCode":n,"signal":s}` when
 * the child ended, or `{"spawnError":"..."}` when it could not start. No line means the reaper
 * itself was killed; the parent then reports the reaper's own exit status.
 */

/** The environment variable that carries NODE_OPTIONS past the reaper to the child. */
export const REAPER_NODE_OPTIONS = "FLAKY_TRIAGE_CHILD_NODE_OPTIONS";

/**
 * Run with `node -e REAPER_SOURCE -- argv...`. Plain CommonJS with built-ins only: it must
 * start fast and must not read anything from the (untrusted) project directory.
 */
export const REAPER_SOURCE = `"use strict";
const { spawn } = require("node:child_process");
const net = require("node:net");
const ctl = new net.Socket({ fd: 3, readable: true, writable: true });
const killGroup = () => { try { process.kill(-process.pid, "SIGKILL"); } catch {} process.exit(137); };
// The parent went away (its end of the socket closed): nobody will reap this group.
ctl.on("end", killGroup);
ctl.on("error", killGroup);
// Group signals from the parent reach the child directly; the reaper waits to report.
for (const s of ["SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGPIPE"]) process.on(s, () => {});
const env = process.env;
if (env.${REAPER_NODE_OPTIONS} !== undefined) {
  env.NODE_OPTIONS = env.${REAPER_NODE_OPTIONS};
  delete env.${REAPER_NODE_OPTIONS};
}
let reported = false;
const report = (msg, code) => {
  if (reported) return;
  reported = true;
  ctl.end(JSON.stringify(msg) + "\\n", () => process.exit(code));
};
const argv = process.argv.slice(1);
let child;
try {
  child = spawn(argv[0], argv.slice(1), { stdio: ["ignore", "inherit", "inherit"], env });
} catch (e) {
  report({ spawnError: String(e && e.message || e) }, 127);
}
if (child) {
  child.once("error", (e) => report({ spawnError: e.message }, 127));
  child.once("exit", (code, signal) => report({ exitCode: code, signal }, code === null ? 128 : code));
}
`;
