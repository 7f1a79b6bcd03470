/** The mark WrittenBy.astro puts on text that is not the sources' words, for text a script writes. */
export interface MarkText {
  /** The short tag shown. */
  text: string;
  /** What it means, for screen readers and as a tooltip. */
  long: string;
}

export function writtenByMark({ text, long }: MarkText): HTMLElement {
  const mark = Object.assign(document.createElement('small'), { className: 'written-by-mark', title: long });
  mark.append(
    Object.assign(document.createElement('span'), { textContent: text, ariaHidden: 'true' }),
    Object.assign(document.createElement('span'), { textContent: long, className: 'visually-hidden' }),
  );
  return mark;
}
