/**
 * @fileoverview The platform profiles the tool knows, by `--platform` key. Adding a platform is a
 * folder `src/platforms/<key>/` exporting its profile, one line here, and (optionally) its
 * templates in `templates/platforms/<key>/` and its guide in `references/platforms/<key>.md`.
 */
import { UsageError } from '../errors.js';
import { genericProfile } from './generic/profile.js';
import { shopifyProfile } from './shopify/profile.js';
import type { PlatformProfile } from './profile.js';
import { woocommerceProfile } from './woocommerce/profile.js';

const PROFILES: readonly PlatformProfile[] = [genericProfile, shopifyProfile, woocommerceProfile];

export const PLATFORM_KEYS: readonly string[] = PROFILES.map((profile) => profile.key);

export function platformProfile(key: string): PlatformProfile {
  const profile = PROFILES.find((candidate) => candidate.key === key);
  if (!profile) {
    throw new UsageError(`Invalid --platform ${JSON.stringify(key)}. Valid values: ${PLATFORM_KEYS.join(', ')}.`);
  }
  return profile;
}

/** The profile `init <name>` uses without `--platform`: the platform of that name, else generic. */
export function defaultPlatformFor(name: string): PlatformProfile {
  const base = name.replace(/_connector$/, '');
  return PROFILES.find((profile) => profile.key !== genericProfile.key && profile.key === base) ?? genericProfile;
}

/** One line per platform, for `--help` and the README. */
export function platformHelp(): string {
  return PROFILES.map((profile) => `  ${profile.key.padEnd(12)} ${profile.title}: ${profile.summary}`).join('\n');
}
