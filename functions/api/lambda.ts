/**
 * Lambda entry of the API (Function URL, payload v2): the adapter only translates.
 *
 * Cold start: importing this module reads the configuration (bad settings still fail the init)
 * and nothing else. The app (Hono, the zod schemas and their OpenAPI metadata: ~40 ms of
 * evaluation on the dev box) is built by the first request, once, through a dynamic import that
 * esbuild keeps lazy inside the bundle; the AWS SDK waits for the first storage call in a file of
 * its own (functions/storage/lazy-s3-storage.ts). bench/lambda-bundles.mjs prints both the module
 * load and the first request's cost; test/infra/bundles.test.ts checks that the SDK stays out of it.
 */
import type { APIGatewayProxyResult, LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { readConfig } from '../config';
import { isConvertThread } from '../node/thread-role';

// The bundle is also the script of its conversion thread (POST /v1/convert runs there, with a time limit).
if (isConvertThread()) void import('../node/convert-thread').then((m) => m.serveConvertThread());

const config = readConfig();

type AppHandler = (event: LambdaEvent, context?: LambdaContext) => Promise<APIGatewayProxyResult>;
let app: Promise<AppHandler> | null = null;

export async function handler(event: LambdaEvent, context?: LambdaContext): Promise<APIGatewayProxyResult> {
  app ??= import('./lambda-app').then(
    (m) => m.appHandler(config) as AppHandler,
    (e: unknown) => { app = null; throw e; },
  );
  return (await app)(event, context);
}
