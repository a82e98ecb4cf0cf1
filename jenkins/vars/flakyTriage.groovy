import flakytriage.ReportView
import flakytriage.StepParams
import groovy.transform.Field

/*
 * flakyTriage: runs the bundled flaky-triage CLI on test reports and tells which failures are
 * deterministic, which intermittent. Help: flakyTriage.txt next to this file.
 *
 * Injection: every value that comes from the user or from the reports (paths, patterns, test
 * names) travels as JSON data in .flaky-triage/args.json, written with writeFile. The shell
 * scripts below are constant single-quoted strings with constant relative paths, so nothing is
 * ever interpolated into sh, into a GString handed to a step, or into withEnv (whose values
 * Jenkins expands: '$X' in a value would be replaced).
 */

// Relative to pwd(): sh runs there, so these constants are all the shell ever sees.
@Field static final String CLI = '.flaky-triage/cli.mjs'
@Field static final String ARGS = '.flaky-triage/args.json'
@Field static final String NODE_VERSION = '.flaky-triage/node-version.txt'
@Field static final String JSON_REPORT = '.flaky-triage/flaky-triage.json'
@Field static final String MARKDOWN_REPORT = '.flaky-triage/flaky-triage.md'
/** The CLI needs Node 20 (the engines field of package.json). */
@Field static final int MIN_NODE_MAJOR = 20

Map call(Map params = [:]) {
    Map s = StepParams.normalise(params)
    if (s.problem) error((String) s.problem)
    if (!isUnix()) {
        error('flakyTriage: this step needs a Linux or macOS agent (it runs the CLI with sh).')
    }

    String base = pwd()
    List<String> reports = expandReports((List<String>) s.reports)

    // The bundle is ESM and no package.json with "type": "module" sits next to it: .mjs tells node.
    writeFile(file: CLI, text: libraryResource(resource: 'flaky-triage/cli.js', encoding: 'UTF-8'), encoding: 'UTF-8')
    writeFile(file: ARGS, encoding: 'UTF-8', text: StepParams.argvJson(
        StepParams.argv(s, reports, base, StepParams.absolute(base, JSON_REPORT), StepParams.absolute(base, MARKDOWN_REPORT))))

    int status = -1
    if (s.nodejs) {
        try {
            nodejs(nodeJSInstallationName: (String) s.nodejs) { status = runCli() }
        } catch (NoSuchMethodError e) {
            if (!ReportView.isMissingStep(e, 'nodejs')) throw e
            error('flakyTriage: nodejs: \'' + ReportView.consoleSafe((String) s.nodejs) + '\' needs the NodeJS plugin, ' +
                'which is not installed. Install it, or drop the nodejs parameter and put node on the agent\'s PATH.')
        }
    } else {
        status = runCli()
    }
    if (status == 2) {
        error('flakyTriage: flaky-triage rejected its input (exit code 2); its message is in the log above.')
    }
    if (status != 0 && status != 1) {
        error('flakyTriage: flaky-triage stopped with exit code ' + status + ' before writing its report; see the log above.')
    }
    if (!fileExists(JSON_REPORT)) {
        error('flakyTriage: flaky-triage exited with ' + status + ' but wrote no report at ' + JSON_REPORT + '.')
    }

    Map view = ReportView.read(readFile(file: JSON_REPORT, encoding: 'UTF-8'), ReportView.relativePrefix((String) s.workingDirectory))
    if (view.problem) error('flakyTriage: cannot use ' + JSON_REPORT + ': ' + view.problem)
    Map result = (Map) view.result
    result.report = JSON_REPORT
    result.markdown = fileExists(MARKDOWN_REPORT) ? MARKDOWN_REPORT : null

    if (s.archive) {
        archiveArtifacts(artifacts: result.markdown ? JSON_REPORT + ',' + MARKDOWN_REPORT : JSON_REPORT,
            allowEmptyArchive: false, fingerprint: false)
    }
    if (s.publishChecks != false) {
        publish(result, (List<Map>) view.annotations, (Integer) view.annotationsLeftOut, s.publishChecks == true)
    }
    String tally = ReportView.tally(result)
    String previous = currentBuild.description
    currentBuild.description = previous ? previous + '; ' + tally : tally
    echo(tally)

    Map decision = ReportView.decide((String) s.failOn, result)
    if (decision.action == 'error') error((String) decision.message)
    if (decision.action == 'unstable') unstable(message: (String) decision.message)
    return result
}

/** Checks for node, then runs the CLI; returns its exit code. Runs inside nodejs(...) when asked. */
int runCli() {
    int found = sh(script: 'node --version > ' + NODE_VERSION + ' 2>&1', returnStatus: true)
    if (found != 0) {
        error('flakyTriage: cannot run \'node\' on this agent (exit code ' + found + '). Install Node.js ' + MIN_NODE_MAJOR +
            ' or newer on the agent\'s PATH, or name a NodeJS plugin installation with nodejs: \'<tool name>\'.')
    }
    int major = ReportView.nodeMajor(readFile(file: NODE_VERSION, encoding: 'UTF-8'))
    if (major < MIN_NODE_MAJOR) {
        error('flakyTriage: flaky-triage needs Node.js ' + MIN_NODE_MAJOR + ' or newer; the agent has ' +
            ReportView.consoleSafe(readFile(file: NODE_VERSION, encoding: 'UTF-8').trim()) + '.')
    }
    // A stale report from an earlier build in this workspace must not pass for this run's.
    return sh(script: 'rm -f ' + JSON_REPORT + ' ' + MARKDOWN_REPORT + ' && node ' + CLI + ' --args-json ' + ARGS,
        returnStatus: true)
}

/** Ant patterns through findFiles (Pipeline Utility Steps) when it is installed; else passed on as written. */
List<String> expandReports(List<String> entries) {
    List<String> out = []
    for (String entry : entries) {
        if (!StepParams.isGlob(entry)) {
            out.add(entry)
            continue
        }
        List<String> matched
        try {
            matched = ReportView.filePaths(findFiles(glob: entry))
        } catch (NoSuchMethodError e) {
            if (!ReportView.isMissingStep(e, 'findFiles')) throw e
            echo('flakyTriage: Pipeline Utility Steps is not installed; passing the pattern ' +
                ReportView.consoleSafe(entry) + ' to flaky-triage as written.')
            out.add(entry)
            continue
        }
        if (matched.isEmpty()) {
            error('flakyTriage: no file matches the reports pattern ' + ReportView.consoleSafe(entry) + ' (relative to ' +
                ReportView.consoleSafe(pwd()) + ').')
        }
        out.addAll(matched)
    }
    return out
}

void publish(Map result, List<Map> annotations, int leftOut, boolean explicit) {
    String markdown = result.markdown ? readFile(file: (String) result.markdown, encoding: 'UTF-8') : ReportView.tally(result)
    String summary = ReportView.checksSummary(markdown, MARKDOWN_REPORT)
    if (leftOut > 0) {
        echo('flakyTriage: ' + leftOut + ' annotation(s) over the limit of ' + ReportView.MAX_ANNOTATIONS +
            ' were not published; the report lists every test.')
    }
    try {
        publishChecks(name: 'flaky-triage', title: ReportView.tally(result), summary: summary,
            conclusion: ReportView.conclusion(result), annotations: annotations)
    } catch (NoSuchMethodError e) {
        if (!ReportView.isMissingStep(e, 'publishChecks')) throw e
        echo('flakyTriage: the Checks API plugin is not installed; not publishing checks' +
            (explicit ? ' although publishChecks: true was given.' : '.'))
    }
}
