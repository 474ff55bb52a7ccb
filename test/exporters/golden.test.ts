import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exporters, exportResult, type ExportFormat } from '../../lib/exporters';
import { isDawstampsError } from '../../lib/errors';
import type { Warning } from '../../lib/model';
import { goldenCases } from '../helpers/exporters/golden-cases';

/** Set UPDATE_GOLDEN=1 to rewrite the files (then read every changed file before committing). */
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = fileURLToPath(new URL('../golden/', import.meta.url));

function check(path: string, actual: string): void {
  if (UPDATE) writeFileSync(path, actual);
  expect(existsSync(path), `${path} is missing; run UPDATE_GOLDEN=1 npx vitest run test/exporters/golden.test.ts`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(goldenCases)('golden files: $name', (goldenCase) => {
  it('matches every format', async () => {
    const result = await goldenCase.load();
    const dir = `${GOLDEN}${goldenCase.name}/`;
    if (UPDATE) mkdirSync(dir, { recursive: true });
    const warnings: Record<string, Warning[] | { error: { code: string; message: string } }> = {};
    for (const format of Object.keys(exporters) as ExportFormat[]) {
      try {
        const out = exportResult(result, format, goldenCase.options);
        check(`${dir}${out.extension.includes(".") ? out.extension : `${format}.${out.extension}`}`, out.text);
        warnings[format] = out.warnings;
      } catch (e) {
        if (!isDawstampsError(e)) throw e;
        warnings[format] = { error: { code: e.code, message: e.message } };
      }
    }
    check(`${dir}warnings.json`, `${JSON.stringify(warnings, null, 2)}\n`);
  });
});
