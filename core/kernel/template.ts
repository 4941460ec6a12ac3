// Filling `{name}` placeholders of a translated template: one rule for the watch pages, the
// Settings App, the report and the plan code, so a message reads the same wherever it is shown.

/** Fills `{name}` placeholders; a name `values` does not own stays as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
