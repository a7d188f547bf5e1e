// Dependencies: `npm run licenses` lists the production tree with versions and licences; no
// production dependency is the npm `xlsx` package; every version in package.json is pinned exactly.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
const { productionTree, resolve } = require('../scripts/licenses.js') as {
  productionTree: (l: unknown) => { list: { name: string; version: string; license: string; path: string }[]; missing: string[] };
  resolve: (packages: Record<string, unknown>, from: string, name: string) => string | null;
};

const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

describe('dependencies', () => {
  it('npm run licenses lists the production tree with version and licence', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'licenses.js'), '--json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const list = JSON.parse(r.stdout) as { name: string; version: string; license: string; path: string }[];
    for (const d of list) {
      assert.match(d.version, EXACT, d.name);
      assert.ok(d.license.length > 0, d.name);
      assert.ok(lock.packages[d.path], d.path);
    }
    for (const name of Object.keys(pkg.dependencies)) {
      const d = list.find((x) => x.path === `node_modules/${name}`);
      assert.ok(d, name);
      assert.equal(d.version, pkg.dependencies[name]);
    }
    assert.ok(list.some((d) => d.name === 'jszip'), 'transitive dependencies are listed');
    assert.ok(!list.some((d) => d.name === 'mocha' || d.name === 'webpack' || d.name === 'typescript'), 'devDependencies are not');
    const table = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'licenses.js')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(table.status, 0);
    assert.match(table.stdout, /^exceljs@4\.4\.0 +MIT$/m);
    assert.match(table.stdout, /\d+ production packages/);
  });

  it('the walk from "dependencies" finds exactly the packages npm marks as non-dev in the lockfile', () => {
    const { list, missing } = productionTree(lock);
    assert.deepEqual(missing, []);
    const prod = Object.entries(lock.packages as Record<string, { dev?: boolean; devOptional?: boolean }>)
      .filter(([k, v]) => k !== '' && !v.dev && !v.devOptional)
      .map(([k]) => k)
      .sort();
    assert.deepEqual(list.map((d) => d.path).sort(), prod);
  });

  it('resolves nested node_modules the way npm installs them', () => {
    const packages = { '': {}, 'node_modules/a': {}, 'node_modules/b': {}, 'node_modules/a/node_modules/b': {}, 'node_modules/a/node_modules/c': {} };
    assert.equal(resolve(packages, 'node_modules/a', 'b'), 'node_modules/a/node_modules/b');
    assert.equal(resolve(packages, 'node_modules/a/node_modules/c', 'b'), 'node_modules/a/node_modules/b');
    assert.equal(resolve(packages, 'node_modules/b', 'a'), 'node_modules/a');
    assert.equal(resolve(packages, '', 'c'), null);
  });

  it('no production dependency is the npm `xlsx` package (SheetJS on npm is unmaintained and vulnerable)', () => {
    assert.ok(!('xlsx' in (pkg.dependencies ?? {})));
    const { list } = productionTree(lock);
    assert.deepEqual(list.filter((d) => d.name === 'xlsx'), []);
  });

  it('every version in package.json is pinned exactly (no ^, ~, ranges, tags or URLs)', () => {
    const sections = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'overrides'] as const;
    let n = 0;
    for (const s of sections) {
      for (const [name, version] of Object.entries((pkg[s] ?? {}) as Record<string, unknown>)) {
        assert.equal(typeof version, 'string', `${s}.${name}`);
        assert.match(version as string, EXACT, `${s}.${name}: ${version}`);
        n++;
      }
    }
    assert.ok(n > 10);
    // The lockfile was made from this package.json.
    assert.deepEqual(lock.packages[''].dependencies, pkg.dependencies);
    assert.deepEqual(lock.packages[''].devDependencies, pkg.devDependencies);
  });
});
