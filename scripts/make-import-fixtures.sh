#!/usr/bin/env bash
# Make the import test fixtures (test/fixtures/import/) from the bundled sources with GDAL's
# ogr2ogr: real Shapefile (EPSG:9213 VN-2000 / TM-3 106°30′, UTF-8 and TCVN3 .dbf), KML, KMZ, GPX,
# CSV; a corpus of bad files under bad/; and the PROJ reference points (crs-reference.json).
# Needs: gdal-bin (ogr2ogr), zip, python3-pyproj. Run from the repo root:
#   bash scripts/make-import-fixtures.sh
set -euo pipefail
SRC=data/sources
OUT=test/fixtures/import
BAD="$OUT/bad"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT" "$BAD"
export TZ=UTC
zipit() { # zipit out.zip files... (deterministic: fixed mtime, no extra attributes)
  local out="$1"; shift
  touch -d '2026-01-01 00:00:00' "$@"
  rm -f "$out"; zip -q -X -j "$out" "$@"
}

COMMUNES="$SRC/bac-kan-communes-2009.geojson"
POWER="$SRC/power-110kv-traces.geojson"
SQL_COMMUNES="SELECT commune_id_census2009 AS id, name, district, population_2009 AS pop_2009, area_ha_2009 AS area_ha FROM \"bac-kan-communes-2009\" WHERE district_id_census2009='20701'"

# 1. The 8 communes of Bắc Kạn town as a WGS 84 GeoJSON reference (what every import must give back).
ogr2ogr -f GeoJSON "$OUT/communes-wgs84.geojson" "$COMMUNES" -sql "$SQL_COMMUNES" -lco RFC7946=YES -lco WRITE_NAME=NO

# 2. Zipped Shapefile in EPSG:9213 with .prj and a UTF-8 .cpg.
ogr2ogr -f "ESRI Shapefile" "$TMP/communes_vn2000_tm3.shp" "$OUT/communes-wgs84.geojson" -t_srs EPSG:9213 -lco ENCODING=UTF-8 -nln communes_vn2000_tm3
zipit "$OUT/communes-9213-shp.zip" "$TMP"/communes_vn2000_tm3.{shp,shx,dbf,prj,cpg}

# 3. Same, .dbf in the legacy TCVN3 (ABC) encoding and no .cpg (as old Vietnamese GIS files are).
ogr2ogr -f "ESRI Shapefile" "$TMP/communes_tcvn3.shp" "$OUT/communes-wgs84.geojson" -t_srs EPSG:9213 -lco ENCODING=TCVN5712-1 -nln communes_tcvn3
rm -f "$TMP/communes_tcvn3.cpg"
cp "$TMP/communes_tcvn3.dbf" "$OUT/communes-tcvn3.dbf"
zipit "$OUT/communes-tcvn3-shp.zip" "$TMP"/communes_tcvn3.{shp,shx,dbf,prj}

# 4. KML and KMZ of the 110 kV traces (points and lines); the source itself as the reference.
cp "$POWER" "$OUT/power-110kv-wgs84.geojson"
chmod 644 "$OUT/power-110kv-wgs84.geojson"
ogr2ogr -f KML "$OUT/power-110kv.kml" "$POWER" -nln power_110kv -select name,kind,voltage,code 2>/dev/null
cp "$OUT/power-110kv.kml" "$TMP/doc.kml"
zipit "$OUT/power-110kv.kmz" "$TMP/doc.kml"

# 5. GPX: substations/junctions as waypoints, lines as tracks.
mkdir -p "$TMP/gpx"
ogr2ogr -f "ESRI Shapefile" "$TMP/gpx/waypoints.shp" "$POWER" -nlt POINT -lco ENCODING=UTF-8 -sql "SELECT name, kind AS \"desc\" FROM \"power-110kv-traces\" WHERE kind <> 'line'"
ogr2ogr -f "ESRI Shapefile" "$TMP/gpx/tracks.shp" "$POWER" -nlt MULTILINESTRING -lco ENCODING=UTF-8 -sql "SELECT name FROM \"power-110kv-traces\" WHERE kind = 'line'"
rm -f "$OUT/power-110kv.gpx"
ogr2ogr -f GPX "$OUT/power-110kv.gpx" "$TMP/gpx" -lco FORCE_GPX_TRACK=YES

