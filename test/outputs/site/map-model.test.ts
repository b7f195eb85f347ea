import { describe, expect, it } from 'vitest';
import { sourcesNl } from '../../../outputs/site/map-model.ts';

describe('sourcesNl: where a steunpunt on the map comes from, in words', () => {
  it('names the list as it was imported and the row in it', () => {
    expect(sourcesNl('galan2024:57')).toBe('lijst ‘galan2024’, rij 57');
  });

  it('lists every source of a steunpunt found in more than one list', () => {
    expect(sourcesNl('galan2024:57; mind2025:12')).toBe('lijst ‘galan2024’, rij 57; lijst ‘mind2025’, rij 12');
  });

  it('keeps a source without a row number', () => {
    expect(sourcesNl('correcties')).toBe('lijst ‘correcties’');
  });
});
