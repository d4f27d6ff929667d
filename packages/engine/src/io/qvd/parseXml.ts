import type { XmlElement } from './XmlElement.js';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Parses the XML of a QVD header into its root element. Only what such a
 * header holds is read: nested elements, text with entities and CDATA, a
 * declaration and comments; attributes are skipped. Throws an Error naming
 * the first thing that is not well-formed (an unclosed or mismatched tag).
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', children: [], text: '' };
  const open: XmlElement[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const current = open[open.length - 1];
    if (lt < 0) {
      current.text += decodeText(xml.slice(pos));
      break;
    }
    if (lt > pos) current.text += decodeText(xml.slice(pos, lt));
    pos = markupEnd(xml, lt, open);
  }
  if (open.length > 1) throw new Error(`<${open[open.length - 1].name}> is not closed`);
  const elements = root.children;
  if (elements.length !== 1) throw new Error(`expected one root element, found ${elements.length}`);
  return elements[0];
}

/** Handles the markup starting at `lt` and returns the position after it. */
function markupEnd(xml: string, lt: number, open: XmlElement[]): number {
  const current = open[open.length - 1];
  if (xml.startsWith('<?', lt)) return after(xml, '?>', lt);
  if (xml.startsWith('<!--', lt)) return after(xml, '-->', lt);
  if (xml.startsWith('<![CDATA[', lt)) {
    const end = after(xml, ']]>', lt);
    current.text += xml.slice(lt + 9, end - 3);
    return end;
  }
  if (xml.startsWith('<!', lt)) return after(xml, '>', lt);
  const end = after(xml, '>', lt);
  const tag = xml.slice(lt + 1, end - 1).trim();
  if (tag.startsWith('/')) {
    const name = tag.slice(1).trim();
    if (open.length === 1 || current.name !== name)
      throw new Error(`</${name}> closes <${current.name}>`);
    open.pop();
    return end;
  }
  const selfClosing = tag.endsWith('/');
  const name = (selfClosing ? tag.slice(0, -1) : tag).trim().split(/\s/, 1)[0];
  if (!/^[A-Za-z_][\w.-]*$/.test(name)) throw new Error(`bad tag <${tag}>`);
  const element: XmlElement = { name, children: [], text: '' };
  current.children.push(element);
  if (!selfClosing) open.push(element);
  return end;
}

function after(xml: string, token: string, from: number): number {
  const at = xml.indexOf(token, from);
  if (at < 0) throw new Error(`unterminated markup at offset ${from}`);
  return at + token.length;
}

function decodeText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}
