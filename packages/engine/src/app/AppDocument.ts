import type { FieldNumberFormat } from '../model/FieldNumberFormat.js';
import type { LoadedTable } from '../model/LoadedTable.js';
import type { ScriptComments } from '../script/ScriptOptions.js';

/** Engine classes whose objects are stored as property trees. */
export type StoredObjectType =
  'GenericObject' | 'GenericDimension' | 'GenericMeasure' | 'GenericBookmark' | 'GenericVariable';

/** One stored object: its property tree (with `qInfo`), its place in the tree of children, its metadata. */
export interface StoredObject {
  readonly type: StoredObjectType;
  /** The property tree as the client set it; `qInfo.qId` and `qInfo.qType` are always present. */
  properties: Record<string, unknown>;
  /** qId of the parent for children made with CreateChild. */
  parentId?: string;
  /** For variables: made by the load script (qIsScriptCreated). */
  scriptCreated?: boolean;
  /** For bookmarks: the selections they restore. */
  bookmarkState?: unknown;
  /** When Publish made it public (qMeta.published, qMeta.publishTime); absent while private. */
  publishTime?: string;
  /** Set by Approve, cleared by UnApprove (qMeta.approved). */
  approved?: boolean;
  createdDate: string;
  modifiedDate: string;
}

/** Everything an app is, as saved by DoSave. */
export interface AppDocument {
  id: string;
  /** NxAppProperties: qTitle, qThumbnail, qLastReloadTime, ... plus anything a client sets. */
  properties: Record<string, unknown>;
  script: string;
  objects: StoredObject[];
  /** Script variables from the last reload (name → value text). */
  scriptVariables: Record<string, string>;
  /** Tags the script gave fields with TAG / UNTAG, by field name. */
  fieldTags?: Record<string, string[]>;
  /** Comments the script gave fields and tables with COMMENT FIELD / COMMENT TABLE. */
  comments?: ScriptComments;
  /** Number formats the script's sources gave fields (a QVD's), by field name. */
  fieldNumberFormats?: Record<string, FieldNumberFormat>;
  lastReloadTime: string | null;
  /** Names of the variables marked favorite (SetFavoriteVariables). */
  favoriteVariables?: string[];
  createdDate: string;
  modifiedDate: string;
}

/** An app's document plus its data. */
export interface AppSnapshot {
  readonly document: AppDocument;
  readonly tables: readonly LoadedTable[];
  /** The tables the script loaded under SECTION ACCESS; empty when it has none. */
  readonly sectionAccess?: readonly LoadedTable[];
}
