/** Random and corrupted saved-data payloads, for the unit and the browser tests. */

/** Random JSON-like values, biased towards near-misses of the valid shapes. */
export function randomPayload(random: () => number, depth = 0): unknown {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (depth > 2 || roll < 0.25) {
    return pick<unknown>([null, true, 0, 1, 2, -1, 0.5, '', '1', 'x'.repeat(6000), 'example', 'incident', 'maybe', 'case-a']);
  }
  if (roll < 0.4) return Array.from({ length: Math.floor(random() * 4) }, () => randomPayload(random, depth + 1));
  const keys = ['version', 'order', 'answers', 'choice', 'correct', 'rubric', 'notes', 'name', 'period', '1', '3', '9', '10', 'extra'];
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
