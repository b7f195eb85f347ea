import type { SourceBatch } from '../../../pipeline/read/read-monitor.ts';
import { countNl, formatNumberNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';
import { escapeCell } from '../blocks.ts';

/**
 * The appendix "Verantwoording": what a reader needs to check or reproduce the report, kept out of
 * its text: how it was made, the method's key in the configuration, and every file read with its
 * fingerprint (sha256).
 */
export function accountabilitySection({ data }: ReportInput): string {
  return [
    '## Verantwoording',
    'Dit rapport is gemaakt met lsp-monitor, uit dezelfde gegevens als de CSV-bestanden en het Excel-overzicht in deze map. ' +
      'Pas het niet met de hand aan: verbeter de bronnen en maak de monitor opnieuw, dan kloppen rapport en bestanden met elkaar.',
    `Rekenwijze van ${data.year} in de instellingen (monitor.config.json): ${escapeCell(data.method.name)}.`,
    '### Ingelezen lijsten',
    data.sources.length === 0
      ? 'Geen.'
      : 'Per lijst de bron, het bestand, de rijen en de vingerafdruk (sha256) van het bestand: een ander of gewijzigd bestand heeft een andere vingerafdruk.\n\n' +
        data.sources.map(sourceLine).join('\n'),
  ].join('\n\n');
}

function sourceLine(source: SourceBatch): string {
  return (
    `- Bron ${escapeCell(source.source)}, bestand ${escapeCell(source.file_name)}: ${countNl(source.rows_read, 'rij', 'rijen')} gelezen, ` +
    `${formatNumberNl(source.rows_imported)} ingelezen, ${formatNumberNl(source.rows_rejected)} afgewezen; sha256 ${source.sha256}.`
  );
}
