/** A Lambda Function URL (payload format 2.0) request event. */
export function functionUrlEvent(method: string, path: string): Record<string, unknown> {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.lambda-url.us-east-1.on.aws', 'user-agent': 'vitest' },
    isBase64Encoded: false,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '26/Nov/2026:17:00:00 +0000',
      timeEpoch: 1795712400000,
    },
  };
}

/** An SQS event carrying the s3:TestEvent S3 sends when a notification is configured. */
export function s3TestEventBatch(): Record<string, unknown> {
  const body = JSON.stringify({
    Service: 'Amazon S3', Event: 's3:TestEvent', Time: '2026-11-26T17:00:00.000Z',
    Bucket: 'dawstamps-test', RequestId: 'R1', HostId: 'H1',
  });
  return {
    Records: [{
      messageId: 'm-1',
      receiptHandle: 'rh-1',
      body,
      attributes: {
        ApproximateReceiveCount: '1', SentTimestamp: '1795712400000',
        SenderId: 'S3', ApproximateFirstReceiveTimestamp: '1795712400000',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:uploads',
      awsRegion: 'us-east-1',
    }],
  };
}
