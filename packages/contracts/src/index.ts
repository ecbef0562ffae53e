export * from './tracking';
export * from './datasets';
