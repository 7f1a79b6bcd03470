/**
 * Enhances <site-search>: searches the Pagefind index of the page's language as the reader
 * types, with the form's filters, keeps the URL shareable (?q=…), and renders results with
 * highlighted excerpts linking to their exact anchors. Chinese queries are folded and split
 * the way the index was built (src/lib/search-text.ts), and kept only where the text really
 * contains each term.
 */
import { unpackFoldMap, type FoldMap } from '../../lib/chinese-variants';
import { excerptParts, holdsAll, markTerms, pagefindQuery, searchTerms } from '../../lib/search-text';
import { fill } from '../../lib/template';

interface Config {
  bundle: string;
  version: string;
  han: boolean;
  /** The fold map, packed (chinese-variants.ts). */
  foldMap: string;
  kinds: Record<string, string>;
  texts: { count: string; partial: string; none: string; more: string; failed: string };
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title: string; text: string };
  filters: Record<string, string[]>;
}

interface Pagefind {
  options(options: { metaCacheTag?: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string, options: { filters: Record<string, { any: string[] }> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

/** Results rendered at a time; the first batch is small so the first results show sooner. */
const firstBatch = 4;
const batch = 12;

class SiteSearch extends HTMLElement {
  private config!: Config;
  private foldMap: FoldMap = {};
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private list!: HTMLOListElement;
  private pagefind: Promise<Pagefind> | undefined;
  private run = 0;
  private pending: { data(): Promise<PagefindResultData> }[] = [];
  private terms: string[] = [];
  private shown = 0;
  private query = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    this.config = JSON.parse(this.dataset.config!) as Config;
    this.foldMap = unpackFoldMap(this.config.foldMap);
    this.form = this.querySelector('form')!;
    this.input = this.form.querySelector('input[type=search]')!;
    this.list = this.querySelector('.search-results')!;
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const el of this.form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]:not([name=q])')) {
      const chosen = params.getAll(el.name);
      if (el instanceof HTMLInputElement) el.checked = chosen.includes(el.value);
      else el.value = chosen[0] ?? '';
      if (chosen.length) this.querySelector('details')!.open = true;
    }
    this.form.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.search(), 120);
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.search();
    });
    this.querySelector('.search-more')!.addEventListener('click', () => void this.showMore(this.run));
    document.addEventListener('keydown', (event) => this.onKey(event));
    if (this.input.value) void this.search();
    this.input.focus();
  }

  private loadPagefind(): Promise<Pagefind> {
    this.pagefind ??= import(/* @vite-ignore */ `${this.config.bundle}pagefind.js`).then(async (pf: Pagefind) => {
      // Pagefind's default worker keeps its decompression and WebAssembly off the main thread, so
      // the page stays responsive while the first search loads (Lighthouse: blocking time 170 → 30 ms).
      await pf.options({ metaCacheTag: this.config.version });
      await pf.init();
      return pf;
    });
    return this.pagefind;
  }

  private filters(): Record<string, { any: string[] }> {
    const data = new FormData(this.form);
    const filters: Record<string, { any: string[] }> = {};
    for (const name of ['kind', 'source', 'level', 'verdict']) {
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
      this.querySelector<HTMLElement>('.search-more')!.hidden = true;
      return;
    }
    try {
      const pagefind = await this.loadPagefind();
      this.terms = this.config.han ? searchTerms(this.query, this.foldMap) : [];
      const text = this.config.han ? pagefindQuery(this.terms) : this.query;
      const found = await pagefind.search(text, { filters: this.filters() });
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
      if (replace) this.list.replaceChildren(...items);
      else this.list.append(...items);
      replace = false;
      added += items.length;
      if (!performance.getEntriesByName('search-first-results').length) performance.mark('search-first-results');
    }
    if (replace) this.list.replaceChildren();
    this.shown += added;
    const more = this.pending.length > 0;
    this.querySelector<HTMLElement>('.search-more')!.hidden = !more;
    const values = { query: this.query, count: this.shown, shown: this.shown };
    this.status(fill(this.shown === 0 && !more ? texts.none : more ? texts.partial : texts.count, values));
  }

  private item(result: PagefindResultData) {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    const kind = document.createElement('span');
    kind.className = 'result-kind';
    kind.textContent = this.config.kinds[result.filters.kind?.[0] ?? ''] ?? '';
    link.append(kind, ` ${result.meta.title}`);
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
    li.append(link, excerpt);
    return li;
  }

  private status(text: string) {
    this.querySelector('.search-status')!.textContent = text;
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
