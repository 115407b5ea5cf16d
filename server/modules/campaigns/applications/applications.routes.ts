import type { FastifyInstance } from 'fastify';
import type { FileStore } from '../../../platform/file-store.js';

export function registerApplicationRoutes(_fastify: FastifyInstance, _files: FileStore) {}
