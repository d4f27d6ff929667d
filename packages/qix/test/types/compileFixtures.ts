import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Where fixture programs pretend to live, so `../../../src/generated/index.js` resolves to the generated code. */
export const fixtureDir = join(resolve(dirname(fileURLToPath(import.meta.url))), '__fixtures__');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

/** A checked program of in-memory fixture files, by file name. */
export interface CompiledFixtures {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  /** Path of a fixture in the program. */
  path(name: string): string;
  /** Errors TypeScript reports for one fixture file. */
  errors(name: string): readonly ts.Diagnostic[];
}

/** Type-checks the fixture sources (name → TypeScript text) in one program against the real generated files. */
export function compileFixtures(sources: Readonly<Record<string, string>>): CompiledFixtures {
  const files = new Map(
    Object.entries(sources).map(([name, text]) => [join(fixtureDir, name), text]),
  );
  const host = ts.createCompilerHost(OPTIONS, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
  host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, onError) => {
    const text = files.get(file);
    return text === undefined
      ? getSourceFile.call(host, file, language, onError)
      : ts.createSourceFile(file, text, language);
  };
  const program = ts.createProgram([...files.keys()], OPTIONS, host);
  const path = (name: string): string => join(fixtureDir, name);
  return {
    program,
    checker: program.getTypeChecker(),
    path,
    errors: (name) => {
      const source = program.getSourceFile(path(name));
      if (!source) throw new Error(`Fixture ${name} is not in the program`);
      return [
        ...program.getSyntacticDiagnostics(source),
        ...program.getSemanticDiagnostics(source),
      ];
    },
  };
}

/** One-line rendering of a diagnostic, for assertion messages. */
export function describeDiagnostic(d: ts.Diagnostic): string {
  const line =
    d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
  return `TS${d.code} line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
}

/** 1-based line of a diagnostic in its file. */
export function diagnosticLine(d: ts.Diagnostic): number {
  return d.file && d.start !== undefined
    ? d.file.getLineAndCharacterOfPosition(d.start).line + 1
    : 0;
}

/** The type TypeScript infers for the initializer of `const <name>` in a fixture. */
export function typeOfConst(compiled: CompiledFixtures, fixture: string, name: string): string {
  const source = compiled.program.getSourceFile(compiled.path(fixture));
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === name && node.initializer)
      found = node.initializer;
    ts.forEachChild(node, visit);
  };
  if (source) visit(source);
  if (!found) throw new Error(`No const ${name} in ${fixture}`);
  return compiled.checker.typeToString(compiled.checker.getTypeAtLocation(found));
}
