import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IacBlock, IacDocument } from '../src/iac/model.js';
import { findSecrets, isSecretName } from '../src/iac/secrets.js';

const block = (props: Record<string, unknown>, lines: Record<string, number> = {}): IacBlock => ({
  format: 'terraform',
  file: 'main.tf',
  line: 1,
  address: 'aws_x.y',
  type: 'aws_x',
  props,
  lines,
  suppressions: [],
});
const doc = (blocks: IacBlock[], texts: Record<string, string> = {}, inputs: IacDocument['inputs'] = []) => ({
  document: { format: 'terraform', root: '.', blocks, problems: [], files: Object.keys(texts), inputs } as IacDocument,
  read: (f: string) => texts[f],
});

describe('hard-coded secrets', () => {
  it('names that hold secrets, and names that only describe one', () => {
    for (const n of ['password', 'MasterUserPassword', 'auth_token', 'AuthToken', 'secret_string', 'private_key']) {
      assert.ok(isSecretName(n), n);
    }
    for (const n of ['password_length', 'SecretArn', 'kms_key_id', 'auth_token_update_strategy', 'PasswordPolicy']) {
      assert.ok(!isSecretName(n), n);
    }
  });

  it('finds literal secrets in properties at their line, never enum words, references or dynamic references', () => {
    const { document, read } = doc([
      block(
        {
          password: 'hunter2-but-longer',
          master_password: '{{resolve:secretsmanager:db:SecretString:password}}',
          auth_token: '${var.token}',
          auth_token_update_strategy: 'ROTATE',
          nested: [{ secret_string: 'plain text value' }],
        },
        { password: 4, 'nested.0': 9, 'nested.0.secret_string': 10 },
      ),
    ]);
    const hits = findSecrets(document, read);
    assert.deepEqual(
      hits.map((h) => [h.kind, h.line, h.path]),
      [
        ['plain-text-secret-property', 4, 'aws_x.y.password'],
        ['plain-text-secret-property', 10, 'aws_x.y.nested.0.secret_string'],
      ],
    );
  });

  it('finds credential patterns in the text, but not AWS documentation keys', () => {
    const { document, read } = doc([], {
      'main.tf':
        'provider "aws" {\n  access_key = "AKIAIOSFODNN7EXAMPLE"\n}\n# AKIA2Q7ZK4HXVN3LBW6D\n-----BEGIN RSA PRIVATE KEY-----\n',
    });
    const hits = findSecrets(document, read);
    assert.deepEqual(
      hits.map((h) => [h.kind, h.line]),
      [
        ['aws-access-key-id', 4],
        ['private-key', 5],
      ],
    );
  });

  it('reports secret-named or NoEcho inputs with a literal default', () => {
    const { document, read } = doc([], {}, [
      { name: 'db_password', value: 'x-literal', file: 'variables.tf', line: 3 },
      { name: 'region', value: 'ap-northeast-1', file: 'variables.tf', line: 8 },
      { name: 'Token', value: 'abc', file: 't.yaml', line: 5, noEcho: true },
      { name: 'api_key', value: undefined, file: 'variables.tf', line: 12 },
    ]);
    assert.deepEqual(
      findSecrets(document, read).map((h) => [h.file, h.line, h.kind]),
      [
        ['t.yaml', 5, 'secret-default'],
        ['variables.tf', 3, 'secret-default'],
      ],
    );
  });
});
