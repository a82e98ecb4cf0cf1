/**
 * Annotations for failing tests: error for deterministic, warning for intermittent, notice for
 * not reproduced (and for not rerun: the failure is real but unexplained). Pure planning here;
 * workflow commands and the check run both take the same list.
 */
import { realpathSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Report, TriagedTest, Verdict } from "../model.js";
import { oneLine, showControls } from "../render/escape.js";
import { CAUSE_LABEL, historyText, orderForDisplay, seedValue, verdictText, type HistoryView } from "../render/format.js";
import { ANNOTATIONS_PER_JOB, ANNOTATIONS_PER_STEP_PER_LEVEL } from "./limits.js";
import type { AnnotationLevel } from "./workflow-commands.js";

export interface Annotation {
  level: AnnotationLevel;
  testId: string;
  /** Relative to the repository root, `/`-separated; absent when the file is not in the workspace. */
  file?: string;
  line?: number;
  title: string;
  message: string;
}

const LEVEL: Record<Verdict, AnnotationLevel> = {
  deterministic: "error",
  intermittent: "warning",
  "not-reproduced": "notice",
  "not-rerun": "notice",
};

/**
 * The test file relative to the repository root, or undefined when it is not inside it. The
 * file comes from an untrusted report: `../../etc/passwd` or an absolute path outside the
 * workspace must not become an annotation on some other file.
 */
export function repoRelativePath(file: string, projectDir: string, workspace: string): string | undefined {
  if (file === "" || file.includes("\0")) return undefined;
  const absolute = resolve(projectDir, file);
  const rel = relative(resolve(workspace), absolute);
  if (!inside(rel)) return undefined;
  // A checked-out symlink (`link.py -> /etc/passwd`) is inside by name only.
  const real = realPath(absolute);
  if (real !== null && !inside(relative(realPath(resolve(workspace)) ?? resolve(workspace), real))) return undefined;
  return rel.split(sep).join("/");
}

function inside(rel: string): boolean {
  return !(rel === "" || isAbsolute(rel) || rel === ".." || rel.startsWith(`..${sep}`));
}

/** The path with symlinks resolved, or null when it does not exist (then only its name counts). */
function realPath(p: string): string | null {
  try {
    return realpathSync(p);
  } catch {
    return null;
  }
}

export function annotationMessage(test: TriagedTest, history?: HistoryView): string {
  const lines = [`${verdictText(test)}: ${CAUSE_LABEL[test.cause]}. ${oneLine(test.causeReason)}`];
  if (test.message !== null) lines.push(`Failure: ${oneLine(test.message)}`);
  if (test.seed !== null) lines.push(`Seed: ${oneLine(seedValue(test.seed))} (${test.seed.recogniser})`);
  lines.push(`Fix: ${oneLine(test.suggestion)}`);
  // As the CLI prints it: a control or bidi character in the id is shown, not obeyed.
  if (test.reproduce !== null) lines.push(`Reproduce: ${showControls(test.reproduce)}`);
  const h = history?.get(test.id);
  if (h !== undefined) lines.push(`History: ${historyText(h)}`);
  return lines.join("\n");
}

type FileOf = (file: string) => string | undefined;

/** repoRelativePath with each file resolved (and realpath'd) once: many failing tests share a file. */
function fileResolver(where: { projectDir: string; workspace: string }): FileOf {
  const files = new Map<string, string | undefined>();
  return (f) => {
    if (files.has(f)) return files.get(f);
    const rel = repoRelativePath(f, where.projectDir, where.workspace);
    files.set(f, rel);
    return rel;
  };
}

function annotationFor(test: TriagedTest, fileOf: FileOf, history: HistoryView | undefined): Annotation {
  const file = test.file === null ? undefined : fileOf(test.file);
  const a: Annotation = {
    level: LEVEL[test.verdict],
    testId: test.id,
    title: `flaky-triage: ${verdictText(test)} (${CAUSE_LABEL[test.cause]}): ${oneLine(test.id)}`,
    message: annotationMessage(test, history),
  };
  if (file !== undefined) {
    a.file = file;
    if (test.line !== null) a.line = test.line;
  }
  return a;
}

/** One annotation per failing test, most important first (deterministic, intermittent, ...). */
export function planAnnotations(
  report: Report,
  where: { projectDir: string; workspace: string; history?: HistoryView },
): Annotation[] {
  const fileOf = fileResolver(where);
  return orderForDisplay(report).map((test) => annotationFor(test, fileOf, where.history));
}

/**
 * `selectForWorkflowCommands(planAnnotations(report, where), used)` without planning the
 * annotations that cannot be shown: with 50,000 failing tests only the first few per level
 * go out as workflow commands, and the rest are only counted.
 */
export function planForWorkflowCommands(
  report: Report,
  where: { projectDir: string; workspace: string; history?: HistoryView },
  used?: Readonly<Record<AnnotationLevel, number>>,
): { shown: Annotation[]; notShown: number } {
  const levels = orderForDisplay(report).map((test) => ({ level: LEVEL[test.verdict], test }));
  const { shown, notShown } = selectForWorkflowCommands(levels, used);
  const fileOf = fileResolver(where);
  return { shown: shown.map((x) => annotationFor(x.test, fileOf, where.history)), notShown };
}

/**
 * What can go out as workflow commands: the runner shows at most 10 per level per step and 50
 * per job; anything past that is dropped silently, so we choose which (the first of each
 * level, in the planned order) and count the rest for the summary.
 */
export function selectForWorkflowCommands<A extends { level: AnnotationLevel }>(
  annotations: readonly A[],
  /** Annotations this job already used per level (our own warnings, earlier steps when known). */
  used: Readonly<Record<AnnotationLevel, number>> = { error: 0, warning: 0, notice: 0 },
): { shown: A[]; notShown: number } {
  const perLevel: Record<AnnotationLevel, number> = { ...used };
  const jobRoom = ANNOTATIONS_PER_JOB - used.error - used.warning - used.notice;
  const shown: A[] = [];
  for (const a of annotations) {
    if (shown.length >= jobRoom) break;
    if (perLevel[a.level] >= ANNOTATIONS_PER_STEP_PER_LEVEL) continue;
    perLevel[a.level]++;
    shown.push(a);
  }
  return { shown, notShown: annotations.length - shown.length };
}
