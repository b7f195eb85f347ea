import { describe, expect, it } from 'vitest';
import { alternativeArticleKey, normaliseKey } from '../../../pipeline/normalise/text-key.ts';

describe('normaliseKey', () => {
  it.each([
    ['Súdwest-Fryslân', 'sudwest fryslan'],
    ['‘s-Heerenberg', 's heerenberg'],
    ["'s-Heerenberg", 's heerenberg'],
    ['’s-Hertogenbosch', 's hertogenbosch'],
    ['Hengelo (O.)', 'hengelo o'],
    ['HENGELO (O.)', 'hengelo o'],
    ['Alphen a/d Rijn', 'alphen aan den rijn'],
    ['Alphen a.d. Rijn', 'alphen aan den rijn'],
    ['Krimpen A/D Lek', 'krimpen aan den lek'],
    ['St. Willebrord', 'sint willebrord'],
    ['St Annaparochie', 'sint annaparochie'],
    ['Stein (L.)', 'stein l'],
    ['Dongeradeel/ Dokkum', 'dongeradeel dokkum'],
    ['  Nuenen,  Gerwen en Nederwetten ', 'nuenen gerwen en nederwetten'],
    ['\u0132sselstein', 'ijsselstein'],
  ])('%s → %s', (text, key) => {
    expect(normaliseKey(text)).toBe(key);
  });

  it('leaves "a/d" inside a word alone', () => {
    expect(normaliseKey('Data/Docs')).toBe('data docs');
  });

  it('is idempotent', () => {
    for (const text of ['Alphen a/d Rijn', 'St. Willebrord', '‘s-Heerenberg', 'Hengelo (O.)', 'Súdwest-Fryslân', 'a.d.', 'st st.']) {
      expect(normaliseKey(normaliseKey(text))).toBe(normaliseKey(text));
    }
  });
});

describe('alternativeArticleKey', () => {
  it('swaps "aan den" and "aan de"', () => {
    expect(alternativeArticleKey('krimpen aan den lek')).toBe('krimpen aan de lek');
    expect(alternativeArticleKey('horst aan de maas')).toBe('horst aan den maas');
    expect(alternativeArticleKey('amsterdam')).toBeUndefined();
  });
});
