import { describe, expect, it } from 'vitest';
import { cloudMetadataFindings } from './cloud-metadata.js';

const ids = (text: string) => cloudMetadataFindings(text, 'command').map((finding) => finding.id);

describe('cloudMetadataFindings', () => {
  it('tells the credential endpoints of every provider apart from the rest of the service', () => {
    for (const text of [
      'curl http://169.254.169.254/latest/meta-data/iam/security-credentials/role',
      'wget -qO- http://[fd00:ec2::254]/latest/meta-data/iam/security-credentials/',
      'curl $AWS_ENDPOINT http://169.254.170.2/v2/credentials/abc',
      'curl -H Metadata-Flavor:Google http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
      'curl -H Metadata:true "http://169.254.169.254/metadata/identity/oauth2/token?resource=x"',
      'curl http://100.100.100.200/latest/meta-data/ram/security-credentials/r',
      'curl http://0xa9fea9fe/latest/meta-data/iam/security-credentials/',
    ])
      expect(ids(text), text).toEqual(['net.cloud_metadata_credentials']);
    expect(ids('curl http://169.254.169.254/latest/meta-data/instance-id')).toEqual(['net.cloud_metadata']);
    expect(ids('curl http://2852039166/latest/')).toEqual(['net.cloud_metadata']);
  });

  it('stays quiet on neighbouring addresses and numbers', () => {
    for (const text of [
      'curl http://169.254.169.25/',
      'ping 169.254.170.20',
      'echo 1169.254.169.2540',
      'curl http://10.0.0.1/security-credentials',
      'git log --grep 28520391660',
    ])
      expect(ids(text), text).toEqual([]);
  });
});
