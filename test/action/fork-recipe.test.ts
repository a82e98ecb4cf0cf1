/**
 * The fork-safe workflow_run recipe (examples/workflows/): publish-logic.mjs run with a real
 * Octokit (@actions/github's getOctokit, what actions/github-script passes as `github`) against
 * the local fake GitHub API, and both workflow files parsed with the `yaml` package and checked
 * against action.yml's inputs and outputs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getOctokit } from "@actions/github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
// @ts-expect-error: a plain ES module for users to copy, without type declarations.
import * as logic from "../../examples/workflows/publish-logic.mjs";
import { startFakeGitHub, type FakeGitHub, type FakePull } from "./fake-github.js";

const root = new URL("../../", import.meta.url);
const OWNER = "acme";
const REPO = "widgets";
const FULL = `${OWNER}/${REPO}`;
const HEAD = "a".repeat(40);
const OTHER = "b".repeat(40);
const FORK = "mallory/widgets";

let gh: FakeGitHub;
let github: ReturnType<typeof getOctokit>;

beforeAll(async () => {
  gh = await startFakeGitHub();
  github = getOctokit("ghs_forkRecipeToken", { baseUrl: gh.url, request: { retries: 0 } });
});
afterAll(async () => gh?.close());
beforeEach(() => {
  gh.requests.length = 0;
  gh.status = 0;
  gh.statusFor = null;
  gh.pulls.length = 0;
  gh.commitPulls.clear();
  gh.comments.clear();
});

function pull(number: number, sha: string, headRepo: string | null, state: "open" | "closed" = "open"): FakePull {
  return { number, state, head: { sha, ref: "feature", repo: headRepo === null ? null : { full_name: headRepo } }, base: { ref: "main", repo: { full_name: FULL } } };
}

/** The `context` actions/github-script passes on a workflow_run event. */
function context(pullRequests: unknown[] = [], headSha = HEAD) {
  return {
    repo: { owner: OWNER, repo: REPO },
    payload: {
      repository: { id: 77, full_name: FULL },
      workflow_run: { id: 555, name: "Tests", head_sha: headSha, head_repository: { full_name: FORK }, html_url: `https://github.com/${FULL}/actions/runs/555`, pull_requests: pullRequests },
    },
  };
}

function test(id: string, verdict: string, extra: Record<string, unknown> = {}) {
  return { id, file: "tests/test_ops.py", line: 12, verdict, cause: "tolerance", causeReason: "float error", seed: { value: "1234" }, suggestion: "use approx", reproduce: `pytest ${id}`, ...extra };
}

const REPORT = {
  schemaVersion: 1,
  tests: [test("tests/test_ops.py::test_dot", "intermittent"), test("tests/test_ops.py::test_sum", "deterministic", { line: 30 })],
};

