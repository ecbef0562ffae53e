export * from './tracking';
export * from './datasets';
export * from './identity';
export * from './registry';
export * from './kpis';
export * from './monitoring';
