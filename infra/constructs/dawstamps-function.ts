import { join } from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LAMBDA_ESBUILD, REPO_ROOT } from './bundle-options';

/** How long Lambda logs are kept. */
export const LOG_RETENTION = RetentionDays.TWO_WEEKS;

/** LAMBDA_ESBUILD expressed as NodejsFunction bundling options. */
const BUNDLING = {
  minify: LAMBDA_ESBUILD.minify,
  sourceMap: LAMBDA_ESBUILD.sourcemap,
  target: LAMBDA_ESBUILD.target,
  format: OutputFormat.ESM,
  banner: LAMBDA_ESBUILD.banner.js,
  mainFields: [...LAMBDA_ESBUILD.mainFields],
  esbuildArgs: { '--alias:zod': LAMBDA_ESBUILD.alias.zod },
  // The AWS SDK v3 is BUNDLED, not taken from the nodejs22.x runtime. Measured by
  // bench/lambda-bundles.mjs (infra/README.md): both ways stay under 1 MB minified, and loading
  // one minified file is ~2x faster than resolving the unbundled @aws-sdk/@smithy tree (API
  // 226 vs 383 ms, worker 231 vs 653 ms median module load on the dev box). Bundling also
  // pins the SDK version the tests ran against (3.1164.0) instead of whatever the runtime
  // ships that month, and @aws-sdk/s3-presigned-post is not a package the runtime promises.
  bundleAwsSDK: true,
} as const satisfies BundlingOptions;

/** What differs between our functions; everything else is a house default. */
export interface DawstampsFunctionProps {
  /** The TypeScript entry, relative to the repository root. */
  readonly entry: string;
  readonly timeout: Duration;
  readonly memorySize: number;
  readonly environment: Record<string, string>;
  readonly description: string;
  /** Extra bundling steps (command hooks), merged over the defaults. */
  readonly bundling?: Pick<BundlingOptions, 'commandHooks'>;
}

/**
 * The one NodejsFunction flavour of dawstamps: Node 22 on arm64, minified ESM bundle,
 * its own log group with a retention, and a role that may only write that log group.
 * Callers add exactly the data permissions they need.
 */
export class DawstampsFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: DawstampsFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Our own role instead of AWSLambdaBasicExecutionRole (log rights on every log group).
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (execution role)`,
    });
    super(scope, id, {
      entry: join(REPO_ROOT, props.entry),
      projectRoot: REPO_ROOT,
      depsLockFilePath: join(REPO_ROOT, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      timeout: props.timeout,
      memorySize: props.memorySize,
      environment: props.environment,
      logGroup,
      role,
      bundling: { ...BUNDLING, ...props.bundling },
    });
    logGroup.grantWrite(role);
  }
}
