/** The result's zod schema (lib/result-schema.ts: lib's Result type and the API's OpenAPI come from it) fits real results exactly. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { convert, type Result } from '../../lib';
import { ResultSchema } from '../../lib/result-schema';
import { expectedFiles, fixture } from '../helpers/fixtures';

const files = Object.entries(expectedFiles()).filter(([, e]) => !e.error).map(([path]) => path);

describe('ResultSchema', () => {
  it('is the Result type', () => {
    expectTypeOf<z.infer<typeof ResultSchema>>().toEqualTypeOf<Result>();
  });

  it.each(files)('accepts %s\'s result and strips nothing from it (no field the schema lacks)', async (path) => {
    for (const options of [{}, { source: 'clips' as const, timing: 'continuous' as const }, { tempoPoints: false }]) {
      const result = JSON.parse(JSON.stringify(await convert(fixture(path), options)));
      expect(ResultSchema.parse(result)).toEqual(result);
    }
  });

  it('refuses what is not a result', async () => {
    const result = JSON.parse(JSON.stringify(await convert(fixture('ableton/automation.als'))));
    expect(ResultSchema.safeParse({ ...result, markers: [{ ...result.markers[0], seconds: '4' }] }).success).toBe(false);
    expect(ResultSchema.safeParse({ ...result, source: { ...result.source, daw: 'cubase' } }).success).toBe(false);
  });
});
