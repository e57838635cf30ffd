import { addPath, defineProgram, type ProgramCall, readOptions } from '../program-module.js';

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
  for (const [name, values] of scanned.allValues) {
    for (const value of values) {
      if (
        name === 'o' ||
        name === 'output' ||
        name === 'c' ||
        name === 'cookie-jar' ||
        name === 'D' ||
        name === 'dump-header' ||
        name === 'trace' ||
        name === 'trace-ascii' ||
        name === 'stderr'
      )
        addPath(call, value, 'write');
      else if (
        name === 'T' ||
        name === 'upload-file' ||
        name === 'K' ||
        name === 'config' ||
        name === 'netrc-file'
      )
        addPath(call, value, 'read');
      else if (/^(d|data|data-binary|data-ascii|json|data-urlencode)$/.test(name)) {
        const at = value.indexOf('@');
        if (at === 0 || (name === 'data-urlencode' && at > 0)) addPath(call, value.slice(at + 1), 'read');
      } else if (name === 'F' || name === 'form') {
        const match = /=[@<]([^;]+)/.exec(value);
        if (match) addPath(call, match[1], 'read');
      } else if ((name === 'b' || name === 'cookie') && !value.includes('=')) addPath(call, value, 'read');
    }
  }
}

/** curl: output files written; uploads, `-d @file`, `-F x=@file`, configs and netrc read. */
export const curl = defineProgram({
  name: 'network/curl',
  programs: ['curl'],
  findings: [],
  ownsArguments: true,
  describe: describeCurl,
});
