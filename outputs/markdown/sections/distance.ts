import { formatNumberNl, formatPercentNl } from '../../../pipeline/format-nl.ts';
import type { Figure, ReportInput } from '../../report-input.ts';
import { figureLink, type MarkdownColumn, markdownTable } from '../blocks.ts';

interface ReachLine {
  area: string;
  population: number;
  shares: Map<number, number>;
}

export function distanceSection({ data }: ReportInput, figures: readonly Figure[]): string {
  const thresholds = data.parameters.distance.thresholdsKm;
  const lines = new Map<string, ReachLine>();
  for (const row of data.reach) {
    const line = lines.get(row.area) ?? { area: row.area, population: 0, shares: new Map<number, number>() };
    line.shares.set(row.km, row.share * 100);
    lines.set(row.area, line);
  }
  const populationOf = new Map([...data.provinces, data.national].map((row) => [row.area_name, row.population ?? 0]));
  const ordered = [...data.provinces.map((row) => row.area_name), data.national.area_name].flatMap((area) => {
    const line = lines.get(area);
    return line ? [{ ...line, population: populationOf.get(area) ?? 0 }] : [];
  });
  const columns: MarkdownColumn<ReachLine>[] = [
    { header: 'Gebied', value: (row) => row.area },
    { header: 'Inwoners', value: (row) => formatNumberNl(row.population), align: 'right' },
    ...thresholds.map((km): MarkdownColumn<ReachLine> => ({
      header: `Binnen ${formatNumberNl(km)} km`,
      value: (row) => formatPercentNl(row.shares.get(km) ?? null, 1),
      align: 'right',
    })),
  ];
  return [
    '## Afstand',
    'Aandeel van de inwoners dat **hemelsbreed** binnen een bepaalde afstand van een steunpunt in beeld woont. ' +
      'Hemelsbreed is korter dan over de weg (zo meet het CBS de nabijheid van voorzieningen), en zegt niets over de reistijd ' +
      'met het openbaar vervoer (de norm van 45 minuten). Steunpunten staan op hun postcode, anders op hun plaats of gemeente.',
    markdownTable(columns, ordered),
    figureLink(figures, 'figuren/afstand-kaart.svg', `Gemeenten verder dan ${formatNumberNl(data.parameters.distance.whiteSpotKm)} km van een steunpunt staan in de tabel Witte vlekken; elke gemeente staat in afstand.csv.`),
  ].filter((part) => part !== '').join('\n\n');
}
