// The shipped files themselves, not just the build plugin: no eval-like code in dist/*.js (Office
// add-ins and a strict CSP run without it). `npm test` builds dist/ before mocha.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, haveDist } from './helpers/browser';

// Same pattern as webpack.config.js's NoEvalPlugin: eval(…), new Function, a bare Function(…).
const EVAL_LIKE = /(?<![\w$.])eval\s*\(|\bnew\s+Function\b|(?<![\w$.])Function\s*\(/;

describe('dist bundles', () => {
  it('contain no eval( or new Function', () => {
    assert.ok(haveDist(), 'dist/ is missing or incomplete: run `npm run build` first (`npm test` builds before mocha).');
    const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
    for (const needed of ['functions.js', 'commands.js', 'taskpane.js']) assert.ok(files.includes(needed), `dist/${needed}`);
    for (const f of files) {
      const src = fs.readFileSync(path.join(DIST, f), 'utf8');
      const m = EVAL_LIKE.exec(src);
      assert.equal(m, null, `dist/${f}: "${m?.[0]}" near ${JSON.stringify(src.slice(Math.max(0, (m?.index ?? 0) - 60), (m?.index ?? 0) + 40))}`);
    }
  });

  it('is caught by the pattern when present (the test can fail)', () => {
    for (const bad of ['x=eval("1")', 'new Function("return this")', 'return Function("a","b")()']) assert.ok(EVAL_LIKE.test(bad), bad);
    for (const ok of ['obj.eval(1)', 'isFunction(x)', 'typeof x === "function"', 'medieval (x)']) assert.ok(!EVAL_LIKE.test(ok), ok);
  });
});
