import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as full from '@aws-sdk/credential-provider-node';
import { afterEach, describe, expect, it } from 'vitest';
import * as shim from '../../infra/bundling/credentials-from-env';

const keys = (o: object): string[] => Object.keys(o).sort();
const saved = { ...process.env };
afterEach(() => { process.env = { ...saved }; });

describe('the environment-only credential provider the Lambda bundles use', () => {
  it('exports exactly what @aws-sdk/credential-provider-node exports', () => {
    // 'default' is the CommonJS interop of the package's dist-cjs, which vitest loads; the bundles use dist-es.
    expect(keys(shim)).toEqual(keys(full).filter((k) => k !== 'default'));
  });

  it('is where client-s3 takes its default credentials from (the alias replaces that import)', () => {
    const require = createRequire(import.meta.url);
    const runtimeConfig = require.resolve('@aws-sdk/client-s3/package.json').replace(/package\.json$/, 'dist-es/runtimeConfig.js');
    expect(readFileSync(runtimeConfig, 'utf8')).toMatch(/import \{ defaultProvider as credentialDefaultProvider \} from "@aws-sdk\/credential-provider-node"/);
  });

  it('returns the credentials Lambda puts in the environment, session token included', async () => {
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
    delete process.env.AWS_PROFILE;
    await expect(shim.defaultProvider()()).resolves.toMatchObject({
      accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token',
    });
  });

  it('fails (no other source is tried) when the environment holds none', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    await expect(shim.defaultProvider()()).rejects.toThrow(/environment variable credentials/);
  });

  it('treats credentials as the package does around their expiry', () => {
    const soon = { expiration: new Date(Date.now() + 60_000) };
    const later = { expiration: new Date(Date.now() + 3_600_000) };
    for (const c of [undefined, {}, soon, later]) {
      expect(shim.credentialsWillNeedRefresh(c)).toBe(full.credentialsWillNeedRefresh(c as never));
      expect(shim.credentialsTreatedAsExpired(c)).toBe(full.credentialsTreatedAsExpired(c as never));
    }
  });
});
