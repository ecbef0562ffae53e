export * from './runs';
export * from './series';
export * from './search-filter';
