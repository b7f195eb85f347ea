/** lsp-monitor fetch; what it does lives in ../fetch-sources.ts, which schedule runs too. */
import type { Command } from '../command.ts';
import { fetchPlanFrom, runFetch, runSiteChecks, type FetchDependencies } from '../fetch-sources.ts';
import { fetchHelp } from '../help/fetch.ts';

// Re-exported for the tests that drive a fetch through this command's module.
export { runFetch, type FetchDependencies } from '../fetch-sources.ts';

export function createFetchCommand(overrides: Partial<FetchDependencies> = {}): Command {
  return {
    ...fetchHelp,
    async run({ values }, io) {
      const plan = fetchPlanFrom(values);
      if (plan.check) await runSiteChecks(plan, io, overrides);
      else await runFetch(plan, io, overrides);
    },
  };
}

export const fetchCommand: Command = createFetchCommand();
