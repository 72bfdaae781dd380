// The exceptions API: load a file, apply it to findings (a list, or a stream through a callback), read the outcome.
export { applyExceptions, EXCEPTABLE, ExceptionApplier, exceptionState } from './apply.js';
export { isoDay, parseNow } from './clock.js';
export { addException, expireException, nextExceptionId } from './edit.js';
export { loadExceptions, parseExceptions } from './load.js';
export { compileScope, globToRegExp, matchesScope } from './match.js';
export * from './model.js';
