/**
 * When a batch starts a second process beside a live one (batch.ts, extraProcessPays): the
 * rules as numbers. test/rerun/batch.test.ts runs them against real pytest.
 */
import { describe, expect, it } from "vitest";
import { extraProcessPays } from "../../src/rerun/batch.js";
import { EXTRA_PROCESS_WORK_FACTOR } from "../../src/rerun/limits.js";

const allowanceMs = 60_000;

describe("extraProcessPays", () => {
  it("waits for the first process's start-up unless the recorded work is minutes long", () => {
    expect(extraProcessPays({ workMs: 10_000, startupMs: null, allowanceMs, busyForMs: null })).toBe(false);
    expect(extraProcessPays({ workMs: EXTRA_PROCESS_WORK_FACTOR * allowanceMs - 1, startupMs: null, allowanceMs, busyForMs: null })).toBe(false);
    expect(extraProcessPays({ workMs: EXTRA_PROCESS_WORK_FACTOR * allowanceMs, startupMs: null, allowanceMs, busyForMs: null })).toBe(true);
  });

  it("starts one once the work left outlasts three start-ups", () => {
    expect(extraProcessPays({ workMs: 2_999, startupMs: 1_000, allowanceMs, busyForMs: null })).toBe(false);
    expect(extraProcessPays({ workMs: 3_000, startupMs: 1_000, allowanceMs, busyForMs: 10 })).toBe(true);
  });

  it("starts one when a live process has spent a start-up in one attempt, and says when that will be", () => {
    expect(extraProcessPays({ workMs: 100, startupMs: 1_000, allowanceMs, busyForMs: 250 })).toBe(750);
    expect(extraProcessPays({ workMs: 100, startupMs: 1_000, allowanceMs, busyForMs: 1_000 })).toBe(true);
    // No live process has taken a test yet: nothing to wait out.
    expect(extraProcessPays({ workMs: 100, startupMs: 1_000, allowanceMs, busyForMs: null })).toBe(false);
  });
});
