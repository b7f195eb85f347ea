/**
 * What the site's maps show, computed once per year: per municipality its province, IZA-region,
 * distance and coverage class and tooltip text; the steunpunten in view grouped per map spot.
 */
import { formatNumberNl, formatPercentNl } from '../../pipeline/format-nl.ts';
import type { LocationRow, MonitorData } from '../../pipeline/read/read-monitor.ts';
import { targetFigures } from '../../pipeline/read/target-figures.ts';
import { classIndex, classLabels } from '../figures/map-classes.ts';
import { NEUTRAL, sequentialColours } from '../figures/palette.ts';

export interface MapClass {
  label: string;
  colour: string;
}

export interface MapMunicipality {
  code: string;
  name: string;
  province: string;
  izaRegion: string | null;
  /** Class index into distanceClasses / coverageClasses, or null for "geen gegevens". */
  distanceClass: number | null;
  coverageClass: number | null;
  tip: string;
}

export interface MapModel {
  year: number;
  /** Participation percentage the coverage colours use (the middle of the configured ones). */
  coveragePct: number;
  distanceClasses: MapClass[];
  coverageClasses: MapClass[];
  municipalities: Map<string, MapMunicipality>;
  steunpunten: LocationRow[];
}

export const MISSING_COLOUR = NEUTRAL.missing;
const COVERAGE_BREAKS = [25, 50, 100, 200];

export function mapModel(data: MonitorData): MapModel {
  const distanceBreaks = [2.5, 5, 10, data.parameters.distance.whiteSpotKm, 25];
  const distanceColours = sequentialColours(distanceBreaks.length + 1);
  const coverageColours = [...sequentialColours(COVERAGE_BREAKS.length + 1)].reverse();
  const participation = data.parameters.participationPct;
  const coveragePct = participation[Math.floor((participation.length - 1) / 2)] ?? 30;
  const accessibility = new Map(data.accessibility.map((row) => [row.gm_code, row]));
  const municipalities = new Map<string, MapMunicipality>();
  for (const row of data.municipalities) {
    const distance = accessibility.get(row.area)?.centre_km ?? null;
    const coverage = targetFigures(row, coveragePct, 1).coverage;
    municipalities.set(row.area, {
      code: row.area,
      name: row.area_name,
      province: row.province ?? '',
      izaRegion: row.iza_region,
      distanceClass: distance === null ? null : classIndex(distance, distanceBreaks),
      coverageClass: coverage === null ? null : classIndex(coverage, COVERAGE_BREAKS),
      tip: [
        `Gemeente ${row.area_name}`,
        `Afstand tot het dichtstbijzijnde steunpunt: ${distance === null ? 'onbekend' : `${formatNumberNl(distance, 1)} km`}`,
        `Steunpunten in beeld: ${formatNumberNl(row.in_view)}`,
        `Dekking bij ${coveragePct}%: ${formatPercentNl(coverage)}`,
        `IZA-regio: ${row.iza_region ?? 'onbekend'}`,
      ].join('\n'),
    });
  }
  return {
    year: data.year,
    coveragePct,
    distanceClasses: classLabels(distanceBreaks, 1).map((label, index) => ({ label: withUnit(label, ' km'), colour: distanceColours[index] ?? MISSING_COLOUR })),
    coverageClasses: classLabels(COVERAGE_BREAKS).map((label, index) => ({ label: withUnit(label, '%'), colour: coverageColours[index] ?? MISSING_COLOUR })),
    municipalities,
    steunpunten: data.locations.filter((location) => location.status === 'actief'),
  };
}

/** "5 tot 10" → "5 km tot 10 km", "25 of meer" → "25 km of meer". */
function withUnit(label: string, unit: string): string {
  return label.replace(/\d[\d.]*(,\d+)?/g, (number) => `${number}${unit}`);
}

/** "galan2024:57; mind2025:12" → "lijst ‘galan2024’, rij 57; lijst ‘mind2025’, rij 12": the name given at import, then the row. */
export function sourcesNl(sources: string): string {
  return sources
    .split(/[;,]\s*/)
    .filter((part) => part !== '')
    .map((part) => {
      const [source, row] = part.split(':');
      return row === undefined ? `lijst ‘${part}’` : `lijst ‘${source ?? ''}’, rij ${row}`;
    })
    .join('; ');
}

export function steunpuntTip(location: LocationRow): string {
  return [
    location.name,
    `Organisatie: ${location.organisation ?? 'onbekend'}`,
    `Grootte: ${location.size_class}`,
    `Gemeente: ${location.municipality ?? 'onbekend'}`,
    `Bron: ${sourcesNl(location.sources)}`,
  ].join('\n');
}
