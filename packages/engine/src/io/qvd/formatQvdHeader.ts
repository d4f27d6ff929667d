import type { QvdFieldHeader, QvdNumberFormat, QvdTableHeader } from './QvdHeader.js';

const CRLF = '\r\n';

/**
 * The XML header of a QVD exactly as Qlik lays it out: a UTF-8 declaration,
 * one space before `<QvdTableHeader>`, two more per level, CRLF line ends,
 * and the `\r\n\0` that separates it from the binary part.
 */
export function formatQvdHeader(header: QvdTableHeader): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'];
  const w = new XmlWriter(lines);
  w.open('QvdTableHeader', 1);
  w.leaf('QvBuildNo', header.qvBuildNo, 3);
  w.leaf('CreatorDoc', header.creatorDoc, 3);
  w.leaf('CreateUtcTime', header.createUtcTime, 3);
  w.leaf('SourceCreateUtcTime', header.sourceCreateUtcTime, 3);
  w.leaf('SourceFileUtcTime', header.sourceFileUtcTime, 3);
  w.leaf('SourceFileSize', header.sourceFileSize, 3);
  w.leaf('StaleUtcTime', header.staleUtcTime, 3);
  w.leaf('TableName', header.tableName, 3);
  w.open('Fields', 3);
  for (const field of header.fields) writeField(w, field);
  w.close('Fields', 3);
  w.leaf('Compression', header.compression, 3);
  w.leaf('RecordByteSize', header.recordByteSize, 3);
  w.leaf('NoOfRecords', header.recordCount, 3);
  w.leaf('Offset', header.offset, 3);
  w.leaf('Length', header.length, 3);
  w.open('Lineage', 3);
  for (const info of header.lineage) {
    w.open('LineageInfo', 5);
    w.leaf('Discriminator', info.discriminator, 7);
    w.leaf('Statement', info.statement, 7);
    w.close('LineageInfo', 5);
  }
  w.close('Lineage', 3);
  w.leaf('Comment', header.comment, 3);
  w.leaf('EncryptionInfo', header.encryptionInfo, 3);
  w.strings('TableTags', header.tableTags, 3);
  w.leaf('ProfilingData', '', 3);
  w.close('QvdTableHeader', 1);
  return lines.join(CRLF) + CRLF + '\0';
}

function writeField(w: XmlWriter, field: QvdFieldHeader): void {
  w.open('QvdFieldHeader', 5);
  w.leaf('FieldName', field.name, 7);
  w.leaf('BitOffset', field.bitOffset, 7);
  w.leaf('BitWidth', field.bitWidth, 7);
  w.leaf('Bias', field.bias, 7);
  writeNumberFormat(w, field.numberFormat);
  w.leaf('NoOfSymbols', field.symbolCount, 7);
  w.leaf('Offset', field.offset, 7);
  w.leaf('Length', field.length, 7);
  w.leaf('Comment', field.comment, 7);
  w.strings('Tags', field.tags, 7);
  w.close('QvdFieldHeader', 5);
}

function writeNumberFormat(w: XmlWriter, format: QvdNumberFormat): void {
  w.open('NumberFormat', 7);
  w.leaf('Type', format.type, 9);
  w.leaf('nDec', format.nDec, 9);
  w.leaf('UseThou', format.useThou, 9);
  w.leaf('Fmt', format.fmt, 9);
  w.leaf('Dec', format.dec, 9);
  w.leaf('Thou', format.thou, 9);
  w.close('NumberFormat', 7);
}

class XmlWriter {
  constructor(private readonly lines: string[]) {}

  open(name: string, indent: number): void {
    this.lines.push(`${' '.repeat(indent)}<${name}>`);
  }

  close(name: string, indent: number): void {
    this.lines.push(`${' '.repeat(indent)}</${name}>`);
  }

  leaf(name: string, value: string | number, indent: number): void {
    this.lines.push(`${' '.repeat(indent)}<${name}>${escapeXml(String(value))}</${name}>`);
  }

  /** `<Tags><String>a</String>...</Tags>`, or `<Tags></Tags>` when empty. */
  strings(name: string, values: readonly string[], indent: number): void {
    if (values.length === 0) return this.leaf(name, '', indent);
    this.open(name, indent);
    for (const value of values) this.leaf('String', value, indent + 2);
    this.close(name, indent);
  }
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (ch) => (ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&amp;'));
}
