/**
 * The configuration is checked strictly (issue #11, observation 8): an unknown key at any depth or
 * a wrong value is refused with one Dutch line naming the key path, what is expected and what
 * was found. Zod's English never reaches the message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadConfig } from '../../../pipeline/config/config.ts';
import { CoverageMethod } from '../../../sources/settings/monitor-config.ts';
import { MonitorError } from '../../../sources/errors.ts';
import { scratchDir } from '../../helpers/cli.ts';

/** A configuration as a person edits it: any key at any depth. */
type Json = Record<string, unknown>;

/** The object at `path` inside a configuration, to change a key in it. */
function at(config: Json, ...path: string[]): Json {
  return path.reduce((node, key) => node[key] as Json, config);
}

function bundled(): Json {
  return JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Json;
}

function write(config: unknown): string {
  const path = join(scratchDir(), 'monitor.config.json');
  writeFileSync(path, JSON.stringify(config, null, 2));
  return path;
}

function refusal(change: (config: Json) => void): string {
  const config = bundled();
  change(config);
  const path = write(config);
  try {
    loadConfig(path);
  } catch (error) {
    expect(error).toBeInstanceOf(MonitorError);
    const message = (error as MonitorError).message;
    expect(message).not.toMatch(/Invalid|expected|received|Unrecognized|Too (small|big)/);
    return message.replace(`configuratie ${path} klopt niet: `, '');
  }
  throw new Error('the configuration was accepted');
}

describe('loadConfig', () => {
  it('reads the bundled configuration', () => {
    expect(loadConfig().weights).toEqual({ klein: 0.5, middelgroot: 1, groot: 2, onbekend: 1 });
  });

  it.each<[string, (config: Json) => void, string]>([
    [
      'a misspelt top-level key',
      (c) => {
        c['weigths'] = c['weights'];
        delete c['weights'];
      },
      "onbekende sleutel 'weigths' (bedoelt u 'weights'?); sleutel 'weights' ontbreekt (verwacht een object { … })",
    ],
    ['an extra key next to the right one', (c) => (c['weigths'] = { klein: 2 }), "onbekende sleutel 'weigths' (bedoelt u 'weights'?)"],
    ['a misspelt nested key', (c) => (at(c, 'weights')['kleinn'] = 0.5), "onbekende sleutel 'weights.kleinn' (bedoelt u 'weights.klein'?)"],
    ['a key inside a method', (c) => (at(c, 'methods', 'actueel')['provinceShares'] = 'published'), "onbekende sleutel 'methods.actueel.provinceShares' (bedoelt u 'methods.actueel.provinceShare'?)"],
    ['a key inside a year', (c) => (at(c, 'years', '2024')['methode'] = 'galan2024'), "onbekende sleutel 'years.2024.methode' (bedoelt u 'years.2024.method'?)"],
    ['an unknown key far from any known one', (c) => (at(c, 'distance')['kleur'] = 'rood'), "onbekende sleutel 'distance.kleur' (bekend: thresholdsKm, whiteSpotKm)"],
    ['a number as text', (c) => (c['capacityPerWeek'] = '100'), `sleutel 'capacityPerWeek' moet een getal zijn, niet tekst "100"`],
    ['null', (c) => (at(c, 'weights')['groot'] = null), "sleutel 'weights.groot' moet een getal zijn, niet null"],
    ['a negative weight', (c) => (at(c, 'weights')['klein'] = -0.5), "sleutel 'weights.klein' moet groter dan 0 zijn, niet -0.5"],
    ['a percentage above 100', (c) => (c['participationPct'] = [15, 150]), "sleutel 'participationPct[1]' moet hoogstens 100 zijn, niet 150"],
    ['an empty list', (c) => (c['participationPct'] = []), "sleutel 'participationPct' moet minstens 1 waarde bevatten"],
    ['a fraction where a whole number is needed', (c) => (c['maxInputRows'] = 1.5), "sleutel 'maxInputRows' moet een geheel getal zijn, niet 1.5"],
    [
      'a value outside a list of choices',
      (c) => (at(c, 'methods', 'actueel')['provinceOfLocation'] = 'provincie'),
      `sleutel 'methods.actueel.provinceOfLocation' moet "gemeente" of "iza-regio" zijn, niet tekst "provincie"`,
    ],
    ['a year that is neither a number nor "latest"', (c) => (at(c, 'methods', 'actueel')['epaYear'] = 'nu'), `sleutel 'methods.actueel.epaYear' moet een getal of "latest" zijn, niet tekst "nu"`],
    ['a year key that is not a year', (c) => (at(c, 'years')['24'] = { method: 'actueel' }), "sleutel 'years.24' is geen geldige naam: '24' moet een jaartal van vier cijfers zijn"],
    [
      'a method name with capitals',
      (c) => (at(c, 'methods')['Nieuw'] = at(c, 'methods')['actueel']),
      "sleutel 'methods.Nieuw' is geen geldige naam: 'Nieuw' moet alleen kleine letters, cijfers en '-' zijn",
    ],
    ['an unknown method for a year', (c) => (at(c, 'years')['2025'] = { method: 'galan2025' }), "sleutel 'years.2025.method': onbekende methode 'galan2025' (bekend: galan2024, actueel)"],
    ['a list where an object belongs', (c) => (c['weights'] = [0.5, 1, 2, 1]), "sleutel 'weights' moet een object { … } zijn, niet een lijst"],
  ])('refuses %s, naming the key', (_, change, message) => {
    expect(refusal(change)).toBe(message);
  });

  it('names at most three problems and counts the rest', () => {
    expect(refusal((c) => Object.keys(c).forEach((key) => delete c[key]))).toBe(
      "sleutel 'capacityPerWeek' ontbreekt (verwacht een getal); sleutel 'participationPct' ontbreekt (verwacht een lijst [ … ]); " +
        "sleutel 'weights' ontbreekt (verwacht een object { … }); en nog 8 fouten",
    );
  });

  it('a file that is not an object', () => {
    const path = write([1, 2]);
    expect(() => loadConfig(path)).toThrow(`configuratie ${path} klopt niet: de configuratie moet een object { … } zijn, niet een lijst`);
  });

  it('a file saved with a byte order mark (Notepad) is read', () => {
    const path = join(scratchDir(), 'kladblok.json');
    writeFileSync(path, `\uFEFF${readFileSync(DEFAULT_CONFIG_PATH, 'utf8')}`);
    expect(loadConfig(path).capacityPerWeek).toBe(100);
  });

  it('an empty file is not valid JSON', () => {
    const path = join(scratchDir(), 'leeg.json');
    writeFileSync(path, '');
    expect(() => loadConfig(path)).toThrow(`configuratie ${path} is geen geldige JSON`);
  });

  it('the method stored with a build is read leniently: a key added later does not make old builds unreadable', () => {
    const stored = { ...at(bundled(), 'methods', 'actueel'), name: 'actueel' };
    expect(CoverageMethod.safeParse(stored).success).toBe(true);
  });
});
