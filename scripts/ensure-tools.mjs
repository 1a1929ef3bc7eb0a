#!/usr/bin/env node
// Makes sure the browser tests have Debian's Chromium. Installs it with apt-get when running as
// root; otherwise says exactly what to run. CHROMIUM_PATH overrides the location.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`Chromium not found at ${path}. Install Debian's package first:\n  sudo apt-get update && sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to an existing Chromium binary).`);
  process.exit(1);
}
console.log(`Chromium not found at ${path}: installing Debian's chromium with apt-get…`);
try {
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit', shell: '/bin/bash' });
} catch {
  console.error('apt-get install chromium failed; install it by hand: apt-get install -y chromium');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`apt-get finished but ${path} is still missing`);
  process.exit(1);
}
