/**
 * Reads content/lms.yaml, the one place the LMS packages' pass mark is set; used by the launch
 * page the package build renders and by the integration that writes the manifests.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { lmsSettingsSchema, type LmsSettings } from '../schemas/lms';

export const lmsSettingsFile = 'content/lms.yaml';

/** `root`: the project's folder (Astro's `config.root`), by default the working directory. */
export function lmsSettings(root: URL = pathToFileURL(`${process.cwd()}/`)): LmsSettings {
  const path = new URL(lmsSettingsFile, root);
  const result = lmsSettingsSchema.safeParse(parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${lmsSettingsFile}: ${z.prettifyError(result.error)}`);
  return result.data;
}
