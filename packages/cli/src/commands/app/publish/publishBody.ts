import type { OptionSpec } from '../../../command/CommandSpec.js';

/** The flags `app publish create` and `update` share (qlik-cli's names). */
export interface PublishAttributeOptions {
  readonly attributesName?: string;
  readonly attributesDescription?: string;
  readonly data?: 'source' | 'target';
}

/** `--attributes-name`, `--attributes-description`, `--data source|target`. */
export const PUBLISH_ATTRIBUTE_OPTIONS: readonly OptionSpec[] = [
  { flags: '--attributes-name <name>', description: 'Name of the published app' },
  { flags: '--attributes-description <text>', description: 'Description of the published app' },
  {
    flags: '--data <from>',
    description: "Whose data the published app gets: the source app's or the target's",
    choices: ['source', 'target'],
  },
];

/** The part of a publish body the shared flags fill in. */
export function publishBody(options: PublishAttributeOptions) {
  const attributes = {
    ...(options.attributesName ? { name: options.attributesName } : {}),
    ...(options.attributesDescription ? { description: options.attributesDescription } : {}),
  };
  return {
    ...(Object.keys(attributes).length ? { attributes } : {}),
    ...(options.data ? { data: options.data } : {}),
  };
}
