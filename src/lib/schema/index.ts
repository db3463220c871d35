export * from './vocab';
export * from './tables';
export * from './attack';
