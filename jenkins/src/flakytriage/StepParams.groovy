package flakytriage

import com.cloudbees.groovy.cps.NonCPS

/**
 * The flakyTriage step's parameters: validated and given their defaults in one place, then
 * turned into the CLI's argv. Everything here is pure data work, so it is @NonCPS (no steps)
 * and returns only Strings, Lists and Maps, which CPS can keep across restarts.
 */
class StepParams implements Serializable {
    static final List<String> KNOWN = [
        'reports', 'workingDirectory', 'reruns', 'freshSeeds', 'rerunTimeout', 'jobs', 'timeBudget',
        'seedPatterns', 'rerunCommand', 'maxFailures', 'rerun', 'failOn', 'publishChecks', 'archive',
        'nodejs', 'quiet', 'runner',
    ]
    static final List<String> FAIL_ON = ['deterministic', 'any', 'never']
    /** The CLI's built-in rerun drivers (`--runner`); a test checks this list against the CLI's. */
    static final List<String> RUNNERS = ['pytest', 'vitest', 'jest', 'go']

    /** Whole numbers: counts. */
    private static final Map<String, String> COUNT_FLAGS = [
        reruns: '--reruns', freshSeeds: '--fresh-seeds', jobs: '--jobs', maxFailures: '--max-failures',
    ]
    /** Seconds: fractions are allowed (the CLI takes them). */
    private static final Map<String, String> SECONDS_FLAGS = [
        rerunTimeout: '--rerun-timeout', timeBudget: '--time-budget',
    ]

    /**
     * Returns [problem: 'one sentence'] when the parameters are unusable, else the settings map:
     * reports (List<String>, not yet glob-expanded), workingDirectory, numbers as Strings,
     * seedPatterns (List<String>), rerunCommand, rerun, failOn, publishChecks (null = when the
     * plugin is present), archive, nodejs, quiet.
     */
    @NonCPS
    static Map normalise(Map params) {
        Map p = params == null ? [:] : params
        for (Object key : p.keySet()) {
            String k = String.valueOf(key)
            if (!KNOWN.contains(k)) {
                return [problem: 'flakyTriage: unknown parameter \'' + k + '\'. Known parameters: ' + KNOWN.join(', ') + '.']
            }
        }
        Map s = [:]

        Object reports = p.reports
        List<String> list = []
        if (reports instanceof CharSequence) {
            list = lines(reports.toString())
        } else if (reports instanceof Collection) {
            for (Object r : (Collection) reports) {
                if (!(r instanceof CharSequence)) {
                    return [problem: 'flakyTriage: reports must hold file paths or patterns (strings); got ' + typeName(r) + '.']
                }
                list.addAll(lines(r.toString()))
            }
        } else if (reports != null) {
            return [problem: 'flakyTriage: reports must be a list of paths or a newline-separated string; got ' + typeName(reports) + '.']
        }
        if (list.isEmpty()) {
            return [problem: 'flakyTriage: reports is required: name the JUnit XML or pytest/unittest log files, e.g. reports: [\'reports/junit.xml\'].']
        }
        s.reports = list

        for (String name : ['workingDirectory', 'rerunCommand', 'nodejs']) {
            Object v = p.get(name)
            if (v != null && !(v instanceof CharSequence)) {
                return [problem: 'flakyTriage: ' + name + ' must be a string; got ' + typeName(v) + '.']
            }
            String str = v == null ? null : v.toString().trim()
            s.put(name, str ? str : null)
        }

        for (Map.Entry<String, String> e : COUNT_FLAGS.entrySet()) {
            Object v = p.get(e.key)
            if (v == null) { s.put(e.key, null); continue }
            String str = v.toString().trim()
            if (!(v instanceof Number || v instanceof CharSequence) || !(str ==~ /\d+/)) {
                return [problem: 'flakyTriage: ' + e.key + ' must be a whole number >= 0; got \'' + v + '\'.']
            }
            if ((e.key == 'jobs' || e.key == 'reruns') && (str as BigInteger) < 1) {
                return [problem: 'flakyTriage: ' + e.key + ' must be at least 1; got ' + str + '.']
            }
            s.put(e.key, str)
        }
        for (Map.Entry<String, String> e : SECONDS_FLAGS.entrySet()) {
            Object v = p.get(e.key)
            if (v == null) { s.put(e.key, null); continue }
            String str = v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : v.toString().trim()
            if (!(v instanceof Number || v instanceof CharSequence) || !(str ==~ /\d+(\.\d+)?/) || (str as BigDecimal) <= 0) {
                return [problem: 'flakyTriage: ' + e.key + ' must be a number of seconds > 0; got \'' + v + '\'.']
            }
            s.put(e.key, str)
        }

        Object patterns = p.seedPatterns
        List<String> pats = []
        if (patterns instanceof CharSequence) {
            pats = lines(patterns.toString())
        } else if (patterns instanceof Collection) {
            for (Object r : (Collection) patterns) {
                if (!(r instanceof CharSequence)) {
                    return [problem: 'flakyTriage: seedPatterns must hold regular expressions (strings); got ' + typeName(r) + '.']
                }
                pats.add(r.toString())
            }
        } else if (patterns != null) {
            return [problem: 'flakyTriage: seedPatterns must be a list of regular expressions; got ' + typeName(patterns) + '.']
        }
        s.seedPatterns = pats

        Object failOn = p.failOn == null ? 'deterministic' : p.failOn
        if (!(failOn instanceof CharSequence) || !FAIL_ON.contains(failOn.toString())) {
            return [problem: 'flakyTriage: failOn must be one of ' + FAIL_ON.join(', ') + '; got \'' + failOn + '\'.']
        }
        s.failOn = failOn.toString()

        String runnerProblem = checkRunner('flakyTriage', p.runner)
        if (runnerProblem) return [problem: runnerProblem]
        s.runner = p.runner == null || p.runner.toString().trim() == '' ? null : p.runner.toString().trim()

        Map<String, Object> bools = [rerun: true, publishChecks: null, archive: true, quiet: false]
        for (Map.Entry<String, Object> e : bools.entrySet()) {
            Object v = p.get(e.key)
            if (v == null) { s.put(e.key, e.value); continue }
            // Boolean job parameters arrive as Boolean; a choice or string parameter as text.
            if (v instanceof Boolean) { s.put(e.key, v); continue }
            String str = v.toString().trim()
            if (str == 'true' || str == 'false') { s.put(e.key, str == 'true'); continue }
            return [problem: 'flakyTriage: ' + e.key + ' must be true or false; got \'' + v + '\'.']
        }
        return s
    }

