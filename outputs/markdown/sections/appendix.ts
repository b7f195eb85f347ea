import type { LocationRow } from '../../../pipeline/read/read-monitor.ts';
import { formatNumberNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';
import { escapeCell } from '../blocks.ts';

export function appendixSection({ data }: ReportInput): string {
  const byRegion = new Map<string, LocationRow[]>();
  for (const location of data.locations.filter((candidate) => candidate.status === 'actief')) {
    const region = location.iza_region ?? 'IZA-regio onbekend';
    const inRegion = byRegion.get(region);
    if (inRegion === undefined) byRegion.set(region, [location]);
    else inRegion.push(location);
  }
  const regions = [...data.regions.map((row) => row.area_name), 'IZA-regio onbekend'];
  return [
    '## Bijlage: steunpunten per IZA-regio',
    ...regions.flatMap((region) => {
      const locations = (byRegion.get(region) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.location_id < b.location_id ? -1 : 1));
      if (locations.length === 0) return region === 'IZA-regio onbekend' ? [] : [`### ${escapeCell(region)} (0)\n\nGeen steunpunten in beeld.`];
      const lines = locations.map((location) => {
        const organisation = location.organisation && location.organisation !== location.name ? ` (${escapeCell(location.organisation)})` : '';
        const place = location.place ?? location.municipality ?? 'plaats onbekend';
        return `- ${escapeCell(location.name)}${organisation}, ${escapeCell(place)}`;
      });
      return [`### ${escapeCell(region)} (${formatNumberNl(locations.length)})\n\n${lines.join('\n')}`];
    }),
  ].join('\n\n');
}