# 6. CSV: points with Vietnamese lon/lat headers; the same in EPSG:9213 x/y with no CRS; communes as WKT.
ogr2ogr -f CSV "$TMP/pts.csv" "$POWER" -sql "SELECT name, kind, code FROM \"power-110kv-traces\" WHERE kind <> 'line'" -lco GEOMETRY=AS_XY
sed '1s/^"\?X"\?,"\?Y"\?/kinh_do,vi_do/' "$TMP/pts.csv" > "$OUT/substations-lonlat.csv"
ogr2ogr -f CSV "$OUT/substations-9213-xy.csv" "$POWER" -t_srs EPSG:9213 -sql "SELECT name, kind, code FROM \"power-110kv-traces\" WHERE kind <> 'line'" -lco GEOMETRY=AS_XY
ogr2ogr -f CSV "$OUT/communes-wkt.csv" "$OUT/communes-wgs84.geojson" -lco GEOMETRY=AS_WKT

# 7. PROJ reference positions for every supported CRS.
/usr/bin/python3 "$OUT/make-crs-reference.py" 2>/dev/null

# 8. Bad files.
: > "$BAD/empty.geojson"
printf '  \n\n' > "$BAD/whitespace.csv"
head -c 700 "$OUT/communes-wgs84.geojson" > "$BAD/truncated.geojson"
printf '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"name":"A"},\n"geometry":{"type":"Point","coordinates":[105.8,22.1]}},,\n]}\n' > "$BAD/invalid.geojson"
head -c 900 "$OUT/power-110kv.kml" > "$BAD/truncated.kml"
printf '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n<Placemark><name>A</nam></Placemark>\n</Document></kml>\n' > "$BAD/invalid-xml.kml"
cp "$OUT/power-110kv.kml" "$BAD/kml-named.geojson"
cp "$OUT/power-110kv.kmz" "$BAD/kmz-named.csv"
printf '%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n' > "$BAD/pdf-named.kml"
printf '{"type":"FeatureCollection","features":[]}\n' > "$BAD/empty-layer.geojson"
cat > "$BAD/mixed-null.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","id":"p1","properties":{"name":"point"},"geometry":{"type":"Point","coordinates":[105.83,22.15]}},
{"type":"Feature","id":"n1","properties":{"name":"no geometry"},"geometry":null},
{"type":"Feature","id":"l1","properties":{"name":"line"},"geometry":{"type":"LineString","coordinates":[[105.8,22.1],[105.9,22.2]]}},
{"type":"Feature","id":"b1","properties":{"name":"bad coords"},"geometry":{"type":"LineString","coordinates":[[105.8,"22.1"],[105.9,22.2]]}},
{"type":"Feature","id":"c1","properties":{"name":"circle"},"geometry":{"type":"Circle","coordinates":[105.8,22.1]}},
{"type":"Feature","id":"g1","properties":{"name":"polygon"},"geometry":{"type":"Polygon","coordinates":[[[105.8,22.1],[105.9,22.1],[105.9,22.2],[105.8,22.1]]]}}
]}
JSON
cat > "$BAD/unclosed-ring.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"open ring"},"geometry":{"type":"Polygon","coordinates":[[[105.8,22.1],[105.9,22.1],[105.9,22.2],[105.8,22.2]]]}},
{"type":"Feature","properties":{"name":"two points"},"geometry":{"type":"Polygon","coordinates":[[[105.8,22.1],[105.9,22.1],[105.8,22.1]]]}}
]}
JSON
cat > "$BAD/self-intersecting.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"bow tie"},"geometry":{"type":"Polygon","coordinates":[[[105.8,22.1],[105.9,22.2],[105.9,22.1],[105.8,22.2],[105.8,22.1]]]}},
{"type":"Feature","properties":{"name":"square"},"geometry":{"type":"Polygon","coordinates":[[[105.8,22.1],[105.9,22.1],[105.9,22.2],[105.8,22.2],[105.8,22.1]]]}}
]}
JSON
cat > "$BAD/out-of-range.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[105.83,22.15]}},
{"type":"Feature","properties":{"name":"lon 205"},"geometry":{"type":"Point","coordinates":[205.83,22.15]}},
{"type":"Feature","properties":{"name":"lat -95"},"geometry":{"type":"Point","coordinates":[105.83,-95]}}
]}
JSON
printf 'name,lon,lat\nTBA Bắc Kạn,22.147,105.83\nChợ Đồn,22.18,105.58\nNà Phặc,22.40,105.93\n' > "$BAD/swapped.csv"
printf 'name,x,y,lon,lat\nA,1,2,105.8,22.1\n' > "$BAD/ambiguous.csv"
printf 'ten,gia_tri\nA,1\n' > "$BAD/no-coordinates.csv"
printf 'name,lon,lat\nA,105.83,22.15\nB,abc,22.2\nC,105.9,\nD,105.7,22.3\n' > "$BAD/bad-rows.csv"
# communes in EPSG:9213 metres written as plain GeoJSON without a crs member
ogr2ogr -f GeoJSON "$TMP/p.geojson" "$OUT/communes-wgs84.geojson" -t_srs EPSG:9213 -lco WRITE_NAME=NO -lco COORDINATE_PRECISION=3
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); d.pop('crs',None); json.dump(d,open(sys.argv[2],'w'))" "$TMP/p.geojson" "$BAD/projected-no-crs.geojson"
printf '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[5123456,9123456]}}]}\n' > "$BAD/projected-far.geojson"
printf '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::32648"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[500000,2450000]}}]}\n' > "$BAD/unsupported-crs.geojson"
cat > "$BAD/duplicate-ids.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","id":"ccn-1","properties":{"name":"A"},"geometry":{"type":"Point","coordinates":[105.83,22.15]}},
{"type":"Feature","properties":{"id":"ccn-1","name":"B"},"geometry":{"type":"Point","coordinates":[105.84,22.16]}},
{"type":"Feature","id":"ccn-2","properties":{"name":"C"},"geometry":{"type":"Point","coordinates":[105.85,22.17]}}
]}
JSON
cat > "$BAD/html-props.geojson" <<'JSON'
{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"<script>alert('x')</script>Mỏ chì kẽm","note":"plain text"},"geometry":{"type":"Point","coordinates":[105.83,22.15]}},
{"type":"Feature","properties":{"name":"KCN","link":"<a href=\"javascript:alert(1)\">xem</a>"},"geometry":{"type":"Point","coordinates":[105.84,22.16]}}
]}
JSON
cp "$TMP/communes_vn2000_tm3.shp" "$BAD/bare.shp"
zipit "$BAD/no-dbf.zip" "$TMP"/communes_vn2000_tm3.{shp,shx,prj}
zipit "$BAD/no-prj.zip" "$TMP"/communes_vn2000_tm3.{shp,shx,dbf,cpg}
zipit "$BAD/no-shp.zip" "$TMP"/communes_vn2000_tm3.{dbf,prj}
head -c 3000 "$OUT/communes-9213-shp.zip" > "$BAD/truncated-shp.zip"
# a small zip bomb: 4 MiB of zeros compresses to ~4 KiB (tests use maxUnzippedBytes = 1 MiB)
head -c 4194304 /dev/zero > "$TMP/zeros.shp"
zipit "$BAD/zip-bomb.zip" "$TMP/zeros.shp"
echo "fixtures written to $OUT"