    /** null when `runner` is absent, empty or a known driver; else the sentence to fail with. */
    @NonCPS
    static String checkRunner(String step, Object runner) {
        if (runner == null) return null
        if (!(runner instanceof CharSequence)) return step + ': runner must be a string; got ' + typeName(runner) + '.'
        String r = runner.toString().trim()
        if (r == '' || RUNNERS.contains(r)) return null
        return step + ': runner must be one of ' + RUNNERS.join(', ') + ' (or empty: picked from each report\'s dialect); got \'' + r + '\'.'
    }

    /** True when an entry is an Ant pattern (findFiles syntax) rather than one path. */
    @NonCPS
    static boolean isGlob(String path) {
        return path.contains('*') || path.contains('?')
    }

    /**
     * Absolute paths keep the CLI from guessing what a relative path is relative to, and a
     * path can then never start with '-' and be taken for a flag.
     */
    @NonCPS
    static String absolute(String base, String path) {
        if (path.startsWith('/')) return path
        String rel = path
        while (rel.startsWith('./')) rel = rel.substring(2)
        if (rel == '' || rel == '.') return base
        return base.endsWith('/') ? base + rel : base + '/' + rel
    }

    /** The CLI's arguments (after `--args-json FILE`), in the documented flag order. */
    @NonCPS
    static List<String> argv(Map s, List<String> reportPaths, String base, String jsonPath, String markdownPath) {
        List<String> a = ['--json', jsonPath, '--markdown', markdownPath]
        if (s.workingDirectory) a.addAll(['--cwd', absolute(base, (String) s.workingDirectory)])
        for (Map.Entry<String, String> e : COUNT_FLAGS.entrySet()) {
            if (s.get(e.key) != null) a.addAll([e.value, (String) s.get(e.key)])
        }
        for (Map.Entry<String, String> e : SECONDS_FLAGS.entrySet()) {
            if (s.get(e.key) != null) a.addAll([e.value, (String) s.get(e.key)])
        }
        for (String pat : (List<String>) s.seedPatterns) a.addAll(['--seed-pattern', pat])
        if (s.rerunCommand) a.addAll(['--rerun-command', (String) s.rerunCommand])
        if (s.runner) a.addAll(['--runner', (String) s.runner])
        if (!s.rerun) a.add('--no-rerun')
        if (s.quiet) a.add('--quiet')
        for (String r : reportPaths) a.add(absolute(base, r))
        return a
    }

    /** JSON text of the argv: JsonOutput escapes non-ASCII, so the file's encoding cannot matter. */
    @NonCPS
    static String argvJson(List<String> argv) {
        return groovy.json.JsonOutput.toJson(argv)
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
    private static String typeName(Object v) {
        return v == null ? 'null' : v.getClass().getSimpleName()
    }
}
