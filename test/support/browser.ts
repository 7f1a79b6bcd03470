/**
 * Debian's Chromium driven by playwright-core (nothing downloads a browser). CHROMIUM_PATH
 * overrides the path; `npm test` installs the package first when it is missing.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const quiet = {
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch(quiet);
}

/** A browser with a profile in `dir`: what some checks need that a fresh (incognito) context fails, such as installing an app. */
export function launchChromiumProfile(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, quiet);
}
