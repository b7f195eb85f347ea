import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../sources/reference/load.ts';
import { DEFAULT_CONFIG_PATH } from '../../pipeline/config/config.ts';
import { contextFor, createContext } from '../../pipeline/context.ts';
import { createLocator } from '../../pipeline/geo/locate.ts';
import { createIzaRegionIndex } from '../../pipeline/normalise/iza-region.ts';
import { createMunicipalityResolver } from '../../pipeline/normalise/municipality-resolver.ts';
import { scratchDir } from '../helpers/cli.ts';

describe('createContext', () => {
  it('builds the resolvers of the bundled reference data once per process', () => {
    const first = createContext();
    const second = createContext();
    expect(second).not.toBe(first);
    expect(second.reference).toBe(loadReferenceData());
    expect(second.resolver).toBe(first.resolver);
    expect(second.regions).toBe(first.regions);
    expect(second.locator).toBe(first.locator);
    expect(contextFor(first.config).resolver).toBe(first.resolver);
  });

  it('resolves, locates and names regions as resolvers made afresh do, also after earlier commands used them', () => {
    const shared = createContext();
    const reference = loadReferenceData();
    const inputs = [{ place: 'Dokkum' }, { municipality: 'Franekeradeel' }, { postcode: '9101 AB', municipality: 'Utrecht', place: 'Dokkum' }, { place: 'Atlantis' }];
    for (const input of inputs) shared.resolver.resolve(input);
    const fresh = createMunicipalityResolver(reference);
    for (const input of inputs) expect(shared.resolver.resolve(input)).toEqual(fresh.resolve(input));
    expect(shared.locator.locate({ postcode: '3511 AB' })).toEqual(createLocator(reference).locate({ postcode: '3511 AB' }));
    expect(shared.regions.regionOf('GM0344')).toBe(createIzaRegionIndex(reference).regionOf('GM0344'));
  });

  it('reads the configuration file again on every call, so a changed file is seen at once', () => {
    const path = join(scratchDir(), 'monitor.config.json');
    const config = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as { weights: Record<string, number> };
    writeFileSync(path, JSON.stringify(config));
    expect(createContext({ configPath: path }).config.weights.klein).toBe(config.weights.klein);
    writeFileSync(path, JSON.stringify({ ...config, weights: { ...config.weights, klein: 0.25 } }));
    expect(createContext({ configPath: path }).config.weights.klein).toBe(0.25);
  });
});