describe("findPullRequest", () => {
  it("takes the PR from workflow_run.pull_requests when the event has it, without any API call", async () => {
    const ctx = context([{ number: 3, head: { sha: HEAD, ref: "f", repo: { id: 77 } }, base: { ref: "main", repo: { id: 77, url: `https://api.github.com/repos/${FULL}` } } }]);
    const found = await logic.findPullRequest({ github, context: ctx, headSha: HEAD, headRepo: FULL, artifactPr: { number: 99, headSha: HEAD } });
    expect(found.pr).toEqual({ number: 3, url: `https://github.com/${FULL}/pull/3` });
    expect(found.source).toBe("workflow_run.pull_requests");
    expect(gh.requests).toEqual([]);
  });

  it("ignores event entries of another repository (GitHub lists PRs of other repos with the same base branch)", async () => {
    gh.pulls.push(pull(8, HEAD, FORK));
    gh.commitPulls.set(HEAD, [8]);
    const ctx = context([{ number: 3, head: { sha: HEAD }, base: { repo: { id: 12345, url: "https://api.github.com/repos/someone/else" } } }]);
    const found = await logic.findPullRequest({ github, context: ctx, headSha: HEAD, headRepo: FORK });
    expect(found.pr?.number).toBe(8);
  });

  it("finds a fork's PR (empty pull_requests) by the head SHA among open PRs when the commits endpoint misses it", async () => {
    // 150 open PRs: two pages of 100; the fork's is on the second page.
    for (let n = 1; n <= 150; n++) gh.pulls.push(pull(n, n === 142 ? HEAD : OTHER, n === 142 ? FORK : FULL));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: null });
    expect(found.pr?.number).toBe(142);
    expect(found.source).toBe("the open pull requests' head SHAs");
    const urls = gh.requests.map((r) => `${r.method} ${r.url}`);
    expect(urls[0]).toBe(`GET /repos/${FULL}/commits/${HEAD}/pulls?per_page=100`);
    expect(urls.filter((u) => u.startsWith(`GET /repos/${FULL}/pulls?`))).toHaveLength(2);
    expect(gh.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("finds a fork's PR through the commits endpoint when GitHub returns it there", async () => {
    gh.pulls.push(pull(5, HEAD, FORK));
    gh.commitPulls.set(HEAD, [5]);
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK });
    expect(found.pr?.number).toBe(5);
    expect(found.source).toBe("commits/{sha}/pulls");
    expect(gh.requests).toHaveLength(1);
  });

  it("accepts the artifact's PR number once that PR's head is the run's head SHA", async () => {
    gh.pulls.push(pull(21, HEAD, FORK));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: { number: 21, headSha: HEAD } });
    expect(found.pr?.number).toBe(21);
    expect(found.source).toMatch(/artifact's PR number, verified/);
    expect(gh.requests.map((r) => r.url)).toEqual([`/repos/${FULL}/pulls/21`]);
  });

  it("does not trust the artifact's PR number: another PR's number is rejected and the real PR found by SHA", async () => {
    // The hostile run claims PR #1 (someone else's PR, head OTHER) to post its results there.
    gh.pulls.push(pull(1, OTHER, FULL), pull(40, HEAD, FORK));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: { number: 1, headSha: HEAD } });
    expect(found.pr?.number).toBe(40);
    expect(found.notes.join("\n")).toMatch(/artifact names PR #1, but its head is b{40}.*ignored/);
  });

  it("rejects an artifact whose head SHA differs from the event's, without asking the API about that PR", async () => {
    gh.pulls.push(pull(1, OTHER, FULL));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: { number: 1, headSha: OTHER } });
    expect(found.pr).toBeNull();
    expect(found.notes.join("\n")).toMatch(/artifact names PR #1 with head b{40}, not the run's head a{40}; ignored/);
    expect(gh.requests.some((r) => r.url === `/repos/${FULL}/pulls/1`)).toBe(false);
  });

  it("rejects a PR with the right head SHA from another head repository", async () => {
    gh.pulls.push(pull(9, HEAD, "eve/widgets"));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: 9 });
    expect(found.pr).toBeNull();
    expect(found.notes.join("\n")).toMatch(/PR #9.*eve\/widgets.*ignored/);
  });

  it("no PR found (closed, or the head moved on): a clear message, no throw", async () => {
    gh.pulls.push(pull(7, HEAD, FORK, "closed"), pull(8, OTHER, FORK));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: null });
    expect(found.pr).toBeNull();
    expect(found.message).toMatch(/^No pull request found for head a{40} of mallory\/widgets .*the check run is still published on the commit\.$/);
  });

  it("a 403 on every pull-request endpoint: notes naming the permission, no PR, no throw", async () => {
    gh.statusFor = (_method, path) => (path.includes("/pulls") ? 403 : undefined);
    gh.pulls.push(pull(40, HEAD, FORK));
    const found = await logic.findPullRequest({ github, context: context(), headSha: HEAD, headRepo: FORK, artifactPr: { number: 40, headSha: HEAD } });
    expect(found.pr).toBeNull();
    expect(found.notes).toHaveLength(3);
    for (const n of found.notes) expect(n).toMatch(/HTTP 403: the token may lack `pull-requests: read`/);
  });

  it("refuses a head SHA that is not a SHA", async () => {
    const found = await logic.findPullRequest({ github, context: context(), headSha: "main; rm -rf /", headRepo: FORK });
    expect(found.pr).toBeNull();
    expect(found.message).toMatch(/is not a commit SHA/);
    expect(gh.requests).toEqual([]);
  });
});

