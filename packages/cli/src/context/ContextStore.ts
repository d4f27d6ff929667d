import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { CliError } from '../errors/CliError.js';
import type { ContextSettings, SavedContext } from './SavedContext.js';

interface ContextsFile {
  'current-context'?: string;
  contexts?: Record<string, FileSettings>;
}

// The files use qlik-cli's kebab-case keys, so they read the way its contexts.yml does.
interface FileSettings {
  server: string;
  'server-type'?: ContextSettings['serverType'];
  comment?: string;
  insecure?: boolean;
  'oauth-client-id'?: string;
}

interface FileSecrets {
  'api-key'?: string;
  'oauth-client-secret'?: string;
  headers?: Record<string, string>;
}

const NAME = /^[^\s/\\]+$/;

/**
 * The saved contexts: `contexts.yml` (servers, types, comments, the current
 * context) and `secrets.yml` (API keys, OAuth secrets, headers), which is
 * only ever written with mode 0600. Both are replaced by rename, so a crash
 * leaves the previous version whole.
 */
export class ContextStore {
  readonly directory: string;
  #current: string | undefined;
  readonly #settings: Map<string, FileSettings>;
  readonly #secrets: Map<string, FileSecrets>;

  private constructor(
    directory: string,
    contexts: ContextsFile,
    secrets: Record<string, FileSecrets>,
  ) {
    this.directory = directory;
    this.#current = contexts['current-context'];
    this.#settings = new Map(Object.entries(contexts.contexts ?? {}));
    this.#secrets = new Map(Object.entries(secrets));
  }

  /** Reads the store in `directory` (empty when its files do not exist yet). */
  static async open(directory: string): Promise<ContextStore> {
    const contexts = (await readYaml(join(directory, 'contexts.yml'))) as ContextsFile;
    const secrets = (await readYaml(join(directory, 'secrets.yml'))) as Record<string, FileSecrets>;
    return new ContextStore(directory, contexts, secrets);
  }

  /** The name of the context used when no --context is given. */
  get currentName(): string | undefined {
    return this.#current !== undefined && this.#settings.has(this.#current)
      ? this.#current
      : undefined;
  }

  /** Every context, by name. */
  list(): SavedContext[] {
    return [...this.#settings.keys()].sort().map((name) => this.get(name)!);
  }

  /** One context with its secrets, or undefined. */
  get(name: string): SavedContext | undefined {
    const settings = this.#settings.get(name);
    if (!settings) return undefined;
    const secrets = this.#secrets.get(name) ?? {};
    return prune({
      name,
      server: settings.server,
      serverType: settings['server-type'],
      comment: settings.comment,
      insecure: settings.insecure,
      oauthClientId: settings['oauth-client-id'],
      apiKey: secrets['api-key'],
      oauthClientSecret: secrets['oauth-client-secret'],
      headers: secrets.headers,
    });
  }

  /** One context, or a CliError naming the contexts there are. */
  require(name: string): SavedContext {
    const context = this.get(name);
    if (context) return context;
    const names = [...this.#settings.keys()];
    throw new CliError('CONTEXT_NOT_FOUND', `There is no context named '${name}'.`, {
      hint: names.length
        ? `Contexts: ${names.join(', ')}.`
        : 'Create one with `qlikit context create <name> --server <url> --api-key <key>`.',
    });
  }

  /** Creates or replaces a context. */
  set(context: SavedContext): void {
    if (!NAME.test(context.name)) {
      throw new CliError(
        'INVALID_NAME',
        `'${context.name}' is not a context name: use no spaces or slashes.`,
        {
          exitCode: 2,
        },
      );
    }
    this.#settings.set(
      context.name,
      prune({
        server: context.server,
        'server-type': context.serverType,
        comment: context.comment,
        insecure: context.insecure,
        'oauth-client-id': context.oauthClientId,
      }) as FileSettings,
    );
    const secrets: FileSecrets = prune({
      'api-key': context.apiKey,
      'oauth-client-secret': context.oauthClientSecret,
      headers:
        context.headers && Object.keys(context.headers).length ? { ...context.headers } : undefined,
    });
    if (Object.keys(secrets).length) this.#secrets.set(context.name, secrets);
    else this.#secrets.delete(context.name);
  }

  /** Deletes a context (and its secrets). */
  remove(name: string): void {
    this.require(name);
    this.#settings.delete(name);
    this.#secrets.delete(name);
    if (this.#current === name) this.#current = undefined;
  }

  /** Renames a context, keeping it current if it was. */
  rename(from: string, to: string): void {
    const context = this.require(from);
    if (this.#settings.has(to)) {
      throw new CliError('CONTEXT_EXISTS', `A context named '${to}' exists already.`, {
        exitCode: 2,
      });
    }
    const wasCurrent = this.#current === from;
    this.remove(from);
    this.set({ ...context, name: to });
    if (wasCurrent) this.#current = to;
  }

  /** Makes a context the current one; undefined unsets it. */
  use(name: string | undefined): void {
    if (name !== undefined) this.require(name);
    this.#current = name;
  }

  /** Writes both files: the settings, then the secrets with mode 0600. */
  async save(): Promise<void> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const contexts: ContextsFile = prune({
      'current-context': this.#current,
      contexts: Object.fromEntries(this.#settings),
    });
    await replaceFile(join(this.directory, 'contexts.yml'), stringify(contexts), 0o644);
    await replaceFile(
      join(this.directory, 'secrets.yml'),
      stringify(Object.fromEntries(this.#secrets)),
      0o600,
    );
  }
}

async function readYaml(path: string): Promise<object> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  try {
    const value: unknown = parse(text);
    return typeof value === 'object' && value !== null ? value : {};
  } catch (cause) {
    throw new CliError('CONFIG_INVALID', `${path} is not valid YAML.`, {
      hint: 'Fix or delete the file; `qlikit context create` writes a new one.',
      cause,
    });
  }
}

// The new file is complete before it replaces the old one; `mode` applies from its first byte.
async function replaceFile(path: string, text: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, { mode });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

function prune<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
