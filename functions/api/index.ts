export { createApp } from './app';
export type { AppConfig, AppDeps, Asset, Assets } from './deps';
