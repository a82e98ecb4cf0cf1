/**
 * The pytest plugin we ship, as source text: the engine writes it to a private temp directory
 * as `flaky_triage_rerun.py`, puts that directory on PYTHONPATH and loads it with
 * `-p flaky_triage_rerun`. It repeats one test in-process (so N attempts cost one interpreter
 * start and one collection, not N) and writes one JSON line per attempt, flushed at once, so
 * the parent sees an attempt that hangs or takes the interpreter down with it.
 *
 * Written like pytest-randomly and pytest-repeat: options in pytest_addoption, state set once
 * in pytest_configure, the seed announced in the report header, nothing imported that a hook
 * does not need. Keep it free of backticks and dollar-brace: it lives in a template literal.
 */

export const PLUGIN_MODULE = "flaky_triage_rerun";
export const PLUGIN_FILE = `${PLUGIN_MODULE}.py`;

/** One line of the results file, as the parent parses it. */
export type PluginEvent =
  | { event: "collected"; count: number; kept: number; target: string | null }
  | { event: "start"; attempt: number; seed: string | null }
  | {
      event: "end";
      attempt: number;
      outcome: "passed" | "failed" | "skipped";
      when: "setup" | "call" | "teardown";
      duration: number;
      message: string | null;
    }
  | { event: "item"; index: number };

