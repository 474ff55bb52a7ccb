/** S3 event notification bodies, as S3 puts them on SQS (keys URL-encoded, `+` for spaces). */

/** Encodes a key the way S3 event notifications do: form encoding, so a space becomes `+`. */
export function encodeS3EventKey(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}

/** Decodes an event notification key (`+` is a space, then percent-decoding); throws on bad escapes. */
export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** The message body S3 sends for one created object (the fields the worker and tools read). */
export function objectCreatedBody(bucket: string, key: string, size: number, now = new Date()): string {
  return JSON.stringify({
    Records: [{
      eventVersion: '2.1',
      eventSource: 'aws:s3',
      awsRegion: 'local',
      eventTime: now.toISOString(),
      eventName: 'ObjectCreated:Post',
      s3: {
        s3SchemaVersion: '1.0',
        bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
        object: { key: encodeS3EventKey(key), size },
      },
    }],
  });
}
