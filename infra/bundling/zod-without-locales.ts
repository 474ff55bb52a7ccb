/**
 * `zod` for the Lambda bundles: zod 4's classic entry without its 40-odd locales.
 *
 * esbuild cannot tree-shake the locales (258 KB minified, a quarter of the 1 MB budget) because
 * @hono/zod-openapi hands the whole `z` namespace to extendZodWithOpenApi(z). The bundles alias
 * `zod` to this file; it mirrors node_modules/zod/index.js over zod-classic-without-locales.ts, where `locales`
 * carries English only (the locale zod registers by default anyway).
 * test/infra/zod-shim.test.ts fails if a zod upgrade adds or drops an export.
 */
import * as z from './zod-classic-without-locales';

export * from './zod-classic-without-locales';
export { z, z as default };