describe("publishCheck and publishComment", () => {
  it("creates a completed check run on the head SHA with the annotations, prefixed with working-directory", async () => {
    const r = await logic.publishCheck({ github, context: context(), headSha: HEAD, report: REPORT, name: "flaky-triage (Tests / fork-safe)", workingDirectory: "py", runUrl: "https://github.com/acme/widgets/actions/runs/555" });
    expect(r).toMatchObject({ ok: true, id: 4242, annotations: 2, requests: 1, conclusion: "failure" });
    const [create] = gh.requests;
    expect(create).toMatchObject({ method: "POST", url: `/repos/${FULL}/check-runs`, authorization: "token ghs_forkRecipeToken" });
    expect(create!.body).toMatchObject({ name: "flaky-triage (Tests / fork-safe)", head_sha: HEAD, status: "completed", conclusion: "failure", details_url: "https://github.com/acme/widgets/actions/runs/555" });
    // Deterministic first.
    expect(create!.body.output.annotations.map((a: any) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ["py/tests/test_ops.py", 30, "failure"],
      ["py/tests/test_ops.py", 12, "warning"],
    ]);
  });

  it("batches 120 annotations as 50 per request and drops paths outside the repository", async () => {
    const tests = Array.from({ length: 120 }, (_, i) => test(`t${i}`, "intermittent"));
    tests.push(test("evil1", "deterministic", { file: "../../etc/passwd" }), test("evil2", "deterministic", { file: "/etc/passwd" }));
    const r = await logic.publishCheck({ github, context: context(), headSha: HEAD, report: { tests } });
    expect(r).toMatchObject({ ok: true, annotations: 120, withoutFile: 2, requests: 3 });
    expect(gh.requests.map((q) => [q.method, q.body.output.annotations.length, q.body.status ?? null])).toEqual([
      ["POST", 50, "in_progress"],
      ["PATCH", 50, null],
      ["PATCH", 20, "completed"],
    ]);
  });

  it("a 403 (no checks: write) is a warning, never a throw", async () => {
    gh.status = 403;
    const r = await logic.publishCheck({ github, context: context(), headSha: HEAD, report: REPORT });
    expect(r.ok).toBe(false);
    expect(r.warning).toMatch(/HTTP 403: the token may lack `checks: write`/);
  });

  it("escapes the untrusted report in the summary: no HTML, mentions or links survive", async () => {
    const hostile = { tests: [test("<img src=x onerror=alert(1)> @octocat #1 [x](https://evil)", "deterministic", { suggestion: "`rm -rf`|pwn" })] };
    await logic.publishCheck({ github, context: context(), headSha: HEAD, report: hostile });
    const summary: string = gh.requests[0]!.body.output.summary;
    expect(summary).not.toMatch(/<img|@octocat|#1\b|\]\(https/);
    expect(summary).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
  });

  it("comments once on the PR and updates its own comment on the next run", async () => {
    const first = await logic.publishComment({ github, context: context(), pr: 40, report: REPORT, runUrl: "https://github.com/acme/widgets/actions/runs/555" });
    expect(first).toMatchObject({ ok: true, updated: false });
    const second = await logic.publishComment({ github, context: context(), pr: 40, report: REPORT });
    expect(second).toMatchObject({ ok: true, updated: true, id: first.id });
    const comments = gh.comments.get(40)!;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(logic.COMMENT_MARKER)).toBe(true);
    expect(comments[0]!.body).toMatch(/1 deterministic, 1 intermittent/);
  });

  it("a 403 on comments is a warning", async () => {
    gh.statusFor = (_m, path) => (path.includes("/comments") ? 403 : undefined);
    const r = await logic.publishComment({ github, context: context(), pr: 40, report: REPORT });
    expect(r).toMatchObject({ ok: false });
    expect(r.warning).toMatch(/HTTP 403: the token may lack `pull-requests: write`/);
  });
});

describe("readArtifact", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ft-artifact-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads report.json and pr.json; a missing or malformed report means nothing to publish", async () => {
    const ok = join(dir, "ok");
    mkdirSync(ok);
    writeFileSync(join(ok, "report.json"), JSON.stringify(REPORT));
    writeFileSync(join(ok, "pr.json"), JSON.stringify({ number: 40, head_sha: HEAD }));
    expect(await logic.readArtifact(ok)).toMatchObject({ report: REPORT, artifactPr: { number: 40, headSha: HEAD } });
    const bad = join(dir, "bad");
    mkdirSync(bad);
    writeFileSync(join(bad, "report.json"), "{ not json");
    const r = await logic.readArtifact(bad);
    expect(r.report).toBeNull();
    expect(r.message).toMatch(/No usable flaky-triage report/);
    expect((await logic.readArtifact(join(dir, "absent"))).report).toBeNull();
  });
});

