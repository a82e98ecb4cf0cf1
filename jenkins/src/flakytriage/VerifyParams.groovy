package flakytriage

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonSlurperClassic

/**
 * The flakyTriageVerify step's parameters, validated with their defaults in one place and
 * turned into the CLI's argv (`verify ...` or `merge ...`), and the verify report reduced to the
 * plain Map the step returns. @NonCPS data work only, like StepParams and ReportView.
 */
class VerifyParams implements Serializable {
    static final List<String> KNOWN = [
        'tests', 'merge', 'trials', 'shard', 'baseSeed', 'workingDirectory', 'jobs', 'rerunTimeout', 'seedEnv',
        'seedArg', 'seedPatterns', 'rerunCommand', 'stopOnFailure', 'failOn', 'archive', 'nodejs', 'quiet', 'runner',
    ]
    static final List<String> FAIL_ON = ['any', 'unstable', 'never']

    /**
     * Returns [problem: 'one sentence'] or the settings: mode ('verify' or 'merge'), tests or
     * merge (List<String>), trials/jobs/rerunTimeout as Strings or null, shard, baseSeed,
     * workingDirectory, seedEnv (List<String>), seedArg, seedPatterns, rerunCommand,
     * stopOnFailure, failOn, archive, nodejs, quiet. `buildTag` keys a sharded run's seeds
     * when no baseSeed is given (the same in every branch of one build).
     */
    @NonCPS
    static Map normalise(Map params, String buildTag) {
        Map p = params == null ? [:] : params
        for (Object key : p.keySet()) {
            if (!KNOWN.contains(String.valueOf(key))) {
                return [problem: 'flakyTriageVerify: unknown parameter \'' + key + '\'. Known parameters: ' + KNOWN.join(', ') + '.']
            }
        }
        Map s = [:]
        for (String name : ['tests', 'merge', 'seedEnv', 'seedPatterns']) {
            Object v = p.get(name)
            List<String> list = []
            if (v instanceof CharSequence) {
                list = name == 'seedPatterns' ? [v.toString()] : lines(v.toString())
            } else if (v instanceof Collection) {
                for (Object x : (Collection) v) {
                    if (!(x instanceof CharSequence)) return [problem: 'flakyTriageVerify: ' + name + ' must hold strings; got ' + typeName(x) + '.']
                    if (x.toString().trim()) list.add(name == 'seedPatterns' ? x.toString() : x.toString().trim())
                }
            } else if (v != null) {
                return [problem: 'flakyTriageVerify: ' + name + ' must be a list of strings or a newline-separated string; got ' + typeName(v) + '.']
            }
            s.put(name, list)
        }
        if (((List) s.tests).isEmpty() == ((List) s.merge).isEmpty()) {
            return [problem: 'flakyTriageVerify: give either tests (the test ids to verify) or merge (the shards\' JSON reports to combine), ' +
                'e.g. tests: [\'tests/test_ops.py::test_dot\'].']
        }
        s.mode = ((List) s.merge).isEmpty() ? 'verify' : 'merge'

        for (String name : ['shard', 'baseSeed', 'workingDirectory', 'seedArg', 'rerunCommand', 'nodejs']) {
            Object v = p.get(name)
            if (v != null && !(v instanceof CharSequence)) return [problem: 'flakyTriageVerify: ' + name + ' must be a string; got ' + typeName(v) + '.']
            String str = v == null ? null : v.toString().trim()
            s.put(name, str ? str : null)
        }
        String runnerProblem = StepParams.checkRunner('flakyTriageVerify', p.runner)
        if (runnerProblem) return [problem: runnerProblem]
        s.runner = p.runner == null || p.runner.toString().trim() == '' ? null : p.runner.toString().trim()
        if (s.shard && !((String) s.shard ==~ /\d+\/\d+/)) {
            return [problem: 'flakyTriageVerify: shard must be K/N (e.g. \'2/4\'); got \'' + s.shard + '\'.']
        }
        if (s.shard) {
            String[] kn = ((String) s.shard).split('/')
            int k = Integer.parseInt(kn[0]), n = Integer.parseInt(kn[1])
            if (k < 1 || k > n) return [problem: 'flakyTriageVerify: shard must be K/N with 1 <= K <= N; got \'' + s.shard + '\'.']
            if (!s.baseSeed) {
                if (!buildTag) return [problem: 'flakyTriageVerify: shard needs baseSeed (the same in every branch), e.g. baseSeed: env.BUILD_TAG.']
                // The CLI takes up to 64 printable characters; the tail keeps the build number.
                String tag = buildTag.replaceAll(/[^\x21-\x7e]/, '_')
                s.baseSeed = tag.length() > 64 ? tag.substring(tag.length() - 64) : tag
            }
        }

        for (String name : ['trials', 'jobs']) {
            Object v = p.get(name)
            if (v == null) { s.put(name, null); continue }
            String str = v.toString().trim()
            if (!(v instanceof Number || v instanceof CharSequence) || !(str ==~ /\d+/) || (str as BigInteger) < 1) {
                return [problem: 'flakyTriageVerify: ' + name + ' must be a whole number >= 1; got \'' + v + '\'.']
            }
            s.put(name, str)
        }
        Object t = p.rerunTimeout
        if (t != null) {
            String str = t instanceof BigDecimal ? ((BigDecimal) t).toPlainString() : t.toString().trim()
            if (!(t instanceof Number || t instanceof CharSequence) || !(str ==~ /\d+(\.\d+)?/) || (str as BigDecimal) <= 0) {
                return [problem: 'flakyTriageVerify: rerunTimeout must be a number of seconds > 0; got \'' + t + '\'.']
            }
            s.rerunTimeout = str
        } else {
            s.rerunTimeout = null
        }

        Object failOn = p.failOn == null ? 'any' : p.failOn
        if (!(failOn instanceof CharSequence) || !FAIL_ON.contains(failOn.toString())) {
            return [problem: 'flakyTriageVerify: failOn must be one of ' + FAIL_ON.join(', ') + '; got \'' + failOn + '\'.']
        }
        s.failOn = failOn.toString()
        Map<String, Boolean> bools = [stopOnFailure: false, archive: true, quiet: false]
        for (Map.Entry<String, Boolean> e : bools.entrySet()) {
            Object v = p.get(e.key)
            if (v == null) { s.put(e.key, e.value); continue }
            if (v instanceof Boolean) { s.put(e.key, v); continue }
            String str = v.toString().trim()
            if (str == 'true' || str == 'false') { s.put(e.key, str == 'true'); continue }
            return [problem: 'flakyTriageVerify: ' + e.key + ' must be true or false; got \'' + v + '\'.']
        }
        return s
    }

