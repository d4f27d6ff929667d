import { decodeCursor } from './Cursor.js';

/** A WHERE clause built from optional filters, with its named parameters. */
export class Where {
  private readonly clauses: string[] = [];
  readonly params: Record<string, unknown> = {};

  /** Adds `clause` and binds `value` to `@name`, when the value is given (not undefined, null or ''). */
  when(name: string, value: unknown, clause: string): this {
    if (value === undefined || value === null || value === '') return this;
    this.clauses.push(clause);
    this.params[name] = typeof value === 'boolean' ? Number(value) : value;
    return this;
  }

  /** Adds a clause that takes no parameter, or whose parameters are bound with `bind`. */
  add(clause: string): this {
    this.clauses.push(clause);
    return this;
  }

  /** Keyset paging: only the rows past `cursor` in the order `(column, id)`, read descending or not. */
  after(column: string, cursor: string | undefined, descending: boolean): this {
    if (cursor === undefined) return this;
    const position = decodeCursor(cursor);
    return this.add(`(${column}, id) ${descending ? '<' : '>'} (@cursorValue, @cursorId)`)
      .bind('cursorValue', position.value)
      .bind('cursorId', position.id);
  }

  /** Binds a named parameter. */
  bind(name: string, value: unknown): this {
    this.params[name] = value;
    return this;
  }

  /** `WHERE a AND b`, or '' without clauses. */
  toString(): string {
    return this.clauses.length > 0 ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}
