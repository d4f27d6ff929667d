/**
 * The schema, one migration per entry; `PRAGMA user_version` counts those
 * applied. Never edit a shipped entry: append a new one.
 */
export const migrations: readonly string[] = [
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    roles TEXT NOT NULL DEFAULT '[]',
    locale TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL DEFAULT 'active',
    roles TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE user_groups (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
  );

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT
  );

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );

  CREATE TABLE oauth_clients (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    app_type TEXT NOT NULL,
    owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    settings TEXT NOT NULL DEFAULT '{}',
    published_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE oauth_client_secrets (
    client_id TEXT NOT NULL REFERENCES oauth_clients(id) ON DELETE CASCADE,
    hint TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (client_id, hint)
  );

  CREATE TABLE oauth_tokens (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oauth_clients(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scope TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE spaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('shared', 'managed', 'data')),
    description TEXT NOT NULL DEFAULT '',
    owner_id TEXT NOT NULL REFERENCES users(id),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX spaces_name ON spaces(name COLLATE NOCASE);

  CREATE TABLE space_assignments (
    id TEXT PRIMARY KEY,
    space_id TEXT NOT NULL REFERENCES spaces(id) ON DELETE CASCADE,
    type TEXT NOT NULL CHECK (type IN ('user', 'group')),
    assignee_id TEXT NOT NULL,
    roles TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (space_id, type, assignee_id)
  );

  CREATE TABLE items (
    id TEXT PRIMARY KEY,
    resource_type TEXT NOT NULL,
    resource_sub_type TEXT NOT NULL DEFAULT '',
    resource_id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    space_id TEXT REFERENCES spaces(id),
    owner_id TEXT NOT NULL,
    creator_id TEXT NOT NULL,
    updater_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    resource_created_at TEXT NOT NULL,
    resource_updated_at TEXT NOT NULL,
    resource_size INTEGER,
    resource_attributes TEXT NOT NULL DEFAULT '{}',
    UNIQUE (resource_type, resource_id)
  );
  CREATE INDEX items_created ON items(created_at, id);
  CREATE INDEX items_space ON items(space_id);

  CREATE TABLE apps (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    owner_id TEXT NOT NULL,
    space_id TEXT REFERENCES spaces(id),
    usage TEXT NOT NULL DEFAULT 'ANALYTICS',
    locale TEXT NOT NULL DEFAULT '',
    published INTEGER NOT NULL DEFAULT 0,
    published_at TEXT,
    origin_app_id TEXT,
    last_reload_time TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  // 2: who created each API key; groups with a description and their authors, names unique case-insensitively.
  `
  ALTER TABLE api_keys ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
  UPDATE api_keys SET created_by = user_id;

  CREATE TABLE groups_v2 (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'active',
    roles TEXT NOT NULL DEFAULT '[]',
    created_by TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  INSERT INTO groups_v2 (id, name, status, roles, created_by, updated_by, created_at, updated_at)
    SELECT id, name, status, roles, '', '', created_at, updated_at FROM groups;
  CREATE TABLE user_groups_v2 (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES groups_v2(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
  );
  INSERT INTO user_groups_v2 SELECT * FROM user_groups;
  DROP TABLE user_groups;
  DROP TABLE groups;
  ALTER TABLE groups_v2 RENAME TO groups;
  ALTER TABLE user_groups_v2 RENAME TO user_groups;
  `,
  // 3: data files (content under files/<folder>/<name>) and temporary contents (under temp/<id>).
  `
  CREATE TABLE data_files (
    id TEXT PRIMARY KEY,
    folder TEXT NOT NULL,
    name TEXT NOT NULL,
    space_id TEXT REFERENCES spaces(id),
    owner_id TEXT NOT NULL,
    size INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    content_updated_at TEXT NOT NULL,
    UNIQUE (folder, name)
  );
  CREATE INDEX data_files_space ON data_files(space_id);

  CREATE TABLE temp_contents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    creator_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  `,
  // 4: reloads (the queue and its history, with logs) and script versions.
  `
  CREATE TABLE reloads (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    partial INTEGER NOT NULL DEFAULT 0,
    variables TEXT NOT NULL DEFAULT '{}',
    log TEXT NOT NULL DEFAULT '',
    error_code TEXT,
    error_message TEXT,
    reload_task_id TEXT,
    engine_time TEXT,
    created_at TEXT NOT NULL,
    started_at TEXT,
    ended_at TEXT
  );
  CREATE INDEX reloads_app ON reloads(app_id, created_at, id);
  CREATE INDEX reloads_status ON reloads(status);

  CREATE TABLE script_versions (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL,
    script TEXT NOT NULL,
    version_message TEXT NOT NULL DEFAULT '',
    modifier_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX script_versions_app ON script_versions(app_id, created_at, id);
  `,
  // 5: reload tasks, webhooks with their deliveries, and the audit log.
  `
  CREATE TABLE reload_tasks (
    id TEXT PRIMARY KEY,
    app_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    state TEXT NOT NULL,
    partial INTEGER NOT NULL DEFAULT 0,
    time_zone TEXT NOT NULL,
    recurrence TEXT NOT NULL,
    start_date_time TEXT NOT NULL,
    end_date_time TEXT,
    disabled_code TEXT,
    log TEXT NOT NULL DEFAULT '',
    last_execution_time TEXT,
    next_execution_time TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX reload_tasks_due ON reload_tasks(state, next_execution_time);
  CREATE INDEX reloads_task ON reloads(reload_task_id, created_at);

  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    url TEXT NOT NULL,
    event_types TEXT NOT NULL,
    level TEXT NOT NULL DEFAULT 'tenant',
    filter TEXT NOT NULL DEFAULT '',
    secret TEXT NOT NULL DEFAULT '',
    headers TEXT NOT NULL DEFAULT '{}',
    enabled INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'api',
    owner_id TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL,
    status_message TEXT NOT NULL DEFAULT '',
    request TEXT NOT NULL,
    response TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    triggered_at TEXT NOT NULL
  );
  CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, triggered_at);
  CREATE INDEX webhook_deliveries_pending ON webhook_deliveries(status, next_attempt_at);

  CREATE TABLE audits (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    event_time TEXT NOT NULL,
    source TEXT NOT NULL,
    user_id TEXT NOT NULL,
    resource_id TEXT NOT NULL,
    space_id TEXT,
    data TEXT NOT NULL
  );
  CREATE INDEX audits_time ON audits(event_time, id);
  `,
];
