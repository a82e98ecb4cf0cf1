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
      /** Withheld variables the failed attempt read and found missing (FLAKY_TRIAGE_WITHHELD). */
      withheld?: string[];
      /** What the attempt printed (captured stdout, stderr, log), its head and tail. */
      printed?: string;
    }
  | { event: "item"; index: number };

/**
 * Lines of a plan run (--ft-plan): "item" is the entry's index in the plan, "run" the run's
 * index in the entry. "collected" names the entries collection did not find; "claim" says
 * this process took the entry (its claim file was still free), before the entry's first run.
 */
export type PlanEvent =
  | { event: "collected"; count: number; kept: number; target: null; missing: number[] }
  | { event: "claim"; item: number }
  | { event: "start"; item: number; run: number; attempt: number; seed: string | null }
  | {
      event: "end";
      item: number;
      run: number;
      attempt: number;
      outcome: "passed" | "failed" | "skipped";
      when: "setup" | "call" | "teardown";
      duration: number;
      message: string | null;
      withheld?: string[];
      printed?: string;
    };

/** One run of a plan entry: a phase's attempts of the test, in forked children (see _repeat). */
export interface PlanRun {
  attempts: number;
  /** Seed of each attempt (one seed: the same for all); empty: none applied in-process. */
  seeds: string[];
  /** Environment variables set to the attempt's seed before it runs. */
  seedEnv: string[];
  globalSeed: boolean;
  stopWhenMixed: boolean;
  /** An attempt that passes ends its child: the next one starts clean (see _repeat). */
  freshPasses?: boolean;
  /** When this file exists the run's remaining attempts are skipped (the parent has seen enough). */
  stopFile: string | null;
  /**
   * After a failed attempt of at least `ackAfter` seconds the plugin waits (up to
   * ACK_WAIT_SECONDS) until this file holds the number of attempts the parent has counted: the
   * parent may stop the run on it (timeouts in a row), and the next attempt would cost as long.
   */
  ackFile: string | null;
  ackAfter: number | null;
}

/** One entry of a plan file: one test and its runs, in order (see --ft-plan). */
export interface PlanEntry {
  id: string;
  runs: PlanRun[];
  /**
   * Created (O_EXCL) before the test runs; when it exists already, another process serving the
   * same tests has taken the test and this one skips it. Null: no other process has it.
   */
  claim: string | null;
  /** Wall-clock time (epoch seconds) after which the entry does not start (the time budget). */
  notAfter: number | null;
}

