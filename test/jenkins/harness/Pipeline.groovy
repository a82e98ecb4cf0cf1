import java.nio.file.NoSuchFileException
import java.nio.file.Path

/**
 * A small stand-in for a Jenkins Pipeline run: the steps flakyTriage uses, behaving as the
 * real ones do where it matters to the step (sh really runs `sh -xe` on a script file in the
 * workspace, files are real, a step whose plugin is absent throws the same NoSuchMethodError
 * as Jenkins, withEnv expands $VARS in values, error() aborts, unstable() only worsens).
 */
class Pipeline {
    /** findFiles' result type (pipeline-utility-steps FileWrapper), reduced to its properties. */
    static class FileWrapper implements Serializable {
        String name
        String path
        boolean directory
        long length
    }

    /** currentBuild (RunWrapper): description and result are what the step touches. */
    static class RunWrapper {
        String description
        String result
        String getCurrentResult() { result ?: 'SUCCESS' }
    }

    private static final Map<String, Integer> RESULT_ORDER = [SUCCESS: 0, UNSTABLE: 1, FAILURE: 2]
    /** Steps every Pipeline has (workflow-basic-steps, workflow-durable-task-step, core). */
    private static final Set<String> CORE_STEPS = [
        'sh', 'writeFile', 'readFile', 'fileExists', 'libraryResource', 'pwd', 'isUnix', 'dir', 'withEnv',
        'echo', 'error', 'unstable', 'archiveArtifacts',
    ] as Set

    final File workspace
    final File resources
    /** Optional steps whose plugins are "installed": findFiles, publishChecks, nodejs, readJSON. */
    final Set<String> plugins
    final Map<String, String> nodejsTools
    final Map<String, String> baseEnv
    final RunWrapper currentBuild = new RunWrapper()
    final List<Map> calls = []
    final List<String> log = []
    private final List<File> dirs = []
    private final List<Map<String, String>> envStack = []
    private int scripts = 0

    Pipeline(File workspace, File resources, Collection<String> plugins, Map<String, String> nodejsTools, Map<String, String> env) {
        this.workspace = workspace.canonicalFile
        this.resources = resources
        this.plugins = new HashSet<String>(plugins)
        this.nodejsTools = nodejsTools
        this.baseEnv = new LinkedHashMap<String, String>(System.getenv())
        this.baseEnv.putAll(env)
        this.baseEnv.WORKSPACE = this.workspace.path
        dirs.add(this.workspace)
    }

    Object invoke(String name, Object[] args) {
        if (!CORE_STEPS.contains(name) && !plugins.contains(name)) {
            // The exact shape of Jenkins' error for a step that no installed plugin provides.
            throw new NoSuchMethodError('No such DSL method \'' + name + '\' found among steps ' + (CORE_STEPS + plugins).sort())
        }
        Map named = args.length > 0 && args[0] instanceof Map ? (Map) args[0] : null
        Closure body = args.length > 0 && args[args.length - 1] instanceof Closure ? (Closure) args[args.length - 1] : null
        Object single = args.length > 0 && !(args[0] instanceof Map) && !(args[0] instanceof Closure) ? args[0] : null
        calls.add([step: name, args: describe(named, single)])
        return "$name"(named, single, body)
    }

    private static Object describe(Map named, Object single) {
        if (named == null) return single instanceof CharSequence ? single.toString() : single
        Map d = [:]
        named.each { k, v -> d[k.toString()] = (k == 'text' && v instanceof CharSequence && v.length() > 2000) ? '<' + v.length() + ' chars>' : v }
        return d
    }

    File cwd() { dirs[-1] }

    private File file(String path) {
        File f = new File(path)
        return f.absolute ? f : new File(cwd(), path)
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<String, String>(baseEnv)
        for (Map<String, String> layer : envStack) {
            layer.each { String k, String v ->
                int plus = k.indexOf('+')
                if (plus > 0) {
                    String key = k.substring(0, plus)
                    env[key] = env[key] ? v + File.pathSeparator + env[key] : v
                } else {
                    env[k] = v
                }
            }
        }
        return env
    }

    // --- steps -------------------------------------------------------------------------------

    def sh(Map named, Object single, Closure body) {
        String script = named != null ? named.script : single
        boolean returnStatus = named?.returnStatus == true
        boolean returnStdout = named?.returnStdout == true
        // Like durable-task: the script goes to a file under <workspace>@tmp and runs with `sh -xe`.
        File tmp = new File(workspace.path + '@tmp/durable-' + (++scripts))
        tmp.mkdirs()
        File scriptFile = new File(tmp, 'script.sh')
        scriptFile.setText(script, 'UTF-8')
        ProcessBuilder pb = new ProcessBuilder('/bin/sh', '-xe', scriptFile.path).directory(cwd())
        pb.environment().clear()
        pb.environment().putAll(environment())
        pb.redirectInput(ProcessBuilder.Redirect.from(new File('/dev/null')))
        Process p = pb.start()
        StringBuffer err = new StringBuffer()
        Thread errReader = Thread.start { err.append(p.errorStream.getText('UTF-8')) }
        String out = p.inputStream.getText('UTF-8')
        int code = p.waitFor()
        errReader.join()
        if (!returnStdout && out) log.addAll(out.readLines())
        if (err) log.addAll(err.toString().readLines())
        calls[-1].exitCode = code
        if (returnStatus) return code
        if (code != 0) throw new AbortException('script returned exit code ' + code)
        return returnStdout ? out : null
    }

