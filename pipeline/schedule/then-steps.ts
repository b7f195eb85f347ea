/** The commands a scheduled run may do after fetching (`--then build,report`), as command lines. */
import { join } from 'node:path';
import { UsageError } from '../../sources/errors.ts';

export const THEN_STEPS = ['build', 'report', 'run'] as const;
export type ThenStep = (typeof THEN_STEPS)[number];

export function parseThenSteps(text: string | undefined): ThenStep[] {
  if (text === undefined) return [];
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  return names.map((name) => {
    const step = THEN_STEPS.find((candidate) => candidate === name);
    if (step === undefined) throw new UsageError(`onbekende stap '${name}' in --then (mogelijk: ${THEN_STEPS.join(', ')})`);
    return step;
  });
}

export interface StepContext {
  year: number;
  reportsDir: string;
  /** --db and --config as given to the schedule command, passed on to every step. */
  common: readonly string[];
}

export function stepArguments(step: ThenStep, context: StepContext): string[] {
  const year = String(context.year);
  switch (step) {
    case 'build':
      return ['build', '--year', year, ...context.common];
    case 'report':
      return ['report', '--year', year, '--out', join(context.reportsDir, year), ...context.common];
    case 'run':
      return ['run', '--reports', context.reportsDir, ...context.common];
  }
}
