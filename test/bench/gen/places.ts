/**
 * The geography of the synthetic inventories, taken from the bundled reference data: current
 * municipalities with their IZA-region, PC4 points and woonplaatsen, and the former names
 * (municipality_changes.csv, the 2019 division) that still point to exactly one of them.
 * Every name offered here is checked against the real resolver, so a generated row resolves to
 * the municipality its truth says.
 */
import { createMunicipalityResolver, type LocationInput, type MunicipalityResolver } from '../../../pipeline/normalise/municipality-resolver.ts';
import { currentMunicipalities, loadReferenceData, type ReferenceData } from '../../../sources/reference/load.ts';

export interface Pc4Point {
  pc4: string;
  woonplaats: string;
}

export interface Municipality {
  gmCode: string;
  name: string;
  izaRegion: string | null;
  /** Weight for drawing locations: the square root of the population (see README). */
  weight: number;
  points: readonly Pc4Point[];
  /** Woonplaatsen of the municipality that resolve to it on their own, other than its own name. */
  villages: readonly string[];
  /** Former names (mergers) that resolve to exactly this municipality. */
  formerNames: readonly string[];
}

export interface Geography {
  municipalities: readonly Municipality[];
  /** Running totals of the weights, for Random.weighted. */
  cumulativeWeights: readonly number[];
  /** The municipality a set of location fields resolves to, or null when it does not resolve. */
  resolvesTo(input: LocationInput): string | null;
}

export function loadGeography(reference: ReferenceData = loadReferenceData()): Geography {
  const resolver = createMunicipalityResolver(reference);
  const resolvesTo = (input: LocationInput) => resolvedCode(resolver, input);
  const regionOf = new Map(reference.izaRegions.map((row) => [row.gm_code, row.iza_region]));
  const population = latestPopulation(reference);
  const pointsOf = groupBy(reference.pc4, (row) => row.gm_code);
  const formerNames = formerNamesByCode(reference, resolvesTo);

  const municipalities = currentMunicipalities(reference).rows.map((row): Municipality => {
    const points = (pointsOf.get(row.gm_code) ?? []).map((point) => ({ pc4: point.pc4, woonplaats: point.woonplaats }));
    const villages = [...new Set(points.map((point) => point.woonplaats))]
      .filter((place) => place !== row.name && resolvesTo({ place }) === row.gm_code)
      .sort();
    return {
      gmCode: row.gm_code,
      name: row.name,
      izaRegion: regionOf.get(row.gm_code) ?? null,
      weight: Math.sqrt(population.get(row.gm_code) ?? 10_000),
      points,
      villages,
      formerNames: formerNames.get(row.gm_code) ?? [],
    };
  });
  let total = 0;
  const cumulativeWeights = municipalities.map((municipality) => (total += municipality.weight));
  return { municipalities, cumulativeWeights, resolvesTo };
}

function resolvedCode(resolver: MunicipalityResolver, input: LocationInput): string | null {
  const resolution = resolver.resolve(input);
  return resolution.kind === 'resolved' ? resolution.gmCode : null;
}

function latestPopulation(reference: ReferenceData): Map<string, number> {
  const latest = new Map<string, { year: number; population: number }>();
  for (const row of reference.population) {
    const known = latest.get(row.gm_code);
    if (known === undefined || row.year > known.year) latest.set(row.gm_code, { year: row.year, population: row.population });
  }
  return new Map([...latest].map(([code, entry]) => [code, entry.population]));
}

function formerNamesByCode(reference: ReferenceData, resolvesTo: (input: LocationInput) => string | null): Map<string, string[]> {
  const current = new Set(currentMunicipalities(reference).rows.map((row) => row.name));
  const candidates = new Set([
    ...reference.changes.map((change) => change.old_name),
    ...(reference.municipalities.get(2019) ?? []).map((row) => row.name),
  ]);
  const byCode = new Map<string, string[]>();
  for (const name of [...candidates].sort()) {
    if (current.has(name)) continue;
    const code = resolvesTo({ municipality: name });
    if (code !== null) byCode.set(code, [...(byCode.get(code) ?? []), name]);
  }
  return byCode;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
