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
 * @param {Response} response @param {Copy} copy
 */
async function marked(response, copy) {
  const html = (await response.text()).replace(/<html\b/, `<html data-offline="saved${copy.notice ? ' updated' : ''}"`);
  if (copy.notice) await store({ ...copy, notice: false });
  const headers = new Headers(response.headers);
  // The host's length is that of the page before it was marked.
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
}

/** @param {FetchEvent} event */
async function respond(event) {
  const { request } = event;
  const all = await copies();
  if (request.mode === 'navigate') {
    const copy = all.find((c) => request.url.startsWith(c.scope));
    const name = copy && versionCache(copy.scope, copy.version);
    const page = name && (await caches.match(request, { cacheName: name, ignoreSearch: true }));
    if (!copy || !name || !page) return fetch(request);
    servedFrom.set(event.resultingClientId, name);
    return marked(page, copy);
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
