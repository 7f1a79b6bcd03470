/**
 * The size budget of a built page, HTML and CSS gzipped: checked by the build
 * (src/integrations/page-budget.ts) and by test/site/budgets.test.ts.
 */

/** Budget in bytes of the page at `path` (inside the site, e.g. "en/speech/"): the speech is the one long page. */
export function pageBudgetBytes(path: string): number {
  return (/(^|\/)speech\/$/.test(path) ? 60 : 40) * 1024;
}

/**
 * Budget in bytes of the page's HTML as written, before compression: text that compresses well
 * (a pasted run of repeats) still makes every offline copy that much larger. Ten times the gzipped
 * budget: the largest page (the quiz) is about 90 KB.
 */
export function pageRawBudgetBytes(path: string): number {
  return pageBudgetBytes(path) * 10;
}

/** The content file a page is built from, where it is one file a trainer edits (a case, a guide page). */
export function contentFileOfPage(path: string): string | undefined {
  const parts = path.split('/').filter(Boolean);
  const at = (name: string) => parts.indexOf(name);
  if (at('cases') >= 0 && parts[at('cases') + 1] && parts[at('cases') + 1] !== 'by-verdict') return `content/cases/${parts[at('cases') + 1]}.yaml`;
  if (at('guides') >= 0 && parts[at('guides') + 1]) return `content/pages/<locale>/… (the guide page "${parts[at('guides') + 1]}")`;
  return undefined;
}
