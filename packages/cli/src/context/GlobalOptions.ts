/** The options every command accepts (qlik-cli's global flags). */
export interface GlobalOptions {
  readonly context?: string;
  readonly server?: string;
  readonly serverType?: string;
  readonly apiKey?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly insecure?: boolean;
  readonly json?: boolean;
  readonly verbose?: boolean;
  readonly traffic?: boolean;
}
