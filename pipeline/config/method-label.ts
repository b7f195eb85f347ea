/**
 * A method in words for readers: the report never shows a configuration key such as "galan2024".
 * The label is the first clause of the method's description in the configuration, so it cannot
 * drift from what the method does.
 */
export function methodLabelNl(method: { description: string }): string {
  const [clause = method.description] = method.description.split(/[:;]/);
  const text = clause.trim();
  return `‘${text.charAt(0).toLowerCase()}${text.slice(1)}’`;
}
