import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchemas } from './buildSchemas.js';
import { emitOperations, emitSchemaModules, emitSchemas } from './emit.js';
import { loadRestOperations } from './loadRestOperations.js';
import type { SpecDocument } from './SpecDocument.js';

// `npm run generate`: the tenant's operation table and request schemas, from
// ../shared/specs/rest (beside the repo root) and @qlikit/rest's generated services.
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(packageRoot, '..', '..');
const specDir = resolve(repoRoot, '..', 'shared', 'specs', 'rest');
const restServices = join(repoRoot, 'packages', 'rest', 'src', 'generated', 'services');
const outDir = join(packageRoot, 'src', 'generated');

const services = await loadRestOperations(restServices);
const specs = new Map(
  services.map(({ service }) => [
    service,
    JSON.parse(readFileSync(join(specDir, `${service}.json`), 'utf8')) as SpecDocument,
  ]),
);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'schemas'), { recursive: true });
writeFileSync(join(outDir, 'operations.ts'), emitOperations(services, specs));
writeFileSync(join(outDir, 'schemaModules.ts'), emitSchemaModules(services));
for (const { service, operations } of services) {
  const schemas = buildSchemas(service, specs.get(service)!, operations);
  writeFileSync(join(outDir, 'schemas', `${service}.ts`), emitSchemas(service, schemas));
}
// The operations list reads the route table, which imports the generated modules just written.
const { operationsDoc, withServicesTable } = await import('./operationsDoc.js');
writeFileSync(join(packageRoot, 'OPERATIONS.md'), operationsDoc());
const readme = join(packageRoot, 'README.md');
writeFileSync(readme, withServicesTable(readFileSync(readme, 'utf8')));
const count = services.reduce((sum, service) => sum + service.operations.length, 0);
console.log(
  `generated ${count} operations of ${services.length} services into ${outDir} (${readdirSync(join(outDir, 'schemas')).length} schema modules)`,
);
