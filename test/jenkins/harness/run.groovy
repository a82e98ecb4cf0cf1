/*
 * Runs jenkins/vars/flakyTriage.groovy once inside the Pipeline stand-in and writes what
 * happened as JSON, for test/jenkins/jenkins.test.ts to assert on.
 *
 *   groovy -cp test/jenkins/harness run.groovy SCENARIO.json
 *
 * SCENARIO: { library, workspace, output, params, plugins[], nodejsTools{}, env{},
 *             resources (default <library>/resources), description, inDir,
 *             step (default flakyTriage: which vars/<step>.groovy to run) }
 */
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
import org.codehaus.groovy.control.CompilerConfiguration

Map scenario = (Map) new JsonSlurper().parse(new File(args[0]))
File library = new File((String) scenario.library)
File here = new File(getClass().protectionDomain.codeSource.location.path).parentFile
File workspace = new File((String) scenario.workspace)
workspace.mkdirs()

Pipeline pipeline = new Pipeline(workspace,
    new File((String) (scenario.resources ?: new File(library, 'resources').path)),
    (List<String>) (scenario.plugins ?: []), (Map<String, String>) (scenario.nodejsTools ?: [:]),
    (Map<String, String>) (scenario.env ?: [:]))
pipeline.currentBuild.description = (String) scenario.description

CompilerConfiguration config = new CompilerConfiguration()
config.scriptBaseClass = 'PipelineScript'
GroovyClassLoader loader = new GroovyClassLoader(getClass().classLoader, config)
// Jenkins puts a library's src/ on the classpath of its vars/ scripts.
loader.addClasspath(new File(library, 'src').path)
loader.addClasspath(new File(here, 'stubs').path)
Binding binding = new Binding()
binding.setVariable('__pipeline', pipeline)
binding.setVariable('currentBuild', pipeline.currentBuild)
binding.setVariable('env', pipeline.environment())
Script step = (Script) loader.parseClass(new File(library, 'vars/' + (scenario.step ?: 'flakyTriage') + '.groovy')).newInstance()
step.binding = binding

// JSON cannot tell Integer from String; a scenario passes typed values as {"$int": 3}.
def typed
typed = { Object v ->
    if (v instanceof Map && ((Map) v).containsKey('$int')) return ((Number) ((Map) v)['$int']).intValue()
    if (v instanceof Map) return ((Map) v).collectEntries { k, x -> [k, typed(x)] }
    if (v instanceof List) return ((List) v).collect { typed(it) }
    return v
}
Map params = (Map) typed(scenario.params ?: [:])

Map outcome = [returned: null, error: null, crash: null]
try {
    Closure run = { step.invokeMethod('call', params) }
    outcome.returned = scenario.inDir ? pipeline.invoke('dir', [scenario.inDir, run] as Object[]) : run()
} catch (AbortException e) {
    outcome.error = e.message
    pipeline.worsen('FAILURE')
} catch (Throwable e) {
    // Anything else is a bug in the step: Jenkins would show a stack trace to the user.
    StringWriter trace = new StringWriter()
    e.printStackTrace(new PrintWriter(trace))
    outcome.crash = trace.toString().readLines().take(25).join('\n')
    pipeline.worsen('FAILURE')
}

/** Only what survives a CPS checkpoint unchanged and JSON can say: no slurper maps, no GStrings. */
def plainProblem
plainProblem = { Object v, String at ->
    if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Boolean) return null
    if (v instanceof BigDecimal || v instanceof Double) return null
    if (v instanceof List) {
        if (!(v.getClass() in [ArrayList, LinkedList])) return at + ' is a ' + v.getClass().name
        for (int i = 0; i < v.size(); i++) { def p = plainProblem(v[i], at + '[' + i + ']'); if (p) return p }
        return null
    }
    if (v instanceof Map) {
        if (!(v.getClass() in [LinkedHashMap, HashMap, TreeMap])) return at + ' is a ' + v.getClass().name
        for (Map.Entry e : ((Map) v).entrySet()) {
            if (!(e.key instanceof String)) return at + ' has a key of type ' + e.key.getClass().name
            def p = plainProblem(e.value, at + '.' + e.key); if (p) return p
        }
        return null
    }
    return at + ' is a ' + v.getClass().name
}
String problem = outcome.returned == null ? null : plainProblem(outcome.returned, 'returned')
boolean serializable = true
if (outcome.returned != null) {
    try { new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(outcome.returned) } catch (NotSerializableException e) { serializable = false }
}

Map report = [
    returned            : outcome.returned,
    returnedProblem     : problem,
    returnedSerializable: serializable,
    error               : outcome.error,
    crash               : outcome.crash,
    result              : pipeline.currentBuild.currentResult,
    description         : pipeline.currentBuild.description,
    calls               : pipeline.calls,
    log                 : pipeline.log,
]
new File((String) scenario.output).setText(JsonOutput.prettyPrint(JsonOutput.toJson(report)), 'UTF-8')
