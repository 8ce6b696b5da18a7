import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import { Code } from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';

/** The handler the server function runs: our entry, which then loads OpenNext's. */
export const serverHandler = 'portico-server.handler';

const entry = fileURLToPath(new URL('../functions/server-entry.ts', import.meta.url));

/**
 * OpenNext's server bundle plus our entry (functions/server-entry.ts), bundled with esbuild
 * into the same asset. Bundling runs locally at synth time; the Docker image is only the
 * fallback CDK requires to be named and is never pulled while esbuild is installed.
 */
export function serverCode(serverDir: string): Code {
  return Code.fromAsset(serverDir, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:20'),
      local: {
        tryBundle(outputDir) {
          cpSync(serverDir, outputDir, { recursive: true });
          buildSync({
            entryPoints: [entry],
            outfile: join(outputDir, 'portico-server.mjs'),
            bundle: true,
            platform: 'node',
            format: 'esm',
            target: 'node20',
            minify: true,
            legalComments: 'none',
            // The SDK's CommonJS modules call require(), which ES modules lack.
            banner: {
              js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
            },
            logLevel: 'warning',
          });
          return true;
        },
      },
    },
  });
}
