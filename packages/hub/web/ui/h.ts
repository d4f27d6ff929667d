/** Attributes and event handlers of an element made by `h`. */
export type Props = Record<string, string | number | boolean | EventListener | undefined>;

/** Anything `h` accepts as a child: nodes, text, or nothing. */
export type Child = Node | string | number | false | null | undefined | Child[];

/**
 * Makes an element: `h('button.primary', { onclick }, 'Reload')`. The tag may
 * carry classes after dots; props starting with `on` are listeners, `true`
 * and `false` set and leave out boolean attributes.
 */
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const [name, ...classes] = tag.split('.');
  const element = document.createElement(name || 'div');
  if (classes.length > 0) element.className = classes.join(' ');
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'value' && 'value' in element) {
      (element as HTMLInputElement).value = String(value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children (nested arrays flattened, empty ones skipped). */
export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else
      parent.appendChild(
        typeof child === 'object' ? child : document.createTextNode(String(child)),
      );
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
