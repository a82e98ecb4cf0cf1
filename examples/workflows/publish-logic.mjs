// flaky-triage: the logic of the fork-safe `workflow_run` publisher (publish.yml).
//
// Copy this file into your repository (publish.yml imports it from
// .github/flaky-triage/publish-logic.mjs of the BASE repository's checkout) and run it with
// actions/github-script, which passes `github` (an authenticated Octokit) and `context`.
//
// Everything in the artifact comes from the pull request's run and is UNTRUSTED: a fork can
// change test.yml in its own pull request and upload anything. So:
// - the head SHA comes from the workflow_run event (GitHub's, trusted), never the artifact;
// - the artifact's PR number is only a hint, accepted when that PR's head is the run's head SHA;
// - the report's strings are escaped before they reach Markdown, sizes and counts are capped,
//   annotation paths must be plain relative paths; nothing from it is ever executed;
// - the artifact's Markdown summary is NOT posted: we render our own from the report's data.
//
// Plain ES module, no dependencies: Node 20+.

import { readFile, stat } from "node:fs/promises";
import { join, posix } from "node:path";

/** Largest report.json we read (a hostile run can upload anything). */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;
/** Checks API: 50 annotations per request (docs.github.com/rest/checks/runs). */
export const ANNOTATIONS_PER_REQUEST = 50;
/** At most this many annotations (so at most 20 requests), most important first. */
export const MAX_ANNOTATIONS = 1000;
/** Checks API limits: name/title 255 characters, summary/text 65,535 characters, annotation message 64 KB. */
export const CHECK_TITLE_MAX = 255;
export const CHECK_SUMMARY_MAX = 65_535;
export const ANNOTATION_MESSAGE_MAX = 64 * 1024;
/** Issue comments: 65,536 characters. */
export const COMMENT_MAX = 65_536;
/** Pages of open pull requests scanned (100 each) when looking a head SHA up. */
export const MAX_PULL_PAGES = 10;
/** Rows in the rendered table. */
export const MAX_ROWS = 50;
/** Hidden marker of our PR comment, so a new run updates it instead of adding another. */
export const COMMENT_MARKER = "<!-- flaky-triage:fork-publish -->";

const SHA = /^[0-9a-f]{40}$/;
const VERDICT_ORDER = ["deterministic", "intermittent", "not-reproduced", "not-rerun"];
const LEVEL = { deterministic: "failure", intermittent: "warning", "not-reproduced": "notice", "not-rerun": "notice" };

// ---------------------------------------------------------------- escaping (untrusted text)

