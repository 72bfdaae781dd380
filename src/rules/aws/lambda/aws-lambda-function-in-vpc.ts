import { isUnknown } from '../../../core/resource.js';
import { error, fail, pass } from '../../../core/rule.js';
import { defineAwsRule } from '../../define.js';
import { cfnFunction, lambdaFunction, tfFunction } from '../lib/edge-fixtures.js';

export default defineAwsRule({
  id: 'aws-lambda-function-in-vpc',
  resourceType: 'aws.lambda.function',
  category: 'network',
  severity: 'low',
  text: {
    title: { en: 'Lambda functions are connected to a VPC', ja: 'Lambda 関数が VPC に接続されている' },
    description: {
      en: 'Checks that the function is attached to subnets of a VPC (VpcConfig.SubnetIds is not empty). Functions that only call public AWS APIs may not need it: use an exception for them.',
      ja: '関数が VPC のサブネットに接続されている（VpcConfig.SubnetIds が空でない）ことを確認する。パブリックな AWS API だけを呼び出す関数には不要な場合があり、その場合は例外を使う。',
    },
    rationale: {
      en: "A function in a VPC sends its traffic through the VPC's security groups, route tables, endpoints and flow logs, so what it can reach and where its data goes is controlled and recorded like any other workload.",
      ja: 'VPC 内の関数の通信は VPC のセキュリティグループ、ルートテーブル、エンドポイント、フローログを通るため、到達できる先とデータの送り先が他のワークロードと同じように制御・記録される。',
    },
    remediation: {
      text: {
        en: 'Attach the function to private subnets (in at least two Availability Zones) with a security group, and give it VPC endpoints or a NAT gateway for the AWS services it calls.',
        ja: '関数を（少なくとも 2 つのアベイラビリティーゾーンの）プライベートサブネットにセキュリティグループ付きで接続し、呼び出す AWS サービス用に VPC エンドポイントまたは NAT ゲートウェイを用意する。',
      },
      console: {
        en: 'Lambda console → Functions → select the function → Configuration tab → VPC → Edit → choose the VPC, subnets and security groups → Save.',
        ja: 'Lambda コンソール → 関数 → 対象の関数を選択 → 設定 タブ → VPC → 編集 → VPC、サブネット、セキュリティグループを選択 → 保存。',
      },
      cli: 'aws lambda update-function-configuration --function-name <FUNCTION> --vpc-config SubnetIds=<SUBNET_ID_1>,<SUBNET_ID_2>,SecurityGroupIds=<SG_ID>',
      cloudformation: 'AWS::Lambda::Function → VpcConfig: { SubnetIds: [...], SecurityGroupIds: [...] }',
      terraform: 'vpc_config {\n  subnet_ids         = [...]\n  security_group_ids = [...]\n}',
      url: 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html',
    },
  },
  evaluate: ({ props }) => {
    const vpc: unknown = props.VpcConfig;
    if (isUnknown(vpc)) return error(`unresolved value at VpcConfig: ${vpc.$unknown}`);
    const subnets: unknown = props.VpcConfig?.SubnetIds;
    if (isUnknown(subnets)) return error(`unresolved value at VpcConfig.SubnetIds: ${subnets.$unknown}`);
    if ((props.VpcConfig?.SubnetIds ?? []).length > 0) {
      return pass({
        en: `VPC ${props.VpcConfig?.VpcId ?? ''}`.trim(),
        ja: `VPC ${props.VpcConfig?.VpcId ?? ''}`.trim(),
      });
    }
    return fail('VpcConfig', {
      en: `Function ${props.FunctionName ?? ''} is not connected to a VPC`,
      ja: `関数 ${props.FunctionName ?? ''} が VPC に接続されていない`,
    });
  },
  fixtures: {
    live: {
      pass: [{ props: lambdaFunction() }],
      fail: [
        { props: lambdaFunction({ VpcConfig: undefined }) },
        { props: lambdaFunction({ VpcConfig: { SubnetIds: [], SecurityGroupIds: [], VpcId: '' } }) },
      ],
      error: [
        { props: lambdaFunction({ VpcConfig: { $unknown: 'Fn::If' } }) },
        { props: lambdaFunction({ VpcConfig: { SubnetIds: { $unknown: 'var.subnets' }, SecurityGroupIds: [] } }) },
      ],
    },
    cloudformation: {
      pass: [
        cfnFunction(`      Runtime: python3.13
      VpcConfig:
        SubnetIds:
          - subnet-0a1b2c3d
          - subnet-0e5f6a7b
        SecurityGroupIds:
          - sg-0a1b2c3d
`),
      ],
      fail: [cfnFunction('      Runtime: python3.13\n')],
      error: [
        cfnFunction(
          `      Runtime: python3.13
      VpcConfig:
        SubnetIds: !Ref Subnets
        SecurityGroupIds:
          - sg-0a1b2c3d
`,
          '',
          '  Subnets:\n    Type: CommaDelimitedList\n',
        ),
      ],
    },
    terraform: {
      pass: [
        tfFunction(`  runtime       = "python3.13"
  vpc_config {
    subnet_ids         = ["subnet-0a1b2c3d", "subnet-0e5f6a7b"]
    security_group_ids = ["sg-0a1b2c3d"]
  }
`),
      ],
      fail: [tfFunction('  runtime       = "python3.13"\n')],
      error: [
        `variable "subnets" {\n  type = list(string)\n}\n\n${tfFunction(`  runtime       = "python3.13"
  vpc_config {
    subnet_ids         = var.subnets
    security_group_ids = ["sg-0a1b2c3d"]
  }
`)}`,
      ],
    },
  },
});
