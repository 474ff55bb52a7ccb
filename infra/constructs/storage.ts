import { Aws, CfnCondition, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  EventType,
  ObjectOwnership,
  type CfnBucket,
} from 'aws-cdk-lib/aws-s3';
import { SqsDestination } from 'aws-cdk-lib/aws-s3-notifications';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** Key prefixes shared by the bucket rules, the IAM grants and the functions' environment. */
export const UPLOAD_PREFIX = 'uploads/';
export const RESULT_PREFIX = 'results/';
/** Job records: outside UPLOAD_PREFIX, so creating a job notifies nobody; kept as long as results. */
export const JOB_PREFIX = 'jobs/';

export interface StorageProps {
  /** Comma-separated extra browser origins (a CloudFormation parameter value); '' for none. */
  readonly allowedOrigins: string;
}

/**
 * Browser uploads are presigned POSTs, and a project too large for a Lambda response is a redirect
 * to a presigned GET that the page's fetch follows: S3 CORS must admit the page's origin for both.
 */
const corsRule = (origins: unknown): Record<string, unknown> => ({
  AllowedMethods: ['GET', 'POST'],
  AllowedOrigins: origins,
  // The signed POST policy is the guard (key, size, expiry), not CORS; any header may ride along.
  AllowedHeaders: ['*'],
  MaxAge: 3000,
});

/**
 * The one bucket: private, TLS only, S3-managed encryption, uploads expire after 1 day, job
 * records and results after 7. RETAINED on stack deletion: nothing else in the stack holds data, and the
 * lifecycle rules empty it within a week, so an accidental replacement never loses a user's
 * result and autoDeleteObjects (a custom resource holding s3:List and s3:DeleteObject wildcards) is
 * not needed. After `cdk destroy`, delete the bucket by hand if you want it gone.
 */
export class Storage extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        { id: 'expire-uploads', prefix: UPLOAD_PREFIX, expiration: Duration.days(1), abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-results', prefix: RESULT_PREFIX, expiration: Duration.days(7) },
        { id: 'expire-jobs', prefix: JOB_PREFIX, expiration: Duration.days(7) },
      ],
    });
    // CORS: the page is served by the API's Function URL, whose host is only known after deploy
    // and cannot be referenced here (bucket → URL → function → bucket is a cycle). So the
    // first rule admits the Function URL origins of this region (S3 allows one `*`); the
    // optional AllowedOrigins parameter adds exact origins in a second rule.
    const hasExtraOrigins = new CfnCondition(this, 'HasAllowedOrigins', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.allowedOrigins, '')),
    });
    const cfnBucket = this.bucket.node.defaultChild as CfnBucket;
    cfnBucket.addPropertyOverride('CorsConfiguration', {
      CorsRules: [
        corsRule([`https://*.lambda-url.${Aws.REGION}.on.aws`]),
        Fn.conditionIf(hasExtraOrigins.logicalId, corsRule(Fn.split(',', props.allowedOrigins)), Aws.NO_VALUE),
      ],
    });
  }

  /** S3 tells the queue about every object created under the upload prefix (and nothing else). */
  notifyUploads(queue: IQueue): void {
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(queue), { prefix: UPLOAD_PREFIX });
  }
}
