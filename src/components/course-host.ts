/**
 * The declared contract between an LMS package's launch page and the islands in its course
 * frame (same origin, the frame's parent). The launch page provides a host; the islands'
 * storage (browser-storage.ts) reads from it and writes to it besides localStorage. So the LMS
 * is the store when the browser refuses storage (an LMS player embedded in another site, with
 * third-party storage blocked), and the launch page hears every save the moment it happens.
 * Only text crosses the frames: each side parses and checks what it receives.
 */
export interface CourseHost {
  /** What the launch page holds under a storage key (the LMS's copy merged with the browser's), or null. */
  get(key: string): string | null;
  /** A save by an island: the launch page checks it and reports it to the LMS. */
  put(key: string, text: string): void;
}

const hostName = 'customerFirstCourseHost';

/** The launch page's host, when this page runs in its course frame. */
export function findHost(): CourseHost | undefined {
  try {
    if (window.parent === window) return undefined;
    return (window.parent as unknown as Record<string, CourseHost | undefined>)[hostName];
  } catch {
    return undefined; // A parent of another origin: not our launch page.
  }
}

/** Called by the launch page before its course frame loads. */
export function provideHost(host: CourseHost) {
  (window as unknown as Record<string, CourseHost>)[hostName] = host;
}
