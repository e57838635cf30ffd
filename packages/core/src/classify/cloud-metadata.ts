import type { Finding } from '../finding.js';

/**
 * Cloud instance metadata endpoints (AWS and ECS, GCP, Azure, Alibaba, OpenStack), also written as
 * a number (`2852039166`, `0xa9fea9fe`, octal) the way SSRF payloads hide them.
 */
const HOSTS =
  '169\\.254\\.169\\.254|169\\.254\\.170\\.2|fd00:ec2::254|metadata\\.google\\.internal|100\\.100\\.100\\.200|2852039166|0xa9fea9fe|0251\\.0376\\.0251\\.0376';
/** Where those endpoints hand out the machine's credentials or tokens. */
const CREDENTIAL_PATHS =
  'security-credentials|service-accounts|identity/oauth2|metadata/identity|v2/credentials';

// A host not glued to more address characters (`1169.254.169.2540` is not one).
const ENDPOINT = new RegExp(`(?:^|[^\\w.:-])(?:${HOSTS})(?![\\w.-])`, 'i');
const CREDENTIALS = new RegExp(`(?:^|[^\\w.:-])(?:${HOSTS})(?![\\w.-])\\S*?(?:${CREDENTIAL_PATHS})`, 'i');
/** Cheap first test: every host above contains one of these. */
const HINT = /169\.254|fd00:ec2|metadata\.google|100\.100\.100|2852039166|0xa9fea9fe|0251\.0376/i;

/**
 * Findings for a command or URL that reaches the cloud metadata service: the service hands the
 * machine's cloud credentials to any process on it, which makes it the first target of SSRF.
 */
export function cloudMetadataFindings(text: string, subject: string): Finding[] {
  if (!HINT.test(text) || !ENDPOINT.test(text)) return [];
  if (CREDENTIALS.test(text))
    return [
      {
        id: 'net.cloud_metadata_credentials',
        message: "asks the cloud metadata service for the machine's credentials",
        subject,
      },
    ];
  return [{ id: 'net.cloud_metadata', message: 'reaches the cloud instance metadata service', subject }];
}
