import { ApiError } from '../../server/ApiError.js';
import type { RouteTable } from '../../routes/RouteTable.js';
import type { TenantContext } from '../TenantContext.js';
import type { SessionService } from './SessionService.js';

/**
 * Browser sign-in and CSRF: `POST /login/jwt-session` trades a JWT this
 * tenant signed (an API key, or an OAuth access token) for a session cookie,
 * and `GET /api/v1/csrf-token` hands a session its CSRF token.
 */
export function sessionRoutes(
  routes: RouteTable,
  context: TenantContext,
  sessions: SessionService,
): void {
  routes.addPublic('login.jwtSessionLogin', (_args, call) => {
    const authorization = call.request.headers.authorization;
    if (!authorization)
      throw ApiError.unauthorized('Send the JWT as Authorization: Bearer <token>');
    const principal = context.authenticator.authenticate({ authorization, needsCsrf: false });
    void call.reply.header(
      'set-cookie',
      sessions.start(principal, call.request.protocol === 'https'),
    );
    return call.reply.code(200).send({});
  });

  routes.add('csrf-token.getCsrfToken', (_args, call) => {
    const token = sessions.csrfToken(call.principal);
    if (!token)
      throw new ApiError(
        400,
        'CSRF-TOKEN-4',
        'CSRF token not supported for given authentication type',
        'Only browser sessions carry a CSRF token',
      );
    return call.reply.code(204).header('qlik-csrf-token', token).send();
  });
}
