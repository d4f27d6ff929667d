import type { Value } from '../value/Value.js';

/** One place along an axis: the group there (-1 for an empty pivot cell) and its segment's key. */
export interface AxisSlot {
  readonly group: number;
  readonly segment: string;
}

/**
 * One way of walking a chart's rows: places in display order, cut into
 * segments. A place holds a group, or -1 for a pivot cell without data. A
 * group at place i has the segment of places [segmentStart[i], segmentEnd[i]).
 */
export class RowAxis {
  private readonly indexOfGroup: Int32Array;

  constructor(
    /** The group at each place, -1 where a pivot cell is empty. */
    readonly members: Int32Array,
    readonly segmentStart: Int32Array,
    readonly segmentEnd: Int32Array,
    groupCount: number,
  ) {
    this.indexOfGroup = new Int32Array(groupCount).fill(-1);
    members.forEach((group, i) => {
      if (group >= 0) this.indexOfGroup[group] = i;
    });
  }

  /** Where a group is: its place and its segment's bounds; undefined when it is no row. */
  locate(group: number): { index: number; start: number; end: number } | undefined {
    const index = this.indexOfGroup[group] ?? -1;
    if (index < 0) return undefined;
    return { index, start: this.segmentStart[index]!, end: this.segmentEnd[index]! };
  }

  /**
   * The axis over `sequences` (each a run of places in display order, kept
   * apart: a pivot's columns or rows), segments breaking where neighbouring
   * places' segment keys differ.
   */
  static of(sequences: readonly (readonly AxisSlot[])[], groupCount: number): RowAxis {
    const members: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    const close = (from: number) => {
      for (let m = from; m < members.length; m++) ends[m] = members.length;
    };
    for (const sequence of sequences) {
      let start = members.length;
      sequence.forEach((slot, i) => {
        if (i > 0 && sequence[i - 1]!.segment !== slot.segment) {
          close(start);
          start = members.length;
        }
        members.push(slot.group);
        starts.push(start);
      });
      close(start);
    }
    return new RowAxis(
      Int32Array.from(members),
      Int32Array.from(starts),
      Int32Array.from(ends),
      groupCount,
    );
  }
}

/**
 * The chart's rows as inter-record and ranking functions see them, once
 * sorted: the vertical axis (Above, RowNo, Rank) with its segments and,
 * under TOTAL, whole columns; in a pivot table also the horizontal axis
 * (Before, ColumnNo, HRank) along its rows.
 */
export interface ChartRows {
  readonly vertical: RowAxis;
  readonly verticalTotal: RowAxis;
  readonly horizontal?: RowAxis;
  readonly horizontalTotal?: RowAxis;
  /** How many dimensions a row has (left dimensions in a pivot table). */
  readonly dimensionality: number;
  /** How many top dimensions a pivot table has (0 otherwise). */
  readonly secondaryDimensionality: number;
  /** Measure n's value per group (1-based), for Column(n); undefined when there is none. */
  measure(n: number): readonly Value[] | undefined;
}
