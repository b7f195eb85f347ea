import { join } from 'node:path';
import { writeFileAtomic } from '../write-file-atomic.ts';
import { VERDICT_FILE } from './layout.ts';
import type { Verdict } from './manifest.ts';

/** Records the outcome of parsing a snapshot; only after a good verdict is the snapshot ever used. */
export async function writeVerdict(snapshotDir: string, verdict: Verdict): Promise<void> {
  await writeFileAtomic(join(snapshotDir, VERDICT_FILE), `${JSON.stringify(verdict, null, 2)}\n`);
}
