import type { Db } from './openDatabase.js';
import { newId, now } from './newId.js';

/** A saved version of an app's load script. */
export interface ScriptVersionRow {
  readonly id: string;
  readonly appId: string;
  readonly script: string;
  readonly versionMessage: string;
  readonly modifierId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

interface RawVersion {
  id: string;
  app_id: string;
  script: string;
  version_message: string;
  modifier_id: string;
  created_at: string;
  updated_at: string;
}

/** The script_versions table. */
export class ScriptVersionsTable {
  constructor(private readonly db: Db) {}

  /** One version of an app's script. */
  get(appId: string, id: string): ScriptVersionRow | undefined {
    const raw = this.db
      .prepare<[string, string], RawVersion>(
        'SELECT * FROM script_versions WHERE app_id = ? AND id = ?',
      )
      .get(appId, id);
    return raw && toRow(raw);
  }

  /** An app's versions, newest first. */
  ofApp(appId: string): ScriptVersionRow[] {
    return this.db
      .prepare<[string], RawVersion>(
        'SELECT * FROM script_versions WHERE app_id = ? ORDER BY created_at DESC, id DESC',
      )
      .all(appId)
      .map(toRow);
  }

  /** Stores a new version. */
  create(
    version: Pick<ScriptVersionRow, 'appId' | 'script' | 'versionMessage' | 'modifierId'>,
  ): ScriptVersionRow {
    const time = now();
    const row: ScriptVersionRow = { id: newId(), ...version, createdAt: time, updatedAt: time };
    this.db
      .prepare(
        `INSERT INTO script_versions (id, app_id, script, version_message, modifier_id, created_at, updated_at)
         VALUES (@id, @appId, @script, @versionMessage, @modifierId, @createdAt, @updatedAt)`,
      )
      .run(row);
    return row;
  }

  /** Changes a version's message. */
  describe(appId: string, id: string, versionMessage: string): boolean {
    return (
      this.db
        .prepare(
          'UPDATE script_versions SET version_message = ?, updated_at = ? WHERE app_id = ? AND id = ?',
        )
        .run(versionMessage, now(), appId, id).changes > 0
    );
  }

  /** Deletes one version. */
  delete(appId: string, id: string): boolean {
    return (
      this.db.prepare('DELETE FROM script_versions WHERE app_id = ? AND id = ?').run(appId, id)
        .changes > 0
    );
  }

  /** Deletes every version of an app. */
  deleteOfApp(appId: string): void {
    this.db.prepare('DELETE FROM script_versions WHERE app_id = ?').run(appId);
  }
}

function toRow(raw: RawVersion): ScriptVersionRow {
  return {
    id: raw.id,
    appId: raw.app_id,
    script: raw.script,
    versionMessage: raw.version_message,
    modifierId: raw.modifier_id,
    createdAt: raw.created_at,
    updatedAt: raw.updated_at,
  };
}
