import { isContainer } from '../delta/isContainer.js';

/** One engine property patch (NxPatch): `qOp` add/remove/replace, `qValue` as JSON text. */
export interface PropertyPatch {
  readonly qOp: string | number;
  readonly qPath: string;
  readonly qValue?: string;
}

/** Applies an engine property patch to a properties tree in place (to keep a session object's last properties). */
export function applyPropertyPatch(props: Record<string, unknown>, patch: PropertyPatch): void {
  const tokens = patch.qPath.split('/').filter((token) => token !== '');
  const last = tokens.pop();
  if (last === undefined) return;
  let node: Record<string, unknown> = props;
  for (const token of tokens) {
    const child = node[token];
    if (!isContainer(child)) return;
    node = child as Record<string, unknown>;
  }
  const op = String(patch.qOp).toLowerCase();
  if (op === 'remove' || op === '1') delete node[last];
  else if (patch.qValue !== undefined) node[last] = JSON.parse(patch.qValue) as unknown;
}
