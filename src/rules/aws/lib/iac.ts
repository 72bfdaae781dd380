import type { Resource } from '../../../core/resource.js';

/**
 * Whether a resource was read from a template rather than a live account. A template says nothing about the
 * account it lands in (no aws.account or aws.region resources exist in an IaC scan), so a rule that would consult
 * account-wide settings judges the template's own declaration instead, and says so in its reason.
 */
export const fromTemplate = (resource: Pick<Resource, 'source'>): boolean =>
  resource.source.kind === 'cloudformation' || resource.source.kind === 'terraform';
