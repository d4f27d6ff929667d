import { ApiError } from '../../server/ApiError.js';
import type { ItemResource } from '../items/itemsRoutes.js';
import type { TenantContext } from '../TenantContext.js';
import type { DataFileService } from './DataFileService.js';

/** Data files as the items service lists them (`resourceType: dataset`, sub-type `qix-df`). */
export function dataFileItems(context: TenantContext, files: DataFileService): ItemResource {
  const { storage } = context;
  return {
    type: 'dataset',
    visibleWith: 'readData',
    view: (principal, item) => {
      const row = storage.dataFiles.get(item.resourceId);
      if (!row) return { actions: [], attributes: {} };
      return {
        actions: files.actions(principal, row),
        attributes: { size: row.size, name: row.name, contentUpdatedDate: row.contentUpdatedAt },
      };
    },
    update: async (principal, item, changes) => {
      if (changes.description !== undefined && changes.name === undefined)
        throw ApiError.badRequest(
          'Data files have no description; rename them with name',
          'ITEMS-400',
        );
      if (changes.name !== undefined)
        await files.update(principal, item.resourceId, { name: changes.name });
    },
    delete: (principal, item) => files.delete(principal, item.resourceId),
  };
}
