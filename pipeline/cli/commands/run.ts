import { setFlagsFromString } from 'node:v8';
import type { Command } from '../command.ts';
import { runHelp } from '../help/run.ts';

/**
 * V8's interrupt budget for `run`: ten times its default (67,584), so a function is optimised by
 * TurboFan only after ten times as much of it has run. `run` makes the bundled years, a few hundred
 * rows each, where TurboFan (on background threads, competing with the main and the report's
 * thread for two cores) compiled some 270 functions that then ran a few times: about a quarter of
 * the run's CPU time. Measured on the bundled monitor (test/bench/README.md): 0.4 s less CPU, the
 * same wall time or less. The flag holds for the rest of the process.
 */
const RUN_INTERRUPT_BUDGET = 675_000;

export const runCommand: Command = {
  ...runHelp,
  async run({ values }, io) {
    setFlagsFromString(`--interrupt-budget=${RUN_INTERRUPT_BUDGET}`);
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
