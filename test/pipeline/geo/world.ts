import { EARTH_RADIUS_KM } from '../../../pipeline/geo/haversine.ts';

/** A point `km` north of 52° N, 5° E: along a meridian the great-circle distance is exactly the latitude difference. */
export function north(km: number, lon = 5): { lat: number; lon: number } {
  return { lat: 52 + (km / EARTH_RADIUS_KM) * (180 / Math.PI), lon };
}
