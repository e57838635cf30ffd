import { defineProgram, raise } from '../program-module.js';

const VALUED = new Set(['-h', '-p', '-a', '-n', '-u', '-s', '--user', '--pass', '-r', '-i', '--tls-cert']);

export const redisCli = defineProgram({
  name: 'database/redis-cli',
  programs: ['redis-cli', 'valkey-cli', 'keydb-cli'],
  findings: [
    {
      id: 'shell.database_destructive',
      summary: 'A database client runs a statement that drops, truncates or empties data.',
    },
  ],
  ownsArguments: true,
  describe(call) {
    let index = 0;
    while (index < call.args.length && call.args[index]!.startsWith('-'))
      index += VALUED.has(call.args[index]!) ? 2 : 1;
    const command = call.args[index]?.toLowerCase();
    if (command === 'flushall' || command === 'flushdb')
      raise(call, 'shell.database_destructive', `redis ${command.toUpperCase()} deletes every key.`);
    // Commands piped in (`echo FLUSHALL | redis-cli`, a here-document).
    else if (call.stdin !== undefined && /^\s*(flushall|flushdb)\b/im.test(call.stdin))
      raise(call, 'shell.database_destructive', 'The commands piped to redis-cli delete every key.');
  },
});
