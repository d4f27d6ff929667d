/** Unwinds the interpreter for EXIT SCRIPT / FOR / DO / SUB; not an error. */
export class ControlSignal {
  constructor(readonly target: 'script' | 'for' | 'do' | 'sub') {}
}
