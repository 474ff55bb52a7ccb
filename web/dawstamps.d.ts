/**
 * The types of ./dawstamps.js, lib's browser bundle (build.mjs builds it from lib/browser.ts into
 * dist/web/, served beside the page), for the page's typecheck (tsconfig.web.json). Not served.
 */
export * from '../lib/browser';
