import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('containers/image-builders', () => {
  it('raises shell.package_publish for mvn compile jib:build', () => {
    const result = describeLine('mvn compile jib:build');
    expect(result.findings).toEqual(['shell.package_publish']);
  });
  it('raises shell.package_publish for ./gradlew jib', () => {
    const result = describeLine('./gradlew jib');
    expect(result.findings).toEqual(['shell.package_publish']);
  });
  it('raises nothing for gradle jibDockerBuild', () => {
    const result = describeLine('gradle jibDockerBuild');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.package_publish for ko build ./cmd/app', () => {
    const result = describeLine('ko build ./cmd/app');
    expect(result.findings).toEqual(['shell.package_publish']);
  });
  it('raises nothing for ko build --local ./cmd/app', () => {
    const result = describeLine('ko build --local ./cmd/app');
    expect(result.findings).toEqual([]);
  });
  it('raises shell.package_publish for pack build app --publish', () => {
    const result = describeLine('pack build app --publish');
    expect(result.findings).toEqual(['shell.package_publish']);
  });
  it('raises shell.package_publish for crane push image.tar ghcr.io/acme/app', () => {
    const result = describeLine('crane push image.tar ghcr.io/acme/app');
    expect(result.findings).toEqual(['shell.package_publish']);
  });
  it('raises nothing for mvn test', () => {
    const result = describeLine('mvn test');
    expect(result.findings).toEqual([]);
  });
});

describe('containers/image-builders through the engine', () => {
  itDecides([
    { command: 'mvn -q test', effect: 'allow' },
    { command: 'mvnw jib:build', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'gradle build', effect: 'allow' },
    { command: 'gradlew publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'ko build ./cmd/app', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'pack build app --publish', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'buildah bud -t app .', effect: 'allow' },
    { command: 'skopeo inspect docker://alpine', effect: 'allow' },
    { command: 'crane push app.tar reg/app', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'earthly +build', effect: 'allow' },
    { command: 'kaniko --destination reg/app', effect: 'ask', findings: ['shell.package_publish'] },
    { command: 'executor --destination reg/app', effect: 'ask', findings: ['shell.package_publish'] },
  ]);
});
