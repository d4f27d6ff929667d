/** The value given after `name` on the command line (`--rows 1000000`), or undefined without the flag. */
export function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
