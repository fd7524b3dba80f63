import type { APIRoute } from 'astro';
import { INTEGRATION_LIMITS } from '../../../server/api/integration-clients.ts';
import { locales } from '../../../i18n/locales.ts';
import { SEARCH_FILTERS, SEARCH_PAGE_SIZE } from '../../../lib/search-params.ts';
import { MAX_QUERY } from '../../../lib/search-query.ts';
import { API_LETTER_MAX_BYTES, API_LOOKUP_MAX_BYTES } from '../../../server/api/json-api.ts';
import { LETTER_KINDS, LETTER_LIMITS, PROOF_OF_WORK, RATE_LIMITS } from '../../../server/cases/letter-settings.ts';

/**
 * GET /api/v1/openapi.json — the OpenAPI 3.1 description of the public API, written at build
 * time from the same limits the endpoints enforce (a static file, like the pages).
 */
export const prerender = true;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (schema: object) => ({ 'application/json': { schema } });
const response = (description: string, schema: object, headers?: object) => ({ description, content: jsonContent(schema), ...(headers ? { headers } : {}) });
const minutes = (ms: number) => ms / 60_000;

const filterDescriptions: Record<(typeof SEARCH_FILTERS)[number], string> = {
  type: 'Kind of content: `news`, `notice`, `policy`, `interpretation`, `service` or `page`.',
  department: 'Department id (e.g. `health`, `general-office`).',
  topic: 'Topic id.',
  genre: 'Document genre id of a policy.',
  year: 'Year of publication, e.g. `2025`.',
  validity: 'Validity of a policy: `valid`, `amended`, `repealed` or `expired`.',
};

