/** awsJson1_0 / awsJson1_1: `POST /` with `X-Amz-Target: <ServiceTarget>.<Operation>` and a JSON body. */
import { fromJson, jsonMembers } from '../codec/json.js';
import type { FakeInput } from '../types.js';
import { header, type Protocol } from './protocol.js';

function jsonRpc(version: '1.0' | '1.1'): Protocol {
  const opts = { jsonName: false };
  return {
    operationName: (req) => header(req, 'x-amz-target')?.split('.').pop(),
    readInput: (req, op) => {
      const text = req.body.toString('utf8');
      return op.input.isStructSchema() ? (fromJson(op.input, text ? JSON.parse(text) : {}, opts) as FakeInput) : {};
    },
    writeOutput: (output, op, _service, requestId) => ({
      status: 200,
      headers: { 'content-type': `application/x-amz-json-${version}`, 'x-amzn-requestid': requestId },
      body: JSON.stringify(
        op.output.isStructSchema() ? jsonMembers(op.output, output ?? {}, opts, `${op.name} output`) : {},
      ),
    }),
  };
}

export const awsJson1_0 = jsonRpc('1.0');
export const awsJson1_1 = jsonRpc('1.1');
