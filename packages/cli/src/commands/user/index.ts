import { defineCommand, defineGroup } from '../../command/CommandSpec.js';
import { formatRecord } from '../../output/formatRecord.js';
import { collectLimited, LIMIT_OPTION, pageSize } from '../shared/listOptions.js';

const USER_FIELDS = ['id', 'name', 'email', 'status', 'subject', 'tenantId', 'createdAt'] as const;

const userMe = defineCommand({
  name: 'me',
  summary: 'Show the user the credentials belong to',
  examples: ['qlikit user me', 'qlikit user me --json'],
  async run({ out, connection }) {
    const user = await (await (await connection()).rest()).users.getMe();
    out.result(user, () => formatRecord(user, USER_FIELDS));
  },
});

const userLs = defineCommand<{ limit?: number }>({
  name: 'ls',
  summary: 'List the users of the tenant',
  examples: ['qlikit user ls', 'qlikit user ls --limit 500 --json'],
  options: [LIMIT_OPTION],
  async run({ options, out, connection }) {
    const users = (await (await connection()).rest()).users.list({
      limit: pageSize(options.limit),
    });
    out.table(await collectLimited(users, options.limit, out), [
      { header: 'ID', value: (user) => user.id },
      { header: 'NAME', value: (user) => user.name },
      { header: 'EMAIL', value: (user) => user.email },
      { header: 'STATUS', value: (user) => user.status },
    ]);
  },
});

const userGet = defineCommand({
  name: 'get <userId>',
  summary: 'Show a user',
  examples: ['qlikit user get <user-id>'],
  async run({ args, out, connection }) {
    const user = await (await (await connection()).rest()).users.get({ userId: args[0]! });
    out.result(user, () => formatRecord(user, USER_FIELDS));
  },
});

export const userGroup = defineGroup({
  name: 'user',
  summary: 'Users of the tenant',
  examples: ['qlikit user me'],
  commands: [userMe, userLs, userGet],
});
