/** scorm-again's LMS runtimes (software nobody here wrote), as the judge of the values the course sends. */
import type Scorm12Type from 'scorm-again/scorm12';
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm2004Type from 'scorm-again/scorm2004';
import * as scorm2004 from 'scorm-again/scorm2004';
import { expect } from 'vitest';
import type { ScormVersion } from '../../src/lib/scorm/course';
import { scormRuntime, type CmiValue } from '../../src/lib/scorm/report';

// scorm-again's types declare default exports; its ES modules export the classes by name.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Type };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Type };

/** The values a fresh runtime of `version` refuses when they are set in order, each with its error code. */
export function refusedBy(version: ScormVersion, values: readonly CmiValue[]): string[] {
  const names = scormRuntime[version];
  const api = version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  const call = (method: keyof typeof names, ...args: string[]) => (api as unknown as Record<string, (...a: string[]) => string>)[names[method] as string]!(...args);
  expect(call('initialize', '')).toBe('true');
  const refused: string[] = [];
  for (const [element, value] of values) if (call('setValue', element, value) !== 'true') refused.push(`${element}=${value}: ${call('getLastError')}`);
  return refused;
}

/** The values as a map, checking that each element is set once. */
export function asMap(values: readonly CmiValue[]): Map<string, string> {
  const map = new Map(values);
  expect(map.size).toBe(values.length);
  return map;
}

/**
 * The values a runtime of `version` refuses when it already holds `held` (what an LMS keeps of an
 * attempt between launches: interactions are numbered in one sequence, so a relaunch may set
 * number 6 while leaving 5 as it was).
 */
export function refusedAfter(version: ScormVersion, held: readonly CmiValue[], values: readonly CmiValue[]): string[] {
  const refused = refusedBy(version, [...held, ...values]);
  expect(refusedBy(version, held)).toEqual([]);
  return refused;
}
