import type { FastifyInstance } from 'fastify';

/** Not built yet: this capability's routes are registered here. */
export function registerLumpSumRoutes(_fastify: FastifyInstance) {}
