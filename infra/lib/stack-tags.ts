import { Aspects, CfnResource, Tags, TagManager, type IAspect } from 'aws-cdk-lib';
import type { Construct, IConstruct } from 'constructs';

/**
 * Tags every resource of the stack: `portico:stack` plus the operator's own tags. CDK's tag
 * propagation skips the raw resources of its own custom-resource providers (a function and its
 * role), so those get the same tags written onto them directly.
 */
export function tagEverything(scope: Construct, tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) Tags.of(scope).add(key, value);
  const list = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
  const untagged: IAspect = {
    visit(node: IConstruct) {
      if (!(node instanceof CfnResource) || TagManager.isTaggable(node)) return;
      if (['AWS::Lambda::Function', 'AWS::IAM::Role'].includes(node.cfnResourceType)) {
        node.addPropertyOverride('Tags', list);
      }
    },
  };
  Aspects.of(scope).add(untagged);
}
