/**
 * The shape of a UI dictionary. Each locale's dictionary must provide every key, so a missing
 * string is a type error (and `test/unit/dictionary.test.ts` checks the same at run time).
 */
import type { ExportProblem } from '../cohort-results';
import type { FileProblem, TalkQuestion } from '../feedback-talk';
import type { ReasonTemplates } from '../rubric-model';
import type { Plural } from '../template';
import type { CaseOrigin, EvidenceRule, LevelAnswer, RecordKind, Verdict } from '../vocabulary';

/** The question a level's rule asks, the answers offered, the label of the case's box, and what is said at a half point. */
export interface LevelQuestions {
  questions: Record<EvidenceRule, string>;
  answers: Record<LevelAnswer, string>;
  noteLabel: Record<EvidenceRule, string>;
  /** Said at a level with a half-point rule: possible, not automatic, and who decides. */
  halfPointNote: string;
}

export interface Dictionary {
  languageName: string;
  /** Punctuation that differs between Chinese and English text. */
  punctuation: { colon: string; listSeparator: string; openParenthesis: string; closeParenthesis: string };
  site: { name: string; tagline: string; description: string };
  nav: {
    label: string;
    /** The phone header's disclosure holding the sections and languages. */
    menu: string;
    speech: string;
    values: string;
    rubrics: string;
    cases: string;
    glossary: string;
    sources: string;
    quiz: string;
    selfAssessment: string;
    search: string;
  };
  skipLink: string;
  /** The mark on text that is not the sources' own words (components/WrittenBy.astro). */
  attribution: {
    site: string;
    siteLong: string;
    filled: string;
    /** `{source}` is filled in. */
    filledLong: string;
    /** Said once per page, in the footer: what the marks mean. */
    legend: string;
  };
  languageSwitcher: { label: string; /** `{language}` is filled in. */ readIn: string };
  footer: { credit: string; sources: string };
  /** `{minutes}` is filled in. */
  minutesToRead: string;
  home: {
    intro: string;
    pathHeading: string;
    steps: { speech: string; values: string; rubrics: string; cases: string; quiz: string; selfAssessment: string };
    questions: Plural;
    glossaryHint: string;
  };
  /** Where the learner stands on the path (the home page), and the completion record. */
  progress: {
    states: { done: string; started: string; 'not-started': string };
    /** `{step}` is filled in. */
    continue: string;
    finished: string;
    recordLink: string;
    /** On the path's last step, whether or not every step is done. */
    recordOffer: string;
    record: {
      title: string;
      description: string;
      /** Said on the record itself: what it is and what it is not. */
      notCredential: string;
      needsJs: string;
      /** `{done}` and `{total}` are filled in. */
      notFinished: string;
      unreadable: string;
      name: string;
      /** Where the self-assessment has no name: a line to write it on. */
      noName: string;
      date: string;
      course: string;
      steps: string;
      quiz: string;
      levels: string;
      print: string;
    };
  };
  speech: {
    description: string;
    viewLabel: string;
    viewBoth: string;
    viewSource: string;
    viewTranslation: string;
    /** `{number}` is filled in. */
    paragraphLink: string;
    /** `{speaker}`, `{role}` and `{date}` are filled in. */
    speakerLine: string;
    glossaryHint: string;
    translationNote: string;
  };
  values: {
    description: string;
    quotedFrom: string;
    rubricLink: string;
  };
  rubric: {
    description: string;
    indexDescription: string;
    /** `{level}` is filled in. */
    level: string;
    points: Plural;
    meaning: string;
    scoring: string;
    evidence: Record<EvidenceRule, string>;
    halfPoint: string;
    cases: string;
    noCases: string;
    combination: string;
    weight: string;
    process: string;
    filledFrom: string;
    sourceLabel: string;
    levelsTable: string;
    statement: string;
    rule: string;
  };
  cases: {
    description: string;
    byLevel: string;
    byVerdict: string;
    verdict: Record<Verdict, string>;
    verdictLong: Record<Verdict, string>;
    origin: Record<CaseOrigin, string>;
    count: Plural;
    level: string;
    verdictLabel: string;
    themes: string;
    source: string;
    siteReading: string;
    /** The standing of a site reading, in place of a verdict. */
    discussion: string;
    /** Heading of the site's readings, listed apart from the cases that meet or fall short. */
    discussionHeading: string;
    /** Where the source lists a case: "source item 3". */
    /** `{position}`: the case's number in the source's list. */
    sourceItem: string;
    /** Heading of the site's note on where the source files a case. */
    noteHeading: string;
    readInSpeech: string;
    rubricLevel: string;
    allCases: string;
    none: string;
  };
  glossary: {
    description: string;
    inSpeech: string;
    /** Before the source of a term, whose explanation is the site's. */
    termSource: string;
  };
  sources: {
    description: string;
    seeds: string;
    gapFills: string;
    gapFillsIntro: string;
    publisher: string;
    published: string;
    updated: string;
    author: string;
    credit: string;
    normalised: string;
    fills: string;
    /** Said where a source's address was not recorded. */
    addressNotRecorded: string;
    /** The source's identifier where there is no address (a deck's number). */
    locator: string;
    address: string;
    translationNote: string;
    conversionNote: string;
  };
  quiz: {
    description: string;
    intro: string;
    needsJs: string;
    caseQuestion: string;
    levelQuestion: string;
    verdictQuestion: string;
    /** `{number}` is filled in. */
    scenarioHeading: string;
    /** A score offered as an answer; `{score}` is filled in. */
    scoreChoice: string;
    scenarioIntro: string;
    scenarioQuestion: string;
    mitigated: string;
    check: string;
    answerIs: string;
    whyScore: string;
    readCase: string;
    /** Said under a question on a case that is the site's reading of the speech. */
    siteReading: string;
    /** Said with the scoring scenarios: the half point is the manager's to give. */
    halfPointNote: string;
    /** Said under a scenario with a mitigated case that still earns no half point. */
    halfPointNotAll: string;
    summaryHeading: string;
    retry: string;
    /** Opens the statements of every level, under a question's short level options. */
    levelGuide: string;
    /** Opens a level's long key meaning under a case question's answer. */
    keyMeaning: string;
    /** Without JavaScript: the summary that opens a question's answer and explanation. */
    answerAndWhy: string;
    /** What the LMS records when questions are retried, said once on the page (and in the README). */
    retriedScore: string;
    /** Scoring practice, dealt in the browser; never graded. */
    practice: {
      heading: string;
      intro: string;
      needsJs: string;
      deal: string;
      /** After the graded quiz, beside the link to the practice page. */
      linkNote: string;
      /** Announced with each new scenario: {number} of the session, {count} cases. */
      dealt: string;
    };
    /** Templates read by the quiz script: {right}, {answered}, {total} are filled in. */
    script: {
      /**
       * The feedback chooser's contrasts (src/lib/quiz-feedback.ts). {chosen}, {level}: level
       * names; {chosenStatement}, {statement}: their statements; {verdict}: the right verdict;
       * {rule}: the level's evidence rule in one line.
       */
      lower: string;
      higher: string;
      verdictToo: string;
      verdictWrong: string;
      /** A scenario: {level} where the learner's score {score} and the rule part. */
      scoreParts: string;
      /** Marks that level in the chain. */
      partsHere: string;
      /** {percent}, {right}, {total}, {passMark}, and {outcome}: passed or notPassed. */
      percent: string;
      passed: string;
      notPassed: string;
      byLevel: string;
      /** {name} of a level, or the scenarios; its {state} (mastery); {right} of {total}. */
      levelRow: string;
      mastery: Record<'untried' | 'learning' | 'secure', string>;
      /** By the plural form of {count}: the questions due for spaced review today. */
      reviewDue: Plural;
      scenarios: string;
      missedHeading: string;
      noneMissed: string;
      /** {answer} is filled in. */
      yourAnswer: string;
      rightAnswer: string;
      /** By the plural form of {count}. */
      retryMissed: Plural;
      right: string;
      wrong: string;
      status: string;
      /** By the plural form of {total}. */
      summary: Plural;
      chooseEach: string;
      keptAside: string;
      noStorage: string;
      /** Said once after the quiz was rebuilt with other questions or keys, before what changed. */
      updated: string;
      /** `{count}`: saved answers now marked differently; answers to questions the quiz no longer has. */
      remarked: Plural;
      retired: Plural;
    };
  };
  selfAssessment: LevelQuestions & {
    description: string;
    intro: string;
    privacy: string;
    needsJs: string;
    about: string;
    name: string;
    period: string;
    periodHint: string;
    resultHeading: string;
    print: string;
    download: string;
    upload: string;
    /** Messages shown by the self-assessment script. */
    script: {
      /** `{answer}` is filled in. */
      yourAnswer: string;
      notAnswered: string;
      keptAside: string;
      /** Saved data that could not be read, left in place because no copy could be kept aside: nothing is saved over it. */
      notKeptAside: string;
      loaded: string;
      previousKeptAside: string;
      /** A file not opened because what the page holds could not be kept aside. */
      notOpened: string;
      /** `{levels}`: levels whose saved answer the rubric no longer allows. */
      dropped: string;
      /** `{levels}`: level numbers the saved answers or notes have and the rubric no longer has. */
      levelsGone: string;
      badFile: string;
      noStorage: string;
      fileName: string;
    };
  };
  /** The manager's review page: the manager's assessment beside the self-assessment, and the feedback talk. */
  feedbackTalk: LevelQuestions & {
    title: string;
    description: string;
    intro: string;
    /** The step on the home page's learning path. */
    homeStep: string;
    /** Said on the self-assessment page, before the link to the review page. */
    forManagers: string;
    privacy: string;
    needsJs: string;
    openHint: string;
    open: string;
    employee: string;
    manager: string;
    period: string;
    selfSide: string;
    managerSide: string;
    agreedSide: string;
    sheetHeading: string;
    score: string;
    level: string;
    /** Marks a level where the two sides answered differently. */
    differs: string;
    notAgreed: string;
    toSettle: string;
    nextStep: string;
    signature: { employee: string; manager: string; date: string };
    print: string;
    download: string;
    /** Templates and messages read by the review script. */
    script: {
      /** A side's answer in neutral words, for either side and the agreed column. */
      answers: Record<LevelAnswer, string>;
      notAnswered: string;
      /** The question a difference raises; `{level}` is filled in. */
      settle: Record<TalkQuestion, string>;
      loaded: string;
      previousKeptAside: string;
      notOpened: string;
      /** `{levels}`: levels the file answers that the rubric does not have or no longer allows. */
      dropped: string;
      /** Why a file was not opened. */
      problems: Record<FileProblem, string>;
      keptAside: string;
      /** Saved data that could not be read, left in place because no copy could be kept aside: nothing is saved over it. */
      notKeptAside: string;
      noStorage: string;
      fileName: string;
    };
  };
  /** The trainer's results page: a cohort's quiz answers, self-assessments and feedback talks, read in the browser. */
  results: {
    title: string;
    description: string;
    intro: string;
    privacy: string;
    needsJs: string;
    howToHeading: string;
    /** Steps to download the export from Moodle. */
    howTo: string[];
    openHint: string;
    open: string;
    methodHeading: string;
    /** How each figure is computed (Moodle's definitions). */
    method: { facility: string; discrimination: string; efficiency: string; firstAttempt: string; score: string };
    print: string;
    clear: string;
    /** Templates and messages read by the results script. */
    script: {
      reading: string;
      readFailed: string;
      /** `{learners}`, `{files}`. */
      summary: Plural;
      filesHeading: string;
      questionsHeading: string;
      confusionHeading: string;
      selfHeading: string;
      talksHeading: string;
      scoresHeading: string;
      /** Table headings. */
      question: string;
      answered: string;
      facility: string;
      discrimination: string;
      efficiency: string;
      wrongChosen: string;
      /** A wrong answer and how many chose it: `{choice}`, `{count}`. */
      chosen: string;
      /** `{count}` wrong answers whose choice the export does not show. */
      unseen: Plural;
      /** A case answer: `{level}` (a level's name) and `{verdict}`. */
      caseChoice: string;
      /** A scoring scenario's answer: `{score}`. */
      scoreChoice: string;
      notDefined: string;
      trueLevel: string;
      chosenLevel: string;
      /** `{truth}`, `{chosen}` (levels' names), `{count}`. */
      mostConfused: Plural;
      noConfusion: string;
      answer: string;
      learners: string;
      talks: Plural;
      /** Talks where both sides answered the level, and where they differ: `{differ}`, `{both}`. */
      differ: string;
      /** `{levels}`: the levels where the sides differ most. */
      mostDiffer: string;
      noTalks: string;
      noSelf: string;
      /** A score band: `{from}`, `{to}` (percent). */
      band: string;
      /** `{mark}` percent. */
      passMark: string;
      /** `{passed}`, `{failed}`, `{unfinished}`. */
      passed: Plural;
      failed: Plural;
      unfinished: Plural;
      /** What each file gave. */
      file: {
        /** `{learners}` learners' rows read. */
        rows: Plural;
        notStarted: Plural;
        /** `{v12}`, `{v2004}`: rows by package version, when both are in the files. */
        versions: string;
        withoutResponse: Plural;
        keyChanged: Plural;
        /** `{ids}` and `{count}` answers to ids this course no longer has / never had. */
        retired: string;
        other: string;
        unreadable: Plural;
        /** `{cells}`: the first cells that could not be read. */
        unreadableCells: string;
        /** `{row}`, `{column}`. */
        cell: string;
        /** `{encoding}`. */
        guessed: string;
        /** `{columns}`. */
        missing: string;
        laterAttempts: Plural;
        talk: string;
        /** `{levels}`. */
        talkDropped: string;
        problems: Record<ExportProblem, string>;
        talkProblems: Record<FileProblem, string>;
      };
    };
  };
  search: {
    description: string;
    label: string;
    submit: string;
    needsJs: string;
    shortcut: string;
    filters: string;
    kind: string;
    source: string;
    /** The source filter's choice for the site's readings of the speech. */
    siteReadings: string;
    rubric: string;
    level: string;
    verdict: string;
    any: string;
    kinds: Record<RecordKind, string>;
    results: string;
    /** Templates read by the search script: {count} (results shown, by its plural form) and {query} are filled in. */
    /** `blocked`: the platform's security settings forbid what search needs (WebAssembly). */
    script: { count: Plural; partial: Plural; none: string; more: string; failed: string; blocked: string };
  };
  guides: string;
  /** Saving the course for offline reading, and installing it as an app. */
  offline: {
    title: string;
    description: string;
    /** The installed app's short name. */
    shortName: string;
    /** On the home page: the offer, with the download size filled in by the build as {size}. */
    offer: string;
    /** `{size}` is filled in. */
    save: string;
    /** On the home page once saved (shown by the service worker's mark). */
    savedHere: string;
    manage: string;
    /** At the top of the first page read from a new version. */
    updated: string;
    intro: string;
    /** `{size}` is filled in. */
    size: string;
    contents: string;
    answers: string;
    needsJs: string;
    saveButton: string;
    removeButton: string;
    install: string;
    /** Messages shown by the offline page's script: {done}, {total}, {date}, {message} are filled in. */
    script: {
      notSaved: string;
      saving: string;
      saved: string;
      removed: string;
      failed: string;
      unsupported: string;
    };
  };
  /** How the rubric model's results are put into words. */
  rubricModel: ReasonTemplates;
  /** The launch page of an LMS (SCORM) package, which holds the LMS session around the course. */
  lms: {
    frameTitle: string;
    /** Replaces the self-assessment's privacy note inside a package: what it reports is not private. */
    selfAssessmentPrivacy: string;
    needsJs: string;
    openCourse: string;
    /** A new attempt started blank while the last one's answers are kept in this browser. */
    previousAttempt: string;
    carryOver: string;
    script: {
      notSent: string;
      /** The LMS is there but does not record this launch. */
      notRecording: string;
      /** `levels`: the levels whose notes stay in the browser, listed. */
      notesKeptHere: string;
      tooLarge: string;
      /** The LMS gave back a saved state this package cannot read (it is carried, not overwritten). */
      notRestored: string;
      /** The LMS did not give back the saved state: nothing is written until it does. */
      unreadable: string;
      /** After a republish: `{changes}` lists what changed for this learner. */
      updated: string;
      remarked: Plural;
      retired: Plural;
      /** `{levels}`: self-assessment answers the rubric no longer allows. */
      dropped: string;
    };
  };
  /** The search page's help when a query is cut or finds nothing. {max} and {terms} are filled in. */
  searchHelp: {
    capped: string;
    /** {terms}: the suggested queries, as links, joined by `or`. */
    didYouMean: string;
    or: string;
    browse: string;
  };
  /** The links that end every page of the learning path (components/PathNav.astro); {step} is filled in. */
  pathNav: { label: string; next: string; back: string };
  /** The page the offline copy shows, with no network, at an address it does not hold. */
  offlineNotSaved: { title: string; body: string; saved: string };
  notFound: { title: string; body: string; home: string };
}
