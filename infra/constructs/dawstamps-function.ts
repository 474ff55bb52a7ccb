import { join } from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { LAMBDA_ENTRY_DEFINE, LAMBDA_ESBUILD, REPO_ROOT, s3ChunkCommand } from './bundle-options';

/** How long Lambda logs are kept. */
export const LOG_RETENTION = RetentionDays.TWO_WEEKS;

/** LAMBDA_ESBUILD expressed as NodejsFunction bundling options (index.mjs; the S3 chunk is an afterBundling step). */
const BUNDLING = {
  minify: LAMBDA_ESBUILD.minify,
  sourceMap: LAMBDA_ESBUILD.sourcemap,
  target: LAMBDA_ESBUILD.target,
  format: OutputFormat.ESM,
  banner: LAMBDA_ESBUILD.banner.js,
  mainFields: [...LAMBDA_ESBUILD.mainFields],
  define: LAMBDA_ENTRY_DEFINE,
  esbuildArgs: Object.fromEntries(Object.entries(LAMBDA_ESBUILD.alias).map(([from, to]) => [`--alias:${from}`, to])),
  // The AWS SDK v3 is BUNDLED, not taken from the nodejs22.x runtime, and it ships as a second
  // file (s3-storage.mjs, LAMBDA_S3_CHUNK) that the first storage call imports, so a cold start's
  // module load parses and runs none of it. Measured by bench/lambda-bundles.mjs (bench/README.md):
  // importing the bundled chunk on the first S3 call costs less than resolving and loading the
  // unbundled @aws-sdk/@smithy packages from node_modules (how the runtime's copy would load).
  // Bundling also pins the SDK version the tests ran against (3.1164.0) instead of whatever the
  // runtime ships that month, and @aws-sdk/s3-presigned-post is not a package the runtime promises.
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
  /** Extra files for the asset directory (the S3 chunk is always built first). */
  readonly afterBundling?: (inputDir: string, outputDir: string) => string[];
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
      bundling: {
        ...BUNDLING,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            s3ChunkCommand(inputDir, outputDir),
            ...(props.afterBundling?.(inputDir, outputDir) ?? []),
          ],
        },
      },
    });
    logGroup.grantWrite(role);
  }
}
