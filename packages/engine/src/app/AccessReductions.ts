import { applySectionAccess, type AccessUser } from '../model/applySectionAccess.js';
import type { DataModel } from '../model/DataModel.js';
import type { LoadedTable } from '../model/LoadedTable.js';

interface Reduced {
  readonly tables: readonly LoadedTable[];
  model: DataModel | null;
}

/**
 * Each user's data under SECTION ACCESS: the tables the user may see, reduced
 * once per user and groups, and their model, built on first use. A user no
 * row admits sees no tables and an empty model.
 */
export class AccessReductions {
  private readonly byUser = new Map<string, Reduced | null>();
  private denied: Reduced = { tables: [], model: null };

  constructor(private readonly modelOf: (tables: readonly LoadedTable[]) => DataModel) {}

  /** The tables of `data` the user may see by the `access` tables, or null when no row admits the user. */
  tablesFor(
    user: AccessUser,
    data: readonly LoadedTable[],
    access: readonly LoadedTable[],
  ): readonly LoadedTable[] | null {
    return this.reducedFor(user, data, access)?.tables ?? null;
  }

  /** The model of the tables the user may see (see `tablesFor`). */
  modelFor(
    user: AccessUser,
    data: readonly LoadedTable[],
    access: readonly LoadedTable[],
  ): DataModel {
    const entry = this.reducedFor(user, data, access) ?? this.denied;
    entry.model ??= this.modelOf(entry.tables);
    return entry.model;
  }

  /** Forgets every reduction (the data changed) and answers the models built from them. */
  clear(): DataModel[] {
    const models = [...this.byUser.values(), this.denied]
      .map((entry) => entry?.model)
      .filter((model): model is DataModel => !!model);
    this.byUser.clear();
    this.denied = { tables: [], model: null };
    return models;
  }

  private reducedFor(
    user: AccessUser,
    data: readonly LoadedTable[],
    access: readonly LoadedTable[],
  ): Reduced | null {
    const key = JSON.stringify([user.userId.toUpperCase(), user.groups ?? []]);
    if (!this.byUser.has(key)) {
      const result = applySectionAccess(data, access, user);
      this.byUser.set(key, result.allowed ? { tables: result.tables, model: null } : null);
    }
    return this.byUser.get(key) ?? null;
  }
}
