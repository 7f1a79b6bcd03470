/**
 * Enhances <course-launch>, the launch page of an LMS package: finds the LMS's SCORM API (up the
 * frame chain, then the opener's, as the standard says), opens the one session of this launch,
 * reads what the LMS holds (retrying a failed read; until a read succeeds nothing is written, so
 * nothing the LMS holds is overwritten), restores the learner's record by the course's ids,
 * opens the course in the frame where the learner left it, and reports what the islands save.
 * The islands reach this page directly through the course host (course-host.ts), so the LMS is
 * the store even where the browser refuses storage. No API, or one that refuses to start: the
 * course opens as the plain site. Nothing here throws.
 */
import { describeChanges, emptyRecord, restoreQuiz, restoreSelfAssessment, withNewInteractions, type Course, type LearnerRecord, type RestoreChanges } from '../../lib/course';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { readQuizProgress } from '../../lib/saved-quiz';
import { storageKeys } from '../../lib/saved-state';
import { readSelfAssessment } from '../../lib/saved-assessment';
import type { ScormVersion } from '../../lib/scorm/course';
import { reportValues, scormRuntime, sessionTime, suspendSize, type CmiValue } from '../../lib/scorm/report';
import { decodeSuspendData, encodeSuspendData, mergeRecords } from '../../lib/scorm/suspend-data';
import { fill, sentences } from '../../lib/template';
import { keepAside } from '../browser-storage';
import { provideHost, type CourseHost } from '../course-host';
import { Island } from '../island';

/** What CourseLaunch.astro writes into data-config. */
export interface CourseLaunchConfig {
  scorm: ScormVersion;
  course: Course;
  /** Each step's page, as a path from the package's root (e.g. "en/speech/index.html"), by step id. */
  stepPages: Record<string, string>;
  /** The locale's home page, from the package's root. */
  home: string;
  levelNames: Record<string, string>;
  listSeparator: string;
  texts: Dictionary['lms']['script'];
}

type Runtime = (typeof scormRuntime)[ScormVersion];
type Method = 'initialize' | 'terminate' | 'getValue' | 'setValue' | 'commit' | 'getLastError';
type ScormApi = Record<string, (...args: string[]) => unknown>;

const retryDelays = [2000, 5000, 15000, 30000, 60000];
/** Waits before a failed read at launch is tried again; then the course opens without writing. */
const readRetries = [300, 1000, 3000];
/** A pause in typing before a note is committed: a commit is a synchronous request in many LMSs. */
const typingPause = 2000;
/** A page of the course, as a location the LMS may hand back: a path inside the package (no `.` or `..` segment). */
const coursePagePattern = /^[a-z]{2}(-[a-z]+)?\/([\w%-][\w.%-]*\/)*index\.html$/;
function isCoursePage(path: string): boolean {
  try {
    return coursePagePattern.test(path) && coursePagePattern.test(decodeURIComponent(path));
  } catch {
    return false;
  }
}
/** Error codes that say the value itself is wrong (the data model's), not that the LMS failed. */
const refusedValue = /^(?:201|351|40[1-9])$/;

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

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

class CourseLaunch extends Island<CourseLaunchConfig> implements CourseHost {
  private api: ScormApi | undefined;
  private names!: Runtime;
  private course!: Course;
  private record: LearnerRecord = emptyRecord();
  /** False until the LMS's state has been read: nothing is written before. */
  private known = false;
  /** An LMS copy this launch could not read: carried whole in what it writes. */
  private carried: string | undefined;
  /** What the LMS holds of each element, as far as this launch knows. */
  private sent = new Map<string, string>();
  /** Values the LMS refused as malformed: logged once, never sent again. */
  private refused = new Map<string, string>();
  private location = '';
  private started = Date.now();
  private ended = false;
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private typing: ReturnType<typeof setTimeout> | undefined;
  private notice = '';
  private learner = '';

