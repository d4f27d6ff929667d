import type { LineageEntry } from '../Lineage.js';
import type { QvdFieldHeader, QvdNumberFormat, QvdTableHeader } from './QvdHeader.js';
import { parseXml } from './parseXml.js';
import { childOf, childText, type XmlElement } from './XmlElement.js';

/**
 * Reads a QVD's XML header into its table description. Throws an Error
 * saying what is missing or malformed; the numbers that locate bytes must
 * be whole and not negative (Bias may be negative).
 */
export function parseQvdHeader(xml: string): QvdTableHeader {
  const root = parseXml(xml);
  if (root.name !== 'QvdTableHeader')
    throw new Error(`the root element is <${root.name}>, not <QvdTableHeader>`);
  const fields = childOf(root, 'Fields')?.children.filter((c) => c.name === 'QvdFieldHeader');
  if (!fields) throw new Error('the header has no <Fields>');
  return {
    qvBuildNo: childText(root, 'QvBuildNo'),
    creatorDoc: childText(root, 'CreatorDoc'),
    createUtcTime: childText(root, 'CreateUtcTime'),
    sourceCreateUtcTime: childText(root, 'SourceCreateUtcTime'),
    sourceFileUtcTime: childText(root, 'SourceFileUtcTime'),
    sourceFileSize: childText(root, 'SourceFileSize'),
    staleUtcTime: childText(root, 'StaleUtcTime'),
    tableName: childText(root, 'TableName'),
    fields: fields.map(fieldHeader),
    compression: childText(root, 'Compression'),
    recordByteSize: count(root, 'RecordByteSize'),
    recordCount: count(root, 'NoOfRecords'),
    offset: count(root, 'Offset'),
    length: count(root, 'Length'),
    lineage: lineageOf(root),
    comment: childText(root, 'Comment'),
    encryptionInfo: childText(root, 'EncryptionInfo'),
    tableTags: stringsOf(childOf(root, 'TableTags')),
  };
}

function fieldHeader(element: XmlElement): QvdFieldHeader {
  const name = childOf(element, 'FieldName')?.text;
  if (name === undefined) throw new Error('a <QvdFieldHeader> has no <FieldName>');
  const bitWidth = count(element, 'BitWidth', name);
  if (bitWidth > 32) throw new Error(`field '${name}' has a BitWidth of ${bitWidth} (at most 32)`);
  return {
    name,
    bitOffset: count(element, 'BitOffset', name),
    bitWidth,
    bias: integer(element, 'Bias', name),
    numberFormat: numberFormatOf(childOf(element, 'NumberFormat')),
    symbolCount: count(element, 'NoOfSymbols', name),
    offset: count(element, 'Offset', name),
    length: count(element, 'Length', name),
    comment: childText(element, 'Comment'),
    tags: stringsOf(childOf(element, 'Tags')),
  };
}

function numberFormatOf(element: XmlElement | undefined): QvdNumberFormat {
  const text = (name: string): string => (element ? childText(element, name) : '');
  return {
    type: text('Type') || 'UNKNOWN',
    nDec: Number.parseInt(text('nDec'), 10) || 0,
    useThou: Number.parseInt(text('UseThou'), 10) || 0,
    fmt: text('Fmt'),
    dec: text('Dec'),
    thou: text('Thou'),
  };
}

function lineageOf(root: XmlElement): LineageEntry[] {
  const lineage = childOf(root, 'Lineage');
  if (!lineage) return [];
  return lineage.children
    .filter((child) => child.name === 'LineageInfo')
    .map((info) => ({
      discriminator: childText(info, 'Discriminator'),
      statement: childText(info, 'Statement'),
    }));
}

/** `<Tags><String>$numeric</String>...</Tags>`: the strings. */
function stringsOf(element: XmlElement | undefined): string[] {
  if (!element) return [];
  return element.children.filter((c) => c.name === 'String').map((c) => c.text);
}

function integer(element: XmlElement, name: string, field?: string): number {
  const text = childOf(element, name)?.text.trim();
  const where = field === undefined ? '' : ` of field '${field}'`;
  if (text === undefined) throw new Error(`<${name}>${where} is missing`);
  if (!/^-?\d+$/.test(text)) throw new Error(`<${name}>${where} is '${text}', not a whole number`);
  return Number(text);
}

function count(element: XmlElement, name: string, field?: string): number {
  const value = integer(element, name, field);
  if (value < 0) throw new Error(`<${name}>${field ? ` of field '${field}'` : ''} is negative`);
  return value;
}
