/** Lambda entry of the worker: an SQS event in, partial batch failures out. */
import { readConfig } from '../config';
import { awsWorkerDeps } from './deps';
import { createWorkerHandler } from './handler';

export const handler = createWorkerHandler(awsWorkerDeps(readConfig()));
