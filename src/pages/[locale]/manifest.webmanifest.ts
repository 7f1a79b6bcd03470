/**
 * A web app manifest per locale, so the course installs as an app in its language: the locale's
 * name, its home as start URL and scope, the icons in public/icons/. Linked from every page of
 * the locale (layouts/BaseLayout.astro).
 */
import type { APIRoute } from 'astro';
import { localeParams } from '../../lib/i18n';
import { routes } from '../../lib/urls';

export const getStaticPaths = localeParams;

export const GET: APIRoute = ({ locals }) => {
  const { t, lang, href, asset } = locals;
  const home = href(routes.home);
  const icon = (name: string, size: number, purpose: 'any' | 'maskable') => ({
    src: asset(`icons/${name}.png`),
    sizes: `${size}x${size}`,
    type: 'image/png',
    purpose,
  });
  const manifest = {
    id: home,
    name: t.site.name,
    short_name: t.offline.shortName,
    description: t.site.description,
    lang,
    dir: 'ltr',
    start_url: home,
    scope: home,
    display: 'standalone',
    // The site's light background and accent (src/styles/global.css).
    background_color: '#fdfcfa',
    theme_color: '#9b1c1c',
    icons: [icon('icon-192', 192, 'any'), icon('icon-512', 512, 'any'), icon('maskable-512', 512, 'maskable')],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/manifest+json' } });
};
