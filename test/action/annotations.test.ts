import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { annotationMessage, planAnnotations, planForWorkflowCommands, repoRelativePath, selectForWorkflowCommands, type Annotation } from "../../src/action/annotations.js";
import { ANNOTATIONS_PER_JOB, ANNOTATIONS_PER_STEP_PER_LEVEL } from "../../src/action/limits.js";
import type { Verdict } from "../../src/model.js";
import { makeReport, makeTest } from "../render/fixtures.js";

const ws = "/home/runner/work/repo/repo";

describe("repoRelativePath", () => {
  it("makes the file relative to the repository root, not the working directory", () => {
    expect(repoRelativePath("tests/test_x.py", join(ws, "python"), ws)).toBe("python/tests/test_x.py");
  });
  it("refuses paths outside the workspace", () => {
    expect(repoRelativePath("../../etc/passwd", ws, ws)).toBeUndefined();
    expect(repoRelativePath("../../../../../../etc/passwd", join(ws, "python"), ws)).toBeUndefined();
    expect(repoRelativePath("/etc/passwd", ws, ws)).toBeUndefined();
    expect(repoRelativePath("..", ws, ws)).toBeUndefined();
    expect(repoRelativePath("a\0b", ws, ws)).toBeUndefined();
  });
  it("accepts absolute paths inside the workspace", () => {
    expect(repoRelativePath(join(ws, "t/x.py"), join(ws, "python"), ws)).toBe("t/x.py");
  });
});

describe("planAnnotations", () => {
  const report = makeReport([
    makeTest({ id: "a", verdict: "not-reproduced", file: "../../etc/passwd", line: 3 }),
    makeTest({ id: "b", verdict: "intermittent", line: 7 }),
    makeTest({ id: "c", verdict: "deterministic", line: 9, seed: { value: "42", recogniser: "pytest-randomly", source: { file: "log" }, apply: { kind: "args", args: [] } } }),
    makeTest({ id: "d", verdict: "not-rerun", file: null, line: null }),
  ]);
  const planned = planAnnotations(report, { projectDir: join(ws, "py"), workspace: ws });

  it("orders deterministic first and maps verdicts to levels", () => {
    expect(planned.map((a) => [a.testId, a.level])).toEqual([
      ["c", "error"],
      ["b", "warning"],
      ["a", "notice"],
      ["d", "notice"],
    ]);
  });

  it("puts file and line only on files inside the workspace", () => {
    expect(planned[0]).toMatchObject({ file: "py/tests/test_ops.py", line: 9 });
    expect(planned[2]!.file).toBeUndefined();
    expect(planned[2]!.line).toBeUndefined();
  });

  it("says verdict, cause, seed, fix and reproduce command", () => {
    const m = planned[0]!.message;
    expect(m).toMatch(/^deterministic, all-seeds: regression\./);
    expect(m).toContain("Seed: 42 (pytest-randomly)");
    expect(m).toContain("Fix: ");
    expect(m).toContain("Reproduce: python -m pytest 'c'");
  });

  it("adds the history line when there is one", () => {
    const [a] = planAnnotations(makeReport([makeTest({ id: "x", verdict: "intermittent" })]), {
      projectDir: ws,
      workspace: ws,
      history: new Map([["x", { runs: 30, flaky: 7, newFlaky: false, firstSeen: "2026-01-01T00:00:00Z", trend: [] }]]),
    });
    expect(a!.message).toContain("History: flaky in 7 of last 30 runs, first seen 2026-01-01");
  });
});

describe("selectForWorkflowCommands", () => {
  const make = (level: Annotation["level"], n: number): Annotation[] =>
    Array.from({ length: n }, (_, i) => ({ level, testId: `${level}${i}`, title: "t", message: "m" }));

  it("caps each level at 10 per step, keeping the first (most important)", () => {
    const all = [...make("error", 15), ...make("warning", 12), ...make("notice", 3)];
    const { shown, notShown } = selectForWorkflowCommands(all);
    expect(ANNOTATIONS_PER_STEP_PER_LEVEL).toBe(10);
    expect(shown.filter((a) => a.level === "error").map((a) => a.testId)).toEqual(make("error", 10).map((a) => a.testId));
    expect(shown.filter((a) => a.level === "warning")).toHaveLength(10);
    expect(shown.filter((a) => a.level === "notice")).toHaveLength(3);
    expect(notShown).toBe(7);
  });

  it("counts annotations already used (our own warnings, the final error) and the job cap", () => {
    const all = [...make("error", 5), ...make("warning", 5)];
    const { shown, notShown } = selectForWorkflowCommands(all, { error: 6, warning: 2, notice: 0 });
    expect(shown.filter((a) => a.level === "error")).toHaveLength(4);
    expect(shown.filter((a) => a.level === "warning")).toHaveLength(5);
    expect(notShown).toBe(1);
    const full = selectForWorkflowCommands(make("notice", 5), { error: 10, warning: 10, notice: 9 });
    expect(ANNOTATIONS_PER_JOB).toBe(50);
    expect(full.shown).toHaveLength(1);
  });

  it("never drops a more important level for a less important one", () => {
    const verdicts: Verdict[] = ["not-reproduced", "deterministic", "intermittent"];
    const report = makeReport(Array.from({ length: 60 }, (_, i) => makeTest({ id: `t${i}`, verdict: verdicts[i % 3]! })));
    const { shown } = selectForWorkflowCommands(planAnnotations(report, { projectDir: ws, workspace: ws }));
    expect(shown.map((a) => a.level)).toEqual([...Array(10).fill("error"), ...Array(10).fill("warning"), ...Array(10).fill("notice")]);
  });
});

describe("planForWorkflowCommands", () => {
  it("chooses and plans exactly what selecting from all planned annotations would", () => {
    const verdicts: Verdict[] = ["not-rerun", "deterministic", "intermittent", "not-reproduced"];
    const report = makeReport(
      Array.from({ length: 200 }, (_, i) =>
        makeTest({ id: `t${i}`, verdict: verdicts[i % 4]!, line: i + 1, ...(i % 5 === 0 ? { file: "../../etc/passwd" } : {}) }),
      ),
    );
    const where = { projectDir: join(ws, "python"), workspace: ws };
    for (const used of [undefined, { error: 3, warning: 10, notice: 0 }, { error: 20, warning: 20, notice: 9 }]) {
      expect(planForWorkflowCommands(report, where, used)).toEqual(selectForWorkflowCommands(planAnnotations(report, where), used));
    }
  });
});

describe("annotationMessage", () => {
  it("shows a bidi override or control character in the reproduce command instead of passing it on", () => {
    const t = makeTest({ id: "t", verdict: "deterministic", reproduce: "python3 -m pytest 'tests/x.py::test_\u202Eevil\u0007'" });
    const reproduce = annotationMessage(t).split("\n").find((l) => l.startsWith("Reproduce: "));
    expect(reproduce).toBe("Reproduce: python3 -m pytest 'tests/x.py::test_\\u202Eevil\\x07'");
  });
});
