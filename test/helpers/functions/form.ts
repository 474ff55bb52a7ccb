/** Posts an upload form the way a browser does: the signed fields first, then `file`. */

/** Sends `fields` + `file` as multipart/form-data to `url` (through `fetchFn`, default fetch). */
export function postUpload(
  url: string, fields: Record<string, string>, bytes: Uint8Array, name = 'upload.bin',
  fetchFn: (input: string | Request, init?: RequestInit) => Response | Promise<Response> = fetch,
): Promise<Response> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return Promise.resolve(fetchFn(url, { method: 'POST', body: form }));
}
