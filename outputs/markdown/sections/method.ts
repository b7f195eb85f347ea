import type { SourceBatch } from '../../../pipeline/read/read-monitor.ts';
import { countNl, formatNumberNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';
import { escapeCell } from '../blocks.ts';
import { methodLabelNl } from '../../../pipeline/config/method-label.ts';

export function methodSection({ data, previous }: ReportInput): string {
  const { method, parameters } = data;
  const weights = parameters.weights;
  const derivedEpa = data.municipalities.some((row) => row.epa_basis === 'provincie');
  return [
    '## Werkwijze',
    `**Rekenwijze ${data.year}.** ${escapeCell(method.description)}. Inwoners: CBS, 1 januari ${method.populationYear}, ` +
      `op de gemeentelijke indeling van nu. EPA-aandeel: ${method.epaYear}.`,
    `Gewenst aantal steunpunten = inwoners × EPA-aandeel / ${formatNumberNl(parameters.capacityPerWeek)} (bezoekers per steunpunt per week) × deelnamepercentage. ` +
      `Gewogen aantal: klein telt als ${formatNumberNl(weights.klein, 1)}, middelgroot als ${formatNumberNl(weights.middelgroot)}, groot als ${formatNumberNl(weights.groot)}; ` +
      `een steunpunt waarvan de grootte onbekend is telt als ${formatNumberNl(weights.onbekend)}. ` +
      'Tekort = gewenst − gewogen (negatief: meer dan gewenst); dekking = gewogen / gewenst.',
    `Wat is veranderd ten opzichte van het vorige monitorjaar: ${methodChanges({ data, previous })}`,
    '### Bronnen',
    sourcesSentence(data.sources),
    'Bron inwoners, gemeentelijke indeling en kaarten: CBS (CC BY 4.0). EPA-aandeel: Vektis, via De Galan Groep (2024), tabel 2.4.1.',
    '### Beperkingen',
    [
      '- De bronnen zijn niet volledig: de MIND-atlas wordt bijgehouden door vrijwilligers, de NVZH-lijst met de hand; regionale correcties vullen aan.',
      derivedEpa ? '- Er zijn geen EPA-cijfers per gemeente beschikbaar: het aandeel van een gemeente is afgeleid van haar provincie (in de exports: kolom epa_basis is provincie).' : undefined,
      '- Afstanden zijn hemelsbreed. Het CBS meet de nabijheid van voorzieningen over de weg, en de norm van 45 minuten met het openbaar vervoer is hier niet berekend.',
      '- Inwoners zijn gelijk verdeeld over de postcodegebieden (PC4) van een gemeente; het CBS publiceert hier geen inwoners per PC4.',
    ].filter((line) => line !== undefined).join('\n'),
  ].join('\n\n');
}

function methodChanges({ data, previous }: ReportInput): string {
  if (!previous) return 'niet van toepassing, er is geen eerder monitorjaar.';
  const before = previous.data;
  const changes = [
    before.method.name !== data.method.name ? `rekenwijze ${methodLabelNl(before.method)} → ${methodLabelNl(data.method)}` : undefined,
    before.method.populationYear !== data.method.populationYear ? `inwoners ${before.method.populationYear} → ${data.method.populationYear}` : undefined,
    before.method.epaYear !== data.method.epaYear ? `EPA-cijfers ${before.method.epaYear} → ${data.method.epaYear}` : undefined,
    JSON.stringify(before.parameters.weights) !== JSON.stringify(data.parameters.weights) ? 'andere gewichten' : undefined,
    JSON.stringify(before.parameters.sizeThresholds) !== JSON.stringify(data.parameters.sizeThresholds) ? 'andere grenzen voor de grootte' : undefined,
    before.parameters.capacityPerWeek !== data.parameters.capacityPerWeek ? 'andere capaciteit per steunpunt' : undefined,
  ].filter((change) => change !== undefined);
  return changes.length === 0 ? 'niets.' : `${changes.join('; ')}.`;
}

/** What was read, in words; per source file, with its fingerprint, in the Verantwoording. */
function sourcesSentence(sources: readonly SourceBatch[]): string {
  const read = sources.reduce((sum, row) => sum + row.rows_read, 0);
  const imported = sources.reduce((sum, row) => sum + row.rows_imported, 0);
  const rejected = sources.reduce((sum, row) => sum + row.rows_rejected, 0);
  if (sources.length === 0) return 'Voor dit monitorjaar is geen lijst met steunpunten ingelezen.';
  return (
    `De steunpunten komen uit ${countNl(sources.length, 'ingelezen lijst', 'ingelezen lijsten')}: ` +
    `${countNl(read, 'rij', 'rijen')} gelezen, ${formatNumberNl(imported)} ingelezen, ${formatNumberNl(rejected)} afgewezen. ` +
    'Per lijst staan het bestand en zijn vingerafdruk in de Verantwoording achteraan.'
  );
}
