/**
 * The live course as the browser tests need it, read from content/ with the site's own schema
 * and rubric model rather than pinned, so that a trainer's edit does not break a test.
 */
import { rubricSchema } from '../../src/schemas/content';
import { liveContent } from './content-files';

/** A rubric of content/rubrics/, parsed as the build parses it. */
export function liveRubric(id: string) {
  return rubricSchema.parse(liveContent.readYaml(`rubrics/${id}.yaml`));
}
