/// <reference types="astro/client" />

type LocaleContext = import('./middleware').LocaleContext;

interface ImportMetaEnv {
  /** Set in the LMS package build (src/integrations/site-build.ts): pages say what reaches the LMS. */
  readonly LMS_PACKAGE?: boolean;
}

declare namespace App {
  /** Set for every page by src/middleware.ts. */
  interface Locals extends LocaleContext {}
}
