import type { CoverageRow } from '../../../pipeline/read/read-monitor.ts';
import { targetFigures } from '../../../pipeline/read/target-figures.ts';
import { countNl, formatCountNl, formatNumberNl, formatPercentNl } from '../../../pipeline/format-nl.ts';
import { SIZE_MIX_FILE, type Figure, type ReportInput } from '../../report-input.ts';
import { figureLink, type MarkdownColumn, markdownTable } from '../blocks.ts';

export function nationalSection({ data }: ReportInput, figures: readonly Figure[]): string {
  const weights = data.parameters.weights;
  const sizeFigure = figureLink(figures, SIZE_MIX_FILE, 'Per steunpunt staat de grootte in locaties.csv, met waar die op berust.');
  const inView = data.locations.filter((location) => location.status === 'actief').length;
  return [
    '## Landelijk beeld',
    coverageTable('Gebied', [data.national], data.parameters.participationPct),
    figureLink(
      figures,
      'figuren/gewenst-en-gewogen-per-provincie.svg',
      `Gewogen: een klein steunpunt telt als ${formatNumberNl(weights.klein, 1)}, een groot als ${formatNumberNl(weights.groot)}. De cijfers staan in de tabel Per provincie.`,
    ),
    sizeFigure !== '' || inView === 0
      ? sizeFigure
      : `Van geen van de ${countNl(inView, 'steunpunt', 'steunpunten')} in beeld is de grootte bekend, daarom is er geen figuur van de verdeling naar grootte.`,
  ].filter((part) => part !== '').join('\n\n');
}

export function provinceSection({ data }: ReportInput): string {
  return ['## Per provincie', coverageTable('Provincie', [...data.provinces, data.national], data.parameters.participationPct)].join('\n\n');
}

export function regionSection({ data }: ReportInput): string {
  return [
    '## Per IZA-regio',
    'Een IZA-regio ligt soms in twee provincies; de provincie is die met de meeste inwoners van de regio.',
    coverageTable('IZA-regio', [...data.regions, data.national], data.parameters.participationPct),
  ].join('\n\n');
}

function coverageTable(areaHeader: string, rows: readonly CoverageRow[], participation: readonly number[]): string {
  const columns: MarkdownColumn<CoverageRow>[] = [
    { header: areaHeader, value: (row) => row.area_name },
    { header: 'Inwoners', value: (row) => formatNumberNl(row.population), align: 'right' },
    { header: 'EPA', value: (row) => `${formatNumberNl(row.epa_count)} (${formatPercentNl(row.epa_pct, 2)})`, align: 'right' },
    ...participation.map((p): MarkdownColumn<CoverageRow> => ({
      header: `Gewenst ${p}%`,
      value: (row) => formatNumberNl(targetFigures(row, p, 0).desired),
      align: 'right',
    })),
    { header: 'In beeld', value: (row) => formatNumberNl(row.in_view), align: 'right' },
    { header: 'Gewogen', value: (row) => formatCountNl(row.weighted), align: 'right' },
    ...participation.map((p): MarkdownColumn<CoverageRow> => ({
      header: `Dekking ${p}%`,
      value: (row) => formatPercentNl(targetFigures(row, p, 0).coverage),
      align: 'right',
    })),
  ];
  return markdownTable(columns, rows);
}
