import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FunctionUrlAuthType, type FunctionUrl } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LAMBDA_ENTRIES } from './bundle-options';
import { DawstampsFunction } from './dawstamps-function';
import { JOB_PREFIX, RESULT_PREFIX, UPLOAD_PREFIX } from './storage';

export interface ApiProps {
  readonly bucket: IBucket;
  readonly environment: Record<string, string>;
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
      // Mostly waiting on S3, but a re-export with new timing/start options re-runs the converter
      // on the stored upload (up to MAX_UPLOAD_BYTES): 1,024 MB buys the CPU for that within 30 s.
      memorySize: 1024,
      environment: props.environment,
      // The page ships inside the API bundle as web/; functions/api/lambda.ts reads it there.
      afterBundling: (inputDir: string, outputDir: string) => [`cp -R "${inputDir}/web" "${outputDir}/web"`],
    });
    // Authentication is the app's business (optional bearer token), so the URL itself is open.
    this.url = this.function.addFunctionUrl({ authType: FunctionUrlAuthType.NONE });
    // Signing a presigned POST needs the signer to hold s3:PutObject on the keys it signs for;
    // creating a job writes its record under jobs/.
    this.function.addToRolePolicy(new PolicyStatement({
      actions: ['s3:PutObject'],
      resources: [props.bucket.arnForObjects(`${UPLOAD_PREFIX}*`), props.bucket.arnForObjects(`${JOB_PREFIX}*`)],
    }));
    // Job status and re-exports read results, job records and, when asked, the stored upload again.
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
