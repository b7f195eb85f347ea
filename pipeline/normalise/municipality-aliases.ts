/**
 * Names people use for a municipality that no CBS list contains. Keep this tiny: a name belongs
 * here only when it is common and points to exactly one current municipality.
 */
export interface MunicipalityAlias {
  alias: string;
  gmCode: string;
  why: string;
}

export const MUNICIPALITY_ALIASES: readonly MunicipalityAlias[] = [
  {
    alias: 'Den Haag',
    gmCode: 'GM0518',
    why: "CBS names the municipality 's-Gravenhage; Den Haag is the name in everyday use (De Galan 2024 writes it)",
  },
];