    /** Where the report goes: shards get distinct names so their stashes and artifacts can meet. */
    @NonCPS
    static String reportBase(Map s) {
        if (s.mode == 'merge') return '.flaky-triage/verify-merged'
        if (s.shard) return '.flaky-triage/verify-shard-' + ((String) s.shard).replace('/', '-of-')
        return '.flaky-triage/verify'
    }

    /** The CLI's arguments (after `SUBCOMMAND --args-json FILE`). */
    @NonCPS
    static List<String> argv(Map s, List<String> mergeFiles, String base, String jsonPath, String markdownPath) {
        List<String> a = ['--json', jsonPath, '--markdown', markdownPath]
        if (s.mode == 'merge') {
            if (s.quiet) a.add('--quiet')
            for (String f : mergeFiles) a.add(StepParams.absolute(base, f))
            return a
        }
        if (s.workingDirectory) a.addAll(['--cwd', StepParams.absolute(base, (String) s.workingDirectory)])
        if (s.trials) a.addAll(['--trials', (String) s.trials])
        if (s.jobs) a.addAll(['--jobs', (String) s.jobs])
        if (s.rerunTimeout) a.addAll(['--rerun-timeout', (String) s.rerunTimeout])
        if (s.shard) a.addAll(['--shard', (String) s.shard])
        if (s.baseSeed) a.addAll(['--base-seed', (String) s.baseSeed])
        for (String name : (List<String>) s.seedEnv) a.addAll(['--seed-env', name])
        if (s.seedArg) a.addAll(['--seed-arg', (String) s.seedArg])
        for (String pat : (List<String>) s.seedPatterns) a.addAll(['--seed-pattern', pat])
        if (s.rerunCommand) a.addAll(['--rerun-command', (String) s.rerunCommand])
        if (s.runner) a.addAll(['--runner', (String) s.runner])
        if (s.stopOnFailure) a.add('--stop-on-failure')
        if (s.quiet) a.add('--quiet')
        // Ids after "--": an id that starts with '-' is still an id, not a flag.
        a.add('--')
        a.addAll((List<String>) s.tests)
        return a
    }

