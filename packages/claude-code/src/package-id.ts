import packageJson from '../package.json' with { type: 'json' };

/** This adapter's package and version, as the server's fleet view shows it (`client.adapter`). */
export const PACKAGE_ID = `${packageJson.name}@${packageJson.version}`;

/** This adapter's version, as the session server reports it in `serverInfo`. */
export const PACKAGE_VERSION = packageJson.version;
