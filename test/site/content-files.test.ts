/**
 * The live content/ files that the plain site's build does not read: content/lms.yaml is read
 * only by the package build (npm run package), so a mistake in it is caught here first.
 */
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { lmsSettings } from '../../src/data/lms';
import { projectRoot } from '../support/astro-cli';

test('the project’s LMS settings read, with a pass mark in range', () => {
  const { passMark } = lmsSettings(pathToFileURL(projectRoot));
  expect(passMark).toBeGreaterThan(0);
  expect(passMark).toBeLessThanOrEqual(100);
});
