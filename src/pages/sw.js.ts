/**
 * The offline copy's service worker at the root of the base path, so that its scope covers every
 * locale. Published as written (src/components/offline/service-worker.js); a package for an LMS
 * leaves it out, with the manifests and the offline lists.
 */
import source from '../components/offline/service-worker.js?raw';

export const GET = () => new Response(source, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
