import { formatNumberNl } from '../../../pipeline/format-nl.ts';
import { PLACE_OUTSIDE_SIGNAL } from '../../../pipeline/normalise/place-outside-municipality.ts';
import type { LocationRow } from '../../../pipeline/read/read-monitor.ts';
import type { ReportInput } from '../../report-input.ts';
import { escapeCell } from '../blocks.ts';

export function qualitySection({ data }: ReportInput): string {
  const withoutMunicipality = data.locations.filter((location) => location.gm_code === null);
  const unknownSize = data.locations.filter((location) => location.size_class === 'onbekend').length;
  const rejectedRows = new Set(data.rejects.map((reject) => `${reject.source}:${reject.row_number}`)).size;
  return [
    '## Datakwaliteit',
    [
      `- Afgewezen rijen: ${formatNumberNl(rejectedRows)} (met reden in afgewezen.csv).`,
      `- Mogelijke dubbelingen om te beoordelen: ${formatNumberNl(data.review.length)} (te-beoordelen.csv; een beslissing geldt ook voor elke volgende monitor).`,
      `- Steunpunten waarvan de grootte onbekend is: ${formatNumberNl(unknownSize)}; zij tellen als ${formatNumberNl(data.parameters.weights.onbekend)}.`,
      `- Steunpunten zonder bekende gemeente (wel geteld in hun IZA-regio en provincie): ${formatNumberNl(withoutMunicipality.length)}.`,
      ...withoutMunicipality.map(
        (location) => `  - ${escapeCell(location.name)} (${escapeCell(location.iza_region ?? 'regio onbekend')}, ${escapeCell(location.province)})`,
      ),
      ...signalList(data.locations, PLACE_OUTSIDE_SIGNAL, 'Steunpunten waarvan de plaats of postcode niet in de opgegeven gemeente ligt (geteld in de opgegeven gemeente; controleer de lijst)'),
      ...signalList(data.locations, OPENING_HOURS_SIGNAL, 'Steunpunten met openingstijden waaruit geen dagdelen te lezen zijn (grootte onbekend)'),
    ].join('\n'),
  ].join('\n\n');
}

const OPENING_HOURS_SIGNAL = 'openingstijden niet te lezen';

/** A count line and one line per location whose signals include `signal`, quoting the signal; nothing when none do. */
function signalList(locations: readonly LocationRow[], signal: string, label: string): string[] {
  const found: { location: LocationRow; text: string }[] = [];
  for (const location of locations) {
    // Most locations have no such signal: their flags are split only when the signal is in them.
    if (location.flags === null || !location.flags.includes(signal)) continue;
    const text = location.flags.split('; ').find((flag) => flag.startsWith(signal));
    if (text !== undefined) found.push({ location, text });
  }
  if (found.length === 0) return [];
  return [
    `- ${label}: ${formatNumberNl(found.length)}.`,
    ...found.map(({ location, text }) => `  - ${escapeCell(location.name)}: ${escapeCell(text.slice(signal.length).replace(/^: /, ''))}`),
  ];
}
