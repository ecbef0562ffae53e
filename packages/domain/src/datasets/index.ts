export * from './profile';
export * from './overlay';
