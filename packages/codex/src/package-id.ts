import packageJson from '../package.json' with { type: 'json' };

/** This adapter's package and version, as the server's fleet view shows it (`client.adapter`). */
export const PACKAGE_ID = `${packageJson.name}@${packageJson.version}`;
