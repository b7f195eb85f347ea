/**
 * monitor.md: the Dutch report of one monitor year, generated from the same data as the CSV
 * exports (every number here is one of theirs, formatted the Dutch way).
 */
import type { CoverageRow, MonitorData } from '../../pipeline/read-monitor.ts';
import type { ClassifiedSize } from '../../sources/schema.ts';
import { targetFigures } from '../csv/exports.ts';
import { formatCountNl, formatNumberNl, formatPercentNl } from '../format-nl.ts';
import { escapeCell, markdownTable, type MarkdownColumn } from './table.ts';

const SIZE_LABELS: Record<ClassifiedSize, string> = {
  klein: 'klein',
  middelgroot: 'middelgroot',
  groot: 'groot',
  onbekend: 'onbekend',
};

export function monitorMarkdown(data: MonitorData): string {
  return [
    `# Stand van het land ${data.year}: laagdrempelige steunpunten`,
    '_Gegenereerd door lsp-monitor uit de bestanden in deze map. Niet met de hand bewerken: pas de bronnen aan en draai de monitor opnieuw._',
    summarySection(data),
    methodSection(data),
    coverageSection('Per provincie', 'Provincie', data.provinces, data),
    coverageSection('Per IZA-regio', 'IZA-regio', data.regions, data),
    qualitySection(data),
  ].join('\n\n').concat('\n');
}

function summarySection(data: MonitorData): string {
  const { national, parameters } = data;
  const active = data.locations.filter((location) => location.status === 'actief');
  const sizeCounts = (['klein', 'middelgroot', 'groot', 'onbekend'] as const)
    .map((size) => ({ size, count: active.filter((location) => location.size_class === size).length }))
    .filter(({ count }) => count > 0)
    .map(({ size, count }) => `${SIZE_LABELS[size]} ${formatNumberNl(count)}`);
  const desired = parameters.participationPct.map((p) => formatNumberNl(targetFigures(national, p, 0).desired));
  return [
    '## Kerncijfers',
    `- Steunpunten in beeld: **${formatNumberNl(national.in_view)}**, gewogen naar capaciteit **${formatCountNl(national.weighted)}**.`,
    `- Potentiële steunpunten: ${formatNumberNl(national.potential)}.`,
    `- Gewenst aantal bij ${parameters.participationPct.map((p) => `${p}%`).join(' / ')} deelname: ${desired.join(' / ')}.`,
    `- Grootte van de steunpunten in beeld: ${sizeCounts.join(', ')}.`,
  ].join('\n');
}

function methodSection(data: MonitorData): string {
  const { method, parameters } = data;
  const weights = parameters.weights;
  const sourceRows = markdownTable(
    [
      { header: 'Bron', value: (row) => row.source },
      { header: 'Bestand', value: (row) => row.file_name },
      { header: 'Rijen', value: (row) => formatNumberNl(row.rows_read), align: 'right' },
      { header: 'Ingelezen', value: (row) => formatNumberNl(row.rows_imported), align: 'right' },
      { header: 'Afgewezen', value: (row) => formatNumberNl(row.rows_rejected), align: 'right' },
      { header: 'sha256', value: (row) => row.sha256.slice(0, 12) },
    ],
    data.sources,
  );
  return [
    '## Werkwijze',
    `Methode **${escapeCell(method.name)}**: ${escapeCell(method.description)}. Inwoners: ${method.populationYear} (CBS, op de gemeentelijke indeling van nu). EPA-aandeel: ${method.epaYear}.`,
    `Gewenst aantal steunpunten = inwoners × EPA-aandeel / ${formatNumberNl(parameters.capacityPerWeek)} (bezoekers per steunpunt per week) × deelnamepercentage. ` +
      `Gewogen aantal: klein telt als ${formatNumberNl(weights.klein, 1)}, middelgroot als ${formatNumberNl(weights.middelgroot)}, groot als ${formatNumberNl(weights.groot)}; ` +
      `een steunpunt waarvan de grootte onbekend is telt als ${formatNumberNl(weights.onbekend)}.`,
    'Tekort = gewenst − gewogen (negatief: meer dan gewenst); dekking = gewogen / gewenst.',
    '### Bronnen',
    sourceRows,
    'Bron inwoners en gemeentelijke indeling: CBS (CC BY 4.0). EPA-aandeel: Vektis, via De Galan Groep (2024), tabel 2.4.1.',
  ].join('\n\n');
}

function coverageSection(title: string, areaHeader: string, rows: readonly CoverageRow[], data: MonitorData): string {
  const participation = data.parameters.participationPct;
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
  return [`## ${title}`, markdownTable(columns, [...rows, data.national])].join('\n\n');
}

function qualitySection(data: MonitorData): string {
  const withoutMunicipality = data.locations.filter((location) => location.gm_code === null);
  const unknownSize = data.locations.filter((location) => location.size_class === 'onbekend').length;
  const lines = [
    '## Datakwaliteit',
    `- Afgewezen rijen: ${formatNumberNl(new Set(data.rejects.map((reject) => `${reject.source}:${reject.row_number}`)).size)} (zie afgewezen.csv).`,
    `- Steunpunten waarvan de grootte onbekend is: ${formatNumberNl(unknownSize)}; zij tellen als ${formatNumberNl(data.parameters.weights.onbekend)}.`,
    `- Steunpunten zonder bekende gemeente (wel in hun IZA-regio en provincie geteld): ${formatNumberNl(withoutMunicipality.length)}.`,
    ...withoutMunicipality.map(
      (location) => `  - ${escapeCell(location.name)} (${escapeCell(location.iza_region ?? 'regio onbekend')}, ${escapeCell(location.province)})`,
    ),
  ];
  return lines.join('\n');
}
