/**
 * Enhances <course-launch>, the launch page of an LMS package: finds the LMS's SCORM API (up the
 * frame chain, then the opener's, as the standard says), opens the one session of this launch,
 * restores the learner's answers from the LMS into this browser, opens the course in the frame
 * where the learner left it, and reports what the quiz and self-assessment save (they write to
 * localStorage; the frame's writes reach this page as `storage` events) until the page goes.
 * No API, or one that refuses to start: the course opens as the plain site. A refused call or
 * commit loses nothing (answers stay in the browser) and is retried; nothing here throws.
 */
import type { Dictionary } from '../../lib/i18n/dictionary';
import { readQuizProgress } from '../../lib/saved-quiz';
import { readSelfAssessment } from '../../lib/saved-state';
import { emptyState, withNewInteractions, type LearnerState, type ScormCourse } from '../../lib/scorm/course';
import { reportValues, scormRuntime, sessionTime, type CmiValue } from '../../lib/scorm/report';
import { decodeSuspendData, encodeSuspendData, mergeStates } from '../../lib/scorm/suspend-data';
import { fill } from '../../lib/template';
import { keepAside, load, save } from '../browser-storage';
import { Island } from '../island';

/** What CourseLaunch.astro writes into data-config. */
export interface CourseLaunchConfig {
  course: ScormCourse;
  /** The locale's home page, from the package's root. */
  home: string;
  levelNames: Record<string, string>;
  listSeparator: string;
  texts: Dictionary['lms']['script'];
}

type Runtime = (typeof scormRuntime)[keyof typeof scormRuntime];
type Method = 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit';
type ScormApi = Record<string, (...args: string[]) => unknown>;

/** Whose answers this browser holds for the course, so one learner never reports another's. */
const learnerKey = 'customer-first/lms/learner';
const retryDelays = [2000, 5000, 15000, 30000, 60000];
/** A page of the course, as a location the LMS may hand back: a path inside the package. */
const coursePage = /^[a-z]{2}(-[a-z]+)?\/([\w.%-]+\/)*index\.html$/;

