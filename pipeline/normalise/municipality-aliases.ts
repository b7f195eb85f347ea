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
  {
    alias: 'Den Bosch',
    gmCode: 'GM0796',
    why: "CBS names the municipality 's-Hertogenbosch; coordinators' lists write Den Bosch (REAL-SHAPES.md)",
  },
  {
    alias: 'Nuenen c.a.',
    gmCode: 'GM0820',
    why: "the municipality Nuenen, Gerwen en Nederwetten calls itself Nuenen c.a.; lists copy it (REAL-SHAPES.md)",
  },
  {
    alias: 'Nuenen ca',
    gmCode: 'GM0820',
    why: 'Nuenen c.a. as Vektis writes it, without the points (REAL-SHAPES.md)',
  },
];
