/** Where a context points: a Qlik Cloud tenant (or a qlikit tenant), or a bare engine. */
export type ServerType = 'cloud' | 'engine';

/** The server types `--server-type` accepts. */
export const SERVER_TYPES: readonly ServerType[] = ['cloud', 'engine'];

/** What a context keeps apart from its secrets. */
export interface ContextSettings {
  readonly server: string;
  readonly serverType?: ServerType;
  readonly comment?: string;
  readonly insecure?: boolean;
  readonly oauthClientId?: string;
}

/** What a context keeps in the secrets file (mode 0600). */
export interface ContextSecrets {
  readonly apiKey?: string;
  readonly oauthClientSecret?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One saved context, with its secrets. */
export interface SavedContext extends ContextSettings, ContextSecrets {
  readonly name: string;
}
