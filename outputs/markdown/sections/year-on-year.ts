import type { AreaChange } from '../../../pipeline/stages/diff-years.ts';
import { formatChangeNl, formatNumberNl } from '../../format-nl.ts';
import type { Figure, ReportInput } from '../../report-input.ts';
import { markdownTable } from '../table.ts';
import { figureLink } from './figure-link.ts';

export function yearOnYearSection({ previous }: ReportInput, figures: readonly Figure[]): string {
  if (!previous) return ['## Jaar-op-jaar', 'Dit is het eerste monitorjaar in lsp-monitor; er is nog geen vorig jaar om mee te vergelijken.'].join('\n\n');
  const { diff } = previous;
  const count = (kind: string) => formatNumberNl(diff.locations.filter((location) => location.change === kind).length);
  const table = (level: AreaChange['level'], header: string) =>
    markdownTable<AreaChange>(
      [
        { header, value: (row) => row.area },
        { header: `In beeld ${diff.from}`, value: (row) => formatNumberNl(row.inViewBefore), align: 'right' },
        { header: `In beeld ${diff.to}`, value: (row) => formatNumberNl(row.inViewAfter), align: 'right' },
        { header: 'Verschil', value: (row) => formatChangeNl(row.difference), align: 'right' },
        { header: 'Verandering', value: (row) => (row.changePct === null ? '–' : `${formatChangeNl(row.changePct)}%`), align: 'right' },
      ],
      diff.areas.filter((area) => area.level === level || area.level === 'nederland'),
    );
  return [
    '## Jaar-op-jaar',
    `Ten opzichte van ${diff.from}: ${count('nieuw')} steunpunten nieuw in beeld, ${count('niet meer in beeld')} niet meer in beeld, ` +
      `${count('gewijzigd')} gewijzigd (zie verschillen.csv). Een steunpunt houdt zijn location_id als het van naam verandert of bij een gemeentelijke herindeling.`,
    table('provincie', 'Provincie'),
    figureLink(figures, 'figuren/verandering-per-provincie.svg'),
    table('iza_regio', 'IZA-regio'),
  ].filter((part) => part !== '').join('\n\n');
}
