// Webpack loader for ExcelJS's browser bundle (exceljs/dist/exceljs.bare.min.js, aliased in
// webpack.config.js). The bundle carries two eval-like idioms that a page with a strict CSP
// (script-src 'self', no 'unsafe-eval') refuses and the production build's NoEvalPlugin fails on:
//   - `Function("return this")()`: lodash's last-resort lookup of the global object, reached only
//     when neither `global` nor `self` exists → `globalThis` (what it computes in every browser);
//   - `new Function(""+e)` in the setImmediate polyfill, compiling a *string* callback (ExcelJS
//     only passes functions) → a TypeError, which is what a CSP page would raise anyway.
// Each idiom must be found as many times as expected: a new ExcelJS version that changes them
// fails the build here instead of shipping eval-like code or silently missing a rewrite.
'use strict';

const RULES = [
  { re: /Function\("return this"\)\(\)/g, to: 'globalThis', expect: 5 },
  {
    re: /new Function\(""\+([A-Za-z_$][\w$]*)\)/g,
    to: '(function(){throw new TypeError("setImmediate: string callbacks are disabled in parscore bundles")})()',
    expect: 1,
  },
];

module.exports = function exceljsNoEvalLoader(source) {
  let out = source;
  for (const { re, to, expect } of RULES) {
    const found = (out.match(re) || []).length;
    if (found !== expect) {
      throw new Error(`exceljs-no-eval-loader: expected ${expect} × ${re} in ${this.resourcePath}, found ${found} (ExcelJS changed? review the rewrite)`);
    }
    out = out.replace(re, to);
  }
  return out.replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
};
