import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';

const fs = (BackupPolicy: unknown) => ({
  FileSystemId: 'fs-0123456789abcdef0',
  Name: 'shared',
  LifeCycleState: 'available',
  Encrypted: true,
  PerformanceMode: 'generalPurpose',
  ThroughputMode: 'elastic',
  BackupPolicy,
});

export default defineAwsRule({
  id: 'aws-efs-automatic-backups',
  resourceType: 'aws.efs.file_system',
  category: 'backup',
  severity: 'medium',
  fsbp: ['EFS.7'],
  needs: ['BackupPolicy'],
  text: {
    title: {
      en: 'EFS file systems have automatic backups enabled',
      ja: 'EFS ファイルシステムで自動バックアップが有効になっている',
    },
    description: {
      en: 'Checks that the file system’s backup policy is ENABLED, so AWS Backup takes daily backups of it with the default EFS backup plan.',
      ja: 'ファイルシステムのバックアップポリシーが ENABLED になっており、AWS Backup の EFS 用デフォルトバックアッププランで毎日バックアップされることを確認する。',
    },
    rationale: {
      en: 'A deleted or overwritten file on a shared file system cannot be recovered without a backup; ransomware that encrypts a mounted file system hits every client at once.',
      ja: '共有ファイルシステム上で削除・上書きされたファイルは、バックアップがなければ復旧できない。マウントされたファイルシステムを暗号化するランサムウェアは、すべてのクライアントに同時に影響する。',
    },
    remediation: {
      text: {
        en: 'Turn on automatic backups for the file system (or include it in an AWS Backup plan of your own and record that as an exception).',
        ja: 'ファイルシステムの自動バックアップを有効にする（独自の AWS Backup プランに含めている場合は、その旨を例外として記録する）。',
      },
      console: {
        en: 'EFS console → File systems → select the file system → Edit (General) → Automatic backups: Enable automatic backups → Save changes.',
        ja: 'EFS コンソール → ファイルシステム → 対象のファイルシステムを選択 → 編集（全般）→ 自動バックアップ: 自動バックアップを有効化 → 変更の保存。',
      },
      cli: 'aws efs put-backup-policy --file-system-id <FILE_SYSTEM_ID> --backup-policy Status=ENABLED',
      cloudformation: 'Type: AWS::EFS::FileSystem\nProperties:\n  BackupPolicy:\n    Status: ENABLED',
      terraform:
        'resource "aws_efs_backup_policy" "fs" {\n  file_system_id = aws_efs_file_system.fs.id\n  backup_policy {\n    status = "ENABLED"\n  }\n}',
      url: 'https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html',
    },
  },
  evaluate: ({ props, resource }) => {
    const status = props.BackupPolicy?.Status as unknown;
    if (isUnknown(status)) return error(`unresolved value at BackupPolicy.Status: ${status.$unknown}`);
    if (status === 'ENABLED' || status === 'ENABLING') return pass();
    return fail(props.BackupPolicy ? 'BackupPolicy.Status' : 'BackupPolicy', {
      en: `Automatic backups are off for file system ${resource.name}`,
      ja: `ファイルシステム ${resource.name} で自動バックアップが無効になっている`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: fs({ Status: 'ENABLED' }) }],
      fail: [{ props: fs({ Status: 'DISABLED' }) }, { props: fs(null) }],
      error: [
        { props: fs(undefined), gaps: { BackupPolicy: 'AccessDenied: elasticfilesystem:DescribeBackupPolicy' } },
        { props: fs(undefined) },
      ],
    },
    cloudformation: {
      pass: [
        `Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      BackupPolicy:
        Status: ENABLED
`,
      ],
      fail: [
        // Created through CloudFormation, a file system has automatic backups off unless BackupPolicy turns them on.
        `Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
`,
        `Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      BackupPolicy:
        Status: DISABLED
`,
      ],
      error: [
        `Parameters:
  BackupStatus:
    Type: String
    AllowedValues: [ENABLED, DISABLED]
Resources:
  SharedFs:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: true
      BackupPolicy:
        Status: !Ref BackupStatus
`,
      ],
    },
    terraform: {
      pass: [
        `resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = "ENABLED"
  }
}
`,
      ],
      fail: [
        `resource "aws_efs_file_system" "shared" {
  encrypted = true
}
`,
      ],
      error: [
        `variable "backup_status" {
  type = string
}

resource "aws_efs_file_system" "shared" {
  encrypted = true
}

resource "aws_efs_backup_policy" "shared" {
  file_system_id = aws_efs_file_system.shared.id

  backup_policy {
    status = var.backup_status
  }
}
`,
      ],
    },
  },
});
