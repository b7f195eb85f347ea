/**
 * Optional input of the overview beyond MonitorData: plain data the caller maps onto these
 * shapes (from the matcher, the previous year, the accessibility analysis, the figures).
 */
import type { CoverageLevel, ReviewRow } from '../read/read-monitor.ts';
import type { ReviewDecision } from './layout.ts';

export interface ReviewItem {
  /** Null when the item is a record that is not (yet) a location of its own. */
  locationId: string | null;
  name: string;
  place: string | null;
}

/** A doubtful duplicate: people decide whether A and B are the same steunpunt. */
export interface ReviewPair {
  pairId: string;
  a: ReviewItem;
  b: ReviewItem;
  score: number;
  /** Why the matcher doubts, in Dutch. */
  reason: string;
  /** A decision already taken, shown pre-filled. */
  decision?: ReviewDecision | null;
}

export interface YearOnYearRow {
  level: CoverageLevel;
  area: string;
  /** Null when the area did not exist (or was not built) in the previous year. */
  previousInView: number | null;
  inView: number;
  previousWeighted: number | null;
  weighted: number;
  /** How the change in view came about; absent for rows that do not carry it. */
  parts?: YearOnYearParts | null;
}

/**
 * How the difference in view came about (pipeline/read/diff-years.ts): verschil_in_beeld =
 * door_methode + nieuw_in_beeld − niet_meer_in_beeld + verhuisd.
 */
export interface YearOnYearParts {
  methodEffect: number;
  opened: number;
  closed: number;
  moved: number;
}

export interface YearOnYear {
  previousYear: number;
  rows: readonly YearOnYearRow[];
}

export interface WhiteSpot {
  gmCode: string;
  municipality: string;
  province: string;
  population: number;
  /** Distance from the municipality's centre to the nearest steunpunt; null when unknown. */
  distanceKm: number | null;
  /** The nearest steunpunt; null when unknown. */
  nearest: ReviewItem & { locationId: string } | null;
}

export interface WhiteSpots {
  /** A municipality is a white spot when its centre lies further than this from any steunpunt. */
  thresholdKm: number;
  municipalities: readonly WhiteSpot[];
}

export interface OverviewImage {
  /** Caption shown above the image, in Dutch. */
  name: string;
  png: Uint8Array;
}

export interface OverviewExtras {
  reviewPairs?: readonly ReviewPair[];
  yearOnYear?: YearOnYear;
  whiteSpots?: WhiteSpots;
  images?: readonly OverviewImage[];
}

/** The review pairs of a built year as the overview shows them (and as reading it back expects them). */
export function reviewPairsOf(review: readonly ReviewRow[]): ReviewPair[] {
  return review.map((row) => ({
    pairId: row.pair_id,
    a: { locationId: row.location_a, name: row.name_a, place: row.place_a },
    b: { locationId: row.location_b, name: row.name_b, place: row.place_b },
    score: row.score,
    reason: row.rule,
    decision: null,
  }));
}
