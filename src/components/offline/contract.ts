/** The markup contract of the offline island: what OfflineCourse.astro renders for offline-course.ts to find. */
import { contract } from '../island-contract';

export const offlineCourse = contract('offline-course', ['status', 'progress', 'save', 'remove']);
