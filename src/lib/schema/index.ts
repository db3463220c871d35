export * from './vocab';
export * from './tables';
export * from './attack';
export * from './acled';
export * from './geo';
