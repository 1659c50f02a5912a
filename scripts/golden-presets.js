// The golden presets, shared by scripts/update-golden.js and tests/golden/golden.test.ts.
// `platform` (default generic) picks a platform profile; `auth` defaults to the profile's.
/** @type {{ name: string, type: string, auth?: string, platform?: string }[]} */
export const GOLDEN_PRESETS = [
  { name: 'ecommerce-api_key', type: 'ecommerce', auth: 'api_key' },
  { name: 'logistics-basic', type: 'logistics', auth: 'basic' },
  { name: 'accounting-oauth2', type: 'accounting', auth: 'oauth2' },
  { name: 'crm-hmac', type: 'crm', auth: 'hmac' },
  { name: 'shopify', type: 'ecommerce', platform: 'shopify' },
  { name: 'woocommerce', type: 'ecommerce', platform: 'woocommerce' },
];
export const GOLDEN_NAME = 'acme';
