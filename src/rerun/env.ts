/**
 * The environment reruns get: the user's, minus anything that looks like a credential (unless
 * the user passes it by name, PASS_ENV) and the runner's file commands. A failing test is code
 * from a pull request; rerunning it must not hand it the CI job's tokens (GITHUB_TOKEN can
 * push, ACTIONS_RUNTIME_TOKEN can write caches and artifacts).
 */
import path from "node:path";

/** GitHub Actions' runtime variables: tokens and the URLs they are meant for. */
const ACTIONS_RUNTIME = /^ACTIONS_(RUNTIME_|ID_TOKEN_REQUEST_|[A-Z0-9_]*_TOKEN$)/i;
/** Any name that says it holds a secret; case-insensitive because `npm_config__authToken` exists. */
const SECRET_WORDS = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|API_?KEY|PRIVATE_?KEY/i;

export function isCredentialName(name: string): boolean {
  return name === "GITHUB_TOKEN" || ACTIONS_RUNTIME.test(name) || SECRET_WORDS.test(name);
}

/**
 * The runner's file commands: files whose lines the runner turns into the job summary, step
 * outputs, and the environment and PATH of later steps. A rerun test that could append to them
 * would write unescaped Markdown into the summary, forge our outputs or set BASH_ENV for the
 * next step, past every stop-commands block; it gets none of them.
 */
const RUNNER_FILE_COMMANDS = new Set(["GITHUB_STEP_SUMMARY", "GITHUB_OUTPUT", "GITHUB_ENV", "GITHUB_PATH", "GITHUB_STATE"]);

/** Whether a rerun must not see this variable: a credential or a runner file command. */
export function isWithheld(name: string): boolean {
  return isCredentialName(name) || RUNNER_FILE_COMMANDS.has(name.toUpperCase());
}

/**
 * The variable naming what reruns may see although it looks like a credential: names separated
 * by commas or blanks (`FLAKY_TRIAGE_PASS_ENV=DB_PASSWORD`). A test that reads a database
 * password fails every rerun without it. An environment variable, not a flag, so the CLI, the
 * Action (`env:` of its step) and the Jenkins step (`withEnv`) all take it the same way. The
 * runner's file commands are never passed.
 */
export const PASS_ENV = "FLAKY_TRIAGE_PASS_ENV";

/** The names (never the values) of the credential-like variables reruns withhold, given to reruns. */
export const WITHHELD_ENV = "FLAKY_TRIAGE_WITHHELD";

function passedNames(user: Readonly<Record<string, string | undefined>>): Set<string> {
  return new Set((user[PASS_ENV] ?? "").split(/[\s,]+/).filter((n) => n !== "" && !RUNNER_FILE_COMMANDS.has(n.toUpperCase())));
}

/** The names of `user` that reruns do not get. */
export function withheldNames(user: Readonly<Record<string, string | undefined>>): string[] {
  const passed = passedNames(user);
  return Object.keys(user).filter((name) => user[name] !== undefined && isWithheld(name) && !passed.has(name));
}

/**
 * `user` is the environment the adapter was started with (passed in, never read from
 * `process.env` here); `pluginDir` holds our pytest plugin module.
 */
export function rerunEnv(
  user: Readonly<Record<string, string | undefined>>,
  pluginDir: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  const withheld = new Set(withheldNames(user));
  for (const [name, value] of Object.entries(user)) {
    if (value === undefined || withheld.has(name)) continue;
    env[name] = value;
  }
  // Names only, for our pytest plugin: it notes a test that reads one of them and finds it missing.
  const credentials = [...withheld].filter(isCredentialName);
  if (credentials.length > 0) env[WITHHELD_ENV] = credentials.join(",");
  // Reruns must not leave __pycache__ directories in the user's checkout.
  env.PYTHONDONTWRITEBYTECODE = "1";
  const existing = env.PYTHONPATH;
  env.PYTHONPATH = existing ? `${pluginDir}${path.delimiter}${existing}` : pluginDir;
  return env;
}
