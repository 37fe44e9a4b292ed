/** Attributes for {@link h}: strings set as attributes, `hidden` as a boolean. */
export type Attrs = Record<string, string | boolean | undefined>;

/**
 * Creates an element with attributes and children (strings become text nodes, so data never
 * becomes markup).
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null) el.append(child);
  return el;
}
