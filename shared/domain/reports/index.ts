// The report figures' definitions, in one place for the reports, the worker and the campaigns to import.
export * from './aggregates';
export * from './customers';
export * from './loyalty';
export * from './periods';
export * from './sales';
export * from './satisfaction';
export * from './status';
export * from './reportResults';
