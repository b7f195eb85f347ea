/**
 * Test fixture, run as a child process: takes the lock of the database given as first argument,
 * prints its holder as one JSON line, and holds it for the milliseconds given as second argument
 * (or, with -1, until a signal ends the process).
 */
import { acquireLock } from '../../../pipeline/lock/acquire-lock.ts';

const [databasePath = '', holdMs = '-1'] = process.argv.slice(2);
const lock = await acquireLock(databasePath, { command: 'lsp-monitor testproces' });
process.stdout.write(`${JSON.stringify(lock.holder)}\n`);
const hold = Number(holdMs);
if (hold >= 0) {
  setTimeout(() => {
    lock.release();
    process.exit(0);
  }, hold);
} else {
  setInterval(() => {}, 60_000);
}
