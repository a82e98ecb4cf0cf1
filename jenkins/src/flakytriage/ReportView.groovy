package flakytriage

import com.cloudbees.groovy.cps.NonCPS
import groovy.json.JsonSlurperClassic

/**
 * Turns the CLI's JSON report into what the step returns and publishes. @NonCPS throughout:
 * the parsed report is a tree of JsonSlurperClassic maps that must never sit in a CPS variable,
 * so it is read, reduced to plain Strings/numbers/Lists/LinkedHashMaps and dropped in one call.
 */
class ReportView implements Serializable {
    /** GitHub rejects a check run whose output.summary exceeds 65535 characters. */
    static final int CHECKS_SUMMARY_LIMIT = 65535
    /** GitHub caps an annotation's title at 255 characters. */
    static final int ANNOTATION_TITLE_LIMIT = 255
    /** GitHub allows 64 KB per annotation message; a few KB keep the Checks tab readable. */
    static final int ANNOTATION_MESSAGE_LIMIT = 4000
    /**
     * The Checks API plugin sends annotations to GitHub 50 per request; past a few hundred the
     * tab is unreadable and the step slow. Tests over the cap are counted in the summary.
     */
    static final int MAX_ANNOTATIONS = 200
    /** Test ids named in an error() message; the rest are in the report. */
    static final int IDS_IN_MESSAGE = 5
    static final int CONSOLE_TEXT_LIMIT = 300

    private static final Map<String, String> LEVELS = [
        'deterministic': 'FAILURE', 'intermittent': 'WARNING', 'not-reproduced': 'NOTICE', 'not-rerun': 'NOTICE',
    ]

    /**
     * Parses the report and returns [result: the Map the step returns (without paths),
     * annotations: for publishChecks, annotationsLeftOut: Integer].
     * `pathPrefix` is the working directory relative to the workspace ('' for the workspace
     * itself): the report's files are relative to the project root, annotations to the repository.
     */
    @NonCPS
    static Map read(String jsonText, String pathPrefix) {
        Object parsed = new JsonSlurperClassic().parseText(jsonText)
        if (!(parsed instanceof Map) || !(((Map) parsed).summary instanceof Map) || !(((Map) parsed).tests instanceof List)) {
            return [problem: 'the report has no summary or tests; is the bundled CLI the same version as the library?']
        }
        Map summary = (Map) ((Map) parsed).summary
        Map result = [
            deterministic: count(summary.deterministic),
            intermittent : count(summary.intermittent),
            notReproduced: count(summary.notReproduced),
            notRerun     : count(summary.notRerun),
            failed       : count(summary.failed) + count(summary.errored),
            total        : count(summary.tests),
        ]
        List<Map> tests = []
        List<Map> annotations = []
        int leftOut = 0
        for (Object o : (List) ((Map) parsed).tests) {
            if (!(o instanceof Map)) continue
            Map t = (Map) o
            Map seed = t.seed instanceof Map ? (Map) t.seed : null
            Map plain = [
                id            : str(t.id),
                classname     : str(t.classname),
                name          : str(t.name),
                file          : str(t.file),
                line          : t.line instanceof Number ? ((Number) t.line).intValue() : null,
                outcome       : str(t.outcome),
                verdict       : str(t.verdict),
                cause         : str(t.cause),
                seedSensitivity: str(t.seedSensitivity),
                seed          : seed == null ? null : str(seed.value),
                message       : str(t.message),
                suggestion    : str(t.suggestion),
                reproduce     : str(t.reproduce),
            ]
            tests.add(plain)
            if (plain.file && plain.line && (Integer) plain.line >= 1 && LEVELS.containsKey(plain.verdict)) {
                if (annotations.size() >= MAX_ANNOTATIONS) { leftOut++; continue }
                annotations.add(annotation(plain, pathPrefix))
            }
        }
        result.tests = tests
        // jest-junit, vitest and mocha write a failing test.each case once per case: several
        // failing testcases of one id are one triaged test, so the verdicts add up to fewer.
        result.sharedId = count(summary.sharedId)
        return [result: result, annotations: annotations, annotationsLeftOut: leftOut]
    }

