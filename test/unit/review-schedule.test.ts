/** Spaced review: 1, 3 and 7 days, on the learner's calendar days, across months, time zones and a clock set back. */
import { afterEach, describe, expect, test } from 'vitest';
import { addDays, afterAnswer, dueOn, localDay, readQueue, type ReviewQueue } from '../../src/lib/review-schedule';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('calendar days', () => {
  test('adding days crosses months, years and leap days', () => {
    expect(addDays('2026-01-30', 3)).toBe('2026-02-02');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-30', 7)).toBe('2027-01-06');
    expect(addDays('2026-11-30', 3)).toBe('2026-12-03');
  });

  test('a day is the learner’s own: one instant is two days in Taipei and Los Angeles, and a DST night stays one day', () => {
    const instant = new Date('2026-11-30T17:00:00Z');
    process.env.TZ = 'Asia/Taipei';
    expect(localDay(instant)).toBe('2026-12-01');
    process.env.TZ = 'America/Los_Angeles';
    expect(localDay(instant)).toBe('2026-11-30');
    process.env.TZ = 'America/New_York';
    // 01:30 and 03:30 local on the night the clocks go forward (2026-03-08).
    expect(localDay(new Date('2026-03-08T06:30:00Z'))).toBe('2026-03-08');
    expect(localDay(new Date('2026-03-08T07:30:00Z'))).toBe('2026-03-08');
    expect(localDay(new Date('2026-03-09T03:59:00Z'))).toBe('2026-03-08');
    expect(localDay(new Date('2026-03-09T04:00:00Z'))).toBe('2026-03-09');
  });
});

describe('the schedule', () => {
  test('right answers move a question on after 1, 3 and 7 days, then it leaves review; a miss starts it again at 1 day', () => {
    let entry = afterAnswer(undefined, true, '2026-11-28');
    expect(entry).toEqual({ due: '2026-11-29', next: 1 });
    entry = afterAnswer(entry, true, '2026-11-29');
    expect(entry).toEqual({ due: '2026-12-02', next: 2 });
    entry = afterAnswer(entry, false, '2026-12-02');
    expect(entry).toEqual({ due: '2026-12-03', next: 1 });
    entry = afterAnswer(entry, true, '2026-12-03');
    expect(entry).toEqual({ due: '2026-12-06', next: 2 });
    entry = afterAnswer(entry, true, '2026-12-06');
    expect(entry).toEqual({ due: '2026-12-13', next: 3 });
    expect(afterAnswer(entry, true, '2026-12-13')).toBeUndefined();
    expect(afterAnswer(undefined, false, '2026-11-28')).toEqual({ due: '2026-11-29', next: 1 });
  });

  test('a month of a learner who reviews on the day things fall due: each question comes back on exactly its days', () => {
    // a: missed, then right at each review; b: right every time; c: right, missed at its first review, then right.
    const answers: Record<string, boolean[]> = { a: [false, true, true, true], b: [true, true, true, true], c: [true, false, true, true, true] };
    const queue: ReviewQueue = {};
    const seen: Record<string, string[]> = { a: [], b: [], c: [] };
    const turn: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let d = 0; d < 31; d++) {
      const today = addDays('2026-11-20', d);
      const todo = d === 0 ? Object.keys(answers) : dueOn(queue, today);
      for (const id of todo) {
        seen[id]!.push(today);
        queue[id] = afterAnswer(queue[id], answers[id]![turn[id]!++]!, today);
      }
    }
    expect(seen.a).toEqual(['2026-11-20', '2026-11-21', '2026-11-24', '2026-12-01']);
    expect(seen.b).toEqual(['2026-11-20', '2026-11-21', '2026-11-24', '2026-12-01']);
    expect(seen.c).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-25', '2026-12-02']);
    expect(JSON.parse(JSON.stringify(queue))).toEqual({});
  });

  test('a clock set back makes nothing due early, and an answer then schedules from the day the clock says', () => {
    const queue: ReviewQueue = { q: afterAnswer(undefined, false, '2026-12-05') };
    expect(dueOn(queue, '2026-12-01')).toEqual([]);
    expect(dueOn(queue, '2026-12-05')).toEqual([]);
    expect(dueOn(queue, '2026-12-06')).toEqual(['q']);
    expect(dueOn(queue, '2027-01-02')).toEqual(['q']);
    expect(afterAnswer(queue.q, true, '2026-12-01')).toEqual({ due: '2026-12-04', next: 2 });
  });

  test('saved data that is not a queue reads as an empty one; entries this code did not write are never due and leave on the next answer', () => {
    for (const bad of [null, 5, 'x', true]) expect(readQueue(bad)).toEqual({});
    const queue = readQueue({ a: null, b: { due: 7, next: 1 }, c: { due: '2026-12-01', next: 9 } });
    expect(dueOn(queue, '2027-01-01')).toEqual(['c']);
    expect(afterAnswer(queue.c, true, '2027-01-01')).toBeUndefined();
    expect(afterAnswer(queue.c, false, '2027-01-01')).toEqual({ due: '2027-01-02', next: 1 });
  });
});
