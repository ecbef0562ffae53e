export * from './summary';
export * from './plan';
export * from './downsample';
export * from './steps-sample';
