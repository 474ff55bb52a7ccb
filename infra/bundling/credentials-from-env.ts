/**
 * `@aws-sdk/credential-provider-node` for the Lambda bundles: credentials from the environment only.
 *
 * Lambda puts the execution role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
 * AWS_SESSION_TOKEN, which is the first link of the SDK's default chain and the only one a Lambda
 * reaches. The rest of the chain (shared ini/SSO/login profiles, credential_process, web identity,
 * container and instance metadata) and the nested STS/SSO clients it loads are ~125 KB of minified
 * code parsed at every cold start. The bundles alias the package to this file; the local server
 * (`npm start`, from source) keeps the full chain. test/infra/credentials-shim.test.ts fails when the SDK
 * stops calling `defaultProvider` or the exports drift.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

type Init = Parameters<typeof fromEnv>[0];

/** The client's credential provider: the environment variables, read on each call (cheap). */
export const defaultProvider = (init: Init = {}): ReturnType<typeof fromEnv> => fromEnv(init);

type Credentials = { expiration?: Date } | undefined;

/** As the package's: only credentials with an expiry are ever refreshed. */
export const credentialsWillNeedRefresh = (credentials: Credentials): boolean => credentials?.expiration !== undefined;

/** As the package's: credentials within five minutes of their expiry count as expired. */
export const credentialsTreatedAsExpired = (credentials: Credentials): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 5 * 60_000;
