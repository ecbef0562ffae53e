// Quorum's pure domain: no I/O, usable on the server and in the browser.
export * from './runs';
export * from './series';
export * from './search-filter';
export * from './stats';
export * from './datasets';
export * from './policy';
export * from './audit';
export * from './registry';
export * from './monitoring';
export * from './kpis';
