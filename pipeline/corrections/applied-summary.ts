/** The Dutch line the CLI prints for a corrections file taken in before; the builds follow it. */
import type { BuildSummary } from '../build/build-year.ts';
import type { AppliedCorrections } from './apply.ts';

export function takenBeforeLineNl(file: string, year: number, outcome: Exclude<AppliedCorrections['outcome'], 'applied'>): string {
  return outcome === 'rebuilt'
    ? `${file}: dit bestand is al eerder overgenomen voor ${year}, maar de monitor is daarna niet opnieuw gebouwd; dat is nu gebeurd.`
    : `${file}: dit bestand is al eerder overgenomen voor ${year}; er is niets veranderd.`;
}

export function buildsOf(applied: AppliedCorrections): BuildSummary[] {
  return 'builds' in applied ? applied.builds : [];
}
