#!/usr/bin/env node
// Runs before `npm test`: the browser tests drive Debian's Chromium, and read the PDF it prints
// with poppler-utils (pdfinfo, pdftotext); the LMS package tests validate manifests with
// libxml2-utils (xmllint). When any is missing and we are root on a Debian
// machine, install it (and CJK fonts for screenshots) with apt-get; otherwise say what to do.
// CHROMIUM_PATH points the tests at another Chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (process.env.CHROMIUM_PATH && !existsSync(path)) {
  console.error(`CHROMIUM_PATH is set to ${path}, but there is no file there.`);
  process.exit(1);
}
const missing = [
  ...(existsSync(path) ? [] : ['chromium', 'fonts-noto-cjk']),
  ...(existsSync('/usr/bin/pdftotext') ? [] : ['poppler-utils']),
  ...(existsSync('/usr/bin/xmllint') ? [] : ['libxml2-utils']),
];
if (missing.length === 0) process.exit(0);

if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
  console.error(`The tests need ${missing.join(', ')}: run \`sudo apt-get install -y ${missing.join(' ')}\`${missing.includes('chromium') ? ', or set CHROMIUM_PATH' : ''}.`);
  process.exit(1);
}
console.log(`Installing Debian’s ${missing.join(', ')} for the tests (about a minute)…`);
const apt = (args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
apt(['update', '-qq']);
apt(['install', '-y', '-qq', '--no-install-recommends', ...missing]);
