import { z } from 'zod';
import {
  CreateIntegrationRequest,
  CreatedIntegration,
  DecisionCallback,
  ExternalTaskRequest,
  ExternalTaskState,
  IntegrationInfo,
} from '../../../shared/protocol/integration-api.ts';

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output') => {
  const json = z.toJSONSchema(s, { io, target: 'openapi-3.0' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
};

const problem = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
};

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = {
  '400': { description: 'The request is malformed or invalid', ...json('Problem') },
  '401': { description: 'Missing, unknown or revoked token', ...json('Problem') },
  '403': { description: 'The token lacks the scope', ...json('Problem') },
};

/** OpenAPI 3.0 for the integration API, generated from the same zod schemas the server validates with. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const externalIdParam = { name: 'externalId', in: 'path', required: true, schema: { type: 'string', maxLength: 128 } };
  return {
    openapi: '3.0.3',
    info: {
      title: 'Portico integration API',
      version,
      description:
        'Put approval tasks from other systems into Portico and receive the decision. Decisions are POSTed to the ' +
        'callbackUrl with header `Portico-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(signingSecret, "<t>.<raw body>")>`; ' +
        'reject timestamps older than 5 minutes. Deliveries repeat until a 2xx; use the `Portico-Delivery` header to drop repeats.',
    },
    components: {
      securitySchemes: {
        integrationToken: { type: 'http', scheme: 'bearer', description: 'An integration token (pit_…) created by an admin' },
        userToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An admin user’s access token' },
      },
      schemas: {
        Problem: problem,
        ExternalTaskRequest: schema(ExternalTaskRequest, 'input'),
        ExternalTaskState: schema(ExternalTaskState),
        DecisionCallback: schema(DecisionCallback),
        CreateIntegrationRequest: schema(CreateIntegrationRequest, 'input'),
        CreatedIntegration: schema(CreatedIntegration),
        IntegrationInfo: schema(IntegrationInfo),
      },
    },
    paths: {
      '/api/integrations/v1/tasks': {
        post: {
          summary: 'Create an approval task (idempotent by externalId)',
          security: [{ integrationToken: [] }],
          requestBody: { required: true, ...json('ExternalTaskRequest') },
          responses: {
            '201': { description: 'Created', ...json('ExternalTaskState') },
            '200': { description: 'A task with this externalId exists; nothing changed', ...json('ExternalTaskState') },
            ...errors,
          },
          callbacks: {
            decision: {
              '{$request.body#/callbackUrl}': {
                post: {
                  summary: 'The decision, signed',
                  requestBody: { required: true, ...json('DecisionCallback') },
                  responses: { '200': { description: 'Any 2xx stops the retries' } },
                },
              },
            },
          },
        },
      },
      '/api/integrations/v1/tasks/{externalId}': {
        get: {
          summary: 'The task’s current status',
          security: [{ integrationToken: [] }],
          parameters: [externalIdParam],
          responses: {
            '200': { description: 'Found', ...json('ExternalTaskState') },
            '404': { description: 'No such task', ...json('Problem') },
            ...errors,
          },
        },
        delete: {
          summary: 'Cancel a task that is still pending',
          security: [{ integrationToken: [] }],
          parameters: [externalIdParam],
          responses: {
            '200': { description: 'Cancelled (or already cancelled)', ...json('ExternalTaskState') },
            '404': { description: 'No such task', ...json('Problem') },
            '409': { description: 'Already decided', ...json('Problem') },
            ...errors,
          },
        },
      },
      '/api/admin/integrations': {
        get: {
          summary: 'List integrations',
          security: [{ userToken: [] }],
          responses: {
            '200': {
              description: 'All integrations',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: { integrations: { type: 'array', items: { $ref: '#/components/schemas/IntegrationInfo' } } },
                  },
                },
              },
            },
            ...errors,
          },
        },
        post: {
          summary: 'Create an integration; the token and signing secret are shown once',
          security: [{ userToken: [] }],
          requestBody: { required: true, ...json('CreateIntegrationRequest') },
          responses: { '201': { description: 'Created', ...json('CreatedIntegration') }, ...errors },
        },
      },
      '/api/admin/integrations/{id}/revoke': {
        post: {
          summary: 'Revoke an integration’s token; its pending callbacks stop',
          security: [{ userToken: [] }],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'Revoked' },
            '404': { description: 'No such active integration', ...json('Problem') },
            ...errors,
          },
        },
      },
    },
  };
}
