/**
 * The LMS packages (`npm run package`): in a build of its own, adds each locale's launch page
 * (src/packaging/scorm-launch.astro), then writes one SCORM 1.2 and one SCORM 2004 zip per
 * locale (src/packaging/write-packages.ts). The plain site's build never has this integration.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { launchRoute } from '../lib/scorm/course.ts';
import { writePackages } from '../packaging/write-packages.ts';

export function scormPackages({ packagesDir }: { packagesDir: string }): AstroIntegration {
  let base = '/';
  let root: URL;
  return {
    name: 'scorm-packages',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig, config }) => {
        updateConfig({ vite: { define: { 'import.meta.env.LMS_PACKAGE': 'true' } } });
        base = config.base.replace(/\/?$/, '/');
        root = config.root;
        injectRoute({ pattern: `/[locale]/${launchRoute}/[edition]`, entrypoint: './src/packaging/scorm-launch.astro' });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const written = await writePackages({ builtDir: fileURLToPath(dir), base, root, packagesDir });
        for (const file of written) logger.info(`wrote ${file}`);
      },
    },
  };
}
