import { targetFigures } from '../../../pipeline/read/target-figures.ts';
import { countNl, formatChangeNl, formatChangePctNl, formatCountNl, formatNumberNl, formatPercentNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';

export function summarySection({ data, previous }: ReportInput): string {
  const { national, parameters } = data;
  const active = data.locations.filter((location) => location.status === 'actief');
  const known = active.filter((location) => location.size_class !== 'onbekend');
  const small = known.filter((location) => location.size_class === 'klein').length;
  const desired = parameters.participationPct.map((p) => formatNumberNl(targetFigures(national, p, 0).desired));
  const coverage = parameters.participationPct.map((p) => formatPercentNl(targetFigures(national, p, 0).coverage));
  const change = previous?.diff.areas.find((area) => area.level === 'nederland');
  return [
    '## Samenvatting',
    `- **${countNl(national.in_view, 'steunpunt', 'steunpunten')} in beeld**` +
      (change
        ? `, ${formatChangeNl(change.difference)}${change.changePct === null ? '' : ` (${formatChangePctNl(change.changePct)})`} ten opzichte van ${previous!.data.year}.`
        : '; er is geen eerder monitorjaar om mee te vergelijken.'),
    `- Gewogen naar bezoekerscapaciteit tellen zij als **${formatCountNl(national.weighted)}** steunpunten.`,
    `- Gewenst aantal bij ${parameters.participationPct.map((p) => `${p}%`).join(' / ')} deelname van mensen met een EPA: ` +
      `${desired.join(' / ')}; het gewogen aantal is daarvan ${coverage.join(' / ')}.`,
    known.length === 0
      ? `- Van geen enkel steunpunt is de grootte bekend; zij tellen allemaal als gemiddeld (gewicht ${formatNumberNl(parameters.weights.onbekend)}).`
      : `- Van de ${formatNumberNl(known.length)} steunpunten waarvan de grootte bekend is, is ${formatPercentNl((small / known.length) * 100)} klein.`,
    `- Potentiële steunpunten (nog niet meegeteld): ${formatNumberNl(national.potential)}.`,
  ].join('\n');
}
