#!/usr/bin/env node
// Production dependencies (the tree under package.json "dependencies", resolved in
// package-lock.json the way npm installs it) with version and licence.
//   npm run licenses            a table
//   npm run licenses -- --json  one JSON array: [{ name, version, license, path }]
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

function licenseOf(location, entry) {
  if (typeof entry.license === 'string' && entry.license) return entry.license;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, location, 'package.json'), 'utf8'));
    if (typeof pkg.license === 'string' && pkg.license) return pkg.license;
    if (pkg.license && typeof pkg.license.type === 'string') return pkg.license.type;
    if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type ?? l).join(' OR ');
  } catch {
    /* not installed: the lockfile is all there is */
  }
  return 'UNKNOWN';
}

/** Where npm put dependency `name` of the package at `from` ("" is the project): nearest node_modules up the tree. */
function resolve(packages, from, name) {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return null;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i < 0 ? '' : dir.slice(0, i);
  }
}

function productionTree(lock) {
  const packages = lock.packages ?? {};
  const root = packages[''] ?? {};
  const seen = new Map();
  const missing = [];
  const queue = [['', { ...root.dependencies, ...root.optionalDependencies }]];
  while (queue.length) {
    const [from, deps] = queue.shift();
    for (const name of Object.keys(deps ?? {})) {
      const at = resolve(packages, from, name);
      if (!at) {
        if (!(root.optionalDependencies ?? {})[name] && !(packages[from]?.optionalDependencies ?? {})[name]) missing.push(`${name} (from ${from || 'package.json'})`);
        continue;
      }
      if (seen.has(at)) continue;
      const e = packages[at];
      const target = e.link ? e.resolved : at; // workspaces / file: links
      const entry = packages[target] ?? e;
      seen.set(at, { name, version: entry.version ?? '', license: licenseOf(target, entry), path: at });
      queue.push([target, { ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies }]);
    }
  }
  return { list: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path)), missing };
}

function main() {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const { list, missing } = productionTree(lock);
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
  } else {
    // One line per name@version (npm may install the same version at several places).
    const unique = new Map();
    for (const d of list) unique.set(`${d.name}@${d.version}`, d.license);
    const w = Math.max(...[...unique.keys()].map((k) => k.length));
    for (const [k, license] of unique) process.stdout.write(`${k.padEnd(w)}  ${license}\n`);
    const byLicense = new Map();
    for (const license of unique.values()) byLicense.set(license, (byLicense.get(license) ?? 0) + 1);
    const summary = [...byLicense].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} ${n}`).join(', ');
    process.stdout.write(`\n${unique.size} production packages (${list.length} installed copies): ${summary}\n`);
    if (byLicense.has('UNKNOWN')) process.stdout.write('UNKNOWN: the package declares no licence in package.json\n');
  }
  if (missing.length) {
    process.stderr.write(`licenses: not in package-lock.json: ${missing.join(', ')}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
module.exports = { productionTree, resolve };
