// Some values write their own JSON faster than JSON.stringify can walk them
// (a chart's data page, written straight from its columns). The engine's
// answer writer (jsonText) asks them for it; JSON.stringify still works on
// them, the slow way, so no other reader has to know.

/** The key of the method by which a value writes its own JSON text. */
export const OWN_JSON_TEXT: unique symbol = Symbol('ownJsonText');

/** A value that can write its own JSON: the text, or undefined when it can't (then JSON.stringify writes it). */
export interface OwnJsonText {
  [OWN_JSON_TEXT](): string | undefined;
}

/** The JSON text a value writes of itself, if it is one that does. */
export function ownJsonText(value: object): string | undefined {
  const write = (value as Partial<OwnJsonText>)[OWN_JSON_TEXT];
  return write === undefined ? undefined : write.call(value);
}

/** JSON text written already, standing for its value (a cell in a patch operation). */
export class JsonFragment implements OwnJsonText {
  constructor(readonly text: string) {}

  [OWN_JSON_TEXT](): string {
    return this.text;
  }

  /** The value itself, for JSON.stringify. */
  toJSON(): unknown {
    return JSON.parse(this.text) as unknown;
  }
}
