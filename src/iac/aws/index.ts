import { mappers as data } from './data.js';
import { mappers as identity } from './identity.js';
import type { BlockMapper } from './mapper.js';
import { mappers as network } from './network.js';
import { mappers as storage } from './storage.js';

/** Every block mapper, by the template type it reads ('AWS::S3::Bucket', 'aws_s3_bucket'). */
export const MAPPERS: ReadonlyMap<string, BlockMapper> = new Map(
  [...storage, ...network, ...data, ...identity].map((m) => [m.source, m]),
);
