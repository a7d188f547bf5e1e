// Running the compiled CLI the way an officer or CI does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'lib', 'cli', 'main.js');

export function ensureBuilt(): void {
  if (fs.existsSync(CLI)) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
}

/** `nodeArgs` go to Node before the CLI's path (e.g. a `--require` hook). */
export function runCli(args: string[], cwd = ROOT, nodeArgs: string[] = []): { code: number; stdout: string; stderr: string } {
  // A hang (the CLI must never hang) fails the test instead of blocking the suite.
  const r = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(name: string): string {
  const d = path.join(ROOT, 'test', 'out', `${name}-${process.pid}`);
  fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(d, { recursive: true });
  return d;
}
