/**
 * Base class for the loaded vars script: Jenkins resolves a call to an unknown method in a
 * vars script to a Pipeline step, and so does this.
 */
abstract class PipelineScript extends Script {
    def methodMissing(String name, Object args) {
        Pipeline pipeline = (Pipeline) getBinding().getVariable('__pipeline')
        return pipeline.invoke(name, (Object[]) args)
    }
}
