/**
 * GitHub's limits that shape what the Action publishes. Each number is GitHub's, with the
 * page that states it; change them only when GitHub does.
 */

/**
 * A step's job summary over 1 MiB is not shown at all ("Job summaries are isolated between
 * steps and each step is restricted to a maximum size of 1MiB", GitHub Docs, "Workflow
 * commands for GitHub Actions" > "Adding a job summary").
 */
export const STEP_SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Headroom under the limit for the runner's own framing and anything appended after us. */
export const STEP_SUMMARY_BUDGET_BYTES = STEP_SUMMARY_LIMIT_BYTES - 4 * 1024;

/**
 * Workflow-command annotations shown per step, per level ("Limits for annotations": 10 error,
 * 10 warning and 10 notice annotations per step, 50 annotations per job; GitHub Docs,
 * "Workflow commands for GitHub Actions" > "Setting an error message"/"Limitations").
 */
export const ANNOTATIONS_PER_STEP_PER_LEVEL = 10;
export const ANNOTATIONS_PER_JOB = 50;

/** Check-run annotations per create/update request (REST API "Create a check run": "maximum of 50"). */
export const CHECK_RUN_ANNOTATIONS_PER_REQUEST = 50;

/** Annotation `title`, and check run `output.title` (REST API "Create a check run"). */
export const CHECK_RUN_TITLE_MAX_CHARS = 255;

/** Annotation `message` and `raw_details` (REST API "Create a check run": "maximum size is 64 KB"). */
export const CHECK_RUN_ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024;

/** `output.summary` and `output.text` (REST API "Create a check run": "Maximum length: 65535 characters"). */
export const CHECK_RUN_OUTPUT_MAX_CHARS = 65535;

/** Check run `name` is free text; long names are cut in the UI. Ours stays readable. */
export const CHECK_RUN_NAME_MAX_CHARS = 100;

/** Outcomes kept per test in the history cache (the "last 30 runs" of the summary). */
export const HISTORY_RUNS = 30;

/**
 * Tests kept in the history cache. The cache is restored on every run, so it stays small:
 * tests that have not failed for longest are dropped first.
 */
export const HISTORY_MAX_TESTS = 2000;

/** Cache key prefix; the version part changes whenever the history file format does. */
export const HISTORY_CACHE_PREFIX = "flaky-triage-history-v1";
