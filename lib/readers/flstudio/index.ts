export { flstudioReader, readFlp, FL_TEMPO_STEP } from './reader';
