/**
 * Which current municipality (or municipalities) an old CBS code became, following
 * municipality_changes.csv forward through every herindeling, including chains.
 */
import { currentMunicipalities, type ReferenceData } from '../../sources/reference/load.ts';
import { lastKnownPopulation } from './population.ts';

export interface CodeShare {
  gmCode: string;
  share: number;
}

export type CurrentCodes = (gmCode: string) => CodeShare[];

/**
 * Builds currentCodes(gmCode):
 * - a current code returns itself with share 1;
 * - a merger returns the one receiving code with share 1;
 * - a split returns every receiver. CBS publishes no share per part of a split municipality, so the
 *   share is the receivers' population in the latest year of population.csv, relative to each other
 *   (a receiver that has since ended itself counts with its last published population);
 * - a code that is neither current nor in the change table returns [].
 */
export function createCurrentCodes(reference: ReferenceData): CurrentCodes {
  const current = new Set(currentMunicipalities(reference).rows.map((row) => row.gm_code));
  const receivers = receiversByOldCode(reference);
  const population = lastKnownPopulation(reference);

  const follow = (gmCode: string, share: number, seen: ReadonlySet<string>, into: Map<string, number>): void => {
    if (current.has(gmCode)) {
      into.set(gmCode, (into.get(gmCode) ?? 0) + share);
      return;
    }
    const next = receivers.get(gmCode);
    if (next === undefined || seen.has(gmCode)) return;
    const weights = next.map((code) => population.get(code) ?? 0);
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    next.forEach((code, index) => {
      // Without population for the receivers there is nothing to weigh by: split evenly.
      const part = total > 0 ? (weights[index] ?? 0) / total : 1 / next.length;
      follow(code, share * part, new Set([...seen, gmCode]), into);
    });
  };

  return (gmCode) => {
    const shares = new Map<string, number>();
    follow(gmCode, 1, new Set(), shares);
    return [...shares].map(([code, share]) => ({ gmCode: code, share }));
  };
}

function receiversByOldCode(reference: ReferenceData): Map<string, string[]> {
  const receivers = new Map<string, string[]>();
  for (const change of reference.changes) {
    const list = receivers.get(change.old_gm_code) ?? [];
    if (!list.includes(change.new_gm_code)) list.push(change.new_gm_code);
    receivers.set(change.old_gm_code, list);
  }
  return receivers;
}
