/** The API's Hono app wrapped for Lambda (Function URL, payload v2); functions/api/lambda.ts loads it on the first request. */
import { handle } from 'hono/aws-lambda';
import type { Config } from '../config';
import { createApp } from './app';
import { awsDeps } from './aws-deps';

/** The Lambda handler of the app built from `config`. */
export function appHandler(config: Config): ReturnType<typeof handle> {
  return handle(createApp(awsDeps(config)));
}