  protected connect() {
    const frame = this.target('frame', HTMLIFrameElement);
    this.course = structuredClone(this.config.course);
    this.names = scormRuntime[this.config.scorm];
    this.api = findApi(this.names.api);
    if (!this.api) {
      // No LMS: the package is the plain site.
      location.replace(this.config.home);
      return;
    }
    if (this.call('initialize', '') !== 'true') {
      // An LMS that fails to start (or throws on every call): the course opens, and the learner knows it is not recorded.
      this.ended = true;
      this.notice = this.config.texts.notRecording;
      this.tell(false, undefined);
      frame.src = this.config.home;
      return;
    }
    provideHost(this);
    this.on(frame, 'load', () => this.frameLoaded(frame));
    // The session ends on every way a page can go; a hidden page (a phone's app switcher, which may
    // kill it unseen) has its state committed first.
    for (const type of ['pagehide', 'beforeunload', 'unload'] as const) this.on(window, type, () => this.finish());
    this.on(document, 'visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.flush();
    });
    this.on(this.target('carry-over', HTMLButtonElement), 'click', () => this.carryOver(frame));
    void this.start(frame);
  }

  private async start(frame: HTMLIFrameElement) {
    const entry = await this.read(this.names.entry);
    // A new attempt has nothing saved: its state is not read (a 2004 LMS answers "not initialized").
    const newAttempt = entry === 'ab-initio';
    const kept = newAttempt ? '' : await this.read(this.names.suspendData);
    const learner = (await this.read(this.names.learnerId)) ?? '';
    const passing = Number.parseFloat((await this.read(this.names.passingScore)) ?? '');
    if (passing > 0) this.course.passMark = passing / this.names.passingScoreScale;
    const saved = newAttempt ? '' : ((await this.read(this.names.location)) ?? '');
    const count = Number.parseInt((await this.read(this.names.interactionCount)) ?? '', 10) || 0;
    this.claimBrowser(learner, newAttempt);
    const changes: RestoreChanges = { remarked: [], retired: [], dropped: [] };
    let fromLms = emptyRecord();
    if (kept === undefined) {
      // The LMS did not say what it holds: write nothing until it does.
      this.notice = this.config.texts.unreadable;
      this.retry = setTimeout(() => void this.readAgain(), retryDelays.at(-1));
    } else {
      this.known = true;
      if (kept !== '') {
        const decoded = decodeSuspendData(this.course, kept);
        if (decoded.readable) {
          fromLms = decoded.record;
          this.carried = decoded.carried;
          Object.assign(changes, decoded.changes);
          // What the last session committed need not be sent again.
          if (decoded.sameCourse) {
            for (const [element, value] of reportValues(this.course, this.config.scorm, fromLms, fromLms.interactions)) this.sent.set(element, value);
            this.sent.set(this.names.suspendData, kept);
            if (saved) this.sent.set(this.names.location, saved);
          }
        } else {
          this.carried = kept;
          keepAside(storageKeys.lmsSuspendData, kept);
          this.notice = this.config.texts.notRestored;
        }
      }
    }
    // Interactions the LMS holds that this record does not know (an earlier package's) keep their numbers.
    for (let n = fromLms.interactions.length; n < count; n++) fromLms.interactions.push(`#${n}`);
    const browser = this.browserRecord(changes);
    this.record = mergeRecords(fromLms, browser);
    this.target('carry-over-offer').hidden = !(newAttempt && this.shelf(learner));
    this.learner = learner;
    this.restoreBrowser();
    const { texts, levelNames, listSeparator } = this.config;
    this.notice = sentences(this.notice, describeChanges(changes, texts, document.documentElement.lang, (level) => levelNames[level] ?? String(level), listSeparator));
    this.tell(false, undefined);
    frame.src = isCoursePage(saved) && !newAttempt ? saved : this.config.home;
  }

  /** After a launch whose read failed: once the LMS gives its state, it joins what the learner did meanwhile. */
  private async readAgain() {
    if (this.ended) return;
    const kept = await this.read(this.names.suspendData);
    if (kept === undefined) {
      this.retry = setTimeout(() => void this.readAgain(), retryDelays.at(-1));
      return;
    }
    const decoded = kept === '' ? undefined : decodeSuspendData(this.course, kept);
    if (decoded?.readable) this.record = mergeRecords(decoded.record, this.record);
    else if (kept !== '') this.carried = kept;
    this.known = true;
    this.notice = '';
    this.sync();
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

  /** A value the LMS holds, retried when the read fails; undefined when it kept failing. */
  private async read(element: string): Promise<string | undefined> {
    for (let attempt = 0; ; attempt++) {
      const value = this.call('getValue', element);
      const error = this.call('getLastError') ?? '0';
      // An element the LMS leaves unset or does not implement (401, 403) is empty, not a failed read.
      if (value !== undefined && /^(?:0|401|403)$/.test(error)) return error === '0' ? value : '';
      if (attempt >= readRetries.length) return undefined;
      await wait(readRetries[attempt]!);
    }
  }

  private courseKeys(): string[] {
    return [...this.course.quizzes, ...this.course.selfAssessments].map((item) => item.storageKey);
  }

  /**
   * Makes this browser's copy the launching learner's. Another learner's answers go to their
   * shelf (never deleted), and this learner's shelf comes back, so notes kept in this browser
   * only stay theirs on a shared computer. A new attempt starts blank: the previous one's
   * answers stay on the shelf.
   */
  private claimBrowser(learner: string, newAttempt: boolean) {
    try {
      const owner = localStorage.getItem(storageKeys.lmsLearner);
      const moveOut = (who: string) => {
        const shelf: Record<string, string> = {};
        for (const key of this.courseKeys()) {
          const text = localStorage.getItem(key);
          if (text !== null) shelf[key] = text;
        }
        if (Object.keys(shelf).length === 0) return;
        const shelfKey = storageKeys.lmsLearnerShelf(who);
        const before = localStorage.getItem(shelfKey);
        // An older shelf of the same learner is not overwritten: it is kept aside first.
        if (before !== null && !keepAside(shelfKey, before)) return;
        localStorage.setItem(shelfKey, JSON.stringify(shelf));
        for (const key of Object.keys(shelf)) localStorage.removeItem(key);
      };
      if (owner !== null && owner !== learner) moveOut(owner);
      else if (newAttempt) moveOut(learner);
      if (!newAttempt && owner !== learner) {
        const shelfKey = storageKeys.lmsLearnerShelf(learner);
        const shelf = JSON.parse(localStorage.getItem(shelfKey) ?? '{}') as Record<string, unknown>;
        for (const [key, text] of Object.entries(shelf)) {
          if (this.courseKeys().includes(key) && typeof text === 'string') localStorage.setItem(key, text);
        }
        localStorage.removeItem(shelfKey);
      }
      localStorage.setItem(storageKeys.lmsLearner, learner);
    } catch {
      // No storage: the LMS's copy is all there is.
    }
  }

  /** What this browser holds, read against the current course; what that changed is added to `changes`. */
  private browserRecord(changes: RestoreChanges): Pick<LearnerRecord, 'quizzes' | 'selfAssessments'> {
    const get = (key: string) => {
      try {
        return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
      } catch {
        return null;
      }
    };
    const record: Pick<LearnerRecord, 'quizzes' | 'selfAssessments'> = { quizzes: {}, selfAssessments: {} };
    for (const quiz of this.course.quizzes) {
      const saved = readQuizProgress(get(quiz.storageKey));
      if (!saved) continue;
      const restored = restoreQuiz(quiz, saved);
      record.quizzes[quiz.id] = restored.progress;
      changes.remarked.push(...restored.changes.remarked.filter((id) => !changes.remarked.includes(id)));
      changes.retired.push(...restored.changes.retired.filter((id) => !changes.retired.includes(id)));
    }
    for (const sa of this.course.selfAssessments) {
      const saved = readSelfAssessment(get(sa.storageKey));
      if (saved?.rubric !== sa.rubric) continue;
      const restored = restoreSelfAssessment(sa.levels, saved);
      if (restored.changes.dropped.length) keepAside(sa.storageKey, JSON.stringify(saved));
      record.selfAssessments[sa.rubric] = restored.value;
      changes.dropped.push(...restored.changes.dropped.filter((d) => !changes.dropped.some((x) => x.level === d.level)));
    }
    return record;
  }

  /** Puts the merged record where the islands read it when the frame loads. */
  private restoreBrowser() {
    for (const quiz of this.course.quizzes) this.store(quiz.storageKey, this.record.quizzes[quiz.id]);
    for (const sa of this.course.selfAssessments) this.store(sa.storageKey, this.record.selfAssessments[sa.rubric]);
  }

  private store(key: string, value: unknown) {
    if (value === undefined) return;
    try {
      localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // The host gives the islands the same record.
    }
  }

  /** The course host: what an island reads at load. */
  get(key: string): string | null {
    const quiz = this.course.quizzes.find((q) => q.storageKey === key);
    if (quiz) return this.record.quizzes[quiz.id] ? JSON.stringify(this.record.quizzes[quiz.id]) : null;
    const sa = this.course.selfAssessments.find((s) => s.storageKey === key);
    if (sa) return this.record.selfAssessments[sa.rubric] ? JSON.stringify(this.record.selfAssessments[sa.rubric]) : null;
    return null;
  }

  /** The course host: an island saved. Checked, then reported (a note once typing pauses). */
  put(key: string, text: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const quiz = this.course.quizzes.find((q) => q.storageKey === key);
    const sa = this.course.selfAssessments.find((s) => s.storageKey === key);
    if (quiz) {
      const progress = readQuizProgress(raw);
      if (!progress) return;
      this.record.quizzes[quiz.id] = progress;
      this.sync();
    } else if (sa) {
      const value = readSelfAssessment(raw);
      if (value?.rubric !== sa.rubric) return;
      this.record.selfAssessments[sa.rubric] = value;
      clearTimeout(this.typing);
      this.typing = setTimeout(() => this.sync(), typingPause);
    }
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
    if (!isCoursePage(page)) return;
    this.location = page;
    const step = Object.entries(this.config.stepPages).find(([, p]) => p === page)?.[0];
    if (step && !this.record.opened.includes(step)) this.record.opened.push(step);
    if (frame.contentDocument?.title) document.title = frame.contentDocument.title;
    this.sync();
  }

  /** The answers of this learner's last attempt kept on the shelf, if any. */
  private shelf(learner: string): Record<string, string> | undefined {
    try {
      const text = localStorage.getItem(storageKeys.lmsLearnerShelf(learner));
      return text === null ? undefined : (JSON.parse(text) as Record<string, string>);
    } catch {
      return undefined;
    }
  }

  /** The learner chose to bring the last attempt's answers into this one. */
  private carryOver(frame: HTMLIFrameElement) {
    const shelf = this.shelf(this.learner) ?? {};
    for (const [key, text] of Object.entries(shelf)) {
      if (this.courseKeys().includes(key)) this.put(key, text);
      this.store(key, JSON.parse(text));
    }
    localStorage.removeItem(storageKeys.lmsLearnerShelf(this.learner));
    this.target('carry-over-offer').hidden = true;
    this.sync();
    frame.contentWindow?.location.reload();
  }

  /** Sends what changed since the LMS last took it, then commits (unless `commit` is false); a failure is tried again later. */
  private sync(commit = true) {
    if (this.ended) return;
    clearTimeout(this.typing);
    clearTimeout(this.retry);
    this.retry = undefined;
    if (!this.known) return this.tell(false, undefined);
    this.record.interactions = withNewInteractions(this.course, this.record);
    const suspended = encodeSuspendData(this.course, this.record, this.names.suspendLimit, this.carried, suspendSize[this.names.suspendMeasure]);
    const values: CmiValue[] = [...reportValues(this.course, this.config.scorm, this.record, this.record.interactions), [this.names.exit, 'suspend']];
    if (this.location.length <= this.names.locationLimit && this.location) values.push([this.names.location, this.location]);
    if (suspended.data !== undefined) values.push([this.names.suspendData, suspended.data]);
    let failed = false;
    const setNow: CmiValue[] = [];
    for (const [element, value] of values) {
      if (this.sent.get(element) === value || this.refused.get(element) === value) continue;
      if (this.call('setValue', element, value) === 'true') {
        this.sent.set(element, value);
        setNow.push([element, value]);
        continue;
      }
      const error = this.call('getLastError') ?? '';
      if (refusedValue.test(error)) {
        // The LMS says the value is wrong: it will never be taken, so it is not sent again.
        this.refused.set(element, value);
        console.warn(`The learning platform refused ${element} = ${JSON.stringify(value)} (error ${error}).`);
      } else failed = true;
    }
    if (commit && setNow.length && this.call('commit', '') !== 'true') {
      // What was set may not have reached the LMS's store: send it again with the next try.
      for (const [element] of setNow) this.sent.delete(element);
      failed = true;
    }
    if (failed) this.retry = setTimeout(() => this.sync(), retryDelays[Math.min(this.failures++, retryDelays.length - 1)]);
    else this.failures = 0;
    this.tell(failed, suspended);
  }

  private tell(failed: boolean, suspended: ReturnType<typeof encodeSuspendData> | undefined) {
    const { texts, levelNames, listSeparator } = this.config;
    const messages: string[] = [this.notice];
    if (failed) messages.push(texts.notSent);
    if (suspended?.data === undefined && suspended) messages.push(texts.tooLarge);
    else if (suspended?.notesLeftOut.length) {
      const levels = suspended.notesLeftOut.map(({ level }) => levelNames[level] ?? level);
      messages.push(fill(texts.notesKeptHere, { levels: [...new Set(levels)].join(listSeparator) }));
    }
    const status = this.target('status');
    const text = sentences(...messages);
    if (status.textContent !== text) status.textContent = text;
  }

  /** Commits what is pending with the session's time so far: a page that is hidden may never come back. */
  private flush() {
    if (this.ended || !this.known) return;
    this.call('setValue', this.names.sessionTime, sessionTime(this.config.scorm, Date.now() - this.started));
    this.sync();
  }

  /**
   * The end of the launch in one request: the last values and the session's time are set, and
   * Terminate commits them (an LMS that sends each commit of the exit as a beacon sends one).
   */
  private finish() {
    if (this.ended) return;
    if (this.known) {
      this.sync(false);
      this.call('setValue', this.names.sessionTime, sessionTime(this.config.scorm, Date.now() - this.started));
    }
    this.call('terminate', '');
    this.ended = true;
    clearTimeout(this.retry);
    clearTimeout(this.typing);
  }
}

customElements.define('course-launch', CourseLaunch);
