/**
 * Enhances <site-search>: searches the Pagefind index of the page's language as the reader
 * types, with the form's filters, keeps the URL shareable (?q=…), and renders results with
 * highlighted excerpts linking to their exact anchors. Chinese queries are folded and split
 * the way the index was built (src/lib/search-text.ts), and kept only where the text really
 * contains each term.
 */
import { unpackFoldMap, type FoldMap } from '../../lib/chinese-variants';
import type { Dictionary } from '../../lib/i18n/dictionary';
import { suggestions, type SearchWords } from '../../lib/search-suggest';
import { capQuery, excerptParts, hasHan, holdsAll, markTerms, maxQueryLength, pagefindQuery, searchTerms } from '../../lib/search-text';
import { fill, fillPlural } from '../../lib/template';
import { Island } from '../island';
import type { siteSearch } from './contract';
import { pagefind, type PagefindResultData } from './start-pagefind';
import { writtenByMark } from '../written-by-mark';

/** What SearchPage.astro writes into data-config. */
export interface SiteSearchConfig {
  han: boolean;
  /** The fold map, packed (chinese-variants.ts). */
  foldMap: string;
  /** The `lang` of each record's text in the other language (`meta.other`). */
  otherLang: string;
  /** The filters the form offers, by field name. */
  filters: string[];
  kinds: Dictionary['search']['kinds'];
  texts: Dictionary['search']['script'];
  help: Dictionary['searchHelp'];
}

/** Results rendered at a time; the first batch is small so the first results show sooner. */
const firstBatch = 4;
const batch = 12;
/**
 * Quiet time after a keystroke before searching: keystrokes closer together than this (typing
 * a word) search once, while Pagefind already fetches the index chunks of what was typed.
 */
const typingPause = 40;

/**
 * Whether the page's security policy forbids WebAssembly, which Pagefind needs: an LMS that
 * serves packages under its own policy without 'wasm-unsafe-eval' does. Trying later will not
 * help there, so the page says what blocks it. (The smallest module: the magic and the version.)
 */
async function webAssemblyBlocked(): Promise<boolean> {
  try {
    await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return false;
  } catch {
    return true;
  }
}

class SiteSearch extends Island<SiteSearchConfig, typeof siteSearch> {
  private foldMap: FoldMap = {};
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private list!: HTMLOListElement;
  private run = 0;
  private pending: { data(): Promise<PagefindResultData> }[] = [];
  private terms: string[] = [];
  private shown = 0;
  private query = '';
  /** Whether the current query's terms are checked in the text (Chinese queries, and every query on a Chinese page). */
  private checked = false;
  private capped = false;
  private words: Promise<SearchWords | undefined> | undefined;
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
    // A suggestion searches in place; its href still opens it in a new tab.
    this.on(this.target('suggest'), 'click', (event) => {
      const link = (event.target as HTMLElement).closest('a');
      if (!link) return;
      event.preventDefault();
      this.input.value = link.textContent ?? '';
      void this.search();
    });
    // On a touch screen there is no "/" key or arrow keys to speak of: the hint is hidden by CSS
    // there, and is not read out as the box's description either.
    if (matchMedia('(hover: none) and (pointer: coarse)').matches) this.input.removeAttribute('aria-describedby');
    if (this.input.value) void this.search();
    this.input.focus();
  }

  private schedule(pause: number) {
    clearTimeout(this.timer);
    if (pause) void this.preload();
    this.timer = setTimeout(() => void this.search(), pause);
  }

  /** A query's terms to highlight and check (Chinese only), and the text Pagefind is asked (src/lib/search-text.ts). */
  private parse(query: string): { terms: string[]; text: string; checked: boolean } {
    const capped = capQuery(query).query;
    // English queries on the English page go to Pagefind as typed (its stemming finds "serving").
    if (!this.config.han && !hasHan(capped)) return { terms: [], text: capped, checked: false };
    const terms = searchTerms(capped, this.foldMap);
    return { terms, text: pagefindQuery(terms), checked: true };
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
    const { query, capped } = capQuery(this.input.value);
    data.set('q', query);
    const params = new URLSearchParams();
    for (const [key, value] of data) if (value) params.append(key, String(value));
    // The URL carries the query as searched: never longer than a host accepts (red team S15).
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
    this.query = query;
    this.capped = capped;
    this.shown = 0;
    this.pending = [];
    this.target('help').hidden = true;
    if (!this.query) {
      this.list.replaceChildren();
      this.status('');
      this.target('more').hidden = true;
      return;
    }
    try {
      const { terms, text, checked } = this.parse(this.query);
      this.terms = terms;
      this.checked = checked;
      if (checked && !text) return this.showMore(run);
      const found = await (await pagefind()).search(text, { filters: this.filters() });
      if (run !== this.run) return;
      this.pending = found?.results ?? [];
      await this.showMore(run);
    } catch {
      if (run === this.run) this.status((await webAssemblyBlocked()) ? this.config.texts.blocked : this.config.texts.failed);
    }
  }

  /**
   * Renders the next batch of results (for Chinese, of those whose text holds every term). A new
   * search replaces the previous results only once it has some to show, so the list never stands
   * empty while a search runs.
   */
  private async showMore(run: number) {
    const { texts } = this.config;
    let replace = this.shown === 0;
    let added = 0;
    while (this.pending.length && added < batch) {
      const next = this.pending.splice(0, this.shown + added === 0 ? firstBatch : batch - added);
      const loaded = await Promise.all(next.map((r) => r.data()));
      if (run !== this.run) return;
      const items = loaded
        .filter((result) => !this.checked || holdsAll(`${result.meta.title} ${result.meta.text} ${result.meta.other ?? ''}`, this.terms, this.foldMap))
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
    const none = this.shown === 0 && !more;
    const said = none ? fill(texts.none, values) : fillPlural(lang, more ? texts.partial : texts.count, this.shown, values);
    this.status(this.capped ? `${fill(this.config.help.capped, { max: String(maxQueryLength) })} ${said}` : said);
    if (none) void this.offerHelp(run);
  }

  /** When nothing is found: the nearest words the index knows, and the glossary and case library. */
  private async offerHelp(run: number) {
    const help = this.target('help');
    const suggest = this.target('suggest');
    suggest.hidden = true;
    help.hidden = false;
    // The vocabulary is fetched once, the first time a search finds nothing.
    this.words ??= fetch(new URL('words.json', location.href))
      .then((r) => (r.ok ? (r.json() as Promise<SearchWords>) : undefined))
      .catch(() => undefined);
    const words = await this.words;
    if (run !== this.run || !words) return;
    const offered = suggestions(this.query, words, this.foldMap);
    if (!offered.length) return;
    const [before = '', after = ''] = this.config.help.didYouMean.split('{terms}');
    const links = offered.flatMap((term, i) => {
      const link = document.createElement('a');
      link.href = `?q=${encodeURIComponent(term)}`;
      link.textContent = term;
      return i ? [this.config.help.or, link] : [link];
    });
    suggest.replaceChildren(before, ...links, after);
    suggest.hidden = false;
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
    if (this.checked) {
      // The excerpt is taken from the text in the other language when only that one holds the terms.
      const own = `${result.meta.title} ${result.meta.text}`;
      const useOther = result.meta.other !== undefined && !holdsAll(own, this.terms, this.foldMap);
      const text = useOther ? result.meta.other! : result.meta.text;
      if (useOther) excerpt.lang = this.config.otherLang;
      for (const part of excerptParts(text, markTerms(text, this.terms, this.foldMap))) {
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
