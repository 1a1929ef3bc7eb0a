/**
 * A small KMZ whose KML inflates to about 199 MB (just under the old 200 MiB archive limit that let
 * it through): one placemark, then ~199 MB of spaces inside a comment. Made in the test with
 * Node's zlib (fast), never committed.
 */
import { deflateRawSync, crc32 } from 'node:zlib';

/** Bytes of the KML once inflated (~199 MB). */
export const INFLATED_BYTES = 199 * 1000 * 1000;

/**
 * The KMZ's bytes (one stored-name, deflated entry `doc.kml`). `declared` overrides the
 * uncompressed size written in its headers (a lying archive); by default the true size is written.
 */
export function inflatingKmz(declared = INFLATED_BYTES): Uint8Array {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>a</name><Point><coordinates>105.8,22.1</coordinates></Point></Placemark>\n<!--');
  const tail = Buffer.from('-->\n</Document></kml>\n');
  const kml = Buffer.alloc(INFLATED_BYTES, 0x20);
  head.copy(kml, 0);
  tail.copy(kml, INFLATED_BYTES - tail.length);
  const data = deflateRawSync(kml, { level: 1 });
  const crc = crc32(kml);
  const name = Buffer.from('doc.kml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(0, 42); // local header offset
  const cdOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
