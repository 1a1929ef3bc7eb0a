/**
 * Convert a planner's GIS file (GeoJSON, KML, KMZ, GPX, CSV, zipped Shapefile; any supported CRS)
 * to GeoJSON, CSV or KML, printing every issue found.
 *
 *   npm run convert -- <input> [--from-crs EPSG:n] [--to geojson|csv|kml] [--to-crs EPSG:n] [-o <output>]
 *                      [--x <column> --y <column> | --wkt <column>] [--max-bytes n] [--data public/geodata] [--no-swap] [--keep-invalid]
 *
 * Output goes to stdout unless -o is given. Exit codes: 0 converted (maybe with warnings),
 * 1 the file cannot be used (errors printed), 2 bad command line.
 */
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importFile, type ImportOptions } from '../src/lib/data/import/index.ts';
import { exportCollection, type ExportFormat } from '../src/lib/data/export/index.ts';
import { parseCrsCode, SUPPORTED_EPSG } from '../src/lib/data/crs.ts';

const USAGE = `Usage: npm run convert -- <input> [--from-crs EPSG:n] [--to geojson|csv|kml] [--to-crs EPSG:n] [-o <output>]
       [--x <column> --y <column> | --wkt <column>] [--max-bytes n] [--data public/geodata] [--no-swap] [--keep-invalid]
Supported CRS: ${SUPPORTED_EPSG.map((c) => `EPSG:${c}`).join(', ')}`;

/**
 * The region hint from the data package's manifest (its bbox and the region's own projected grid),
 * so CRS proposals and swapped lat/lon are judged against the region; none when it cannot be read.
 */
function regionHint(dataDir: string): Pick<ImportOptions, 'regionBbox' | 'preferredCrs'> {
  try {
    const m = JSON.parse(readFileSync(join(dataDir, 'manifest.json'), 'utf8')) as { region?: { bbox?: [number, number, number, number]; crs?: number } };
    return { regionBbox: m.region?.bbox, preferredCrs: m.region?.crs };
  } catch {
    console.error(`convert: no data package manifest in ${dataDir}; CRS proposals use VN-2000's whole extent`);
    return {};
  }
}

/** Parsed command line. */
interface Args {
  input?: string;
  fromCrs?: string;
  to: ExportFormat;
  toCrs?: string;
  output?: string;
  x?: string;
  y?: string;
  wkt?: string;
  maxBytes?: number;
  /** Data package whose manifest gives the region hint (bbox, the region's own grid). */
  data: string;
  noSwap: boolean;
  keepInvalid: boolean;
}

/** Parse argv (without node and script); returns an error string for bad usage. */
export function parseArgs(argv: string[]): Args | string {
  const a: Args = { to: 'geojson', data: 'public/geodata', noSwap: false, keepInvalid: false };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    try {
      switch (k) {
        case '--from-crs': a.fromCrs = val(); break;
        case '--to': {
          const v = val();
          if (v !== 'geojson' && v !== 'csv' && v !== 'kml') return `--to must be geojson, csv or kml (got "${v}")`;
          a.to = v;
          break;
        }
        case '--to-crs': a.toCrs = val(); break;
        case '-o': case '--output': a.output = val(); break;
        case '--x': a.x = val(); break;
        case '--y': a.y = val(); break;
        case '--wkt': a.wkt = val(); break;
        case '--max-bytes': a.maxBytes = Number(val()); break;
        case '--data': a.data = val(); break;
        case '--no-swap': a.noSwap = true; break;
        case '--keep-invalid': a.keepInvalid = true; break;
        case '-h': case '--help': return 'help';
        default:
          if (k.startsWith('-')) return `unknown option ${k}`;
          if (a.input) return `only one input file can be given (got "${a.input}" and "${k}")`;
          a.input = k;
      }
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!a.input) return 'no input file given';
  for (const [opt, v] of [['--from-crs', a.fromCrs], ['--to-crs', a.toCrs]] as const) {
    if (v !== undefined && !parseCrsCode(v)) return `${opt} ${v} is not a supported CRS`;
  }
  if ((a.x === undefined) !== (a.y === undefined)) return '--x and --y go together';
  return a;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    console.error(`convert: ${args}\n${USAGE}`);
    return 2;
  }
  const input = args.input!;
  let bytes: Uint8Array;
  try {
    const maxBytes = args.maxBytes ?? 50 * 1024 * 1024;
    const size = statSync(input).size;
    if (size > maxBytes) {
      console.error(`error [file-too-large] "${basename(input)}" is ${size.toLocaleString('en')} bytes, over the limit of ${maxBytes.toLocaleString('en')} bytes; it was not read.`);
      return 1;
    }
    bytes = new Uint8Array(readFileSync(input));
  } catch (e) {
    console.error(`convert: cannot read ${input}: ${(e as Error).message}`);
    return 1;
  }
  const options: ImportOptions = { autoSwap: !args.noSwap, keepInvalid: args.keepInvalid, ...regionHint(args.data) };
  if (args.fromCrs) options.fromCrs = args.fromCrs;
  if (args.maxBytes) options.maxBytes = args.maxBytes;
  if (args.wkt) options.columns = { wkt: args.wkt };
  else if (args.x && args.y) options.columns = { x: args.x, y: args.y };
  const r = await importFile({ name: basename(input), bytes }, options);
  for (const i of r.issues) {
    const where = i.line ? ` (line ${i.line})` : '';
    console.error(`${i.severity} [${i.code}]${where} ${i.message}`);
  }
  if (!r.ok) {
    if (r.needsMapping) {
      const m = r.needsMapping;
      console.error(`Columns: ${m.columns.join(', ')}. Pass --x <column> --y <column> (candidates x: ${m.x.join(', ') || 'none'}; y: ${m.y.join(', ') || 'none'})${m.wkt.length ? ` or --wkt ${m.wkt[0]}` : ''}.`);
    }
    console.error(`convert: "${basename(input)}" cannot be used.`);
    return 1;
  }
  const name = basename(args.output ?? input).replace(/\.[^.]+$/, '');
  let out;
  try {
    out = exportCollection(r.collection, { format: args.to, crs: args.toCrs, name });
  } catch (e) {
    console.error(`convert: ${(e as Error).message}`);
    return 2;
  }
  const summary = `read ${r.collection.features.length} feature(s) from ${r.format} in EPSG:${r.crs.code} (${r.crs.source})${r.rejected.length ? `, rejected ${r.rejected.length}` : ''}; wrote ${args.to}${args.toCrs ? ` in ${args.toCrs}` : ''}`;
  if (args.output) {
    writeFileSync(args.output, out.bytes);
    console.error(`${summary} to ${args.output}`);
  } else {
    process.stdout.write(out.bytes);
    console.error(summary);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    // A message, never a stack trace: the importer reports bad data as issues, so this is a bug or the system.
    console.error(`convert: unexpected failure: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