/** One line of plain text: control characters, ANSI sequences and bidi overrides removed. */
export function plain(value, max = 4096) {
  let s = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
  s = s
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Untrusted text as inert Markdown: HTML entities, punctuation escaped, @mentions and #refs broken. */
export function md(value, max = 500) {
  return plain(value, max)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\\`*_{}[\]()#+\-.!|~:]/g, (c) => `\\${c}`)
    // Every @: the punctuation after it is escaped above, and email autolinks form through escapes.
    .replace(/@/g, "@\u2060")
    .replace(/#(?=\d)/g, "#\u2060");
}

function cut(s, max) {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

// ---------------------------------------------------------------- the artifact

/**
 * Reads the artifact downloaded from the pull request's run: report.json (required), pr.json
 * (optional hint: {"number": 12, "head_sha": "..."}). Never throws; `report` is null with a
 * `message` when the artifact is missing or malformed.
 */
export async function readArtifact(dir) {
  const problems = [];
  let report = null;
  try {
    const file = join(dir, "report.json");
    const size = (await stat(file)).size;
    if (size > MAX_REPORT_BYTES) throw new Error(`report.json is ${size} bytes, more than ${MAX_REPORT_BYTES}`);
    const data = JSON.parse(await readFile(file, "utf8"));
    if (!data || typeof data !== "object" || !Array.isArray(data.tests)) throw new Error("report.json has no tests array");
    report = data;
  } catch (err) {
    return { report: null, artifactPr: null, problems, message: `No usable flaky-triage report in the artifact (${plain(err?.message ?? err, 300)}); nothing to publish.` };
  }
  let artifactPr = null;
  try {
    const pr = JSON.parse(await readFile(join(dir, "pr.json"), "utf8"));
    const number = Number(pr?.number);
    const headSha = typeof pr?.head_sha === "string" ? pr.head_sha : null;
    if (Number.isSafeInteger(number) && number > 0) artifactPr = { number, headSha };
    else problems.push("pr.json has no valid PR number; ignored.");
  } catch {
    problems.push("no readable pr.json in the artifact; the pull request is looked up by head SHA.");
  }
  return { report, artifactPr, problems, message: "" };
}

// ---------------------------------------------------------------- finding the pull request

function statusOf(err) {
  return typeof err?.status === "number" ? err.status : undefined;
}

function apiProblem(what, err, permission) {
  const status = statusOf(err);
  if (status === 403 || status === 404) return `${what} answered HTTP ${status}: the token may lack \`${permission}\`.`;
  if (status !== undefined) return `${what} answered HTTP ${status}.`;
  return `${what} failed: ${plain(err?.message ?? err, 300)}.`;
}

/**
 * The pull request whose run produced the artifact. Sources, in order:
 * 1. `workflow_run.pull_requests` of the event (trusted; empty for pull requests from forks);
 * 2. the artifact's PR number (untrusted: accepted only if that PR's head is `headSha`, its
 *    base is this repository and, when known, its head repository is `headRepo`);
 * 3. `GET /repos/{owner}/{repo}/commits/{sha}/pulls` (does not return every fork PR);
 * 4. the open pull requests whose head SHA is `headSha` (and head repository `headRepo`).
 * Never throws: API errors (a 403) become notes; no PR found is `pr: null` with a message.
 *
 * @param {{github: any, context: any, headSha: string, headRepo?: string | null, artifactPr?: number | {number: number, headSha?: string | null} | null}} args
 * @returns {Promise<{pr: {number: number, url: string | null} | null, source: string | null, candidates: number[], notes: string[], message: string}>}
 */
export async function findPullRequest({ github, context, headSha, headRepo = null, artifactPr = null }) {
  const { owner, repo } = context.repo;
  const full = `${owner}/${repo}`.toLowerCase();
  const notes = [];
  const none = (message) => ({ pr: null, source: null, candidates: [], notes, message });
  if (typeof headSha !== "string" || !SHA.test(headSha)) return none(`The head SHA ${JSON.stringify(plain(headSha, 80))} is not a commit SHA; no pull request looked up.`);
  const sameRepo = (name) => typeof name === "string" && name.toLowerCase() === full;
  const headMatches = (pr) =>
    pr?.head?.sha === headSha && sameRepo(pr?.base?.repo?.full_name) && (headRepo === null || (pr?.head?.repo?.full_name ?? "").toLowerCase() === headRepo.toLowerCase());
  const found = (pr, source, candidates = [pr.number]) => ({
    pr: { number: pr.number, url: pr.html_url ?? null },
    source,
    candidates,
    notes,
    message: `Pull request #${pr.number} (found from ${source}).`,
  });

  // 1. The event's own list (GitHub's data). Its entries carry base.repo.id/url, not full_name.
  const run = context.payload?.workflow_run;
  const repoId = context.payload?.repository?.id;
  const fromEvent = (Array.isArray(run?.pull_requests) ? run.pull_requests : []).filter(
    (pr) =>
      pr?.head?.sha === headSha &&
      Number.isSafeInteger(pr?.number) &&
      (repoId === undefined || pr?.base?.repo?.id === repoId) &&
      (typeof pr?.base?.repo?.url !== "string" || pr.base.repo.url.toLowerCase().endsWith(`/repos/${full}`)),
  );
  if (fromEvent.length > 0) {
    const numbers = fromEvent.map((p) => p.number).sort((a, b) => a - b);
    if (numbers.length > 1) notes.push(`Head ${headSha} is the head of pull requests ${numbers.map((n) => `#${n}`).join(", ")}; using #${numbers[0]}.`);
    const pr = fromEvent.find((p) => p.number === numbers[0]);
    return { ...found({ number: pr.number, html_url: `https://github.com/${owner}/${repo}/pull/${pr.number}` }, "workflow_run.pull_requests", numbers) };
  }

  // 2. The artifact's hint, cross-checked against the trusted head SHA.
  const hint = typeof artifactPr === "number" ? { number: artifactPr, headSha: null } : artifactPr;
  if (hint && Number.isSafeInteger(hint.number) && hint.number > 0) {
    if (hint.headSha && hint.headSha !== headSha) {
      notes.push(`The artifact names PR #${hint.number} with head ${plain(hint.headSha, 80)}, not the run's head ${headSha}; ignored.`);
    } else {
      try {
        const { data } = await github.rest.pulls.get({ owner, repo, pull_number: hint.number });
        if (headMatches(data)) return found(data, "the artifact's PR number, verified against the head SHA");
        notes.push(`The artifact names PR #${hint.number}, but its head is ${plain(data?.head?.sha, 80)} in ${plain(data?.head?.repo?.full_name, 200)}, not ${headSha}${headRepo ? ` in ${headRepo}` : ""}; ignored.`);
      } catch (err) {
        notes.push(apiProblem(`GET pulls/${hint.number}`, err, "pull-requests: read"));
      }
    }
  }

  // 3. Pull requests associated with the commit.
  try {
    const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: headSha, per_page: 100 });
    const matches = (Array.isArray(data) ? data : []).filter(headMatches).sort((a, b) => (a.state === "open" ? 0 : 1) - (b.state === "open" ? 0 : 1) || a.number - b.number);
    if (matches.length > 0) return found(matches[0], "commits/{sha}/pulls", matches.map((p) => p.number));
  } catch (err) {
    notes.push(apiProblem(`GET commits/${headSha}/pulls`, err, "pull-requests: read"));
  }

  // 4. Open pull requests with that head (what finds fork PRs the commits endpoint misses).
  try {
    const matches = [];
    let pages = 0;
    for await (const page of github.paginate.iterator(github.rest.pulls.list, { owner, repo, state: "open", per_page: 100 })) {
      matches.push(...page.data.filter(headMatches));
      if (++pages >= MAX_PULL_PAGES) {
        notes.push(`Scanned the first ${MAX_PULL_PAGES * 100} open pull requests only.`);
        break;
      }
    }
    matches.sort((a, b) => a.number - b.number);
    if (matches.length > 1) notes.push(`Head ${headSha} is the head of open pull requests ${matches.map((p) => `#${p.number}`).join(", ")}; using #${matches[0].number}.`);
    if (matches.length > 0) return found(matches[0], "the open pull requests' head SHAs", matches.map((p) => p.number));
  } catch (err) {
    notes.push(apiProblem("GET pulls?state=open", err, "pull-requests: read"));
  }

  return none(`No pull request found for head ${headSha}${headRepo ? ` of ${headRepo}` : ""} (the PR may be closed, or its head moved on); the check run is still published on the commit.`);
}

// ---------------------------------------------------------------- rendering the report

function tests(report) {
  const list = Array.isArray(report?.tests) ? report.tests : [];
  return list
    .filter((t) => t && typeof t === "object" && VERDICT_ORDER.includes(t.verdict))
    .sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict));
}

