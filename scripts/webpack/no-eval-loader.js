// Webpack loader for zod: its JIT fast path builds parsers with `new Function`. Office add-ins
// ship without eval, so the Function constructor zod grabs (`const F = Function;`) is replaced
// by one that throws; zod's own probe (util.allowsEval) then reports false and zod keeps to its
// interpreter, and compile paths fail into zod's existing fallback.
'use strict';

const GRAB = /\bconst F = Function;/g;
const THROWING = 'const F = function () { throw new EvalError("code generation is disabled in parscore bundles"); };';

module.exports = function noEvalLoader(source) {
  return source.replace(GRAB, THROWING);
};
