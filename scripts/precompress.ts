// Writes .gz and .br next to every compressible file of a build, once, at the strongest levels.
// The production server hands these siblings to browsers that accept them, so readers on a slow
// phone connection get the smallest bytes without the server compressing on every request.
// Usage: tsx scripts/precompress.ts [dir]   (default: build)
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.xml', '.txt', '.webmanifest']);
// Below this a compressed body plus its headers is no smaller than the original.
const MIN_BYTES = 1024;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

export interface PrecompressSummary {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export function precompress(dir: string): PrecompressSummary {
  const summary: PrecompressSummary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 };
  for (const path of files(dir)) {
    if (!COMPRESSIBLE.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
    const body = readFileSync(path);
    const gz = gzipSync(body, { level: 9 });
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    writeFileSync(`${path}.gz`, gz);
    writeFileSync(`${path}.br`, br);
    summary.files += 1;
    summary.bytes += body.length;
    summary.gzipBytes += gz.length;
    summary.brotliBytes += br.length;
  }
  return summary;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const dir = resolve(process.argv[2] ?? 'build');
  const s = precompress(dir);
  console.log(
    `precompressed ${s.files} files in ${dir}: ${s.bytes} B -> gzip ${s.gzipBytes} B, brotli ${s.brotliBytes} B`,
  );
}
