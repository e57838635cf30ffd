import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toAuditEntry, writeAuditRecord } from '../../audit/write-audit-record.js';
import { failureDecision } from '../../decide.js';
import { bash } from '../../test-helpers.js';
import { redactSecrets } from '../detect-secrets.js';
import { loadDetectorRules } from '../load-detector-rules.js';
import { hasNestedUnboundedQuantifier } from '../regex-safety.js';
import { scanSecrets } from './scan-secrets.js';
import { WARDEN_SECRET_RULES } from './warden-secret-rules.js';

beforeAll(async () => {
  await loadDetectorRules();
});

/** The secrets a text holds, as the text they cover. */
const found = (text: string) => scanSecrets({ text }).map((match) => text.slice(match.start, match.end));
const ids = (text: string) => scanSecrets({ text }).map((match) => match.id);

describe('secret.uri_credentials', () => {
  it('finds the password of a connection URI whatever the scheme, and only the password', () => {
    const cases: Array<[string, string]> = [
      [
        'DATABASE_URL=postgres://admin:Sup3rS3cretPassw0rd@db.internal.example.com:5432/prod',
        'Sup3rS3cretPassw0rd',
      ],
      ["uri = 'mongodb+srv://appUser:q8WfT3zLm2Xv@cluster0.ab1cd.mongodb.net/shop'", 'q8WfT3zLm2Xv'],
      ['REDIS_URL=redis://:hG7s9Kd2Qx4Pz1@cache.prod:6379/0', 'hG7s9Kd2Qx4Pz1'],
      ['broker = "amqp://celery:J4nu4ry!Blue7@rabbit:5672/vhost"', 'J4nu4ry!Blue7'],
      ['jdbc:mysql://svc_orders:Or8ers_2024_Qz@mysql-primary:3306/orders', 'Or8ers_2024_Qz'],
      ['git remote add origin https://deploy-bot:Xk29fLq7Rt5Wp@git.corp.internal/api.git', 'Xk29fLq7Rt5Wp'],
      ['ftp://backup:B4ckUp_S3rv3r_88@ftp.acme-corp.net/db.tar.gz', 'B4ckUp_S3rv3r_88'],
      ['postgresql://billing:Vb7%23mK2qL9xZ@10.4.2.17/billing', 'Vb7%23mK2qL9xZ'],
    ];
    for (const [text, secret] of cases) {
      expect(ids(text), text).toContain('secret.uri_credentials');
      expect(found(text), text).toContain(secret);
    }
  });

  it('stays quiet on stand-ins, references, masks and URIs without a password', () => {
    for (const text of [
      'DATABASE_URL=postgres://user:password@localhost:5432/mydb',
      'postgresql://postgres:postgres@localhost:5432/test',
      'postgresql://postgres:mysecretpassword@localhost:5432/postgres',
      'mongodb://myUser:myPassword@localhost:27017/?authSource=admin',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${VAR}` reference is the case under test
      'MONGO_URI=mongodb://${MONGO_USER}:${MONGO_PASSWORD}@mongo:27017/app',
      'export DATABASE_URL=postgres://$PGUSER:$PGPASSWORD@$PGHOST/db',
      'mysql://<user>:<password>@<host>:3306/<db>',
      'redis://default:****@redis-12345.cloud.redislabs.com:12345',
      'amqp://guest:guest@localhost:5672/',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${VAR}` reference is the case under test
      'https://x-access-token:${GITHUB_TOKEN}@github.com/org/repo.git',
      'POSTGRES_URL=postgres://app:%s@%s:%d/%s',
      'git clone ssh://git@gitlab.com:22/acme/widgets.git',
      'See http://localhost:3000/api/users?id=42&sort=name:asc',
    ])
      expect(ids(text), text).toEqual([]);
  });
});

