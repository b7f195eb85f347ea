/** The figures of the published monitor, from its data (see outputs/report-input.ts). */
import { formatNumberNl } from '../../pipeline/format-nl.ts';
import { SIZE_MIX_FILE, type Figure, type ReportInput } from '../report-input.ts';
import { coverageMapSvg } from './coverage-map.ts';
import { provinceBarsSvg, provinceBarsTitle } from './province-bars.ts';
import { provinceChangeSvg, provinceChangeTitle } from './province-change.ts';
import { sizeMixSvg, sizeMixTitle } from './size-mix.ts';

/** Whether a size mix shows anything: at least one steunpunt in view of known size. */
export function hasKnownSize(counts: Readonly<Record<string, number>>): boolean {
  return Object.entries(counts).some(([size, count]) => size !== 'onbekend' && count > 0);
}

export async function reportFigures({ data, previous }: ReportInput): Promise<Figure[]> {
  const participation = data.parameters.participationPct.slice(0, 3);
  const active = data.locations.filter((location) => location.status === 'actief');
  const sizeCounts = Object.fromEntries(
    (['klein', 'middelgroot', 'groot', 'onbekend'] as const).map((size) => [size, active.filter((location) => location.size_class === size).length]),
  );
  const figures: Figure[] = [
    {
      file: 'figuren/gewenst-en-gewogen-per-provincie.svg',
      title: provinceBarsTitle(data.year),
      svg: await provinceBarsSvg({
        year: data.year,
        participation,
        provinces: data.provinces.map((row) => ({ province: row.area_name, weighted: row.weighted, desired: row.desired })),
      }),
    },
  ];
  // With no size known the chart is one bar of "onbekend": the report says so in a sentence instead.
  if (hasKnownSize(sizeCounts)) {
    figures.push({ file: SIZE_MIX_FILE, title: sizeMixTitle(data.year), svg: await sizeMixSvg({ year: data.year, counts: sizeCounts }) });
  }
  if (previous) {
    const before = new Map(previous.data.provinces.map((row) => [row.area_name, row.in_view]));
    figures.push({
      file: 'figuren/verandering-per-provincie.svg',
      title: provinceChangeTitle(previous.data.year, data.year),
      svg: await provinceChangeSvg({
        previousYear: previous.data.year,
        year: data.year,
        provinces: data.provinces.map((row) => ({ province: row.area_name, previous: before.get(row.area_name) ?? 0, current: row.in_view })),
      }),
    });
  }
  const title = `Afstand hemelsbreed tot het dichtstbijzijnde steunpunt, ${data.year}`;
  figures.push({
    file: 'figuren/afstand-kaart.svg',
    title,
    svg: coverageMapSvg({
      title,
      legendTitle: 'Afstand vanaf het midden van de gemeente (km)',
      values: Object.fromEntries(data.accessibility.map((row) => [row.gm_code, row.centre_km])),
      provinceOf: Object.fromEntries(data.accessibility.map((row) => [row.gm_code, row.province])),
      points: active.flatMap((location) => (location.lat !== null && location.lon !== null ? [{ lat: location.lat, lon: location.lon }] : [])),
      breaks: [2.5, 5, 10, data.parameters.distance.whiteSpotKm, 25],
      decimals: 1,
      notes: [`Punten: ${formatNumberNl(active.length)} steunpunten in beeld, op postcode, plaats of gemeente geplaatst.`],
    }),
  });
  return figures;
}
