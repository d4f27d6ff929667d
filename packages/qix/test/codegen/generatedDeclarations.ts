import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Folder of the committed generated files. */
export const generatedDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'src',
  'generated',
);

/** Reads one committed generated file. */
export function readGenerated(name: string): string {
  return readFileSync(join(generatedDir, name), 'utf8');
}

function parse(name: string): ts.SourceFile {
  return ts.createSourceFile(name, readGenerated(name), ts.ScriptTarget.ES2022, true);
}

function isExported(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/** Names of the exported interfaces and type aliases of a generated file. */
export function exportedTypeNames(name: string): string[] {
  return parse(name)
    .statements.filter(
      (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && isExported(s),
    )
    .map((s) => (s as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text);
}

/** The engine class interfaces of classes.ts (those extending QixObjectBase) → their method names. */
export function classMethods(): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const statement of parse('classes.ts').statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const base = statement.heritageClauses?.[0]?.types[0]?.expression.getText();
    if (base !== 'QixObjectBase') continue;
    const methods = statement.members.filter(ts.isMethodSignature).map((m) => m.name.getText());
    result.set(statement.name.text, new Set(methods));
  }
  return result;
}

function normalizeSignature(text: string): string {
  return text
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/,? \)/g, ')')
    .replace(/;? \}/g, ' }')
    .trim();
}

/** The declared call signatures of `Class.method` in classes.ts, whitespace-normalised, in declaration order. */
export function methodSignatures(className: string, methodName: string): string[] {
  const declaration = parse('classes.ts').statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === className,
  );
  return (declaration?.members ?? [])
    .filter(
      (m): m is ts.MethodSignature => ts.isMethodSignature(m) && m.name.getText() === methodName,
    )
    .map((m) => normalizeSignature(m.getText()));
}
