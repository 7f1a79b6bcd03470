/**
 * An island's markup contract, declared once: its tag, the names of its parts (`data-target`) and
 * the `data-*` attributes its script reads. The `.astro` component writes its markup from the
 * contract, the script (through island.ts) looks parts up by the same names and the browser tests
 * select them by it, so a part renamed on one side is a type error on the others. No DOM here: the
 * components import it at build time.
 */
export interface Contract<Tag extends string = string, Part extends string = string, Data extends string = string> {
  tag: Tag;
  parts: readonly Part[];
  data: readonly Data[];
}

export type PartOf<C extends Contract> = C['parts'][number];
export type DataOf<C extends Contract> = C['data'][number];

export const contract = <const Tag extends string, const Part extends string, const Data extends string = never>(
  tag: Tag,
  parts: readonly Part[],
  data: readonly Data[] = [],
): Contract<Tag, Part, Data> => ({ tag, parts, data });

/** The `data-target` value of part `name`: `case-quiz.status`. */
export const targetName = <C extends Contract>(c: C, name: PartOf<C>) => `${c.tag}.${name}`;

/** `targetName` for one contract, as a component's markup uses it: `data-target={target('status')}`. */
export const targetsOf =
  <C extends Contract>(c: C) =>
  (name: PartOf<C>) =>
    targetName(c, name);

/** A CSS selector for part `name`, for the browser tests: `[data-target="case-quiz.status"]`. */
export const targetSelector = <C extends Contract>(c: C, name: PartOf<C>) => `[data-target="${targetName(c, name)}"]`;

/** The attribute that carries declared data `name`: `data-question`. */
export const dataAttribute = <C extends Contract>(_c: C, name: DataOf<C>) => `data-${name}`;

/** The attributes that carry `values` as declared data (`{ question: 'case-x' }` → `data-question="case-x"`), to spread on an element. */
export const dataAttributes = <C extends Contract>(c: C, values: Partial<Record<DataOf<C>, string | number>>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [dataAttribute(c, name as DataOf<C>), String(value)]));

/** A CSS selector for an element whose declared data `name` is `value`, for the tests: `[data-question="case-x"]`. */
export const dataSelector = <C extends Contract>(c: C, name: DataOf<C>, value: string) => `[${dataAttribute(c, name)}="${value}"]`;
