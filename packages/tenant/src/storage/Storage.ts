import { AppsTable } from './AppsTable.js';
import { ApiKeysTable } from './ApiKeysTable.js';
import { AuditsTable } from './AuditsTable.js';
import { DataFilesTable } from './DataFilesTable.js';
import { GroupsTable } from './GroupsTable.js';
import { ItemsTable } from './ItemsTable.js';
import { OAuthClientsTable } from './OAuthClientsTable.js';
import { ReloadsTable } from './ReloadsTable.js';
import { ReloadTasksTable } from './ReloadTasksTable.js';
import { ScriptVersionsTable } from './ScriptVersionsTable.js';
import { OAuthTokensTable } from './OAuthTokensTable.js';
import { openDatabase, type Db } from './openDatabase.js';
import { SessionsTable } from './SessionsTable.js';
import { SettingsTable } from './SettingsTable.js';
import { SpacesTable } from './SpacesTable.js';
import { TempContentsTable } from './TempContentsTable.js';
import { UsersTable } from './UsersTable.js';
import { WebhooksTable } from './WebhooksTable.js';

/** The tenant's database and one object per table. */
export class Storage {
  readonly settings: SettingsTable;
  readonly users: UsersTable;
  readonly groups: GroupsTable;
  readonly apiKeys: ApiKeysTable;
  readonly sessions: SessionsTable;
  readonly oauthClients: OAuthClientsTable;
  readonly oauthTokens: OAuthTokensTable;
  readonly spaces: SpacesTable;
  readonly items: ItemsTable;
  readonly apps: AppsTable;
  readonly dataFiles: DataFilesTable;
  readonly tempContents: TempContentsTable;
  readonly reloads: ReloadsTable;
  readonly reloadTasks: ReloadTasksTable;
  readonly webhooks: WebhooksTable;
  readonly audits: AuditsTable;
  readonly scriptVersions: ScriptVersionsTable;

  constructor(readonly db: Db) {
    this.settings = new SettingsTable(db);
    this.users = new UsersTable(db);
    this.groups = new GroupsTable(db);
    this.apiKeys = new ApiKeysTable(db);
    this.sessions = new SessionsTable(db);
    this.oauthClients = new OAuthClientsTable(db);
    this.oauthTokens = new OAuthTokensTable(db);
    this.spaces = new SpacesTable(db);
    this.items = new ItemsTable(db);
    this.apps = new AppsTable(db);
    this.dataFiles = new DataFilesTable(db);
    this.tempContents = new TempContentsTable(db);
    this.reloads = new ReloadsTable(db);
    this.reloadTasks = new ReloadTasksTable(db);
    this.webhooks = new WebhooksTable(db);
    this.audits = new AuditsTable(db);
    this.scriptVersions = new ScriptVersionsTable(db);
  }

  /** Opens the database file (migrating it) and wraps it. */
  static open(path: string): Storage {
    return new Storage(openDatabase(path));
  }

  /** Runs `work` in one transaction: all of it is stored, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Closes the database. */
  close(): void {
    this.db.close();
  }
}
