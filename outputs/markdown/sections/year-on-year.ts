import { methodChangeNl, type AreaChange } from '../../../pipeline/read/year-diff.ts';
import { countNl, formatChangeNl, formatChangePctNl, formatNumberNl } from '../../../pipeline/format-nl.ts';
import type { Figure, ReportInput } from '../../report-input.ts';
import { figureLink, type MarkdownColumn, markdownTable } from '../blocks.ts';

export function yearOnYearSection({ data, previous }: ReportInput, figures: readonly Figure[]): string {
  if (!previous) return ['## Jaar-op-jaar', 'Er is geen eerder monitorjaar om mee te vergelijken.'].join('\n\n');
  const { diff } = previous;
  const count = (kind: string) => diff.locations.filter((location) => location.change === kind).length;
  const byMethod = diff.methods.before.provinceOfLocation !== diff.methods.after.provinceOfLocation;
  // The parts that add up to the difference, as diff-years.ts takes it apart.
  const parts: MarkdownColumn<AreaChange>[] = [
    ...(byMethod ? [{ header: 'Door methode', value: (row: AreaChange) => formatChangeNl(row.methodEffect), align: 'right' as const }] : []),
    { header: 'Nieuw in beeld', value: (row) => formatNumberNl(row.opened), align: 'right' },
    { header: 'Niet meer in beeld', value: (row) => formatNumberNl(row.closed), align: 'right' },
    { header: 'Verhuisd', value: (row) => formatChangeNl(row.moved), align: 'right' },
  ];
  const table = (level: AreaChange['level'], header: string) =>
    markdownTable<AreaChange>(
      [
        { header, value: (row) => row.area },
        { header: `In beeld ${diff.from}`, value: (row) => formatNumberNl(row.inViewBefore), align: 'right' },
        { header: `In beeld ${diff.to}`, value: (row) => formatNumberNl(row.inViewAfter), align: 'right' },
        { header: 'Verschil', value: (row) => formatChangeNl(row.difference), align: 'right' },
        { header: 'Verandering', value: (row) => formatChangePctNl(row.changePct), align: 'right' },
        ...(level === 'provincie' ? parts : []),
      ],
      diff.areas.filter((area) => area.level === level || area.level === 'nederland'),
    );
  const split =
    `Per provincie is het verschil uitgesplitst: ${byMethod ? 'door de methode, ' : ''}steunpunten die nieuw in beeld kwamen, ` +
    'die niet meer in beeld zijn en die naar een andere provincie verhuisden (per saldo); samen geven ze precies het verschil (verschillen-per-regio.csv).';
  return [
    '## Jaar-op-jaar',
    `Ten opzichte van ${diff.from}: ${countNl(count('nieuw'), 'steunpunt', 'steunpunten')} nieuw in beeld, ${formatNumberNl(count('niet meer in beeld'))} niet meer in beeld, ` +
      `${formatNumberNl(count('gewijzigd'))} gewijzigd (zie verschillen.csv). Een steunpunt blijft hetzelfde steunpunt, met hetzelfde nummer in de exports, als het van naam verandert of bij een gemeentelijke herindeling.`,
    methodChangeNl(diff),
    split,
    table('provincie', 'Provincie'),
    figureLink(figures, 'figuren/verandering-per-provincie.svg', 'De cijfers staan in de tabel hierboven en in verschillen-per-regio.csv.'),
    table('iza_regio', 'IZA-regio'),
  ].filter((part) => part !== '').join('\n\n');
}
