import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LAMBDA_ENTRIES } from './bundle-options';
import { DawstampsFunction } from './dawstamps-function';
import { JOB_PREFIX, RESULT_PREFIX, UPLOAD_PREFIX } from './storage';

/**
 * A Function URL carries 6 MB each way: the whole request event, or the whole response, with a
 * binary body base64-encoded (a third more). Read as 6,000,000 bytes, the stricter reading.
 */
export const FUNCTION_URL_PAYLOAD_BYTES = 6_000_000;

/**
 * The largest body the API takes (POST /v1/convert's file, CONVERT_MAX_BYTES) or sends itself
 * (MAX_RESPONSE_BYTES; larger projects are a redirect to S3, other bodies a 413): 4 MiB, which
 * base64-encoded with a form around it (FORM_OVERHEAD) and the event's headers stays under
 * FUNCTION_URL_PAYLOAD_BYTES. A raw body of ~4.4 MB would not.
 */
export const LAMBDA_BODY_BYTES = 4 * 1024 * 1024;

export interface ApiProps {
  readonly bucket: IBucket;
  readonly environment: Record<string, string>;
}

/** The shell commands that put the page into the API bundle: web/, and lib built for the browser beside it. */
export function pageCommands(inputDir: string, outputDir: string): string[] {
  return [`cp -R "${inputDir}/web" "${outputDir}/web"`, `node "${inputDir}/build.mjs" web "${outputDir}/web"`];
}

/** The Hono API (and the page) on a Lambda Function URL: no API Gateway, nothing billed while idle. */
export class Api extends Construct {
  readonly function: DawstampsFunction;
  readonly url: FunctionUrl;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.function = new DawstampsFunction(this, 'Function', {
      entry: LAMBDA_ENTRIES.api,
      description: 'dawstamps API: jobs, presigned uploads, results, exports and the page',
      timeout: Duration.seconds(30),
      // Mostly waiting on S3; exports time the stored project (milliseconds, even for 100,000 tempo
      // breakpoints), and POST /v1/convert converts up to CONVERT_MAX_BYTES in a thread: 1,024 MB
      // buys the CPU for that well within CONVERT_TIMEOUT_SECONDS.
      memorySize: 1024,
      environment: { ...props.environment, CONVERT_MAX_BYTES: String(LAMBDA_BODY_BYTES), MAX_RESPONSE_BYTES: String(LAMBDA_BODY_BYTES) },
      // The page ships inside the API bundle as web/ (functions/api/lambda.ts reads it there), with
      // lib's browser bundle built into it from this source (build.mjs web: dawstamps.js).
      afterBundling: (inputDir: string, outputDir: string) => pageCommands(inputDir, outputDir),
    });
    // Authentication is the app's business (optional bearer token), so the URL itself is open.
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    // Signing a presigned POST needs the signer to hold s3:PutObject on the keys it signs for;
    // creating a job writes its record under jobs/.
    this.function.addToRolePolicy(new PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [props.bucket.arnForObjects(`${UPLOAD_PREFIX}*`), props.bucket.arnForObjects(`${JOB_PREFIX}*`)],
    }));
    // Job status and exports read results, stored projects and job records, and whether the upload
    // has arrived. HeadObject has no permission of its own (it is authorized by s3:GetObject), so
    // this grant also lets the API read an upload's bytes; the app never does (only the worker
    // reads uploads). GetObject on results/* also signs the presigned GETs of large projects.
    this.function.addToRolePolicy(new PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [
        props.bucket.arnForObjects(`${RESULT_PREFIX}*`),
        props.bucket.arnForObjects(`${UPLOAD_PREFIX}*`),
        props.bucket.arnForObjects(`${JOB_PREFIX}*`),
      ],
    }));
  }
}
