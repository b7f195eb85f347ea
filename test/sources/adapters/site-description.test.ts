/** sources/adapters/site-description.ts: a site description is checked when first read, not when its module loads. */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CBS_STATLINE_SITE, CbsStatlineSettings } from '../../../sources/adapters/cbs-statline.site.ts';
import { MIND_ATLAS_SITE } from '../../../sources/adapters/mind-atlas.site.ts';
import { NVZH_SITE } from '../../../sources/adapters/nvzh.site.ts';
import { checkedOnFirstRead } from '../../../sources/adapters/site-description.ts';
import { VEKTIS_EPA_SITE } from '../../../sources/adapters/vektis-epa.site.ts';

const Site = z.object({ url: z.url(), pages: z.number().int().positive(), selectors: z.array(z.string().min(1)).default(['li']) });

describe('checkedOnFirstRead', () => {
  it('gives the description as the schema parses it, checking it once, when a part is first read', () => {
    const parse = vi.spyOn(Site, 'parse');
    const site = checkedOnFirstRead(Site, { url: 'https://example.nl/lijst', pages: 3 });
    expect(parse).not.toHaveBeenCalled();
    expect(site.pages).toBe(3);
    expect({ ...site }).toEqual({ url: 'https://example.nl/lijst', pages: 3, selectors: ['li'] });
    expect(site.selectors).toBe(site.selectors);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it("throws the schema's own error at the first read of a description that does not fit, not before", () => {
    const site = checkedOnFirstRead(Site, { url: 'geen adres', pages: 0 });
    let error: unknown;
    try {
      void site.url;
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((issue) => issue.path.join('.'))).toEqual(['url', 'pages']);
    expect(() => site.selectors).toThrow(z.ZodError);
  });
});

describe('the site descriptions', () => {
  it('each fits its schema (reading every part checks it)', () => {
    for (const site of [CBS_STATLINE_SITE, MIND_ATLAS_SITE, NVZH_SITE, VEKTIS_EPA_SITE]) {
      expect(Object.keys(site).length).toBeGreaterThan(0);
      for (const part of Object.values(site)) expect(part).toBeDefined();
    }
  });

  it("a source's settings take their defaults from the description, each a copy of its own", () => {
    const first = CbsStatlineSettings.parse({});
    first.populationYears.push(1999);
    expect(CbsStatlineSettings.parse({}).populationYears).toEqual(CBS_STATLINE_SITE.population.years);
    expect(CBS_STATLINE_SITE.population.years).not.toContain(1999);
  });
});
