/** The mark WrittenBy.astro puts on text that is not the sources' words, for text a script writes. */
import type { MarkText } from '../lib/authorship';

export type { MarkText };

export function writtenByMark({ text, long }: MarkText): HTMLElement {
  const mark = Object.assign(document.createElement('small'), { className: 'written-by-mark', title: long });
  mark.append(
    Object.assign(document.createElement('span'), { textContent: text, ariaHidden: 'true' }),
    Object.assign(document.createElement('span'), { textContent: long, className: 'visually-hidden' }),
  );
  return mark;
}
