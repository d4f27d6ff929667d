import type { Table } from '../model/Table.js';
import { runsInParallel } from '../parallel/inBlocks.js';
import { childOrderFillOnThreads, childOrderMatchesOnThreads } from '../parallel/joinScans.js';
import { isShared, rowArray } from '../parallel/sharedArrays.js';

/**
 * Frame.join's full outer join when the frame is one table with at most one
 * row per key, in the child's row order: one frame row per child row (its
 * frame row found by key, or the null row), then the frame rows no child row
 * matches, with the child's null row. Undefined when some key has two frame rows.
 */
export function joinInChildOrder(
  parent: Table,
  parentRows: Int32Array,
  parentCodes: ArrayLike<number>,
  child: Table,
  childRows: Int32Array,
  childCodes: ArrayLike<number>,
  nullCode: number,
) {
  const length = parentRows.length;
  const frameRowOf = new Int32Array(nullCode + 1).fill(-1);
  for (let i = 0; i < length; i++) {
    const code = parentCodes[parentRows[i]!]!;
    if (code >= nullCode) continue;
    if (frameRowOf[code] !== -1) return undefined;
    frameRowOf[code] = i;
  }
  if (!runsInParallel(childRows.length))
    return childOrderOnThisThread(parent, parentRows, child, childRows, childCodes, frameRowOf);
  const { matched, orphans } = childOrderMatchesOnThreads(
    childCodes,
    childRows,
    frameRowOf,
    length,
  );
  let unmatched = 0;
  for (let i = 0; i < length; i++) if (matched[i] === 0) unmatched++;
  const total = childRows.length + unmatched;
  const parentOut = rowArray(Int32Array, total);
  const childOut = rowArray(Int32Array, total);
  if (isShared(parentOut) && isShared(childOut)) {
    const lookup = [childCodes, childRows, frameRowOf, parentRows, parent.rowCount] as const;
    childOrderFillOnThreads(lookup, parentOut, childOut);
  } else
    for (let j = 0; j < childRows.length; j++) {
      const row = childRows[j]!;
      const i = frameRowOf[childCodes[row]!]!;
      parentOut[j] = i >= 0 ? parentRows[i]! : parent.rowCount;
      childOut[j] = row;
    }
  let out = childRows.length;
  for (let i = 0; i < length; i++) {
    if (matched[i] === 1) continue;
    parentOut[out] = parentRows[i]!;
    childOut[out++] = child.rowCount;
  }
  return childOrderFrame(parent, parentOut, child, childOut, unmatched, orphans);
}

// joinInChildOrder on this thread: one pass finds each child row's frame row
// and marks the frame rows met; the child's rows are the frame's as they are
// when every frame row met one.
function childOrderOnThisThread(
  parent: Table,
  parentRows: Int32Array,
  child: Table,
  childRows: Int32Array,
  childCodes: ArrayLike<number>,
  frameRowOf: Int32Array,
) {
  const length = parentRows.length;
  const matched = new Uint8Array(length);
  const room = new Int32Array(childRows.length + length);
  const nullRow = parent.rowCount;
  let orphans = 0;
  for (let j = 0; j < childRows.length; j++) {
    const i = frameRowOf[childCodes[childRows[j]!]!]!;
    if (i >= 0) {
      room[j] = parentRows[i]!;
      matched[i] = 1;
    } else {
      room[j] = nullRow;
      orphans++;
    }
  }
  let out = childRows.length;
  for (let i = 0; i < length; i++) if (matched[i] === 0) room[out++] = parentRows[i]!;
  const unmatched = out - childRows.length;
  let childOut = childRows;
  if (unmatched > 0) {
    childOut = new Int32Array(out);
    childOut.set(childRows);
    childOut.fill(child.rowCount, childRows.length);
  }
  return childOrderFrame(parent, room.subarray(0, out), child, childOut, unmatched, orphans);
}

function childOrderFrame(
  parent: Table,
  parentOut: Int32Array,
  child: Table,
  childOut: Int32Array,
  unmatched: number,
  orphans: number,
) {
  const rows = new Map<Table, Int32Array>([
    [parent, parentOut],
    [child, childOut],
  ]);
  return {
    rows,
    length: parentOut.length,
    childPadded: unmatched > 0,
    framePadded: orphans > 0,
    once: 'child' as const,
  };
}
