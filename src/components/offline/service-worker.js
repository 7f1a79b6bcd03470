// @ts-check
/**
 * The offline copy's service worker, served as `<base>sw.js` (src/pages/sw.js.ts) and registered
 * only by the offline page when the learner asks (offline-course.ts). Hand-written plain
 * JavaScript: it is published as it is, with no build step.
 *
 * A page asks it to save a locale: its scope (the locale's URL) and its list of files (written by
 * src/build/offline-lists.ts). Each version of a locale is downloaded whole into a cache of its
 * own and only then made current, so no page ever mixes two versions: a page is answered from
 * the version its navigation came from. On each visit of a saved locale it looks for a new
 * version in the background; the first page served from a new one says so (`data-offline` on
 * <html>, which global.css reads: the page itself runs no script for it). Saved answers live in
 * localStorage, which this worker never touches.
 */

/**
 * @typedef {{ scope: string, list: string, version: string, previous?: string, savedAt: string, notice: boolean }} Copy
 *   A saved locale: the version in use, the one before it (kept for pages still open on it),
 *   and whether a page has yet to say that the version is new.
 * @typedef {Event & { waitUntil(promise: Promise<unknown>): void }} ExtendableEvent
 * @typedef {ExtendableEvent & { request: Request, clientId: string, resultingClientId: string, respondWith(response: Promise<Response>): void }} FetchEvent
 * @typedef {ExtendableEvent & { data: { type?: string, scope?: string, list?: string } | null, ports: readonly MessagePort[] }} ExtendableMessageEvent
 * @typedef {(done: number, total: number) => void} Progress
 */

const worker = /** @type {{ registration: { scope: string }, skipWaiting(): Promise<void>, clients: { claim(): Promise<void> }, addEventListener(type: string, listener: (event: any) => void): void }} */ (
  /** @type {unknown} */ (self)
);
/** Cache names start with the registration's scope, so two sites on one origin keep apart. */
const prefix = `offline ${worker.registration.scope} `;
const copiesCache = `${prefix}copies`;
/** @param {string} scope @param {string} version */
const versionCache = (scope, version) => `${prefix}${scope} ${version}`;
/** Files fetched at once while saving. */
const parallel = 6;
/** The page, in each saved locale, that says what is saved (src/pages/[locale]/offline/not-saved.astro). */
const notSavedRoute = 'offline/not-saved/';

/** @type {Promise<Copy[]> | undefined} */
let known;
/** @returns {Promise<Copy[]>} */
function copies() {
  // Looking must not create the cache: once the last copy is removed, nothing is left behind.
  known ??= caches.has(copiesCache).then(async (has) => {
    if (!has) return [];
    const cache = await caches.open(copiesCache);
    return Promise.all((await cache.keys()).map(async (key) => /** @type {Copy} */ (await (await cache.match(key))?.json())));
  });
  return known;
}

/** @param {Copy} copy */
async function store(copy) {
  await (await caches.open(copiesCache)).put(copy.scope, new Response(JSON.stringify(copy)));
  known = undefined;
}

/** @param {string} scope @param {(version: string) => boolean} drop */
async function dropVersions(scope, drop) {
  const start = versionCache(scope, '');
  for (const name of await caches.keys()) if (name.startsWith(start) && drop(name.slice(start.length))) await caches.delete(name);
}

/**
 * True when what came back is the file the list names, not a page a host answers with 200 for a
 * missing file (an app's fallback page, a "not found" page): a page must name itself as its
 * canonical address; any other file must not be an HTML page.
 * @param {string} url @param {Response} response
 */
async function genuine(url, response) {
  const page = url.endsWith('/') || url.endsWith('.html');
  if (!page) return !(response.headers.get('content-type') ?? '').includes('text/html');
  const canonical = /<link rel="canonical" href="([^"]*)"/.exec(await response.clone().text())?.[1];
  // The list names files by their path under the base; the canonical address is absolute.
  const asked = new URL(url, worker.registration.scope);
  return canonical !== undefined && new URL(canonical, asked).pathname === asked.pathname;
}

