/**
 * The working group's edited overview, read by intake-workbook.ts, taken in as corrections. One
 * store for both ways it comes in: `lsp-monitor corrections` (its --partial and --dry-run are in
 * the target) and a bundled overview of `run`. It decides what is applied and says the outcome
 * in one Dutch line; the caller shows what was read (errors, changes) and refuses a file in its
 * own words.
 */
import type { BuildSummary } from '../build/build-year.ts';
import { applyCorrections, type AppliedCorrections } from '../corrections/apply.ts';
import { buildsOf, takenBeforeLineNl } from '../corrections/applied-summary.ts';
import { alreadyApplied } from '../corrections/store.ts';
import type { Correction, WorkbookCorrections } from '../corrections/types.ts';
import type { IntakeTarget } from './intake-target.ts';
import type { FileIntake } from './store-file-source.ts';

export type WorkbookIntake = FileIntake &
  (
    | /** This file (by sha256) was taken in before: not looked at again; a build older than it is made now, unless a dry run. */
    { outcome: 'taken-before'; builds: BuildSummary[] }
    /** It has errors and --partial was not given: nothing is taken in (no line; the caller refuses it). */
    | { outcome: 'refused'; read: WorkbookCorrections }
    /** No clean change: nothing is taken in. */
    | { outcome: 'no-changes'; read: WorkbookCorrections }
    /** The clean changes, not taken in (--dry-run). */
    | { outcome: 'dry-run'; read: WorkbookCorrections; accepted: Correction[] }
    | { outcome: 'applied'; read: WorkbookCorrections; accepted: Correction[]; builds: BuildSummary[] }
  );

export async function storeWorkbookCorrections(read: WorkbookCorrections, target: IntakeTarget): Promise<WorkbookIntake> {
  const { database, context, year, file, sha256, partial = false, dryRun = false } = target;
  const corrections = { year, name: file, sha256 };
  if (await alreadyApplied(database, year, sha256)) {
    const applied: AppliedCorrections = dryRun ? { outcome: 'already-applied' } : await applyCorrections(database, context, corrections, []);
    return { outcome: 'taken-before', lines: [appliedLine(file, year, applied)], builds: buildsOf(applied) };
  }
  if (read.errors.length > 0 && !partial) return { outcome: 'refused', read, lines: [] };
  const accepted = read.changes.filter((change) => !change.rowHasErrors);
  if (accepted.length === 0) return { outcome: 'no-changes', read, lines: [`${file}: geen wijzigingen ten opzichte van monitor ${year}.`] };
  if (dryRun) return { outcome: 'dry-run', read, accepted, lines: [`${file}: ${accepted.length} wijziging(en) gevonden; niets overgenomen (--dry-run).`] };
  const applied = await applyCorrections(database, context, corrections, accepted);
  return { outcome: 'applied', read, accepted, lines: [appliedLine(file, year, applied)], builds: buildsOf(applied) };
}

function appliedLine(file: string, year: number, applied: AppliedCorrections): string {
  return applied.outcome === 'applied' ? `${file}: ${applied.changes} wijziging(en) overgenomen.` : takenBeforeLineNl(file, year, applied.outcome);
}
