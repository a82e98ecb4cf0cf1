/**
 * A check run carrying every annotation (workflow commands are capped at 10 per level per step;
 * the Checks API takes any number, 50 per request). Optional by nature: a missing token, a
 * fork's read-only token or a 403/404 is a warning and never fails the step.
 */
import type { Annotation } from "./annotations.js";
import { cutToBytes } from "../render/budget.js";
import { truncate } from "../render/escape.js";
import {
  CHECK_RUN_ANNOTATION_MESSAGE_MAX_BYTES,
  CHECK_RUN_ANNOTATIONS_PER_REQUEST,
  CHECK_RUN_NAME_MAX_CHARS,
  CHECK_RUN_OUTPUT_MAX_CHARS,
  CHECK_RUN_TITLE_MAX_CHARS,
} from "./limits.js";

export type Conclusion = "success" | "failure" | "neutral";

interface ApiAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

interface ApiOutput {
  title: string;
  summary: string;
  text?: string;
  annotations: ApiAnnotation[];
}

/** The two Checks API calls we make; Octokit in production, a recorder in tests. */
export interface ChecksApi {
  create(params: {
    owner: string;
    repo: string;
    name: string;
    head_sha: string;
    status: "in_progress" | "completed";
    conclusion?: Conclusion;
    output: ApiOutput;
  }): Promise<{ id: number; html_url: string | null }>;
  update(params: {
    owner: string;
    repo: string;
    check_run_id: number;
    status?: "completed";
    conclusion?: Conclusion;
    output: ApiOutput;
  }): Promise<void>;
}

export async function octokitChecks(token: string, baseUrl: string): Promise<ChecksApi> {
  // Loaded only when a check run is published: @actions/github and its Octokit clients took
  // ~0.1 s of every step's start-up, and parsing them inside dist/index.js more; ncc puts them
  // in chunk files beside it (scripts/build.mjs ships those).
  const { getOctokit } = await import("@actions/github");
  const octokit = getOctokit(token, { baseUrl });
  return {
    create: async (params) => {
      const res = await octokit.rest.checks.create(params);
      return { id: res.data.id, html_url: res.data.html_url };
    },
    update: async (params) => void (await octokit.rest.checks.update(params)),
  };
}

export interface CheckRunRequest {
  owner: string;
  repo: string;
  headSha: string;
  workflow: string;
  job: string;
  /** The `check-name` input: the whole name, for matrix legs that share a job id; null names it after workflow and job. */
  name?: string | null;
  title: string;
  /** Markdown; cut to the API's limit here. */
  summary: string;
  conclusion: Conclusion;
  annotations: readonly Annotation[];
}

export type CheckRunResult =
  | { kind: "created"; id: number; url: string | null; annotations: number; withoutFile: number; requests: number }
  | { kind: "failed"; warning: string };

/** `flaky-triage (test / py3.11)`: named after workflow and job, since GitHub may file it under another workflow's suite. */
export function checkRunName(workflow: string, job: string): string {
  return truncate(`flaky-triage (${workflow} / ${job})`, CHECK_RUN_NAME_MAX_CHARS);
}

const API_LEVEL: Record<Annotation["level"], ApiAnnotation["annotation_level"]> = {
  error: "failure",
  warning: "warning",
  notice: "notice",
};

function toApi(a: Annotation & { file: string }): ApiAnnotation {
  // The API needs a line; a file without one is annotated on its first line.
  const line = a.line ?? 1;
  return {
    path: a.file,
    start_line: line,
    end_line: line,
    annotation_level: API_LEVEL[a.level],
    title: truncate(a.title, CHECK_RUN_TITLE_MAX_CHARS),
    message: cutToBytes(a.message, CHECK_RUN_ANNOTATION_MESSAGE_MAX_BYTES),
  };
}

function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** Creates the check run and adds the annotations in batches of 50; never throws. */
export async function publishCheckRun(api: ChecksApi, req: CheckRunRequest): Promise<CheckRunResult> {
  // Checks API annotations must point into the repository; tests without a file stay in the summary.
  const located = req.annotations.filter((a): a is Annotation & { file: string } => a.file !== undefined).map(toApi);
  const batches: ApiAnnotation[][] = [];
  for (let i = 0; i < located.length; i += CHECK_RUN_ANNOTATIONS_PER_REQUEST) {
    batches.push(located.slice(i, i + CHECK_RUN_ANNOTATIONS_PER_REQUEST));
  }
  if (batches.length === 0) batches.push([]);
  // summary/text are counted in characters by the API; bytes >= characters, so cutting to bytes is safe.
  const output = (annotations: ApiAnnotation[]): ApiOutput => ({
    title: truncate(req.title, CHECK_RUN_TITLE_MAX_CHARS),
    summary: cutToBytes(req.summary, CHECK_RUN_OUTPUT_MAX_CHARS),
    annotations,
  });
  const base = { owner: req.owner, repo: req.repo };
  let requests = 0;
  try {
    const single = batches.length === 1;
    const created = await api.create({
      ...base,
      name: req.name ? truncate(req.name, CHECK_RUN_NAME_MAX_CHARS) : checkRunName(req.workflow, req.job),
      head_sha: req.headSha,
      ...(single ? { status: "completed" as const, conclusion: req.conclusion } : { status: "in_progress" as const }),
      output: output(batches[0] ?? []),
    });
    requests++;
    for (let i = 1; i < batches.length; i++) {
      const last = i === batches.length - 1;
      await api.update({
        ...base,
        check_run_id: created.id,
        ...(last ? { status: "completed" as const, conclusion: req.conclusion } : {}),
        output: output(batches[i] ?? []),
      });
      requests++;
    }
    return {
      kind: "created",
      id: created.id,
      url: created.html_url,
      annotations: located.length,
      withoutFile: req.annotations.length - located.length,
      requests,
    };
  } catch (err) {
    const status = statusOf(err);
    const why =
      status === 403 || status === 404
        ? `the token may not create check runs (HTTP ${status}); grant \`permissions: checks: write\`, and for pull requests from forks use the workflow_run pattern in the README`
        : status !== undefined
          ? `the GitHub API answered HTTP ${status}`
          : `the GitHub API could not be reached (${err instanceof Error ? err.message : String(err)})`;
    const partial = requests > 0 ? ` after ${requests} request${requests === 1 ? "" : "s"}` : "";
    return { kind: "failed", warning: `check-run: no complete check run${partial}: ${why}. The job summary and annotations have the results.` };
  }
}
