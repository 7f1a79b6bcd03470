/**
 * The contract between an island's script and the markup its `.astro` component renders:
 * - the component writes the script's config as JSON in `data-config` (its type is exported by
 *   the script and imported by the component);
 * - the script finds its parts by `data-target="<tag>.<name>"`, and a missing part fails with an
 *   error that names it, instead of a null deep inside an event handler; the names, and the
 *   `data-*` attributes it reads, are declared once (island-contract.ts) and typed here;
 * - lookup is scoped, as Catalyst's: a part inside another island of the same tag is not this one's;
 * - listeners go through `on()`, which removes them when the element leaves the page.
 */
import type { Contract, DataOf, PartOf } from './island-contract';

/** The events an island listens to, on its parts, the window or the document. */
type Events = WindowEventMap & DocumentEventMap;

export abstract class Island<Config, C extends Contract = Contract> extends HTMLElement {
  /** Public, as are the lookups and `on()`, so the modules an island loads on a click can act on it. */
  config!: Config;
  private listeners: AbortController | undefined;

  connectedCallback() {
    this.listeners = new AbortController();
    const json = this.dataset.config;
    if (json === undefined) throw new Error(`<${this.localName}> lacks its data-config`);
    this.config = JSON.parse(json) as Config;
    this.connect();
  }

  disconnectedCallback() {
    this.listeners?.abort();
  }

  /** Called once the element is on the page with its config read. */
  protected abstract connect(): void;

  /** Every part named `name` inside `within` (this element by default; also a copy not yet on the page). */
  targets(name: PartOf<C>, within: ParentNode = this): HTMLElement[] {
    return [...within.querySelectorAll<HTMLElement>(`[data-target="${this.localName}.${name}"]`)].filter((el) => (el.closest(this.localName) ?? this) === this);
  }

  /** The declared data `name` of `el` (its `data-<name>` attribute). */
  protected data(el: Element, name: DataOf<C>): string | null {
    return el.getAttribute(`data-${name}`);
  }

  /** The part named `name`, of the type given (HTMLElement by default); throws when it is missing. */
  target<T extends HTMLElement = HTMLElement>(name: PartOf<C>, type?: abstract new () => T, within: ParentNode = this): T {
    const found = this.targets(name, within)[0];
    if (!found || !(found instanceof (type ?? HTMLElement))) {
      throw new Error(`<${this.localName}> lacks its part data-target="${this.localName}.${name}"${type ? ` (${type.name})` : ''}`);
    }
    return found as T;
  }

  on<K extends keyof Events>(target: EventTarget, type: K, handler: (event: Events[K]) => void) {
    target.addEventListener(type, handler as EventListener, { signal: this.listeners?.signal });
  }
}
