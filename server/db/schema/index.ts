export * from './orgs.js';
export * from './users.js';
export * from './audit.js';
export * from './households.js';
