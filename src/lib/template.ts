/** Fills `{name}` placeholders of a dictionary template (templates that scripts read must be strings). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
}
