import { Duration, Stack, TimeZone, Validations, type CfnElement } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { JOB_FUNCTION, type JobFunction, type ScheduleDefinition } from '../../shared/deployment/schedules.ts';
import { DeadLetterQueue } from './dead-letter-queue.ts';
import type { ProductFunction } from './product-function.ts';
import { StackPart } from './stack-part.ts';

export interface JobSchedulesProps {
  /** The schedules to create (`scheduleDefinitions(config)`), each read in its own time zone. */
  readonly definitions: readonly ScheduleDefinition[];
  /** The functions, by folder; each job runs the one JOB_FUNCTION names. */
  readonly functions: Readonly<Record<JobFunction, ProductFunction>>;
}

/**
 * EventBridge Scheduler schedules that invoke each job's function with `{ job }`, retried three
 * times within an hour and then dead-lettered, through one role that may invoke only those functions.
 */
export class JobSchedules extends StackPart {
  readonly role: iam.Role;
  readonly deadLetterQueue: DeadLetterQueue;
  readonly schedules: scheduler.Schedule[];

  constructor(scope: Construct, id: string, props: JobSchedulesProps) {
    super(scope, id);
    const targetOf = (definition: ScheduleDefinition) => props.functions[JOB_FUNCTION[definition.job]];
    const unserved = props.definitions.filter((definition) => !targetOf(definition)).map((definition) => definition.job);
    if (unserved.length > 0) throw new Error(`${id}: no function runs ${unserved.join(', ')}`);

    this.deadLetterQueue = new DeadLetterQueue(this, 'SchedulerDeadLetterQueue');
    const stack = Stack.of(this);
    this.role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
      description: 'Lets EventBridge Scheduler invoke the scheduled jobs',
    });
    for (const fn of new Set(props.definitions.map(targetOf))) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.function.node.defaultChild as CfnElement)}.Arn>:*]`,
        reason: 'The scheduler target grant covers the function and its versions (":*"); it names one function only.',
      });
    }
    this.schedules = props.definitions.map(
      (definition) =>
        new scheduler.Schedule(this, `Schedule-${definition.job}`, {
          description: definition.description,
          schedule: scheduler.ScheduleExpression.expression(definition.expression, TimeZone.of(definition.timeZone)),
          target: new targets.LambdaInvoke(targetOf(definition).function, {
            input: scheduler.ScheduleTargetInput.fromObject({ job: definition.job }),
            role: this.role,
            deadLetterQueue: this.deadLetterQueue,
            retryAttempts: 3,
            maxEventAge: Duration.hours(1),
          }),
        }),
    );
  }
}