/**
 * Downloads the locale's current list whole into a cache of its version (what an interrupted
 * download already holds is kept), then makes it current.
 * @param {string} scope @param {string} listUrl @param {Progress} progress
 * @returns {Promise<Copy>}
 */
async function download(scope, listUrl, progress) {
  const response = await fetch(listUrl, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${response.status} ${listUrl}`);
  const list = /** @type {{ version: string, files: string[] }} */ (await response.json());
  const current = (await copies()).find((c) => c.scope === scope);
  if (current?.version === list.version) return current;
  const cache = await caches.open(versionCache(scope, list.version));
  const queue = [...list.files];
  let done = 0;
  const next = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (!(await cache.match(url))) {
        const file = await fetch(url, { cache: 'no-cache' });
        if (!file.ok) throw new Error(`${file.status} ${url}`);
        // Checked before it is kept: a wrong file must never become part of a saved copy.
        if (!(await genuine(url, file))) throw new Error(`${url}: the host answered with another file`);
        await cache.put(url, file);
      }
      progress(++done, list.files.length);
    }
  };
  await Promise.all(Array.from({ length: parallel }, next));
  /** @type {Copy} */
  const copy = { scope, list: listUrl, version: list.version, savedAt: new Date().toISOString(), notice: current !== undefined };
  if (current) copy.previous = current.version;
  await store(copy);
  await dropVersions(scope, (version) => version !== copy.version && version !== copy.previous);
  return copy;
}

/** Saves under way, by scope: a learner's save and a background update never run twice at once. */
const saving = new Map(/** @type {[string, { done: Promise<Copy>, listeners: Set<Progress> }][]} */ ([]));

/** @param {string} scope @param {string} listUrl @param {Progress} [progress] */
function save(scope, listUrl, progress) {
  let run = saving.get(scope);
  if (!run) {
    const listeners = new Set(/** @type {Progress[]} */ ([]));
    const done = download(scope, listUrl, (d, t) => listeners.forEach((l) => l(d, t))).finally(() => saving.delete(scope));
    run = { done, listeners };
    saving.set(scope, run);
  }
  if (progress) run.listeners.add(progress);
  return run.done;
}

/** @param {string} scope */
async function remove(scope) {
  await saving.get(scope)?.done.catch(() => undefined);
  await (await caches.open(copiesCache)).delete(scope);
  known = undefined;
  await dropVersions(scope, () => true);
  if (!(await copies()).length) {
    await caches.delete(copiesCache);
    known = undefined;
  }
}

/** The version cache each page was served from, by client: its files come from the same version. */
const servedFrom = new Map(/** @type {[string, string][]} */ ([]));

/**
 * A saved page, marked for the stylesheet: `saved`, and `updated` on the first page of a new version.
 * @param {Response} response @param {Copy} copy @param {(html: string) => string} [edit] @param {number} [status]
 */
async function marked(response, copy, edit = (html) => html, status = response.status) {
  const html = edit((await response.text()).replace(/<html\b/, `<html data-offline="saved${copy.notice ? ' updated' : ''}"`));
  if (copy.notice) await store({ ...copy, notice: false });
  const headers = new Headers(response.headers);
  // The host's length is that of the page before it was marked.
  headers.delete('content-length');
  return new Response(html, { status, statusText: status === response.status ? response.statusText : '', headers });
}

/** A saved copy's locale: the last segment of its scope (`…/en/`). @param {Copy} copy */
const localeOf = (copy) => new URL(copy.scope).pathname.split('/').filter(Boolean).at(-1) ?? '';

/**
 * The same page under another form of its address: `…/index.html`, or a folder without its
 * trailing slash (`/en/quiz`), as a host would redirect it; undefined for any other address.
 * @param {string} url
 */
function pageAddress(url) {
  const address = new URL(url);
  const last = address.pathname.split('/').at(-1) ?? '';
  if (last === 'index.html') address.pathname = address.pathname.slice(0, -last.length);
  else if (last !== '' && !last.includes('.')) address.pathname += '/';
  else return undefined;
  return address.href;
}

/**
 * Offline, at an address no saved copy holds (a page never saved, another locale, the root): the
 * saved locale's own page saying so, with the saved editions shown (the page lists every locale,
 * hidden), served with 503, since the page asked for is not available.
 * @param {FetchEvent} event @param {Copy[]} all
 */
async function notSaved(event, all) {
  const copy = all.find((c) => event.request.url.startsWith(c.scope)) ?? all[0];
  if (!copy) return undefined;
  const name = versionCache(copy.scope, copy.version);
  const page = await caches.match(`${copy.scope}${notSavedRoute}`, { cacheName: name });
  if (!page) return undefined;
  servedFrom.set(event.resultingClientId, name);
  const saved = new Set(all.map(localeOf));
  return marked(page, copy, (html) => html.replace(/(data-edition="([^"]+)") hidden/g, (whole, attribute, locale) => (saved.has(locale) ? attribute : whole)), 503);
}

/** @param {FetchEvent} event */
async function respond(event) {
  const { request } = event;
  const all = await copies();
  if (request.mode === 'navigate') {
    const copy = all.find((c) => request.url.startsWith(c.scope));
    const name = copy && versionCache(copy.scope, copy.version);
    const page = name && (await caches.match(request, { cacheName: name, ignoreSearch: true }));
    if (copy && name && page) {
      servedFrom.set(event.resultingClientId, name);
      return marked(page, copy);
    }
    // Another form of a saved page's address goes to the page's own address, online or not.
    const address = pageAddress(request.url);
    const holder = address && all.find((c) => address.startsWith(c.scope));
    if (address && holder && (await caches.match(address, { cacheName: versionCache(holder.scope, holder.version), ignoreSearch: true }))) {
      return Response.redirect(address, 301);
    }
    try {
      return await fetch(request);
    } catch (error) {
      // No network: rather than the browser's error page, the course's own page saying what is saved.
      const fallback = await notSaved(event, all);
      if (fallback) return fallback;
      throw error;
    }
  }
  const own = servedFrom.get(event.clientId);
  const names = [own, ...all.map((c) => versionCache(c.scope, c.version)), ...all.map((c) => c.previous && versionCache(c.scope, c.previous))];
  for (const cacheName of names) {
    const hit = cacheName && (await caches.match(request, { cacheName }));
    if (hit) return hit;
  }
  return fetch(request);
}

worker.addEventListener('install', (/** @type {ExtendableEvent} */ event) => event.waitUntil(worker.skipWaiting()));
worker.addEventListener('activate', (/** @type {ExtendableEvent} */ event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('fetch', (/** @type {FetchEvent} */ event) => {
  if (event.request.method !== 'GET' || !event.request.url.startsWith(worker.registration.scope)) return;
  event.respondWith(respond(event));
  if (event.request.mode === 'navigate') {
    // A visit of a saved locale looks for a new version in the background (quietly failing offline).
    event.waitUntil(
      copies().then(async (all) => {
        const copy = all.find((c) => event.request.url.startsWith(c.scope));
        if (copy) await save(copy.scope, copy.list).catch(() => undefined);
      }),
    );
  }
});

worker.addEventListener('message', (/** @type {ExtendableMessageEvent} */ event) => {
  const { type, scope, list } = event.data ?? {};
  const port = event.ports[0];
  if (!port || !scope?.startsWith(worker.registration.scope)) return;
  /** @param {object} message */
  const reply = (message) => port.postMessage(message);
  if (type === 'status') {
    event.waitUntil(copies().then((all) => reply({ type: 'status', copy: all.find((c) => c.scope === scope) ?? null })));
  } else if (type === 'save' && list?.startsWith(worker.registration.scope)) {
    event.waitUntil(
      save(scope, list, (done, total) => reply({ type: 'progress', done, total })).then(
        (copy) => reply({ type: 'saved', copy }),
        (error) => reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      ),
    );
  } else if (type === 'remove') {
    event.waitUntil(remove(scope).then(async () => reply({ type: 'removed', left: (await copies()).length })));
  }
});
