/** The mark on text that is not the sources' words (components/WrittenBy.astro, and scripts that write such text). */
export interface MarkText {
  /** The short tag shown. */
  text: string;
  /** What it means, for screen readers and as a tooltip. */
  long: string;
}