const document = {
  openapi: '3.1.0',
  info: {
    title: 'Regional People’s Government portal API',
    version: '1.0.0',
    description:
      'Site search, and citizens’ letters (leader’s mailbox, consultation, suggestion, complaint) over JSON. ' +
      'Messages are in the requested `locale` (zh, ug, en). Letter endpoints refuse with 403 a request whose `Origin` ' +
      'header is present and is not the portal’s own origin; requests without `Origin` (server-to-server integrations) are accepted. ' +
      'Letter answers are never cached (`Cache-Control: no-store`). ' +
      'A method a path does not take is answered 405 with an `Error` body and an `Allow` header. ' +
      'The letter form on the site asks browsers that run scripts for a proof of work (ALTCHA, from `/api/v1/challenge`); ' +
      'this API does not: it is for integrations such as the 12345 hotline, which send letters for callers and have no browser to solve one. ' +
      'Rate limits per client address hold it instead. An integration given a key (`npm run api:key`, configured in `API_CLIENTS`) ' +
      `sends it as \`Authorization: Bearer <key>\` and is held to its own limits instead (${INTEGRATION_LIMITS.submit.max} letters and ${INTEGRATION_LIMITS.lookup.max} lookups per ${minutes(INTEGRATION_LIMITS.submit.windowMs)} minutes); ` +
      'its letters are marked with its name. A key that matches no integration is refused with 401.',
  },
  servers: [{ url: '/' }],
  tags: [{ name: 'search' }, { name: 'letters' }, { name: 'anti-automation' }],
  paths: {
    '/api/v1/search': {
      get: {
        tags: ['search'],
        operationId: 'search',
        summary: 'Search the site',
        description: `The site search from the same index as the search page, ${SEARCH_PAGE_SIZE} results a page. Filter values that are not ids are ignored and named in \`ignored\`.`,
        parameters: [
          { name: 'q', in: 'query', required: true, description: `The words to search for; cut to ${MAX_QUERY} characters.`, schema: { type: 'string', minLength: 1 } },
          { name: 'locale', in: 'query', required: true, description: 'The language of the index searched.', schema: ref('Locale') },
          ...SEARCH_FILTERS.map((name) => ({
            name, in: 'query', required: false, description: filterDescriptions[name],
            schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
          })),
          { name: 'page', in: 'query', required: false, description: 'Page of results; past the end gives the last page.', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 1 } },
        ],
        responses: {
          '200': response('Results', ref('SearchResults'), { 'Cache-Control': { schema: { type: 'string' }, description: '`public, max-age=60`' } }),
          '400': response('No `q` or no valid `locale`', ref('Error')),
        },
      },
    },
    '/api/v1/cases': {
      post: {
        tags: ['letters'],
        operationId: 'submitLetter',
        summary: 'Send a letter',
        description:
          `Sends a letter without attachments (use the form on the site for files). The PIN is shown only in this answer. ` +
          `Limited to ${RATE_LIMITS.submit.max} requests per ${minutes(RATE_LIMITS.submit.windowMs)} minutes per client address, valid or not, shared with the letter form. ` +
          `No proof of work is asked for (see the API's description), and the form's tighter limit on letters sent without one ` +
          `(${RATE_LIMITS.submitWithoutProof.max} per ${minutes(RATE_LIMITS.submitWithoutProof.windowMs)} minutes) does not apply here.`,
        requestBody: { required: true, content: jsonContent(ref('NewLetter')) },
        responses: {
          '201': response('The letter was received', ref('LetterReceipt')),
          '400': response('Malformed JSON, or fields with problems (each named in `fields`, in the requested locale)', ref('ValidationError')),
          '401': response('`Authorization` names a key no integration has', ref('Error')),
          '403': response('`Origin` is another site', ref('Error')),
          '413': response(`The body is larger than ${API_LETTER_MAX_BYTES / 1024} KB`, ref('Error')),
          '415': response('The body is not `application/json`', ref('Error')),
          '429': response('Too many requests from this address', ref('Error'), { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds (an upper bound)' } }),
          '503': response('Letters cannot be received right now', ref('Error')),
        },
      },
    },
    '/api/v1/challenge': {
      get: {
        tags: ['anti-automation'],
        operationId: 'proofOfWorkChallenge',
        summary: 'A proof-of-work challenge for the letter form',
        description:
          `An ALTCHA (v2 format) challenge, signed by the server, that the letter form's widget solves in the browser and sends back ` +
          `with the form in the \`${PROOF_OF_WORK.field}\` field. Algorithm \`${PROOF_OF_WORK.algorithm}\`, cost ${PROOF_OF_WORK.cost}; it expires ` +
          `${minutes(PROOF_OF_WORK.expiryMs)} minutes after it is issued and is accepted once. ` +
          `Limited to ${RATE_LIMITS.challenge.max} per ${minutes(RATE_LIMITS.challenge.windowMs)} minutes per client address. Not needed for \`/api/v1/cases\`.`,
        responses: {
          '200': response('A challenge', ref('Challenge'), { 'Cache-Control': { schema: { type: 'string' }, description: '`no-store`' } }),
          '429': response('Too many challenges from this address', ref('Error'), { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds (an upper bound)' } }),
        },
      },
    },
    '/api/v1/cases/lookup': {
      post: {
        tags: ['letters'],
        operationId: 'lookUpLetter',
        summary: 'Look up a letter with its tracking code and PIN',
        description:
          'An unknown code and a wrong PIN get the same 404 answer. A code whose check character fails is a 400 naming `trackingCode`. ' +
          `Limited to ${RATE_LIMITS.lookup.max} lookups per ${minutes(RATE_LIMITS.lookup.windowMs)} minutes per client address and ` +
          `${RATE_LIMITS.lookupsPerCode.max} per ${minutes(RATE_LIMITS.lookupsPerCode.windowMs)} minutes per tracking code, shared with the status page.`,
        requestBody: { required: true, content: jsonContent(ref('LetterQuery')) },
        responses: {
          '200': response('The letter', ref('LetterStatus')),
          '400': response('Malformed JSON, or a code or PIN that cannot be one', ref('ValidationError')),
          '403': response('`Origin` is another site', ref('Error')),
          '404': response('No letter matches this tracking code and PIN', ref('Error')),
          '413': response(`The body is larger than ${API_LOOKUP_MAX_BYTES / 1024} KB`, ref('Error')),
          '415': response('The body is not `application/json`', ref('Error')),
          '429': response('Too many lookups', ref('Error'), { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds (an upper bound)' } }),
        },
      },
    },
  },
  components: {
    securitySchemes: { integrationKey: { type: 'http', scheme: 'bearer', description: 'An integration\'s key; optional — without it a request is a visitor\'s.' } },
    schemas: {
      Locale: { type: 'string', enum: [...locales] },
      LetterKind: { type: 'string', enum: [...LETTER_KINDS] },
      TrackingCode: { type: 'string', pattern: '^[0-9A-Z]{5}-[0-9A-Z]{5}$', examples: ['K7MXC-4HT9A'] },
      Error: { type: 'object', required: ['error'], properties: { error: { type: 'string', description: 'A message in the requested locale' } } },
      ValidationError: {
        type: 'object',
        required: ['error', 'fields'],
        properties: {
          error: { type: 'string' },
          fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'A message per field with a problem; empty when the body could not be read' },
        },
      },
      Challenge: {
        type: 'object',
        required: ['parameters', 'signature'],
        properties: {
          parameters: {
            type: 'object',
            required: ['algorithm', 'cost', 'expiresAt', 'keyLength', 'keyPrefix', 'keySignature', 'nonce', 'salt'],
            properties: {
              algorithm: { type: 'string', const: PROOF_OF_WORK.algorithm },
              cost: { type: 'integer', description: 'PBKDF2 iterations per attempt' },
              expiresAt: { type: 'integer', description: 'Unix time in seconds' },
              keyLength: { type: 'integer' },
              keyPrefix: { type: 'string', description: 'Hex; the derived key of the solution starts with it' },
              keySignature: { type: 'string' },
              nonce: { type: 'string' },
              salt: { type: 'string' },
            },
          },
          signature: { type: 'string', description: 'HMAC-SHA-256 of the parameters, hex' },
        },
      },
      NewLetter: {
        type: 'object',
        required: ['kind', 'locale', 'title', 'body', 'name', 'phone', 'publish'],
        properties: {
          kind: ref('LetterKind'),
          locale: { ...ref('Locale'), description: 'The language of the answer’s messages and of `statusUrl`' },
          title: { type: 'string', minLength: LETTER_LIMITS.title.min, maxLength: LETTER_LIMITS.title.max, description: 'Counted in characters (Unicode code points), one line' },
          body: { type: 'string', minLength: LETTER_LIMITS.body.min, maxLength: LETTER_LIMITS.body.max },
          name: { type: 'string', minLength: 1, maxLength: LETTER_LIMITS.name.max },
          phone: { type: 'string', pattern: '^\\+?[0-9()\\-\\s]+$', description: `${LETTER_LIMITS.phone.minDigits}–${LETTER_LIMITS.phone.maxDigits} digits` },
          email: { type: ['string', 'null'], maxLength: LETTER_LIMITS.email.max, format: 'email' },
          publish: { type: 'boolean', description: 'Whether the letter and its reply may be published on the site' },
        },
      },
      LetterReceipt: {
        type: 'object',
        required: ['trackingCode', 'pin', 'dueDate', 'statusUrl'],
        properties: {
          trackingCode: ref('TrackingCode'),
          pin: { type: 'string', pattern: '^\\d{6}$', description: 'Shown only once; needed with the code to look the letter up' },
          dueDate: { type: 'string', format: 'date', description: 'The last day (Beijing time) of the reply limit, counted in working days' },
          statusUrl: { type: 'string', format: 'uri', description: 'The status page in the requested locale' },
        },
      },
      LetterQuery: {
        type: 'object',
        required: ['trackingCode', 'pin', 'locale'],
        properties: {
          trackingCode: { type: 'string', description: 'As printed (`XXXXX-XXXXX`); case, spaces and hyphens do not matter' },
          pin: { type: 'string', pattern: '^\\d{6}$' },
          locale: ref('Locale'),
        },
      },
      LetterStatus: {
        type: 'object',
        required: ['trackingCode', 'kind', 'title', 'state', 'stateLabel', 'submittedAt', 'dueDate', 'timeline'],
        properties: {
          trackingCode: ref('TrackingCode'),
          kind: ref('LetterKind'),
          title: { type: 'string' },
          state: { type: 'string', enum: ['submitted', 'accepted', 'not-accepted', 'assigned', 'replied', 'closed'] },
          stateLabel: { type: 'string', description: 'The state in the requested locale' },
          submittedAt: { type: 'string', format: 'date-time' },
          dueDate: { type: ['string', 'null'], format: 'date' },
          timeline: {
            type: 'array',
            description: 'Public entries only, oldest first',
            items: {
              type: 'object',
              required: ['at', 'type', 'label'],
              properties: { at: { type: 'string', format: 'date-time' }, type: { type: 'string' }, label: { type: 'string' }, reason: { type: 'string' } },
            },
          },
          reply: {
            type: 'object',
            required: ['text', 'department', 'departmentName', 'at'],
            properties: {
              text: { type: 'string' },
              department: { type: ['string', 'null'] },
              departmentName: { type: ['string', 'null'] },
              at: { type: 'string', format: 'date-time' },
            },
          },
        },
      },
      SearchResults: {
        type: 'object',
        required: ['query', 'usedQuery', 'locale', 'total', 'page', 'pageCount', 'ignored', 'results', 'facets'],
        properties: {
          query: { type: 'string' },
          usedQuery: { type: ['string', 'null'], description: 'The query actually searched, when it differs (e.g. traditional → simplified Chinese)' },
          locale: ref('Locale'),
          total: { type: 'integer', minimum: 0 },
          page: { type: 'integer', minimum: 1 },
          pageCount: { type: 'integer', minimum: 0 },
          ignored: { type: 'array', items: { type: 'string' }, description: 'Parameters that were not understood' },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url', 'title', 'excerpt', 'type', 'date'],
              properties: {
                url: { type: 'string' },
                title: { type: 'string' },
                excerpt: { type: 'string', description: 'Plain text with only `<mark>` tags' },
                type: { type: ['string', 'null'] },
                date: { type: ['string', 'null'] },
              },
            },
          },
          facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
        },
      },
    },
  },
};

export const GET: APIRoute = () =>
  new Response(JSON.stringify(document, null, 2), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
