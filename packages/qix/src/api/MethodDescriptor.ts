/** How to call one engine method, derived once per class from the schema. */
export interface MethodDescriptor {
  /** Wire name, PascalCase as in the schema (`GetLayout`). */
  readonly method: string;
  /** Name on the API object: the wire name with its first letter lower-cased (`getLayout`). */
  readonly name: string;
  /** In-parameter names, in wire order. */
  readonly inNames: readonly string[];
  /** The schema default of each In parameter, in wire order. */
  readonly defaults: readonly unknown[];
  /** The single Out parameter's name, or -1 when there are none or several. */
  readonly outKey: string | -1;
  /** Whether a lone object argument can be the first parameter itself (a struct) rather than named parameters. */
  readonly firstParamTakesObject: boolean;
  /** The request frame's text up to the handle, precomputed: `{"jsonrpc":"2.0","method":"GetLayout","handle":`. */
  readonly framePrefix: string;
}
