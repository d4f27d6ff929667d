import type { Operation } from '../../src/core/Operation.js';

// Operation descriptors shaped like the generated ones (they are data, taken from the specs' shapes).
export const getApp: Operation = {
  id: 'getApp',
  method: 'GET',
  path: '/api/v1/apps/{appId}',
  pathParams: ['appId'],
  response: 'json',
  tier: '1',
  limit: 1000,
};
export const listItems: Operation = {
  id: 'getItems',
  method: 'GET',
  path: '/api/v1/items',
  queryParams: ['resourceType', 'limit', 'spaceId'],
  response: 'json',
  tier: '1',
  limit: 1000,
  paging: 'links',
};
export const listGroups: Operation = {
  id: 'getGroups',
  method: 'GET',
  path: '/api/v1/groups',
  queryParams: ['limit', 'next'],
  response: 'json',
  tier: '1',
  limit: 1000,
  paging: 'cursor',
  cursorParam: 'next',
};
export const createReload: Operation = {
  id: 'createReload',
  method: 'POST',
  path: '/api/v1/reloads',
  body: 'json',
  response: 'json',
  tier: '2',
  limit: 100,
};
export const updateApp: Operation = {
  id: 'updateApp',
  method: 'PUT',
  path: '/api/v1/apps/{appId}',
  pathParams: ['appId'],
  headerParams: { ifMatch: 'If-Match' },
  body: 'json',
  response: 'json',
  tier: '2',
  limit: 100,
};
export const uploadTempContent: Operation = {
  id: 'uploadTempContent',
  method: 'POST',
  path: '/api/v1/temp-contents',
  queryParams: ['filename'],
  body: 'binary',
  response: 'empty',
  tier: '2',
  limit: 100,
};
export const createDataFile: Operation = {
  id: 'uploadDataFile',
  method: 'POST',
  path: '/api/v1/data-files',
  body: 'multipart',
  response: 'json',
  tier: '1',
  limit: 1000,
};
export const downloadTempContent: Operation = {
  id: 'downloadTempContent',
  method: 'GET',
  path: '/api/v1/temp-contents/{id}',
  pathParams: ['id'],
  response: 'binary',
  tier: '1',
  limit: 1000,
};
export const exportApp: Operation = {
  id: 'exportApp',
  method: 'POST',
  path: '/api/v1/apps/{appId}/export',
  pathParams: ['appId'],
  response: 'empty',
  tier: '2',
  limit: 100,
};

/** A tier-2-like operation with a tiny limit, for limiter tests. */
export function limitedOperation(limit: number, tier = '2', id = 'limited'): Operation {
  return { id, method: 'GET', path: '/api/v1/limited', response: 'json', tier, limit };
}
