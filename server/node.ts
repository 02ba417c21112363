// `npm run serve`: the built site (build/) and the /api routes on one origin, so the
// checker's widgets call the endpoint without CORS.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createNodeServer, listen } from './adapter';
import { createHandler } from './handler';

const siteDir = process.env.SITE_DIR || join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
if (!existsSync(join(siteDir, 'index.html'))) {
  process.stderr.write(`No built site in ${siteDir}: run \`npm run build\` first (or \`npm start\`).\n`);
  process.exit(1);
}
listen(createNodeServer({ handler: createHandler(), siteDir }));
