/**
 * The manager's reviews kept side by side in this browser (feedback-talk.ts loads it after the
 * page's first look, to show them once there is more than one): the open review under the talk's storage key, the others under
 * storageKeys.listedReview, listed by person and period. Opening another review or file lists the
 * open one first, so switching never loses one.
 */
import { storageKeys } from '../../lib/saved-state';
import { fill } from '../../lib/template';
import { take } from '../saved-form-actions';
import type { FeedbackTalkElement } from './feedback-talk';

/** How a review is named in the list: person and period, or that it has no name. */
const named = (talk: FeedbackTalkElement, value: unknown) =>
  (typeof value === 'string' ? [] : talk.who(value as ReturnType<FeedbackTalkElement['state']>)).join(' · ') || talk.config.saved.unnamed;

/** Lists `text` (the open review) beside the others; with what to say, or false when the browser has no room. */
export function listReview(talk: FeedbackTalkElement, text: string): [boolean, string] {
  const key = talk.config.storageKey;
  const time = new Date().toISOString();
  let entry = storageKeys.listedReview(key, time);
  for (let n = 1; localStorage.getItem(entry) !== null; n++) entry = storageKeys.listedReview(key, `${time}-${n}`);
  try {
    localStorage.setItem(entry, text);
  } catch {
    return [false, ''];
  }
  return [true, fill(talk.config.saved.listed, { who: named(talk, talk.read(JSON.parse(text))) })];
}

/**
 * Shows the list, once there is another review than the open one: the open review first, then
 * each other one as a button that opens it.
 */
export function showList(talk: FeedbackTalkElement) {
  const key = talk.config.storageKey;
  let entries: string[] = [];
  try {
    entries = Object.keys(localStorage).filter((k) => storageKeys.isListedReview(k, key));
  } catch {
    // No storage: no other review is kept.
  }
  talk.target('reviews').hidden = !entries.length;
  const open = document.createElement('li');
  open.append(Object.assign(document.createElement('strong'), { textContent: named(talk, talk.state()) }), ` (${talk.config.saved.openNow})`);
  open.setAttribute('aria-current', 'true');
  const others = entries
    .sort()
    .map((entry) => {
      let value: unknown;
      try {
        value = talk.read(JSON.parse(localStorage.getItem(entry)!));
      } catch {
        value = '';
      }
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: named(talk, value) });
      talk.on(button, 'click', () => void switchTo(talk, entry));
      const item = document.createElement('li');
      item.append(button);
      return item;
    });
  talk.target('review-list').replaceChildren(open, ...others);
}

/** Opens the listed review `entry` in the talk's place; the open one takes its place in the list. */
async function switchTo(talk: FeedbackTalkElement, entry: string) {
  const text = localStorage.getItem(entry);
  if (text !== null) {
    localStorage.removeItem(entry);
    if (!(await take(talk, JSON.parse(text), talk.config.texts.loaded))) localStorage.setItem(entry, text);
  }
  talk.render();
  talk.target('current').focus();
}
