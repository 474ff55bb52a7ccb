/** The page's files: content types, and a placeholder page when web/ is not there. */
import type { Assets } from './deps';

/** Content types of the file kinds the page may ship. */
export const ASSET_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  txt: 'text/plain; charset=utf-8',
};

/** A minimal page that says where the API is, served when no web/ folder was found. */
export const PLACEHOLDER_ASSETS: Assets = {
  'index.html': {
    contentType: ASSET_TYPES.html!,
    body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dawstamps</title></head>'
      + '<body><h1>dawstamps</h1><p>The page is not built here. The API is at <a href="/v1/openapi.json">/v1/openapi.json</a>.</p></body></html>',
  },
};