export const PYTEST_PLUGIN_SOURCE = String.raw`"""flaky-triage rerun plugin: repeat one test in-process, re-seeding before each attempt.

Written by flaky-triage into a private temp directory; loaded with -p flaky_triage_rerun.
Results go to --ft-results as JSON lines:
  {"event": "collected", ...}                       after collection
  {"event": "start", "attempt": i, "seed": s}       before attempt i
  {"event": "end", "attempt": i, "outcome": ...}    after attempt i
  {"event": "item", "index": k}                     before each predecessor (--ft-run-until)
"""
import json
import os
import random
import sys

import pytest
from _pytest.runner import runtestprotocol

MESSAGE_CHARS = 500
_STATE = "_flaky_triage_state"


def pytest_addoption(parser):
    group = parser.getgroup("flaky-triage", "flaky-triage reruns")
    group.addoption("--ft-repeat", type=int, default=0, metavar="N",
                    help="run the selected test N times in this process")
    group.addoption("--ft-results", default=None, metavar="FILE",
                    help="append one JSON line per attempt to FILE")
    group.addoption("--ft-seeds", default=None, metavar="A,B,C",
                    help="seed of each attempt (one seed: the same for all)")
    group.addoption("--ft-seed-env", action="append", default=[], metavar="NAME",
                    help="set environment variable NAME to the attempt's seed (repeatable)")
    group.addoption("--ft-global-seed", action="store_true", default=False,
                    help="seed random, numpy and torch global generators before each attempt")
    group.addoption("--ft-stop-when-mixed", action="store_true", default=False,
                    help="stop repeating once a pass and a failure were both seen")
    group.addoption("--ft-run-until", default=None, metavar="NODEID",
                    help="run collected tests up to and including NODEID; record only its outcome")


class _State(object):
    def __init__(self, config):
        opt = config.option
        self.repeat = max(0, opt.ft_repeat)
        self.seeds = [s for s in (opt.ft_seeds or "").split(",") if s != ""]
        self.seed_env = list(opt.ft_seed_env)
        self.global_seed = opt.ft_global_seed
        self.stop_when_mixed = opt.ft_stop_when_mixed
        self.run_until = opt.ft_run_until
        self.invocation_dir = str(config.invocation_params.dir)
        self.target = None
        self.predecessors_run = 0
        self.out = open(opt.ft_results, "a", encoding="utf-8") if opt.ft_results else None

    def seed_for(self, attempt):
        if not self.seeds:
            return None
        return self.seeds[min(attempt, len(self.seeds) - 1)]

    def emit(self, record):
        if self.out is None:
            return
        # One line per event, flushed now: the parent reads while we run and must see the
        # start of an attempt that never ends.
        self.out.write(json.dumps(record) + "\n")
        self.out.flush()


def pytest_configure(config):
    opt = config.option
    if opt.ft_repeat or opt.ft_run_until or opt.ft_results:
        setattr(config, _STATE, _State(config))


def pytest_unconfigure(config):
    state = getattr(config, _STATE, None)
    if state is not None and state.out is not None:
        state.out.close()
        state.out = None


def pytest_report_header(config):
    state = getattr(config, _STATE, None)
    if state is None:
        return None
    if state.run_until:
        return "flaky-triage: order check, running up to " + state.run_until
    return "flaky-triage: %d attempt(s), seeds %s" % (state.repeat, ",".join(state.seeds) or "-")


def _same_test(item, nodeid, invocation_dir):
    if item.nodeid == nodeid:
        return True
    # The id may be relative to the invocation directory rather than pytest's rootdir.
    rest = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else ""
    rel = os.path.relpath(str(item.path), invocation_dir).replace(os.sep, "/")
    return (rel + "::" + rest if rest else rel) == nodeid


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    state = getattr(config, _STATE, None)
    if state is None:
        return
    count = len(items)
    keep = items
    if state.run_until:
        index = None
        for i, item in enumerate(items):
            if _same_test(item, state.run_until, state.invocation_dir):
                index = i
                break
        keep = items[: index + 1] if index is not None else []
    elif state.repeat:
        # One node id may select several items (a parametrized test without its brackets):
        # the attempts are about one test, the first.
        keep = items[:1]
    state.target = keep[-1] if keep else None
    state.emit({"event": "collected", "count": count, "kept": len(keep),
                "target": state.target.nodeid if state.target is not None else None})
    if state.run_until and len(keep) == 1:
        # Nothing runs before it: the parent has run it alone already.
        keep = []
    if len(keep) != count:
        kept = set(id(i) for i in keep)
        config.hook.pytest_deselected(items=[i for i in items if id(i) not in kept])
        items[:] = keep


def _reseed(state, seed):
    if seed is None:
        return
    for name in state.seed_env:
        os.environ[name] = seed
    if state.global_seed:
        value = _seed_int(seed)
        random.seed(value)
        try:
            import numpy
        except ImportError:
            numpy = None
        if numpy is not None:
            numpy.random.seed(value % (2 ** 32))
        # Importing torch costs seconds: seed it only if the test already has it.
        torch = sys.modules.get("torch")
        if torch is not None:
            torch.manual_seed(value)


def _seed_int(seed):
    if seed.isdigit():
        return int(seed)
    # hash() is salted per process; a seed must mean the same thing in every run.
    import hashlib
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16)


def _summarise(reports):
    """One outcome per attempt: the first failing phase wins, then a skip, else a pass."""
    duration = sum(getattr(r, "duration", 0.0) for r in reports)
    for wanted in ("failed", "skipped"):
        for r in reports:
            if r.outcome == wanted:
                return wanted, r.when, duration, _message(r)
    return "passed", "call", duration, None


def _message(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    text = getattr(crash, "message", None)
    if text is None and isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
        text = str(report.longrepr[2])  # skips: (path, line, reason)
    if text is None and report.longrepr is not None:
        text = str(report.longrepr).strip().splitlines()[-1:] or [""]
        text = text[0]
    if text is None:
        return None
    return text.splitlines()[0][:MESSAGE_CHARS] if text else ""


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    state = getattr(item.config, _STATE, None)
    if state is None:
        return None
    if state.run_until:
        if item is not state.target:
            state.emit({"event": "item", "index": state.predecessors_run})
            state.predecessors_run += 1
            return None
        return _run_attempts(state, item, 1)
    if state.repeat and item is state.target:
        return _run_attempts(state, item, state.repeat)
    return None


def _run_attempts(state, item, attempts):
    seen = set()
    for attempt in range(attempts):
        seed = state.seed_for(attempt)
        _reseed(state, seed)
        state.emit({"event": "start", "attempt": attempt, "seed": seed})
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
        # nextitem=None tears everything down after each attempt, so every attempt builds its
        # fixtures (of every scope) afresh, as a new pytest run would.
        reports = runtestprotocol(item, log=True, nextitem=None)
        item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        outcome, when, duration, message = _summarise(reports)
        state.emit({"event": "end", "attempt": attempt, "outcome": outcome, "when": when,
                    "duration": round(duration, 6), "message": message})
        seen.add(outcome)
        if state.stop_when_mixed and "passed" in seen and "failed" in seen:
            break
    return True
`;
