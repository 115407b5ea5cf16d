export * from './orgs.js';
export * from './users.js';
export * from './audit.js';
export * from './households.js';
export * from './household-attachments.js';
export * from './background-jobs.js';
export * from './settings.js';
export * from './campaigns.js';
