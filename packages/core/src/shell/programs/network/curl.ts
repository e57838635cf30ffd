import type { TargetAccess } from '../../types.js';
import { addOptionPaths, addPath, defineProgram, type ProgramCall, readOptions } from '../program-module.js';

/** Options whose value is a file curl writes (output, cookie jar, headers, traces) or reads. */
const FILE_OPTIONS = new Map<string, TargetAccess>([
  ...['o', 'output', 'c', 'cookie-jar', 'D', 'dump-header', 'trace', 'trace-ascii', 'stderr'].map(
    (name) => [name, 'write'] as const,
  ),
  ...['T', 'upload-file', 'K', 'config', 'netrc-file'].map((name) => [name, 'read'] as const),
]);

function describeCurl(call: ProgramCall): void {
  const { scanned } = readOptions(call, {
    valued: 'oTdFKbcEDHAeuXmxUwrCYyzQPt',
    longValued: [
      'output',
      'upload-file',
      'data',
      'data-binary',
      'data-ascii',
      'data-raw',
      'data-urlencode',
      'json',
      'form',
      'form-string',
      'config',
      'cookie',
      'cookie-jar',
      'cert',
      'key',
      'cacert',
      'dump-header',
      'trace',
      'trace-ascii',
      'header',
      'user-agent',
      'referer',
      'user',
      'request',
      'max-time',
      'proxy',
      'proxy-user',
      'write-out',
      'range',
      'continue-at',
      'speed-limit',
      'speed-time',
      'time-cond',
      'quote',
      'ftp-port',
      'telnet-option',
      'connect-timeout',
      'retry',
      'retry-delay',
      'retry-max-time',
      'resolve',
      'connect-to',
      'output-dir',
      'netrc-file',
      'pass',
      'oauth2-bearer',
      'url',
      'variable',
      'expand-data',
      'expand-url',
      'limit-rate',
      'max-filesize',
      'interface',
      'dns-servers',
      'socks5',
      'socks5-hostname',
      'preproxy',
      'unix-socket',
      'aws-sigv4',
      'hostpubmd5',
      'pubkey',
      'krb',
      'stderr',
    ],
  });
  addOptionPaths({
    call,
    scanned,
    files: FILE_OPTIONS,
    other: (name, value) => {
      if (/^(d|data|data-binary|data-ascii|json|data-urlencode)$/.test(name)) {
        const at = value.indexOf('@');
        if (at === 0 || (name === 'data-urlencode' && at > 0)) addPath(call, value.slice(at + 1), 'read');
      } else if (name === 'F' || name === 'form') {
        const match = /=[@<]([^;]+)/.exec(value);
        if (match) addPath(call, match[1], 'read');
      } else if ((name === 'b' || name === 'cookie') && !value.includes('=')) addPath(call, value, 'read');
    },
  });
}

/** curl: output files written; uploads, `-d @file`, `-F x=@file`, configs and netrc read. */
export const curl = defineProgram({
  name: 'network/curl',
  programs: ['curl'],
  findings: [],
  ownsArguments: true,
  describe: describeCurl,
});
