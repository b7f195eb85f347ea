/** The lock file next to the database: who holds it, since when, for what. */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

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
    throw error;
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

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
