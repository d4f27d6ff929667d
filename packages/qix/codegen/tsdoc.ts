/** The first paragraph of a spec description: long ones keep only their lead. */
export function firstParagraph(description: string | undefined): string {
  if (!description) return '';
  const paragraph = description.trim().split(/\n\s*\n/)[0] ?? '';
  return paragraph.trim();
}

function escapeComment(text: string): string {
  // A literal `*/` would end the comment early.
  return text.replace(/\*\//g, '*\\/');
}

/** A TSDoc block for `lines` at `indent`; empty when there is nothing to say. */
export function docComment(lines: readonly string[], indent = ''): string {
  const body = lines
    .flatMap((line) => escapeComment(line).split('\n'))
    .map((line) => line.trimEnd());
  while (body.length > 0 && body[body.length - 1] === '') body.pop();
  while (body.length > 0 && body[0] === '') body.shift();
  if (body.length === 0) return '';
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)).join('\n')}\n${indent} */\n`;
}
