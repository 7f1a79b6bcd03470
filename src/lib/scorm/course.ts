/**
 * The SCORM versions the packages are built for, and the names each version's package and launch
 * page go by. The course itself, and where a learner stands in it, is src/lib/course.ts.
 */
export type ScormVersion = '1.2' | '2004';

/** Each version's name in package file names and URLs. */
export const scormEditions = { '1.2': 'scorm12', '2004': 'scorm2004' } as const satisfies Record<ScormVersion, string>;
export const scormVersions = Object.keys(scormEditions) as ScormVersion[];

/** A package's file name: customer-first-<locale>-scorm12.zip or …-scorm2004.zip. */
export const packageName = (locale: string, version: ScormVersion) => `customer-first-${locale}-${scormEditions[version]}.zip`;

/** Where the package build puts each launch page: /<locale>/<launchRoute>/<edition>/. */
export const launchRoute = 'scorm-launch';
