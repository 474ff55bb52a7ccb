/**
 * An OpenAPI a client can use: TypeScript types generated from the served /v1/openapi.json with
 * openapi-typescript, a small client (create a job, upload, poll, export, POST /v1/convert as a
 * multipart form) typechecked against them with the compiler, then run against `npm start`'s
 * server started with API_TOKEN. The client reads the result's markers and the export's text
 * through the generated types only: `unknown` or a wrong media type fails the typecheck. It sends
 * the bearer token the document's security scheme asks for (openapi-typescript emits no type for
 * security schemes, so that header's type is the client's own).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedMarkers, fixturePath } from '../../helpers/fixtures';
import { REPO, startServerProcess, type ServerProcess } from '../../helpers/functions/server-process';

const run = promisify(execFile);
const TOKEN = 'typed-client.t0ken';
let server: ServerProcess;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dawstamps-client-'));
  server = await startServerProcess({ DATA_DIR: join(dir, 'data'), API_TOKEN: TOKEN });
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The client a user would write: every type comes from the generated `paths`/`components`. */
const CLIENT = `
import { readFileSync } from 'node:fs';
import type { components, operations } from './api';

type Created = operations['createJob']['responses'][201]['content']['application/json'];
type Status = operations['getJob']['responses'][200]['content']['application/json'];
type Result = components['schemas']['Result'];
type ApiError = components['schemas']['Error'];
type ConvertForm = operations['convert']['requestBody']['content']['multipart/form-data'];
type ConvertJson = operations['convert']['responses'][200]['content']['application/json'];

const [base, file, token] = process.argv.slice(2) as [string, string, string];
// components.securitySchemes.bearer: an http bearer scheme on every job and convert operation
const auth: { Authorization: \`Bearer \${string}\` } = { Authorization: \`Bearer \${token}\` };

/** application/json of POST /v1/convert is the Result, or an export of the same media type (report-json, mixcloud). */
function isResult(body: ConvertJson): body is Result {
  return typeof body === 'object' && body !== null && 'markers' in body && Array.isArray(body.markers);
}

async function main(): Promise<void> {
  const bytes = readFileSync(file);
  const body: operations['createJob']['requestBody']['content']['application/json'] = { filename: 'automation.als', size: bytes.length, options: { timing: 'stepped' } };
  const res = await fetch(base + '/v1/jobs', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(((await res.json()) as ApiError).error.message);
  const created = (await res.json()) as Created;
  const form = new FormData();
  for (const [key, value] of Object.entries(created.upload.fields)) form.append(key, value);
  form.append('file', new Blob([bytes]), 'automation.als');
  // the upload form is guarded by its signed policy, not by the token
  const uploaded = await fetch(created.upload.url, { method: 'POST', body: form });
  if (!uploaded.ok) throw new Error('upload: ' + uploaded.status);
  let status: Status;
  for (;;) {
    status = (await (await fetch(base + '/v1/jobs/' + created.jobId, { headers: auth })).json()) as Status;
    if (status.status === 'done' || status.status === 'failed' || status.status === 'expired') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (status.status !== 'done' || !status.result) throw new Error('job ' + status.status);
  const result: Result = status.result;
  const seconds: number[] = result.markers.map((m) => m.seconds);
  const names: string[] = result.markers.map((m) => m.name);
  const daw: 'ableton' | 'flstudio' | 'dawproject' | 'reaper' = result.source.daw;
  const exported = await fetch(base + '/v1/jobs/' + created.jobId + '/export/cue?timing=continuous', { headers: auth });
  const cue: operations['exportJob']['responses'][200]['content']['application/x-cue'] = await exported.text();

  // POST /v1/convert as curl -F file=@automation.als sends it
  const part: keyof ConvertForm = 'file';
  const direct = new FormData();
  direct.append(part, new Blob([bytes]), 'automation.als');
  const converted = await fetch(base + '/v1/convert?timing=stepped', { method: 'POST', headers: auth, body: direct });
  if (converted.status !== 200) throw new Error('convert: ' + converted.status);
  const convertedBody = (await converted.json()) as ConvertJson;
  if (!isResult(convertedBody)) throw new Error('POST /v1/convert did not answer a result');
  const convertedNames: string[] = convertedBody.markers.map((m) => m.name);
  const convertedFile: string | null = convertedBody.source.file;
  // an export of JSON shape is typed too: podcast has its own media type and schema
  const podcast = await fetch(base + '/v1/convert?format=podcast', { method: 'POST', headers: auth, body: bytes });
  const chapters = (await podcast.json()) as operations['convert']['responses'][200]['content']['application/json+chapters'];
  const chapterStarts: number[] = chapters.chapters.map((c) => c.startTime);
  const report: components['schemas']['LicensingReport'] = (await (await fetch(base + '/v1/convert?format=report-json', { method: 'POST', headers: auth, body: bytes })).json()) as components['schemas']['LicensingReport'];
  const reportTitles: string[] = report.tracks.map((t) => t.title);

  // without the token: 401, typed as the Error component
  const refused = await fetch(base + '/v1/jobs/' + created.jobId);
  const refusal = (await refused.json()) as operations['getJob']['responses'][401]['content']['application/json'];
  console.log(JSON.stringify({ daw, names, seconds, model: result.timing.model, cueTracks: cue.split('TRACK ').length - 1, convertedNames, convertedFile, chapters: chapterStarts.length, reportTracks: reportTitles.length, refused: [refused.status, refusal.error.code] }));
}
main().catch((e) => { console.error(String(e)); process.exit(1); });
`;

describe('a typed client generated from /v1/openapi.json', () => {
  it('typechecks against the generated types and converts a set through the local server', async () => {
    const spec = (await (await fetch(`${server.url}/v1/openapi.json`)).json()) as any;
    expect(spec.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const [path, method] of [['/v1/jobs', 'post'], ['/v1/jobs/{jobId}', 'get'], ['/v1/jobs/{jobId}/export/{format}', 'get'], ['/v1/convert', 'post']] as const) {
      expect(spec.paths[path][method].security, path).toEqual([{ bearer: [] }]);
    }
    const types = astToString(await openapiTS(spec));
    writeFileSync(join(dir, 'api.d.ts'), types);
    writeFileSync(join(dir, 'client.ts'), CLIENT);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], typeRoots: [join(REPO, 'node_modules/@types')], lib: ['ES2023', 'DOM'] },
      files: ['client.ts', 'api.d.ts'],
    }));
    const tsc = join(REPO, 'node_modules/typescript-7/bin/tsc');
    const checked = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: dir }).then(() => '', (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ''}${e.stderr ?? ''}`);
    expect(checked, `the client does not typecheck against the generated types:\n${checked}`).toBe('');
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(dir, 'client.ts'), server.url, fixturePath('ableton/automation.als'), TOKEN], { cwd: REPO });
    const out = JSON.parse(stdout) as { daw: string; names: string[]; seconds: number[]; model: string; cueTracks: number; convertedNames: string[]; convertedFile: string; chapters: number; reportTracks: number; refused: [number, string] };
    const expected = expectedMarkers('ableton/automation.als');
    expect(out).toMatchObject({
      daw: 'ableton', model: 'stepped', names: expected.map((m) => m.name), cueTracks: expected.length,
      convertedNames: expected.map((m) => m.name), convertedFile: 'automation.als', chapters: expected.length, reportTracks: expected.length, refused: [401, 'unauthorized'],
    });
    out.seconds.forEach((s, i) => expect(Math.abs(s - expected[i]!.seconds)).toBeLessThan(1e-3));
  }, 90_000);
});
