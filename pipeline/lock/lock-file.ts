/** The lock file next to the database: who holds it, since when, for what. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { errorCode, fileSystemReason, MonitorError } from '../../sources/errors.ts';

export const LockHolder = z.object({
  pid: z.number().int().positive(),
  hostname: z.string().min(1),
  startedAt: z.iso.datetime(),
  command: z.string(),
});
export type LockHolder = z.infer<typeof LockHolder>;

export function lockPathFor(databasePath: string): string {
  return `${databasePath}.lock`;
}

/** 'unreadable': empty or not a holder, e.g. because its creator is still writing it. */
export type LockFileState = { kind: 'held'; holder: LockHolder } | { kind: 'missing' } | { kind: 'unreadable' };

export function readLockFile(path: string): LockFileState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    if (errorCode(error) === 'EISDIR') {
      throw new MonitorError(
        `vergrendeling ${path} is een map, geen bestand; hernoem of verplaats die map als er geen lsp-monitor-proces meer draait, of kies met --db een andere database`,
        { cause: error },
      );
    }
    throw new MonitorError(`kan vergrendeling ${path} niet lezen: ${fileSystemReason(error)}; kies met --db een database in een map waar u mag schrijven`, {
      cause: error,
    });
  }
  try {
    const holder = LockHolder.safeParse(JSON.parse(text));
    return holder.success ? { kind: 'held', holder: holder.data } : { kind: 'unreadable' };
  } catch {
    return { kind: 'unreadable' };
  }
}

export function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.startedAt === b.startedAt;
}

/** Whether a process with this PID runs on this machine (signal 0 only checks, it sends nothing). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return errorCode(error) !== 'ESRCH';
  }
}
