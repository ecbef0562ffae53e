export * from './summary';
export * from './plan';
export * from './downsample';
