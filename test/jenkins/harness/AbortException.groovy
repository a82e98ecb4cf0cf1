/** How error() and a failing sh end a Pipeline build: like hudson.AbortException, an IOException. */
class AbortException extends IOException {
    AbortException(String message) { super(message) }
}
