const EARTH_RADIUS_KM = 6371.0088; // mean Earth radius (IUGG)
const RAD = Math.PI / 180;

/**
 * Great-circle distance between two points by the haversine formula, in kilometres.
 *
 * @param lon1 - longitude of the first point, degrees
 * @param lat1 - latitude of the first point, degrees
 * @param lon2 - longitude of the second point, degrees
 * @param lat2 - latitude of the second point, degrees
 * @returns the distance in km (≥ 0)
 * @example
 * haversineKm(115.985, 36.457, 121.474, 31.230); // ≈ 771 (聊城 → 上海)
 */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
