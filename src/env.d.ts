/// <reference types="astro/client" />

type LocaleContext = import('./middleware').LocaleContext;

declare namespace App {
  /** Set for every page by src/middleware.ts. */
  interface Locals extends LocaleContext {}
}
