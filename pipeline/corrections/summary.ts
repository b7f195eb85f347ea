/** The Dutch lines the CLI prints for the corrections it read, one per correction. */
import type { Correction, CorrectionValue } from './types.ts';

export function correctionsSummaryNl(changes: readonly Correction[]): string[] {
  return changes.map((change) => {
    const line = describe(change);
    return change.rowHasErrors ? `${line} (rij ${change.row} van ${change.sheet} bevat fouten)` : line;
  });
}

function describe(change: Correction): string {
  switch (change.kind) {
    case 'change':
      return `${change.locationId} '${change.locationName}': ${change.column} ${shown(change.from)} → ${shown(change.to)}`;
    case 'new-location': {
      const { record } = change;
      const where = [record.place, record.municipality ?? record.gmCode].filter((part) => part !== undefined);
      const uniqueWhere = [...new Set(where)];
      const details = [`status ${record.status}`, `grootte ${record.size ?? 'onbekend'}`];
      return `nieuwe locatie '${record.name}'${uniqueWhere.length > 0 ? ` (${uniqueWhere.join(', ')})` : ''}: ${details.join(', ')}`;
    }
    case 'review-decision': {
      const pair = `${change.locationA ?? '?'} en ${change.locationB ?? '?'}`;
      return `paar ${change.pairId}: ${pair} ${change.decision === 'zelfde' ? 'zijn dezelfde locatie' : 'zijn verschillende locaties'}`;
    }
  }
}

function shown(value: CorrectionValue): string {
  return value === null ? '(leeg)' : String(value);
}