    def writeFile(Map named, Object single, Closure body) {
        File f = file((String) named.file)
        f.parentFile.mkdirs()
        f.setText((String) named.text, (String) (named.encoding ?: 'UTF-8'))
        return null
    }

    def readFile(Map named, Object single, Closure body) {
        String path = named != null ? named.file : single
        File f = file(path)
        if (!f.isFile()) throw new NoSuchFileException(f.path)
        return f.getText((String) (named?.encoding ?: 'UTF-8'))
    }

    def fileExists(Map named, Object single, Closure body) {
        return file((String) (named != null ? named.file : single)).exists()
    }

    def libraryResource(Map named, Object single, Closure body) {
        String name = named != null ? named.resource : single
        File f = new File(resources, name)
        if (!f.isFile()) throw new AbortException('No such library resource ' + name + ' could be found.')
        return f.getText((String) (named?.encoding ?: 'UTF-8'))
    }

    def pwd(Map named, Object single, Closure body) {
        return named?.tmp ? workspace.path + '@tmp' : cwd().path
    }

    def isUnix(Map named, Object single, Closure body) { true }

    def dir(Map named, Object single, Closure body) {
        dirs.add(file((String) (named != null ? named.path : single)).canonicalFile)
        try { return body.call() } finally { dirs.remove(dirs.size() - 1) }
    }

    def withEnv(Map named, Object single, Closure body) {
        List<String> overrides = (List<String>) (named != null ? named.overrides : single)
        Map<String, String> layer = [:]
        Map<String, String> current = environment()
        for (String pair : overrides) {
            int eq = pair.indexOf('=')
            // EnvVars.overrideExpandingAll: $VAR and ${VAR} in values are expanded.
            layer[pair.substring(0, eq)] = expand(pair.substring(eq + 1), current)
        }
        envStack.add(layer)
        try { return body.call() } finally { envStack.remove(envStack.size() - 1) }
    }

    private static String expand(String value, Map<String, String> env) {
        return value.replaceAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/) { List<String> m ->
            String key = m[1] ?: m[2]
            env.containsKey(key) ? env[key] : m[0]
        }
    }

    def nodejs(Map named, Object single, Closure body) {
        String tool = named != null ? named.nodeJSInstallationName : single
        if (!nodejsTools.containsKey(tool)) throw new AbortException('No NodeJS installation named ' + tool + ' was found')
        envStack.add(['PATH+NODEJS': nodejsTools[tool] + '/bin'])
        try { return body.call() } finally { envStack.remove(envStack.size() - 1) }
    }

    def echo(Map named, Object single, Closure body) {
        log.add(String.valueOf(named != null ? named.message : single))
        return null
    }

    def error(Map named, Object single, Closure body) {
        throw new AbortException(String.valueOf(named != null ? named.message : single))
    }

    def unstable(Map named, Object single, Closure body) {
        String message = named != null ? named.message : single
        log.add('WARNING: ' + message)
        worsen('UNSTABLE')
        return null
    }

    void worsen(String result) {
        if (RESULT_ORDER[result] > RESULT_ORDER[currentBuild.currentResult]) currentBuild.result = result
    }

    def archiveArtifacts(Map named, Object single, Closure body) {
        String patterns = named != null ? named.artifacts : single
        List<String> matched = []
        for (String pattern : patterns.split(',')) matched.addAll(glob(pattern.trim()).findAll { !it.directory }*.path)
        if (matched.isEmpty() && named?.allowEmptyArchive != true) {
            throw new AbortException('No artifacts found that match the file pattern "' + patterns + '"')
        }
        calls[-1].archived = matched.sort()
        return null
    }

    def findFiles(Map named, Object single, Closure body) {
        return glob((String) (named?.glob ?: '**'))
    }

    def publishChecks(Map named, Object single, Closure body) { null }

    def readJSON(Map named, Object single, Closure body) {
        String text = named.text != null ? named.text : file((String) named.file).getText('UTF-8')
        return new groovy.json.JsonSlurper().parseText(text)
    }

    /** Ant pattern matching relative to the current directory, as findFiles and archiveArtifacts do. */
    List<FileWrapper> glob(String pattern) {
        String p = pattern.endsWith('/') ? pattern + '**' : pattern
        StringBuilder re = new StringBuilder()
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i)
            if (p.startsWith('**/', i)) { re.append('(?:.*/)?'); i += 2 }
            else if (p.startsWith('**', i)) { re.append('.*'); i += 1 }
            else if (c == '*' as char) re.append('[^/]*')
            else if (c == '?' as char) re.append('[^/]')
            else re.append(java.util.regex.Pattern.quote(String.valueOf(c)))
        }
        java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(re.toString())
        Path root = cwd().toPath()
        List<FileWrapper> out = []
        cwd().eachFileRecurse { File f ->
            String rel = root.relativize(f.toPath()).toString().replace(File.separator, '/')
            if (compiled.matcher(rel).matches()) {
                out.add(new FileWrapper(name: f.name, path: rel, directory: f.directory, length: f.length()))
            }
        }
        return out.sort { it.path }
    }
}
