import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { resolve } from 'node:path';
import { CALL_BUDGET, QUESTIONNAIRE_DIR } from '../../shared/platform/config/common-settings.ts';
import { BRAND_DIR } from '../../shared/platform/brand/brand.ts';
import type { Setting, Settings } from '../../shared/platform/config/settings.ts';
import { LAMBDA_BUNDLING } from './lambda-bundling.ts';
import { CALL_BUDGETS, worstCaseMs, type CallBudgetName } from '../../shared/platform/aws-clients.ts';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** Where a function finds the questionnaire definitions copied into its bundle. */
const BUNDLED_QUESTIONNAIRE_DIR = 'questionnaires';
const BUNDLED_BRAND_DIR = 'brand';

export interface ProductFunctionProps {
  /** The function's folder under `functions/`; its entry is `handler.ts` there. */
  readonly folder: string;
  readonly description: string;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /**
   * How long the function's AWS calls may take (`CALL_BUDGET`, read by its handler). Its
   * worst case must fit in half the timeout, so a call that gives up leaves time to answer.
   */
  readonly callBudget: CallBudgetName;
  /**
   * The settings the function's handler reads (`functions/<folder>/settings.ts`). Each must be
   * set with {@link ProductFunction.setEnv}, and nothing else may be: synth fails otherwise.
   */
  readonly settings: Settings;
  /** @default 256 */
  readonly memorySize?: number;
  readonly logRetention: logs.RetentionDays;
  /** Copy the questionnaire definitions into the bundle and point `QUESTIONNAIRE_DIR` at them. @default false */
  readonly bundleQuestionnaires?: boolean;
  /** Where the questionnaire definitions are. @default config/questionnaires */
  readonly questionnaireDir?: string;
  /** Ship the business's logo file (config `branding.logo`) in the bundle, and tell the handler where. @default false */
  readonly bundleBrandLogo?: boolean;
  /** The logo file to ship, when the config names one in config/. */
  readonly brandLogoFile?: string | undefined;
  readonly environment?: Record<string, string>;
}

/**
 * A product Lambda: arm64 on the latest Node.js runtime, minified ESM with the AWS SDK
 * bundled and trimmed (see LAMBDA_BUNDLING), its own log group with retention, and its own
 * role that starts with no permissions at all except writing to that log group.
 */
export class ProductFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  readonly folder: string;
  private readonly declared: Set<string>;
  private readonly set = new Set<string>();

  constructor(scope: Construct, id: string, props: ProductFunctionProps) {
    super(scope, id);
    this.folder = props.folder;
    this.declared = new Set(Object.values(props.settings).map((s) => s.name));
    this.set.add(CALL_BUDGET.name);
    if (props.bundleQuestionnaires) this.set.add(QUESTIONNAIRE_DIR.name);
    if (props.bundleBrandLogo) this.set.add(BRAND_DIR.name);
    // Every setting the handler reads must be set by the time the app synthesises.
    this.node.addValidation({ validate: () => [...this.declared].filter((name) => !this.set.has(name)).map((name) => `${this.folder} reads ${name}, which the stack does not set`) });
    const timeout = props.timeout ?? Duration.seconds(30);
    if (worstCaseMs(CALL_BUDGETS[props.callBudget]) > timeout.toMilliseconds() / 2) {
      throw new Error(`${props.folder}: the '${props.callBudget}' call budget (worst case ${worstCaseMs(CALL_BUDGETS[props.callBudget])} ms) needs a timeout of at least twice that`);
    }
    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: props.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.folder} function`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.function = new NodejsFunction(this, 'Function', {
      entry: resolve(PROJECT_ROOT, 'functions', props.folder, 'handler.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: resolve(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 256,
      timeout,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        [CALL_BUDGET.name]: props.callBudget,
        ...(props.bundleQuestionnaires ? { [QUESTIONNAIRE_DIR.name]: `/var/task/${BUNDLED_QUESTIONNAIRE_DIR}` } : {}),
        ...(props.bundleBrandLogo ? { [BRAND_DIR.name]: `/var/task/${BUNDLED_BRAND_DIR}` } : {}),
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: LAMBDA_BUNDLING.sourceMap,
        target: LAMBDA_BUNDLING.target,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        // The SDK is bundled, trimmed (NodejsFunction would leave @aws-sdk/* to the runtime's copy).
        externalModules: [...LAMBDA_BUNDLING.external],
        esbuildArgs: { '--alias': Object.entries(LAMBDA_BUNDLING.alias).map(([from, to]) => `${from}=${to}`) },
        banner: LAMBDA_BUNDLING.banner,
        tsconfig: resolve(PROJECT_ROOT, 'tsconfig.json'),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) => [
            ...(props.bundleQuestionnaires
              ? [
                  `mkdir -p "${outputDir}/${BUNDLED_QUESTIONNAIRE_DIR}"`,
                  `cp "${resolve(inputDir, props.questionnaireDir ?? 'config/questionnaires')}"/*.json "${outputDir}/${BUNDLED_QUESTIONNAIRE_DIR}/"`,
                ]
              : []),
            ...(props.bundleBrandLogo && props.brandLogoFile ? [`mkdir -p "${outputDir}/${BUNDLED_BRAND_DIR}"`, `cp "${props.brandLogoFile}" "${outputDir}/${BUNDLED_BRAND_DIR}/"`] : []),
          ],
        },
      },
    });
  }

  /** Sets one of the function's settings; a setting its handler does not read is refused. */
  setEnv(setting: Setting, value: string): void {
    if (!this.declared.has(setting.name)) throw new Error(`${this.folder} does not read ${setting.name}: add it to functions/${this.folder}/settings.ts or do not set it`);
    this.set.add(setting.name);
    this.function.addEnvironment(setting.name, value);
  }
}
