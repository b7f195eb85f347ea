/**
 * Named points in a build ("dedupe.scoring begins"), as User Timing marks. Nothing listens in a
 * normal run; the benchmark reads them to time the phases that never touch the database.
 */
import { performance } from 'node:perf_hooks';

export const PHASE_MARK_PREFIX = 'lsp-monitor:';

export function markPhase(phase: string, detail?: Record<string, number>): void {
  performance.mark(`${PHASE_MARK_PREFIX}${phase}`, detail === undefined ? undefined : { detail });
}
