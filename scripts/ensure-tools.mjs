#!/usr/bin/env node
// Makes sure the tests have the Debian tools they drive: Chromium (browser tests), poppler-utils
// (pdftotext/pdftoppm read the dossier PDFs), zbar-tools (zbarimg decodes the dossier's QR
// code) and gdal-bin (gdalinfo/ogrinfo check what the app and the CLI export; ogr2ogr makes import
// fixtures). Installs what is missing with apt-get when running as root; otherwise says exactly what
// to run. CHROMIUM_PATH overrides the browser's location.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const needed = [
  { pkg: 'chromium', path: chromium },
  { pkg: 'poppler-utils', path: '/usr/bin/pdftotext' },
  { pkg: 'zbar-tools', path: '/usr/bin/zbarimg' },
  { pkg: 'gdal-bin', path: '/usr/bin/gdalinfo' },
].filter((t) => !existsSync(t.path));
if (!needed.length) process.exit(0);

const pkgs = needed.map((t) => t.pkg).join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`Missing ${needed.map((t) => t.path).join(', ')}. Install Debian's packages first:\n  sudo apt-get update && sudo apt-get install -y ${pkgs}\n(or set CHROMIUM_PATH to an existing Chromium binary).`);
  process.exit(1);
}
console.log(`Installing Debian packages for the tests: ${pkgs}`);
try {
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${pkgs}`, { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  console.error(`apt-get install failed; install them by hand: apt-get install -y ${pkgs}`);
  process.exit(1);
}
const still = needed.filter((t) => !existsSync(t.path));
if (still.length) {
  console.error(`apt-get finished but ${still.map((t) => t.path).join(', ')} is still missing`);
  process.exit(1);
}
