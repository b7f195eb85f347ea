import type { Command } from '../command.ts';
import { runHelp } from '../help/run.ts';

export const runCommand: Command = {
  ...runHelp,
  async run({ values }, io) {
    // Started before the pipeline's code is loaded: the worker loads (and warms up) the figures'
    // and the site's code on the other core meanwhile, and while the years are built.
    const renderer = (await import('../../../outputs/report-renderer.ts')).startReportRenderer({ warmUp: true });
    try {
      const { runYears } = await import('../run-years.ts');
      await runYears(values, io, renderer);
    } finally {
      await renderer.close();
    }
  },
};
