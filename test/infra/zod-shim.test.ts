import * as zod from 'zod';
import { describe, expect, it } from 'vitest';
import * as shim from '../../infra/bundling/zod-without-locales';

const keys = (o: object): string[] => Object.keys(o).sort();

describe('the locale-free zod the Lambda bundles use', () => {
  it('exports exactly what zod exports', () => {
    expect(keys(shim)).toEqual(keys(zod));
  });

  it('its z.core exports exactly what zod\'s core exports', () => {
    expect(keys(shim.core)).toEqual(keys(zod.core));
  });

  it('carries English only', () => {
    expect(keys(shim.locales)).toEqual(['en']);
    expect(keys(shim.core.locales)).toEqual(['en']);
  });

  it('validates with English messages', () => {
    const parsed = shim.z.object({ name: shim.z.string() }).safeParse({ name: 3 });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/expected string, received number/);
  });
});
