import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { DASHBOARD_CSS } from './assets/dashboard-css.js';
import { DASHBOARD_JS } from './assets/dashboard-js.js';

const require = createRequire(import.meta.url);

interface Asset {
  body: string;
  type: string;
}

/** Reads a vendored browser file from its npm package once, on first request (no CDN: the dashboard works offline). */
function packageFile(specifier: string, type: string): () => Asset {
  let cached: Asset | undefined;
  return () => {
    cached ??= { body: readFileSync(require.resolve(specifier), 'utf8'), type };
    return cached;
  };
}

const ASSETS: Record<string, () => Asset> = {
  'dashboard.css': () => ({ body: DASHBOARD_CSS, type: 'text/css; charset=utf-8' }),
  'dashboard.js': () => ({ body: DASHBOARD_JS, type: 'text/javascript; charset=utf-8' }),
  'htmx.js': packageFile('htmx.org/dist/htmx.min.js', 'text/javascript; charset=utf-8'),
  'uplot.js': packageFile('uplot/dist/uPlot.iife.min.js', 'text/javascript; charset=utf-8'),
  'uplot.css': packageFile('uplot/dist/uPlot.min.css', 'text/css; charset=utf-8'),
};

/** `/assets/*`: the stylesheet, the dashboard script, htmx and uPlot, served from the server itself. */
export function createAssetRoutes(): Hono {
  const app = new Hono();
  app.get('/assets/:name', (c) => {
    const load = ASSETS[c.req.param('name')];
    if (!load) return c.notFound();
    const asset = load();
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(asset.body);
  });
  return app;
}
