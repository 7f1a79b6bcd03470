/** The words of the mark on text that is not the sources' own (components/WrittenBy.astro, and the islands that write such text). */
import type { MarkText } from '../lib/authorship';
import { fill } from '../lib/template';
import type { LocaleContext } from '../middleware';
import { getSource } from './content';

/** The short tag and long text of the mark on text written by `by`: `site`, or the id of the source a gap was filled from. */
export async function authorshipMark(by: string, { t, text }: Pick<LocaleContext, 't' | 'text'>): Promise<MarkText> {
  if (by === 'site') return { text: t.attribution.site, long: t.attribution.siteLong };
  const { title, publisher } = (await getSource(by)).data;
  return { text: t.attribution.filled, long: fill(t.attribution.filledLong, { source: text(title ?? publisher) }) };
}
