/** Formats text as a TSDoc block indented by `indent`; empty text gives no block. */
export function tsdoc(lines: readonly string[], indent = ''): string {
  const text = lines
    .flatMap((line) => line.replace(/\r/g, '').split('\n'))
    .map((line) => line.replace(/\*\//g, '*\\/').trimEnd());
  while (text.length > 0 && text[text.length - 1] === '') text.pop();
  while (text.length > 0 && text[0] === '') text.shift();
  if (text.length === 0) return '';
  if (text.length === 1) return `${indent}/** ${text[0]} */\n`;
  return `${indent}/**\n${text.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)).join('\n')}\n${indent} */\n`;
}
