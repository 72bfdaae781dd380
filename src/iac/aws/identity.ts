import type { BlockMapper } from './mapper.js';

export const mappers: BlockMapper[] = [];
