/** Shared OpenAPI pieces of the routes: error responses and the bearer security requirement. */
import { ErrorBody } from './schemas';

/** The security requirement of the token-guarded routes: the bearer scheme, or none when the API is open. */
export type Security = Array<Record<string, string[]>>;

/** Security for routes behind the optional API token. */
export function bearerSecurity(tokenRequired: boolean): Security {
  return tokenRequired ? [{ bearer: [] }] : [];
}

const WHAT: Record<number, string> = {
  400: 'A bad request, option (invalid-option) or an unknown parameter, field or option name (unknown-parameter)',
  401: 'The API token is missing or wrong',
  403: 'Not allowed',
  404: 'No such job (or it has expired)',
  409: 'Not ready yet, or the job has its file already',
  410: 'Expired: no upload in the job\'s window, or the stored project is no longer kept',
  413: 'Too large',
  415: 'A file name no reader takes',
  422: 'The file cannot be converted (its code says why)',
  500: 'A fault on our side (a stored project this version cannot read, storage)',
  503: 'Busy: other conversions hold the converter; Retry-After says when to try again (or upload through /v1/jobs)',
};

/** `{ status: { description, content: Error } }` for each status. */
export function errorResponses(...statuses: number[]): Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }> {
  return Object.fromEntries(statuses.map((s) => [s, { description: WHAT[s] ?? 'An error', content: { 'application/json': { schema: ErrorBody } } }]));
}
