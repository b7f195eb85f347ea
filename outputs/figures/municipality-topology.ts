/**
 * The CBS municipality boundaries of 2025 (sources/reference/cbs/nl_gemeenten_2025.topojson),
 * read and checked once per process. Geometry ids are GM codes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export const MUNICIPALITY_TOPOLOGY_FILE = fileURLToPath(new URL('../../sources/reference/cbs/nl_gemeenten_2025.topojson', import.meta.url));
const OBJECT_NAME = 'gemeente_2025';

export interface MunicipalityTopology {
  topology: Topology;
  municipalities: GeometryCollection;
  /** The GM codes of all geometries, in file order. */
  codes: readonly string[];
}

let cached: MunicipalityTopology | undefined;

export function municipalityTopology(): MunicipalityTopology {
  cached ??= parseMunicipalityTopology(readFileSync(MUNICIPALITY_TOPOLOGY_FILE, 'utf8'));
  return cached;
}

let features: FeatureCollection<Geometry> | undefined;

/** The municipalities as GeoJSON, converted once per process: every map starts from it (d3-geo never changes it). */
export function municipalityFeatures(): FeatureCollection<Geometry> {
  const { topology, municipalities } = municipalityTopology();
  features ??= feature(topology, municipalities) as FeatureCollection<Geometry>;
  return features;
}

export function parseMunicipalityTopology(json: string): MunicipalityTopology {
  const parsed: unknown = JSON.parse(json);
  if (!isTopology(parsed)) throw new Error('municipality boundaries: not a TopoJSON Topology');
  const municipalities: unknown = parsed.objects[OBJECT_NAME];
  if (!isGeometryCollection(municipalities)) {
    throw new Error(`municipality boundaries: no GeometryCollection "${OBJECT_NAME}"`);
  }
  const codes = municipalities.geometries.map((geometry, index) => {
    if (typeof geometry.id !== 'string' || !/^GM\d{4}$/.test(geometry.id)) {
      throw new Error(`municipality boundaries: geometry ${index} has no GM code as id`);
    }
    return geometry.id;
  });
  return { topology: parsed, municipalities, codes };
}

function isTopology(value: unknown): value is Topology {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; objects?: unknown; arcs?: unknown };
  return candidate.type === 'Topology' && typeof candidate.objects === 'object' && Array.isArray(candidate.arcs);
}

function isGeometryCollection(value: unknown): value is GeometryCollection {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; geometries?: unknown };
  return candidate.type === 'GeometryCollection' && Array.isArray(candidate.geometries);
}
