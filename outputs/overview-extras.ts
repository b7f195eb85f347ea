/** Maps a year's report input (and its figures) onto what the overview shows beyond MonitorData. */
import { reviewPairsOf, type OverviewExtras, type OverviewImage } from '../pipeline/workbook/extras.ts';
import { svgToPng } from './figures/render-png.ts';
import type { Figure, ReportInput } from './report-input.ts';

/** `pngs`: the figures as PNG, in their order, if already drawn (default: drawn here). */
export function overviewExtras(input: ReportInput, figures: readonly Figure[], pngs?: readonly Uint8Array[]): OverviewExtras {
  return { ...overviewTables(input), images: overviewImages(figures, pngs) };
}

/** The figures as the overview's images (Toelichting), from their PNGs if already drawn (default: drawn here). */
export function overviewImages(figures: readonly Figure[], pngs?: readonly Uint8Array[]): OverviewImage[] {
  return figures.map((figure, index) => ({ name: figure.title, png: pngs?.[index] ?? svgToPng(figure.svg) }));
}

/** What the overview shows beyond MonitorData but the images: known before the figures are drawn. */
export function overviewTables({ data, previous }: ReportInput): Omit<OverviewExtras, 'images'> {
  return {
    reviewPairs: reviewPairsOf(data.review),
    ...(previous
      ? {
          yearOnYear: {
            previousYear: previous.data.year,
            rows: previous.diff.areas.map((area) => ({
              level: area.level,
              area: area.area,
              previousInView: area.inViewBefore,
              inView: area.inViewAfter,
              previousWeighted: area.weightedBefore,
              weighted: area.weightedAfter,
              parts: { methodEffect: area.methodEffect, opened: area.opened, closed: area.closed, moved: area.moved },
            })),
          },
        }
      : {}),
    whiteSpots: {
      thresholdKm: data.parameters.distance.whiteSpotKm,
      municipalities: data.whiteSpots.map((spot) => {
        const nearestId = data.accessibility.find((row) => row.gm_code === spot.gm_code)?.nearest_location_id ?? null;
        return {
          gmCode: spot.gm_code,
          municipality: spot.municipality,
          province: spot.province,
          population: spot.population ?? 0,
          distanceKm: spot.centre_km,
          nearest: nearestId === null || spot.nearest_name === null ? null : { locationId: nearestId, name: spot.nearest_name, place: spot.nearest_place },
        };
      }),
    },
  };
}
