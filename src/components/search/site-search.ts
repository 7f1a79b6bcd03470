/**
 * Enhances <site-search>: searches the Pagefind index of the page's language as the reader
 * types, with the form's filters, keeps the URL shareable (?q=…), and renders results with
 * highlighted excerpts linking to their exact anchors. Chinese queries are folded and split
 * the way the index was built (src/lib/search-text.ts), and kept only where the text really
 * contains each term.
 */
import { unpackFoldMap, type FoldMap } from '../../lib/chinese-variants';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { excerptParts, holdsAll, markTerms, pagefindQuery, searchTerms } from '../../lib/search-text';
import { fill, fillPlural } from '../../lib/template';
import { Island } from '../island';
import { pagefind, type PagefindResultData } from './start-pagefind';
import { writtenByMark } from '../written-by-mark';

/** What SearchPage.astro writes into data-config. */
export interface SiteSearchConfig {
  han: boolean;
  /** The fold map, packed (chinese-variants.ts). */
  foldMap: string;
  /** The filters the form offers, by field name. */
  filters: string[];
  kinds: Dictionary['search']['kinds'];
  texts: Dictionary['search']['script'];
}

/** Results rendered at a time; the first batch is small so the first results show sooner. */
const firstBatch = 4;
const batch = 12;
/**
 * Quiet time after a keystroke before searching: keystrokes closer together than this (typing
 * a word) search once, while Pagefind already fetches the index chunks of what was typed.
 */
const typingPause = 40;

