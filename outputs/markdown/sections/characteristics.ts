import { SURVEY_ANSWERS, TEN_CHARACTERISTICS } from '../../../sources/vocabulary.ts';
import { characteristicShares } from '../../csv/exports.ts';
import { formatNumberNl, formatPercentNl } from '../../../pipeline/format-nl.ts';
import type { ReportInput } from '../../report-input.ts';
import { type MarkdownColumn, markdownTable } from '../blocks.ts';

interface CharacteristicLine {
  number: number;
  answered: number;
  shares: Map<string, number>;
}

/** The ten characteristics: per characteristic the share of each answer, from the steunpunten's self-assessment. */
export function characteristicsSection({ data }: ReportInput): string {
  if (data.characteristics.length === 0) {
    return ['## Kenmerken', 'Voor dit monitorjaar is geen zelfevaluatie van de steunpunten op de tien kenmerken ingelezen.'].join('\n\n');
  }
  const lines = new Map<number, CharacteristicLine>();
  for (const row of characteristicShares(data.characteristics)) {
    const line = lines.get(row.characteristic) ?? { number: row.characteristic, answered: 0, shares: new Map<string, number>() };
    line.answered += row.locations;
    line.shares.set(row.answer, row.share);
    lines.set(row.characteristic, line);
  }
  const columns: MarkdownColumn<CharacteristicLine>[] = [
    { header: 'Kenmerk', value: (line) => String(line.number) },
    ...SURVEY_ANSWERS.map((answer): MarkdownColumn<CharacteristicLine> => ({
      header: answer.charAt(0).toUpperCase() + answer.slice(1),
      value: (line) => formatPercentNl(line.shares.get(answer) ?? 0),
      align: 'right',
    })),
    { header: 'Steunpunten', value: (line) => formatNumberNl(line.answered), align: 'right' },
  ];
  return [
    '## Kenmerken',
    'Zelfevaluatie van de steunpunten in beeld op de tien kenmerken (aandeel per antwoord; het laatste antwoord per steunpunt telt).',
    markdownTable(columns, [...lines.values()].sort((a, b) => a.number - b.number)),
    TEN_CHARACTERISTICS.map((text, index) => `${index + 1}. ${text}`).join('\n'),
  ].join('\n\n');
}
