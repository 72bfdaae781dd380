import { fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { fromTemplate } from '../lib/iac.js';

const volume = {
  VolumeId: 'vol-0a1b2c3d4e5f60718',
  Size: 100,
  VolumeType: 'gp3',
  AvailabilityZone: 'us-east-1a',
  State: 'in-use',
  CreateTime: '2026-03-01T10:00:00.000Z',
  Attachments: [
    {
      VolumeId: 'vol-0a1b2c3d4e5f60718',
      InstanceId: 'i-0123456789abcdef0',
      Device: '/dev/xvda',
      State: 'attached',
      AttachTime: '2026-03-01T10:00:05.000Z',
      DeleteOnTermination: true,
    },
  ],
};

const CLOUDFORMATION = {
  pass: [
    `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
      Encrypted: true
      KmsKeyId: alias/ebs-data
`,
  ],
  fail: [
    `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
`,
  ],
  error: [
    `Parameters:
  Encrypt:
    Type: String
Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: us-east-1a
      Size: 100
      Encrypted: !Ref Encrypt
`,
  ],
};
const TERRAFORM = {
  pass: [
    `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = true
}
`,
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
  root_block_device {
    volume_size = 30
    encrypted   = true
  }
}
`,
  ],
  fail: [
    `resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  encrypted         = false
}
`,
  ],
  error: [
    // A root volume without "encrypted": the AMI's snapshot and the account default decide.
    `resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = "subnet-0a1b2c3d"
  root_block_device {
    volume_size = 30
  }
}
`,
  ],
};

export default defineAwsRule({
  id: 'aws-ec2-volume-encrypted',
  resourceType: 'aws.ec2.volume',
  category: 'encryption',
  severity: 'medium',
  needs: ['Encrypted'],
  fsbp: ['EC2.3'],
  text: {
    title: { en: 'EBS volumes are encrypted at rest', ja: 'EBS ボリュームで保存時の暗号化が有効になっている' },
    description: {
      en: 'Checks that the EBS volume is encrypted. In templates, a volume that does not ask for encryption fails: EBS encryption by default may still encrypt it, but that account setting is outside the template.',
      ja: 'EBS ボリュームが暗号化されていることを確認する。テンプレートでは、暗号化を指定していないボリュームを違反とする（アカウントの EBS デフォルト暗号化で暗号化される場合もあるが、その設定はテンプレートの外にある）。',
    },
    rationale: {
      en: 'An unencrypted volume, and every snapshot taken of it, can be read by anyone who obtains a copy, for example through a snapshot shared by mistake. Encryption with KMS ties access to the key policy and is logged in CloudTrail.',
      ja: '暗号化されていないボリュームとそのスナップショットは、誤って共有されたスナップショットなどでコピーを入手した者なら誰でも読める。KMS で暗号化すれば、アクセスはキーポリシーで制御され、CloudTrail に記録される。',
    },
    remediation: {
      text: {
        en: 'Create an encrypted copy (snapshot → copy with encryption → new volume) and replace the volume; turn on EBS encryption by default so new volumes are encrypted.',
        ja: '暗号化したコピー（スナップショット → 暗号化してコピー → 新しいボリューム）を作成してボリュームを置き換える。新しいボリュームが暗号化されるよう EBS のデフォルト暗号化を有効にする。',
      },
      console: {
        en: 'EC2 console → Elastic Block Store → Volumes → select the volume → Actions → Create snapshot; then Snapshots → select it → Actions → Copy snapshot → Encrypt this snapshot → choose the KMS key; create a volume from the encrypted copy and swap it in.',
        ja: 'EC2 コンソール → Elastic Block Store → ボリューム → 対象を選択 → アクション → スナップショットの作成。次に スナップショット → 対象を選択 → アクション → スナップショットをコピー → このスナップショットを暗号化 → KMS キーを選択。暗号化したコピーからボリュームを作成して置き換える。',
      },
      cli: 'aws ec2 create-snapshot --volume-id <VOLUME_ID>\naws ec2 copy-snapshot --source-snapshot-id <SNAPSHOT_ID> --source-region <REGION> --encrypted --kms-key-id <KMS_KEY_ID>\naws ec2 create-volume --snapshot-id <ENCRYPTED_SNAPSHOT_ID> --availability-zone <AZ>',
      cloudformation: 'AWS::EC2::Volume → Encrypted: true (KmsKeyId: <KMS_KEY>)',
      terraform: 'resource "aws_ebs_volume" → encrypted = true (root_block_device { encrypted = true } on instances)',
      url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    },
  },
  evaluate: ({ props, resource }) => {
    if (props.Encrypted === true) return pass();
    const instance = props.Attachments?.[0]?.InstanceId;
    const where = instance ? ` (attached to ${instance})` : '';
    const whereJa = instance ? `（${instance} にアタッチ）` : '';
    return fromTemplate(resource)
      ? fail('Encrypted', {
          en: `The template does not encrypt volume ${resource.name}${where}; EBS encryption by default, if on in the target account, is outside the template`,
          ja: `テンプレートでボリューム ${resource.name}${whereJa} の暗号化を指定していない（デプロイ先アカウントの EBS デフォルト暗号化はテンプレートの外にある）`,
        })
      : fail('Encrypted', {
          en: `Volume ${props.VolumeId ?? ''}${where} is not encrypted`,
          ja: `ボリューム ${props.VolumeId ?? ''}${whereJa} が暗号化されていない`,
        });
  },
  fixtures: {
    live: {
      pass: [
        {
          props: {
            ...volume,
            Encrypted: true,
            KmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
        },
      ],
      fail: [
        { props: { ...volume, Encrypted: false } },
        { props: { ...volume, State: 'available', Attachments: [], Encrypted: false } },
      ],
      error: [{ props: { ...volume } }, { props: { ...volume, Encrypted: { $unknown: 'snapshot decides' } } }],
    },
    cloudformation: CLOUDFORMATION,
    terraform: TERRAFORM,
  },
});
