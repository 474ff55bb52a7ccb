/** The environment, read once into a typed object; nothing else in functions/ reads process.env. */

/** Everything the API, the worker and the local server are configured with. */
export interface Config {
  /** The bucket (S3) or the name reported in local S3-shaped events. */
  bucketName: string;
  /** Key prefix of uploads (`uploads/`): the only prefix that notifies the queue. */
  uploadPrefix: string;
  /** Key prefix of results (`results/`), outside the upload prefix. */
  resultPrefix: string;
  /** Key prefix of job records (`jobs/`), outside the upload prefix and apart from results. */
  jobPrefix: string;
  /** Largest upload; S3 enforces it through the presigned POST's content-length-range. */
  maxUploadBytes: number;
  /** Largest file POST /v1/convert takes (on Lambda: what fits a 6 MB request once base64-encoded). */
  convertMaxBytes: number;
  /**
   * Largest body the API sends itself (null: any). On Lambda (6 MB per response, a third more
   * once base64-encoded) a stored object over it is a 303 to a presigned GET, anything else a 413.
   */
  maxResponseBytes: number | null;
  /** Lifetime of a presigned upload form. */
  uploadExpirySeconds: number;
  /**
   * How long after its form's expiry an upload begun in time may still arrive (S3 checks the
   * expiry when a POST begins): only then is a job without an upload `expired`, and an upload
   * stored later still is dropped unread. The longest an upload may take: 100 MB at ~1 Mbit/s.
   */
  uploadGraceSeconds: number;
  /** Wall time one conversion may take in the worker before it fails with 'timeout'. */
  convertTimeoutSeconds: number;
  /**
   * An upload with no outcome after this long reads `failed`: the fallback for a message the queue
   * gave up on without a word (every delivery died; AWS's dead-letter queue is not read). null:
   * never (the local queue records every failure it gives up on).
   */
  processingTimeoutSeconds: number | null;
  /** Deliveries before the queue gives up on a message (SQS maxReceiveCount); the last failed one records the job's failure. */
  maxReceiveCount: number;
  /** Bearer token the API requires; null = open API. */
  apiToken: string | null;
  /** Browser origins allowed to call the API cross-origin (CORS); empty = same origin only. */
  allowedOrigins: string[];
  /** Where the page's files are; null = next to the bundle. */
  webDir: string | null;
  /** Lambda's task root (the bundle's folder), when running in Lambda. */
  taskRoot: string | null;
  region: string;
  /** An S3/SQS endpoint (moto, LocalStack); null = AWS. */
  endpoint: string | null;
  /** The upload queue (only the local AWS mode polls it; Lambda is fed by its event source). */
  queueUrl: string | null;
  port: number;
  /** The local server's listening address (default loopback only). */
  host: string;
  dataDir: string;
}

type Env = Record<string, string | undefined>;

const MB = 1024 * 1024;
/** Queue visibility (6 × 60 s worker timeout) × maxReceiveCount 3, plus two minutes' margin. */
const DEFAULT_PROCESSING_TIMEOUT = 360 * 3 + 120;

function text(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

function positive(env: Env, name: string, fallback: number): number {
  const raw = text(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number; got "${raw}".`);
  return value;
}

function prefix(env: Env, name: string, fallback: string): string {
  const value = text(env, name) ?? fallback;
  return value.endsWith('/') ? value : `${value}/`;
}


/** Reads the configuration from an environment (default: process.env); throws on bad values. */
export function readConfig(env: Env = process.env, mode: 'aws' | 'local' = 'aws'): Config {
  const config: Config = {
    bucketName: text(env, 'BUCKET_NAME') ?? 'dawstamps-local',
    uploadPrefix: prefix(env, 'UPLOAD_PREFIX', 'uploads/'),
    resultPrefix: prefix(env, 'RESULT_PREFIX', 'results/'),
    jobPrefix: prefix(env, 'JOB_PREFIX', 'jobs/'),
    maxUploadBytes: positive(env, 'MAX_UPLOAD_BYTES', 100 * MB),
    convertMaxBytes: positive(env, 'CONVERT_MAX_BYTES', 6 * MB),
    maxResponseBytes: text(env, 'MAX_RESPONSE_BYTES') === null ? null : positive(env, 'MAX_RESPONSE_BYTES', 0),
    uploadExpirySeconds: positive(env, 'UPLOAD_EXPIRY_SECONDS', 600),
    uploadGraceSeconds: positive(env, 'UPLOAD_GRACE_SECONDS', 900),
    convertTimeoutSeconds: positive(env, 'CONVERT_TIMEOUT_SECONDS', 20),
    // Locally the in-process queue records every failure it gives up on: no age rule unless asked for.
    processingTimeoutSeconds: text(env, 'PROCESSING_TIMEOUT_SECONDS') === null && mode === 'local' ? null : positive(env, 'PROCESSING_TIMEOUT_SECONDS', DEFAULT_PROCESSING_TIMEOUT),
    maxReceiveCount: positive(env, 'MAX_RECEIVE_COUNT', 3),
    apiToken: text(env, 'API_TOKEN'),
    allowedOrigins: (text(env, 'ALLOWED_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    webDir: text(env, 'WEB_DIR'),
    taskRoot: text(env, 'LAMBDA_TASK_ROOT'),
    region: text(env, 'AWS_REGION') ?? text(env, 'AWS_DEFAULT_REGION') ?? 'us-east-1',
    endpoint: text(env, 'AWS_ENDPOINT_URL'),
    queueUrl: text(env, 'QUEUE_URL'),
    port: positive(env, 'PORT', 8787),
    host: text(env, 'HOST') ?? '127.0.0.1',
    dataDir: text(env, 'DATA_DIR') ?? './.data',
  };
  if (config.uploadPrefix === config.resultPrefix || config.resultPrefix.startsWith(config.uploadPrefix)) {
    throw new Error('RESULT_PREFIX must lie outside UPLOAD_PREFIX (results must not trigger the upload notification).');
  }
  if (config.jobPrefix.startsWith(config.uploadPrefix)) {
    throw new Error('JOB_PREFIX must lie outside UPLOAD_PREFIX (job records must not trigger the upload notification).');
  }
  if (config.jobPrefix === config.resultPrefix) {
    throw new Error('JOB_PREFIX must differ from RESULT_PREFIX (a job record and its result share the name <jobId>.json).');
  }
  return config;
}
