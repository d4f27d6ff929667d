import type { DataModel } from '../model/DataModel.js';
import { SelectionError } from './SelectionError.js';
import { SelectionState, type SelectionStateOptions } from './SelectionState.js';

/** The name of the default state. */
export const DEFAULT_STATE = '$';

/** The default state `$` and any alternate states of one app, each with its own selections. */
export class SelectionStates {
  private readonly byName = new Map<string, SelectionState>();
  // The state nearly every call asks for, without the map (cold memory in a server of many sessions).
  private readonly defaultState: SelectionState;

  constructor(
    readonly model: DataModel,
    private readonly options: SelectionStateOptions = {},
  ) {
    this.defaultState = new SelectionState(model, DEFAULT_STATE, options);
    this.byName.set(DEFAULT_STATE, this.defaultState);
  }

  /** The state called `name` (default `$`); throws STATE_NOT_FOUND. */
  get(name: string = DEFAULT_STATE): SelectionState {
    if (name === DEFAULT_STATE) return this.defaultState;
    const state = this.byName.get(name);
    if (!state) throw new SelectionError('STATE_NOT_FOUND', `No alternate state "${name}"`);
    return state;
  }

  /** Whether a state called `name` exists. */
  has(name: string): boolean {
    return name === DEFAULT_STATE || this.byName.has(name);
  }

  /** Adds an alternate state with no selections; throws STATE_EXISTS, or INVALID_STATE_NAME for '' and '1' (set analysis reads `1` as all data). */
  add(name: string): SelectionState {
    if (name === '' || name === '1') {
      throw new SelectionError('INVALID_STATE_NAME', `"${name}" cannot name an alternate state`);
    }
    if (this.byName.has(name))
      throw new SelectionError('STATE_EXISTS', `State "${name}" already exists`);
    const state = new SelectionState(this.model, name, this.options);
    this.byName.set(name, state);
    return state;
  }

  /** Removes an alternate state; the default state cannot be removed. */
  remove(name: string): void {
    if (name === DEFAULT_STATE)
      throw new SelectionError('DEFAULT_STATE', 'The default state "$" cannot be removed');
    if (!this.byName.delete(name))
      throw new SelectionError('STATE_NOT_FOUND', `No alternate state "${name}"`);
  }

  /** Names of all states, `$` first. */
  get names(): string[] {
    return [...this.byName.keys()];
  }
}
