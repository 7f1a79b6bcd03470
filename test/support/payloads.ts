/** Random and corrupted saved-data payloads, for the unit and the browser tests. */

/** Random JSON-like values, biased towards near-misses of the valid shapes. */
export function randomPayload(random: () => number, depth = 0): unknown {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (depth > 2 || roll < 0.25) {
    return pick<unknown>([null, true, 0, 1, 2, -1, 0.5, '', '1', 'x'.repeat(6000), 'example', 'incident', 'maybe', 'case-a']);
  }
  if (roll < 0.4) return Array.from({ length: Math.floor(random() * 4) }, () => randomPayload(random, depth + 1));
  const keys = ['version', 'order', 'answers', 'choice', 'correct', 'keyVersion', 'rubric', 'notes', 'name', 'period', 'kind', 'self', 'manager', 'agreed', 'nextStep', '1', '3', '9', '10', 'extra'];
  return Object.fromEntries(
    Array.from({ length: Math.floor(random() * 6) }, () => [pick(keys), randomPayload(random, depth + 1)]),
  );
}

/** A valid payload with one part replaced by something random. */
export function corrupted(valid: object, random: () => number): unknown {
  const copy = structuredClone(valid) as Record<string, any>;
  const paths: (string | number)[][] = [];
  const walk = (v: any, path: (string | number)[]) => {
    paths.push(path);
    if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...path, k]);
  };
  walk(copy, []);
  const path = paths[1 + Math.floor(random() * (paths.length - 1))]!;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key];
  target[path.at(-1)!] = randomPayload(random);
  return copy;
}

/** A file the review page is given, and what it must say of it (undefined: it opens). */
export interface HostileFile {
  label: string;
  name: string;
  bytes: Buffer;
  problem: 'unreadable' | 'other-rubric' | 'newer-version' | undefined;
  /** Levels the file opens without: an answer the level's rule does not allow, or a level the rubric lacks. */
  dropped?: number[];
}

/** Markup that would run if a file's text were ever put into the page as HTML. */
export const markup = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
];

/**
 * Files a manager might be given for the talk on `rubric` (whose levels are 1 to 5, level 1 the
 * only one with a half point): damaged, hostile, of another rubric or a newer version, each
 * with the problem the page must report; and valid ones whose text is markup, which must open
 * and show it as text. Built from a valid self-assessment `self` and a valid talk `talk`.
 */
