import type { WhiteSpotRow } from '../../../pipeline/read/read-monitor.ts';
import { countNl, formatNumberNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';
import { markdownTable } from '../blocks.ts';

export function whiteSpotsSection({ data }: ReportInput): string {
  const km = formatNumberNl(data.parameters.distance.whiteSpotKm);
  const spots = data.whiteSpots;
  if (spots.length === 0) return ['## Witte vlekken', `Elke gemeente heeft hemelsbreed binnen ${km} km een steunpunt.`].join('\n\n');
  return [
    '## Witte vlekken',
    `${countNl(spots.length, 'gemeente heeft', 'gemeenten hebben')} hemelsbreed binnen ${km} km van ${spots.length === 1 ? 'haar' : 'hun'} midden ` +
      'geen steunpunt in beeld (gesorteerd op inwoners). "Deels" betekent dat een deel van de gemeente wel binnen die afstand ligt.',
    markdownTable<WhiteSpotRow>(
      [
        { header: 'Gemeente', value: (row) => row.municipality },
        { header: 'Provincie', value: (row) => row.province },
        { header: 'Inwoners', value: (row) => formatNumberNl(row.population), align: 'right' },
        { header: 'Afstand (km)', value: (row) => formatNumberNl(row.centre_km, 1), align: 'right' },
        { header: 'Dichtstbijzijnde steunpunt', value: (row) => [row.nearest_name, row.nearest_place].filter(Boolean).join(', ') || '–' },
        { header: 'Deels binnen bereik', value: (row) => (row.partly_within_reach ? 'deels' : 'nee') },
      ],
      spots,
    ),
  ].join('\n\n');
}
