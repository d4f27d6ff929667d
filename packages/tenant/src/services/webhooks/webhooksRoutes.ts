import { randomUUID } from 'node:crypto';
import type { Delivery, WebhookResponse } from '@qlikit/rest/services/webhooks';
import type { Principal } from '../../auth/Principal.js';
import { parseEventFilter } from '../../events/eventFilter.js';
import { EVENT_TYPES } from '../../events/TenantEvents.js';
import type { WebhookDispatcher } from '../../jobs/WebhookDispatcher.js';
import { ApiError } from '../../server/ApiError.js';
import type { AuthenticatedCall, RouteTable } from '../../routes/RouteTable.js';
import type { DeliveryRow, WebhookRow } from '../../storage/WebhooksTable.js';
import { cursorLinks } from '../links.js';
import { pageArray } from '../pageArray.js';
import type { TenantContext } from '../TenantContext.js';

type Editable = {
  name: string;
  description: string;
  url: string;
  eventTypes: string[];
  filter: string;
  secret: string;
  headers: Record<string, string>;
  enabled: boolean;
};

/** The webhooks service: register webhooks for the tenant's events, inspect and resend deliveries. */
export function webhooksRoutes(
  routes: RouteTable,
  context: TenantContext,
  dispatcher: WebhookDispatcher,
): void {
  const { storage } = context;

  const show = (hook: WebhookRow): WebhookResponse => ({
    id: hook.id,
    name: hook.name,
    description: hook.description,
    url: hook.url,
    eventTypes: [...hook.eventTypes],
    level: hook.level,
    filter: hook.filter,
    headers: { ...hook.headers },
    enabled: hook.enabled,
    origin: hook.origin,
    ownerId: hook.ownerId,
    secretKeyAdded: hook.secret !== '',
    createdAt: hook.createdAt,
    updatedAt: hook.updatedAt,
    createdByUserId: hook.createdBy,
    updatedByUserId: hook.updatedBy,
  });
  const showDelivery = (delivery: DeliveryRow): Delivery => ({
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventType: delivery.eventType,
    status: delivery.status === 'success' ? 'success' : 'fail',
    statusMessage: delivery.statusMessage,
    triggeredAt: delivery.triggeredAt,
    request: {
      url: delivery.request.url,
      headers: delivery.request.headers,
      body: delivery.request.body as Record<string, unknown>,
    },
    ...(delivery.response
      ? {
          response: {
            statusCode: delivery.response.statusCode ?? 0,
            headers: delivery.response.headers ?? {},
            body: delivery.response.body ?? '',
          },
        }
      : {}),
  });
  /** A webhook the caller may manage: its own, or any for an admin. */
  const manageable = (id: string, principal: Principal): WebhookRow => {
    const hook = storage.webhooks.get(id);
    if (!hook || (!principal.isAdmin && hook.ownerId !== principal.user.id))
      throw ApiError.notFound(`Webhook ${id} not found`, 'WEBHOOKS-404');
    return hook;
  };
  const check = (fields: Partial<Editable>): void => {
    if (fields.url !== undefined && !/^https?:\/\/[^\s]+$/i.test(fields.url))
      throw ApiError.badRequest(`url must be an http(s) URL, not ${fields.url}`, 'WEBHOOKS-400');
    const unknown = (fields.eventTypes ?? []).filter((type) => !(type in EVENT_TYPES));
    if (unknown.length > 0)
      throw ApiError.badRequest(`Unknown event types: ${unknown.join(', ')}`, 'WEBHOOKS-400');
    if (fields.secret && (fields.secret.length < 32 || fields.secret.length > 64))
      throw ApiError.badRequest('secret must be 32 to 64 characters', 'WEBHOOKS-400');
    try {
      parseEventFilter(fields.filter ?? '');
    } catch (error) {
      throw ApiError.badRequest((error as Error).message, 'WEBHOOKS-400');
    }
  };

  routes.add('webhooks.listWebhooksEventTypes', () => ({
    data: Object.entries(EVENT_TYPES).map(([name, title]) => ({
      name,
      title,
      description: title,
      levels: ['tenant', 'user'],
    })),
  }));

  routes.add('webhooks.listWebhooks', (args, call) => {
    const types = args.eventTypes?.split(',');
    const hooks = storage.webhooks
      .all()
      .filter((hook) => call.principal.isAdmin || hook.ownerId === call.principal.user.id)
      .filter((hook) => args.enabled === undefined || hook.enabled === args.enabled)
      .filter((hook) => !args.level || hook.level === args.level)
      .filter((hook) => !args.ownerId || hook.ownerId === args.ownerId)
      .filter((hook) => !args.createdByUserId || hook.createdBy === args.createdByUserId)
      .filter(
        (hook) =>
          !args.name ||
          hook.name.toLowerCase().includes(args.name.toLowerCase().replace(/\*/g, '')),
      )
      .filter((hook) => !types || types.some((type) => hook.eventTypes.includes(type)));
    const page = pageArray(hooks, args.limit ?? 20, args.next, args.prev);
    return { data: page.items.map(show), links: cursorLinks(call, page) };
  });

  routes.add('webhooks.createWebhook', ({ body }, call) => {
    const fields = {
      name: body.name,
      description: body.description ?? '',
      url: body.url,
      eventTypes: body.eventTypes ?? [],
      filter: body.filter ?? '',
      secret: body.secret ?? '',
      headers: body.headers ?? {},
      enabled: body.enabled ?? false,
    };
    check(fields);
    const level = body.level ?? 'tenant';
    if (level === 'tenant' && !call.principal.isAdmin)
      throw ApiError.forbidden(
        'Tenant-level webhooks need a TenantAdmin; create a user-level one',
        'WEBHOOKS-403',
      );
    const hook = storage.webhooks.create({
      id: randomUUID(),
      ...fields,
      level,
      origin: body.origin ?? 'api',
      ownerId: call.principal.user.id,
      createdBy: call.principal.user.id,
      updatedBy: call.principal.user.id,
    });
    return call.reply.code(201).send(show(hook));
  });

  routes.add('webhooks.getWebhook', ({ id }, call) => show(manageable(id, call.principal)));

  const replace = (id: string, fields: Partial<Editable>, call: AuthenticatedCall) => {
    manageable(id, call.principal);
    check(fields);
    return show(storage.webhooks.update(id, { ...fields, updatedBy: call.principal.user.id })!);
  };

  routes.add('webhooks.updateWebhook', ({ id, body }, call) =>
    replace(
      id,
      {
        name: body.name,
        description: body.description ?? '',
        url: body.url,
        eventTypes: body.eventTypes ?? [],
        filter: body.filter ?? '',
        ...(body.secret !== undefined ? { secret: body.secret } : {}),
        headers: body.headers ?? {},
        enabled: body.enabled ?? false,
      },
      call,
    ),
  );

  routes.add('webhooks.patchWebhook', ({ id, body }, call) => {
    const fields: Record<string, unknown> = {};
    for (const patch of body ?? []) {
      const field = patch.path.slice(1);
      if (field === 'encryptedHeaders' || field === 'enableCloudEventDelivery')
        throw ApiError.badRequest(`Patching ${patch.path} is not supported`, 'WEBHOOKS-400');
      fields[field] =
        patch.op === 'remove'
          ? field === 'headers'
            ? {}
            : field === 'eventTypes'
              ? []
              : ''
          : patch.value;
    }
    replace(id, fields as Partial<Editable>, call);
    return undefined;
  });

  routes.add('webhooks.deleteWebhook', ({ id }, call) => {
    manageable(id, call.principal);
    storage.webhooks.delete(id);
    return undefined;
  });

  routes.add('webhooks.listWebhookDeliveries', (args, call) => {
    manageable(args.id, call.principal);
    const deliveries = storage.webhooks
      .deliveries(args.id)
      .filter((delivery) => !args.eventType || delivery.eventType === args.eventType)
      .filter((delivery) => !args.status || delivery.status === args.status);
    if (args.sort?.replace(/^[+-]/, '') === 'triggeredAt' && !args.sort.startsWith('-'))
      deliveries.reverse();
    const page = pageArray(deliveries, args.limit ?? 20, args.next, args.prev);
    return { data: page.items.map(showDelivery), links: cursorLinks(call, page) };
  });

  routes.add('webhooks.getWebhookDelivery', ({ id, deliveryId }, call) => {
    manageable(id, call.principal);
    const delivery = storage.webhooks.delivery(id, deliveryId);
    if (!delivery || delivery.status === 'pending')
      throw ApiError.notFound(`Delivery ${deliveryId} not found`, 'WEBHOOKS-404');
    return showDelivery(delivery);
  });

  routes.add('webhooks.resendWebhookDelivery', ({ id, deliveryId }, call) => {
    manageable(id, call.principal);
    const delivery = storage.webhooks.delivery(id, deliveryId);
    if (!delivery) throw ApiError.notFound(`Delivery ${deliveryId} not found`, 'WEBHOOKS-404');
    const again = dispatcher.resend(delivery);
    return call.reply
      .code(201)
      .send({ ...showDelivery({ ...again, status: 'fail' }), statusMessage: 'queued' });
  });
}
