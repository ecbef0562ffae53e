export type { AppRouter } from './routers';
export { createApp, createCaller } from './app';
