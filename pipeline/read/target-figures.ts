/**
 * A coverage row's desired number of steunpunten at a participation percentage, rounded as it is
 * published, with shortfall and coverage computed from that rounded number: the figures every
 * writer shows (the CSV exports, the report's text, the site, and the overview workbook's cached
 * formula results, which must equal the CSV).
 */
import { roundHalfAway } from '../format-nl.ts';
import type { CoverageRow } from './read-monitor.ts';

/** Desired numbers as shown (rounded), and shortfall and coverage computed from what is shown. */
export function targetFigures(row: CoverageRow, participation: number, decimals: number) {
  const exact = row.desired[String(participation)];
  if (exact === undefined) return { desired: null, shortfall: null, coverage: null };
  const desired = roundHalfAway(exact, decimals);
  return {
    desired,
    shortfall: desired - row.weighted,
    coverage: desired > 0 ? (row.weighted / desired) * 100 : null,
  };
}
