#!/usr/bin/env node
// Runs before `npm test`: the browser tests drive Debian's Chromium. When it is missing and we
// are root on a Debian machine, install it (and CJK fonts for screenshots) with apt-get;
// otherwise say what to do. CHROMIUM_PATH points the tests at another Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${path}, but there is no file there.`);
  process.exit(1);
}
if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
  console.error('The browser tests need Chromium: run `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.');
  process.exit(1);
}
console.log('Chromium is missing: installing Debian’s chromium package (about a minute)…');
const apt = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
apt(['update', '-qq']);
apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']);
