/**
 * Nearest steunpunt to a point. The steunpunten go into a k-d tree over their 3-D unit vectors:
 * the straight-line (chord) distance between two unit vectors grows monotonically with their
 * great-circle distance, so the tree prunes exactly, with no map projection and no special case
 * for longitude shrinking with latitude. A subtree is skipped when its bounding box is farther
 * than the best chord so far; that keeps a query to a few leaves even when the steunpunten lie
 * along a line or in one dense city.
 *
 * A leaf holds up to LEAF_SIZE steunpunten and is searched by brute force, so with LEAF_SIZE or
 * fewer steunpunten the whole search is brute force: below that size a tree costs more than it
 * saves. The distance reported is always the haversine distance, and a tie goes to the smallest id,
 * exactly as nearestBruteForce decides.
 */
import { EARTH_RADIUS_KM, haversineKm, type LatLon } from './haversine.ts';

export interface Site extends LatLon {
  id: string;
}

export interface Nearest {
  id: string;
  distanceKm: number;
}

export interface NearestIndex {
  readonly size: number;
  /** The nearest site; on equal distance the smallest id (code-unit order). Null when there are no sites. */
  nearest(point: LatLon): Nearest | null;
}

export const LEAF_SIZE = 16;

// Slack on the unit sphere (about 6 µm on Earth) so that rounding never prunes a tied site.
const PRUNE_SLACK = 1e-12;
const RADIANS = Math.PI / 180;

interface TreeNode {
  /** Range of `order` this node covers. */
  start: number;
  end: number;
  min: [number, number, number];
  max: [number, number, number];
  children: [TreeNode, TreeNode] | null;
}

interface Search {
  query: [number, number, number];
  point: LatLon;
  index: number;
  distanceKm: number;
  /** Chord of the best distance plus slack, squared: the pruning radius. */
  reachSq: number;
}

export function createNearestIndex(sites: readonly Site[]): NearestIndex {
  const coords = new Float64Array(sites.length * 3);
  sites.forEach((site, index) => coords.set(unitVector(site), index * 3));
  const order = Int32Array.from(sites, (_, index) => index);
  const root = sites.length === 0 ? null : build(order, coords, 0, sites.length);

  const consider = (search: Search, index: number): void => {
    const site = sites[index]!;
    const distanceKm = haversineKm(search.point, site);
    if (distanceKm > search.distanceKm) return;
    if (distanceKm === search.distanceKm && !(site.id < sites[search.index]!.id)) return;
    search.index = index;
    search.distanceKm = distanceKm;
    search.reachSq = (2 * Math.sin(Math.min(distanceKm / (2 * EARTH_RADIUS_KM), Math.PI / 2)) + PRUNE_SLACK) ** 2;
  };

  const visit = (node: TreeNode, search: Search): void => {
    if (node.children === null) {
      for (let position = node.start; position < node.end; position += 1) {
        const index = order[position]!;
        // The chord is cheap; only sites that could win pay for the haversine.
        if (chordSq(coords, index, search.query) <= search.reachSq) consider(search, index);
      }
      return;
    }
    const [first, second] = node.children;
    const firstSq = boxDistanceSq(first, search.query);
    const secondSq = boxDistanceSq(second, search.query);
    const [near, nearSq, far, farSq] = firstSq <= secondSq ? [first, firstSq, second, secondSq] : [second, secondSq, first, firstSq];
    if (nearSq <= search.reachSq) visit(near, search);
    if (farSq <= search.reachSq) visit(far, search);
  };

  return {
    size: sites.length,
    nearest(point) {
      if (root === null) return null;
      const search: Search = { query: unitVector(point), point, index: -1, distanceKm: Infinity, reachSq: Infinity };
      visit(root, search);
      const site = sites[search.index];
      return site ? { id: site.id, distanceKm: search.distanceKm } : null;
    },
  };
}

/** The reference answer the tree must reproduce: every site, the same tie-break. */
export function nearestBruteForce(sites: readonly Site[], point: LatLon): Nearest | null {
  let best: Nearest | null = null;
  for (const site of sites) {
    const distanceKm = haversineKm(point, site);
    if (best === null || distanceKm < best.distanceKm || (distanceKm === best.distanceKm && site.id < best.id)) {
      best = { id: site.id, distanceKm };
    }
  }
  return best;
}

function unitVector({ lat, lon }: LatLon): [number, number, number] {
  const phi = lat * RADIANS;
  const lambda = lon * RADIANS;
  return [Math.cos(phi) * Math.cos(lambda), Math.cos(phi) * Math.sin(lambda), Math.sin(phi)];
}

function build(order: Int32Array, coords: Float64Array, start: number, end: number): TreeNode {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let position = start; position < end; position += 1) {
    const base = order[position]! * 3;
    for (let axis = 0; axis < 3; axis += 1) {
      const value = coords[base + axis]!;
      if (value < min[axis]!) min[axis] = value;
      if (value > max[axis]!) max[axis] = value;
    }
  }
  if (end - start <= LEAF_SIZE) return { start, end, min, max, children: null };
  const spreads = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
  const axis = spreads.indexOf(Math.max(...spreads));
  const middle = (start + end) >> 1;
  selectNth(order, coords, axis, start, end - 1, middle);
  return { start, end, min, max, children: [build(order, coords, start, middle), build(order, coords, middle, end)] };
}

/**
 * Hoare's FIND (Wirth's form): reorders order[left..right] so that position k holds the site of
 * rank k along `axis`, with none larger before it and none smaller after it. Linear on average.
 */
function selectNth(order: Int32Array, coords: Float64Array, axis: number, left: number, right: number, k: number): void {
  const key = (position: number) => coords[order[position]! * 3 + axis]!;
  while (left < right) {
    const pivot = key(k);
    let i = left;
    let j = right;
    do {
      while (key(i) < pivot) i += 1;
      while (pivot < key(j)) j -= 1;
      if (i <= j) {
        const swap = order[i]!;
        order[i] = order[j]!;
        order[j] = swap;
        i += 1;
        j -= 1;
      }
    } while (i <= j);
    if (j < k) left = i;
    if (k < i) right = j;
  }
}

function chordSq(coords: Float64Array, index: number, query: readonly [number, number, number]): number {
  const dx = coords[index * 3]! - query[0];
  const dy = coords[index * 3 + 1]! - query[1];
  const dz = coords[index * 3 + 2]! - query[2];
  return dx * dx + dy * dy + dz * dz;
}

function boxDistanceSq(node: TreeNode, query: readonly [number, number, number]): number {
  let sum = 0;
  for (let axis = 0; axis < 3; axis += 1) {
    const value = query[axis]!;
    const below = node.min[axis]! - value;
    const above = value - node.max[axis]!;
    const gap = below > 0 ? below : above > 0 ? above : 0;
    sum += gap * gap;
  }
  return sum;
}
