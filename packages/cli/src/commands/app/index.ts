import { defineGroup } from '../../command/CommandSpec.js';
import { appBuild } from './build.js';
import { appCopy } from './copy.js';
import { appCreate } from './create.js';
import { appData } from './data.js';
import { dimensionLs } from './dimension/ls.js';
import { appEval } from './eval.js';
import { appExport } from './export.js';
import { fieldLs } from './field/ls.js';
import { appGet } from './get.js';
import { appImport } from './import.js';
import { appLs } from './ls.js';
import { upsertDimension, upsertMeasure, upsertVariable } from './masterItems.js';
import { measureLs } from './measure/ls.js';
import { objectData } from './object/data.js';
import { objectLayout } from './object/layout.js';
import { objectLs } from './object/ls.js';
import { objectProperties } from './object/properties.js';
import { publishGroup } from './publish/index.js';
import { appReload } from './reload.js';
import { appRm } from './rm.js';
import { rmItemsCommand } from './rmItems.js';
import { scriptGet } from './script/get.js';
import { scriptSet } from './script/set.js';
import { setItemsCommand } from './setItems.js';
import { appUnbuild } from './unbuild.js';
import { variableLs } from './variable/ls.js';

export const appGroup = defineGroup({
  name: 'app',
  summary: 'Apps: list, create, copy, import/export, reload, evaluate, and keep them as files',
  examples: [
    'qlikit app ls',
    'qlikit app reload --app <app-id>',
    'qlikit app unbuild --app <app-id> --dir out/',
  ],
  commands: [
    appLs,
    appGet,
    appCreate,
    appRm,
    appCopy,
    publishGroup,
    appImport,
    appExport,
    appReload,
    appEval,
    appData,
    appUnbuild,
    appBuild,
    defineGroup({
      name: 'script',
      summary: "Get and set the app's load script",
      examples: ['qlikit app script get --app <app-id>'],
      commands: [scriptGet, scriptSet],
    }),
    defineGroup({
      name: 'field',
      summary: "The app's fields",
      examples: ['qlikit app field ls --app <app-id>'],
      commands: [fieldLs],
    }),
    defineGroup({
      name: 'object',
      summary: "The app's generic objects: list, layout, properties, data, delete",
      examples: ['qlikit app object ls --app <app-id>'],
      commands: [
        objectLs,
        objectLayout,
        objectProperties,
        objectData,
        rmItemsCommand({
          group: 'object',
          argument: 'objectId',
          plural: 'objects',
          destroy: (doc, id) => doc.destroyObject(id),
        }),
      ],
    }),
    defineGroup({
      name: 'dimension',
      summary: 'Master dimensions',
      examples: ['qlikit app dimension ls --app <app-id>'],
      commands: [
        dimensionLs,
        setItemsCommand({ group: 'dimension', plural: 'dimensions', upsert: upsertDimension }),
        rmItemsCommand({
          group: 'dimension',
          argument: 'dimensionId',
          plural: 'dimensions',
          destroy: (doc, id) => doc.destroyDimension(id),
        }),
      ],
    }),
    defineGroup({
      name: 'measure',
      summary: 'Master measures',
      examples: ['qlikit app measure ls --app <app-id>'],
      commands: [
        measureLs,
        setItemsCommand({ group: 'measure', plural: 'measures', upsert: upsertMeasure }),
        rmItemsCommand({
          group: 'measure',
          argument: 'measureId',
          plural: 'measures',
          destroy: (doc, id) => doc.destroyMeasure(id),
        }),
      ],
    }),
    defineGroup({
      name: 'variable',
      summary: 'Variables',
      examples: ['qlikit app variable ls --app <app-id>'],
      commands: [
        variableLs,
        setItemsCommand({ group: 'variable', plural: 'variables', upsert: upsertVariable }),
        rmItemsCommand({
          group: 'variable',
          argument: 'variableName',
          plural: 'variables',
          destroy: (doc, id) => doc.destroyVariableByName(id),
        }),
      ],
    }),
  ],
});
