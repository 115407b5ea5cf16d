import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredRoute } from './app.js';
import { operationIdFor, SECURITY_SCHEME_CSRF, SECURITY_SCHEME_SESSION } from './platform/openapi.js';
import { createTestApp, type TestApp } from './test-support/test-app.js';

/**
 * The OpenAPI document at /api/docs/json is something an integrator can use: it passes Redocly's
 * recommended rules with no error, every operation is named, secured as the server enforces it and
 * documents its error answers, and a client generated from it types every request body.
 */
type Operation = {
  operationId?: string;
  summary?: string;
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
  responses: Record<string, unknown>;
};
type Document = { paths: Record<string, Record<string, Operation>>; servers?: Array<{ url: string }> };

let t: TestApp;
let doc: Document;
let routes: RegisteredRoute[];
let dir: string;

const WRITE_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
const key = (r: RegisteredRoute) => `${r.method} ${r.url}`;
const openapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const operationOf = (r: RegisteredRoute) => doc.paths[openapiPath(r.url)]?.[r.method.toLowerCase()];

/**
 * Warnings left on purpose: the API has no public licence to state (info-license), and the health
 * check has no error answer at all (operation-4xx-response). Anything else fails.
 */
const ACCEPTED_WARNINGS: Array<{ ruleId: string; pointer?: RegExp }> = [
  { ruleId: 'info-license' },
  { ruleId: 'operation-4xx-response', pointer: /^#\/paths\/~1api~1health\/get\// },
];

beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.registeredRoutes;
  const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uh-openapi-'));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: Array<{ pointer?: string }>;
}

describe('OpenAPI document', () => {
  it('passes Redocly lint (recommended rules) with no error', async () => {
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    // @redocly/cli has no Node API (a bundled CLI); its binary exits 1 when there are errors.
    const bin = path.join(process.cwd(), 'node_modules', '.bin', 'redocly');
    const run = await promisify(execFile)(bin, ['lint', file, '--format=json', '--max-problems=100000', '--extends=recommended'], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: LintProblem[] };
    const describe = (p: LintProblem) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`;
    const errors = report.problems.filter((p) => p.severity === 'error');
    expect(errors.map(describe), 'lint errors').toEqual([]);
    expect(report.totals.errors).toBe(0);
    const unexpected = report.problems.filter(
      (p) => p.severity !== 'error' && !ACCEPTED_WARNINGS.some((w) => w.ruleId === p.ruleId && (!w.pointer || w.pointer.test(p.location[0]?.pointer ?? ''))),
    );
    expect(unexpected.map(describe), 'warnings not accepted on purpose').toEqual([]);
  });

  it('documents every API route once, with an operationId from method and URL and a summary', () => {
    const ids = new Set<string>();
    for (const route of apiRoutes()) {
      const op = operationOf(route);
      expect(op, `${key(route)} is in the document`).toBeDefined();
      expect(op.operationId, key(route)).toBe(operationIdFor(route.method, route.url));
      expect(ids.has(op.operationId!), `${op.operationId} is unique`).toBe(false);
      ids.add(op.operationId!);
      expect(op.summary?.trim(), `${key(route)} summary`).toBeTruthy();
    }
    expect(doc.servers?.every((s) => s.url.length > 0)).toBe(true);
  });

  it('declares the security the server enforces: none for public routes, the session cookie, and the CSRF header on writes', () => {
    for (const route of apiRoutes()) {
      const { security } = operationOf(route);
      if (route.config.public) expect(security, key(route)).toEqual([]);
      else if (WRITE_METHODS.has(route.method)) expect(security, key(route)).toEqual([{ [SECURITY_SCHEME_SESSION]: [], [SECURITY_SCHEME_CSRF]: [] }]);
      else expect(security, key(route)).toEqual([{ [SECURITY_SCHEME_SESSION]: [] }]);
    }
  });

  it('documents the error answers: 401 and 403 on every route behind a session, 400 where input is taken, as ApiError', () => {
    for (const route of apiRoutes()) {
      const responses = operationOf(route).responses as Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
      if (!route.config.public) for (const status of ['401', '403']) expect(Object.keys(responses), key(route)).toContain(status);
      if (route.hasBody || route.rawBody || route.querystringKeys.length || route.url.includes(':')) expect(Object.keys(responses), key(route)).toContain('400');
      for (const [status, response] of Object.entries(responses))
        if (status.startsWith('4')) expect(response.content?.['application/json']?.schema?.$ref, `${key(route)} ${status}`).toBe('#/components/schemas/ApiError');
    }
  });

  it('gives every write route with a JSON body a schema with its fields, and raw-body routes their content types', () => {
    for (const route of apiRoutes().filter((r) => WRITE_METHODS.has(r.method))) {
      const body = operationOf(route).requestBody;
      if (route.hasBody) {
        const schema = body?.content['application/json']?.schema;
        expect(schema?.type, key(route)).toBe('object');
        expect(Object.keys((schema?.properties as object) ?? {}).length, `${key(route)} has fields`).toBeGreaterThan(0);
        expect(schema?.additionalProperties, `${key(route)} is strict`).toBe(false);
      } else if (route.rawBody) {
        expect(Object.keys(body?.content ?? {}).sort(), key(route)).toEqual([...route.rawBody].sort());
      } else {
        expect(body, `${key(route)} takes no body`).toBeUndefined();
      }
    }
  });

  it('generates a TypeScript client (openapi-typescript) that types every request body', async () => {
    const source = astToString(await openapiTS(doc as never));
    const file = ts.createSourceFile('api.d.ts', source, ts.ScriptTarget.Latest, true);
    const operations = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'operations');
    expect(operations).toBeDefined();
    const bodies = new Map<string, string>(); // operationId → the JSON body's type, as written
    for (const member of operations!.members) {
      if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeLiteralNode(member.type)) continue;
      const requestBody = member.type.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText(file) === 'requestBody');
      if (!requestBody?.type || !ts.isTypeLiteralNode(requestBody.type)) continue;
      const content = requestBody.type.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && m.name.getText(file) === 'content');
      if (!content?.type || !ts.isTypeLiteralNode(content.type)) continue;
      for (const media of content.type.members)
        if (ts.isPropertySignature(media) && media.type) bodies.set(`${member.name.getText(file)} ${media.name.getText(file)}`, media.type.getText(file).replace(/\s+/g, ' '));
    }
    expect(bodies.size).toBeGreaterThan(20);
    const untyped = /^(unknown|never|any|\{\}|Record<string, never>|Record<string, unknown>|\{ \[key: string\]: unknown; ?\})$/;
    for (const route of apiRoutes().filter((r) => WRITE_METHODS.has(r.method) && r.hasBody)) {
      const type = bodies.get(`${operationIdFor(route.method, route.url)} "application/json"`);
      expect(type, `${key(route)} has a typed body`).toBeDefined();
      expect(type, key(route)).not.toMatch(untyped);
    }
    for (const [name, type] of bodies) expect(type, name).not.toMatch(untyped);
  });
});
