import { Names, type CfnElement } from 'aws-cdk-lib';
import { Construct, type IConstruct } from 'constructs';

/**
 * One concern of a stack (its table, its API, its mail…). A part structures the code and the
 * construct tree only: its id is left out of the names CloudFormation knows its resources by
 * (the stack's `allocateLogicalId` returns {@link logicalIdWithoutParts}). A changed logical ID
 * makes CloudFormation replace the resource — a new, empty table; queues that drop what they
 * hold; an API whose new URL breaks every link already emailed — so a resource can move into
 * a part, or between parts, without being replaced. The resources' own ids must therefore be
 * unique across a stack's parts; two alike fail synth ("Resources already contains …").
 */
export abstract class StackPart extends Construct {}

/** The logical ID CDK would give `element` if no stack part were in its path. */
export function logicalIdWithoutParts(element: CfnElement): string {
  const scopes = element.node.scopes;
  return uniqueIdOfPath(idsOutsideParts(scopes.slice(scopes.indexOf(element.stack) + 1)));
}

/**
 * `Names.nodeUniqueId(construct.node)` if no stack part were in its path. Some CDK constructs
 * name a child after another construct's unique id (an SQS event source after its queue).
 */
export function uniqueIdWithoutParts(construct: IConstruct): string {
  return uniqueIdOfPath(idsOutsideParts(construct.node.scopes.slice(1)));
}

function idsOutsideParts(scopes: readonly IConstruct[]): string[] {
  return scopes.filter((scope) => !(scope instanceof StackPart)).map((scope) => scope.node.id);
}

/**
 * CDK's unique id of a construct path. CDK hashes only paths that exist, so this hashes a
 * detached copy of the path: its algorithm (and its MD5 fallback where FIPS forbids MD5) stays CDK's.
 */
function uniqueIdOfPath(ids: readonly string[]): string {
  const root = new Construct(undefined as unknown as Construct, '');
  return Names.nodeUniqueId(ids.reduce<Construct>((parent, id) => new Construct(parent, id), root).node);
}