function counts(list) {
  const c = { deterministic: 0, intermittent: 0, "not-reproduced": 0, "not-rerun": 0 };
  for (const t of list) c[t.verdict]++;
  return c;
}

/** success (nothing failed), neutral (only flaky or unknown), failure (a deterministic failure). */
export function conclusionOf(report) {
  const c = counts(tests(report));
  if (c.deterministic > 0) return "failure";
  return tests(report).length > 0 ? "neutral" : "success";
}

/** A plain relative path inside the repository, or null. */
export function safePath(file, workingDirectory = ".") {
  if (typeof file !== "string" || file === "" || file.length > 1024) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(file) || file.startsWith("/") || /^[A-Za-z]:/.test(file)) return null;
  const joined = posix.normalize(posix.join(workingDirectory || ".", file));
  if (joined === "." || joined.startsWith("../") || joined === ".." || joined.startsWith("/")) return null;
  return joined;
}

/** Markdown for the check run and the PR comment, built from the report's data, all escaped. */
export function renderSummary(report, { runUrl = null, checkUrl = null, max = CHECK_SUMMARY_MAX } = {}) {
  const list = tests(report);
  const c = counts(list);
  const lines = [
    `**flaky-triage**: ${c.deterministic} deterministic, ${c.intermittent} intermittent, ${c["not-reproduced"]} not reproduced` +
      (c["not-rerun"] ? `, ${c["not-rerun"]} not rerun` : "") +
      ` of ${list.length} failing test${list.length === 1 ? "" : "s"}.`,
    "",
  ];
  if (list.length > 0) {
    lines.push("| verdict | test | cause | seed | suggested fix |", "| --- | --- | --- | --- | --- |");
    for (const t of list.slice(0, MAX_ROWS)) {
      const seed = t.seed && typeof t.seed === "object" ? t.seed.value : null;
      lines.push(`| ${md(t.verdict, 40)} | ${md(t.id, 300)} | ${md(t.cause, 40)} | ${seed === null || seed === undefined ? "" : md(seed, 80)} | ${md(t.suggestion, 300)} |`);
    }
    if (list.length > MAX_ROWS) lines.push("", `${list.length - MAX_ROWS} more failing tests are in the run's job summary and report.`);
  }
  const links = [];
  if (typeof runUrl === "string" && /^https:\/\//.test(runUrl)) links.push(`[the test run](${runUrl})`);
  if (typeof checkUrl === "string" && /^https:\/\//.test(checkUrl)) links.push(`[the check run](${checkUrl})`);
  if (links.length) lines.push("", `Details: ${links.join(", ")} (job summary and annotations).`);
  let out = lines.join("\n");
  if (out.length > max) {
    const at = out.lastIndexOf("\n", max - 80);
    out = `${out.slice(0, at > 0 ? at : max - 80)}\n\n(truncated)`;
  }
  return out;
}

/** The Checks API annotations of the report, most important first, capped. */
export function annotationsOf(report, workingDirectory = ".") {
  const out = [];
  let withoutFile = 0;
  for (const t of tests(report)) {
    const path = safePath(t.file, workingDirectory);
    if (path === null) {
      withoutFile++;
      continue;
    }
    const line = Number.isSafeInteger(t.line) && t.line > 0 ? t.line : 1;
    const seed = t.seed && typeof t.seed === "object" ? plain(t.seed.value, 200) : "";
    const message = [
      `${plain(t.verdict, 40)} (${plain(t.cause, 40)}): ${plain(t.causeReason, 2000)}`,
      seed ? `seed: ${seed}` : "",
      t.suggestion ? `fix: ${plain(t.suggestion, 4000)}` : "",
      t.reproduce ? `reproduce: ${plain(t.reproduce, 4000)}` : "",
    ]
      .filter(Boolean)
      .join("\n");
    out.push({
      path,
      start_line: line,
      end_line: line,
      annotation_level: LEVEL[t.verdict],
      title: cut(`flaky-triage: ${plain(t.verdict, 40)}: ${plain(t.id, 400)}`, CHECK_TITLE_MAX),
      message: cut(message, ANNOTATION_MESSAGE_MAX / 4),
    });
  }
  const dropped = Math.max(0, out.length - MAX_ANNOTATIONS);
  return { annotations: out.slice(0, MAX_ANNOTATIONS), withoutFile, dropped };
}

// ---------------------------------------------------------------- publishing

/**
 * Creates a completed check run on `headSha` carrying every annotation (50 per request).
 * Never throws: a 403 (no `checks: write`) or any API error is `{ok: false, warning}`.
 */
export async function publishCheck({ github, context, headSha, report, name = "flaky-triage", workingDirectory = ".", runUrl = null }) {
  const { owner, repo } = context.repo;
  if (typeof headSha !== "string" || !SHA.test(headSha)) return { ok: false, warning: "No valid head SHA; no check run." };
  const { annotations, withoutFile, dropped } = annotationsOf(report, workingDirectory);
  const c = counts(tests(report));
  let summary = renderSummary(report, { runUrl });
  if (dropped > 0) summary = `${summary}\n\n${dropped} more annotations are not attached (at most ${MAX_ANNOTATIONS}).`;
  const output = (batch) => ({
    title: cut(`${c.deterministic} deterministic, ${c.intermittent} intermittent, ${c["not-reproduced"]} not reproduced`, CHECK_TITLE_MAX),
    summary: cut(summary, CHECK_SUMMARY_MAX),
    annotations: batch,
  });
  const batches = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  const conclusion = conclusionOf(report);
  let requests = 0;
  try {
    const single = batches.length === 1;
    const { data } = await github.rest.checks.create({
      owner,
      repo,
      name: cut(plain(name, CHECK_TITLE_MAX), CHECK_TITLE_MAX),
      head_sha: headSha,
      ...(typeof runUrl === "string" && /^https:\/\//.test(runUrl) ? { details_url: runUrl } : {}),
      ...(single ? { status: "completed", conclusion } : { status: "in_progress" }),
      output: output(batches[0]),
    });
    requests++;
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await github.rest.checks.update({ owner, repo, check_run_id: data.id, ...(last ? { status: "completed", conclusion } : {}), output: output(batches[i]) });
      requests++;
    }
    return { ok: true, id: data.id, url: data.html_url ?? null, annotations: annotations.length, withoutFile, requests, conclusion };
  } catch (err) {
    const after = requests > 0 ? ` after ${requests} request${requests === 1 ? "" : "s"}` : "";
    return { ok: false, warning: `No complete check run${after}: ${apiProblem("The Checks API", err, "checks: write")} The test run's job summary has the results.` };
  }
}

/**
 * Creates or updates (by COMMENT_MARKER, only our bot's own comment) one comment on the pull
 * request with the rendered summary. Never throws.
 */
export async function publishComment({ github, context, pr, report, runUrl = null, checkUrl = null, botLogin = "github-actions[bot]" }) {
  const { owner, repo } = context.repo;
  if (!Number.isSafeInteger(pr) || pr <= 0) return { ok: false, warning: "No pull request; no comment." };
  const body = cut(`${COMMENT_MARKER}\n${renderSummary(report, { runUrl, checkUrl, max: COMMENT_MAX - 200 })}`, COMMENT_MAX);
  try {
    const existing = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: pr, per_page: 100 });
    const ours = existing.find((c) => c?.user?.login === botLogin && typeof c.body === "string" && c.body.startsWith(COMMENT_MARKER));
    if (ours) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body });
      return { ok: true, id: ours.id, updated: true };
    }
    const { data } = await github.rest.issues.createComment({ owner, repo, issue_number: pr, body });
    return { ok: true, id: data.id, updated: false };
  } catch (err) {
    return { ok: false, warning: `No PR comment: ${apiProblem("The Issues API", err, "pull-requests: write")}` };
  }
}
