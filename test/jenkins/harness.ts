// Runs jenkins/vars/flakyTriage.groovy inside the Groovy Pipeline stand-in
// (test/jenkins/harness/) and returns what happened. Groovy 2.4 is Debian's `groovy` package,
// the line Jenkins embeds; scripts/install-groovy.sh installs it.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { onPath } from "../on-path.js";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const harnessDir = join(root, "test", "jenkins", "harness");

/** A JVM start plus a real CLI run with reruns; generous for 2-core CI machines. */
const HARNESS_TIMEOUT_MS = 300_000;

export const groovy = onPath("groovy");

/** The groovy launcher needs JAVA_HOME; the JDK is wherever the `java` on PATH really lives. */
function javaHome(): string | undefined {
  if (process.env.JAVA_HOME) return process.env.JAVA_HOME;
  const java = onPath("java");
  return java ? dirname(dirname(realpathSync(java))) : undefined;
}

export interface Call {
  step: string;
  args: any;
  exitCode?: number;
  archived?: string[];
}

export interface StepRun {
  returned: Record<string, any> | null;
  returnedProblem: string | null;
  returnedSerializable: boolean;
  error: string | null;
  crash: string | null;
  result: "SUCCESS" | "UNSTABLE" | "FAILURE";
  description: string | null;
  calls: Call[];
  log: string[];
}

export interface Scenario {
  workspace: string;
  params: Record<string, unknown>;
  /** Optional plugins' steps that are "installed": findFiles, publishChecks, nodejs. */
  plugins?: string[];
  nodejsTools?: Record<string, string>;
  env?: Record<string, string>;
  /** Folder holding flaky-triage/cli.js; default jenkins/resources (the real bundle). */
  resources?: string;
  description?: string;
  /** Run the step inside dir(inDir) { ... }. */
  inDir?: string;
  /** Which vars/<step>.groovy to run; default flakyTriage. */
  step?: string;
}

export async function runStep(scenario: Scenario): Promise<StepRun> {
  const scratch = mkdtempSync(join(tmpdir(), "ft-jenkins-run-"));
  const output = join(scratch, "out.json");
  const file = join(scratch, "scenario.json");
  writeFileSync(file, JSON.stringify({ library: join(root, "jenkins"), output, ...scenario }));
  const env: NodeJS.ProcessEnv = { ...process.env };
  const jh = javaHome();
  if (jh) env.JAVA_HOME = jh;
  // Each run is a short-lived JVM: the C1 compiler alone halves its CPU time.
  env.JAVA_OPTS ??= "-XX:TieredStopAtLevel=1";
  const r = await new Promise<{ code: string; stdout: string; stderr: string }>((resolve) => {
    execFile(groovy ?? "groovy", ["-cp", harnessDir, join(harnessDir, "run.groovy"), file],
      { env, encoding: "utf8", timeout: HARNESS_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? String(err.code ?? err.signal) : "0", stdout, stderr }));
  });
  if (!existsSync(output)) {
    throw new Error(`the harness wrote no result (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return JSON.parse(readFileSync(output, "utf8")) as StepRun;
}

export function calls(run: StepRun, step: string): Call[] {
  return run.calls.filter((c) => c.step === step);
}

/** Integers for the step: JSON has no int type, so the harness unwraps {"$int": n}. */
export const int = (n: number) => ({ $int: n });
