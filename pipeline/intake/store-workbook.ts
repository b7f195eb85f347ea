/** The working group's edited overview, read by intake-workbook.ts, applied as corrections. */
import { MonitorError } from '../../sources/errors.ts';
import { applyCorrections } from '../corrections/apply.ts';
import { takenBeforeLineNl } from '../corrections/applied-summary.ts';
import type { WorkbookCorrections } from '../corrections/types.ts';
import type { IntakeTarget } from './intake-target.ts';

/**
 * A bundled overview (`run`, source correcties in inputs.json) must be valid as a whole: a
 * published year is not rebuilt from part of its corrections.
 */
export async function storeWorkbookCorrections(parsed: WorkbookCorrections, target: IntakeTarget): Promise<{ lines: string[] }> {
  const { database, context, year, file, sha256 } = target;
  const [first] = parsed.errors;
  if (first !== undefined) {
    throw new MonitorError(
      `het meegeleverde overzicht van ${year} heeft ${parsed.errors.length} ongeldige wijziging(en), de eerste: ${first.message}; ` +
        `controleer het met 'lsp-monitor corrections ${file} --year ${year} --dry-run'`,
      { location: { file } },
    );
  }
  const applied = await applyCorrections(database, context, { year, name: file, sha256 }, parsed.changes);
  return { lines: [applied.outcome === 'applied' ? `${file}: ${applied.changes} wijziging(en) overgenomen.` : takenBeforeLineNl(file, year, applied.outcome)] };
}
