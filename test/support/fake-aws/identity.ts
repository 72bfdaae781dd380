/** Who is calling which service in which region, read from the SigV4 credential scope. Signatures are not checked. */
import { header, type WireRequest } from './protocols/protocol.js';

export interface Caller {
  accessKeyId: string;
  region: string;
  /** SigV4 signing name (`ec2`, `monitoring`, `s3`…). */
  signingName: string;
}

/** `Credential=AKID/20240101/eu-west-1/ec2/aws4_request` in the Authorization header (or X-Amz-Credential). */
export function callerOf(req: WireRequest): Caller | undefined {
  const auth = header(req, 'authorization') ?? '';
  const scope = /Credential=([^,\s]+)/.exec(auth)?.[1] ?? req.query.get('X-Amz-Credential') ?? '';
  const [accessKeyId, , region, signingName] = scope.split('/');
  if (!accessKeyId || !region || !signingName) return undefined;
  return { accessKeyId, region, signingName };
}

/** Service key: the signing name, except S3 Control, which signs as `s3` and is told apart by its path and header. */
export function serviceKey(caller: Caller, req: WireRequest): string {
  if (caller.signingName === 's3' && (req.path.startsWith('/v20180820/') || header(req, 'x-amz-account-id'))) {
    return 's3-control';
  }
  return caller.signingName;
}
