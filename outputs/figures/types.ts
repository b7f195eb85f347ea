/**
 * Input of the figure functions: plain data, no database or pipeline types, so the caller maps
 * MonitorData onto these and every figure stays a pure function of its input.
 */

/** One province in the weighted-versus-desired bars. */
export interface ProvinceTarget {
  province: string;
  /** Weighted number of steunpunten in view. */
  weighted: number;
  /** Desired number per participation percentage, e.g. { 15: 12.4, 30: 24.9, 45: 37.3 }. */
  desired: Readonly<Record<number, number>>;
}

export interface ProvinceBarsInput {
  year: number;
  /** In the order to draw them, top to bottom (CBS order). */
  provinces: readonly ProvinceTarget[];
  /** Participation percentages to mark; default 15, 30 and 45. At most three. */
  participation?: readonly number[];
}

export type SizeClass = 'klein' | 'middelgroot' | 'groot' | 'onbekend';

export interface SizeMixInput {
  year: number;
  /** Number of steunpunten in view per size class; a missing class counts as 0. */
  counts: Readonly<Partial<Record<SizeClass, number>>>;
}

/** One province in the change between two monitor years. */
export interface ProvinceChange {
  province: string;
  previous: number;
  current: number;
}

export interface ProvinceChangeInput {
  previousYear: number;
  year: number;
  /** In the order to draw them, top to bottom (CBS order). */
  provinces: readonly ProvinceChange[];
}

/** A point in WGS84 degrees. */
export interface LonLat {
  lon: number;
  lat: number;
}

export interface CoverageMapInput {
  /** E.g. "Afstand tot het dichtstbijzijnde steunpunt, 2024". */
  title: string;
  /** E.g. "Afstand in km". */
  legendTitle: string;
  /** Value per GM code (e.g. "GM0363"); a code that is missing or null is drawn as "geen gegevens". */
  values: Readonly<Record<string, number | null>>;
  /** Province per GM code, for the province borders; every municipality of the map needs one. */
  provinceOf: Readonly<Record<string, string>>;
  /** The steunpunten, drawn as dots. */
  points: readonly LonLat[];
  /**
   * Upper bounds of every class but the last, strictly ascending; n breaks give n + 1 classes (at most 7;
   * 5 or 6 read best). Default: quantile breaks over the values, rounded, for 5 classes.
   */
  breaks?: readonly number[];
  /** Decimals in the legend labels; default 0. */
  decimals?: number;
  /** Extra caption lines below the CBS attribution, e.g. the source of the steunpunten. */
  notes?: readonly string[];
}
