/** The few styles the CLI uses; each is the identity when colour is off. */
export interface Colors {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const style = (open: number, close: number) => (text: string) =>
  `\u001b[${open}m${text}\u001b[${close}m`;

const ON: Colors = {
  enabled: true,
  bold: style(1, 22),
  dim: style(2, 22),
  red: style(31, 39),
  green: style(32, 39),
  yellow: style(33, 39),
  cyan: style(36, 39),
};

const plain = (text: string) => text;
const OFF: Colors = {
  enabled: false,
  bold: plain,
  dim: plain,
  red: plain,
  green: plain,
  yellow: plain,
  cyan: plain,
};

/**
 * Colour only on a terminal, and never when NO_COLOR is set to anything
 * (https://no-color.org) or TERM is dumb; FORCE_COLOR turns it on anywhere.
 */
export function colorsFor(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): Colors {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return OFF;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return ON;
  return stream.isTTY === true && env.TERM !== 'dumb' ? ON : OFF;
}
