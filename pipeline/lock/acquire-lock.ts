/**
 * One lsp-monitor process at a time per database, across processes: `<db>.lock`, created
 * atomically (open with 'wx'), holding PID, host, start time and command. A lock whose process no
 * longer runs on this host is stale and taken over. Within one process the lock is re-entrant,
 * so a scheduled run that holds it can call a command that asks for it again.
 */
import { closeSync, linkSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, resolve } from 'node:path';
import { formatDutchDateTime } from '../../sources/archive/dutch-date.ts';
import { errorCode, fileSystemReason, MonitorError } from '../../sources/errors.ts';
import { isProcessAlive, lockPathFor, readLockFile, sameHolder, type LockHolder } from './lock-file.ts';

export interface AcquireLockOptions {
  /** How long to wait for a lock held by another process, in ms; default 0: refuse at once. */
  wait?: number;
  /** How often to look again while waiting. */
  pollMs?: number;
  /** What the holder is doing, for the message another process shows; default: the command line. */
  command?: string;
  log?: (line: string) => void;
}

export interface DatabaseLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file (once the last nested holder in this process releases). */
  release(): void;
}

/** The lock is held by another live process (and waiting, if asked, did not help). */
export class LockBusyError extends MonitorError {
  constructor(
    message: string,
    readonly holder: LockHolder | undefined,
  ) {
    super(message);
  }
}

const DEFAULT_POLL_MS = 250;
/** A lock file that stays unreadable this long is not being written any more: it is debris. */
const UNREADABLE_GRACE_MS = 5_000;

interface Held {
  holder: LockHolder;
  count: number;
  removeHandlers: () => void;
}

const heldByPath = new Map<string, Held>();

export async function acquireLock(databasePath: string, options: AcquireLockOptions = {}): Promise<DatabaseLock> {
  const path = resolve(lockPathFor(databasePath));
  const held = heldByPath.get(path);
  if (held) {
    held.count += 1;
    return handle(path, held);
  }

  const log = options.log ?? (() => {});
  const wait = options.wait ?? 0;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    command: options.command ?? `lsp-monitor ${process.argv.slice(2).join(' ')}`.trim(),
  };
  const deadline = Date.now() + wait;
  let announced = false;

  for (;;) {
    if (tryCreate(path, holder)) return register(path, holder);
    const state = readLockFile(path);
    if (state.kind === 'missing') continue;
    if (state.kind === 'held' && isStale(state.holder)) {
      if (takeOver(path, state.holder)) log(staleMessage(state.holder));
      continue;
    }
    if (state.kind === 'unreadable' && ageMs(path) > UNREADABLE_GRACE_MS) {
      throw new MonitorError(`vergrendeling ${path} is onleesbaar; verwijder dat bestand als er geen lsp-monitor-proces meer draait`);
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw busyError(databasePath, path, state.kind === 'held' ? state.holder : undefined, wait);
    if (!announced && state.kind === 'held') {
      log(`database ${basename(databasePath)} is in gebruik door ${describeHolder(state.holder)}; wachten (hoogstens ${seconds(wait)})`);
      announced = true;
    }
    await new Promise((done) => setTimeout(done, Math.min(pollMs, remaining)));
  }
}

/** Runs `work` holding the lock, and always releases it. */
export async function withLock<T>(databasePath: string, options: AcquireLockOptions, work: () => Promise<T>): Promise<T> {
  const lock = await acquireLock(databasePath, options);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new MonitorError(`kan vergrendeling ${path} niet aanmaken: ${fileSystemReason(error)}; ${lockAdvice(error)}`, { cause: error });
  }
  try {
    writeSync(descriptor, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(descriptor);
  }
  return true;
}

/** The lock file sits next to the database, so the way out is another place for the database. */
function lockAdvice(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'maak ruimte vrij of kies met --db een database op een andere schijf';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'controleer het pad bij --db';
    default:
      return 'kies met --db een database in een map waar u mag schrijven';
  }
}

function isStale(holder: LockHolder): boolean {
  // A process on another machine cannot be checked from here: its lock counts as live.
  return holder.hostname === hostname() && holder.pid !== process.pid && !isProcessAlive(holder.pid);
}

/**
 * Moves the stale lock aside (rename is atomic, so of two processes taking over only one gets
 * it) and checks it really was the stale one; a fresh lock moved aside by mistake is put back.
 */
function takeOver(path: string, stale: LockHolder): boolean {
  const aside = `${path}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
  const moved = readLockFile(aside);
  if (moved.kind === 'held' && sameHolder(moved.holder, stale)) {
    unlinkSync(aside);
    return true;
  }
  try {
    linkSync(aside, path);
  } catch {
    // Someone created a lock meanwhile; theirs stands, the one moved aside is given up.
  }
  unlinkSync(aside);
  return false;
}

function register(path: string, holder: LockHolder): DatabaseLock {
  const onExit = () => removeLockFile(path, holder);
  const onSignal = (signal: NodeJS.Signals) => {
    removeLockFile(path, holder);
    heldByPath.delete(path);
    removeHandlers();
    // Nobody else handles the signal: end the process the way the signal would have.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const removeHandlers = () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const held: Held = { holder, count: 1, removeHandlers };
  heldByPath.set(path, held);
  return handle(path, held);
}

function handle(path: string, held: Held): DatabaseLock {
  let released = false;
  return {
    path,
    holder: held.holder,
    release() {
      if (released) return;
      released = true;
      held.count -= 1;
      if (held.count > 0 || heldByPath.get(path) !== held) return;
      heldByPath.delete(path);
      held.removeHandlers();
      removeLockFile(path, held.holder);
    },
  };
}

/** Removes the lock file only while it is still ours. */
function removeLockFile(path: string, holder: LockHolder): void {
  const state = readLockFile(path);
  if (state.kind !== 'held' || !sameHolder(state.holder, holder)) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function describeHolder(holder: LockHolder): string {
  const host = holder.hostname === hostname() ? '' : ` op ${holder.hostname}`;
  return `lsp-monitor-proces ${holder.pid}${host} (gestart ${formatDutchDateTime(holder.startedAt)}, commando '${holder.command}')`;
}

function staleMessage(holder: LockHolder): string {
  return `verouderde vergrendeling overgenomen: proces ${holder.pid} (gestart ${formatDutchDateTime(holder.startedAt)}, commando '${holder.command}') draait niet meer`;
}

function busyError(databasePath: string, path: string, holder: LockHolder | undefined, wait: number): LockBusyError {
  const who = holder === undefined ? 'een ander lsp-monitor-proces' : describeHolder(holder);
  const waited = wait > 0 ? ` na ${seconds(wait)} wachten nog steeds` : '';
  return new LockBusyError(
    `database ${basename(databasePath)} is${waited} in gebruik door ${who}; probeer het later opnieuw ` +
      `(draait dat proces niet meer, verwijder dan ${path})`,
    holder,
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s`;
}
