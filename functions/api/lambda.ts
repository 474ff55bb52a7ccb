/** Lambda entry of the API (Function URL, payload v2): the adapter only translates. */
import { handle } from 'hono/aws-lambda';
import { readConfig } from '../config';
import { createApp } from './app';
import { awsDeps } from './aws-deps';

export const handler = handle(createApp(awsDeps(readConfig())));