class SiteSearch extends Island<SiteSearchConfig> {
  private foldMap: FoldMap = {};
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private list!: HTMLOListElement;
  private run = 0;
  private pending: { data(): Promise<PagefindResultData> }[] = [];
  private terms: string[] = [];
  private shown = 0;
  private query = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected connect() {
    this.foldMap = unpackFoldMap(this.config.foldMap);
    this.form = this.target('form', HTMLFormElement);
    this.input = this.target('query', HTMLInputElement);
    this.list = this.target('results', HTMLOListElement);
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const el of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]:not([name=q])')) {
      const chosen = params.getAll(el.name);
      if (el instanceof HTMLInputElement) el.checked = chosen.includes(el.value);
      else el.value = chosen[0] ?? '';
      if (chosen.length) this.target('filters', HTMLDetailsElement).open = true;
    }
    this.on(this.form, 'input', (event) => {
      // An input method's candidates are not the query yet: it is searched once committed.
      if (event instanceof InputEvent && event.isComposing) return;
      // Text that arrives whole (a committed word, a paste) is searched at once; keystrokes wait for a pause.
      this.schedule(event instanceof InputEvent && (event.data ?? '').length > 1 ? 0 : typingPause);
    });
    // Chromium sends the committing input event while still composing, then this.
    this.on(this.input, 'compositionend', () => this.schedule(0));
    this.on(this.form, 'submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    this.on(this.target('more', HTMLButtonElement), 'click', () => void this.showMore(this.run));
    this.on(document, 'keydown', (event) => this.onKey(event));
    if (this.input.value) void this.search();
    this.input.focus();
  }

  private schedule(pause: number) {
    clearTimeout(this.timer);
    if (pause) void this.preload();
    this.timer = setTimeout(() => void this.search(), pause);
  }

  /** A query's terms to highlight and check (Chinese only), and the text Pagefind is asked (src/lib/search-text.ts). */
  private parse(query: string): { terms: string[]; text: string } {
    if (!this.config.han) return { terms: [], text: query };
    const terms = searchTerms(query, this.foldMap);
    return { terms, text: pagefindQuery(terms) };
  }

  /** Fetches the index chunks of what is typed so far, while the reader may still be typing. */
  private async preload() {
    const query = this.input.value.trim();
    if (!query) return;
    const loaded = await pagefind().catch(() => undefined);
    await loaded?.preload(this.parse(query).text, { filters: this.filters() }).catch(() => undefined);
  }

  private filters(): Record<string, { any: string[] }> {
    const data = new FormData(this.form);
    const filters: Record<string, { any: string[] }> = {};
    for (const name of this.config.filters) {
      const chosen = data.getAll(name).map(String).filter(Boolean);
      if (chosen.length) filters[name] = { any: chosen };
    }
    return filters;
  }

  private async search() {
    const run = ++this.run;
    const data = new FormData(this.form);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (value) params.append(key, String(value));
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
    this.query = this.input.value.trim();
    this.shown = 0;
    this.pending = [];
    if (!this.query) {
      this.list.replaceChildren();
      this.status('');
      this.target('more').hidden = true;
      return;
    }
    try {
      const { terms, text } = this.parse(this.query);
      this.terms = terms;
      const found = await (await pagefind()).search(text, { filters: this.filters() });
      if (run !== this.run) return;
      this.pending = found?.results ?? [];
      await this.showMore(run);
    } catch {
      if (run === this.run) this.status(this.config.texts.failed);
    }
  }

  /**
   * Renders the next batch of results (for Chinese, of those whose text holds every term). A new
   * search replaces the previous results only once it has some to show, so the list never stands
   * empty while a search runs.
   */
  private async showMore(run: number) {
    const { texts, han } = this.config;
    let replace = this.shown === 0;
    let added = 0;
    while (this.pending.length && added < batch) {
      const next = this.pending.splice(0, this.shown + added === 0 ? firstBatch : batch - added);
      const loaded = await Promise.all(next.map((r) => r.data()));
      if (run !== this.run) return;
      const items = loaded
        .filter((result) => !han || holdsAll(`${result.meta.title} ${result.meta.text}`, this.terms, this.foldMap))
        .map((result) => this.item(result));
      if (!items.length) continue;
      if (replace) {
        this.list.replaceChildren(...items);
        // When each query's first results show (the bench reads these marks).
        performance.mark('search-results', { detail: this.query });
      } else this.list.append(...items);
      replace = false;
      added += items.length;
    }
    if (replace) this.list.replaceChildren();
    this.shown += added;
    const more = this.pending.length > 0;
    this.target('more').hidden = !more;
    const values = { query: this.query, count: this.shown };
    const lang = document.documentElement.lang;
    this.status(this.shown === 0 && !more ? fill(texts.none, values) : fillPlural(lang, more ? texts.partial : texts.count, this.shown, values));
  }

  private item(result: PagefindResultData) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    const kind = document.createElement('span');
    kind.className = 'result-kind';
    kind.textContent = this.config.kinds[result.filters.kind?.[0] as keyof SiteSearchConfig['kinds']] ?? '';
    link.append(kind, ` ${result.meta.title}`);
    const { titleMark, titleMarkLong, contentMark, contentMarkLong } = result.meta;
    if (titleMark && titleMarkLong) link.append(' ', writtenByMark({ text: titleMark, long: titleMarkLong }));
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    if (this.config.han) {
      for (const part of excerptParts(result.meta.text, markTerms(result.meta.text, this.terms, this.foldMap))) {
        excerpt.append(part.mark ? Object.assign(document.createElement('mark'), { textContent: part.text }) : part.text);
      }
    } else {
      // Pagefind's excerpt is the record's text, escaped, with <mark> around the matches.
      excerpt.innerHTML = result.excerpt;
    }
    // The record's content has one author, so the mark holds for whatever window the excerpt shows.
    if (contentMark && contentMarkLong) excerpt.append(' ', writtenByMark({ text: contentMark, long: contentMarkLong }));
    li.append(link, excerpt);
    return li;
  }

  private status(text: string) {
    this.target('status').textContent = text;
  }

  /** "/" focuses the box; arrow keys move between the box and the results; Escape goes back. */
  private onKey(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, textarea, select') && target !== this.input;
    if (event.key === '/' && !typing && target !== this.input) {
      event.preventDefault();
      this.input.focus();
      return;
    }
    const links = [...this.list.querySelectorAll('a')];
    const at = links.indexOf(target as HTMLAnchorElement);
    if (event.key === 'ArrowDown' && (target === this.input || at >= 0)) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)]?.focus();
    } else if (event.key === 'ArrowUp' && at >= 0) {
      event.preventDefault();
      (at === 0 ? this.input : links[at - 1]!).focus();
    } else if (event.key === 'Escape' && at >= 0) {
      this.input.focus();
    }
  }
}

customElements.define('site-search', SiteSearch);
