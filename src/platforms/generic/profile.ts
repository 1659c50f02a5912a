/**
 * @fileoverview The generic profile: a JSON REST API described by the options of `init`
 * (`--auth`, `--api-url`), with `Link` pagination and hex-signed webhooks. Every name that is not a
 * known platform gets it.
 */
import { AUTH_STYLES, CONNECTOR_TYPES, DEFAULT_API_URL, type AuthStyle, type ConnectorType } from '../../scaffold/catalogue.js';
import type { PlatformProfile } from '../profile.js';

export const genericProfile: PlatformProfile = {
  key: 'generic',
  title: 'Generic REST',
  summary: 'any JSON REST API: auth style, URL, resources and field mappings from the options and the catalogue',
  types: Object.keys(CONNECTOR_TYPES) as ConnectorType[],
  auth: Object.keys(AUTH_STYLES) as AuthStyle[],
  transport: 'rest',
  apiUrl: DEFAULT_API_URL,
  pageSize: 50,
  webhook: {
    signatureHeader: 'X-Webhook-Signature',
    encoding: 'hex',
    topicHeader: 'X-Webhook-Event',
    idHeader: 'X-Webhook-Id',
  },
  entityOverrides: {},
  hasTemplates: false,
  hasGuide: false,
};
