import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Annotation } from "../../src/action/annotations.js";
import { checkRunName, octokitChecks, publishCheckRun, type CheckRunRequest } from "../../src/action/check-run.js";
import {
  CHECK_RUN_ANNOTATION_MESSAGE_MAX_BYTES,
  CHECK_RUN_ANNOTATIONS_PER_REQUEST,
  CHECK_RUN_OUTPUT_MAX_CHARS,
  CHECK_RUN_TITLE_MAX_CHARS,
} from "../../src/action/limits.js";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub();
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.requests.length = 0;
  gh.status = 0;
});

function annotations(n: number, extra: Partial<Annotation> = {}): Annotation[] {
  return Array.from({ length: n }, (_, i) => ({
    level: i % 3 === 0 ? "error" : i % 3 === 1 ? "warning" : "notice",
    testId: `t${i}`,
    file: `tests/test_${i}.py`,
    line: i + 1,
    title: `title ${i}`,
    message: `message ${i}`,
    ...extra,
  }));
}

function request(anns: Annotation[], extra: Partial<CheckRunRequest> = {}): CheckRunRequest {
  return { owner: "o", repo: "r", headSha: "abc123", workflow: "test", job: "py3.11", title: "1 deterministic", summary: "## summary", conclusion: "failure", annotations: anns, ...extra };
}

describe("check run against a fake GitHub API", () => {
  it("creates one completed check run named after workflow and job", async () => {
    const api = await octokitChecks("ghs_token", gh.url);
    const result = await publishCheckRun(api, request(annotations(3)));
    expect(result).toMatchObject({ kind: "created", id: 4242, url: "https://github.com/o/r/runs/4242", annotations: 3, requests: 1 });
    expect(gh.requests).toHaveLength(1);
    const [req] = gh.requests;
    expect(req).toMatchObject({ method: "POST", url: "/repos/o/r/check-runs", authorization: "token ghs_token" });
    expect(req!.body).toMatchObject({ name: "flaky-triage (test / py3.11)", head_sha: "abc123", status: "completed", conclusion: "failure" });
    expect(req!.body.output.annotations[0]).toEqual({ path: "tests/test_0.py", start_line: 1, end_line: 1, annotation_level: "failure", title: "title 0", message: "message 0" });
    expect(req!.body.output.annotations.map((a: any) => a.annotation_level)).toEqual(["failure", "warning", "notice"]);
  });

  it("takes the check-name input as the whole name, cut to the API's 100 characters", async () => {
    const api = await octokitChecks("t", gh.url);
    await publishCheckRun(api, request(annotations(1), { name: "flaky-triage (py3.12, ubuntu)" }));
    await publishCheckRun(api, request(annotations(1), { name: "n".repeat(300) }));
    expect(gh.requests.map((r) => r.body.name.length)).toEqual(["flaky-triage (py3.12, ubuntu)".length, 100]);
    expect(gh.requests[0]!.body.name).toBe("flaky-triage (py3.12, ubuntu)");
  });

  it("sends every annotation in batches of 50 and completes with the last", async () => {
    const api = await octokitChecks("t", gh.url);
    const result = await publishCheckRun(api, request(annotations(123)));
    expect(result).toMatchObject({ kind: "created", annotations: 123, requests: 3 });
    expect(gh.requests.map((r) => [r.method, r.url, r.body.output.annotations.length, r.body.status])).toEqual([
      ["POST", "/repos/o/r/check-runs", 50, "in_progress"],
      ["PATCH", "/repos/o/r/check-runs/4242", 50, undefined],
      ["PATCH", "/repos/o/r/check-runs/4242", 23, "completed"],
    ]);
    expect(gh.requests.at(-1)!.body.conclusion).toBe("failure");
    expect(CHECK_RUN_ANNOTATIONS_PER_REQUEST).toBe(50);
    const sent = gh.requests.flatMap((r) => r.body.output.annotations.map((a: any) => a.path));
    expect(new Set(sent).size).toBe(123);
  });

  it("holds the API's limits on title, message, summary", async () => {
    const api = await octokitChecks("t", gh.url);
    const huge = annotations(1, { title: "T".repeat(1000), message: "\u00e9".repeat(100_000) });
    await publishCheckRun(api, request(huge, { title: "x".repeat(1000), summary: "s".repeat(200_000) }));
    const body = gh.requests[0]!.body;
    expect(body.output.title.length).toBeLessThanOrEqual(CHECK_RUN_TITLE_MAX_CHARS);
    expect(body.output.summary.length).toBeLessThanOrEqual(CHECK_RUN_OUTPUT_MAX_CHARS);
    expect(body.output.annotations[0].title.length).toBeLessThanOrEqual(CHECK_RUN_TITLE_MAX_CHARS);
    expect(Buffer.byteLength(body.output.annotations[0].message)).toBeLessThanOrEqual(CHECK_RUN_ANNOTATION_MESSAGE_MAX_BYTES);
    expect(body.output.annotations[0].message).not.toContain("\uFFFD");
  });

  it("leaves annotations without a file in the workspace out of the check run", async () => {
    const api = await octokitChecks("t", gh.url);
    const anns = annotations(2);
    delete anns[1]!.file;
    const result = await publishCheckRun(api, request(anns));
    expect(result).toMatchObject({ annotations: 1, withoutFile: 1 });
  });

  it("turns a 403 (read-only token of a fork PR) into a warning", async () => {
    gh.status = 403;
    const result = await publishCheckRun(await octokitChecks("t", gh.url), request(annotations(2)));
    expect(result.kind).toBe("failed");
    expect(result.kind === "failed" && result.warning).toMatch(/HTTP 403.*checks: write.*workflow_run/);
  });

  it("turns an unreachable API into a warning", async () => {
    const result = await publishCheckRun(await octokitChecks("t", "http://127.0.0.1:9"), request(annotations(1)));
    expect(result).toMatchObject({ kind: "failed" });
  });

  it("names the check run within its limit", () => {
    expect(checkRunName("w".repeat(300), "j").length).toBeLessThanOrEqual(100);
  });
});
