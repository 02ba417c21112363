// `npm run api`: the /api routes alone, for local development next to `npm run dev`.
import { createNodeServer, listen } from './adapter';
import { createHandler } from './handler';

listen(createNodeServer({ handler: createHandler() }));
