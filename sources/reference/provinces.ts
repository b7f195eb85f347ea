/** The twelve provinces in CBS order (PV20–PV31, north to south), as the monitor's tables list them. */
export const PROVINCES = [
  { code: 'PV20', name: 'Groningen' },
  { code: 'PV21', name: 'Friesland' },
  { code: 'PV22', name: 'Drenthe' },
  { code: 'PV23', name: 'Overijssel' },
  { code: 'PV24', name: 'Flevoland' },
  { code: 'PV25', name: 'Gelderland' },
  { code: 'PV26', name: 'Utrecht' },
  { code: 'PV27', name: 'Noord-Holland' },
  { code: 'PV28', name: 'Zuid-Holland' },
  { code: 'PV29', name: 'Zeeland' },
  { code: 'PV30', name: 'Noord-Brabant' },
  { code: 'PV31', name: 'Limburg' },
] as const;

/** Sort key of a province name in CBS order; unknown names sort last. */
export function provinceRank(name: string | null): number {
  const index = PROVINCES.findIndex((province) => province.name === name);
  return index === -1 ? PROVINCES.length : index;
}
