import { CfnOutput, CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Api, JOB_PREFIX, MAX_RECEIVE_COUNT, PROCESSING_TIMEOUT, RESULT_PREFIX, Storage, UPLOAD_PREFIX, Worker } from './constructs';

/** Default cap for one upload, enforced by S3 through the presigned POST's content-length-range. */
export const DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/**
 * dawstamps on AWS: presigned POST → S3 `uploads/` → SQS → worker Lambda → S3 `results/`,
 * read back through the Hono API on a Function URL. Job records live under `jobs/` (no notification). Environment-agnostic: `cdk synth` needs
 * no credentials, no lookups and no network. Deploy-time settings are CloudFormation parameters.
 */
export class DawstampsStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const apiToken = new CfnParameter(this, 'ApiToken', {
      type: 'String',
      noEcho: true,
      default: '',
      description: 'Optional bearer token the API requires (Authorization: Bearer …). Empty = open API.',
    });
    const allowedOrigins = new CfnParameter(this, 'AllowedOrigins', {
      type: 'String',
      default: '',
      allowedPattern: '^$|^https?://[^,\\s]+(,https?://[^,\\s]+)*$',
      description: 'Extra browser origins (comma-separated, no spaces) allowed to call the API and '
        + 'to POST uploads. The page on the Function URL itself needs nothing here.',
    });
    const maxUploadBytes = new CfnParameter(this, 'MaxUploadBytes', {
      type: 'Number',
      default: DEFAULT_MAX_UPLOAD_BYTES,
      minValue: 1,
      maxValue: 5 * 1024 ** 3,
      description: 'Largest accepted upload in bytes (S3 enforces it on the presigned POST).',
    });

    const storage = new Storage(this, 'Storage', { allowedOrigins: allowedOrigins.valueAsString });
    const common = {
      BUCKET_NAME: storage.bucket.bucketName,
      UPLOAD_PREFIX,
      RESULT_PREFIX,
      JOB_PREFIX,
      MAX_UPLOAD_BYTES: maxUploadBytes.valueAsString,
    };
    // The worker's last delivery of a message records the job's failure (nothing reads the DLQ).
    const worker = new Worker(this, 'Worker', { bucket: storage.bucket, environment: { ...common, MAX_RECEIVE_COUNT: String(MAX_RECEIVE_COUNT) } });
    storage.notifyUploads(worker.queue);
    const api = new Api(this, 'Api', {
      bucket: storage.bucket,
      environment: {
        ...common,
        API_TOKEN: apiToken.valueAsString,
        ALLOWED_ORIGINS: allowedOrigins.valueAsString,
        // Derived from the queue settings above, so "failed after the retries" cannot drift from
        // them: the fallback for a message whose every delivery died before it could say so.
        PROCESSING_TIMEOUT_SECONDS: String(PROCESSING_TIMEOUT.toSeconds()),
      },
    });

    new CfnOutput(this, 'ApiUrl', { value: api.url.url, description: 'The API and the page' });
  }
}