describe("the workflow files", () => {
  const read = (p: string) => parseYaml(readFileSync(new URL(p, root), "utf8"), { strict: true, prettyErrors: true }) as any;
  const action = read("action.yml");
  const testYml = read("examples/workflows/test.yml");
  const publishYml = read("examples/workflows/publish.yml");
  const steps = (wf: any) => Object.values(wf.jobs).flatMap((j: any) => j.steps as any[]);

  it("test.yml: pull_request, read-only, flaky-triage with known inputs and check-run false, uploads report, summary and PR", () => {
    expect(testYml.on).toHaveProperty("pull_request");
    expect(testYml.on).not.toHaveProperty("pull_request_target");
    expect(testYml.permissions).toEqual({ contents: "read" });
    const triage = steps(testYml).find((s) => /flaky-triage@/.test(s.uses ?? ""));
    expect(triage.id).toBe("triage");
    for (const input of Object.keys(triage.with)) expect(Object.keys(action.inputs)).toContain(input);
    // YAML reads `false` as a boolean; the runner passes it as the string "false".
    expect(String(triage.with["check-run"])).toBe("false");
    // Every steps.triage.outputs.X used exists in action.yml.
    const text = readFileSync(new URL("examples/workflows/test.yml", root), "utf8");
    const used = [...text.matchAll(/steps\.triage\.outputs\.([\w-]+)/g)].map((m) => m[1]);
    expect(new Set(used)).toEqual(new Set(["report", "summary-markdown"]));
    for (const o of used) expect(Object.keys(action.outputs)).toContain(o);
    const upload = steps(testYml).find((s) => /actions\/upload-artifact@/.test(s.uses ?? ""));
    expect(upload.with.name).toBe("flaky-triage");
    const describeStep = steps(testYml).find((s) => typeof s.run === "string" && s.run.includes("pr.json"));
    expect(describeStep.run).toMatch(/report\.json/);
    expect(describeStep.run).toMatch(/summary\.md/);
    // No expression inside run: scripts (values go through env).
    expect(describeStep.run).not.toMatch(/\$\{\{/);
  });

  it("publish.yml: workflow_run of test.yml's workflow, least permissions, never the PR's code", () => {
    expect(publishYml.on).toEqual({ workflow_run: { workflows: [testYml.name], types: ["completed"] } });
    expect(publishYml.permissions).toEqual({ checks: "write", "pull-requests": "write", actions: "read" });
    const all = steps(publishYml);
    // Checkout of the base repository only: no ref/repository pointing at the PR.
    const checkout = all.find((s) => /actions\/checkout@/.test(s.uses ?? ""));
    expect(checkout.with ?? {}).not.toHaveProperty("ref");
    expect(checkout.with ?? {}).not.toHaveProperty("repository");
    expect(checkout.with["persist-credentials"]).toBe(false);
    const raw = readFileSync(new URL("examples/workflows/publish.yml", root), "utf8");
    expect(raw).not.toMatch(/head_sha\s*}}|head_branch|pull_request_target|npm (ci|install)|pip install/);
    const download = all.find((s) => /actions\/download-artifact@/.test(s.uses ?? ""));
    expect(download.with).toMatchObject({ name: "flaky-triage", "run-id": "${{ github.event.workflow_run.id }}" });
    expect(download.with.path).toMatch(/^\$\{\{ runner\.temp }}/);
    const script = all.find((s) => /actions\/github-script@/.test(s.uses ?? "")).with.script as string;
    expect(script).toContain("await import('${{ github.workspace }}/.github/flaky-triage/publish-logic.mjs')");
    // The script's expressions are only the workspace path; event data is read from context.
    expect([...script.matchAll(/\$\{\{([^}]*)}}/g)].map((m) => m[1]!.trim())).toEqual(["github.workspace"]);
    for (const name of ["readArtifact", "findPullRequest", "publishCheck", "publishComment"]) {
      expect(script).toContain(name);
      expect(typeof logic[name]).toBe("function");
    }
    // The artifact's head SHA is never used as the head: the event's is.
    expect(script).toMatch(/headSha: run\.head_sha/);
  });
});

describe("docs/github-actions.md", () => {
  it("documents every input (with its default) and every output of action.yml, and links the recipe files", () => {
    const action = parseYaml(readFileSync(new URL("action.yml", root), "utf8")) as any;
    const doc = readFileSync(new URL("docs/github-actions.md", root), "utf8");
    for (const [name, input] of Object.entries<any>(action.inputs)) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      expect(row, name).toContain(input.default === "" ? "(empty)" : `\`${input.default}\``);
    }
    for (const name of Object.keys(action.outputs)) expect(doc, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
    for (const f of ["test.yml", "publish.yml", "publish-logic.mjs"]) expect(doc).toContain(`](../examples/workflows/${f})`);
    expect(doc).toContain("](verify.md)");
  });
});
