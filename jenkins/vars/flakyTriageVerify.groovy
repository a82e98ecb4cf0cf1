import flakytriage.ReportView
import flakytriage.StepParams
import flakytriage.VerifyParams
import groovy.transform.Field

/*
 * flakyTriageVerify: runs tests thousands of times with fresh seeds (flaky-triage verify), or
 * merges the reports of shards run in parallel branches (merge: [...]). Help:
 * flakyTriageVerify.txt next to this file.
 *
 * Injection: as in flakyTriage, every value from the user (ids, paths, templates) travels as
 * JSON data in .flaky-triage/verify-args.json; the shell scripts are constants.
 */

@Field static final String CLI = '.flaky-triage/cli.mjs'
@Field static final String ARGS = '.flaky-triage/verify-args.json'
@Field static final String NODE_VERSION = '.flaky-triage/node-version.txt'
@Field static final int MIN_NODE_MAJOR = 20

Map call(Map params = [:]) {
    Map s = VerifyParams.normalise(params, env.BUILD_TAG ? (String) env.BUILD_TAG : null)
    if (s.problem) error((String) s.problem)
    if (!isUnix()) {
        error('flakyTriageVerify: this step needs a Linux or macOS agent (it runs the CLI with sh).')
    }
    String base = pwd()
    String json = VerifyParams.reportBase(s) + '.json'
    String markdown = VerifyParams.reportBase(s) + '.md'
    List<String> mergeFiles = s.mode == 'merge' ? expandPatterns((List<String>) s.merge) : []

    writeFile(file: CLI, text: libraryResource(resource: 'flaky-triage/cli.js', encoding: 'UTF-8'), encoding: 'UTF-8')
    writeFile(file: ARGS, encoding: 'UTF-8', text: StepParams.argvJson(
        VerifyParams.argv(s, mergeFiles, base, StepParams.absolute(base, json), StepParams.absolute(base, markdown))))

    int status = -1
    if (s.nodejs) {
        try {
            nodejs(nodeJSInstallationName: (String) s.nodejs) { status = runCli((String) s.mode, json, markdown) }
        } catch (NoSuchMethodError e) {
            if (!ReportView.isMissingStep(e, 'nodejs')) throw e
            error('flakyTriageVerify: nodejs: \'' + ReportView.consoleSafe((String) s.nodejs) + '\' needs the NodeJS plugin, ' +
                'which is not installed. Install it, or drop the nodejs parameter and put node on the agent\'s PATH.')
        }
    } else {
        status = runCli((String) s.mode, json, markdown)
    }
    if (status == 2) {
        error('flakyTriageVerify: flaky-triage rejected its input (exit code 2); its message is in the log above.')
    }
    if (status != 0 && status != 1) {
        error('flakyTriageVerify: flaky-triage stopped with exit code ' + status + ' before writing its report; see the log above.')
    }
    if (!fileExists(json)) {
        error('flakyTriageVerify: flaky-triage exited with ' + status + ' but wrote no report at ' + json + '.')
    }
    Map view = VerifyParams.read(readFile(file: json, encoding: 'UTF-8'))
    if (view.problem) error('flakyTriageVerify: cannot use ' + json + ': ' + view.problem)
    Map result = (Map) view.result
    result.report = json
    result.markdown = fileExists(markdown) ? markdown : null

    if (s.archive) {
        archiveArtifacts(artifacts: result.markdown ? json + ',' + markdown : json, allowEmptyArchive: false, fingerprint: false)
    }
    String tally = VerifyParams.tally(result)
    String previous = currentBuild.description
    currentBuild.description = previous ? previous + '; ' + tally : tally
    echo(tally)

    if ((Integer) result.failingTests > 0) {
        String message = 'flakyTriageVerify: ' + VerifyParams.failureSentence(result) + '; the failing seeds and notes are in ' + json + '.'
        if (s.failOn == 'any') error(message)
        if (s.failOn == 'unstable') unstable(message: message)
    }
    return result
}

/** Checks for node, then runs the CLI; returns its exit code. */
int runCli(String mode, String json, String markdown) {
    int found = sh(script: 'node --version > ' + NODE_VERSION + ' 2>&1', returnStatus: true)
    if (found != 0) {
        error('flakyTriageVerify: cannot run \'node\' on this agent (exit code ' + found + '). Install Node.js ' + MIN_NODE_MAJOR +
            ' or newer on the agent\'s PATH, or name a NodeJS plugin installation with nodejs: \'<tool name>\'.')
    }
    int major = ReportView.nodeMajor(readFile(file: NODE_VERSION, encoding: 'UTF-8'))
    if (major < MIN_NODE_MAJOR) {
        error('flakyTriageVerify: flaky-triage needs Node.js ' + MIN_NODE_MAJOR + ' or newer; the agent has ' +
            ReportView.consoleSafe(readFile(file: NODE_VERSION, encoding: 'UTF-8').trim()) + '.')
    }
    // mode is 'verify' or 'merge' and the paths come from VerifyParams.reportBase (a fixed
    // prefix and digits): the script is one of a few constants. The subcommand goes first
    // because the CLI picks it from its first argument, before reading --args-json.
    return sh(script: 'rm -f ' + json + ' ' + markdown + ' && node ' + CLI + ' ' + (mode == 'merge' ? 'merge' : 'verify') +
        ' --args-json ' + ARGS, returnStatus: true)
}

/** Ant patterns through findFiles when Pipeline Utility Steps is installed; else passed on for the CLI to expand. */
List<String> expandPatterns(List<String> entries) {
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
            out.add(entry)
            continue
        }
        if (matched.isEmpty()) {
            error('flakyTriageVerify: no file matches the merge pattern ' + ReportView.consoleSafe(entry) + ' (relative to ' +
                ReportView.consoleSafe(pwd()) + ').')
        }
        out.addAll(matched)
    }
    return out
}