    /**
     * The verify report as the Map the step returns: failedTrials, trials, tests (one plain Map
     * each), baseSeed, shard; or [problem: ...] when it is not a verify report.
     */
    @NonCPS
    static Map read(String jsonText) {
        Object parsed = new JsonSlurperClassic().parseText(jsonText)
        if (!(parsed instanceof Map) || ((Map) parsed).mode != 'verify' || !(((Map) parsed).tests instanceof List)) {
            return [problem: 'it is not a verify report; is the bundled CLI the same version as the library?']
        }
        Map r = (Map) parsed
        List<Map> tests = []
        int failedTrials = 0
        int trials = 0
        int failing = 0
        int failedTests = 0
        for (Object o : (List) r.tests) {
            if (!(o instanceof Map)) continue
            Map t = (Map) o
            int bad = count(t.failed) + count(t.timedOut) + count(t.crashed)
            failedTrials += bad
            trials += count(t.trials)
            // As the CLI's exit status: a failed trial, or trials asked for and none that counts
            // (a shard given no seeds, when there are more shards than trials, fails nothing).
            if (bad > 0 || (count(t.requested) > 0 && count(t.trials) == count(t.skipped))) failing++
            if (bad > 0) failedTests++
            List<String> seeds = []
            if (t.failingSeeds instanceof List) for (Object x : (List) t.failingSeeds) seeds.add(String.valueOf(x))
            tests.add([
                id          : str(t.id),
                trials      : count(t.trials),
                passed      : count(t.passed),
                failed      : count(t.failed),
                timedOut    : count(t.timedOut),
                crashed     : count(t.crashed),
                skipped     : count(t.skipped),
                failureRate : t.failureRate instanceof Number ? ((Number) t.failureRate).doubleValue() : null,
                upperBound95: t.upperBound95 instanceof Number ? ((Number) t.upperBound95).doubleValue() : null,
                failingSeeds: seeds,
                reproduce   : str(t.reproduce),
                note        : str(t.note),
            ])
        }
        Map seeds = r.seeds instanceof Map ? (Map) r.seeds : [:]
        Map shard = r.shard instanceof Map ? (Map) r.shard : null
        return [result: [
            failedTrials: failedTrials,
            trials      : trials,
            failingTests: failing,
            failedTests : failedTests,
            baseSeed    : str(seeds.baseSeed),
            shard       : shard == null ? null : count(shard.index) + '/' + count(shard.count),
            tests       : tests,
        ]]
    }

    /**
     * Why the run fails, worded as the Action's error (failureSentence in src/verify/report.ts):
     * tests that failed trials apart from tests with no trial that counts. Numbers only.
     */
    @NonCPS
    static String failureSentence(Map r) {
        List<String> parts = []
        int failed = (int) r.failedTests
        int unverified = (int) r.failingTests - failed
        if (failed > 0) parts.add(failed + ' test(s) failed ' + r.failedTrials + ' of ' + r.trials + ' trial(s)')
        if (unverified > 0) parts.add(unverified + ' test(s) had no trial that counts (every trial skipped itself, or the test could not run)')
        return parts.join('; ')
    }

    /** One line, numbers only: safe for currentBuild.description. */
    @NonCPS
    static String tally(Map r) {
        return 'flaky-triage verify' + (r.shard ? ' (shard ' + r.shard + ')' : '') + ': ' + r.failedTrials +
            ' failed of ' + r.trials + ' trials in ' + ((List) r.tests).size() + ' test(s)'
    }

    @NonCPS
    private static List<String> lines(String text) {
        List<String> out = []
        for (String line : text.split('\r?\n')) {
            String t = line.trim()
            if (t) out.add(t)
        }
        return out
    }

    @NonCPS
    private static int count(Object v) {
        return v instanceof Number ? ((Number) v).intValue() : 0
    }

    @NonCPS
    private static String str(Object v) {
        return v == null ? null : String.valueOf(v)
    }

    @NonCPS
    private static String typeName(Object v) {
        return v == null ? 'null' : v.getClass().getSimpleName()
    }
}
