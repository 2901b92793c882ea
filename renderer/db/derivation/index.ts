// The derivation module: per-customer derived state (customerState), the status engine, and the tables each write must hold.
export * from './customerRows';
export * from './engine';
export * from './scopes';
export * from './points';
export * from './care';
export * from './chunks';
export * from './survey';
export * from './reports';
