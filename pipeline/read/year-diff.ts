/**
 * A year-on-year difference (pipeline/read/diff-years.ts reads it) and its summaries in Dutch.
 * Apart from the read, without zod or DuckDB: the report worker imports the summaries.
 */
import type { CoverageMethod } from '../../sources/settings/monitor-config.ts';
import { countNl, formatChangeNl, formatChangePctNl, formatNumberNl } from '../format-nl.ts';

export type ChangeKind = 'nieuw' | 'niet meer in beeld' | 'gewijzigd' | 'ongewijzigd';

export interface LocationChange {
  locationId: string;
  name: string;
  organisation: string | null;
  municipality: string | null;
  province: string;
  izaRegion: string | null;
  change: ChangeKind;
  /** Changed fields as "veld: oud → nieuw", or why a location is new or gone. */
  details: string;
}

export interface AreaChange {
  level: 'nederland' | 'provincie' | 'iza_regio';
  area: string;
  inViewBefore: number;
  inViewAfter: number;
  weightedBefore: number;
  weightedAfter: number;
  difference: number;
  /** % change of in-view count; null when there were none before. */
  changePct: number | null;
  /** The earlier year's steunpunten in view, counted as the later year's method counts them. */
  recountedBefore: number;
  /** recountedBefore − inViewBefore: the part of the difference that only the method makes. */
  methodEffect: number;
  /** In view now and not before (new, or back in view). */
  opened: number;
  /** In view before and not now. */
  closed: number;
  /** In view both years, net number that now counts in this area and before counted in another. */
  moved: number;
}

export type ProvinceOfLocation = CoverageMethod['provinceOfLocation'];

export interface YearMethod {
  year: number;
  name: string;
  /** The method in words, for people (never the configuration key). */
  label: string;
  provinceOfLocation: ProvinceOfLocation;
}

export interface YearDiff {
  from: number;
  to: number;
  methods: { before: YearMethod; after: YearMethod };
  locations: LocationChange[];
  areas: AreaChange[];
}

/** "318 steunpunten, +40 (+14%) ten opzichte van 2024" */
export function diffSummaryNl(diff: YearDiff): string {
  const national = diff.areas.find((area) => area.level === 'nederland');
  if (!national) return '';
  const pct = national.changePct === null ? '' : ` (${formatChangePctNl(national.changePct)})`;
  const counts = (['nieuw', 'niet meer in beeld', 'gewijzigd'] as const)
    .map((kind) => `${formatNumberNl(diff.locations.filter((location) => location.change === kind).length)} ${kind}`)
    .join(', ');
  return `${countNl(national.inViewAfter, 'steunpunt', 'steunpunten')}, ${formatChangeNl(national.difference)}${pct} ten opzichte van ${diff.from} (${counts}).`;
}

const PROVINCE_RULE_NL: Record<ProvinceOfLocation, string> = {
  'iza-regio': 'in de provincie van zijn IZA-regio',
  gemeente: 'in de provincie van zijn gemeente',
};

/**
 * In Dutch, when the two years were built with different methods: how each counts a steunpunt's
 * province, and per province how much of the difference comes from that alone. Empty when both
 * years use the same method.
 */
export function methodChangeNl(diff: YearDiff): string {
  const { before, after } = diff.methods;
  if (before.name === after.name) return '';
  const intro = `${before.year} is berekend met methode ${before.label} en ${after.year} met ${after.label}.`;
  if (before.provinceOfLocation === after.provinceOfLocation) {
    return `${intro} Beide tellen een steunpunt ${PROVINCE_RULE_NL[after.provinceOfLocation]}, dus de methode verandert het aantal in beeld per provincie niet.`;
  }
  const shifted = diff.areas.filter((area) => area.level === 'provincie' && area.methodEffect !== 0);
  const rules = `In ${before.year} telt een steunpunt mee ${PROVINCE_RULE_NL[before.provinceOfLocation]}, in ${after.year} ${PROVINCE_RULE_NL[after.provinceOfLocation]}.`;
  if (shifted.length === 0) return `${intro} ${rules} Daardoor telt geen enkel steunpunt in een andere provincie.`;
  const list = shifted.map((area) => `${area.area} ${area.methodEffect > 0 ? '+' : '−'}${Math.abs(area.methodEffect)}`).join(', ');
  return `${intro} ${rules} Alleen daardoor, zonder dat een steunpunt verhuisde, verandert het aantal in beeld per provincie: ${list}. ` +
    'De rest van het verschil komt van steunpunten die nieuw in beeld kwamen, niet meer in beeld zijn of naar een andere provincie verhuisden.';
}
