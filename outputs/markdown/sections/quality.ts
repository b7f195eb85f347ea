import { formatNumberNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';
import { escapeCell } from '../table.ts';

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
    ].join('\n'),
  ].join('\n\n');
}
