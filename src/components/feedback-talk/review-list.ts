/**
 * The manager's reviews kept side by side in this browser (feedback-talk.ts loads it after the
 * page's first look, to show them once there is more than one): the open review under the talk's storage key, the others under
 * clickSpace.listedReview, listed by person and period. Opening another review or file lists the
 * open one first, so switching never loses one.
 */
import { clickSpace } from '../../lib/click-keys';
import type { FeedbackTalk } from '../../lib/saved-state';
import { fill } from '../../lib/template';
import { keepAside, storeCopy } from '../browser-storage';
import { take } from '../saved-form-actions';
import type { FeedbackTalkElement } from './feedback-talk';

/** How a review is named in the list: person and period, or that it has no name. */
const named = (talk: FeedbackTalkElement, value: unknown) =>
  (typeof value === 'string' ? [] : talk.who(value as ReturnType<FeedbackTalkElement['state']>)).join(' · ') || talk.config.saved.unnamed;

/**
 * Puts the open review (`text`) out of the way of `incoming`: listed beside the others, with
 * what to say, or false when the browser has no room. The same person's review for the same
 * period opened again (a newer file) is kept aside instead, as an earlier copy of it.
 */
export function putAway(talk: FeedbackTalkElement, text: string, incoming: FeedbackTalk): [boolean, string] {
  const { storageKey, saved, texts } = talk.config;
  const open = JSON.parse(text) as FeedbackTalk;
  if (talk.who(open).join() === talk.who(incoming).join()) return [keepAside(storageKey, text), texts.previousKeptAside];
  const listed = storeCopy((time) => clickSpace.listedReview(storageKey, time), text);
  return [listed, listed ? fill(saved.listed, { who: named(talk, open) }) : ''];
}

/**
 * Shows the list, once there is another review than the open one: the open review first, then
 * each other one as a button that opens it.
 */
export function showList(talk: FeedbackTalkElement, shown: FeedbackTalk) {
  const key = talk.config.storageKey;
  // Whose review is open, above all it holds.
  talk.target('current').textContent = talk.who(shown).join(' · ');
  let entries: string[] = [];
  try {
    entries = Object.keys(localStorage).filter((k) => clickSpace.isListedReview(k, key));
  } catch {
    // No storage: no other review is kept.
  }
  talk.target('reviews').hidden = !entries.length;
  const open = document.createElement('li');
  open.append(Object.assign(document.createElement('strong'), { textContent: named(talk, shown) }), ` (${talk.config.saved.openNow})`);
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
  talk.target('current').focus();
}