describe('secret.command_line_password', () => {
  it('finds passwords handed to clients on the command line', () => {
    const cases: Array<[string, string]> = [
      ['mysql -u root -pHunter2Secret99 -h prod-db', 'Hunter2Secret99'],
      ["mysqldump -u backup -p'Bk9#xLm2vQ' --all-databases", 'Bk9#xLm2vQ'],
      ["sshpass -p 'Deploy!2024xR' ssh deploy@host uptime", 'Deploy!2024xR'],
      ['curl -u jenkins:Jk8s7Tq2Lm4x https://ci.acme-corp.io/job/x', 'Jk8s7Tq2Lm4x'],
      ['redis-cli -h cache.prod -p 6379 -a Rd5mN8qW2zXc ping', 'Rd5mN8qW2zXc'],
      ['htpasswd -bc /etc/nginx/.htpasswd admin Ng1nx!Adm1n77', 'Ng1nx!Adm1n77'],
      ['docker login -u ci-bot -p Dk7xQ2wL9mZv registry.acme-corp.io', 'Dk7xQ2wL9mZv'],
      ['sqlcmd -S tcp:sql.prod -U sa -P Sq1S3rv3r!Pw -Q "SELECT 1"', 'Sq1S3rv3r!Pw'],
      ['wget --user=build --password=Wg3tB1ld_99x https://artifacts/app.tgz', 'Wg3tB1ld_99x'],
      ['keytool -importkeystore -srcstorepass Ks7!tore2024 -destkeystore out.jks', 'Ks7!tore2024'],
      ['openssl pkcs12 -export -out b.p12 -passout pass:Pk12xW9qLm', 'Pk12xW9qLm'],
      ['ldapsearch -x -D "cn=admin" -w Ld4pAdm!n55 "(uid=jdoe)"', 'Ld4pAdm!n55'],
      ['net use \\\\fs\\share /user:CORP\\svc_backup Bkp!2024Qx', 'Bkp!2024Qx'],
      ['mariadb -h 10.1.1.4 -u repl -pR3pl!ca2024 -e "SHOW SLAVE STATUS"', 'R3pl!ca2024'],
    ];
    for (const [text, secret] of cases) {
      expect(ids(text), text).toContain('secret.command_line_password');
      expect(found(text), text).toContain(secret);
    }
  });

  it('stays quiet on prompts for a password, references and other meanings of -p', () => {
    for (const text of [
      'mysql -u root -p -h localhost mydb',
      'mysql -u root -p"$MYSQL_ROOT_PASSWORD" -e "CREATE DATABASE app"',
      'mysql -uroot -proot',
      'docker run -d -p 8080:80 nginx:1.25 && mkdir -p build && ssh -p 2222 deploy@bastion',
      'echo "$TOKEN" | docker login -u ci-bot --password-stdin registry.acme.io',
      'curl -u "$JIRA_USER:$JIRA_TOKEN" https://jira.acme.io/rest/api/2/myself',
      'sshpass -p "$SSH_PASS" ssh deploy@host uptime',
      'redis-cli -h 127.0.0.1 -p 6379 -a <password> ping',
      'psql --password -U postgres -h localhost',
      '  --password=PASSWORD   Password for the server',
      'mongodump --username=backup --password="$MONGO_PW" --out /backups',
      'htpasswd -nbB admin "$ADMIN_PASSWORD"',
    ])
      expect(ids(text), text).toEqual([]);
  });
});

describe('secret.password_assignment', () => {
  it('finds generated-looking passwords assigned in env, YAML, JSON, INI, properties and code', () => {
    const cases: Array<[string, string]> = [
      ['DATABASE_PASSWORD: "x7#Kp!2mQ9$vLr4w"', 'x7#Kp!2mQ9$vLr4w'],
      ['DB_PASSWORD=9v$Lq2!xT7#mKw', '9v$Lq2!xT7#mKw'],
      ['{ "username": "svc", "password": "f8&Gk2@pLq9!zX" }', 'f8&Gk2@pLq9!zX'],
      ['[database]\npassword = Hq7^rT2#xW9p\n', 'Hq7^rT2#xW9p'],
      ['spring.datasource.password=Sp@ring2024!Qx7', 'Sp@ring2024!Qx7'],
      ["    'password' => 'Lv8!mQ2#zR5t',", 'Lv8!mQ2#zR5t'],
      ['Server=tcp:sql,1433;User ID=app;Password=Az#9mQ2!xL7v;Encrypt=True;', 'Az#9mQ2!xL7v'],
      ['PGPASSWORD=Zq7rW2kP9mXs psql -h warehouse -U analyst', 'Zq7rW2kP9mXs'],
      ['machine api.acme-corp.io login deploy password Nr7c!9xQ2mLw', 'Nr7c!9xQ2mLw'],
      ['<password>Pg!9xT4#kL2m</password>', 'Pg!9xT4#kL2m'],
    ];
    for (const [text, secret] of cases) {
      expect(ids(text), text).toContain('secret.password_assignment');
      expect(found(text), text).toContain(secret);
    }
  });

  it('stays quiet on references, stand-ins, masks, hashes, paths and code', () => {
    for (const text of [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a `${VAR}` reference is the case under test
      'DATABASE_PASSWORD: ${DB_PASSWORD}',
      'password: "{{ vault_db_password }}"',
      'DB_PASSWORD=changeme',
      '"password": "<your-password-here>"',
      'password = os.environ["DB_PASSWORD"]',
      'const password = process.env.DB_PASSWORD ?? "";',
      'password: ********',
      'PWD=/home/runner/work/app/app',
      '"password": "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$SGFzaGhhc2g"',
      'DB_PASSWORD_FILE=/run/secrets/db_password',
      "const user = { email: 'test@example.com', password: 'P@ssw0rd!' };",
      'Password=Password123!',
      'password: "test-password-123"',
      'secret = "my-secret"',
      'label_password = "Please enter your password"',
      'password: z.string().min(12),',
      'password: hashPassword(input.password),',
      'snowflake.password=\njdbc.snowflake.url=',
      'password: ENC[AES256_GCM,data:Tr7o=,iv:1Z2v=,tag:Qx9=,type:str]',
    ])
      expect(
        ids(text).filter((id) => id === 'secret.password_assignment'),
        text,
      ).toEqual([]);
  });
});

