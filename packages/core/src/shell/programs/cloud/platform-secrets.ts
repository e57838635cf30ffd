import { CREDENTIAL_PRINT } from '../hosting/gh.js';
import { type ProgramCall, raise, words } from '../program-module.js';

/** Nouns of a platform's stored secrets and environment (`fly secrets`, `netlify env`, `railway variables`). */
const SECRET_NOUN = /^(secrets?|env|envs|environment|variables?|vars|config)$/;
/** Verbs that bring their values (or their names and digests) back to the caller. */
const READ_VERB = /^(list|ls|get|show|pull|download|export|access|reveal|print|read|view|values?|dump|cat)$/;
/** What sets or removes a value rather than reading it (`heroku config:set`). */
const WRITE_VERB = /^(set|unset|add|put|rm|remove|delete|edit|import|push|create|update)$/;
/** Nouns that print values on their own, with no verb (`railway variables`, `heroku config`). */
const BARE_READERS: Readonly<Record<string, RegExp>> = {
  railway: /^(variables?|vars)$/,
  heroku: /^config$/,
  dokku: /^config$/,
  cf: /^env$/,
};

/**
 * A platform CLI reading the secrets or environment variables it stores for an app (`fly secrets
 * list`, `heroku config:get X`, `vercel env pull`, `netlify env:list`, `supabase secrets list`,
 * `wrangler secret list`, `firebase functions:config:get`): the values (or enough of them) land in
 * the agent's context, so it is a credential print. Writing a secret (`set`, `put`, `add`) is not.
 */
export function describePlatformSecretRead(
  call: ProgramCall,
  options: { nouns?: RegExp; verbs?: RegExp } = {},
): boolean {
  const nouns = options.nouns ?? SECRET_NOUN;
  const verbs = options.verbs ?? READ_VERB;
  // `heroku config:get`, `firebase functions:config:get`: the parts of a colon word are words too.
  const parts = words(call.args)
    .slice(0, 4)
    .flatMap((word) => word.split(':'));
  let reads = false;
  for (let index = 0; index < parts.length && !reads; index++) {
    if (!nouns.test(parts[index]!)) continue;
    const next = parts[index + 1];
    if (next !== undefined && verbs.test(next)) reads = true;
    else if (index === 0 && !WRITE_VERB.test(next ?? '') && BARE_READERS[call.program]?.test(parts[index]!))
      reads = !call.args.some((arg) => /^--?(set|unset|remove|delete)(=|$)/.test(arg));
  }
  // `vercel pull` writes the project's environment variables into .vercel/.env.*.local.
  if (call.program === 'vercel' && parts[0] === 'pull') reads = true;
  if (reads)
    raise(
      call,
      CREDENTIAL_PRINT.id,
      "This reads an app's stored secrets or environment variables from the platform into the session.",
    );
  return reads;
}
