/** The LMS package settings a trainer sets in content/lms.yaml. */
import { z } from 'astro/zod';

export const lmsSettingsSchema = z.strictObject({
  /** Percent of quiz questions answered right to pass. */
  passMark: z.number().int().min(1).max(100),
});

export type LmsSettings = z.infer<typeof lmsSettingsSchema>;
