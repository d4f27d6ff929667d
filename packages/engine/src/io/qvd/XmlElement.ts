/** An element of a parsed XML document: its name, its child elements and its text (entities decoded). */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

/** The first child element of this name, or undefined. */
export function childOf(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

/** The text of the first child of this name ('' when absent). */
export function childText(element: XmlElement, name: string): string {
  return childOf(element, name)?.text ?? '';
}
