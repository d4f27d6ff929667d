import type { DataFileUploadResponse } from '@qlikit/rest/services/data-files';
import type { DataFileRow } from '../../storage/DataFilesTable.js';

const EMPTY_STATS = {
  aggregateAppScopedFileSize: 0,
  aggregateFileSize: 0,
  aggregateInternalFileSize: 0,
  directAppScopedFileCount: 0,
  directFileCount: 0,
  directFolderCount: 0,
  directInternalFileCount: 0,
  totalAppScopedFileCount: 0,
  totalFileCount: 0,
  totalFolderCount: 0,
  totalInternalFileCount: 0,
};

/** A data file as the data-files API answers it. */
export function toDataFile(
  row: DataFileRow,
  actions: DataFileUploadResponse['actions'],
): DataFileUploadResponse {
  const slash = row.name.lastIndexOf('/');
  return {
    id: row.id,
    name: row.name,
    baseName: slash < 0 ? row.name : row.name.slice(slash + 1),
    folderPath: slash < 0 ? null : row.name.slice(0, slash),
    folder: false,
    size: row.size,
    ownerId: row.ownerId,
    spaceId: row.spaceId,
    createdDate: row.createdAt,
    modifiedDate: row.updatedAt,
    contentUpdatedDate: row.contentUpdatedAt,
    actions,
    folderStats: EMPTY_STATS,
  };
}
