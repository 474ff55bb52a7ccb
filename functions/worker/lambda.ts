/** Lambda entry of the worker: an SQS event in, partial batch failures out. */
import { readConfig } from '../config';
import { bundleScript } from '../node/bundle-url';
import { convertThread, isConvertThread, serveConvertThread } from '../node/convert-thread';
import { awsWorkerDeps } from './deps';
import { createWorkerHandler } from './handler';

// The bundle is also the script of its conversion threads (one file to ship).
if (isConvertThread()) serveConvertThread();

const config = readConfig();
const script = bundleScript(import.meta.url);
export const handler = createWorkerHandler(awsWorkerDeps(config, script && convertThread(script, config.convertTimeoutSeconds * 1000)));
