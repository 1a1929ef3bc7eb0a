/**
 * The surface as a GeoTIFF (the `geotiff` package's writer): one Float32 band, north-up, with
 * ModelTiepoint (the grid's north-west corner) and ModelPixelScale (the cell size), the GeoKeys
 * GTModelType = projected, GTRasterType = PixelIsArea and ProjectedCSType = the grid's EPSG code
 * (9213 for the region), and the GDAL_NODATA tag for excluded cells — so GDAL and QGIS open it as is.
 */
import { writeArrayBuffer } from 'geotiff';
import type { GridDef } from './grid.ts';

/** Nodata value written for excluded cells. */
export const NODATA = -9999;

/** Encode values (NaN = excluded) on a grid as a GeoTIFF file. */
export function surfaceToGeoTiff(grid: GridDef, values: Float32Array, nodata = NODATA): ArrayBuffer {
  if (values.length !== grid.cols * grid.rows) throw new Error(`values must have ${grid.cols * grid.rows} cells, got ${values.length}`);
  const data = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) data[i] = Number.isNaN(values[i]) ? nodata : values[i];
  const meta = {
    width: grid.cols,
    height: grid.rows,
    ModelPixelScale: [grid.cell, grid.cell, 0],
    ModelTiepoint: [0, 0, 0, grid.x0, grid.y0, 0],
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    ProjectedCSTypeGeoKey: grid.crs,
    GDAL_NODATA: `${nodata}`,
  };
  return writeArrayBuffer(data, meta as Parameters<typeof writeArrayBuffer>[1]) as ArrayBuffer;
}
