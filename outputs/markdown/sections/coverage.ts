import type { CoverageRow } from '../../../pipeline/read-monitor.ts';
import { targetFigures } from '../../csv/exports.ts';
import { formatCountNl, formatNumberNl, formatPercentNl } from '../../format-nl.ts';
import type { Figure, ReportInput } from '../../report-input.ts';
import { markdownTable, type MarkdownColumn } from '../table.ts';
import { figureLink } from './figure-link.ts';

export function nationalSection({ data }: ReportInput, figures: readonly Figure[]): string {
  return [
    '## Landelijk beeld',
    coverageTable('Gebied', [data.national], data.parameters.participationPct),
    figureLink(figures, 'figuren/gewenst-en-gewogen-per-provincie.svg'),
    figureLink(figures, 'figuren/grootte.svg'),
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
  const [first, second] = participation;
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
    ...[first, second]
      .filter((p) => p !== undefined)
      .map((p): MarkdownColumn<CoverageRow> => ({
        header: `Dekking ${p}%`,
        value: (row) => formatPercentNl(targetFigures(row, p, 0).coverage),
        align: 'right',
      })),
  ];
  return markdownTable(columns, rows);
}
