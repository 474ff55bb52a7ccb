import { App } from 'aws-cdk-lib';
import { DawstampsStack } from './stack';

const app = new App();
new DawstampsStack(app, 'Dawstamps', {
  description: 'dawstamps: DAW project → timestamped tracklist (S3, SQS, Lambda, Function URL)',
});
