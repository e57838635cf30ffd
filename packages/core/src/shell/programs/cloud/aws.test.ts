import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('cloud/aws', () => {
  it('raises shell.credential_print for aws configure get aws_secret_access_key', () => {
    const result = describeLine('aws configure get aws_secret_access_key');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for aws secretsmanager get-secret-value --secret-id prod/db', () => {
    const result = describeLine('aws secretsmanager get-secret-value --secret-id prod/db');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.credential_print for aws ssm get-parameter --name /app/key --with-decryption', () => {
    const result = describeLine('aws ssm get-parameter --name /app/key --with-decryption');
    expect(result.findings).toEqual(['shell.credential_print']);
  });
  it('raises shell.remote_exec for aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript', () => {
    const result = describeLine('aws ssm send-command --instance-ids i-1 --document-name AWS-RunShellScript');
    expect(result.findings).toEqual(['shell.remote_exec']);
  });
  it('raises nothing for aws configure get region', () => {
    const result = describeLine('aws configure get region');
    expect(result.findings).toEqual([]);
  });
  it('raises nothing for aws s3 ls', () => {
    const result = describeLine('aws s3 ls');
    expect(result.findings).toEqual([]);
  });
});

describe('cloud/aws through the engine', () => {
  itDecides([
    { command: 'aws s3 ls', effect: 'allow' },
    {
      command:
        'aws iam attach-user-policy --user-name agent --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    {
      command:
        'aws iam attach-role-policy --role-name ci --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      effect: 'allow',
    },
    {
      command:
        'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    {
      command:
        'aws ec2 authorize-security-group-ingress --group-id sg-1 --protocol tcp --port 5432 --cidr 10.0.0.0/16',
      effect: 'allow',
    },
    {
      command: 'aws s3api put-bucket-acl --bucket prod-data --acl public-read',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    { command: 'aws s3api put-bucket-acl --bucket logs --acl private', effect: 'allow' },
    {
      command: 'aws s3 sync ./site s3://assets --acl public-read',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    {
      command: 'aws s3 cp report.pdf s3://share/report.pdf --acl=public-read-write',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    {
      command: 'aws s3api put-object --bucket b --key k --body f --acl public-read',
      effect: 'ask',
      findings: ['shell.cloud_exposure'],
    },
    { command: 'aws s3 sync ./site s3://assets --acl bucket-owner-full-control', effect: 'allow' },
    { command: 'aws s3 sync ./site s3://assets --exclude "*.map"', effect: 'allow' },
    {
      command: 'aws kms schedule-key-deletion --key-id abc --pending-window-in-days 7',
      effect: 'ask',
      findings: ['shell.cloud_delete'],
    },
    {
      command: 'aws ecr batch-delete-image --repository-name app --image-ids imageTag=latest',
      effect: 'ask',
      findings: ['shell.cloud_delete'],
    },
    { command: 'aws ecr describe-images --repository-name app', effect: 'allow' },
  ]);
});
