/**
 * The parts a saved form (saved-form.ts) and SavedInBrowser.astro name, declared once: each
 * island's contract spreads the ones it renders (the quiz has the delete button and its dialog,
 * the self-assessment and the review all of them), so the markup, SavedForm and the tests name
 * them alike. No DOM here: the components import it at build time.
 */
import type { Contract } from './island-contract';

/** SavedInBrowser.astro's button that deletes what the island keeps, and its confirming <dialog>. */
export const savedInBrowserParts = ['delete', 'delete-dialog'] as const;

/** SavedInBrowser.astro's list of the copies kept aside (a <details> with the list in `kept-list`), for the forms. */
export const keptParts = ['kept', 'kept-list'] as const;

export const savedFormParts = [
  'form',
  'print',
  'download',
  /** The file picker. */
  'file',
  'message',
  /** Beside each field with a length limit: said when it is full. */
  'limit',
  ...savedInBrowserParts,
  ...keptParts,
] as const;

export type SavedInBrowserPart = (typeof savedInBrowserParts)[number];
export type KeptPart = (typeof keptParts)[number];
export type SavedFormPart = (typeof savedFormParts)[number];

/** What SavedForm itself finds in any saved form's markup. */
export type SavedFormContract = Contract<string, SavedFormPart, never>;
