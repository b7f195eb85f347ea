import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNearestIndex, LEAF_SIZE, nearestBruteForce, type Site } from '../../../pipeline/geo/nearest.ts';
import { dutchPoint, seededRandom } from './random.ts';

describe('createNearestIndex', () => {
  it('returns null without sites', () => {
    expect(createNearestIndex([]).nearest({ lat: 52, lon: 5 })).toBeNull();
  });

  it('breaks a tie by the smallest id, whatever the input order', () => {
    const sites: Site[] = [
      { id: 'west', lat: 52, lon: -0.1 },
      { id: 'oost', lat: 52, lon: 0.1 },
      { id: 'verweg', lat: 53, lon: 0 },
    ];
    for (const order of [sites, [...sites].reverse()]) {
      expect(createNearestIndex(order).nearest({ lat: 52, lon: 0 })?.id).toBe('oost');
    }
    const stacked = Array.from({ length: 3 * LEAF_SIZE }, (_, index) => ({ id: `s${String(index).padStart(3, '0')}`, lat: 52, lon: 5 }));
    expect(createNearestIndex([...stacked].reverse()).nearest({ lat: 52.1, lon: 5.1 })?.id).toBe('s000');
  });

  it('answers as brute force does on 3,000 seeded sites in the Netherlands (clusters and duplicates included)', () => {
    const random = seededRandom(20240601);
    const sites: Site[] = [];
    for (let index = 0; index < 3000; index += 1) {
      const previous = sites[Math.floor(random() * sites.length)];
      const roll = random();
      // A third of the sites sit on or right next to an earlier one: ties and tight clusters.
      const point =
        previous && roll < 0.1
          ? { lat: previous.lat, lon: previous.lon }
          : previous && roll < 0.33
            ? { lat: previous.lat + (random() - 0.5) * 0.002, lon: previous.lon + (random() - 0.5) * 0.002 }
            : dutchPoint(random);
      sites.push({ id: `sp-${Math.floor(random() * 5000)}`, ...point });
    }
    const index = createNearestIndex(sites);
    for (let query = 0; query < 2000; query += 1) {
      const point = query % 4 === 0 ? { lat: (sites[query]?.lat ?? 52), lon: (sites[query]?.lon ?? 5) } : dutchPoint(random);
      expect(index.nearest(point)).toEqual(nearestBruteForce(sites, point));
    }
  });

  it('answers as brute force does when the sites lie on one line or one ring around the query', () => {
    const random = seededRandom(7);
    const line = Array.from({ length: 4000 }, (_, index) => ({ id: `l${index}`, lat: 52, lon: 3 + index * 0.001 }));
    const ring = Array.from({ length: 360 }, (_, degree) => ({
      id: `r${degree}`,
      lat: 52 + 0.1 * Math.sin((degree * Math.PI) / 180),
      lon: 5 + 0.1 * Math.cos((degree * Math.PI) / 180),
    }));
    const index = createNearestIndex([...line, ...ring]);
    const queries = [{ lat: 52, lon: 5 }, ...Array.from({ length: 500 }, () => dutchPoint(random))];
    for (const query of queries) expect(index.nearest(query)).toEqual(nearestBruteForce([...line, ...ring], query));
  });

  it('answers as brute force does anywhere on Earth (property, seeded)', () => {
    const coordinate = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    const site = fc.record({ id: fc.string({ maxLength: 3 }), lat: coordinate.map((c) => c.lat), lon: coordinate.map((c) => c.lon) });
    fc.assert(
      fc.property(fc.array(site, { maxLength: 200 }), fc.array(coordinate, { minLength: 1, maxLength: 20 }), (sites, queries) => {
        const index = createNearestIndex(sites);
        for (const query of queries) expect(index.nearest(query)).toEqual(nearestBruteForce(sites, query));
      }),
      { seed: 6, numRuns: 200 },
    );
  });
});
