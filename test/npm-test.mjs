/**
 * `npm test`: the type check (`tsc --noEmit`) and the test suite (vitest) side by side, instead of
 * one after the other. The suite keeps both cores busy for most of its run, but not all of it
 * (waiting for processes it started, for the disk, for its last long files), and the type check
 * takes those gaps; run first, it added its 12 s of wall time to the suite's whole. Since TypeScript 7
 * (a native compiler) it takes about 3 s and 6.5 s of CPU, where TypeScript 5 took 11 s and 17 s.
 *
 * vitest prints as it goes; the type check's output comes when it ends (it prints nothing when
 * the types are right). The exit code is the suite's, or else the type check's: either failing
 * fails `npm test`. Arguments go to vitest (`npm test -- test/e2e/import.test.ts`).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const script = (path) => fileURLToPath(new URL(path, root));

const typecheck = run(script('node_modules/typescript/bin/tsc'), ['--noEmit'], { quietUntilDone: true });
const suite = run(script('node_modules/vitest/vitest.mjs'), ['run', '--config', script('test/vitest.config.ts'), ...process.argv.slice(2)], {});

/** The signal this run was stopped with, passed on to both. */
let stoppedBy;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    stoppedBy = signal;
    typecheck.child.kill(signal);
    suite.child.kill(signal);
  });
}

const [typecheckCode, suiteCode] = await Promise.all([typecheck.done, suite.done]);
if (stoppedBy !== undefined) {
  process.exitCode = 128 + os.constants.signals[stoppedBy];
} else {
  if (typecheckCode !== 0) process.stderr.write(`\nnpm test: de typecontrole (tsc --noEmit) is mislukt (code ${typecheckCode}); zie hierboven.\n`);
  process.exitCode = suiteCode !== 0 ? suiteCode : typecheckCode;
}

/** Starts `node <file> <args>`; with quietUntilDone its output is held and written when it ends. */
function run(file, args, { quietUntilDone = false }) {
  const child = spawn(process.execPath, [file, ...args], { cwd: fileURLToPath(root), stdio: quietUntilDone ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  const held = [];
  if (quietUntilDone) {
    child.stdout.on('data', (chunk) => held.push(chunk));
    child.stderr.on('data', (chunk) => held.push(chunk));
  }
  const done = new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`npm test: ${file} kon niet worden gestart: ${error.message}\n`);
      resolve(1);
    });
    child.once('close', (code, signal) => {
      if (held.length > 0) process.stdout.write(Buffer.concat(held));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  return { child, done };
}
