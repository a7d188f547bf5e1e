// The arrows point inward: model/ is pure TypeScript that every host can run.
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (src: string) => [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('architecture', () => {
  const model = files(path.join(ROOT, 'model'));

  it('model/ imports only itself and zod', () => {
    assert.ok(model.length > 10);
    for (const f of model) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) {
        // zod's tree-shakable API and its issue types (model/zod.ts words the messages) are zod too.
        const ok = spec === 'zod/mini' || spec === 'zod/v4/core' || (spec.startsWith('.') && path.resolve(path.dirname(f), spec).startsWith(path.join(ROOT, 'model')));
        assert.ok(ok, `${path.relative(ROOT, f)} imports ${spec}`);
      }
    }
  });

  it('model/ uses no Office, Node or DOM globals', () => {
    const banned = /\b(Office|Excel|CustomFunctions|process|Buffer|__dirname|window|document)\s*\./;
    for (const f of model) {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      assert.ok(!banned.test(code), `${path.relative(ROOT, f)}: ${banned.exec(code)?.[0]}`);
    }
  });

  it('model/ keeps per-analysis state in object literals, not class instances', () => {
    // A class instance's hidden class hangs off weak transitions: once the last instance of a
    // per-analysis class dies, a full GC drops it and every optimized function that saw it
    // (the reader was re-optimized from cold after each major collection, ~40 ms at 10,000
    // rows). Only the long-lived memo (model/memo.ts, held by module-level caches) is a class.
    for (const f of model) {
      const code = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/\bclass\s+(\w+)/g)) {
        assert.ok(path.basename(f) === 'memo.ts' && m[1] === 'Memo', `${path.relative(ROOT, f)}: class ${m[1]}`);
      }
    }
  });

  it('cli/ never imports Office.js and addin/ never imports ExcelJS or Node', () => {
    for (const f of files(path.join(ROOT, 'cli'))) {
      assert.ok(!/office/i.test(importsOf(fs.readFileSync(f, 'utf8')).join(' ')), f);
    }
    const addin = path.join(ROOT, 'addin');
    if (!fs.existsSync(addin)) return;
    for (const f of files(addin).filter((x) => !x.includes(`${path.sep}checker${path.sep}`))) {
      for (const spec of importsOf(fs.readFileSync(f, 'utf8'))) assert.ok(!/^(exceljs|node:|fs$|path$)/.test(spec), `${f} imports ${spec}`);
    }
  });
});
