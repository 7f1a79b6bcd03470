/**
 * Enhances the home page's learning path with where the learner stands: each step done, in
 * progress or not started (a word, with a mark beside it), "Continue: <step>" at the first step
 * not done, and once every step is done, the way to the completion record. The script only sets
 * each step's state and which link continues: the words and links are in the markup, and
 * global.css shows those that fit.
 *
 * Reading pages run no script, so this page notes which step pages were opened: from this tab's
 * session history when the learner comes back (the Navigation API: Chromium 102+, Safari 26,
 * Firefox 147+), and from a step's link followed from here (for browsers without it).
 *
 * At most 1 KB with all it loads: so not built on island.ts's class, whose contract it keeps
 * (its config in data-config, its parts named data-target="course-progress.<name>"), and
 * bundled on its own, in one file (CourseProgress.astro). Its parts and data are those
 * contract.ts declares, checked by type only: importing the contract would ship it.
 */
import { stepStates, type CourseOutline } from '../../lib/course-steps';
import type { DataOf, PartOf } from '../island-contract';
import type { courseProgress } from './contract';
import { markOpened, readRecord } from './learner-record';

/** What CourseProgress.astro writes into data-config. */
export interface CourseProgressConfig {
  course: CourseOutline;
  /** storageKeys.opened. */
  openedKey: string;
}

interface NavigationHistory {
  navigation?: { entries(): { url: string | null }[] };
}

type C = typeof courseProgress;
/** An element of the island whose `dataset` holds only the data its contract declares: a renamed one is a type error. */
type Part<E extends HTMLElement = HTMLElement> = Omit<E, 'dataset'> & { dataset: { [name in DataOf<C>]?: string } };

/** A page's address without its query or anchor. */
const pageOf = (url: string | null) => url?.split(/[?#]/)[0];

class CourseProgress extends HTMLElement {
  connectedCallback() {
    const { course, openedKey } = JSON.parse(this.dataset.config!) as CourseProgressConfig;
    const parts = (name: PartOf<C>) => [...this.querySelectorAll(`[data-target="course-progress.${name}"]` satisfies `[data-target="${C['tag']}.${string}"]`)] as Part<HTMLAnchorElement>[];
    const steps = parts('step');
    const update = () => {
      const seen = ((window as NavigationHistory).navigation?.entries() ?? []).map((entry) => pageOf(entry.url));
      markOpened(
        openedKey,
        steps.filter((a) => seen.includes(pageOf(a.href))).map((a) => a.dataset.step!),
      );
      try {
        const states = stepStates(course, readRecord(course, openedKey));
        for (const a of steps) a.dataset.state = states[a.dataset.step!];
        const next = steps.find((a) => a.dataset.state !== 'done')?.dataset.step;
        for (const a of parts('continue')) a.hidden = a.dataset.step !== next;
      } catch {
        // Saved answers of a shape it cannot count: the plain path (the islands keep them aside when they load).
      }
    };
    // Each time the page shows: when it loads, and back from the back-forward cache, when the history has grown.
    addEventListener('pageshow', update);
    this.addEventListener('click', (event) => {
      const step = ((event.target as Element).closest('a') as Part | null)?.dataset.step;
      if (step) markOpened(openedKey, [step]);
    });
  }
}

customElements.define('course-progress' satisfies C['tag'], CourseProgress);
