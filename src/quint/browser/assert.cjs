/**
 * What Quint's front end and antlr4ts take from Node's `assert`, for the browser build
 * (vite.config.ts aliases `assert` here): CommonJS, as they `require` it and call the module
 * itself (`assert(cond)`), its `default`, `strict`, `ok` and `fail`.
 */
function assert(condition, message) {
  if (!condition) throw new Error(message ?? 'Assertion failed');
}
assert.strict = assert;
assert.ok = assert;
assert.default = assert;
assert.fail = (message) => {
  throw new Error(message ?? 'Failed');
};
module.exports = assert;