describe('secret.basic_auth and secret.chat_webhook', () => {
  it('finds a Basic header whose decoded pair holds a real password, not a stand-in', () => {
    const header = (pair: string) => `Authorization: Basic ${Buffer.from(pair).toString('base64')}`;
    expect(ids(header('admin:Sup3rS3cret!'))).toEqual(['secret.basic_auth']);
    expect(ids(`curl -H "${header('ci:Jk8s7Tq2Lm4x')}" https://ci.acme-corp.io`)).toContain(
      'secret.basic_auth',
    );
    expect(ids(header('user:password'))).toEqual([]);
    expect(ids('WWW-Authenticate: Basic realm="Restricted"')).toEqual([]);
    expect(ids('pass Basic base64(user:password) in the header')).toEqual([]);
  });

  it('finds Discord and Teams webhook URLs, not their documentation', () => {
    const discord = `https://discord.com/api/webhooks/1187654321098765432/${'Zq8tLx2RkP9vWm4Ys7Nb3Jh6Gf1Dc5Aq0Ee8Ru2T'}${'x7Kq2LmZ9vRt5Wp3Nb8Dc6YH'}`;
    expect(ids(`DISCORD_WEBHOOK=${discord}`)).toEqual(['secret.chat_webhook']);
    expect(ids('See https://discord.com/developers/docs/resources/webhook')).toEqual([]);
  });
});

describe("Warden's password rules", () => {
  it('leave the rest of the line readable when redacted, as the audit log stores it', () => {
    expect(redactSecrets('DATABASE_URL=postgres://admin:Sup3rS3cretPassw0rd@db.internal:5432/prod')).toBe(
      'DATABASE_URL=postgres://admin:[REDACTED:secret.uri_credentials]@db.internal:5432/prod',
    );
    expect(redactSecrets("mysql -u root -p'Bk9#xLm2vQ' -h prod-db")).toBe(
      "mysql -u root -p'[REDACTED:secret.command_line_password]' -h prod-db",
    );
    expect(redactSecrets('DATABASE_PASSWORD: "x7#Kp!2mQ9$vLr4w"')).toBe(
      'DATABASE_PASSWORD: "[REDACTED:secret.password_assignment]"',
    );
  });

  it('never write the password to the audit log', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'warden-secret-rules-'));
    try {
      const command = 'PGPASSWORD=Zq7rW2kP9mXs psql -h warehouse -U analyst && mysql -pHunter2Secret99';
      const decision = failureDecision({ error: new Error('x'), failure: 'closed' });
      const anchor = writeAuditRecord({
        auditDir: dir,
        entry: toAuditEntry({
          event: bash(command),
          decision: { ...decision, actions: [{ kind: 'shell.exec', resources: { command } }] },
        }),
      });
      const text = readFileSync(anchor.file, 'utf8');
      expect(text).not.toContain('Zq7rW2kP9mXs');
      expect(text).not.toContain('Hunter2Secret99');
      expect(text).toContain('[REDACTED:secret.command_line_password]');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are safe from catastrophic backtracking and fast on hostile input', () => {
    const passwordRules = WARDEN_SECRET_RULES.filter((rule) => rule.accept !== undefined);
    expect(passwordRules.length).toBeGreaterThan(5);
    for (const rule of passwordRules)
      expect(hasNestedUnboundedQuantifier(rule.pattern.source), rule.id).toBe(false);
    const hostile = [
      `mysql ${'-p '.repeat(20_000)}`,
      `postgres://${'a:'.repeat(20_000)}`,
      `password=${'x'.repeat(100_000)}`,
      `${'curl -u a:'.repeat(10_000)}`,
    ];
    for (const text of hostile) expect(() => scanSecrets({ text })).not.toThrow();
    // Bounded, not instant: 100 KB of repeated `curl -u a:` takes about a second on this machine,
    // several under a loaded CI run.
  }, 60_000);
});