    @NonCPS
    private static Map annotation(Map t, String pathPrefix) {
        String body = visible((String) (t.message ?: 'failed'), true)
        if (t.suggestion) body = body + '\n\n' + visible((String) t.suggestion, true)
        if (t.reproduce) body = body + '\n\nReproduce: ' + visible((String) t.reproduce, false)
        return [
            path           : pathPrefix ? pathPrefix + '/' + t.file : t.file,
            startLine      : t.line,
            endLine        : t.line,
            annotationLevel: LEVELS[(String) t.verdict],
            title          : cut(verdictLabel((String) t.verdict) + ': ' + visible((String) t.id, false), ANNOTATION_TITLE_LIMIT),
            message        : cut(body, ANNOTATION_MESSAGE_LIMIT),
        ]
    }

    /**
     * Report text as an annotation shows it: control characters as \\xNN and bidi overrides and
     * isolates as \\uNNNN (they can make an id read as another: "Trojan Source"), so nothing is
     * hidden and nothing lost; line ends kept only where the text may span lines.
     */
    @NonCPS
    static String visible(String text, boolean multiline) {
        if (text == null) return ''
        StringBuilder b = new StringBuilder()
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i)
            int v = (int) c
            if (multiline && (c == (char) 0x0a || c == (char) 0x09)) b.append(c)
            else if (v < 0x20 || (v >= 0x7f && v <= 0x9f)) b.append('\\x').append(String.format('%02x', v))
            else if ((v >= 0x202a && v <= 0x202e) || (v >= 0x2066 && v <= 0x2069) || v == 0x200e || v == 0x200f || v == 0x061c) {
                b.append('\\u').append(String.format('%04X', v))
            }
            else b.append(c)
        }
        return b.toString()
    }

    /** One line, numbers only: safe for currentBuild.description whatever its markup formatter. */
    @NonCPS
    static String tally(Map r) {
        return 'flaky-triage: ' + r.deterministic + ' deterministic, ' + r.intermittent + ' intermittent, ' +
            r.notReproduced + ' not reproduced, ' + r.notRerun + ' not rerun (of ' + r.failed + ' failing' + sharedIdNote(r) + ')'
    }

    /** ", N triaged with another of the same id" when there are such (see read), else "". */
    @NonCPS
    private static String sharedIdNote(Map r) {
        int n = r.sharedId instanceof Number ? ((Number) r.sharedId).intValue() : 0
        return n > 0 ? ', ' + n + ' triaged with another of the same id' : ''
    }

    /** SUCCESS, NEUTRAL or FAILURE for the check run: what the failures are, whatever failOn does to the build. */
    @NonCPS
    static String conclusion(Map r) {
        if ((Integer) r.deterministic > 0) return 'FAILURE'
        if ((Integer) r.failed > 0) return 'NEUTRAL'
        return 'SUCCESS'
    }

    /**
     * What failOn makes of the result: [action: 'error' | 'unstable' | 'none', message].
     * Test ids in the message are made console-safe.
     */
    @NonCPS
    static Map decide(String failOn, Map r) {
        if (failOn == 'never') return [action: 'none', message: null]
        int det = (Integer) r.deterministic
        int failed = (Integer) r.failed
        if (failOn == 'any' && failed > 0) {
            return [action: 'error', message: 'flakyTriage: ' + failed + ' test(s) failed (' + det +
                ' deterministic) and failOn is \'any\'. See the flaky-triage report.']
        }
        if (det > 0) {
            List<String> ids = []
            for (Map t : (List<Map>) r.tests) {
                if (t.verdict == 'deterministic' && ids.size() < IDS_IN_MESSAGE) ids.add(consoleSafe((String) t.id))
            }
            String more = det > ids.size() ? ' and ' + (det - ids.size()) + ' more' : ''
            return [action: 'error', message: 'flakyTriage: ' + det + ' test(s) fail deterministically (reruns ' +
                'reproduced the failure): ' + ids.join(', ') + more + '. Fix them, or set failOn: \'never\' to only report.']
        }
        if (failed > 0) {
            String shared = sharedIdNote(r)
            return [action: 'unstable', message: 'flakyTriage: ' + failed + ' failing test(s)' +
                (shared ? ' (' + shared.substring(2) + ')' : '') + ', none deterministic: ' +
                r.intermittent + ' intermittent, ' + r.notReproduced + ' not reproduced, ' + r.notRerun + ' not rerun.']
        }
        return [action: 'none', message: null]
    }

    /**
     * The Markdown report cut at a line boundary to fit the Checks summary, with a note that
     * says where the rest is.
     */
    @NonCPS
    static String checksSummary(String markdown, String artifactName) {
        String text = markdown ?: ''
        if (text.length() <= CHECKS_SUMMARY_LIMIT) return text
        String note = '\n\n_The report was cut to fit the check\'s size limit; the full report is the build artifact `' +
            artifactName + '`._\n'
        int end = CHECKS_SUMMARY_LIMIT - note.length()
        int nl = text.lastIndexOf('\n', end)
        if (nl > end / 2) end = nl
        // Not inside a test's <details> block: cut before it opened, or the block stays open and
        // hides the note (and every line after it) in a collapsed section.
        int opened = text.lastIndexOf('<details', end)
        if (opened > text.lastIndexOf('</details>', end)) {
            int before = text.lastIndexOf('\n', opened)
            if (before > 0) end = before
        }
        // Never split a surrogate pair: half a character is invalid UTF-16 and GitHub rejects it.
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) end--
        return text.substring(0, end) + note
    }

    /**
     * Untrusted text made safe for one console line: control characters (ESC starts ANSI
     * colour codes and Jenkins' own hidden console notes), C1 controls and bidi overrides are
     * replaced, and the line is capped.
     */
    @NonCPS
    static String consoleSafe(String text) {
        if (text == null) return ''
        StringBuilder b = new StringBuilder()
        for (int i = 0; i < text.length() && b.length() < CONSOLE_TEXT_LIMIT; i++) {
            char c = text.charAt(i)
            boolean control = c < (char) 0x20 || (c >= (char) 0x7f && c <= (char) 0x9f) ||
                (c >= (char) 0x202a && c <= (char) 0x202e) || (c >= (char) 0x2066 && c <= (char) 0x2069)
            b.append(control ? '\uFFFD' : String.valueOf(c))
        }
        if (b.length() < text.length()) b.append('\u2026')
        return b.toString()
    }

    /** True when `e` is how Pipeline reports a step whose plugin is not installed. */
    @NonCPS
    static boolean isMissingStep(Throwable e, String step) {
        return e instanceof NoSuchMethodError && String.valueOf(e.getMessage()).contains('No such DSL method \'' + step + '\'')
    }

    /** findFiles' FileWrapper objects reduced to the paths of files (not directories). */
    @NonCPS
    static List<String> filePaths(Object found) {
        List<String> out = []
        for (Object f : (found as List)) {
            if (!f.directory) out.add(String.valueOf(f.path))
        }
        return out
    }

    /** The first line of `node --version`'s output and its major version (0 when unreadable). */
    @NonCPS
    static int nodeMajor(String versionOutput) {
        def m = (versionOutput ?: '') =~ /v(\d+)\./
        return m.find() ? Integer.parseInt(m.group(1)) : 0
    }

    /** The working directory relative to the workspace, for annotation paths; '' when it is the workspace. */
    @NonCPS
    static String relativePrefix(String workingDirectory) {
        if (!workingDirectory || workingDirectory.startsWith('/')) return ''
        String rel = workingDirectory
        while (rel.startsWith('./')) rel = rel.substring(2)
        while (rel.endsWith('/')) rel = rel.substring(0, rel.length() - 1)
        return rel == '.' ? '' : rel
    }

    @NonCPS
    private static String verdictLabel(String verdict) {
        return verdict == 'not-reproduced' ? 'Not reproduced' : verdict == 'not-rerun' ? 'Not rerun' :
            verdict.substring(0, 1).toUpperCase() + verdict.substring(1)
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
    private static String cut(String text, int limit) {
        if (text.length() <= limit) return text
        int end = limit - 1
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--
        return text.substring(0, end) + '\u2026'
    }
}