function findApi(name: string): ScormApi | undefined {
  const search = (start: Window | null): ScormApi | undefined => {
    for (let win = start, hops = 0; win && hops < 500; hops++) {
      try {
        const api = (win as unknown as Record<string, ScormApi | undefined>)[name];
        if (api) return api;
      } catch {
        // A window of another origin: look further up.
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return undefined;
  };
  return search(window) ?? search(window.opener as Window | null);
}

class CourseLaunch extends Island<CourseLaunchConfig> {
  private api: ScormApi | undefined;
  private names!: Runtime;
  private course!: ScormCourse;
  private state!: LearnerState;
  /** What the LMS holds of each element, as far as this launch knows. */
  private sent = new Map<string, string>();
  private location = '';
  private started = Date.now();
  private ended = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  protected connect() {
    const frame = this.target('frame', HTMLIFrameElement);
    this.course = { ...this.config.course };
    this.names = scormRuntime[this.course.version];
    this.api = findApi(this.names.api);
    if (!this.api || this.call('initialize', '') !== 'true') {
      location.replace(this.config.home);
      return;
    }
    const resume = this.call('getValue', this.names.entry) === 'resume';
    const passing = Number.parseFloat(this.call('getValue', this.names.passingScore) ?? '');
    if (passing > 0) this.course.passMark = passing / this.names.passingScoreScale;
    this.claimBrowser(this.call('getValue', this.names.learnerId) ?? '');
    const kept = resume ? (this.call('getValue', this.names.suspendData) ?? '') : '';
    const fromLms = kept ? decodeSuspendData(this.course, kept) : undefined;
    // The LMS's copy, if unreadable, is kept in the browser before anything is written over it.
    if (kept && !fromLms) keepAside('customer-first/lms/suspend-data', kept);
    const start = fromLms ?? emptyState(this.course);
    this.state = mergeStates(start, { ...this.browserState(), opened: start.opened, interactions: [] });
    this.restoreBrowser();
    const saved = resume ? (this.call('getValue', this.names.location) ?? '') : '';
    this.on(frame, 'load', () => this.frameLoaded(frame));
    this.on(window, 'storage', (event) => {
      if (event.key?.startsWith('customer-first/')) this.sync();
    });
    this.on(window, 'pagehide', () => this.finish());
    frame.src = coursePage.test(saved) ? saved : this.config.home;
  }

  /** Calls the API; undefined when it throws (some LMS APIs do), never an exception. */
  private call(method: Method, ...args: string[]): string | undefined {
    try {
      const result = this.api?.[this.names[method]]?.(...args);
      return result === undefined || result === null ? undefined : String(result);
    } catch {
      return undefined;
    }
  }

  private storageKeys() {
    return [...this.course.quizzes, ...this.course.selfAssessments].map((item) => item.storageKey);
  }

  /** Keeps aside (never deletes) answers another learner left in this browser. */
  private claimBrowser(learner: string) {
    try {
      const owner = localStorage.getItem(learnerKey);
      if (owner !== null && owner !== learner) {
        for (const key of this.storageKeys()) {
          const text = localStorage.getItem(key);
          if (text !== null && keepAside(key, text)) localStorage.removeItem(key);
        }
      }
      localStorage.setItem(learnerKey, learner);
    } catch {
      // No storage: the LMS's copy is all there is.
    }
  }

  private browserState(): Omit<LearnerState, 'opened' | 'interactions'> {
    return {
      quizzes: this.course.quizzes.map((quiz) => load(quiz.storageKey, readQuizProgress).value),
      selfAssessments: this.course.selfAssessments.map((sa) => load(sa.storageKey, readSelfAssessment).value),
    };
  }

  /** Puts the merged answers where the quiz and self-assessment read them. */
  private restoreBrowser() {
    const browser = this.browserState();
    this.course.quizzes.forEach((quiz, i) => {
      const merged = this.state.quizzes[i];
      if (merged && JSON.stringify(merged) !== JSON.stringify(browser.quizzes[i])) save(quiz.storageKey, merged);
    });
    this.course.selfAssessments.forEach((sa, i) => {
      const merged = this.state.selfAssessments[i];
      if (merged && JSON.stringify(merged) !== JSON.stringify(browser.selfAssessments[i])) save(sa.storageKey, merged);
    });
  }

  private frameLoaded(frame: HTMLIFrameElement) {
    let href: string;
    try {
      href = frame.contentWindow!.location.href;
    } catch {
      return; // A page of another origin (an external link the learner followed).
    }
    const root = new URL('.', location.href).pathname;
    const path = decodeURI(new URL(href).pathname);
    if (!path.startsWith(root)) return;
    const page = path.slice(root.length).replace(/(^|\/)$/, '$1index.html');
    if (!coursePage.test(page)) return;
    this.location = page;
    const step = this.course.steps.indexOf(page);
    if (step >= 0) this.state.opened[step] = true;
    if (frame.contentDocument?.title) document.title = frame.contentDocument.title;
    this.sync();
  }

  /** Sends what changed since the last call, then commits; on any refusal, tries again later. */
  private sync() {
    if (this.ended) return;
    clearTimeout(this.retry);
    this.retry = undefined;
    const read = this.browserState();
    // Where the browser holds nothing (it refuses storage), what the LMS gave stands.
    const current: LearnerState = {
      ...this.state,
      quizzes: read.quizzes.map((quiz, i) => quiz ?? this.state.quizzes[i]),
      selfAssessments: read.selfAssessments.map((sa, i) => sa ?? this.state.selfAssessments[i]),
    };
    current.interactions = withNewInteractions(this.course, current);
    this.state = current;
    const suspended = encodeSuspendData(this.course, current, this.names.suspendLimit);
    const values: CmiValue[] = [...reportValues(this.course, current, current.interactions), [this.names.exit, 'suspend']];
    if (this.location.length <= this.names.locationLimit && this.location) values.push([this.names.location, this.location]);
    if (suspended.data !== undefined) values.push([this.names.suspendData, suspended.data]);
    let refused = false;
    let changed = false;
    for (const [element, value] of values) {
      if (this.sent.get(element) === value) continue;
      changed = true;
      if (this.call('setValue', element, value) === 'true') this.sent.set(element, value);
      else refused = true;
    }
    if (changed && this.call('commit', '') !== 'true') refused = true;
    if (refused) {
      // The LMS may have dropped what it took: send everything again next time.
      this.sent.clear();
      this.retry = setTimeout(() => this.sync(), retryDelays[Math.min(this.failures++, retryDelays.length - 1)]);
    } else {
      this.failures = 0;
    }
    this.tell(refused, suspended);
  }

  private tell(refused: boolean, suspended: ReturnType<typeof encodeSuspendData>) {
    const { texts, levelNames, listSeparator } = this.config;
    const messages: string[] = [];
    if (refused) messages.push(texts.notSent);
    if (suspended.data === undefined) messages.push(texts.tooLarge);
    else if (suspended.notesLeftOut.length) {
      const levels = suspended.notesLeftOut.map(({ level }) => levelNames[level] ?? level);
      messages.push(fill(texts.notesKeptHere, { levels: [...new Set(levels)].join(listSeparator) }));
    }
    const status = this.target('status');
    const text = messages.join(' ');
    if (status.textContent !== text) status.textContent = text;
  }

  /** The end of the launch: last values, the session's time, commit, and the one Terminate. */
  private finish() {
    if (this.ended) return;
    this.sync();
    this.call('setValue', this.names.sessionTime, sessionTime(this.course.version, Date.now() - this.started));
    this.call('commit', '');
    this.call('terminate', '');
    this.ended = true;
    clearTimeout(this.retry);
  }
}

customElements.define('course-launch', CourseLaunch);
