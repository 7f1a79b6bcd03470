/**
 * The parts an island declares (src/components/island.ts): the browser tests find them as the
 * islands' scripts do, by `data-target="<island>.<name>"`, never by a class the styles may change.
 */
import type { Locator, Page } from 'playwright-core';

/** The CSS selector of the part `name` of `island` (for querySelector inside the page). */
export const partSelector = (island: string, name: string) => `[data-target="${island}.${name}"]`;

/** Every part `name` of `island` on `page` (or inside `within`). */
export const part = (within: Page | Locator, island: string, name: string) => within.locator(partSelector(island, name));
