import type { NxApp, NxAttributes } from '@qlikit/rest/services/apps';
import type { AppPrivilege } from '../../access/AccessPolicy.js';
import type { AppRow } from '../../storage/AppsTable.js';

/** App attributes as the apps API and app items show them (Qlik also sends `spaceId` here). */
export type AppAttributes = NxAttributes & { spaceId?: string; _resourcetype: 'app' };

/** The attributes of an app. */
export function appAttributes(app: AppRow, ownerSubject: string | undefined): AppAttributes {
  const attributes: AppAttributes = {
    id: app.id,
    name: app.name,
    description: app.description,
    thumbnail: '',
    lastReloadTime: app.lastReloadTime ?? '',
    createdDate: app.createdAt,
    modifiedDate: app.updatedAt,
    owner: ownerSubject ?? '',
    ownerId: app.ownerId,
    dynamicColor: '',
    published: app.published,
    publishTime: app.publishedAt ?? '',
    custom: {},
    hasSectionAccess: false,
    encrypted: false,
    originAppId: app.originAppId ?? '',
    isDirectQueryMode: false,
    usage: app.usage as NxAttributes['usage'],
    _resourcetype: 'app',
  };
  if (app.spaceId) attributes.spaceId = app.spaceId;
  return attributes;
}

const CREATABLE = [
  'sheet',
  'bookmark',
  'story',
  'dimension',
  'measure',
  'masterobject',
  'variable',
];

/** An app as the apps API answers it: attributes, the caller's privileges, and what it may create. */
export function toNxApp(
  app: AppRow,
  ownerSubject: string | undefined,
  privileges: readonly AppPrivilege[],
): NxApp {
  const canCreate = privileges.includes('update');
  return {
    attributes: appAttributes(app, ownerSubject),
    privileges: [...privileges],
    create: CREATABLE.map((resource) => ({ resource, canCreate })),
  };
}
