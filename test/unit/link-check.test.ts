/** The build's link check on small built sites under /base/. */
import { describe, expect, test } from 'vitest';
import { brokenLinks, type BuiltPage } from '../../src/lib/link-check';

const base = '/base/';
const doc = (body: string, head = '') => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

/** A site of pages (by URL) and other files (by path), checked as the build checks it. */
function check(pages: Record<string, string>, otherFiles: string[] = [], unchecked: string[] = []): string[] {
  const built: BuiltPage[] = Object.entries(pages).map(([url, html]) => ({ url, html }));
  const files = new Set([...built.map((p) => `${p.url}index.html`), ...otherFiles]);
  return brokenLinks(built, files, { base, site: 'https://intranet.example.com', unchecked });
}

const speech = doc('<h1 id="top">Speech</h1><p id="p13">…</p>');

describe('brokenLinks', () => {
  test('a site whose every URL resolves passes', () => {
    const home = doc(
      `<a href="/base/en/speech/#p13">p13</a> <a href="speech/">relative</a> <a href="#main">skip</a>
       <main id="main"><img src="/base/favicon.svg" srcset="/base/favicon.svg 1x, /base/favicon.svg 2x" alt="">
       <form action="/base/en/speech/"><input name="q"></form>
       <a href="https://example.com/">out</a> <a href="https://intranet.example.com/base/en/speech/#top">absolute</a> <a href="mailto:a@example.com">mail</a> <img src="data:image/png;base64,AA" alt=""></main>
       <a href="/base/en/speech/?q=a&amp;b=c">query</a>`,
      '<link rel="stylesheet" href="/base/_astro/site.css"><script type="module" src="/base/_astro/page.js"></script>',
    );
    expect(check({ '/base/en/': home, '/base/en/speech/': speech }, ['/base/_astro/site.css', '/base/_astro/page.js', '/base/favicon.svg'])).toEqual([]);
  });

  test('a link to a missing page, naming the page and its source file', () => {
    const guide = doc('<article data-source="content/pages/en/guide.mdx"><a href="../no-such-page/">x</a></article>');
    expect(check({ '/base/en/guides/guide/': guide })).toEqual([
      '/base/en/guides/guide/ (content/pages/en/guide.mdx): link "../no-such-page/" leads to no page',
    ]);
  });

  test('a link to an anchor the target page lacks, and one the page itself lacks', () => {
    const home = doc('<a href="/base/en/speech/#p99">p99</a><a href="#nowhere">here</a>');
    expect(check({ '/base/en/': home, '/base/en/speech/': speech })).toEqual([
      '/base/en/: link "/base/en/speech/#p99" names an anchor that /base/en/speech/ lacks',
      '/base/en/: link "#nowhere" names an anchor that /base/en/ lacks',
    ]);
  });

  test('a script, stylesheet, image or frame whose file is missing', () => {
    const home = doc('<img src="/base/logo.png" alt=""><iframe src="/base/embed/"></iframe>', '<script type="module" src="/base/_astro/gone.js"></script><link rel="stylesheet" href="/base/_astro/gone.css">');
    expect(check({ '/base/en/': home }).sort()).toEqual([
      '/base/en/: <script> URL "/base/_astro/gone.js" leads to no file',
      '/base/en/: <img> URL "/base/logo.png" leads to no file',
      '/base/en/: <iframe> URL "/base/embed/" leads to no file',
      '/base/en/: <link> URL "/base/_astro/gone.css" leads to no file',
    ].sort());
  });

  test('a URL outside the base path', () => {
    const home = doc('<a href="/en/speech/">root-relative</a>', '<link rel="icon" href="/favicon.svg"><link rel="canonical" href="https://intranet.example.com/en/">');
    expect(check({ '/base/en/': home }, ['/base/favicon.svg'])).toEqual([
      `/base/en/: link "/en/speech/" leaves the site's base path /base/`,
      `/base/en/: <link> URL "/favicon.svg" leaves the site's base path /base/`,
      `/base/en/: <link> URL "https://intranet.example.com/en/" leaves the site's base path /base/`,
    ]);
  });

  test('a missing image in a srcset', () => {
    expect(check({ '/base/en/': doc('<img src="/base/a.png" srcset="/base/a.png 1x, /base/b.png 2x" alt="">') }, ['/base/a.png'])).toEqual([
      '/base/en/: <img> URL "/base/b.png" leads to no file',
    ]);
  });

  test('files written after the check (the search index) are only held to the base path', () => {
    const search = doc('', '<link rel="modulepreload" href="/base/pagefind/pagefind.js">');
    expect(check({ '/base/en/search/': search }, [], ['/base/pagefind/'])).toEqual([]);
    expect(check({ '/base/en/search/': search })).toEqual(['/base/en/search/: <link> URL "/base/pagefind/pagefind.js" leads to no file']);
  });
});

