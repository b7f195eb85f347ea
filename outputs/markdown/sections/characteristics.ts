import type { ReportInput } from '../../report-input.ts';

/** The ten characteristics, from the steunpunten's self-assessment, once a survey has been imported. */
export function characteristicsSection(_input: ReportInput): string {
  return [
    '## Kenmerken',
    'Voor dit monitorjaar is geen zelfevaluatie van de steunpunten op de tien kenmerken ingelezen.',
  ].join('\n\n');
}
