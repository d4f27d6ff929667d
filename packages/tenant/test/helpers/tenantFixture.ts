import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTenant, type RunningTenant, type StartTenantOptions } from '../../src/index.js';
import { apiKeyToken } from '../../src/auth/apiKeyToken.js';
import { newId } from '../../src/storage/newId.js';
import type { UserRow } from '../../src/storage/UsersTable.js';

/** A tenant in a temporary directory, with helpers to call it as its users. */
export interface TenantFixture {
  readonly tenant: RunningTenant;
  readonly url: string;
  readonly dataDir: string;
  /** The admin's API key. */
  readonly adminKey: string;
  /** Calls the REST API with a key (the admin's by default); JSON in, status + parsed body out. */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** A new user with the given tenant roles and an API key. */
  user(name: string, roles?: readonly string[]): { user: UserRow; key: string };
  /** Stops the tenant and removes its directory. */
  close(): Promise<void>;
}

export interface CallOptions {
  readonly key?: string | null;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Headers;
  // Tests read answers of every shape; each asserts the fields it needs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** Starts a tenant for a test file (rate limits off unless asked for). */
export async function startFixture(
  options: Partial<StartTenantOptions> = {},
): Promise<TenantFixture> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'qlikit-tenant-')));
  const tenant = await startTenant({ rateLimit: false, ...options, dataDir, port: 0 });
  return fixtureOf(tenant, dataDir);
}

/** Wraps a running tenant in the fixture helpers. */
export function fixtureOf(tenant: RunningTenant, dataDir: string): TenantFixture {
  const adminKey = tenant.admin.apiKey;
  return {
    tenant,
    url: tenant.url,
    dataDir,
    adminKey,
    async call(method, path, options = {}) {
      const key = options.key === undefined ? adminKey : options.key;
      const headers: Record<string, string> = { ...options.headers };
      if (key) headers.authorization = `Bearer ${key}`;
      let body: string | undefined;
      if (options.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(options.body);
      }
      const response = await fetch(`${tenant.url}${path}`, {
        method,
        headers,
        body,
        redirect: 'manual',
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed };
    },
    user(name, roles = ['SharedSpaceCreator']) {
      const { storage, signer, tenantId } = tenant.context;
      const user = storage.users.create({
        subject: `test|${name}|${newId()}`,
        name,
        email: `${name}@example.com`,
        roles,
      });
      const key = storage.apiKeys.create({
        id: newId(),
        userId: user.id,
        createdBy: user.id,
        description: 'test',
        expiresAt: null,
      });
      return { user, key: apiKeyToken(signer, key, tenantId) };
    },
    async close() {
      await tenant.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
