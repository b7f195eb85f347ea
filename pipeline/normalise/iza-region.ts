/**
 * The 42 IZA-regio's as spelled in the crosswalk (municipality_iza_region_2025.csv, = tabel 2.2.1 of
 * De Galan 2024), recognised from any spelling that differs only in case and separators, or from a
 * Bijlage 1 heading.
 */
import { currentMunicipalities, type ReferenceData } from '../../sources/reference/load.ts';
import { lastKnownPopulation } from './population.ts';
import { normaliseKey } from './text-key.ts';

/** Bijlage 1 headings that differ from the tabel 2.2.1 names (galan2024/SOURCES.md). */
export const IZA_REGION_ALIASES: readonly { alias: string; region: string }[] = [
  { alias: 'Apeldoorn/Zutphen', region: 'Apeldoorn / Zutphen' },
  { alias: 'Arnhem/Centraal Gelderland', region: 'Arnhem / Centraal Gelderland' },
  { alias: 'Groningen', region: 'Groningen (provincie)' },
  { alias: 'Hart van Brabant/Midden-Brabant', region: 'Hart van Brabant / Midden-Brabant' },
  { alias: 'Helmond – de Peel', region: 'Helmond-de Peel' },
  { alias: 'Midden-Holland', region: 'Midden Holland' },
  { alias: 'MVS gemeenten', region: 'MVS-gemeenten' },
  { alias: 'Noord- en Midden-Limburg', region: 'Noord en Midden-Limburg' },
  { alias: 'Noord Holland Noord', region: 'Noord-Holland Noord' },
  { alias: 'Noordoost-Brabant', region: 'Noordoost Brabant' },
  { alias: 'ZHE-BAR', region: 'ZHE-BAR (Zuid Hollandse Eilanden en BAR gemeenten)' },
];

export interface IzaRegionIndex {
  /** The crosswalk spelling of a region name, or null when it is no IZA-regio. */
  canonical(text: string): string | null;
  /** The province holding most of the region's population; throws for a name that is not canonical. */
  province(region: string): string;
  /** The region of a current municipality, or null when the crosswalk lacks the code. */
  regionOf(gmCode: string): string | null;
}

export function createIzaRegionIndex(reference: ReferenceData): IzaRegionIndex {
  const regionByCode = new Map(reference.izaRegions.map((row) => [row.gm_code, row.iza_region]));
  const regions = [...new Set(regionByCode.values())];
  const byKey = new Map(regions.map((region) => [normaliseKey(region), region]));
  for (const { alias, region } of IZA_REGION_ALIASES) {
    const key = normaliseKey(alias);
    const existing = byKey.get(key);
    if (!regions.includes(region) || (existing !== undefined && existing !== region)) {
      throw new Error(`IZA-regio-alias '${alias}' → '${region}' past niet bij de crosswalk`);
    }
    byKey.set(key, region);
  }
  const provinceByRegion = majorityProvinces(reference, regionByCode);

  return {
    canonical: (text) => byKey.get(normaliseKey(text)) ?? null,
    province: (region) => {
      const province = provinceByRegion.get(region);
      if (province === undefined) throw new Error(`'${region}' is geen IZA-regio uit de crosswalk`);
      return province;
    },
    regionOf: (gmCode) => regionByCode.get(gmCode) ?? null,
  };
}

function majorityProvinces(reference: ReferenceData, regionByCode: ReadonlyMap<string, string>): Map<string, string> {
  const provinceByCode = new Map(currentMunicipalities(reference).rows.map((row) => [row.gm_code, row.province]));
  const population = lastKnownPopulation(reference);
  const totals = new Map<string, Map<string, number>>();
  for (const [gmCode, region] of regionByCode) {
    const province = provinceByCode.get(gmCode);
    if (province === undefined) continue;
    const perProvince = totals.get(region) ?? new Map<string, number>();
    perProvince.set(province, (perProvince.get(province) ?? 0) + (population.get(gmCode) ?? 0));
    totals.set(region, perProvince);
  }
  return new Map(
    [...totals].map(([region, perProvince]) => {
      const [largest] = [...perProvince].sort(([nameA, a], [nameB, b]) => b - a || nameA.localeCompare(nameB));
      return [region, largest?.[0] ?? ''] as const;
    }),
  );
}
