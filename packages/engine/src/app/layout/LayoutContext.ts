import type { VariableItem } from '../variableItems.js';

/** What layout computation needs from the data side, for one session's selections. */
export interface LayoutContext {
  /** The computed `qHyperCube` for a `qHyperCubeDef` at `path` of the object. */
  hyperCube(def: Record<string, unknown>, path: string): Record<string, unknown>;
  /** The computed `qListObject` for a `qListObjectDef` at `path`. */
  listObject(def: Record<string, unknown>, path: string): Record<string, unknown>;
  /** The text of a string expression (`qStringExpression`), evaluated over the current selections. */
  stringExpression(expression: string): string;
  /** The number of a value expression (`qValueExpression`). */
  valueExpression(expression: string): number | 'NaN';
  /** The current selections (`qSelectionObject`) of a state. */
  selectionObject(stateName: string): Record<string, unknown>;
  /** The fields of the data model (`qFieldList`). */
  fieldList(def: Record<string, unknown>): Record<string, unknown>;
  /** The stored objects of a class, for the list definitions. */
  objectsOf(
    type:
      | 'GenericObject'
      | 'GenericDimension'
      | 'GenericMeasure'
      | 'GenericBookmark'
      | 'GenericVariable',
  ): readonly StoredLike[];
  /** Script and app variables for `qVariableList`, reserved and config ones only when asked for. */
  variables(showReserved: boolean, showConfig: boolean): readonly VariableItem[];
  /** Children of the object whose layout this is, for `qChildList`. */
  children(): readonly StoredLike[];
  /** Whether the object is in a modal selection now. */
  inSelections(): boolean;
  /** Whether the object in modal selection has made selections since it began (qSelectionInfo.qMadeSelections). */
  madeSelections(): boolean;
}

/** The parts of a stored object that list layouts show. */
export interface StoredLike {
  readonly properties: Record<string, unknown>;
  readonly createdDate: string;
  readonly modifiedDate: string;
}
