/**
 * What every command needs, built once per run: the validated configuration, the bundled
 * reference data and the resolvers built on it.
 */
import { loadReferenceData, type ReferenceData } from '../sources/reference/load.ts';
import type { MonitorConfig } from '../sources/settings/monitor-config.ts';
import { loadConfig } from './config/config.ts';
import { createLocator, type Locator } from './geo/locate.ts';
import { createIzaRegionIndex, type IzaRegionIndex } from './normalise/iza-region.ts';
import { createMunicipalityResolver, type MunicipalityResolver } from './normalise/municipality-resolver.ts';

export interface MonitorContext {
  config: MonitorConfig;
  reference: ReferenceData;
  resolver: MunicipalityResolver;
  regions: IzaRegionIndex;
  locator: Locator;
}

type ReferenceTools = Pick<MonitorContext, 'resolver' | 'regions' | 'locator'>;

/**
 * The resolvers of each reference data set, made once: they read nothing but that (read-only) data,
 * and what the resolver remembers per text is a pure function of it. A process that runs many
 * commands (the test suite runs hundreds) builds them once instead of once per command.
 */
const toolsByReference = new WeakMap<ReferenceData, ReferenceTools>();

function referenceTools(reference: ReferenceData): ReferenceTools {
  let tools = toolsByReference.get(reference);
  if (tools === undefined) {
    tools = { resolver: createMunicipalityResolver(reference), regions: createIzaRegionIndex(reference), locator: createLocator(reference) };
    toolsByReference.set(reference, tools);
  }
  return tools;
}

/** The configuration is read and checked again on every call: a changed file is always seen. */
export function createContext(options: { configPath?: string } = {}): MonitorContext {
  return contextFor(loadConfig(options.configPath));
}

/**
 * The context of a configuration already loaded and checked: the bundled reference data and the
 * resolvers on it, which depend on nothing a person gives and so cannot be refused.
 */
export function contextFor(config: MonitorConfig): MonitorContext {
  const reference = loadReferenceData();
  return { config, reference, ...referenceTools(reference) };
}