export function hostileFiles(self: Record<string, any>, talk: Record<string, any>): HostileFile[] {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value));
  const files: HostileFile[] = [];
  /** `problem` null: the file opens; `dropped`: without those levels. */
  const add = (label: string, bytes: Buffer | string, problem: HostileFile['problem'] | null = 'unreadable', dropped?: number[]) =>
    files.push({ label, name: `${files.length}.json`, bytes: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), problem: problem ?? undefined, ...(dropped ? { dropped } : {}) });
  const selfWith = (change: object) => json({ ...self, ...change });
  const talkWith = (change: object) => json({ ...talk, ...change });
  const part = (side: 'manager' | 'agreed' | 'self', change: object) => talkWith({ [side]: { ...talk[side], ...change } });

  // Not JSON, or not an object.
  for (const text of ['', ' ', '{', '{"version":1', '{version: 1}', "{'version': 1}", '[1,2,', 'NaN', '// comment\n{}', '{"a":1,}']) add(`broken JSON ${JSON.stringify(text)}`, text);
  for (const value of [null, [], 42, 'self-assessment', true, [self]]) add(`not an object: ${JSON.stringify(value).slice(0, 30)}`, json(value));
  // Binary.
  add('PNG bytes', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  add('NUL bytes', Buffer.alloc(64));
  add('gzip of a valid file', Buffer.from([0x1f, 0x8b, 0x08, 0x00, ...Buffer.from(JSON.stringify(self))]));
  add('UTF-16 JSON without a byte-order mark', Buffer.from(JSON.stringify(self), 'utf16le'));
  add('invalid UTF-8', Buffer.from([0x7b, 0xc3, 0x28, 0xa0, 0xa1, 0x7d]));
  // Wrong types and shapes.
  add('version as text', selfWith({ version: '1' }));
  add('version null', selfWith({ version: null }));
  add('no version', json({ ...self, version: undefined }));
  add('rubric as number', selfWith({ rubric: 5 }));
  add('empty rubric', selfWith({ rubric: '' }));
  add('answers as array', selfWith({ answers: ['no-incident'] }));
  add('answers as text', selfWith({ answers: 'all yes' }));
  add('unknown answer', selfWith({ answers: { 1: 'maybe' } }));
  add('answer as number', selfWith({ answers: { 1: 1 } }));
  add('level 0', selfWith({ answers: { 0: 'no-incident' } }));
  add('level 10', selfWith({ answers: { 10: 'example' } }));
  add('notes as number', selfWith({ notes: { 3: 42 } }));
  add('notes as array', selfWith({ notes: ['case'] }));
  add('name as number', selfWith({ name: 7 }));
  add('period as object', selfWith({ period: { from: 'Oct' } }));
  add('an extra key', selfWith({ score: 5 }));
  add('a missing key', json({ ...self, name: undefined }));
  // Too large.
  add('a note of 5,001 characters', selfWith({ notes: { 3: 'x'.repeat(5001) } }));
  add('a note of 100,000 characters', selfWith({ notes: { 3: '案'.repeat(100_000) } }));
  add('a name of 201 characters', selfWith({ name: 'n'.repeat(201) }));
  add('a file over 1 MB', Buffer.concat([json(self), Buffer.alloc(1_000_001, 0x20)]));
  add('an agreed next step of 5,001 characters', part('agreed', { nextStep: 'y'.repeat(5001) }));
  // Answers the level's rule does not allow, levels the rubric lacks: the file opens without them (R8).
  add('an example at level 1', selfWith({ answers: { 1: 'example' } }), null, [1]);
  add('an incident at level 3', selfWith({ answers: { 3: 'incident' } }), null, [3]);
  add('a half point at level 2', selfWith({ answers: { 2: 'mitigated-incident' } }), null, [2]);
  add('a level 6', selfWith({ answers: { 6: 'example' } }), null, [6]);
  add('a note for level 9', selfWith({ notes: { 9: 'Hidden from the manager.' } }), null, [9]);
  add('the manager answers level 4 with no-incident', part('manager', { answers: { 4: 'no-incident' } }), null, [4]);
  add('the manager’s note for level 9', part('manager', { notes: { 9: 'Hidden from the employee.' } }), null, [9]);
  add('the agreed answer at level 5 is an incident', part('agreed', { answers: { 5: 'incident' } }), null, [5]);
  // Prototype pollution.
  add('__proto__ at the top', `{"__proto__": {"polluted": true}, ${JSON.stringify(self).slice(1)}`);
  add('__proto__ among the answers', selfWith({ answers: JSON.parse('{"__proto__": {"polluted": true}}') }));
  add('constructor.prototype among the notes', selfWith({ notes: { constructor: { prototype: { polluted: true } } } }));
  add('__proto__ in the manager’s part', talkWith({ manager: JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(talk.manager).slice(1)}`) }));
  // Talk files with a part missing or wrong.
  add('a talk of another kind', talkWith({ kind: 'quiz' }));
  add('a talk without its self-assessment', json({ ...talk, self: undefined }));
  add('a talk whose self-assessment is text', talkWith({ self: JSON.stringify(self) }));
  add('a talk without the manager', json({ ...talk, manager: undefined }));
  add('a talk with an extra agreed field', part('agreed', { score: 5 }));
  add('a talk whose self-assessment is of a newer version', talkWith({ self: { ...self, version: 2 } }));
  add('a talk whose self-assessment is of another rubric', talkWith({ self: { ...self, rubric: 'alibaba-integrity' } }));
  add('quiz progress', json({ version: 1, order: [], answers: {} }));
  // Another rubric.
  for (const rubric of ['alibaba-integrity', 'aaa-fixture-teamwork', String(self.rubric).toUpperCase()]) {
    add(`a self-assessment of ${rubric}`, selfWith({ rubric }), 'other-rubric');
  }
  add('a talk of another rubric', talkWith({ rubric: 'alibaba-integrity', self: { ...self, rubric: 'alibaba-integrity' } }), 'other-rubric');
  // A newer version.
  for (const version of [2, 99, 1.5]) add(`a self-assessment of version ${version}`, selfWith({ version }), 'newer-version');
  add('a self-assessment of version 1e400', JSON.stringify(self).replace('"version":1', '"version":1e400'), 'newer-version');
  add('a talk of version 2', talkWith({ version: 2 }), 'newer-version');
  add('a version 2 file of another shape', json({ version: 2, format: 'something new' }), 'newer-version');
  // Valid files whose text is markup: they open, and it shows as text.
  markup.forEach((text, i) =>
    add(`markup in the notes (${i + 1})`, talkWith({
      self: { ...self, name: text, notes: { ...self.notes, 3: text } },
      manager: { ...talk.manager, name: text, notes: { 1: text } },
      agreed: { ...talk.agreed, nextStep: text },
    }), null),
  );
  return files;
}
