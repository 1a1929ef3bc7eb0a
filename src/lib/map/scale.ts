/**
 * Map scale: ground metres per pixel of a MapLibre view (512-px tiles, Web Mercator). Pure.
 */

/** Equatorial circumference of the WGS84 ellipsoid, metres (Web Mercator's ground resolution basis). */
const EARTH_CIRCUMFERENCE = 40075016.686;

/**
 * Ground metres per image pixel of a MapLibre snapshot, for the dossier's
 * `DossierInput.mapImage.metresPerPixel`.
 * @param latDeg latitude of the map centre (`map.getCenter().lat`).
 * @param zoom `map.getZoom()`.
 * @param pixelRatio canvas pixels per CSS pixel (`map.getPixelRatio()`, default 1).
 */
export function snapshotMetresPerPixel(latDeg: number, zoom: number, pixelRatio = 1): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((latDeg * Math.PI) / 180)) / (512 * 2 ** zoom) / pixelRatio;
}