export const PYTEST_PLUGIN_SOURCE = String.raw`"""flaky-triage rerun plugin: repeat one test in-process, re-seeding before each attempt.

Written by flaky-triage into a private temp directory; loaded with -p flaky_triage_rerun.
Results go to --ft-results as JSON lines:
  {"event": "collected", ...}                       after collection
  {"event": "start", "attempt": i, "seed": s}       before attempt i
  {"event": "end", "attempt": i, "outcome": ...}    after attempt i
  {"event": "item", "index": k}                     before each predecessor (--ft-run-until)
With --ft-plan FILE (a JSON list of tests, each with runs of attempts) the start and end lines
also carry "item", the entry's index in the plan, and "run", the run's index in the entry; each
run's attempts run in forked children. A test whose claim file another process created first is
skipped; one this process takes is announced by {"event": "claim", "item": k}.
"""
import json
import os
import random
import re
import signal
import sys
import time
import warnings

import pytest
from _pytest.runner import runtestprotocol

MESSAGE_CHARS = 500
# How long a run waits for the parent to count a slow failed attempt (see _await_parent). The
# parent reads our lines every 50 ms; past this it is busy or gone, and we go on.
ACK_WAIT_SECONDS = 2.0
# What a child may write to its parent (where its attempts got to, outcomes and endings seen):
# less than a pipe's buffer, since the parent reads only after the child exited.
PIPE_BYTES = 16384
_STATE = "_flaky_triage_state"


def pytest_addoption(parser):
    group = parser.getgroup("flaky-triage", "flaky-triage reruns")
    group.addoption("--ft-repeat", type=int, default=0, metavar="N",
                    help="run the selected test N times in this process")
    group.addoption("--ft-results", default=None, metavar="FILE",
                    help="append one JSON line per attempt to FILE")
    group.addoption("--ft-seeds", default=None, metavar="A,B,C",
                    help="seed of each attempt (one seed: the same for all)")
    group.addoption("--ft-seeds-file", default=None, metavar="FILE",
                    help="--ft-seeds read from FILE: a list too long for one argument")
    group.addoption("--ft-seed-env", action="append", default=[], metavar="NAME",
                    help="set environment variable NAME to the attempt's seed (repeatable)")
    group.addoption("--ft-fresh", action="store_true", default=False,
                    help="the seeds are fresh ones, not CI's: hypothesis searches anew with them")
    group.addoption("--ft-global-seed", action="store_true", default=False,
                    help="seed random, numpy and torch global generators before each attempt")
    group.addoption("--ft-stop-when-mixed", action="store_true", default=False,
                    help="stop repeating once a pass and a failure were both seen")
    group.addoption("--ft-fresh-passes", action="store_true", default=False,
                    help="end the forked child after each attempt that passes, so the next starts clean")
    group.addoption("--ft-run-until", default=None, metavar="NODEID",
                    help="run collected tests up to and including NODEID; record only its outcome")
    group.addoption("--ft-plan", default=None, metavar="FILE",
                    help="JSON list of tests and their runs of attempts: run each test not "
                         "claimed by another process, in forked children of this process")


class _State(object):
    def __init__(self, config):
        opt = config.option
        self.repeat = max(0, opt.ft_repeat)
        seeds = opt.ft_seeds or ""
        if opt.ft_seeds_file:
            with open(opt.ft_seeds_file, "r", encoding="utf-8") as f:
                seeds = f.read().strip()
        self.seeds = [s for s in seeds.split(",") if s != ""]
        self.seed_env = list(opt.ft_seed_env)
        self.global_seed = opt.ft_global_seed
        self.fresh = opt.ft_fresh
        self.stop_when_mixed = opt.ft_stop_when_mixed
        self.fresh_passes = opt.ft_fresh_passes
        self.run_until = opt.ft_run_until
        self.invocation_dir = str(config.invocation_params.dir)
        self.target = None
        self.predecessors_run = 0
        self.plan = None
        if opt.ft_plan:
            with open(opt.ft_plan, "r", encoding="utf-8") as f:
                self.plan = json.load(f)
        self.entries = {}
        self.out = open(opt.ft_results, "a", encoding="utf-8") if opt.ft_results else None
        # The environment the test modules were imported under, and every seed given since: a
        # module global holding one of those seed values read it at import (see _refresh).
        self.env_at_import = dict(os.environ)
        self.applied = set()

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


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    opt = config.option
    if opt.ft_repeat or opt.ft_run_until or opt.ft_results or opt.ft_plan:
        # pytest-benchmark opens its storage (default ./.benchmarks, made in the project) in its
        # own pytest_configure, which runs after this one: point it into the rerun's directory.
        if opt.ft_results and hasattr(opt, "benchmark_storage"):
            opt.benchmark_storage = "file://" + os.path.join(os.path.dirname(os.path.abspath(opt.ft_results)), "benchmarks")
        # --lf or --ff from the project's addopts would select from the rerun's own, empty cache:
        # with --lfnf=none nothing runs (exit 5), and between processes it would pick what the
        # last attempt left. cacheprovider reads them in its own pytest_configure, after this one.
        if getattr(opt, "lf", False):
            opt.lf = False
        if getattr(opt, "failedfirst", False):
            opt.failedfirst = False
        setattr(config, _STATE, _State(config))


def pytest_sessionfinish(session, exitstatus):
    # hypothesis's pytest plugin imports hypothesis in its terminal summary, whether or not a
    # test used it: 1.1 s of a 1.9 s pytest run here, paid by every rerun process of a project
    # that has hypothesis installed. What it would report needs a test that imported hypothesis;
    # without one, it goes before the summary (the terminal reporter calls that after this hook).
    if getattr(session.config, _STATE, None) is None or "hypothesis" in sys.modules:
        return
    manager = session.config.pluginmanager
    plugin = manager.get_plugin("hypothesispytest")
    if plugin is not None:
        manager.unregister(plugin)


def pytest_unconfigure(config):
    state = getattr(config, _STATE, None)
    if state is not None and state.out is not None:
        state.out.close()
        state.out = None


def pytest_report_header(config):
    state = getattr(config, _STATE, None)
    if state is None:
        return None
    if state.plan is not None:
        return "flaky-triage: plan of %d test(s)" % len(state.plan)
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
    if state.plan is not None:
        _select_plan(state, config, items)
        return
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


def _selects(item, nodeid, invocation_dir):
    """The item a node id given on the command line stands for: the test itself, or (like
    --ft-repeat's first item) a parametrized instance or a method of the class it names."""
    if _same_test(item, nodeid, invocation_dir):
        return True
    rest = item.nodeid.split("::", 1)[1] if "::" in item.nodeid else ""
    rel = os.path.relpath(str(item.path), invocation_dir).replace(os.sep, "/")
    for name in (item.nodeid, rel + "::" + rest if rest else rel):
        if name.startswith(nodeid + "[") or name.startswith(nodeid + "::"):
            return True
    return False


def _select_plan(state, config, items):
    count = len(items)
    keep = []
    missing = []
    taken = set()
    for index, entry in enumerate(state.plan):
        found = None
        for item in items:
            if id(item) not in taken and _selects(item, entry["id"], state.invocation_dir):
                found = item
                break
        if found is None:
            missing.append(index)
            continue
        taken.add(id(found))
        state.entries[id(found)] = (index, entry)
        keep.append(found)
    _warm(keep)
    state.emit({"event": "collected", "count": count, "kept": len(keep), "target": None,
                "missing": missing})
    config.hook.pytest_deselected(items=[i for i in items if id(i) not in taken])
    items[:] = keep


def _warm(items):
    """Fills, once in the parent, caches each forked child would otherwise fill again for its
    first failure report: which file holds which module (inspect walks every module in
    sys.modules for that) and the test files' lines. Both are read-only lookups; no test code runs."""
    import inspect
    import linecache
    for item in items:
        code = getattr(getattr(item, "obj", None), "__code__", None)
        if code is None:
            continue
        try:
            inspect.getmodule(code, code.co_filename)
            linecache.getlines(code.co_filename)
        except Exception:
            pass


def _holds_seed(module, values):
    for v in vars(module).values():
        if (type(v) is str and v in values) or (type(v) is int and str(v) in values):
            return True
    return False


def _refresh(state, item, seed, names):
    """A test module that read its seed variable when it was imported (SEED = int(os.environ[
    "TEST_SEED"]) at module level) keeps that value, so a new seed in the environment would not
    reach it: when a module global holds a value a seed variable had (at import, or from an
    earlier attempt) and the new seed differs, the module is executed again (importlib.reload,
    in place, so the test functions see the new globals). Attempts run in forked children; a
    module whose code cannot run twice keeps its old values, as before."""
    module = getattr(item, "module", None)
    if module is None or not names:
        return
    known = set(state.env_at_import.get(n) or "" for n in names) | state.applied
    state.applied.add(seed)
    # Two characters at least: a one-digit seed would match any small constant.
    known = set(v for v in known if len(v) >= 2 and v != seed)
    if known and _holds_seed(module, known):
        try:
            import importlib
            importlib.reload(module)
        except Exception:
            pass


def _reseed(state, seed, seed_env=None, global_seed=None, item=None, fresh=False):
    if seed is None:
        return
    names = state.seed_env if seed_env is None else seed_env
    for name in names:
        os.environ[name] = seed
    if item is not None:
        _refresh(state, item, seed, names)
        # Whatever carries the seed (a variable, the global generators), hypothesis's search
        # reads none of it: a fresh attempt must reach it too, or it replays CI's search.
        _seed_hypothesis(item, _seed_int(seed), fresh)
    if state.global_seed if global_seed is None else global_seed:
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


def _seed_hypothesis(item, value, fresh):
    """A hypothesis test draws its examples from a generator of its own, which the global seed
    does not reach. Attempts of fresh seeds (verify's trials, the fresh-seed phase) give it the
    attempt's seed, as @hypothesis.seed would, and search without the example database: a failure
    saved by one attempt was replayed first by every later one, and a test failing for 17% of
    seeds read 96%. Other attempts run as CI's did: the test's own @seed, derandomize and database
    (CI's search never saw our seed; a failure it found is replayed from the database)."""
    fn = getattr(getattr(item, "obj", None), "__func__", getattr(item, "obj", None))
    if fn is None or not getattr(fn, "is_hypothesis_test", False):
        return
    try:
        saved = getattr(fn, "_ft_hypothesis_saved", None)
        if saved is None:
            saved = fn._ft_hypothesis_saved = (
                getattr(fn, "_hypothesis_internal_use_seed", _MISSING),
                getattr(fn, "_hypothesis_internal_use_settings", _MISSING),
            )
        if not fresh:
            for name, old in zip(("_hypothesis_internal_use_seed", "_hypothesis_internal_use_settings"), saved):
                if old is _MISSING:
                    if name in vars(fn):
                        delattr(fn, name)
                else:
                    setattr(fn, name, old)
            return
        import hypothesis
        parent = saved[1] if saved[1] is not _MISSING and saved[1] is not None else hypothesis.settings()
        # derandomize off too: hypothesis's "ci" profile, loaded whenever CI is set, turns it on
        # for every test, and a fresh seed must still vary the search.
        fn._hypothesis_internal_use_seed = value
        fn._hypothesis_internal_use_settings = hypothesis.settings(parent, database=None, derandomize=False)
    except Exception:
        pass


_MISSING = object()


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
    return _headline(text)[:MESSAGE_CHARS]


def _headline(text):
    """The first non-empty line; a line that only names the exception ("AssertionError:", as
    numpy's assert_allclose begins) takes the next one, and more while the text ends in a colon
    (at most three): the same one-line message the reader makes of a report's failure."""
    head = ""
    joined = 0
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        joined_text = line if not head else head + " " + line
        starts = re.match(r"^[A-Za-z_][\w.]*:$", joined_text) if not head else joined_text.endswith(":")
        if starts and joined < 3 and len(joined_text) < MESSAGE_CHARS:
            head = joined_text
            joined += 1
            continue
        return joined_text
    return head


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    state = getattr(item.config, _STATE, None)
    if state is None:
        return None
    if state.plan is not None:
        found = state.entries.get(id(item))
        if found is not None:
            _timeout_taken_over(item)
            _run_plan_entry(state, item, found[0], found[1])
        return True
    if state.run_until:
        if item is not state.target:
            state.emit({"event": "item", "index": state.predecessors_run})
            state.predecessors_run += 1
            return None
        _timeout_taken_over(item)
        return _run_attempts(state, item, 1)
    if state.repeat and item is state.target:
        _timeout_taken_over(item)
        return _run_attempts(state, item, state.repeat)
    return None


# pytest-timeout (unless func_only) arms its timer in a pytest_runtest_protocol hookwrapper,
# around the whole protocol: here, around every attempt of the test, or around the forks of a
# plan, where it would fire in the parent. A test with a 2 s timeout would hang on its second
# attempt and be killed as a crash. So the item's timer is cancelled when we take the protocol
# over, and set again around each attempt, through pytest-timeout's own hooks; the timeout then
# fails the attempt as it failed the CI run ("Failed: Timeout >2.0s").
def _timeout_settings(item):
    """pytest-timeout's settings for the item when its timer covers the whole protocol, else None."""
    module = item.config.pluginmanager.getplugin("timeout")
    settings_of = getattr(module, "_get_item_settings", None)
    hook = item.config.hook
    if settings_of is None or not hasattr(hook, "pytest_timeout_set_timer"):
        return None
    try:
        settings = settings_of(item)
    except Exception:
        return None
    if not settings.timeout or settings.timeout <= 0 or settings.func_only:
        return None  # func_only: its pytest_runtest_call wrapper times each attempt already
    return settings


def _timeout_taken_over(item):
    if _timeout_settings(item) is not None:
        item.config.hook.pytest_timeout_cancel_timer(item=item)


def _run_protocol(item):
    """One attempt of the test's whole protocol, timed by pytest-timeout as one run would be."""
    settings = _timeout_settings(item)
    if settings is None:
        return runtestprotocol(item, log=True, nextitem=None)
    item.config.hook.pytest_timeout_set_timer(item=item, settings=settings)
    try:
        return runtestprotocol(item, log=True, nextitem=None)
    finally:
        item.config.hook.pytest_timeout_cancel_timer(item=item)


def _run_attempts(state, item, attempts):
    def reseed(attempt):
        seed = state.seed_for(attempt)
        _restore_import_state()
        _reseed(state, seed, item=item, fresh=state.fresh)
        return seed

    run_attempt, emit_end = _attempt_lines(state, item, {}, reseed)
    _repeat([_Run(attempts, run_attempt, emit_end, state.stop_when_mixed,
                  fresh_passes=state.fresh_passes)])
    return True


def _attempt_lines(state, item, fields, reseed):
    """_repeat's run_attempt and emit_end: reseed(attempt) applies the attempt's seed and returns
    it; fields go into every start and end line (a plan's item and run)."""
    def run_attempt(attempt):
        seed = reseed(attempt)
        state.emit({"event": "start", **fields, "attempt": attempt, "seed": seed})
        _ATTEMPT_MISSING.clear()
        return _attempt_outcome(item)

    def emit_end(attempt, result):
        outcome, when, duration, message = result
        record = {"event": "end", **fields, "attempt": attempt, "outcome": outcome,
                  "when": when, "duration": round(duration, 6), "message": message}
        if _WITHHELD and outcome == "failed":
            missing = _missing_withheld(item)
            if missing:
                record["withheld"] = missing
        if _PRINTED[0]:
            record["printed"] = _PRINTED[0]
        state.emit(record)

    return run_attempt, emit_end


def _attempt_outcome(item):
    """Runs one attempt of the test's whole protocol: its outcome, phase, duration and message."""
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    _fresh_doctest_globals(item)
    _SUBTESTS[:] = []
    _LISTENING[0] = item.nodeid
    # pytest adds each phase's captured output and log to the item, and every report carries
    # all the item has: repeats of one item would carry every earlier attempt's too (memory and
    # time growing with the square of the attempts, and earlier attempts' seeds in this one's).
    if isinstance(getattr(item, "_report_sections", None), list):
        item._report_sections = []
    undo = _listen_to_writes()
    try:
        # nextitem=None tears everything down after each attempt, so every attempt builds its
        # fixtures (of every scope) afresh, as a new pytest run would.
        reports = _run_protocol(item)
    finally:
        _LISTENING[0] = None
        undo()
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    _PRINTED[0] = _printed(reports)
    # A failed subtest fails the attempt as it failed the CI run, though the test's own call
    # passes: its report comes first, as it came first in the run.
    return _summarise(_SUBTESTS[:1] + list(reports))


# What the attempt printed: a test that prints "use MXNET_TEST_SEED=N to reproduce" but draws N
# itself prints another N on every rerun, and the parent compares it with the seed CI printed
# (rerun/printed-seeds.ts). Reruns run with --capture=no, so what the test writes to sys.stdout
# and sys.stderr is noted on its way out (the streams' own write, patched on the instance: the
# stream stays the object the test may check); pytest's captured log (and output, should capture
# be on) is added from the reports. Of each, its head and tail and every line that says "seed"
# (up to a budget): a seed printed amid pages of output is still seen.
_PRINTED = [None]
PRINTED_END_CHARS = 2048
PRINTED_SEED_CHARS = 4096
PRINTED_LINE_CHARS = 1024
_SEED_WORD = re.compile(r"seed", re.IGNORECASE)


class _Printed(object):
    """Head, tail and the lines saying "seed" of a text written in pieces."""
    __slots__ = ("head", "tail", "tail_chars", "total", "seeds", "seed_chars", "line")

    def __init__(self):
        self.head = ""
        self.tail = []
        self.tail_chars = 0
        self.total = 0
        self.seeds = []
        self.seed_chars = 0
        self.line = ""

    def note(self, text):
        n = len(text)
        if len(self.head) < PRINTED_END_CHARS:
            self.head += text[:PRINTED_END_CHARS - len(self.head)]
        self.tail.append(text)
        self.tail_chars += n
        if self.tail_chars > 4 * PRINTED_END_CHARS:
            kept = "".join(self.tail)[-PRINTED_END_CHARS:]
            self.tail = [kept]
            self.tail_chars = len(kept)
        self.total += n
        if self.seed_chars >= PRINTED_SEED_CHARS:
            return
        line = self.line + text
        if "\n" not in text and len(line) <= PRINTED_LINE_CHARS:
            self.line = line
            return
        lines = line.split("\n")
        rest = lines.pop()
        for done in lines:
            self._seed_line(done)
        if len(rest) > PRINTED_LINE_CHARS:
            self._seed_line(rest)
            rest = ""
        self.line = rest

    def _seed_line(self, line):
        if self.seed_chars < PRINTED_SEED_CHARS and _SEED_WORD.search(line):
            kept = line[:PRINTED_SEED_CHARS - self.seed_chars]
            self.seeds.append(kept)
            self.seed_chars += len(kept) + 1

    def text(self):
        if self.line:
            self._seed_line(self.line)
            self.line = ""
        if self.total <= len(self.head):
            ends = self.head
        elif self.total <= 2 * PRINTED_END_CHARS:
            ends = self.head + "".join(self.tail)[len(self.head) - self.total:]
        else:
            ends = self.head + "\n" + "".join(self.tail)[-PRINTED_END_CHARS:]
        return "\n".join([ends] + self.seeds) if self.seeds else ends


_WRITTEN = [_Printed()]


def _listen_to_writes():
    """Notes what is written to sys.stdout and sys.stderr from now on; returns the undo."""
    written = _WRITTEN[0] = _Printed()
    patched = []
    for stream in (sys.stdout, sys.stderr):
        if any(stream is p for p in patched):
            continue
        original = getattr(stream, "write", None)
        if original is None:
            continue

        def write(text, _original=original):
            if isinstance(text, str) and text:
                try:
                    written.note(text)
                except Exception:
                    pass
            return _original(text)
        try:
            stream.write = write
        except Exception:
            continue
        patched.append(stream)

    def undo():
        for stream in patched:
            try:
                del stream.write
            except Exception:
                pass
    return undo


def _printed(reports):
    last = reports[-1] if reports else None
    parts = [_WRITTEN[0].text()]
    for name in ("capstdout", "capstderr", "caplog"):
        try:
            text = getattr(last, name, "")
        except Exception:
            text = ""
        if isinstance(text, str) and text:
            captured = _Printed()
            captured.note(text)
            parts.append(captured.text())
    text = "\n".join(p for p in parts if p)
    return text or None


def _fresh_doctest_globals(item):
    """A doctest's runner clears its globals after each run (doctest's clear_globs): a repeat in
    the same process would fail with a NameError. Each attempt gets the globals the first had."""
    globs = getattr(getattr(item, "dtest", None), "globs", None)
    if not isinstance(globs, dict):
        return
    saved = getattr(item, "_ft_doctest_globals", None)
    if saved is None:
        item._ft_doctest_globals = dict(globs)
    else:
        globs.clear()
        globs.update(saved)


# Subtests (unittest's subTest, pytest 9's subtests fixture, pytest-subtests) are reported one
# report each, logged while the test's call runs, and not among the reports runtestprotocol
# returns, whose call passes when only subtests failed ("1 failed, 1 passed"; the JUnit report
# marks the test failed). The first failed one of the attempt being run is kept here.
_SUBTESTS = []
_LISTENING = [None]

# Credential-like variables CI had and reruns withhold (FLAKY_TRIAGE_WITHHELD: names only).
# A test that reads one and finds it missing fails every rerun for want of it, whatever its
# failure in CI was; often without naming it (os.environ.get gives None, a client then says
# "no password supplied"). Such reads are noted: during an attempt, for the attempt; outside
# one (a module importing its settings), with the files on the stack, for the tests of those
# files. The parent does not count those failures (withheld.ts).
_WITHHELD = frozenset(n for n in os.environ.get("FLAKY_TRIAGE_WITHHELD", "").split(",") if n)
_ATTEMPT_MISSING = set()
_IMPORT_MISSING = []


def _watch_withheld():
    original = os._Environ.__getitem__

    def __getitem__(self, key):
        try:
            return original(self, key)
        except KeyError:
            # get, in, getenv and [] all come here; only a name that is missing now counts (a
            # test may set it itself).
            if self is os.environ and key in _WITHHELD:
                if _LISTENING[0] is not None:
                    _ATTEMPT_MISSING.add(key)
                elif len(_IMPORT_MISSING) < 1000:
                    files = set()
                    frame = sys._getframe(1)
                    while frame is not None:
                        files.add(os.path.normcase(os.path.abspath(frame.f_code.co_filename)))
                        frame = frame.f_back
                    _IMPORT_MISSING.append((key, files))
            raise

    os._Environ.__getitem__ = __getitem__


if _WITHHELD:
    _watch_withheld()


def _missing_withheld(item):
    """The withheld variables the attempt just run read and found missing, sorted."""
    names = set(_ATTEMPT_MISSING)
    path = os.path.normcase(os.path.abspath(str(getattr(item, "path", "") or getattr(item, "fspath", ""))))
    where = os.path.dirname(path) + os.sep
    for key, files in _IMPORT_MISSING:
        # Read while the test's module was imported, or a conftest.py that applies to it.
        if path in files or any(os.path.basename(f) == "conftest.py" and where.startswith(os.path.dirname(f) + os.sep) for f in files):
            names.add(key)
    return sorted(names)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report):
    if (_LISTENING[0] is not None and report.nodeid == _LISTENING[0] and report.failed
            and report.when == "call" and getattr(report, "context", None) is not None and not _SUBTESTS):
        _SUBTESTS.append(report)


def _run_plan_entry(state, item, index, entry):
    not_after = entry.get("notAfter")
    if not_after is not None and time.time() > not_after:
        return  # the time budget ran out: a test that has not started does not start
    if not _claim(entry.get("claim")):
        return  # another process serving these tests has it
    state.emit({"event": "claim", "item": index})
    runs = [_plan_run(state, item, index, run_index, run)
            for run_index, run in enumerate(entry.get("runs") or [])
            if int(run.get("attempts", 0)) > 0]
    _repeat(runs)


def _claim(path):
    """Several processes may serve the same plan: the first to create the test's claim file
    runs it, so a process that is done with its test takes the next one nobody has taken."""
    if not path:
        return True
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError:
        return False
    return True


def _plan_run(state, item, index, run_index, run):
    """Run run_index of a plan entry, as _repeat serves it."""
    seeds = [s for s in run.get("seeds") or [] if s != ""]
    seed_env = list(run.get("seedEnv") or [])
    global_seed = bool(run.get("globalSeed"))

    def reseed(attempt):
        seed = seeds[min(attempt, len(seeds) - 1)] if seeds else None
        _restore_import_state()
        _reseed(state, seed, seed_env, global_seed, item, fresh=bool(run.get("fresh")))
        return seed

    run_attempt, emit_end = _attempt_lines(state, item, {"item": index, "run": run_index}, reseed)
    return _Run(max(0, int(run.get("attempts", 0))), run_attempt, emit_end,
                bool(run.get("stopWhenMixed")), run.get("stopFile"), run.get("ackAfter"),
                lambda counted: _await_parent(run, counted), bool(run.get("freshPasses")))


class _Run(object):
    """A test's run of attempts as _repeat serves it: run_attempt(k) applies attempt k's seed,
    emits its start and runs it; emit_end(k, result) emits its end."""

    def __init__(self, attempts, run_attempt, emit_end, stop_when_mixed, stop_file=None,
                 ack_after=None, ack=None, fresh_passes=False):
        self.attempts = attempts
        self.run_attempt = run_attempt
        self.emit_end = emit_end
        self.stop_when_mixed = stop_when_mixed
        self.stop_file = stop_file
        self.ack_after = ack_after
        self.ack = ack
        self.fresh_passes = fresh_passes

    def over(self, attempt):
        """Whether the run has no attempt left from attempt on (all run, or stopped by us)."""
        return attempt >= self.attempts or bool(self.stop_file and os.path.exists(self.stop_file))


# Why forked children, and why a new one when an attempt ends in a way no clean attempt did:
# the tests of one plan share this process's imports and collection (the cost we save), but an
# attempt must not see what an earlier attempt, or an earlier test, left behind in module
# state, os.environ or the global generators. A test that registers a name in a module-level
# registry passes alone and fails when it runs a second time in the same process: repeated in
# one process it would read as intermittent, while it is order dependent (the order check finds
# that); one that fails after changing such state would fail every repeat, and read as
# deterministic, while half its fresh processes pass. A child per attempt rules both out, but
# costs some 10 ms an attempt (copy-on-write faults: Python's reference counts write to every
# object an attempt touches), as much as a quick test itself. So the first attempt of each child,
# which starts from the state right after collection as a fresh pytest process would, is clean,
# and how it ended (outcome, phase, and message with numbers masked) is known to be a way the
# test ends in a fresh process. A repeat in the same child that ends one of the ways a clean
# attempt of this run ended says nothing a fresh process would not; one that ends otherwise
# ("already registered") is not reported, and runs again as the first attempt of a new child,
# whose result counts. With fresh_passes (triage's reruns; not verify's thousands of trials) an
# attempt that passes is counted and ends its child: a pass can leave state that makes the next
# attempt pass (a client that connected once is cached), and passes are what "not reproduced"
# rests on. Counted, not run again: a pass run again in a new child while a failure stood
# counted a coin-flip test's repeats as failing three times in four (a review's 30 triages with
# 5 reruns read it deterministic 5 times). The endings a clean attempt showed hold for the test,
# not for one run: its fresh-seed run goes on in the child of its same-seed run, and a fresh
# seed's failure that reads as the recorded seed's (numbers masked) counts there; one that ends
# otherwise runs again as the first attempt of a new child, as any repeat does. So a
# deterministic failure takes one child for all its runs (a child cost a fork and the imports
# the test does in it, ~60 ms with numpy.random, more than ten of its attempts); passes take a
# child each.
# A child that dies takes the parent with it, the same way (signal or exit code): the engine
# then sees exactly what it sees when a one-test process dies, and restarts the rest.
def _repeat(runs):
    """Runs each of a test's runs (_Run) in turn, in as few forked children as may serve them."""
    seen = {}
    clean = set()
    run, attempt = _next_attempt(runs, 0, 0)
    while run < len(runs):
        first = (run, attempt)
        served = _isolated(lambda note: _serve(runs, first, seen, clean, note))
        run, attempt, done = int(served[0]), int(served[1]), served[2] == "done"
        for w in served[3:]:
            if w.startswith("o:"):
                k, _, outcome = w[2:].partition(":")
                seen.setdefault(int(k), set()).add(outcome)
            elif w.startswith("c:"):
                clean.add(w[2:])
        if done:
            return
        run, attempt = _next_attempt(runs, run, attempt)


def _next_attempt(runs, run, attempt):
    """The first attempt still to run from (run, attempt) on: (len(runs), 0) when none is."""
    while run < len(runs) and runs[run].over(attempt):
        run, attempt = run + 1, 0
    return run, attempt


def _serve(runs, first, seen, clean, note):
    """Attempts from first (run, attempt) on, while each ends one of the ways a clean attempt of
    the test did (see above), going on from one run to the next: the endings are masked of
    numbers, so a fresh seed's failure that reads as the recorded seed's is one a fresh process
    shows too. Returns [run, attempt to go on from, "done" or "again", "o:run:outcome" seen...,
    "c:" clean endings...]. Before each repeat, note() is given what to return should the repeat
    kill the child: a repeat that crashes is no more a clean result than one that fails otherwise."""
    seen = dict((k, set(v)) for k, v in seen.items())
    clean = set(clean)
    isolated = getattr(os, "fork", None) is not None
    run, attempt = first
    state = "done"
    repeat = False

    def words(state):
        return ([str(run), str(attempt), state]
                + ["o:%d:%s" % (k, o) for k in sorted(seen) for o in sorted(seen[k])]
                + ["c:" + c for c in sorted(clean)])

    while True:
        run, attempt = _next_attempt(runs, run, attempt)
        if run >= len(runs):
            break
        spec = runs[run]
        note(words("again") if repeat else None)
        result = spec.run_attempt(attempt)
        note(None)
        outcome, when, duration, message = result
        ending = _ending(outcome, when, message)
        passed_fresh = isolated and spec.fresh_passes and outcome == "passed"
        if not repeat:
            clean.add(ending)
        elif isolated and ending not in clean and not passed_fresh:
            state = "again"
            break
        repeat = True
        spec.emit_end(attempt, result)
        outcomes = seen.setdefault(run, set())
        outcomes.add(outcome)
        attempt += 1
        if spec.stop_when_mixed and "passed" in outcomes and "failed" in outcomes:
            run, attempt = run + 1, 0
            continue
        if outcome == "failed" and spec.ack_after is not None and duration >= spec.ack_after and spec.ack:
            spec.ack(attempt)
        if passed_fresh:
            # The next attempt starts from the state right after collection, in a new child.
            state = "again"
            break
    return words(state)


def _ending(outcome, when, message):
    """How an attempt ended, as one word: a digest of its outcome, phase and masked message."""
    import hashlib
    text = "%s %s %s" % (outcome, when, _masked(message))
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


def _masked(message):
    """A message with what may change between attempts that fail the same way masked: paths
    (temporary directories), UUIDs (whole: a group of one may hold no digit), hexadecimal runs
    (addresses, hashes) and numbers (values, seeds, times)."""
    text = re.sub(r"[^\s'\"]*/[^\s'\"]*", "/", message or "")
    text = re.sub(r"[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}", "#", text)
    return re.sub(r"(?:0x)?[0-9a-fA-F]*\d[0-9a-fA-F]*", "#", text)


def _fresh_entropy():
    """A forked child inherits its parent's generator states, so every child drew the same
    "random" inputs (ten reruns of an unseeded test tried one input ten times), where each fresh
    pytest process draws its own: numpy seeds its global generator from the OS (CPython reseeds
    random's in every child itself). So do we, in each child, unless the project seeded it while
    it was imported (np.random.seed(0) in a conftest or test module): a fresh process would have
    that state again, and so has the child. An attempt given a seed sets it after this."""
    # Not imported yet: it seeds itself when the child imports it (and importing it here would
    # change what the test sees in sys.modules).
    random_module = sys.modules.get("numpy.random")
    _IMPORT_STATE[0] = None
    if random_module is None:
        return
    try:
        if not _NUMPY_SEEDED[0]:
            random_module.seed()
        elif _SEEN_SEED[0]:
            # Seeded as the project was imported: every attempt starts from that state, as each
            # fresh process would; a repeat in this child would draw on from the last one's.
            _IMPORT_STATE[0] = random_module.get_state()
    except Exception:
        pass


def _restore_import_state():
    """Before each attempt in a child: numpy's global generator back to the state the project's
    seed at import left (see _fresh_entropy); nothing when it was not seeded so."""
    state = _IMPORT_STATE[0]
    random_module = sys.modules.get("numpy.random")
    if state is None or random_module is None:
        return
    try:
        random_module.set_state(state)
    except Exception:
        pass


# The state to start each attempt of this child from (numpy's, seeded at import), or None.
_IMPORT_STATE = [None]
# Whether a np.random.seed(N) call was seen (not only numpy.random imported before the plugin).
_SEEN_SEED = [False]


# Whether numpy's global generator may have been given a seed in this process: a call of
# np.random.seed(N) seen, or numpy.random imported before this plugin (another plugin, a
# sitecustomize), when a seed it was given could not be seen.
_NUMPY_SEEDED = [False]


def _watch_numpy_seed():
    """Wraps numpy.random.seed to note a seed given to it, now if numpy.random is imported, else
    as soon as it is (a finder first on sys.meta_path, gone once it has done so). The plugin is
    imported before the project's conftest and test modules, which is where seeds are given."""
    def wrap(module):
        seed = getattr(module, "seed", None)
        if seed is None or getattr(seed, "_ft_watched", False):
            return

        def watched(*args, **kwargs):
            if (args and args[0] is not None) or kwargs.get("seed") is not None:
                _NUMPY_SEEDED[0] = True
                _SEEN_SEED[0] = True
            return seed(*args, **kwargs)
        watched._ft_watched = True
        try:
            module.seed = watched
        except Exception:
            pass

    if "numpy.random" in sys.modules:
        _NUMPY_SEEDED[0] = True
        return

    class Finder(object):
        def find_spec(self, name, path=None, target=None):
            if name != "numpy.random":
                return None
            try:
                sys.meta_path.remove(self)
            except ValueError:
                pass
            try:
                import importlib.util
                spec = importlib.util.find_spec(name)
                load = spec.loader.exec_module

                def exec_module(module):
                    load(module)
                    wrap(module)
                spec.loader.exec_module = exec_module
                return spec
            except Exception:
                return None

    sys.meta_path.insert(0, Finder())


_watch_numpy_seed()


def _isolated(serve):
    """Runs serve(note) (which returns a list of words) in a forked child, whose words come back
    through a pipe; here, where there is no fork. What the child last gave note() (words, or
    None) is what the parent goes on with should the child die: a file, since a dead child
    writes nothing more."""
    if getattr(os, "fork", None) is None:
        return serve(lambda words: None)
    import tempfile
    notes = tempfile.TemporaryFile()

    def note(words):
        data = b"" if words is None else " ".join(words).encode("ascii", "ignore")
        os.ftruncate(notes.fileno(), 0)
        if data:
            os.pwrite(notes.fileno(), data, 0)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass
    # The child writes its words here when it got through its attempts: a test that calls
    # os._exit(0) also exits 0, and must count as the crash it is.
    done_r, done_w = os.pipe()
    with warnings.catch_warnings():
        # Python 3.12 warns about forking a process with threads; -W error must not stop us.
        warnings.simplefilter("ignore")
        pid = os.fork()
    if pid == 0:
        os.close(done_r)
        code = 0
        try:
            _fresh_entropy()
            words = serve(note)
            words.append("|")
            # Within the pipe's buffer: the parent reads only once we have exited.
            os.write(done_w, " ".join(words).encode("ascii", "ignore")[:PIPE_BYTES])
        except BaseException as e:
            code = getattr(e, "returncode", None) or 2
        finally:
            for stream in (sys.stdout, sys.stderr):
                try:
                    stream.flush()
                except Exception:
                    pass
            os._exit(code if isinstance(code, int) else 2)
    os.close(done_w)
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
    # Non-blocking: a grandchild the test forked may still hold the write end open.
    os.set_blocking(done_r, False)
    try:
        words = os.read(done_r, PIPE_BYTES).decode("ascii", "replace").split()
    except OSError:
        words = []
    os.close(done_r)
    try:
        noted = os.pread(notes.fileno(), PIPE_BYTES, 0).decode("ascii", "replace").split()
    except OSError:
        noted = []
    notes.close()
    if "|" in words and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return words[:words.index("|")]
    if noted:
        # Died in a repeat: that attempt runs again as the first of a new child.
        return noted
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        try:
            import faulthandler
            faulthandler.disable()
            signal.signal(sig, signal.SIG_DFL)
        except Exception:
            pass
        os.kill(os.getpid(), sig)
        os._exit(128 + sig)
    os._exit(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 1)


def _await_parent(run, counted):
    """Waits until the parent has counted this many attempts of the run, or stopped it."""
    ack_file = run.get("ackFile")
    stop_file = run.get("stopFile")
    if not ack_file:
        return
    until = time.time() + ACK_WAIT_SECONDS
    while time.time() < until:
        if stop_file and os.path.exists(stop_file):
            return
        try:
            with open(ack_file, "r", encoding="utf-8") as f:
                if int(f.read().strip() or "0") >= counted:
                    return
        except (OSError, ValueError):
            pass
        time.sleep(0.01)
`;
